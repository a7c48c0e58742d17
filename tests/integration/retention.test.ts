// Personal data with an end (issue 19, finding 6): audit events lose their IP address after the
// retention period — the only change the append-only audit log allows, made by the owner's function —
// and invitations never accepted go with their email address once stale. Run through the job registry,
// as the worker runs them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jobs } from "@/lib/jobs/registry";
import { AUDIT_IP_RETENTION_DAYS, STALE_INVITATION_DAYS } from "@/lib/privacy/mutations";
import { createCast, type Cast } from "@/tests/fixtures/factories";

let cast: Cast;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  cast = await createCast();
});

async function auditEventAt(at: Date, ip: string | null) {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "AuditEvent" (at, action, "subjectType", "subjectId", ip, details)
    VALUES (${at}, 'user.signed_in', 'User', 'retention-test', ${ip}, '{"method":"password"}'::jsonb) RETURNING id`;
  return row!.id;
}

const auditRow = (id: bigint) =>
  db.auditEvent.findUniqueOrThrow({
    where: { id },
    select: { at: true, action: true, subjectType: true, subjectId: true, ip: true, details: true },
  });

describe("IP addresses in the audit log", () => {
  it(`are removed after ${AUDIT_IP_RETENTION_DAYS} days by the nightly job, and nothing else about the event changes`, async () => {
    const old = await auditEventAt(daysAgo(AUDIT_IP_RETENTION_DAYS + 1), "203.0.113.7");
    const recent = await auditEventAt(daysAgo(AUDIT_IP_RETENTION_DAYS - 1), "198.51.100.4");
    const before = await auditRow(old);

    await jobs["privacy.expire-audit-ips"]!.handler();

    expect(await auditRow(old)).toEqual({ ...before, ip: null });
    expect((await auditRow(recent)).ip).toBe("198.51.100.4");
  });

  it("stay out of reach of the app role: it may not update the audit log, not even to remove an IP", async () => {
    const id = await auditEventAt(daysAgo(AUDIT_IP_RETENTION_DAYS + 5), "192.0.2.1");
    const error = await db.$executeRaw`UPDATE "AuditEvent" SET ip = NULL WHERE id = ${id}`.catch((e: Error) => e);
    expect(String(error)).toMatch(/permission denied/);
    expect((await auditRow(id)).ip).toBe("192.0.2.1");
  });
});

describe("invitations never accepted", () => {
  it(`go with their email address ${STALE_INVITATION_DAYS} days after they expired; accepted and live ones stay`, async () => {
    const invite = (email: string, expiresAt: Date, acceptedAt: Date | null) =>
      db.invitation.create({
        data: {
          collaborativeId: cast.collaborativeA.id,
          email,
          role: "STAFF",
          tokenHash: `retention-${email}`,
          invitedById: cast.viewers.leadA.userId!,
          expiresAt,
          acceptedAt,
        },
      });
    const stale = await invite("stale@example.org", daysAgo(STALE_INVITATION_DAYS + 1), null);
    const lately = await invite("lately@example.org", daysAgo(STALE_INVITATION_DAYS - 1), null);
    const accepted = await invite("accepted@example.org", daysAgo(STALE_INVITATION_DAYS + 60), daysAgo(90));

    await jobs["privacy.purge-stale-invitations"]!.handler();

    const left = await db.invitation.findMany({
      where: { id: { in: [stale.id, lately.id, accepted.id] } },
      select: { id: true },
    });
    expect(left.map((i) => i.id).sort()).toEqual([lately.id, accepted.id].sort());
  });
});
