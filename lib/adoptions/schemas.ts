import { z } from "zod";
import { ADOPTION_STATUSES } from "@/lib/learning/labels";

const idField = z.string().trim().min(1).max(40);
const optionalId = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => (v ? v : null));

const reasonField = z.string().trim().max(2000, "The reason must be 2,000 characters or fewer").optional().default("");

const needsReason = (v: { status: string; notAdoptedReason: string }) => v.status !== "NOT_ADOPTED" || v.notAdoptedReason.length > 0;
const needsReasonMessage = { message: "Tell others why you decided not to adopt it", path: ["notAdoptedReason"] };

export const createAdoptionSchema = z
  .object({
    learningItemId: idField,
    collaborativeId: idField,
    organisationId: optionalId,
    projectId: optionalId,
    measureId: optionalId,
    status: z.enum(ADOPTION_STATUSES, "Select where you are with it"),
    notAdoptedReason: reasonField,
  })
  .refine(needsReason, needsReasonMessage);
export type CreateAdoptionInput = z.infer<typeof createAdoptionSchema>;

export const updateAdoptionSchema = z
  .object({
    id: idField,
    version: z.coerce.number().int().min(1),
    projectId: optionalId,
    measureId: optionalId,
    status: z.enum(ADOPTION_STATUSES, "Select where you are with it"),
    notAdoptedReason: reasonField,
    note: z.string().trim().max(1000, "The note must be 1,000 characters or fewer").optional().default(""),
  })
  .refine(needsReason, needsReasonMessage);
export type UpdateAdoptionInput = z.infer<typeof updateAdoptionSchema>;
