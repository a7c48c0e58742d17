import { z } from "zod";
import { ADOPTION_STATUSES } from "@/lib/learning/labels";
import { idField, optionalId, optionalText, versionField } from "@/lib/schema-fields";

const reasonField = optionalText(2000, "The reason");

const needsReason = (v: { status: string; notAdoptedReason: string }) =>
  v.status !== "NOT_ADOPTED" || v.notAdoptedReason.length > 0;
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
    version: versionField,
    projectId: optionalId,
    measureId: optionalId,
    status: z.enum(ADOPTION_STATUSES, "Select where you are with it"),
    notAdoptedReason: reasonField,
    note: optionalText(1000, "The note"),
  })
  .refine(needsReason, needsReasonMessage);
export type UpdateAdoptionInput = z.infer<typeof updateAdoptionSchema>;
