// The collaborative's workspace page data: what each viewer sees, the de-identified concerns
// summary, and the leads' membership summary.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { getConcernsSummary, getMembershipSummary, getWorkspace } from "@/lib/collaboratives/queries";
import { ANONYMOUS, createCast, createOrganisation, createUser, type Cast } from "@/tests/fixtures/factories";
import { concernAbout, createEventIn, createProjectIn, nationalArea, unique } from "@/tests/fixtures/workspaces";

let cast: Cast;
let A: string;
beforeAll(async () => {
  cast = await createCast();
  A = cast.collaborativeA.id;
});

describe("the workspace", () => {
  it("returns null for a collaborative that does not exist", async () => {
    expect(await getWorkspace(ANONYMOUS, "atlantis")).toBeNull();
  });

  it("shows each viewer the projects the policy lets them read", async () => {
    const staff = cast.viewers.staffA.userId!;
    const [draft, portal, open] = await Promise.all([
      createProjectIn(A, staff, "DRAFT"),
      createProjectIn(A, staff, "PORTAL"),
      createProjectIn(A, staff, "PUBLIC"),
    ]);
    await db.project.updateMany({
      where: { id: { in: [draft.id, portal.id, open.id] } },
      data: { updatedAt: new Date(Date.now() + 3_600_000) },
    });
    const seen = async (viewer: Cast["viewers"][keyof Cast["viewers"]]) => {
      const ids = (await getWorkspace(viewer, "wessex"))!.projects.map((p) => p.id);
      return [draft, portal, open].filter((p) => ids.includes(p.id)).map((p) => p.visibility);
    };
    expect(await seen(ANONYMOUS)).toEqual(["PUBLIC"]);
    expect(await seen(cast.viewers.patientA)).toEqual(["PUBLIC"]);
    expect(await seen(cast.viewers.staffB)).toEqual(["PORTAL", "PUBLIC"]);
    expect(await seen(cast.viewers.staffA)).toEqual(["DRAFT", "PORTAL", "PUBLIC"]);
    // A draft is the collaborative's alone, even for the national team (issue 15).
    expect(await seen(cast.viewers.national)).toEqual(["PORTAL", "PUBLIC"]);
  });

  it("lists active member organisations and the collaborative's leads, but not former members", async () => {
    const organisation = await createOrganisation(A, `Workspace Trust ${unique()}`);
    const former = await createOrganisation(A, `Former Trust ${unique()}`);
    await db.organisation.update({ where: { id: former.id }, data: { active: false } });
    const { user: lead } = await createUser({ memberships: { wessex: "LEAD" }, name: `Lead ${unique()}` });
    const workspace = (await getWorkspace(ANONYMOUS, "wessex"))!;
    expect(workspace.organisations.map((o) => o.id)).toContain(organisation.id);
    expect(workspace.organisations.map((o) => o.id)).not.toContain(former.id);
    expect(workspace.leads.map((l) => l.name)).toContain(lead.name);
    expect(workspace.membership).toBeNull();
    expect(workspace.can).toEqual({
      manageOrganisations: false,
      openRound: false,
      manageEvents: false,
      listMembers: false,
    });
  });

  it("lists upcoming events only, and local priorities with their status", async () => {
    // Up to 5 are shown, soonest first: this one starts before every other event still to come in A
    // (other tests make events too), so it must be there.
    const soonest = await db.event.findFirst({
      where: { collaborativeId: A, cancelledAt: null, endsAt: { gte: new Date() } },
      orderBy: { startsAt: "asc" },
    });
    const startsAt = new Date(Math.min(Date.now() + 3_600_000, (soonest?.startsAt.getTime() ?? Infinity) - 60_000));
    const upcoming = await createEventIn(A, cast.viewers.leadA.userId!, { startsAt });
    await db.event.update({
      where: { id: upcoming.id },
      data: { endsAt: new Date(Math.max(startsAt.getTime(), Date.now()) + 3 * 3_600_000) },
    });
    const past = await createEventIn(A, cast.viewers.leadA.userId!, {
      startsAt: new Date(Date.now() - 30 * 86_400_000),
    });
    const retired = await db.priorityArea.create({
      data: {
        slug: `wessex-retired-${unique()}`,
        name: "Retired one",
        kind: "LOCAL",
        status: "RETIRED",
        collaborativeId: A,
      },
    });
    const workspace = (await getWorkspace(ANONYMOUS, "wessex"))!;
    const eventIds = workspace.events.map((e) => e.id);
    expect(eventIds).toContain(upcoming.id);
    expect(eventIds).not.toContain(past.id);
    const statuses = workspace.localPriorities.map((p) => p.status);
    expect(workspace.localPriorities.find((p) => p.id === retired.id)?.status).toBe("RETIRED");
    expect(statuses).toEqual(
      [...statuses].sort(
        (a, b) => ["ACTIVE", "ACHIEVED", "RETIRED"].indexOf(a) - ["ACTIVE", "ACHIEVED", "RETIRED"].indexOf(b),
      ),
    );
  });
});

describe("local priorities' counts", () => {
  it("counts each local priority's projects and linked concerns, and nothing of another priority's", async () => {
    const staff = cast.viewers.staffA.userId!;
    const [counted, other] = await Promise.all(
      ["Counted", "Other"].map((name) =>
        db.priorityArea.create({
          data: {
            slug: `wessex-${name.toLowerCase()}-${unique()}`,
            name: `${name} ${unique()}`,
            kind: "LOCAL",
            collaborativeId: A,
          },
        }),
      ),
    );
    const projects = await Promise.all([
      createProjectIn(A, staff, "PUBLIC"),
      createProjectIn(A, staff, "DRAFT"),
      createProjectIn(A, staff, "PUBLIC"),
    ]);
    await db.projectPriority.createMany({
      data: [
        ...projects.slice(0, 2).map((p) => ({ projectId: p.id, priorityAreaId: counted!.id })),
        { projectId: projects[2]!.id, priorityAreaId: other!.id },
      ],
    });
    const concern = await concernAbout(A, null);
    await db.concern.update({ where: { id: concern.id }, data: { linkedPriorityId: counted!.id } });

    const workspace = (await getWorkspace(ANONYMOUS, "wessex"))!;
    // The draft counts in no figure until it is shared (README: drafts), so one of the two projects.
    expect(workspace.localPriorities.find((p) => p.id === counted!.id)).toMatchObject({
      projectCount: 1,
      linkedConcernCount: 1,
    });
    expect(workspace.localPriorities.find((p) => p.id === other!.id)).toMatchObject({
      projectCount: 1,
      linkedConcernCount: 0,
    });
  });
});

describe("the concerns summary", () => {
  it("counts this collaborative's concerns of the last 12 months by area and by month, with no text or references", async () => {
    const { id: oxford } = cast.collaborativeB;
    const now = new Date("2031-06-15T12:00:00Z");
    const falls = await nationalArea("falls");
    const meds = await nationalArea("medication-safety");
    // A collaborative of its own would be cleaner, but there are 15 fixed ones: use dates in 2031 that no other test uses.
    const concerns = await Promise.all([
      concernAbout(A, falls.id, new Date("2031-06-01T09:00:00Z")),
      concernAbout(A, falls.id, new Date("2031-05-31T23:30:00Z")), // 00:30 on 1 June in UK summer time
      concernAbout(A, meds.id, new Date("2031-03-10T10:00:00Z")),
      concernAbout(A, null, new Date("2030-07-20T10:00:00Z")),
      concernAbout(A, falls.id, new Date("2030-06-01T10:00:00Z")), // more than 12 months before "now"
      concernAbout(oxford, falls.id, new Date("2031-06-02T10:00:00Z")),
    ]);
    try {
      const summary = await getConcernsSummary(ANONYMOUS, A, now);
      const since = new Date("2030-06-15T12:00:00Z");
      const inWindow = await db.concern.groupBy({
        by: ["priorityAreaId"],
        where: { collaborativeId: A, receivedAt: { gte: since } },
        _count: { _all: true },
      });
      expect(summary.total).toBe(inWindow.reduce((sum, g) => sum + g._count._all, 0));
      expect(summary.byArea.find((a) => a.priorityAreaId === falls.id)?.count).toBe(
        inWindow.find((g) => g.priorityAreaId === falls.id)?._count._all,
      );
      expect(summary.byArea.find((a) => a.priorityAreaId === null)).toMatchObject({ name: null });

      expect(summary.byMonth).toHaveLength(12);
      expect(summary.byMonth[0]!.month.toISOString()).toBe("2030-07-01T00:00:00.000Z");
      expect(summary.byMonth[11]!.month.toISOString()).toBe("2031-06-01T00:00:00.000Z");
      const june = await db.concern.count({
        where: {
          collaborativeId: A,
          receivedAt: { gte: new Date("2031-05-31T23:00:00Z"), lt: new Date("2031-07-01T00:00:00Z") },
        },
      });
      expect(summary.byMonth[11]!.count).toBe(june);
      expect(june).toBeGreaterThanOrEqual(2);
      expect(summary.byMonth.find((m) => m.month.toISOString().startsWith("2031-04"))?.count).toBe(
        await db.concern.count({
          where: {
            collaborativeId: A,
            receivedAt: { gte: new Date("2031-03-31T23:00:00Z"), lt: new Date("2031-04-30T23:00:00Z") },
          },
        }),
      );
      const text = JSON.stringify(summary);
      expect(text).not.toContain("must never appear");
      for (const c of concerns) expect(text).not.toContain(c.reference);
    } finally {
      await db.concern.deleteMany({ where: { id: { in: concerns.map((c) => c.id) } } });
    }
  });
});

describe("the membership summary for leads", () => {
  it("counts active members by organisation and role, pending requests and open invitations", async () => {
    const { collaborativeB } = cast;
    const organisation = await createOrganisation(collaborativeB.id, `Summary Trust ${unique()}`);
    const before = await getMembershipSummary(cast.viewers.leadB, collaborativeB.id);
    const staff = await createUser({ memberships: { oxford: "STAFF" } });
    const patient = await createUser({ memberships: { oxford: "PATIENT" } });
    await db.membership.updateMany({
      where: { userId: { in: [staff.user.id, patient.user.id] }, collaborativeId: collaborativeB.id },
      data: { organisationId: organisation.id },
    });
    await createUser({ memberships: { oxford: "STAFF" }, pending: true });
    await db.invitation.create({
      data: {
        collaborativeId: collaborativeB.id,
        email: `invitee-${unique()}@nhs.net`,
        role: "STAFF",
        tokenHash: unique() + unique(),
        invitedById: cast.viewers.leadB.userId!,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db.invitation.create({
      data: {
        collaborativeId: collaborativeB.id,
        email: `expired-${unique()}@nhs.net`,
        role: "STAFF",
        tokenHash: unique() + unique(),
        invitedById: cast.viewers.leadB.userId!,
        expiresAt: new Date(Date.now() - 86_400_000),
      },
    });

    const summary = await getMembershipSummary(cast.viewers.leadB, collaborativeB.id);
    expect(summary.active).toBe(before.active + 2);
    expect(summary.pending).toBe(before.pending + 1);
    expect(summary.openInvitations).toBe(before.openInvitations + 1);
    expect(summary.byOrganisation.find((r) => r.organisationId === organisation.id)).toMatchObject({
      organisation: organisation.name,
      counts: { PATIENT: 1, STAFF: 1, LEAD: 0 },
      total: 2,
    });

    for (const viewer of [cast.viewers.leadA, cast.viewers.staffB, cast.viewers.national, ANONYMOUS]) {
      await expect(getMembershipSummary(viewer, collaborativeB.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await getWorkspace(cast.viewers.leadB, "oxford"))!.membership?.pending).toBe(summary.pending);
    expect((await getWorkspace(cast.viewers.leadA, "oxford"))!.membership).toBeNull();
  });
});
