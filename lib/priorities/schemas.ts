import { z } from "zod";
import { ranksFromForm } from "./ranking";
import { readDateInput } from "@/lib/events/date-input";
import { idField, optionalId, optionalText, requiredText, versionField } from "@/lib/schema-fields";
import { fromLondonWallTime } from "@/lib/events/schedule";

export const TITLE_MAX = 150;

const title = (missing: string) => requiredText(TITLE_MAX, "The title", missing);

/** "Ranking closes": the end of the chosen day, UK time; optional. */
const closesAtParts = {
  "closesAt-day": z.string().optional(),
  "closesAt-month": z.string().optional(),
  "closesAt-year": z.string().optional(),
};

/** Who is asked to rank (and told when the round opens): patients and carers, staff, or both. */
const participantGroups = z
  .array(z.enum(["PATIENT_CARER", "STAFF"], { error: "Choose patients and carers, staff, or both" }))
  .max(2)
  .default([])
  .transform((groups) => [...new Set(groups)])
  .refine((groups) => groups.length > 0, "Choose who is asked to rank: patients and carers, staff, or both");

function withClosesAt<T extends Record<string, unknown>>(value: T, ctx: z.RefinementCtx) {
  const read = readDateInput(value, "closesAt", "The closing date");
  if (!read.ok) {
    ctx.addIssue({ code: "custom", message: read.message, path: ["closesAt"] });
    return z.NEVER;
  }
  const closesAt = read.date
    ? new Date(fromLondonWallTime(read.date.year, read.date.month, read.date.day, 23, 59).getTime() + 59_999)
    : null;
  return { ...value, closesAt };
}

/** Lead's own candidates: one per line in a text box. */
const proposalLines = z
  .string()
  .optional()
  .default("")
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(TITLE_MAX, `Each candidate must be ${TITLE_MAX} characters or fewer`))
      .max(20, "Add at most 20 candidates of your own"),
  );

/** A new round is a draft: only the collaborative's leads see it until it opens. */
export const createRoundSchema = z
  .object({
    collaborativeId: idField,
    title: title("Enter a title for the round, for example Our priorities for 2027"),
    description: optionalText(2000, "The description"),
    participantGroups,
    areaIds: z.array(idField).max(40).default([]),
    proposals: proposalLines,
    ...closesAtParts,
  })
  .superRefine((value, ctx) => {
    const lower = value.proposals.map((p) => p.toLowerCase());
    if (new Set(lower).size !== lower.length)
      ctx.addIssue({ code: "custom", message: "Each of your candidates must be different", path: ["proposals"] });
    if (value.areaIds.length + value.proposals.length < 2) {
      ctx.addIssue({
        code: "custom",
        message: "Choose at least 2 candidates: tick areas, add your own, or both",
        path: ["areaIds"],
      });
    }
  })
  .transform(withClosesAt);

export const updateRoundSchema = z
  .object({
    roundId: idField,
    version: versionField,
    title: title("Enter a title for the round"),
    description: optionalText(2000, "The description"),
    participantGroups,
    ...closesAtParts,
  })
  .transform(withClosesAt);

/** Open the round now, or schedule it to open at the start of a day (UK time). */
export const scheduleRoundSchema = z
  .object({
    roundId: idField,
    version: versionField,
    start: z.enum(["now", "date"], { error: "Choose whether to open the round now or on a date" }),
    "opensAt-day": z.string().optional(),
    "opensAt-month": z.string().optional(),
    "opensAt-year": z.string().optional(),
  })
  .transform((value, ctx) => {
    if (value.start === "now") return { roundId: value.roundId, version: value.version, opensAt: null };
    const read = readDateInput(value, "opensAt", "The opening date");
    if (!read.ok || !read.date) {
      ctx.addIssue({
        code: "custom",
        message: read.ok ? "Enter the date the round opens, for example 1 3 2027" : read.message,
        path: ["opensAt"],
      });
      return z.NEVER;
    }
    const opensAt = fromLondonWallTime(read.date.year, read.date.month, read.date.day, 0, 0);
    return { roundId: value.roundId, version: value.version, opensAt };
  });

export const proposeCandidateSchema = z.object({
  roundId: idField,
  title: title("Enter your proposed priority, for example Safer discharge for people living alone"),
  description: optionalText(1000, "Why it matters"),
});

export const withdrawCandidateSchema = z.object({ roundId: idField, candidateId: idField });

export const commentSchema = z.object({
  roundId: idField,
  candidateId: optionalId,
  body: requiredText(2000, "Your comment", "Enter your comment"),
});

export const ballotSchema = z.object({
  roundId: idField,
  ranks: z.record(z.string(), z.string()),
});

/** The ranking form: one `rank-<candidate id>` field per candidate, gathered into `ranks`. */
export const ballotFormSchema = z.preprocess((posted) => {
  const fields = (posted ?? {}) as Record<string, unknown>;
  return { roundId: fields.roundId, ranks: ranksFromForm(Object.entries(fields)) };
}, ballotSchema);

/**
 * Closing takes two steps on one form: "check" shows what closing will do (the confirmation), "change"
 * goes back to the choices with what was typed, and "confirm" closes.
 */
export const closeRoundSchema = z.object({
  roundId: idField,
  version: versionField,
  // Required (each button sends its own): a request without it is a stale or hand-made page, never a close.
  step: z.enum(["check", "change", "confirm"]),
  chosen: z.array(idField).min(1, "Choose at least one candidate to become a local priority"),
  rationale: requiredText(
    4000,
    "The explanation",
    "Explain the decision: why these priorities, and how the ranking was used",
  ),
});

export const priorityStatusSchema = z.object({
  priorityId: idField,
  currentStatus: z.enum(["ACTIVE", "ACHIEVED", "RETIRED"]),
  status: z.enum(["ACTIVE", "ACHIEVED", "RETIRED"], { error: "Choose a status" }),
});

export type CreateRoundInput = z.infer<typeof createRoundSchema>;
/** Who is asked may be left out by callers that do not change it (the form always sends it). */
export type UpdateRoundInput = Omit<z.infer<typeof updateRoundSchema>, "participantGroups"> & {
  participantGroups?: ("PATIENT_CARER" | "STAFF")[];
};
export type ScheduleRoundInput = z.infer<typeof scheduleRoundSchema>;
export type ProposeCandidateInput = z.infer<typeof proposeCandidateSchema>;
export type WithdrawCandidateInput = z.infer<typeof withdrawCandidateSchema>;
export type CommentInput = z.infer<typeof commentSchema>;
export type BallotInput = z.infer<typeof ballotSchema>;
export type CloseRoundInput = Omit<z.infer<typeof closeRoundSchema>, "step">;
export type PriorityStatusInput = z.infer<typeof priorityStatusSchema>;
