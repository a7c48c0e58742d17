// The honeypot never throws a concern away: a submission whose hidden field was filled in (a browser
// or password manager can do that) gets the normal confirmation and tracking link, and is held as
// "possibly automated" for the collaborative's leads to release or discard, or for 30 days. While held
// it is in no triage queue, overdue count or dashboard figure.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer-types";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { NotFoundError } from "@/lib/errors";
import {
  discardHeldConcern,
  purgeExpiredHeldConcerns,
  releaseHeldConcern,
  HELD_CONCERN_DAYS,
} from "@/lib/concerns/mutations";
import {
  getConcernByTrackingToken,
  getConcernForTriage,
  getTriageQueue,
  listHeldConcerns,
  referenceMatchesToken,
} from "@/lib/concerns/queries";
import { queueFilterSchema } from "@/lib/concerns/schemas";
import { getConcerns, getDashboardReference, knownValues } from "@/lib/dashboard/queries";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { refreshDashboardSummaries } from "@/lib/dashboard/summaries";
import { jobs } from "@/lib/jobs/registry";
import { createCast, type Cast, type CastRole } from "@/tests/fixtures/factories";
import { concernForm, submitOrThrow } from "@/tests/fixtures/concerns";

let cast: Cast;
let leadA: Viewer;
beforeAll(async () => {
  cast = await createCast();
  leadA = cast.viewers.leadA;
});

const DAY = 86_400_000;
const filters = (query: Record<string, string> = {}) => queueFilterSchema.parse(query);
const autofilled = (overrides: Record<string, string> = {}) =>
  concernForm({
    website: "https://my-homepage.example",
    whatHappened: `Held ${Math.random()}: my dad fell on the ward at night.`,
    ...overrides,
  });
const heldIds = async (viewer: Viewer = leadA) => (await listHeldConcerns(viewer, "wessex")).map((c) => c.reference);

async function wessexCounts() {
  const queue = await getTriageQueue(leadA, "wessex", filters({ status: "all" }));
  await refreshDashboardSummaries({ force: true });
  const period = {
    from: new Date(Date.now() - 120 * DAY).toISOString().slice(0, 7),
    to: new Date().toISOString().slice(0, 7),
  };
  const dashboardFilters = parseDashboardFilters(period, knownValues(await getDashboardReference()), {
    fixedCollaborative: "wessex",
  }).filters;
  const dashboard = await getConcerns(leadA, { kind: "collaborative", slug: "wessex" }, dashboardFilters);
  return {
    queue: queue.total,
    overdue: queue.overdueCount,
    dashboard: dashboard.received,
    dashboardOverdue: dashboard.overdueUnacknowledged,
  };
}

describe("a submission with the hidden field filled in", () => {
  it("gets the normal confirmation and a working tracking link, and is held out of triage and the dashboard", async () => {
    const before = await wessexCounts();
    const result = await submitOrThrow(autofilled());
    expect(result).toMatchObject({
      kind: "submitted",
      duplicate: false,
      collaborativeName: "Wessex Patient Safety Collaborative",
    });
    expect(result.reference).toMatch(/^PSC-/);
    expect(await getConcernByTrackingToken(ANONYMOUS, result.token)).toMatchObject({
      reference: result.reference,
      status: "RECEIVED",
    });
    expect(await referenceMatchesToken(ANONYMOUS, result.reference, result.token)).toBe(true);
    // What the person typed is all kept.
    const row = await db.concern.findUniqueOrThrow({ where: { reference: result.reference } });
    expect(row.heldAt).not.toBeNull();
    expect(row.whatHappened).toContain("my dad fell on the ward");

    expect(await heldIds()).toContain(result.reference);
    expect(await wessexCounts()).toEqual(before);
    const queue = await getTriageQueue(leadA, "wessex", filters({ status: "all" }));
    expect(queue.rows.map((r) => r.reference)).not.toContain(result.reference);
    await expect(getConcernForTriage(leadA, row.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a retry of the same form returns the same reference and link, still held", async () => {
    const form = autofilled();
    const first = await submitOrThrow(form);
    const again = await submitOrThrow(form);
    expect(again).toMatchObject({ reference: first.reference, token: first.token, duplicate: true });
    expect(await db.concern.count({ where: { reference: first.reference, heldAt: { not: null } } })).toBe(1);
  });

  it("held concerns are listed only to the leads of their collaborative", async () => {
    const result = await submitOrThrow(autofilled());
    for (const role of ["anonymous", "patientA", "staffA", "staffB", "leadB", "national", "admin"] as CastRole[]) {
      await expect(listHeldConcerns(cast.viewers[role], "wessex"), role).rejects.toBeInstanceOf(NotFoundError);
    }
    const held = (await listHeldConcerns(leadA, "wessex")).find((c) => c.reference === result.reference)!;
    expect(held.whatHappened).toContain("my dad fell on the ward");
    expect(Math.abs(held.expiresAt.getTime() - held.receivedAt.getTime() - HELD_CONCERN_DAYS * DAY)).toBeLessThan(
      60_000,
    );
  });
});

describe("releasing a held concern", () => {
  it("makes it a normal concern in triage, with its service-level clock from when it was sent, audited", async () => {
    const before = await wessexCounts();
    const result = await submitOrThrow(autofilled());
    const row = await db.concern.findUniqueOrThrow({ where: { reference: result.reference } });
    await releaseHeldConcern(leadA, { concernId: row.id });

    const released = await db.concern.findUniqueOrThrow({ where: { id: row.id } });
    expect(released).toMatchObject({ heldAt: null, status: "RECEIVED", receivedAt: row.receivedAt });
    expect(await heldIds()).not.toContain(result.reference);
    const after = await wessexCounts();
    expect(after.queue).toBe(before.queue + 1);
    expect(after.dashboard).toBe(before.dashboard + 1);
    expect(await getConcernForTriage(leadA, row.id)).toMatchObject({ reference: result.reference });
    expect(await getConcernByTrackingToken(ANONYMOUS, result.token)).toMatchObject({ reference: result.reference });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "concern.released", subjectId: row.id } });
    expect(audit).toMatchObject({ actorId: leadA.userId, collaborativeId: cast.collaborativeA.id });
  });

  it("is refused to everyone but A's leads, and to a concern that is not held, changing nothing", async () => {
    const result = await submitOrThrow(autofilled());
    const row = await db.concern.findUniqueOrThrow({ where: { reference: result.reference } });
    for (const role of ["anonymous", "patientA", "staffA", "leadB", "national", "admin"] as CastRole[]) {
      await expect(releaseHeldConcern(cast.viewers[role], { concernId: row.id }), role).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(discardHeldConcern(cast.viewers[role], { concernId: row.id }), role).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await db.concern.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
    const normal = await submitOrThrow(concernForm());
    const normalRow = await db.concern.findUniqueOrThrow({ where: { reference: normal.reference } });
    await expect(discardHeldConcern(leadA, { concernId: normalRow.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.concern.findUnique({ where: { id: normalRow.id } })).not.toBeNull();
  });
});

describe("discarding a held concern", () => {
  it("erases it (the tracking link stops working) and audits the decision", async () => {
    const result = await submitOrThrow(autofilled());
    const row = await db.concern.findUniqueOrThrow({ where: { reference: result.reference } });
    await discardHeldConcern(leadA, { concernId: row.id });
    expect(await db.concern.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await db.concernStatusChange.count({ where: { concernId: row.id } })).toBe(0);
    expect(await getConcernByTrackingToken(ANONYMOUS, result.token)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "concern.discarded", subjectId: row.id } });
    expect(audit).toMatchObject({ actorId: leadA.userId, collaborativeId: cast.collaborativeA.id });
    expect(JSON.stringify(audit.details)).not.toContain("my dad fell");
  });
});

describe("held concerns nobody decided on", () => {
  it(`are erased after ${HELD_CONCERN_DAYS} days by a registered, repeatable job, with an audit event each`, async () => {
    expect(jobs["concerns.purge-held"]?.cron).toBeTruthy();
    const now = new Date();
    const old = await submitOrThrow(autofilled());
    const recent = await submitOrThrow(autofilled());
    const oldRow = await db.concern.update({
      where: { reference: old.reference },
      data: {
        heldAt: new Date(now.getTime() - (HELD_CONCERN_DAYS + 1) * DAY),
        receivedAt: new Date(now.getTime() - (HELD_CONCERN_DAYS + 1) * DAY),
      },
    });
    const released = await submitOrThrow(autofilled());
    await db.concern.update({
      where: { reference: released.reference },
      data: { receivedAt: new Date(now.getTime() - 60 * DAY), heldAt: null },
    });

    expect(await purgeExpiredHeldConcerns(now)).toBeGreaterThanOrEqual(1);
    expect(await db.concern.findUnique({ where: { id: oldRow.id } })).toBeNull();
    expect(await db.concern.findUnique({ where: { reference: recent.reference } })).not.toBeNull();
    expect(await db.concern.findUnique({ where: { reference: released.reference } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "concern.held_expired", subjectId: oldRow.id } })).toBe(1);
    expect(await purgeExpiredHeldConcerns(now)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "concern.held_expired", subjectId: oldRow.id } })).toBe(1);
  });
});
