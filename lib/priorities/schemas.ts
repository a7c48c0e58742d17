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

export const openRoundSchema = z
  .object({
    collaborativeId: idField,
    title: title("Enter a title for the round, for example Our priorities for 2027"),
    description: optionalText(2000, "The description"),
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
    ...closesAtParts,
  })
  .transform(withClosesAt);

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

export const closeRoundSchema = z.object({
  roundId: idField,
  version: versionField,
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

export type OpenRoundInput = z.infer<typeof openRoundSchema>;
export type UpdateRoundInput = z.infer<typeof updateRoundSchema>;
export type ProposeCandidateInput = z.infer<typeof proposeCandidateSchema>;
export type WithdrawCandidateInput = z.infer<typeof withdrawCandidateSchema>;
export type CommentInput = z.infer<typeof commentSchema>;
export type BallotInput = z.infer<typeof ballotSchema>;
export type CloseRoundInput = z.infer<typeof closeRoundSchema>;
export type PriorityStatusInput = z.infer<typeof priorityStatusSchema>;
