import type { OrganisationType } from "@/lib/generated/prisma/enums";

/** How each type of member organisation is named on screen, in the order forms offer them. */
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  ACUTE_TRUST: "Acute hospital trust",
  MENTAL_HEALTH_TRUST: "Mental health trust",
  COMMUNITY_SERVICE: "Community service",
  GP_PRACTICE: "GP practice",
  CARE_HOME: "Care home",
  AMBULANCE_SERVICE: "Ambulance service",
  LOCAL_AUTHORITY: "Local authority",
  PATIENT_GROUP: "Patient group",
  UNIVERSITY: "University",
  CHARITY: "Charity",
  INDUSTRY: "Industry",
  OTHER: "Other",
};

export const ORGANISATION_TYPES = Object.keys(ORGANISATION_TYPE_LABELS) as OrganisationType[];
