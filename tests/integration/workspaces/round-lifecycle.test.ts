// A round's life (issue 16): a lead sets it up as a draft, edits it, schedules it or opens it now; the
// job opens a scheduled round once; members take part only while it is open and only if the round asks
// their group; the lead closes it after a confirmation step. Against the real database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  addComment,
  checkCloseRound,
  closeRound,
  proposeCandidate,
  ROUND_CLOSED,
  ROUND_NOT_OPEN,
  scheduleRound,
  submitBallot,
  updateRound,
  withdrawCandidate,
} from "@/lib/priorities/mutations";
import { openScheduledRounds } from "@/lib/priorities/opening-mutations";
import { getCloseRoundMatches, getLocalPriority, getRoundPage, listRounds } from "@/lib/priorities/queries";
import { getWorkspace } from "@/lib/collaboratives/queries";
import { scheduleRoundSchema } from "@/lib/priorities/schemas";
import { jobs } from "@/lib/jobs/registry";
import { ANONYMOUS, createCast, type Cast } from "@/tests/fixtures/factories";
import { createProjectIn, draftTestRound, nationalArea, openTestRound, ranks } from "@/tests/fixtures/workspaces";

let cast: Cast;
let A: string;
beforeAll(async () => {
  cast = await createCast();
  A = cast.collaborativeA.id;
});

const v = () => cast.viewers;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
const statusOf = async (id: string) => (await db.priorityRound.findUniqueOrThrow({ where: { id } })).status;

describe("a draft", () => {
  it("is the leads' alone: nobody else sees it, in the list or at its address", async () => {
    const { roundId } = await draftTestRound(v().leadA, A);
    expect(await statusOf(roundId)).toBe("DRAFT");
    expect((await getRoundPage(v().leadA, "wessex", roundId)).can).toMatchObject({
      schedule: true,
      edit: true,
      addCandidate: true,
      close: false,
      rank: false,
    });
    expect((await listRounds(v().leadA, "wessex")).rounds.map((r) => r.id)).toContain(roundId);
    for (const viewer of [ANONYMOUS, v().patientA, v().staffA, v().leadB, v().national]) {
      await expect(getRoundPage(viewer, "wessex", roundId)).rejects.toBeInstanceOf(NotFoundError);
      expect((await listRounds(viewer, "wessex")).rounds.map((r) => r.id)).not.toContain(roundId);
    }
  });

  it("cannot be ranked, proposed to or commented on, in the code and in the database", async () => {
    const { roundId, byTitle } = await draftTestRound(v().leadA, A);
    await expect(submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, ["Alpha"]) })).rejects.toMatchObject({
      message: ROUND_NOT_OPEN,
    });
    await expect(addComment(v().patientA, { roundId, candidateId: null, body: "Early" })).rejects.toMatchObject({
      message: ROUND_NOT_OPEN,
    });
    await expect(
      proposeCandidate(v().patientA, { roundId, title: "Before it opens", description: "" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      db.ballot.create({ data: { roundId, userId: v().patientA.userId!, participantGroup: "PATIENT_CARER" } }),
    ).rejects.toThrow(/has not opened/);
    expect(await db.ballot.count({ where: { roundId } })).toBe(0);
  });

  it("is edited by its leads: details, who is asked, candidates added and removed", async () => {
    const { roundId, byTitle } = await draftTestRound(v().leadA, A);
    await proposeCandidate(v().leadA, { roundId, title: "Added while preparing", description: "" });
    await withdrawCandidate(v().leadA, { roundId, candidateId: byTitle.Delta! });
    await updateRound(v().leadA, {
      roundId,
      version: 1,
      title: "Renamed draft",
      description: "",
      participantGroups: ["STAFF"],
      closesAt: null,
    });
    const round = await db.priorityRound.findUniqueOrThrow({
      where: { id: roundId },
      include: { candidates: { select: { title: true } } },
    });
    expect(round).toMatchObject({ title: "Renamed draft", participantGroups: ["STAFF"], status: "DRAFT" });
    expect(round.candidates.map((c) => c.title).sort()).toEqual(["Added while preparing", "Alpha", "Bravo", "Charlie"]);
  });
});

describe("opening and scheduling", () => {
  it("only the collaborative's leads open or schedule a round", async () => {
    const { roundId } = await draftTestRound(v().leadA, A);
    for (const viewer of [v().patientA, v().staffA, v().leadB, v().national, v().admin, ANONYMOUS]) {
      await expect(scheduleRound(viewer, { roundId, version: 1, opensAt: null })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await statusOf(roundId)).toBe("DRAFT");
  });

  it("opens now: members can rank at once; opening twice is refused", async () => {
    const { roundId, byTitle } = await draftTestRound(v().leadA, A);
    expect(await scheduleRound(v().leadA, { roundId, version: 1, opensAt: null })).toEqual({ status: "OPEN" });
    const round = await db.priorityRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.status).toBe("OPEN");
    expect(round.openedAt).toBeInstanceOf(Date);
    await submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, ["Bravo"]) });
    // Everyone it asks is emailed, once each, through their notification settings.
    const queued = await db.notification.findMany({
      where: { kind: "round.opened", dedupeKey: `round.opened:${roundId}` },
    });
    const active = await db.membership.findMany({
      where: { collaborativeId: A, status: "ACTIVE", user: { erasedAt: null } },
      select: { userId: true },
    });
    expect(queued.map((n) => n.userId).sort()).toEqual([...new Set(active.map((m) => m.userId))].sort());
    expect(queued[0]).toMatchObject({
      subject: `Have your say: ${round.title}`,
      url: `/collaboratives/wessex/rounds/${roundId}`,
      text: expect.stringContaining("rank its 4 candidate priorities"),
    });
    await expect(scheduleRound(v().leadA, { roundId, version: 1, opensAt: null })).rejects.toMatchObject({
      message: "This round is already open.",
    });
    expect(await db.auditEvent.count({ where: { action: "round.opened", subjectId: roundId } })).toBe(1);
  });

  it("schedules for a future day; before then it cannot be ranked, and the date must be in the future and before ranking closes", async () => {
    const { roundId, byTitle } = await draftTestRound(v().leadA, A, { closesAt: inDays(10) });
    await expect(scheduleRound(v().leadA, { roundId, version: 1, opensAt: inDays(-1) })).rejects.toMatchObject({
      fieldErrors: { opensAt: expect.stringContaining("must be in the future") },
    });
    await expect(scheduleRound(v().leadA, { roundId, version: 1, opensAt: inDays(20) })).rejects.toMatchObject({
      message: expect.stringContaining("must open before ranking closes"),
    });
    expect(await scheduleRound(v().leadA, { roundId, version: 1, opensAt: inDays(3) })).toEqual({
      status: "SCHEDULED",
    });
    expect(await statusOf(roundId)).toBe("SCHEDULED");
    await expect(submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) })).rejects.toMatchObject({
      message: ROUND_NOT_OPEN,
    });
    await expect(getRoundPage(v().staffA, "wessex", roundId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      checkCloseRound(v().leadA, { roundId, version: 2, chosen: [byTitle.Alpha!], rationale: "x" }),
    ).rejects.toMatchObject({
      message: ROUND_NOT_OPEN,
    });
  });

  it("reads the opening date as the start of that day, UK time, and asks for a date when one is chosen", () => {
    const base = { roundId: "r", version: "1", start: "date" };
    expect(
      scheduleRoundSchema.parse({ ...base, "opensAt-day": "1", "opensAt-month": "7", "opensAt-year": "2030" }).opensAt,
    ).toEqual(new Date("2030-06-30T23:00:00.000Z"));
    expect(scheduleRoundSchema.safeParse(base).error?.issues[0]).toMatchObject({
      path: ["opensAt"],
      message: "Enter the date the round opens, for example 1 3 2027",
    });
    expect(scheduleRoundSchema.parse({ roundId: "r", version: "1", start: "now" }).opensAt).toBeNull();
  });

  it("the scheduled-open job opens a round whose day has come, exactly once, however many runs overlap", async () => {
    const { roundId } = await draftTestRound(v().leadA, A);
    const later = await draftTestRound(v().leadA, A);
    await scheduleRound(v().leadA, { roundId, version: 1, opensAt: inDays(1) });
    await scheduleRound(v().leadA, { roundId: later.roundId, version: 1, opensAt: inDays(5) });

    // Not yet.
    await openScheduledRounds(new Date());
    expect(await statusOf(roundId)).toBe("SCHEDULED");

    // Its day has come: four runs at once open it once.
    const when = inDays(2);
    await Promise.all([1, 2, 3, 4].map(() => openScheduledRounds(when)));
    const round = await db.priorityRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.status).toBe("OPEN");
    expect(round.openedAt).toEqual(when);
    expect(await db.auditEvent.count({ where: { action: "round.opened", subjectId: roundId } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { action: "round.opened", subjectId: roundId } })).toMatchObject({
      actorId: null,
    });
    const emailed = await db.notification.findMany({ where: { dedupeKey: `round.opened:${roundId}` } });
    expect(emailed.length).toBe(new Set(emailed.map((n) => n.userId)).size);
    expect(emailed.map((n) => n.userId)).toEqual(expect.arrayContaining([v().patientA.userId, v().staffA.userId]));
    // Again: nothing more happens; the later round waits for its own day.
    await openScheduledRounds(when);
    expect(await db.auditEvent.count({ where: { action: "round.opened", subjectId: roundId } })).toBe(1);
    expect(await statusOf(later.roundId)).toBe("SCHEDULED");
    expect(jobs["rounds.open-scheduled"]).toMatchObject({ cron: "* * * * *" });
  });
});

describe("who takes part", () => {
  it("a round for staff only: patients read it but cannot rank, propose or comment", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A, { participantGroups: ["STAFF"] });
    const message = "This round asks staff only, so you cannot take part in it.";
    await expect(submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, ["Alpha"]) })).rejects.toMatchObject({
      message,
    });
    await expect(addComment(v().patientA, { roundId, candidateId: null, body: "Me too" })).rejects.toMatchObject({
      message,
    });
    await expect(proposeCandidate(v().patientA, { roundId, title: "Mine", description: "" })).rejects.toMatchObject({
      message,
    });
    // Only the groups it asks are emailed.
    const emailed = (await db.notification.findMany({ where: { dedupeKey: `round.opened:${roundId}` } })).map(
      (n) => n.userId,
    );
    expect(emailed).toContain(v().staffA.userId);
    expect(emailed).toContain(v().leadA.userId);
    expect(emailed).not.toContain(v().patientA.userId);
    const asPatient = await getRoundPage(v().patientA, "wessex", roundId);
    expect(asPatient.can).toMatchObject({ rank: false, propose: false, comment: false });
    expect(asPatient.notAsked).toBe(true);
    await submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) });
    expect(await db.ballot.count({ where: { roundId } })).toBe(1);
  });

  it("who is asked cannot change once the round has opened", async () => {
    const { roundId } = await openTestRound(v().leadA, A);
    await expect(
      updateRound(v().leadA, {
        roundId,
        version: 1,
        title: "Same",
        description: "",
        participantGroups: ["STAFF"],
        closesAt: null,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { participantGroups: "Who is asked to rank cannot change once the round has opened" },
    });
  });
});

describe("closing", () => {
  it("the confirmation step checks without closing; closing then freezes the round", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A, { uniqueTitles: true });
    const decision = { roundId, version: 1, chosen: [byTitle.Alpha!], rationale: "Ranked first." };
    for (const viewer of [v().patientA, v().staffA, v().leadB]) {
      await expect(checkCloseRound(viewer, decision)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(checkCloseRound(v().leadA, { ...decision, chosen: ["not-in-this-round"] })).rejects.toMatchObject({
      fieldErrors: { chosen: "Choose candidates from this round" },
    });
    await checkCloseRound(v().leadA, decision);
    expect(await statusOf(roundId)).toBe("OPEN");
    await closeRound(v().leadA, decision);
    expect(await statusOf(roundId)).toBe("CLOSED");
    await expect(submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) })).rejects.toMatchObject({
      message: ROUND_CLOSED,
    });
    await expect(scheduleRound(v().leadA, { roundId, version: 2, opensAt: null })).rejects.toMatchObject({
      message: ROUND_CLOSED,
    });
  });
});

describe("choosing a candidate the collaborative already has", () => {
  it("links the national Falls area instead of copying it, and counts the collaborative's shared projects on it", async () => {
    const falls = await nationalArea("falls");
    const shared = await createProjectIn(A, v().staffA.userId!, "PORTAL");
    const draft = await createProjectIn(A, v().staffA.userId!, "DRAFT");
    await db.projectPriority.createMany({
      data: [
        { projectId: shared.id, priorityAreaId: falls.id },
        { projectId: draft.id, priorityAreaId: falls.id },
      ],
    });
    // A draft counts in no figure (lib/projects/counted.ts).
    const expected = await db.projectPriority.count({
      where: {
        priorityAreaId: falls.id,
        project: { collaborativeId: A, visibility: { not: "DRAFT" }, archivedAt: null },
      },
    });
    expect(expected).toBeGreaterThan(0);
    const { roundId, candidates } = await openTestRound(v().leadA, A, { areaSlugs: ["falls"], uniqueTitles: true });
    const candidate = candidates.find((c) => c.priorityAreaId === falls.id)!;

    // The close page says what choosing it will do.
    expect((await getCloseRoundMatches(v().leadA, roundId))[candidate.id]).toEqual({
      name: falls.name,
      kind: "NATIONAL",
      projects: expected,
    });
    const before = await db.priorityArea.count();
    const { priorities } = await closeRound(v().leadA, {
      roundId,
      version: 1,
      chosen: [candidate.id],
      rationale: "Falls matter most.",
    });
    expect(priorities).toEqual([{ id: falls.id, slug: falls.slug, name: falls.name, linked: true }]);
    expect(await db.priorityArea.count()).toBe(before);

    const workspace = await getWorkspace(ANONYMOUS, "wessex");
    expect(workspace!.localPriorities.find((p) => p.id === falls.id)).toMatchObject({
      national: true,
      projectCount: expected,
      round: { id: roundId },
    });
    const page = await getLocalPriority(v().staffA, "wessex", falls.slug);
    expect(page.priority.kind).toBe("NATIONAL");
    expect(page.projects.map((p) => p.id)).toContain(shared.id);
    expect(page.history?.round.id).toBe(roundId);
    expect(page.priority.rationale).toBe("Falls matter most.");
    // Its status is the national team's, not the collaborative's to change.
    expect((await getLocalPriority(v().leadA, "wessex", falls.slug)).canManage).toBe(false);
  });
});
