import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { DomainError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation, isUniqueViolationOf } from "@/lib/db-errors";
import { formatDate } from "@/lib/format";
import { kebab } from "@/lib/slug";
import { changedFields, EditConflictError } from "@/lib/forms/conflict";
import { countConcernsByArea, evidenceSince } from "@/lib/collaboratives/queries";
import { checkRanking } from "./ranking";
import { computeRoundResults, participantGroupFor } from "./queries";
import type {
  BallotInput,
  CloseRoundInput,
  CommentInput,
  OpenRoundInput,
  PriorityStatusInput,
  ProposeCandidateInput,
  UpdateRoundInput,
  WithdrawCandidateInput,
} from "./schemas";

export const ALREADY_RANKED =
  "You have already ranked in this round. Each person has one ballot per round, and it cannot be changed.";
export const ROUND_CLOSED = "This round has closed: its candidates, rankings and decision can no longer change.";

type LockedRound = {
  id: string;
  collaborativeId: string;
  status: "OPEN" | "CLOSED";
  closesAt: Date | null;
  version: number;
};

/**
 * Reads the round inside the transaction with a row lock. Writers that add to an open round take a
 * shared lock and closing takes an exclusive one, so nothing is added to a round once it has closed
 * (the database triggers would refuse it anyway).
 */
async function lockRound(tx: Tx, roundId: string, mode: "share" | "update"): Promise<LockedRound | null> {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<
          LockedRound[]
        >`SELECT id, "collaborativeId", status::text AS status, "closesAt", version FROM "PriorityRound" WHERE id = ${roundId} FOR UPDATE`
      : await tx.$queryRaw<
          LockedRound[]
        >`SELECT id, "collaborativeId", status::text AS status, "closesAt", version FROM "PriorityRound" WHERE id = ${roundId} FOR SHARE`;
  return rows[0] ?? null;
}

function assertOpen(round: LockedRound) {
  if (round.status !== "OPEN") throw new DomainError(ROUND_CLOSED);
}

function assertRankingOpen(round: LockedRound, now: Date) {
  assertOpen(round);
  if (round.closesAt && round.closesAt < now) {
    throw new DomainError(
      `Ranking in this round closed at the end of ${formatDate(round.closesAt)}. The collaborative's leads will publish the decision here.`,
    );
  }
}

/** The viewer's active membership of the round's collaborative (round.participate has already been checked). */
function membershipIn(viewer: Viewer, collaborativeId: string) {
  const membership = viewer.memberships.find((m) => m.collaborativeId === collaborativeId);
  if (!membership || !viewer.userId) throw new NotFoundError();
  return { userId: viewer.userId, role: membership.role };
}

/** Round ids from URLs and forms: a round of a collaborative the viewer cannot see is simply not found. */
async function findRound(roundId: string) {
  const round = await db.priorityRound.findUnique({
    where: { id: roundId },
    select: { id: true, collaborativeId: true },
  });
  if (!round) throw new NotFoundError();
  return round;
}

export async function openRound(viewer: Viewer, input: OpenRoundInput, now = new Date()) {
  authorize(viewer, "round.open", { collaborativeId: input.collaborativeId });
  if (input.closesAt && input.closesAt < now)
    throw new DomainError("Check the closing date.", { closesAt: "The closing date must be today or in the future" });
  return db.$transaction(async (tx) => {
    const areas = await tx.priorityArea.findMany({
      where: { id: { in: input.areaIds }, OR: [{ kind: "NATIONAL" }, { collaborativeId: input.collaborativeId }] },
      select: { id: true, name: true, description: true, kind: true },
    });
    if (areas.length !== new Set(input.areaIds).size)
      throw new DomainError("One of the areas you chose is not available. Reload the page and choose again.", {
        areaIds: "Choose from the areas listed",
      });
    // Evidence is counted now and kept with the candidate, so the round shows what the lead saw.
    const counts = new Map(
      (await countConcernsByArea(tx, input.collaborativeId, evidenceSince(now))).map((c) => [
        c.priorityAreaId,
        c.count,
      ]),
    );
    const titles = new Set(areas.map((a) => a.name.toLowerCase()));
    const clash = input.proposals.find((p) => titles.has(p.toLowerCase()));
    if (clash)
      throw new DomainError("Check your own candidates.", {
        proposals: `"${clash}" is already one of the areas you ticked`,
      });

    const round = await tx.priorityRound.create({
      data: {
        collaborativeId: input.collaborativeId,
        title: input.title,
        description: input.description,
        closesAt: input.closesAt,
        openedById: viewer.userId!,
        candidates: {
          create: [
            ...areas.map((a) => ({
              title: a.name,
              description: a.description,
              source: a.kind === "NATIONAL" ? ("NATIONAL" as const) : ("CONCERNS" as const),
              priorityAreaId: a.id,
              evidenceCount: counts.get(a.id) ?? 0,
            })),
            ...input.proposals.map((title) => ({ title, source: "PROPOSAL" as const, proposedById: viewer.userId })),
          ],
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "round.opened",
      subjectType: "PriorityRound",
      subjectId: round.id,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { candidates: areas.length + input.proposals.length, closesAt: input.closesAt?.toISOString() ?? null },
    });
    return round;
  });
}

const ROUND_LABELS = { title: "Title", description: "Description", closesAt: "Ranking closes" };

export async function updateRound(viewer: Viewer, input: UpdateRoundInput, now = new Date()) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.open", { collaborativeId: found.collaborativeId });
  if (input.closesAt && input.closesAt < now)
    throw new DomainError("Check the closing date.", { closesAt: "The closing date must be today or in the future" });
  await db.$transaction(async (tx) => {
    const round = await lockRound(tx, input.roundId, "update");
    assertOpen(round!);
    const { count } = await tx.priorityRound.updateMany({
      where: { id: input.roundId, version: input.version, status: "OPEN" },
      data: { title: input.title, description: input.description, closesAt: input.closesAt, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.priorityRound.findUniqueOrThrow({
        where: { id: input.roundId },
        select: { title: true, description: true, closesAt: true, version: true },
      });
      const shown = (r: { title: string; description: string; closesAt: Date | null }) => ({
        title: r.title,
        description: r.description,
        closesAt: r.closesAt ? formatDate(r.closesAt) : "",
      });
      throw new EditConflictError({
        version: current.version,
        changes: changedFields(ROUND_LABELS, shown(current), shown(input)),
      });
    }
    await recordAudit(tx, {
      action: "round.updated",
      subjectType: "PriorityRound",
      subjectId: input.roundId,
      actorId: viewer.userId,
      collaborativeId: found.collaborativeId,
    });
  });
}

/** A member proposes a candidate while the round is open; people who ranked earlier simply did not rank it. */
const candidateTaken = () =>
  new DomainError("Check your proposal.", {
    title: "This is already a candidate in this round: rank it or comment on it instead",
  });

export async function proposeCandidate(viewer: Viewer, input: ProposeCandidateInput, now = new Date()) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.participate", { collaborativeId: found.collaborativeId });
  const { userId } = membershipIn(viewer, found.collaborativeId);
  return db
    .$transaction(async (tx) => {
      const round = await lockRound(tx, input.roundId, "share");
      assertRankingOpen(round!, now);
      const existing = await tx.priorityCandidate.findFirst({
        where: { roundId: input.roundId, title: { equals: input.title, mode: "insensitive" } },
        select: { id: true },
      });
      if (existing) throw candidateTaken();
      const candidate = await tx.priorityCandidate.create({
        data: {
          roundId: input.roundId,
          title: input.title,
          description: input.description,
          source: "PROPOSAL",
          proposedById: userId,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: "round.candidate_proposed",
        subjectType: "PriorityCandidate",
        subjectId: candidate.id,
        actorId: userId,
        collaborativeId: found.collaborativeId,
        details: { roundId: input.roundId },
      });
      return candidate;
    })
    .catch((error: unknown) => {
      // Proposed at the same moment by someone else (the round is only share-locked): the unique index on (round, lower(title)) kept one.
      if (isUniqueViolationOf(error, "PriorityCandidate_roundId_title_key")) throw candidateTaken();
      throw error;
    });
}

/**
 * Leads moderate: a candidate nobody has ranked yet can be taken out of an open round (for example an
 * unsuitable or duplicate proposal). Once someone has ranked it, it stays, so every ballot stays whole.
 */
export async function withdrawCandidate(viewer: Viewer, input: WithdrawCandidateInput) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.open", { collaborativeId: found.collaborativeId });
  await db.$transaction(async (tx) => {
    // Exclusive: no ballot can rank it between the check and the removal.
    const round = await lockRound(tx, input.roundId, "update");
    assertOpen(round!);
    const candidate = await tx.priorityCandidate.findFirst({
      where: { id: input.candidateId, roundId: input.roundId },
      select: { id: true, source: true, _count: { select: { rankings: true } } },
    });
    if (!candidate) throw new NotFoundError();
    if (candidate._count.rankings > 0) {
      throw new DomainError(
        "People have already ranked this candidate, so it stays in the round. If it is not chosen, say why in your decision.",
      );
    }
    if ((await tx.priorityCandidate.count({ where: { roundId: input.roundId } })) <= 2)
      throw new DomainError("A round needs at least 2 candidates.");
    await tx.priorityCandidate.delete({ where: { id: candidate.id } });
    await recordAudit(tx, {
      action: "round.candidate_withdrawn",
      subjectType: "PriorityCandidate",
      subjectId: candidate.id,
      actorId: viewer.userId,
      collaborativeId: found.collaborativeId,
      details: { roundId: input.roundId, source: candidate.source },
    });
  });
}

export async function addComment(viewer: Viewer, input: CommentInput) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.participate", { collaborativeId: found.collaborativeId });
  const { userId } = membershipIn(viewer, found.collaborativeId);
  return db.$transaction(async (tx) => {
    const round = await lockRound(tx, input.roundId, "share");
    assertOpen(round!);
    if (input.candidateId) {
      const candidate = await tx.priorityCandidate.findFirst({
        where: { id: input.candidateId, roundId: input.roundId },
        select: { id: true },
      });
      if (!candidate)
        throw new DomainError("Check what your comment is about.", {
          candidateId: "Choose a candidate from this round",
        });
    }
    return tx.priorityComment.create({
      data: { roundId: input.roundId, candidateId: input.candidateId, authorId: userId, body: input.body },
      select: { id: true },
    });
  });
}

/**
 * Records a person's one ballot for the round. The unique (round, person) constraint in the
 * database is what guarantees one ballot, even for submissions that arrive at the same moment.
 */
export async function submitBallot(viewer: Viewer, input: BallotInput, now = new Date()) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.participate", { collaborativeId: found.collaborativeId });
  const { userId, role } = membershipIn(viewer, found.collaborativeId);
  try {
    return await db.$transaction(async (tx) => {
      const round = await lockRound(tx, input.roundId, "share");
      assertRankingOpen(round!, now);
      if (
        await tx.ballot.findUnique({
          where: { roundId_userId: { roundId: input.roundId, userId } },
          select: { id: true },
        })
      )
        throw new DomainError(ALREADY_RANKED);
      const candidates = await tx.priorityCandidate.findMany({
        where: { roundId: input.roundId },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
      const check = checkRanking(
        candidates.map((c) => c.id),
        input.ranks,
      );
      if (!check.ok) throw new DomainError(check.message, check.fieldErrors);
      const ballot = await tx.ballot.create({
        data: {
          roundId: input.roundId,
          userId,
          participantGroup: participantGroupFor(role),
          rankings: { create: check.rankings },
        },
        select: { id: true, participantGroup: true },
      });
      // No personal data and not the ranking itself: only that a ballot was cast, and by which group.
      await recordAudit(tx, {
        action: "round.ballot_cast",
        subjectType: "PriorityRound",
        subjectId: input.roundId,
        actorId: userId,
        collaborativeId: found.collaborativeId,
        details: { group: ballot.participantGroup },
      });
      return ballot;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ALREADY_RANKED);
    throw error;
  }
}

async function freePrioritySlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set(
    (await tx.priorityArea.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (p) => p.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Closes the round and records the decision: each chosen candidate becomes a local priority that
 * remembers the round, the candidate and the rationale, all in one transaction. The results at the
 * moment of closing go into the audit log, so they can be checked against a recount at any time.
 */
export async function closeRound(viewer: Viewer, input: CloseRoundInput) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.close", { collaborativeId: found.collaborativeId });
  const collaborative = await db.collaborative.findUniqueOrThrow({
    where: { id: found.collaborativeId },
    select: { slug: true },
  });
  return db.$transaction(async (tx) => {
    const round = (await lockRound(tx, input.roundId, "update"))!;
    assertOpen(round);
    if (round.version !== input.version) {
      throw new DomainError(
        "Someone changed this round while you were deciding (its title, description or closing date). Check the round again, then close it.",
      );
    }
    const candidates = await tx.priorityCandidate.findMany({
      where: { roundId: input.roundId },
      select: { id: true, title: true, description: true },
    });
    const chosenIds = [...new Set(input.chosen)];
    const chosen = candidates.filter((c) => chosenIds.includes(c.id));
    if (chosen.length !== chosenIds.length)
      throw new DomainError("Check your choice.", { chosen: "Choose candidates from this round" });

    // Candidates first: once the round row says CLOSED, the database refuses changes to its parts.
    await tx.priorityCandidate.updateMany({ where: { id: { in: chosenIds } }, data: { chosen: true } });
    const priorities = [];
    for (const candidate of chosen) {
      const slug = await freePrioritySlug(tx, `${collaborative.slug}-${kebab(candidate.title, "priority")}`);
      priorities.push(
        await tx.priorityArea.create({
          data: {
            slug,
            name: candidate.title,
            description: candidate.description,
            kind: "LOCAL",
            collaborativeId: found.collaborativeId,
            roundId: input.roundId,
            candidateId: candidate.id,
            rationale: input.rationale,
          },
          select: { id: true, slug: true, name: true },
        }),
      );
    }
    await tx.priorityRound.update({
      where: { id: input.roundId },
      data: {
        status: "CLOSED",
        closedAt: new Date(),
        closedById: viewer.userId,
        decisionRationale: input.rationale,
        version: { increment: 1 },
      },
    });

    const results = await computeRoundResults(input.roundId, tx);
    const snapshot = (group: keyof typeof results) =>
      results[group].tallies.map((t) => ({ candidateId: t.candidateId, points: t.points, position: t.position }));
    await recordAudit(tx, {
      action: "round.closed",
      subjectType: "PriorityRound",
      subjectId: input.roundId,
      actorId: viewer.userId,
      collaborativeId: found.collaborativeId,
      details: {
        chosen: chosenIds,
        priorities: priorities.map((p) => p.id),
        ballots: {
          overall: results.overall.ballots,
          patientCarer: results.patientCarer.ballots,
          staff: results.staff.ballots,
        },
        results: { overall: snapshot("overall"), patientCarer: snapshot("patientCarer"), staff: snapshot("staff") },
      },
    });
    return { priorities };
  });
}

/** A local priority's status: active, achieved, or retired. The status it was in when the form loaded guards against two leads racing. */
export async function updatePriorityStatus(viewer: Viewer, input: PriorityStatusInput) {
  const priority = await db.priorityArea.findUnique({
    where: { id: input.priorityId },
    select: { collaborativeId: true, kind: true, slug: true },
  });
  if (!priority || priority.kind !== "LOCAL") throw new NotFoundError();
  authorize(viewer, "priority.manage", { collaborativeId: priority.collaborativeId });
  await db.$transaction(async (tx) => {
    const { count } = await tx.priorityArea.updateMany({
      where: { id: input.priorityId, status: input.currentStatus },
      data: { status: input.status },
    });
    if (count === 0)
      throw new DomainError(
        "Someone else changed this priority's status while you were looking at it. Check its status now, then change it again if you need to.",
      );
    await recordAudit(tx, {
      action: "priority.status_changed",
      subjectType: "PriorityArea",
      subjectId: input.priorityId,
      actorId: viewer.userId,
      collaborativeId: priority.collaborativeId,
      details: { from: input.currentStatus, to: input.status },
    });
  });
  return { slug: priority.slug };
}
