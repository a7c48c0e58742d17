import { z } from "zod";
import { idField, requiredText, versionField } from "@/lib/schema-fields";
import { validateOdsCode } from "./ods";
import { ORGANISATION_TYPES } from "./organisation-types";

const organisationFields = z.object({
  collaborativeId: idField,
  name: requiredText(200, "The name", "Enter the organisation's name"),
  type: z.enum(ORGANISATION_TYPES, { error: "Choose the type of organisation" }),
  odsCode: z
    .string()
    .max(20, "ODS code must be 3 to 6 letters or numbers, for example RHM or J82001")
    .optional()
    .default(""),
});

/** The ODS code is checked against the type's format and comes out tidied (capitals, no spaces) or null. */
function withOdsCode<T extends z.infer<typeof organisationFields>>(value: T, ctx: z.RefinementCtx) {
  const ods = validateOdsCode(value.odsCode, value.type);
  if (!ods.ok) {
    ctx.addIssue({ code: "custom", message: ods.message, path: ["odsCode"] });
    return z.NEVER;
  }
  return { ...value, odsCode: ods.code };
}

export const createOrganisationSchema = organisationFields.transform(withOdsCode);

export const updateOrganisationSchema = organisationFields
  .extend({
    organisationId: idField,
    version: versionField,
    active: z
      .enum(["true", "false"], { error: "Choose whether the organisation is still a member" })
      .transform((v) => v === "true"),
  })
  .transform(withOdsCode);

export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;
