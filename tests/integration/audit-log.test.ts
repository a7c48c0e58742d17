// The audit log: append-only in PostgreSQL itself (the portal's role has no right to UPDATE, DELETE or
// TRUNCATE it, and a trigger refuses them whoever asks), and written by every event the portal
// promises to record — sign-in, role changes, concern status changes, contact-detail reveals, exports and deletions — through the real domain
// functions, without personal data in the details.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { changeMemberRole, removeMember, setGlobalRole } from "@/lib/accounts/mutations";
import { changeConcernStatus, revealContact } from "@/lib/concerns/mutations";
import { archiveProject } from "@/lib/projects/mutations";
import { exportMeasuresCsv } from "@/lib/measures/queries";
import { dashboardCsv } from "@/lib/dashboard/exports";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { getDashboardReference, knownValues } from "@/lib/dashboard/queries";
import { exportPersonalData } from "@/lib/privacy/export-personal-data";
import { erasePerson } from "@/lib/privacy/erase-person";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { createPasswordUser, PASSWORD, uniqueIp } from "@/tests/fixtures/accounts";
import { createConcern } from "@/tests/fixtures/concerns";
import { createProjectWithMeasure } from "@/tests/fixtures/learning";
import { runAsOwner } from "@/tests/fixtures/owner-sql";

let cast: Cast;
beforeAll(async () => {
  cast = await createCast();
});

/** Every column of the rows, for "unchanged" comparisons. */
const rowsById = (ids: bigint[]) => db.auditEvent.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });

describe("the audit log is append-only in the database", () => {
  async function twoEvents() {
    const subjectId = `append-only-${Date.now()}-${Math.random()}`;
    await recordAudit(db, { action: "test.first", subjectType: "Test", subjectId, details: { n: 1 } });
    await recordAudit(db, { action: "test.second", subjectType: "Test", subjectId, details: { n: 2 } });
    const rows = await db.auditEvent.findMany({ where: { subjectId }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    return rows;
  }

  it("refuses UPDATE in raw SQL and leaves the row as it was", async () => {
    const before = await twoEvents();
    const id = before[0]!.id;
    const sql = `UPDATE "AuditEvent" SET action = 'test.rewritten', "actorId" = 'someone-else' WHERE id = ${id}`;
    // The portal's role has no right to; the trigger refuses even the schema's owner.
    await expect(db.$executeRawUnsafe(sql)).rejects.toThrow(/permission denied/);
    await expect(runAsOwner(sql)).rejects.toThrow(/append-only: UPDATE is not allowed/);
    expect(await rowsById(before.map((r) => r.id))).toEqual(before);
  });

  it("refuses DELETE in raw SQL, of one row or of all, and keeps them", async () => {
    const before = await twoEvents();
    const total = await db.auditEvent.count();
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = ${before[1]!.id}`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(runAsOwner(`DELETE FROM "AuditEvent" WHERE id = ${before[1]!.id}`)).rejects.toThrow(
      /append-only: DELETE is not allowed/,
    );
    await expect(runAsOwner(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: DELETE is not allowed/);
    expect(await rowsById(before.map((r) => r.id))).toEqual(before);
    expect(await db.auditEvent.count()).toBe(total);
  });

  it("refuses TRUNCATE", async () => {
    const before = await twoEvents();
    const total = await db.auditEvent.count();
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
    await expect(runAsOwner(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    expect(await db.auditEvent.count()).toBe(total);
    expect(await rowsById(before.map((r) => r.id))).toEqual(before);
  });

  it("refuses changes made through the Prisma client too, and inside a transaction the whole transaction fails", async () => {
    const before = await twoEvents();
    await expect(
      db.auditEvent.update({ where: { id: before[0]!.id }, data: { action: "test.rewritten" } }),
    ).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({ where: { id: { in: before.map((r) => r.id) } } })).rejects.toThrow();
    // A transaction that writes something else and then tries to rewrite the log is rolled back whole.
    const marker = `rolled-back-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { action: "test.inside", subjectType: "Test", subjectId: marker });
        await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET details = NULL WHERE id = ${before[0]!.id}`);
      }),
    ).rejects.toThrow(/permission denied/);
    expect(await db.auditEvent.count({ where: { subjectId: marker } })).toBe(0);
    expect(await rowsById(before.map((r) => r.id))).toEqual(before);
  });

  it("still accepts new rows (INSERT is the one thing allowed)", async () => {
    const subjectId = `insert-${Date.now()}`;
    await db.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" (action, "subjectType", "subjectId") VALUES ('test.inserted', 'Test', '${subjectId}')`,
    );
    expect(await db.auditEvent.count({ where: { subjectId } })).toBe(1);
  });
});

describe("what the audit log records", () => {
  /** Rows written since `sinceId` for the action (and subject), for one event at a time. */
  async function eventsSince(sinceId: bigint, action: string, subjectId?: string) {
    return db.auditEvent.findMany({
      where: { id: { gt: sinceId }, action, ...(subjectId ? { subjectId } : {}) },
      orderBy: { id: "asc" },
    });
  }
  async function lastId(): Promise<bigint> {
    return (await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  }
  /** The details of an audit row never carry a person's name, email address or contact details. */
  function expectNoPersonalData(row: { details: unknown; subjectId: string | null }, personal: string[]) {
    const text = JSON.stringify(row.details ?? {});
    for (const value of personal) expect(text).not.toContain(value);
  }

  it("a sign-in and a failed sign-in, with who and from where", async () => {
    const { user } = await createPasswordUser();
    const since = await lastId();
    const ip = uniqueIp();
    await expect(
      signInWithPassword(ANONYMOUS, { email: user.email, password: "wrong password" }, ip),
    ).rejects.toThrow();
    await signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, ip);
    const failed = await eventsSince(since, "auth.sign_in_failed", user.id);
    const signedIn = await eventsSince(since, "auth.signed_in", user.id);
    expect(failed).toHaveLength(1);
    expect(signedIn).toHaveLength(1);
    expect(signedIn[0]).toMatchObject({ actorId: user.id, subjectType: "User", ip });
    expectNoPersonalData(signedIn[0]!, [user.email, PASSWORD]);
  });

  it("role changes: a member's role in a collaborative, a national role, and a removal", async () => {
    const member = await createPasswordUser({ memberships: { wessex: "STAFF" } });
    const since = await lastId();
    await changeMemberRole(cast.viewers.leadA, { membershipId: member.memberships.wessex!, role: "LEAD" });
    await setGlobalRole(cast.viewers.admin, { userId: member.user.id, globalRole: "NATIONAL" });
    await removeMember(cast.viewers.leadA, { membershipId: member.memberships.wessex! });
    const roleChanged = await eventsSince(since, "membership.role_changed", member.memberships.wessex);
    expect(roleChanged).toHaveLength(1);
    expect(roleChanged[0]).toMatchObject({
      actorId: cast.viewers.leadA.userId,
      collaborativeId: cast.collaborativeA.id,
      details: { from: "STAFF", to: "LEAD" },
    });
    const globalChanged = await eventsSince(since, "user.global_role_changed", member.user.id);
    expect(globalChanged).toHaveLength(1);
    expect(globalChanged[0]).toMatchObject({
      actorId: cast.viewers.admin.userId,
      details: { from: "NONE", to: "NATIONAL" },
    });
    expect(await eventsSince(since, "membership.removed", member.memberships.wessex)).toHaveLength(1);
    expectNoPersonalData(globalChanged[0]!, [member.user.email, member.user.name]);
  });

  it("a concern's status change and the reveal of its reporter's contact details", async () => {
    const contact = { name: "Amina Okafor", email: "amina.okafor@example.com", phone: "07700 900456" };
    const concern = await createConcern(cast.collaborativeA.id, { contact });
    const since = await lastId();
    await changeConcernStatus(cast.viewers.leadA, {
      concernId: concern.id,
      version: concern.version,
      status: "ACKNOWLEDGED",
      reason: "",
      outcome: "",
    });
    const revealed = await revealContact(cast.viewers.leadA, concern.id, "203.0.113.9");
    expect(revealed).toEqual(contact);
    const statusChanged = await eventsSince(since, "concern.status_changed", concern.id);
    expect(statusChanged).toHaveLength(1);
    expect(statusChanged[0]).toMatchObject({
      actorId: cast.viewers.leadA.userId,
      collaborativeId: cast.collaborativeA.id,
      details: { from: "RECEIVED", to: "ACKNOWLEDGED" },
    });
    const reveals = await eventsSince(since, "concern.contact_revealed", concern.id);
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ actorId: cast.viewers.leadA.userId, ip: "203.0.113.9" });
    for (const row of [...statusChanged, ...reveals])
      expectNoPersonalData(row, [contact.name, contact.email, contact.phone]);
  });

  it("exports: a project's measures as CSV, a dashboard panel as CSV, and a person's data", async () => {
    const { project } = await createProjectWithMeasure(cast.collaborativeA.id, cast.viewers.staffA.userId!);
    const reference = await getDashboardReference();
    const filters = parseDashboardFilters({ from: "2024-01", to: "2024-12" }, knownValues(reference)).filters;
    const person = await createPasswordUser({ memberships: { wessex: "PATIENT" } });
    const since = await lastId();

    const csv = await exportMeasuresCsv(cast.viewers.staffA, project.id, null);
    expect(csv.csv.split("\n").length).toBeGreaterThan(20);
    await dashboardCsv(cast.viewers.national, { kind: "national" }, "coverage", filters);
    await exportPersonalData(cast.viewers.admin, person.user.id, { ip: "203.0.113.10" });

    expect(await eventsSince(since, "export.measures_csv", project.id)).toEqual([
      expect.objectContaining({
        actorId: cast.viewers.staffA.userId,
        subjectType: "Project",
        collaborativeId: cast.collaborativeA.id,
      }),
    ]);
    expect(await eventsSince(since, "export.dashboard_csv", "national")).toEqual([
      expect.objectContaining({
        actorId: cast.viewers.national.userId,
        details: expect.objectContaining({ panel: "coverage", from: "2024-01", to: "2024-12" }),
      }),
    ]);
    const exported = await eventsSince(since, "user.data_exported", person.user.id);
    expect(exported).toEqual([expect.objectContaining({ actorId: cast.viewers.admin.userId, ip: "203.0.113.10" })]);
    expectNoPersonalData(exported[0]!, [person.user.email, person.user.name]);
  });

  it("a refused export is not recorded as one", async () => {
    const { project } = await createProjectWithMeasure(cast.collaborativeA.id, cast.viewers.staffA.userId!);
    await db.project.update({ where: { id: project.id }, data: { visibility: "DRAFT" } });
    const since = await lastId();
    await expect(exportMeasuresCsv(cast.viewers.staffB, project.id, null)).rejects.toThrow();
    await expect(exportPersonalData(cast.viewers.leadA, cast.viewers.staffA.userId!)).rejects.toThrow();
    expect(await eventsSince(since, "export.measures_csv")).toEqual([]);
    expect(await eventsSince(since, "user.data_exported")).toEqual([]);
  });

  it("archiving a project, and the erasure of a person's details", async () => {
    const { project } = await createProjectWithMeasure(cast.collaborativeA.id, cast.viewers.staffA.userId!);
    const person = await createPasswordUser({ memberships: { wessex: "PATIENT" } });
    const since = await lastId();
    await archiveProject(cast.viewers.leadA, project.id);
    await erasePerson(cast.viewers.admin, person.user.id);
    expect(await eventsSince(since, "project.archived", project.id)).toEqual([
      expect.objectContaining({
        actorId: cast.viewers.leadA.userId,
        collaborativeId: cast.collaborativeA.id,
        details: expect.objectContaining({ title: project.title, measures: 1 }),
      }),
    ]);
    const erased = await eventsSince(since, "user.erased", person.user.id);
    expect(erased).toEqual([expect.objectContaining({ actorId: cast.viewers.admin.userId, subjectType: "User" })]);
    expectNoPersonalData(erased[0]!, [person.user.email, person.user.name]);
  });
});
