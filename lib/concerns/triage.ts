// The life of a concern, in words people use, and which status changes a lead may make. Pure.
import type { ConcernStatus, ReporterRelation } from "@/lib/generated/prisma/enums";

export const CONCERN_STATUSES = [
  "RECEIVED",
  "ACKNOWLEDGED",
  "UNDER_REVIEW",
  "LINKED",
  "RESPONDED",
  "CLOSED",
] as const satisfies readonly ConcernStatus[];

/** For the team. */
export const STATUS_LABELS: Record<ConcernStatus, string> = {
  RECEIVED: "Received",
  ACKNOWLEDGED: "Acknowledged",
  UNDER_REVIEW: "Under review",
  LINKED: "Linked to a priority or project",
  RESPONDED: "Responded",
  CLOSED: "Closed",
};

/** For the reporter, on the tracking page. */
export const PUBLIC_STATUS_LABELS: Record<ConcernStatus, { label: string; explanation: string }> = {
  RECEIVED: {
    label: "Received",
    explanation: "We have your concern. The patient safety team will read it and acknowledge it.",
  },
  ACKNOWLEDGED: { label: "Acknowledged", explanation: "The patient safety team has read your concern." },
  UNDER_REVIEW: {
    label: "Being looked at",
    explanation: "The team is looking into what you told us and what could be improved.",
  },
  LINKED: {
    label: "Linked to improvement work",
    explanation:
      "Your concern is now part of the evidence for one of the collaborative's safety priorities or projects.",
  },
  RESPONDED: { label: "Responded", explanation: "The team has replied to you. Their response is below." },
  CLOSED: { label: "Closed", explanation: "The team has finished working on your concern." },
};

export const STATUS_TAG_COLOURS: Record<ConcernStatus, "grey" | "blue" | "purple" | "orange" | "green" | "yellow"> = {
  RECEIVED: "yellow",
  ACKNOWLEDGED: "blue",
  UNDER_REVIEW: "purple",
  LINKED: "green",
  RESPONDED: "green",
  CLOSED: "grey",
};

export const RELATION_LABELS: Record<ReporterRelation, string> = {
  PATIENT: "The patient",
  CARER: "A carer, relative or friend",
  OTHER: "Someone else",
};

/** Rough time frames offered on the form ("roughly when"), stored as their key. */
export const HAPPENED_WHEN = {
  "last-week": "In the last week",
  "last-month": "In the last month",
  "last-6-months": "1 to 6 months ago",
  "last-year": "6 to 12 months ago",
  "over-a-year": "More than a year ago",
  "not-sure": "I'm not sure",
} as const;
export type HappenedWhen = keyof typeof HAPPENED_WHEN;

const order = (status: ConcernStatus) => CONCERN_STATUSES.indexOf(status);

/**
 * Statuses a lead can choose by hand. Moves go forward (steps may be skipped, e.g. straight to
 * "under review"); "linked" and "responded" follow from linking and responding, so they are not
 * offered; a closed concern can be reopened for review.
 */
export function manualNextStatuses(current: ConcernStatus): ConcernStatus[] {
  if (current === "CLOSED") return ["UNDER_REVIEW"];
  return (["ACKNOWLEDGED", "UNDER_REVIEW", "CLOSED"] as const).filter((s) => order(s) > order(current));
}

/** Linking or responding moves a concern on, but never back (a responded concern stays responded). */
export function statusAfter(current: ConcernStatus, event: "LINKED" | "RESPONDED"): ConcernStatus {
  return current !== "CLOSED" && order(event) > order(current) ? event : current;
}

/** Any move past "received" means someone has read it: that is the acknowledgement the service level counts. */
export function countsAsAcknowledged(status: ConcernStatus): boolean {
  return status !== "RECEIVED";
}
