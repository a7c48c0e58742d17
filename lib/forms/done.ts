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
  // Triage of a concern (the concern's page; the queue for one passed on)
  "concern-status-acknowledged": 'Status changed to "Acknowledged".',
  "concern-status-under-review": 'Status changed to "Under review".',
  "concern-status-closed": 'Status changed to "Closed". The reporter sees the outcome on their tracking page.',
  "concern-assigned": "Concern assigned.",
  "concern-unassigned": "Concern unassigned.",
  "concern-note-added": "Note added. Only the team can see it.",
  "concern-linked": "Concern linked.",
  "concern-shared": "The text can now be shared outside the collaborative.",
  "concern-not-shared": "The text is now kept within the collaborative.",
  "concern-responded-emailed":
    "Response published on the reporter's tracking page. It has been emailed to the reporter.",
  "concern-responded-no-email":
    "Response published on the reporter's tracking page. The reporter gave a phone number but no email address, so it was not emailed.",
  "concern-responded-no-consent":
    "Response published on the reporter's tracking page. The reporter did not agree to be contacted, so it was not emailed.",
  "concern-responded-email-failed":
    "Response published on the reporter's tracking page. The email could not be sent just now; it will be tried again automatically.",
  "concern-responded-no-contact":
    "Response published on the reporter's tracking page. They did not give contact details for email, so it was not emailed.",
  "concern-passed-on": "The concern has been passed on to the other collaborative.",
  "concern-settings-saved": "Settings saved.",
  "concern-released":
    "Concern released: it is now in the list below as a new concern, its acknowledgement due from the day it was sent.",
  "concern-discarded": "Concern discarded and erased.",
  // The reporter's reply (tracking page, My concerns)
  "reply-sent": "Thank you. Your reply has been sent to the patient safety team, and is shown below.",
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

/** The id of the banner (DoneBanner) a redirect lands on: without JavaScript the browser scrolls to it. */
export const DONE_BANNER_ID = "done";

/** As withDone, landing on the banner: for pages whose result would otherwise be out of sight (triage). */
export function withDoneBanner(path: string, key: DoneKey): string {
  return `${withDone(path, key)}#${DONE_BANNER_ID}`;
}

/** The message for a page's `done` search parameter, or null for anything unknown. */
export function doneMessage(value: string | string[] | undefined): string | null {
  return typeof value === "string" && Object.hasOwn(DONE_MESSAGES, value) ? DONE_MESSAGES[value as DoneKey] : null;
}
