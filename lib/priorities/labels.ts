// Words for priority-setting enums. Pure.
import type {
  CandidateSource,
  MembershipRole,
  ParticipantGroup,
  PriorityStatus,
  RoundStatus,
} from "@/lib/generated/prisma/enums";

/** Whose ballot counts as whose: patients and carers apart; staff and leads together as staff. */
export function participantGroupFor(role: MembershipRole): ParticipantGroup {
  return role === "PATIENT" ? "PATIENT_CARER" : "STAFF";
}

export const PRIORITY_STATUS_LABELS: Record<PriorityStatus, string> = {
  ACTIVE: "Active",
  ACHIEVED: "Achieved",
  RETIRED: "Retired",
};

export const PRIORITY_STATUS_HINTS: Record<PriorityStatus, string> = {
  ACTIVE: "The collaborative is working on it",
  ACHIEVED: "The aim was met; the work is being sustained",
  RETIRED: "No longer a priority; its history stays visible",
};

export const PRIORITY_STATUS_COLOURS: Record<PriorityStatus, "green" | "blue" | "grey"> = {
  ACTIVE: "green",
  ACHIEVED: "blue",
  RETIRED: "grey",
};

export const CANDIDATE_SOURCE_LABELS: Record<CandidateSource, string> = {
  NATIONAL: "National priority area",
  CONCERNS: "Raised in concerns",
  PROPOSAL: "Proposed by a member",
};

export const PARTICIPANT_GROUP_LABELS: Record<ParticipantGroup, string> = {
  PATIENT_CARER: "Patients and carers",
  STAFF: "Staff",
};

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  DRAFT: "Draft",
  SCHEDULED: "Scheduled",
  OPEN: "Open",
  CLOSED: "Closed",
};

export const ROUND_STATUS_COLOURS: Record<RoundStatus, "blue" | "yellow" | "green" | "grey"> = {
  DRAFT: "blue",
  SCHEDULED: "yellow",
  OPEN: "green",
  CLOSED: "grey",
};
