/**
 * ODS codes (NHS Organisation Data Service): the identifier NHS organisations are known by, used to
 * match a member organisation to national data. Pure: no framework or database imports.
 *
 * Every code is 3 to 6 capital letters or digits. Where the format for a type of organisation is
 * known, the check is stricter:
 * - NHS trusts (acute, mental health, ambulance): 3 characters starting with R or T (RHM, RTH, TAD),
 *   or 5 for one of the trust's sites (RHM01).
 * - Community services: a trust's code as above, or an independent provider's, which starts with N
 *   (NQA, NQA01).
 * - GP practices: a letter and 5 digits (J82001).
 * - Care homes: 5 characters starting with V or N (VM123, NXT01), or an N provider code (NXT).
 * - Local authorities: 3 characters (the council's ODS code, e.g. 919 or E0A).
 * Other types (patient groups, universities, charities, industry) rarely have one: the general rule only.
 */
import type { OrganisationType } from "@/lib/generated/prisma/enums";

type FormatRule = { pattern: RegExp; message: string };

const GENERAL: FormatRule = {
  pattern: /^[A-Z0-9]{3,6}$/,
  message: "ODS code must be 3 to 6 letters or numbers, for example RHM or J82001",
};

const TRUST: FormatRule = {
  pattern: /^[RT][A-Z0-9]{2}([A-Z0-9]{2})?$/,
  message:
    "An NHS trust's ODS code is 3 characters starting with R or T, for example RHM, or 5 for one of its sites, for example RHM01",
};

export const ODS_RULES: Partial<Record<OrganisationType, FormatRule>> = {
  ACUTE_TRUST: TRUST,
  MENTAL_HEALTH_TRUST: TRUST,
  AMBULANCE_SERVICE: TRUST,
  COMMUNITY_SERVICE: {
    pattern: /^[RTN][A-Z0-9]{2}([A-Z0-9]{2})?$/,
    message: "A community service's ODS code is 3 or 5 characters starting with R, T or N, for example RYJ or NQA01",
  },
  GP_PRACTICE: {
    pattern: /^[A-Z][0-9]{5}$/,
    message: "A GP practice's ODS code is a letter followed by 5 numbers, for example J82001",
  },
  CARE_HOME: {
    pattern: /^[VN][A-Z0-9]{2}([A-Z0-9]{2})?$/,
    message: "A care home's ODS code starts with V or N and has 3 or 5 characters, for example VM123 or NXT01",
  },
  LOCAL_AUTHORITY: {
    pattern: /^[A-Z0-9]{3}$/,
    message: "A local authority's ODS code is 3 letters or numbers, for example 919",
  },
};

export type OdsResult = { ok: true; code: string | null } | { ok: false; message: string };

/** Tidies what was typed (spaces removed, capitals) and checks it against the type's format. Empty is allowed. */
export function validateOdsCode(input: string | null | undefined, type: OrganisationType): OdsResult {
  const code = (input ?? "").replace(/\s+/g, "").toUpperCase();
  if (code === "") return { ok: true, code: null };
  if (!GENERAL.pattern.test(code)) return { ok: false, message: GENERAL.message };
  const rule = ODS_RULES[type];
  if (rule && !rule.pattern.test(code)) return { ok: false, message: rule.message };
  return { ok: true, code };
}
