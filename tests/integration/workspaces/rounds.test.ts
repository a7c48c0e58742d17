// Priority setting against the real database: opening, proposing, commenting, ranking (one ballot
// per person, even under concurrent submissions), results reproducible from stored ballots, and
// closing with a recorded decision after which nothing can change.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { EditConflictError } from "@/lib/forms/conflict";
import { bordaCount } from "@/lib/priorities/borda";
import {
  computeRoundResults,
  getLocalPriority,
  getRoundOpeningOptions,
  getRoundPage,
  getRoundResults,
  listRounds,
} from "@/lib/priorities/queries";
import {
  ALREADY_RANKED,
  ROUND_CLOSED,
  addComment,
  closeRound,
  createRound,
  proposeCandidate,
  submitBallot,
  updatePriorityStatus,
  updateRound,
  withdrawCandidate,
} from "@/lib/priorities/mutations";
import { createRoundSchema } from "@/lib/priorities/schemas";
import { ANONYMOUS, createCast, createUser, type Cast } from "@/tests/fixtures/factories";
import { concernAbout, createProjectIn, nationalArea, openTestRound, ranks, unique } from "@/tests/fixtures/workspaces";

let cast: Cast;
let A: string;
let B: string;
beforeAll(async () => {
  cast = await createCast();
  A = cast.collaborativeA.id;
  B = cast.collaborativeB.id;
});

const v = () => cast.viewers;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("opening a round", () => {
  it("draws candidates from national areas with concern evidence counts from this collaborative's last 12 months, and the lead's own", async () => {
    const falls = await nationalArea("falls");
    const ulcers = await nationalArea("pressure-ulcers");
    const before = await db.priorityCandidate.count({
      where: { priorityAreaId: falls.id, round: { collaborativeId: A } },
    });
    const baseline = (await getRoundOpeningOptions(v().leadA, "wessex")).areas.find(
      (a) => a.id === falls.id,
    )!.evidenceCount;
    await concernAbout(A, falls.id, daysAgo(10));
    await concernAbout(A, falls.id, daysAgo(200));
    await concernAbout(A, falls.id, daysAgo(400)); // older than 12 months: not evidence
    await concernAbout(B, falls.id, daysAgo(5)); // another collaborative: not evidence

    const options = await getRoundOpeningOptions(v().leadA, "wessex");
    expect(options.areas.find((a) => a.id === falls.id)).toMatchObject({
      source: "NATIONAL",
      evidenceCount: baseline + 2,
    });

    const { roundId, candidates } = await openTestRound(v().leadA, A, {
      areaSlugs: ["falls", "pressure-ulcers"],
      proposals: ["Safer discharge for people living alone"],
    });
    expect(candidates.map((c) => `${c.source}: ${c.title}`).sort()).toEqual(
      [
        `NATIONAL: ${falls.name}`,
        `NATIONAL: ${ulcers.name}`,
        "PROPOSAL: Safer discharge for people living alone",
      ].sort(),
    );
    expect(candidates.find((c) => c.priorityAreaId === falls.id)!.evidenceCount).toBe(baseline + 2);
    expect(candidates.find((c) => c.source === "PROPOSAL")!.proposedById).toBe(v().leadA.userId);
    expect(
      await db.priorityCandidate.count({ where: { priorityAreaId: falls.id, round: { collaborativeId: A } } }),
    ).toBe(before + 1);
    expect(await db.auditEvent.count({ where: { action: "round.opened", subjectId: roundId } })).toBe(1);
  });

  it("offers local priorities that concerns were raised about as candidates from concerns", async () => {
    const local = await db.priorityArea.create({
      data: { slug: `wessex-test-${unique()}`, name: `Local ${unique()}`, kind: "LOCAL", collaborativeId: A },
    });
    await concernAbout(A, local.id, daysAgo(3));
    const options = await getRoundOpeningOptions(v().leadA, "wessex");
    expect(options.areas.find((a) => a.id === local.id)).toMatchObject({ source: "CONCERNS", evidenceCount: 1 });
    const round = await createRound(v().leadA, {
      collaborativeId: A,
      participantGroups: ["PATIENT_CARER", "STAFF"],
      title: "With a local area",
      description: "",
      areaIds: [local.id],
      proposals: ["Extra"],
      closesAt: null,
    });
    expect(
      await db.priorityCandidate.findFirst({ where: { roundId: round.id, priorityAreaId: local.id } }),
    ).toMatchObject({ source: "CONCERNS", evidenceCount: 1 });
  });

  it("refuses another collaborative's local area as a candidate", async () => {
    const theirs = await db.priorityArea.create({
      data: { slug: `oxford-test-${unique()}`, name: `Theirs ${unique()}`, kind: "LOCAL", collaborativeId: B },
    });
    await expect(
      createRound(v().leadA, {
        collaborativeId: A,
        participantGroups: ["PATIENT_CARER", "STAFF"],
        title: "Sneaky",
        description: "",
        areaIds: [theirs.id],
        proposals: ["One"],
        closesAt: null,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { areaIds: "Choose from the areas listed" },
    });
  });

  it("only a lead of the collaborative may open one", async () => {
    const before = await db.priorityRound.count({ where: { collaborativeId: A } });
    for (const viewer of [v().staffA, v().patientA, v().leadB, v().national, v().admin, ANONYMOUS]) {
      await expect(openTestRound(viewer, A)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.priorityRound.count({ where: { collaborativeId: A } })).toBe(before);
  });

  it("needs at least two candidates, different from each other, and a title (the form's schema)", () => {
    const base = {
      collaborativeId: A,
      title: "Round",
      participantGroups: ["PATIENT_CARER", "STAFF"],
      areaIds: [],
      proposals: "Only one",
    };
    expect(createRoundSchema.safeParse(base).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["areaIds", "Choose at least 2 candidates: tick areas, add your own, or both"],
    ]);
    expect(createRoundSchema.safeParse({ ...base, proposals: "Same\nsame" }).error?.issues[0]).toMatchObject({
      path: ["proposals"],
      message: "Each of your candidates must be different",
    });
    expect(createRoundSchema.safeParse({ ...base, title: " ", proposals: "A\nB" }).error?.issues[0]?.path).toEqual([
      "title",
    ]);
    expect(
      createRoundSchema.safeParse({
        ...base,
        proposals: "A\nB",
        "closesAt-day": "31",
        "closesAt-month": "2",
        "closesAt-year": "2030",
      }).error?.issues[0],
    ).toMatchObject({ path: ["closesAt"] });
    const parsed = createRoundSchema.parse({
      ...base,
      proposals: " A \n\nB\n",
      "closesAt-day": "1",
      "closesAt-month": "7",
      "closesAt-year": "2030",
    });
    expect(parsed.proposals).toEqual(["A", "B"]);
    // The end of 1 July 2030, UK summer time.
    expect(parsed.closesAt?.toISOString()).toBe("2030-07-01T22:59:59.999Z");
  });
});

describe("taking part", () => {
  it("members propose candidates; duplicates and outsiders are refused", async () => {
    const { roundId } = await openTestRound(v().leadA, A);
    const proposal = await proposeCandidate(v().patientA, {
      roundId,
      title: "Help at home after discharge",
      description: "My mum went home with no plan.",
    });
    expect(await db.priorityCandidate.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      source: "PROPOSAL",
      proposedById: v().patientA.userId,
      evidenceCount: 0,
    });
    await expect(
      proposeCandidate(v().staffA, { roundId, title: "help at HOME after discharge", description: "" }),
    ).rejects.toMatchObject({
      fieldErrors: { title: "This is already a candidate in this round: rank it or comment on it instead" },
    });
    for (const outsider of [v().staffB, v().national, ANONYMOUS]) {
      await expect(
        proposeCandidate(outsider, { roundId, title: `Outsider ${unique()}`, description: "" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.priorityCandidate.count({ where: { roundId } })).toBe(5);
  });

  it("leads can remove a candidate nobody has ranked (moderation), but never one that has been ranked", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A, { proposals: ["Alpha", "Bravo", "Charlie"] });
    const unsuitable = await proposeCandidate(v().patientA, {
      roundId,
      title: "Something unsuitable",
      description: "",
    });
    await submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) });
    for (const viewer of [v().patientA, v().staffA, v().leadB, v().admin]) {
      await expect(withdrawCandidate(viewer, { roundId, candidateId: unsuitable.id })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    await withdrawCandidate(v().leadA, { roundId, candidateId: unsuitable.id });
    expect(await db.priorityCandidate.findUnique({ where: { id: unsuitable.id } })).toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: "round.candidate_withdrawn", subjectId: unsuitable.id } }),
    ).toBe(1);

    await expect(withdrawCandidate(v().leadA, { roundId, candidateId: byTitle.Alpha! })).rejects.toMatchObject({
      message: expect.stringContaining("already ranked this candidate"),
    });
    await withdrawCandidate(v().leadA, { roundId, candidateId: byTitle.Bravo! });
    await expect(withdrawCandidate(v().leadA, { roundId, candidateId: byTitle.Charlie! })).rejects.toMatchObject({
      message: "A round needs at least 2 candidates.",
    });
    expect(await db.priorityCandidate.count({ where: { roundId } })).toBe(2);
    expect(await db.ballotRanking.count({ where: { ballot: { roundId } } })).toBe(1);

    await closeRound(v().leadA, { roundId, version: 1, chosen: [byTitle.Alpha!], rationale: "x" });
    await expect(withdrawCandidate(v().leadA, { roundId, candidateId: byTitle.Charlie! })).rejects.toMatchObject({
      message: ROUND_CLOSED,
    });
  });

  it("members comment on the round or on a candidate of it; comments show the group, not the person", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    await addComment(v().patientA, { roundId, candidateId: byTitle.Alpha!, body: "This matters to carers." });
    await addComment(v().staffA, { roundId, candidateId: null, body: "General point." });
    const other = await openTestRound(v().leadA, A);
    await expect(
      addComment(v().patientA, { roundId, candidateId: other.byTitle.Alpha!, body: "Wrong round" }),
    ).rejects.toMatchObject({ fieldErrors: { candidateId: "Choose a candidate from this round" } });
    await expect(addComment(v().staffB, { roundId, candidateId: null, body: "Outsider" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    const page = await getRoundPage(v().staffA, "wessex", roundId);
    expect(page.comments).toEqual([
      expect.objectContaining({ body: "This matters to carers.", group: "PATIENT_CARER", candidateTitle: "Alpha" }),
      expect.objectContaining({ body: "General point.", group: "STAFF", candidateTitle: null }),
    ]);
    expect(JSON.stringify(page.comments)).not.toContain(v().patientA.name!);
    // The public sees the round but not members' comments.
    expect((await getRoundPage(ANONYMOUS, "wessex", roundId)).comments).toBeNull();
  });

  it("records each member's ballot in their participant group (a lead counts as staff)", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    await submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, ["Alpha", "Bravo"]) });
    await submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Bravo"]) });
    await submitBallot(v().leadA, { roundId, ranks: ranks(byTitle, ["Charlie", "Alpha", "Bravo", "Delta"]) });
    const ballots = await db.ballot.findMany({
      where: { roundId },
      include: { rankings: { orderBy: { rank: "asc" } } },
    });
    const group = (userId: string | null) => ballots.find((b) => b.userId === userId)!;
    expect(group(v().patientA.userId).participantGroup).toBe("PATIENT_CARER");
    expect(group(v().staffA.userId).participantGroup).toBe("STAFF");
    expect(group(v().leadA.userId).participantGroup).toBe("STAFF");
    expect(group(v().patientA.userId).rankings.map((r) => [r.candidateId, r.rank])).toEqual([
      [byTitle.Alpha, 1],
      [byTitle.Bravo, 2],
    ]);
    const page = await getRoundPage(v().patientA, "wessex", roundId);
    expect(page.ballotCounts).toEqual({ PATIENT_CARER: 1, STAFF: 2 });
    expect(page.can.rank).toBe(false);
    expect(page.myBallot?.rankings).toHaveLength(2);
  });

  it("rejects rankings with duplicates, gaps or unknown candidates, with a clear message, and stores nothing", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    const other = await openTestRound(v().leadA, A);
    await expect(
      submitBallot(v().staffA, { roundId, ranks: { [byTitle.Alpha!]: "1", [byTitle.Bravo!]: "1" } }),
    ).rejects.toMatchObject({
      message: "You gave rank 1 to more than one candidate: give each rank once",
      fieldErrors: { [`rank-${byTitle.Alpha}`]: "You gave rank 1 to more than one candidate: give each rank once" },
    });
    await expect(
      submitBallot(v().staffA, { roundId, ranks: { [byTitle.Alpha!]: "1", [other.byTitle.Alpha!]: "2" } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("not in this round"),
    });
    await expect(
      submitBallot(v().staffA, { roundId, ranks: { [byTitle.Alpha!]: "1", [byTitle.Bravo!]: "3" } }),
    ).rejects.toMatchObject({
      message: "Ranks must run 1, 2, 3 and so on without gaps. You did not use 2.",
    });
    await expect(submitBallot(v().staffA, { roundId, ranks: {} })).rejects.toMatchObject({
      message: expect.stringContaining("Rank at least one"),
    });
    expect(await db.ballot.count({ where: { roundId } })).toBe(0);
  });

  it("lets each person rank once per round", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    await submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) });
    await expect(
      submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Bravo", "Alpha"]) }),
    ).rejects.toMatchObject({ message: ALREADY_RANKED });
    const ballots = await db.ballot.findMany({ where: { roundId }, include: { rankings: true } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0]!.rankings).toEqual([expect.objectContaining({ candidateId: byTitle.Alpha, rank: 1 })]);
  });

  it("keeps exactly one ballot when the same person submits many times at once (the database constraint decides)", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    const { viewer } = await createUser({ memberships: { wessex: "PATIENT" } });
    const orders = [
      ["Alpha"],
      ["Bravo"],
      ["Charlie"],
      ["Delta"],
      ["Alpha", "Bravo"],
      ["Bravo", "Alpha"],
      ["Charlie", "Delta"],
      ["Delta", "Charlie"],
    ];
    const outcomes = await Promise.allSettled(
      orders.map((order) => submitBallot(viewer, { roundId, ranks: ranks(byTitle, order) })),
    );
    const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual(new Array(orders.length - 1).fill(ALREADY_RANKED));
    expect(await db.ballot.count({ where: { roundId, userId: viewer.userId! } })).toBe(1);
    // The one ballot stored is whole: one of the submitted rankings, not a mixture.
    const stored = await db.ballotRanking.findMany({ where: { ballot: { roundId } }, orderBy: { rank: "asc" } });
    const titleOf = Object.fromEntries(Object.entries(byTitle).map(([t, id]) => [id, t]));
    expect(orders).toContainEqual(stored.map((r) => titleOf[r.candidateId]));
  });

  it("is for members of the collaborative only", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    const { viewer: pendingMember } = await createUser({ memberships: { wessex: "PATIENT" }, pending: true });
    for (const viewer of [v().staffB, v().leadB, v().national, v().admin, ANONYMOUS, pendingMember]) {
      await expect(submitBallot(viewer, { roundId, ranks: ranks(byTitle, ["Alpha"]) })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await db.ballot.count({ where: { roundId } })).toBe(0);
    await expect(submitBallot(v().staffA, { roundId: "no-such-round", ranks: {} })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("stops ranking and proposals after the closing date", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A, { closesAt: new Date(Date.now() + 60_000) });
    const later = new Date(Date.now() + 120_000);
    await expect(submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) }, later)).rejects.toMatchObject({
      message: expect.stringContaining("Ranking in this round closed"),
    });
    await expect(
      proposeCandidate(v().staffA, { roundId, title: "Late", description: "" }, later),
    ).rejects.toMatchObject({ message: expect.stringContaining("Ranking in this round closed") });
    expect(await db.ballot.count({ where: { roundId } })).toBe(0);
    expect((await getRoundPage(v().staffA, "wessex", roundId, later)).can.rank).toBe(false);
  });
});

describe("results", () => {
  it("are shown to the leads while the round is open, and to everyone once it has closed", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    await submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, ["Alpha"]) });
    await expect(getRoundResults(v().patientA, roundId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRoundResults(ANONYMOUS, roundId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getRoundPage(v().staffA, "wessex", roundId)).results).toBeNull();
    expect((await getRoundResults(v().leadA, roundId)).overall.tallies[0]).toMatchObject({ title: "Alpha", points: 3 });
    await closeRound(v().leadA, { roundId, version: 1, chosen: [byTitle.Alpha!], rationale: "Clear first choice." });
    expect((await getRoundResults(ANONYMOUS, roundId)).overall.ballots).toBe(1);
    expect((await getRoundPage(ANONYMOUS, "wessex", roundId)).results?.patientCarer.tallies[0]?.title).toBe("Alpha");
  });

  it("are reproducible from the stored ballots: a recount from the raw rows matches what was recorded at closing", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    const voters = await Promise.all([
      createUser({ memberships: { wessex: "PATIENT" } }),
      createUser({ memberships: { wessex: "PATIENT" } }),
      createUser({ memberships: { wessex: "STAFF" } }),
      createUser({ memberships: { wessex: "STAFF" } }),
      createUser({ memberships: { wessex: "LEAD" } }),
    ]);
    const orders = [
      ["Delta", "Alpha"],
      ["Delta"],
      ["Alpha", "Bravo", "Charlie"],
      ["Bravo", "Alpha"],
      ["Alpha", "Delta", "Charlie", "Bravo"],
    ];
    for (const [i, voter] of voters.entries())
      await submitBallot(voter.viewer, { roundId, ranks: ranks(byTitle, orders[i]!) });
    await closeRound(v().leadA, {
      roundId,
      version: 1,
      chosen: [byTitle.Alpha!, byTitle.Delta!],
      rationale: "Patients put Delta first; staff and patients both rank Alpha highly.",
    });

    // Hand-worked (4 candidates: 3, 2, 1, 0 points). Patients: Delta 3+3 = 6, Alpha 2. Staff: Alpha 3+2+3 = 8,
    // Bravo 2+3+0 = 5, Charlie 1+1 = 2, Delta 2. Everyone: Alpha 10, Delta 8, Bravo 5, Charlie 2.
    const results = await computeRoundResults(roundId);
    const points = (r: typeof results.overall) => Object.fromEntries(r.tallies.map((t) => [t.title, t.points]));
    expect(points(results.overall)).toEqual({ Alpha: 10, Delta: 8, Bravo: 5, Charlie: 2 });
    expect(points(results.patientCarer)).toEqual({ Delta: 6, Alpha: 2, Bravo: 0, Charlie: 0 });
    expect(points(results.staff)).toEqual({ Alpha: 8, Bravo: 5, Charlie: 2, Delta: 2 });
    // Charlie and Delta tie on 2 staff points; Delta was ranked 2nd once, Charlie never: Delta comes first.
    expect(results.staff.tallies.map((t) => t.title)).toEqual(["Alpha", "Bravo", "Delta", "Charlie"]);

    // An independent recount straight from the stored rows, in SQL.
    const recount = await db.$queryRaw<{ candidateId: string; group: string; points: number }[]>`
      SELECT r."candidateId", b."participantGroup"::text AS "group",
             sum((SELECT count(*) FROM "PriorityCandidate" c WHERE c."roundId" = b."roundId") - r.rank)::int AS points
      FROM "BallotRanking" r JOIN "Ballot" b ON b.id = r."ballotId"
      WHERE b."roundId" = ${roundId}
      GROUP BY r."candidateId", b."participantGroup"`;
    const sqlPoints = (group?: string) => {
      const totals: Record<string, number> = {};
      for (const row of recount.filter((r) => !group || r.group === group))
        totals[row.candidateId] = (totals[row.candidateId] ?? 0) + row.points;
      return totals;
    };
    const byId = (r: typeof results.overall) =>
      Object.fromEntries(r.tallies.filter((t) => t.points > 0).map((t) => [t.candidateId, t.points]));
    expect(byId(results.overall)).toEqual(sqlPoints());
    expect(byId(results.patientCarer)).toEqual(sqlPoints("PATIENT_CARER"));
    expect(byId(results.staff)).toEqual(sqlPoints("STAFF"));

    // What was recorded at the moment of closing equals a recount now.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "round.closed", subjectId: roundId } });
    const recorded = (
      audit.details as { results: Record<string, { candidateId: string; points: number; position: number }[]> }
    ).results;
    for (const group of ["overall", "patientCarer", "staff"] as const) {
      expect(recorded[group]).toEqual(
        results[group].tallies.map((t) => ({ candidateId: t.candidateId, points: t.points, position: t.position })),
      );
    }
    // And the pure module, given the same stored ballots, agrees.
    const stored = await db.ballot.findMany({
      where: { roundId },
      select: { rankings: { select: { candidateId: true, rank: true } } },
    });
    const candidates = await db.priorityCandidate.findMany({ where: { roundId }, select: { id: true, title: true } });
    expect(bordaCount(candidates, stored)).toEqual(results.overall);
  });
});

describe("closing a round", () => {
  it("records the decision: the chosen candidates become local priorities carrying the round, candidate and rationale", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A, {
      proposals: [`Falls at home ${unique()}`, "Sepsis & deterioration"],
    });
    const [first, second] = Object.keys(byTitle);
    await submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, [first!, second!]) });
    const { priorities } = await closeRound(v().leadA, {
      roundId,
      version: 1,
      chosen: [byTitle[second!]!],
      rationale: "Staff and patients agreed.",
    });

    expect(priorities).toHaveLength(1);
    const priority = await db.priorityArea.findUniqueOrThrow({ where: { id: priorities[0]!.id } });
    expect(priority).toMatchObject({
      kind: "LOCAL",
      status: "ACTIVE",
      collaborativeId: A,
      roundId,
      candidateId: byTitle[second!],
      rationale: "Staff and patients agreed.",
      name: "Sepsis & deterioration",
    });
    expect(priority.slug).toMatch(/^wessex-sepsis-and-deterioration(-\d+)?$/);
    expect(await db.priorityRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({
      status: "CLOSED",
      closedById: v().leadA.userId,
      decisionRationale: "Staff and patients agreed.",
      version: 2,
    });
    expect(await db.priorityCandidate.findMany({ where: { roundId, chosen: true }, select: { id: true } })).toEqual([
      { id: byTitle[second!] },
    ]);

    const rounds = await listRounds(ANONYMOUS, "wessex");
    expect(rounds.rounds.find((r) => r.id === roundId)?.chosen).toEqual([{ slug: priority.slug, name: priority.name }]);
  });

  it("links a candidate with the title of an existing local priority to it (ignoring capitals and spaces) instead of copying it", async () => {
    const title = `Repeated ${unique()}`;
    const first = await openTestRound(v().leadA, A, { proposals: [title, "Other"] });
    const second = await openTestRound(v().leadA, A, {
      proposals: [`  ${title.toUpperCase().replace(" ", "   ")}`, "Other"],
    });
    const a = await closeRound(v().leadA, {
      roundId: first.roundId,
      version: 1,
      chosen: [first.candidates[0]!.id],
      rationale: "First.",
    });
    await db.priorityArea.update({ where: { id: a.priorities[0]!.id }, data: { status: "RETIRED" } });
    const b = await closeRound(v().leadA, {
      roundId: second.roundId,
      version: 1,
      chosen: [second.candidates[0]!.id],
      rationale: "Again.",
    });
    expect(b.priorities).toEqual([{ ...a.priorities[0], linked: true }]);
    expect(
      await db.priorityArea.count({ where: { collaborativeId: A, name: { equals: title, mode: "insensitive" } } }),
    ).toBe(1);
    // Chosen again, a retired priority is being worked on once more; the candidate stands for it.
    expect(await db.priorityArea.findUniqueOrThrow({ where: { id: a.priorities[0]!.id } })).toMatchObject({
      status: "ACTIVE",
      roundId: first.roundId,
    });
    expect(await db.priorityCandidate.findUniqueOrThrow({ where: { id: second.candidates[0]!.id } })).toMatchObject({
      chosen: true,
      chosenPriorityId: a.priorities[0]!.id,
    });
    const { rounds } = await listRounds(ANONYMOUS, "wessex");
    expect(rounds.find((r) => r.id === second.roundId)!.chosen).toEqual([
      { slug: a.priorities[0]!.slug, name: a.priorities[0]!.name },
    ]);
  });

  it("is for the collaborative's leads, and needs a candidate of this round", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    const other = await openTestRound(v().leadA, A);
    for (const viewer of [v().staffA, v().patientA, v().leadB, v().admin, v().national]) {
      await expect(
        closeRound(viewer, { roundId, version: 1, chosen: [byTitle.Alpha!], rationale: "x" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      closeRound(v().leadA, { roundId, version: 1, chosen: [other.byTitle.Alpha!], rationale: "x" }),
    ).rejects.toMatchObject({ fieldErrors: { chosen: "Choose candidates from this round" } });
    expect(await db.priorityRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({
      status: "OPEN",
      version: 1,
    });
    expect(await db.priorityArea.count({ where: { roundId } })).toBe(0);
  });

  it("refuses a decision made on a version of the round that someone has since edited", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    await updateRound(v().leadA, { roundId, version: 1, title: "Renamed", description: "New words", closesAt: null });
    await expect(
      closeRound(v().leadA, { roundId, version: 1, chosen: [byTitle.Alpha!], rationale: "x" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Someone changed this round") });
    await expect(
      updateRound(v().leadA, { roundId, version: 1, title: "Mine", description: "", closesAt: null }),
    ).rejects.toBeInstanceOf(EditConflictError);
    expect(await db.priorityRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({
      title: "Renamed",
      status: "OPEN",
      version: 2,
    });
  });

  it("freezes the round: no more rankings, proposals, comments, edits or decisions, in the code and in the database", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A, { uniqueTitles: true });
    await submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) });
    await closeRound(v().leadA, { roundId, version: 1, chosen: [byTitle.Alpha!], rationale: "Done." });

    await expect(submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, ["Bravo"]) })).rejects.toMatchObject({
      message: ROUND_CLOSED,
    });
    await expect(proposeCandidate(v().patientA, { roundId, title: "Too late", description: "" })).rejects.toMatchObject(
      { message: ROUND_CLOSED },
    );
    await expect(addComment(v().patientA, { roundId, candidateId: null, body: "Too late" })).rejects.toMatchObject({
      message: ROUND_CLOSED,
    });
    await expect(
      updateRound(v().leadA, { roundId, version: 2, title: "Rewritten", description: "", closesAt: null }),
    ).rejects.toMatchObject({ message: ROUND_CLOSED });
    await expect(
      closeRound(v().leadA, { roundId, version: 2, chosen: [byTitle.Bravo!], rationale: "Changed my mind." }),
    ).rejects.toMatchObject({ message: ROUND_CLOSED });

    // Going around the application does not work either: the database refuses.
    await expect(
      db.ballot.create({ data: { roundId, userId: v().patientA.userId!, participantGroup: "PATIENT_CARER" } }),
    ).rejects.toThrow(/closed/);
    await expect(db.ballotRanking.updateMany({ where: { ballot: { roundId } }, data: { rank: 2 } })).rejects.toThrow(
      /closed/,
    );
    await expect(
      db.priorityCandidate.create({ data: { roundId, title: "Injected", source: "PROPOSAL" } }),
    ).rejects.toThrow(/closed/);
    await expect(
      db.priorityRound.update({ where: { id: roundId }, data: { decisionRationale: "Rewritten" } }),
    ).rejects.toThrow(/closed/);
    await expect(db.ballot.deleteMany({ where: { roundId } })).rejects.toThrow(/closed/);

    expect(await db.ballot.count({ where: { roundId } })).toBe(1);
    expect(await db.priorityCandidate.count({ where: { roundId } })).toBe(4);
    expect(await db.priorityRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({
      decisionRationale: "Done.",
      version: 2,
    });
    expect(await db.priorityArea.count({ where: { roundId } })).toBe(1);
  });
});

describe("a local priority's page", () => {
  it("shows how it was chosen (by group), the projects addressing it, and linked concerns (references for leads only)", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A, { uniqueTitles: true });
    await submitBallot(v().patientA, { roundId, ranks: ranks(byTitle, ["Bravo", "Alpha"]) });
    await submitBallot(v().staffA, { roundId, ranks: ranks(byTitle, ["Alpha"]) });
    const { priorities } = await closeRound(v().leadA, {
      roundId,
      version: 1,
      chosen: [byTitle.Alpha!],
      rationale: "Both groups rank it.",
    });
    const priority = priorities[0]!;
    const publicProject = await createProjectIn(A, v().staffA.userId!, "PUBLIC");
    const draftProject = await createProjectIn(A, v().staffA.userId!, "DRAFT");
    await db.projectPriority.createMany({
      data: [
        { projectId: publicProject.id, priorityAreaId: priority.id },
        { projectId: draftProject.id, priorityAreaId: priority.id },
      ],
    });
    const concern = await concernAbout(A, null);
    await db.concern.update({ where: { id: concern.id }, data: { linkedPriorityId: priority.id, status: "LINKED" } });

    const asPublic = await getLocalPriority(ANONYMOUS, "wessex", priority.slug);
    expect(asPublic.history).toMatchObject({
      round: { id: roundId, ballots: 2 },
      source: "PROPOSAL",
      overall: { position: 1, points: 5 },
      patientCarer: { position: 2, points: 2 },
      staff: { position: 1, points: 3 },
    });
    expect(asPublic.priority.rationale).toBe("Both groups rank it.");
    expect(asPublic.projects.map((p) => p.id)).toEqual([publicProject.id]);
    expect(asPublic.concerns).toMatchObject({ linked: 1, byStatus: { LINKED: 1 }, references: null });
    expect(JSON.stringify(asPublic)).not.toContain(concern.reference);

    const asLead = await getLocalPriority(v().leadA, "wessex", priority.slug);
    expect(asLead.projects.map((p) => p.id).sort()).toEqual([publicProject.id, draftProject.id].sort());
    expect(asLead.concerns.references).toEqual([expect.objectContaining({ reference: concern.reference })]);
    expect(asLead.canManage).toBe(true);

    await expect(getLocalPriority(ANONYMOUS, "oxford", priority.slug)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets the collaborative's leads change its status, refusing a stale change", async () => {
    const { roundId, byTitle } = await openTestRound(v().leadA, A);
    const { priorities } = await closeRound(v().leadA, {
      roundId,
      version: 1,
      chosen: [byTitle.Alpha!],
      rationale: "x",
    });
    const id = priorities[0]!.id;
    await expect(
      updatePriorityStatus(v().staffA, { priorityId: id, currentStatus: "ACTIVE", status: "ACHIEVED" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      updatePriorityStatus(v().leadB, { priorityId: id, currentStatus: "ACTIVE", status: "RETIRED" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await updatePriorityStatus(v().leadA, { priorityId: id, currentStatus: "ACTIVE", status: "ACHIEVED" });
    await expect(
      updatePriorityStatus(v().leadA, { priorityId: id, currentStatus: "ACTIVE", status: "RETIRED" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Someone else changed") });
    expect((await db.priorityArea.findUniqueOrThrow({ where: { id } })).status).toBe("ACHIEVED");
    const falls = await nationalArea("falls");
    await expect(
      updatePriorityStatus(v().admin, { priorityId: falls.id, currentStatus: "ACTIVE", status: "RETIRED" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await nationalArea("falls")).status).toBe("ACTIVE");
  });
});
