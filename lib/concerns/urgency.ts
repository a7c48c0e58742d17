// A hazard to control: a concern that describes someone in danger now, left unread in the queue.
// New concerns whose words suggest that are shown to the team first. A screen, not a diagnosis:
// it errs towards flagging. The same pattern runs in PostgreSQL (~*) and here, so it uses only
// plain alternatives (no \b, which the two regular-expression dialects read differently).
export const URGENT_TERMS = [
  "suicid",
  "kill myself",
  "kill himself",
  "kill herself",
  "end my life",
  "self-harm",
  "self harm",
  "overdose",
  "abuse",
  "assault",
  "hitting",
  "in danger",
  "danger now",
  "right now",
  "still happening",
  "happening now",
  "not safe",
  "unsafe",
  "neglect",
  "safeguarding",
  "not breathing",
  "can't breathe",
  "cannot breathe",
  "emergency",
] as const;

export const URGENT_PATTERN = URGENT_TERMS.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

const urgentRegex = new RegExp(URGENT_PATTERN, "i");

export function mayDescribeImmediateRisk(text: string): boolean {
  return urgentRegex.test(text);
}

/**
 * The one rule for a concern (issue 23): any of its free-text answers suggests someone may be in danger
 * now. The same rule shows the sender where to get urgent help, emails the leads at once, puts it first
 * in triage and counts it on the dashboards. Its SQL twin, wherever a query filters by it:
 * `concat_ws(E'\\n', "whatHappened", impact, "whatWouldHaveHelped") ~* URGENT_PATTERN`.
 */
export function submissionMayDescribeImmediateRisk(concern: {
  whatHappened: string;
  impact: string;
  whatWouldHaveHelped: string;
}): boolean {
  return mayDescribeImmediateRisk(`${concern.whatHappened}\n${concern.impact}\n${concern.whatWouldHaveHelped}`);
}
