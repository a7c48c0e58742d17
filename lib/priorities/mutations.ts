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
import { matchChosenPriority } from "./matching";
import { lockRound, openInTransaction, type LockedRound } from "./opening-mutations";
import type {
  BallotInput,
  CloseRoundInput,
  CommentInput,
  CreateRoundInput,
  PriorityStatusInput,
  ProposeCandidateInput,
  ScheduleRoundInput,
  UpdateRoundInput,
  WithdrawCandidateInput,
} from "./schemas";
import type { ParticipantGroup } from "@/lib/generated/prisma/enums";
import { PARTICIPANT_GROUP_LABELS } from "./labels";

export const ALREADY_RANKED =
  "You have already ranked in this round. Each person has one ballot per round, and it cannot be changed.";
export const ROUND_CLOSED = "This round has closed: its candidates, rankings and decision can no longer change.";
export const ROUND_NOT_OPEN =
  "This round has not opened yet. Members can rank, propose and comment once a lead opens it.";

function assertOpen(round: LockedRound) {
  if (round.status === "CLOSED") throw new DomainError(ROUND_CLOSED);
  if (round.status !== "OPEN") throw new DomainError(ROUND_NOT_OPEN);
}

/** Leads prepare a round (edit, withdraw candidates) until it closes. */
function assertNotClosed(round: LockedRound) {
  if (round.status === "CLOSED") throw new DomainError(ROUND_CLOSED);
}

/** A round asks patients and carers, staff, or both: someone outside its groups may read it but not take part. */
function assertAsked(round: LockedRound, role: Parameters<typeof participantGroupFor>[0]) {
  if (!round.participantGroups.includes(participantGroupFor(role))) {
    const asked = round.participantGroups.map((g) => PARTICIPANT_GROUP_LABELS[g].toLowerCase()).join(" and ");
    throw new DomainError(`This round asks ${asked} only, so you cannot take part in it.`);
  }
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

/** A lead sets up a round as a draft: only the collaborative's leads see it until it is opened or scheduled. */
export async function createRound(viewer: Viewer, input: CreateRoundInput, now = new Date()) {
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
        status: "DRAFT",
        participantGroups: input.participantGroups,
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
      action: "round.created",
      subjectType: "PriorityRound",
      subjectId: round.id,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { candidates: areas.length + input.proposals.length, closesAt: input.closesAt?.toISOString() ?? null },
    });
    return round;
  });
}

const ROUND_LABELS = {
  title: "Title",
  description: "Description",
  participantGroups: "Who is asked to rank",
  closesAt: "Ranking closes",
};
const groupsInWords = (groups: ParticipantGroup[]) =>
  groups
    .toSorted()
    .map((g) => PARTICIPANT_GROUP_LABELS[g])
    .join(" and ");

export async function updateRound(viewer: Viewer, input: UpdateRoundInput, now = new Date()) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.open", { collaborativeId: found.collaborativeId });
  if (input.closesAt && input.closesAt < now)
    throw new DomainError("Check the closing date.", { closesAt: "The closing date must be today or in the future" });
  await db.$transaction(async (tx) => {
    const round = (await lockRound(tx, input.roundId, "update"))!;
    assertNotClosed(round);
    // Who is asked cannot change once people have been told and may have ranked.
    const participantGroups = input.participantGroups ?? round.participantGroups;
    if (round.status === "OPEN" && groupsInWords(round.participantGroups) !== groupsInWords(participantGroups))
      throw new DomainError("Check who is asked to rank.", {
        participantGroups: "Who is asked to rank cannot change once the round has opened",
      });
    if (input.closesAt && round.status === "SCHEDULED") {
      const { opensAt } = await tx.priorityRound.findUniqueOrThrow({
        where: { id: input.roundId },
        select: { opensAt: true },
      });
      if (opensAt && input.closesAt < opensAt)
        throw new DomainError("Check the closing date.", {
          closesAt: `The closing date must be on or after the day the round opens (${formatDate(opensAt)})`,
        });
    }
    const { count } = await tx.priorityRound.updateMany({
      where: { id: input.roundId, version: input.version, status: { not: "CLOSED" } },
      data: {
        title: input.title,
        description: input.description,
        participantGroups,
        closesAt: input.closesAt,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.priorityRound.findUniqueOrThrow({
        where: { id: input.roundId },
        select: { title: true, description: true, participantGroups: true, closesAt: true, version: true },
      });
      const shown = (r: {
        title: string;
        description: string;
        participantGroups: ParticipantGroup[];
        closesAt: Date | null;
      }) => ({
        title: r.title,
        description: r.description,
        participantGroups: groupsInWords(r.participantGroups),
        closesAt: r.closesAt ? formatDate(r.closesAt) : "",
      });
      throw new EditConflictError({
        version: current.version,
        changes: changedFields(ROUND_LABELS, shown(current), shown({ ...input, participantGroups })),
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

/** What must be true before members are asked: candidates to rank, and ranking not already over. */
async function assertReadyToOpen(tx: Tx, round: LockedRound, opensAt: Date) {
  const candidates = await tx.priorityCandidate.count({ where: { roundId: round.id } });
  if (candidates < 2)
    throw new DomainError("A round needs at least 2 candidates before it opens. Add candidates, then open it.");
  if (round.closesAt && round.closesAt < opensAt)
    throw new DomainError(
      `The round must open before ranking closes (the end of ${formatDate(round.closesAt)}). Change the closing date first, or choose an earlier day.`,
    );
}

/**
 * A lead opens a draft or scheduled round now, or schedules it to open at the start of a day (the
 * rounds.open-scheduled job opens it then). Members are told when it opens, not before.
 */
export async function scheduleRound(viewer: Viewer, input: ScheduleRoundInput, now = new Date()) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.open", { collaborativeId: found.collaborativeId });
  if (input.opensAt && input.opensAt <= now)
    throw new DomainError("Check the opening date.", {
      opensAt: "The opening date must be in the future. To open the round today, choose Open it now",
    });
  return db.$transaction(async (tx) => {
    const round = (await lockRound(tx, input.roundId, "update"))!;
    if (round.status === "OPEN") throw new DomainError("This round is already open.");
    assertNotClosed(round);
    if (round.version !== input.version)
      throw new DomainError(
        "Someone changed this round while you were looking at it. Check the round again, then open or schedule it.",
      );
    await assertReadyToOpen(tx, round, input.opensAt ?? now);
    if (!input.opensAt) {
      await openInTransaction(tx, round, viewer.userId, now);
      return { status: "OPEN" as const };
    }
    await tx.priorityRound.update({
      where: { id: round.id },
      data: { status: "SCHEDULED", opensAt: input.opensAt, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      action: "round.scheduled",
      subjectType: "PriorityRound",
      subjectId: round.id,
      actorId: viewer.userId,
      collaborativeId: round.collaborativeId,
      details: { opensAt: input.opensAt.toISOString() },
    });
    return { status: "SCHEDULED" as const };
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
  const { userId, role } = membershipIn(viewer, found.collaborativeId);
  return db
    .$transaction(async (tx) => {
      const round = (await lockRound(tx, input.roundId, "share"))!;
      // Before it opens, the leads add candidates while preparing it; once open, the members asked propose.
      if (round.status === "DRAFT" || round.status === "SCHEDULED") {
        authorize(viewer, "round.open", { collaborativeId: found.collaborativeId });
      } else {
        assertRankingOpen(round, now);
        assertAsked(round, role);
      }
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
    assertNotClosed(round!);
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
  const { userId, role } = membershipIn(viewer, found.collaborativeId);
  return db.$transaction(async (tx) => {
    const round = (await lockRound(tx, input.roundId, "share"))!;
    assertOpen(round);
    assertAsked(round, role);
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
      const round = (await lockRound(tx, input.roundId, "share"))!;
      assertRankingOpen(round, now);
      assertAsked(round, role);
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

/** The checks before closing, shared by the confirmation step and closing itself. */
async function checkClose(tx: Tx, round: LockedRound, input: CloseRoundInput) {
  assertOpen(round);
  if (round.version !== input.version) {
    throw new DomainError(
      "Someone changed this round while you were deciding (its title, description or closing date). Check the round again, then close it.",
    );
  }
  const candidates = await tx.priorityCandidate.findMany({
    where: { roundId: input.roundId },
    select: { id: true, title: true, description: true, priorityAreaId: true },
  });
  const chosenIds = [...new Set(input.chosen)];
  const chosen = candidates.filter((c) => chosenIds.includes(c.id));
  if (chosen.length !== chosenIds.length)
    throw new DomainError("Check your choice.", { chosen: "Choose candidates from this round" });
  return { chosenIds, chosen };
}

/** The confirmation step: everything closing would check, without closing. */
export async function checkCloseRound(viewer: Viewer, input: CloseRoundInput) {
  const found = await findRound(input.roundId);
  authorize(viewer, "round.close", { collaborativeId: found.collaborativeId });
  await db.$transaction(async (tx) => checkClose(tx, (await lockRound(tx, input.roundId, "share"))!, input));
}

/**
 * Closes the round and records the decision in one transaction. Each chosen candidate stands for a
 * priority (lib/priorities/matching.ts): one the collaborative already has (a local priority, or a
 * national area its projects use), linked rather than copied, or else a new local priority that
 * remembers the round, the candidate and the rationale. The results at the moment of closing go into
 * the audit log, so they can be checked against a recount at any time.
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
    const { chosenIds, chosen } = await checkClose(tx, round, input);
    const known = await tx.priorityArea.findMany({
      where: { OR: [{ kind: "NATIONAL" }, { kind: "LOCAL", collaborativeId: found.collaborativeId }] },
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
      select: { id: true, slug: true, name: true, kind: true, status: true, collaborativeId: true },
    });

    // Candidates first: once the round row says CLOSED, the database refuses changes to its parts.
    const priorities: { id: string; slug: string; name: string; linked: boolean }[] = [];
    for (const candidate of chosen) {
      const match = matchChosenPriority(candidate, found.collaborativeId, known);
      let priority;
      if (match) {
        priority = { id: match.id, slug: match.slug, name: match.name, linked: true };
        // Chosen again: an achieved or retired local priority is being worked on once more.
        if (match.kind === "LOCAL" && match.status !== "ACTIVE") {
          await tx.priorityArea.update({ where: { id: match.id }, data: { status: "ACTIVE" } });
          match.status = "ACTIVE";
        }
      } else {
        const slug = await freePrioritySlug(tx, `${collaborative.slug}-${kebab(candidate.title, "priority")}`);
        const created = await tx.priorityArea.create({
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
          select: { id: true, slug: true, name: true, kind: true, status: true, collaborativeId: true },
        });
        // A second chosen candidate with the same title links to this one.
        known.push(created);
        priority = { id: created.id, slug: created.slug, name: created.name, linked: false };
      }
      priorities.push(priority);
      await tx.priorityCandidate.update({
        where: { id: candidate.id },
        data: { chosen: true, chosenPriorityId: priority.id },
      });
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
        priorities: priorities.filter((p) => !p.linked).map((p) => p.id),
        linked: priorities.filter((p) => p.linked).map((p) => p.id),
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
