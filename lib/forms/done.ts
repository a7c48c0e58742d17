/**
 * What a redirect after a successful form says on the next page: `?done=<key>` in the address, so
 * it survives the redirect, works without JavaScript and is never free text someone could forge.
 * Pages show it with `SuccessMessage` (role="status", so screen readers announce it).
 */
export const DONE_MESSAGES = {
  "project-created": "Project created.",
  "project-updated": "Your changes to the project have been saved.",
  "project-archived": "Project archived. It is hidden from every list and figure until a lead restores it.",
  "project-restored": "Project restored. It is back in lists and figures.",
  "measure-created": "Measure created. Add its data below.",
  "measure-updated": "Your changes to the measure have been saved.",
  "measure-archived": "Measure archived. It is hidden from the project and every figure until it is restored.",
  "measure-restored": "Measure restored.",
  "cycle-created": "PDSA cycle created.",
  "cycle-updated": "Your changes to the PDSA cycle have been saved.",
  "project-from-template":
    "Project created from the template, with its measures, driver diagram and change ideas. It is a draft: only your collaborative’s staff and leads can see it.",
  "project-started-from":
    "Project created from their work, with its aim, measures, driver diagram and change ideas. It is a draft: only your collaborative’s staff and leads can see it.",
  "project-started-adopted":
    "Project created from their work, and your collaborative’s adoption of the change idea is recorded. It is a draft: only your collaborative’s staff and leads can see it.",
  "template-created": "Template added. Staff can now start projects from it.",
  "template-updated":
    "Template saved. Projects started from now on get the new version; existing projects are unchanged.",
  "yousaid-created":
    "Draft saved. Send it for approval when it is ready: another lead or the national team approves it.",
  "yousaid-saved": "Your changes to the draft have been saved.",
  "yousaid-submitted": "Sent for approval. Another lead of the collaborative or the national team can now publish it.",
  "yousaid-published": "Published. It is now on the collaborative’s You said, we did page.",
  "yousaid-sent-back": "Sent back to its author with your reason.",
  "yousaid-withdrawn": "Withdrawn. It is no longer on the public pages.",
} as const;

export type DoneKey = keyof typeof DONE_MESSAGES;

/** `path` with the flag that makes the next page say `key` worked. */
export function withDone(path: string, key: DoneKey): string {
  return `${path}${path.includes("?") ? "&" : "?"}done=${key}`;
}

/** The message for a page's `done` search parameter, or null for anything unknown. */
export function doneMessage(value: string | string[] | undefined): string | null {
  return typeof value === "string" && Object.hasOwn(DONE_MESSAGES, value) ? DONE_MESSAGES[value as DoneKey] : null;
}
