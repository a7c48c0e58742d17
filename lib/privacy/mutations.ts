// Retention of personal data that no one erases by hand (issue 19, finding 6): the nightly jobs in
// lib/privacy/jobs.ts call these. Each is safe to run again. Their periods come from the retention
// schedule (./retention-schedule.ts), which lists every personal field and how long it is kept.
import "server-only";
import { db } from "@/lib/db";
import { AUDIT_IP_RETENTION_DAYS, DAY_MS, STALE_INVITATION_DAYS } from "@/lib/privacy/retention-schedule";

export { AUDIT_IP_RETENTION_DAYS, STALE_INVITATION_DAYS };
const AUDIT_IP_BATCH = 10_000;

/**
 * Removes the IP address from audit events older than AUDIT_IP_RETENTION_DAYS, through the owner's
 * psc_expire_audit_ips() (the only change the audit log's trigger allows), in batches of 10,000.
 */
export async function expireAuditIps(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - AUDIT_IP_RETENTION_DAYS * DAY_MS);
  let expired = 0;
  for (;;) {
    const [row] = await db.$queryRaw<{ expired: number }[]>`
      SELECT psc_expire_audit_ips(${before}::timestamp, ${AUDIT_IP_BATCH}::int) AS expired`;
    expired += row!.expired;
    if (row!.expired < AUDIT_IP_BATCH) return expired;
  }
}

/** Deletes invitations never accepted whose link expired more than STALE_INVITATION_DAYS ago (revoked ones too). */
export async function purgeStaleInvitations(now = new Date()): Promise<number> {
  const { count } = await db.invitation.deleteMany({
    where: { acceptedAt: null, expiresAt: { lt: new Date(now.getTime() - STALE_INVITATION_DAYS * DAY_MS) } },
  });
  return count;
}
