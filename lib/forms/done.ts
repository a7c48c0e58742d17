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
  "round-created":
    "Draft round saved. Only your collaborative’s leads can see it. Check its candidates, then open it or schedule it to open on a date.",
  "round-updated": "Your changes to the round have been saved.",
  "round-opened": "The round is open. The members it asks can now rank the candidates, propose more and comment.",
  "round-scheduled":
    "The round is scheduled. It opens automatically at the start of the day you chose, and the members it asks are emailed then; until then only your collaborative’s leads can see it.",
  "round-closed":
    "The round is closed and your decision is published. The chosen candidates are now the collaborative’s priorities.",
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
