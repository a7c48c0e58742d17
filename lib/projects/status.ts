/** The project lifecycle (Model for Improvement stages), in words people use. Pure: no data access. */
import type { PdsaDecision, ProjectStatus, Visibility } from "@/lib/generated/prisma/enums";

/** In lifecycle order; CLOSED can follow any stage, and a closed project can be reopened. */
export const PROJECT_STATUSES = [
  "IDEA",
  "PLANNING",
  "TESTING",
  "IMPLEMENTING",
  "SPREADING",
  "SUSTAINING",
  "CLOSED",
] as const satisfies readonly ProjectStatus[];

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  IDEA: "Idea",
  PLANNING: "Planning",
  TESTING: "Testing changes",
  IMPLEMENTING: "Implementing",
  SPREADING: "Spreading",
  SUSTAINING: "Sustaining",
  CLOSED: "Closed",
};

export const STATUS_HINTS: Record<ProjectStatus, string> = {
  IDEA: "A safety problem worth working on; no team or plan yet",
  PLANNING: "Team formed, aim and measures being agreed, baseline data collected",
  TESTING: "Testing change ideas in small PDSA cycles",
  IMPLEMENTING: "Making the changes that worked part of everyday practice",
  SPREADING: "Helping other wards, teams or organisations adopt the changes",
  SUSTAINING: "Holding the gains: the measures are monitored, no active testing",
  CLOSED: "Work has stopped; say why, so others can learn from it",
};

export const STATUS_TAG_COLOURS: Record<ProjectStatus, "grey" | "blue" | "purple" | "orange" | "green" | "yellow"> = {
  IDEA: "grey",
  PLANNING: "yellow",
  TESTING: "blue",
  IMPLEMENTING: "purple",
  SPREADING: "green",
  SUSTAINING: "green",
  CLOSED: "grey",
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  DRAFT: "Draft: members of this collaborative only",
  PORTAL: "Portal: staff in every collaborative and the national team",
  PUBLIC: "Public: anyone, including people who are not signed in",
};

/** Why a status change is refused, or null when it is allowed. */
export function statusChangeProblem(
  from: ProjectStatus,
  to: ProjectStatus,
  reason: string,
): { field: "status" | "reason"; message: string } | null {
  if (from === to)
    return { field: "status", message: `The project is already at “${STATUS_LABELS[to]}”: choose a different stage` };
  if (to === "CLOSED" && reason.trim() === "") return { field: "reason", message: "Say why the project is closing" };
  return null;
}

/** A PDSA cycle's decision (Act), as it is chosen… */
export const PDSA_DECISION_LABELS: Record<PdsaDecision, string> = {
  ADOPT: "Adopt",
  ADAPT: "Adapt",
  ABANDON: "Abandon",
};
/** …and as what was decided. */
export const PDSA_DECISION_OUTCOMES: Record<PdsaDecision, string> = {
  ADOPT: "Adopted",
  ADAPT: "Adapted",
  ABANDON: "Abandoned",
};
