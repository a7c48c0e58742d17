// Plain words for roles, and the email-domain rule for staff who register themselves.
import type { MembershipRole } from "@/lib/generated/prisma/enums";

export function roleLabel(role: MembershipRole): string {
  return { PATIENT: "Patient or carer", STAFF: "Staff member", LEAD: "Collaborative lead" }[role];
}

export function globalRoleLabel(role: "NONE" | "NATIONAL" | "ADMIN"): string {
  return { NONE: "No national role", NATIONAL: "National team (NHS England / NHS IQ)", ADMIN: "Administrator" }[role];
}

/** "nhs.net" allows name@nhs.net and name@trust.nhs.net, never name@evil-nhs.net. */
export function emailDomainAllowed(email: string, allowedDomains: string[]): boolean {
  const domain = email.trim().toLowerCase().split("@")[1];
  if (!domain || email.split("@").length !== 2) return false;
  return allowedDomains.some((allowed) => {
    const d = allowed.trim().toLowerCase().replace(/^@/, "");
    return d.length > 0 && (domain === d || domain.endsWith(`.${d}`));
  });
}
