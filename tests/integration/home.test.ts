// The signed-in home: each person's projects with the next value due, and what waits for them by
// role, scoped through the policy and read in a fixed number of statements.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { getHome } from "@/lib/home/queries";
import { createMeasure, importMeasureCsv } from "@/lib/measures/mutations";
import { ANONYMOUS, createCast, createUser, type Cast } from "@/tests/fixtures/factories";
import { createConcern } from "@/tests/fixtures/concerns";
import { insertProject, measureInput, monthlyCsv, utc } from "@/tests/fixtures/projects";
import { openTestRound } from "@/tests/fixtures/workspaces";

let cast: Cast;
const now = new Date("2026-12-07T12:00:00Z");
const longAgo = new Date("2026-10-01T09:00:00Z"); // weeks past any acknowledgement time

beforeAll(async () => {
  cast = await createCast();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the home", () => {
  it("is for signed-in people only", async () => {
    await expect(getHome(ANONYMOUS, now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists a staff member's projects (team or creator) with each measure's last value and next period due", async () => {
    const staff = cast.viewers.staffA;
    const created = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: staff.userId!,
      title: "Created by them",
      startDate: utc("2025-01-01"),
    });
    const onTeam = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.leadA.userId!,
      title: "On the team",
    });
    await db.projectTeamMember.create({ data: { projectId: onTeam.id, userId: staff.userId! } });
    const notTheirs = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.leadA.userId!,
    });
    const closed = await insertProject({ collaborativeId: cast.collaborativeA.id, createdById: staff.userId! });
    await db.project.update({ where: { id: closed.id }, data: { status: "CLOSED" } });

    const { id: monthly } = await createMeasure(
      staff,
      measureInput(created.id, { name: "Falls", unit: "falls", target: 3 }),
    );
    await importMeasureCsv(
      staff,
      { projectId: created.id, measureId: monthly, csv: monthlyCsv("2025-01", [4, 5, 3.25]) },
      now,
    );
    const { id: empty } = await createMeasure(staff, measureInput(created.id, { name: "Checks done", period: "WEEK" }));

    const home = await getHome(staff, now);
    const ids = home.projects.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([created.id, onTeam.id]));
    expect(ids).not.toContain(notTheirs.id);
    expect(ids).not.toContain(closed.id);

    const project = home.projects.find((p) => p.id === created.id)!;
    expect(project.measures.map((m) => m.name)).toEqual(["Falls", "Checks done"]);
    expect(project.measures[0]).toMatchObject({
      id: monthly,
      hasTarget: true,
      latest: { period: "Mar 2025", value: "3.25 falls" },
      nextDue: { period: "Apr 2025", open: true },
      enterHref: `/projects/${created.id}/measures/${monthly}/values`,
    });
    // No value yet: due from the week the project started.
    expect(project.measures[1]).toMatchObject({
      id: empty,
      latest: null,
      nextDue: { period: "w/c 30 Dec 2024", open: true },
    });
  });

  it("shows a lead the concerns waiting, overdue, held and join requests of their own collaborative only", async () => {
    const lead = cast.viewers.leadA;
    const [A, B] = [cast.collaborativeA.id, cast.collaborativeB.id];
    const waiting = async () => (await getHome(lead, now)).collaboratives.find((c) => c.slug === "wessex")!.lead!;
    const before = await waiting();

    await createConcern(A, { receivedAt: longAgo }); // overdue
    await createConcern(A, { receivedAt: longAgo, acknowledgedAt: longAgo }); // acknowledged: open, not overdue
    await createConcern(A, { receivedAt: now }); // new today: open, not overdue
    await createConcern(A, { receivedAt: longAgo, held: true }); // held: counted apart only
    await createConcern(A, { receivedAt: longAgo, status: "CLOSED", acknowledgedAt: longAgo, closedAt: longAgo });
    for (let i = 0; i < 3; i++) await createConcern(B, { receivedAt: longAgo });
    await createUser({ memberships: { wessex: "STAFF" }, pending: true });
    await createUser({ memberships: { oxford: "STAFF" }, pending: true });

    const after = await waiting();
    expect({
      open: after.openConcerns - before.openConcerns,
      overdue: after.overdueConcerns - before.overdueConcerns,
      held: after.heldConcerns - before.heldConcerns,
      pending: after.pendingMembers - before.pendingMembers,
    }).toEqual({ open: 3, overdue: 1, held: 1, pending: 1 });
    expect(after.triageHref).toBe("/collaboratives/wessex/concerns");

    const home = await getHome(lead, now);
    expect(home.collaboratives.map((c) => c.slug)).toEqual(["wessex"]);
    expect(home.collaboratives[0]).toMatchObject({
      workspaceHref: "/collaboratives/wessex",
      dashboardHref: "/collaboratives/wessex/dashboard",
    });
    // Staff of the same collaborative get its workspace, not what waits for leads nor its dashboard.
    const staffHome = await getHome(cast.viewers.staffA, now);
    expect(staffHome.collaboratives[0]).toMatchObject({ slug: "wessex", lead: null, dashboardHref: null });
  });

  it("offers open priority rounds to anyone who may take part, saying whether they have ranked", async () => {
    const { roundId } = await openTestRound(cast.viewers.leadA, cast.collaborativeA.id);
    const rounds = async (viewer: Cast["viewers"][keyof Cast["viewers"]]) =>
      (await getHome(viewer, now)).rounds.filter((r) => r.id === roundId);
    expect(await rounds(cast.viewers.patientA)).toEqual([
      expect.objectContaining({ href: `/collaboratives/wessex/rounds/${roundId}`, ranked: false }),
    ]);
    expect(await rounds(cast.viewers.staffB)).toEqual([]);
  });

  it("counts comments on an author's learning that they have not answered", async () => {
    const author = cast.viewers.staffA;
    const item = await db.learningItem.create({
      data: {
        slug: `home-${Date.now()}`,
        type: "LESSON",
        title: "What we learnt about night-time falls",
        status: "PUBLISHED",
        collaborativeId: cast.collaborativeA.id,
        authorId: author.userId!,
      },
    });
    const asker = cast.viewers.staffB.userId!;
    const answered = await db.comment.create({ data: { learningItemId: item.id, authorId: asker, body: "How?" } });
    await db.comment.create({
      data: { learningItemId: item.id, authorId: author.userId!, parentId: answered.id, body: "Like this." },
    });
    await db.comment.create({ data: { learningItemId: item.id, authorId: asker, body: "And the nights?" } });
    await db.comment.create({ data: { learningItemId: item.id, authorId: author.userId!, body: "An update." } });
    await db.comment.create({
      data: { learningItemId: item.id, authorId: asker, body: "Hidden", hiddenAt: now },
    });

    const home = await getHome(author, now);
    expect(home.learning).toEqual([{ slug: item.slug, title: item.title, unanswered: 1 }]);
    expect((await getHome(cast.viewers.staffB, now)).learning).toEqual([]);
  });

  it("gives the national team the national dashboard, and nobody else", async () => {
    expect(await getHome(cast.viewers.national, now)).toMatchObject({ national: true, admin: false });
    expect(await getHome(cast.viewers.admin, now)).toMatchObject({ national: true, admin: true });
    expect(await getHome(cast.viewers.leadA, now)).toMatchObject({ national: false, admin: false });
  });

  it("reads the page in the same few statements however many projects and measures there are", async () => {
    const { user, viewer } = await createUser({ memberships: { wessex: "LEAD", oxford: "STAFF" } });
    const statements = async () => {
      const spy = vi.spyOn(pg.Client.prototype, "query");
      await getHome(viewer, now);
      const count = spy.mock.calls.length;
      spy.mockRestore();
      return count;
    };
    const project = await insertProject({ collaborativeId: cast.collaborativeA.id, createdById: user.id });
    const { id } = await createMeasure(viewer, measureInput(project.id));
    await importMeasureCsv(viewer, { projectId: project.id, measureId: id, csv: monthlyCsv("2025-01", [1, 2]) }, now);
    const few = await statements();
    for (let i = 0; i < 5; i++) {
      const more = await insertProject({ collaborativeId: cast.collaborativeA.id, createdById: user.id });
      for (let j = 0; j < 3; j++) {
        const m = await createMeasure(viewer, measureInput(more.id));
        await importMeasureCsv(
          viewer,
          { projectId: more.id, measureId: m.id, csv: monthlyCsv("2025-01", [1, 2]) },
          now,
        );
      }
    }
    const many = await statements();
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(15); // 13 today: two rounds of batched reads
  });
});
