import { z } from "zod";
import { idField } from "@/lib/schema-fields";

export const ERASE_CONFIRMATION = "ERASE";

export const eraseSchema = z.object({
  userId: idField,
  confirm: z
    .string()
    .trim()
    .refine(
      (v) => v.toUpperCase() === ERASE_CONFIRMATION,
      `Type ${ERASE_CONFIRMATION} to confirm that this person's details should be erased`,
    ),
});
