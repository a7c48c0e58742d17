import { z } from "zod";

export const ERASE_CONFIRMATION = "ERASE";

export const personIdSchema = z.string().trim().min(1).max(64);

export const eraseSchema = z.object({
  userId: personIdSchema,
  confirm: z
    .string()
    .trim()
    .refine((v) => v.toUpperCase() === ERASE_CONFIRMATION, `Type ${ERASE_CONFIRMATION} to confirm that this person's details should be erased`),
});
