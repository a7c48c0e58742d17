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

/**
 * Who sees a project, in the words every label uses (the rule: readableProjects in lib/auth/policy.ts;
 * what counts in figures: lib/projects/counted.ts). Also the audit's and the conflict page's words.
 */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  DRAFT: "Draft: staff and leads of this project’s collaborative only",
  PORTAL: "Portal: staff of every collaborative and the national team",
  PUBLIC: "Public: anyone, including people who are not signed in",
};

/** The project form's choices, naming the collaborative, each with what it means for the figures. */
export function visibilityChoices(collaborativeName: string): { value: Visibility; label: string; hint: string }[] {
  return [
    {
      value: "DRAFT",
      label: `Draft: staff and leads of ${collaborativeName} only`,
      hint: "Not the national team, other collaboratives or patient members. It counts in no dashboard, national figure, export or evidence of improvement until you share it.",
    },
    {
      value: "PORTAL",
      label: VISIBILITY_LABELS.PORTAL,
      hint: "Signed-in staff only. Its measures count in the dashboards and national figures.",
    },
    {
      value: "PUBLIC",
      label: VISIBILITY_LABELS.PUBLIC,
      hint: "Its measures count in the dashboards and national figures.",
    },
  ];
}

/** The tag on a draft, wherever it is listed or shown. */
export function draftTag(collaborativeName: string): string {
  return `Draft: only staff and leads of ${collaborativeName} can see it`;
}

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
