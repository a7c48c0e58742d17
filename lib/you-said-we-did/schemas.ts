import { z } from "zod";
import { idField, optionalId, pageNumber, requiredText, versionField } from "@/lib/schema-fields";

// Field names are the forms' input names. Messages follow the NHS error message style.

export const LIMITS = { youSaid: 600, weDid: 1000, reason: 1000 } as const;

const summaries = {
  youSaid: requiredText(LIMITS.youSaid, "What people raised", "Enter a summary of what people raised", {
    clean: true,
  }),
  weDid: requiredText(LIMITS.weDid, "What changed", "Enter a summary of what changed", { clean: true }),
  concernIds: z
    .array(idField, { error: "Select at least one concern this is about" })
    .min(1, "Select at least one concern this is about")
    .max(50, "Select 50 concerns or fewer"),
  priorityId: optionalId,
  projectId: optionalId,
  measureId: optionalId,
};

/** A new item: its collaborative comes from the page, the domain checks the writer leads it. */
export const createItemSchema = z.object({ collaborativeId: idField, ...summaries });
export type CreateItemInput = z.infer<typeof createItemSchema>;

/** Changing a draft (or one sent back): the version it was opened at, so two leads cannot overwrite each other. */
export const updateItemSchema = z.object({ itemId: idField, version: versionField, ...summaries });
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

export const itemStepSchema = z.object({ itemId: idField, version: versionField });
export type ItemStepInput = z.infer<typeof itemStepSchema>;

export const sendBackSchema = z.object({
  itemId: idField,
  version: versionField,
  sendBackReason: requiredText(LIMITS.reason, "The reason", "Enter what needs to change before it can be published", {
    clean: true,
  }),
});
export type SendBackInput = z.infer<typeof sendBackSchema>;

export const withdrawSchema = z.object({
  itemId: idField,
  version: versionField,
  withdrawReason: requiredText(LIMITS.reason, "The reason", "Enter why it is being withdrawn", { clean: true }),
});
export type WithdrawInput = z.infer<typeof withdrawSchema>;

export const publicListSchema = z.object({ page: pageNumber });
