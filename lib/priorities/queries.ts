import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { authorize, can, isNational, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { countConcernsByArea, evidenceSince, requireCollaborative } from "@/lib/collaboratives/queries";
import type {
  CandidateSource,
  ConcernStatus,
  ParticipantGroup,
  PriorityStatus,
  RoundStatus,
} from "@/lib/generated/prisma/enums";
import { bordaFromRankCounts, type RankCount, type ResultsByGroup } from "./borda";
import { matchChosenPriority } from "./matching";
import { participantGroupFor } from "./labels";
import { countedProjectWhere } from "@/lib/projects/counted";

export { participantGroupFor };

/**
 * The round's results, recomputed from its stored ballots (never stored themselves). The database
 * counts how many ballots gave each candidate each rank, per group; the Borda module does the rest.
 */
export async function computeRoundResults(roundId: string, client: Db | Tx = db): Promise<ResultsByGroup> {
  const [candidates, ballots, counts] = await Promise.all([
    client.priorityCandidate.findMany({ where: { roundId }, select: { id: true, title: true } }),
    client.ballot.groupBy({ by: ["participantGroup"], where: { roundId }, _count: { _all: true } }),
    client.$queryRaw<(RankCount & { group: ParticipantGroup })[]>`
      SELECT b."participantGroup"::text AS "group", r."candidateId", r.rank, count(*)::int AS count
      FROM "BallotRanking" r
      JOIN "Ballot" b ON b.id = r."ballotId"
      WHERE b."roundId" = ${roundId}
      GROUP BY b."participantGroup", r."candidateId", r.rank`,
  ]);
  const ballotsIn = (group: ParticipantGroup) => ballots.find((b) => b.participantGroup === group)?._count._all ?? 0;
  const countsIn = (group: ParticipantGroup) => counts.filter((c) => c.group === group);
  const overall = new Map<string, RankCount>();
  for (const c of counts) {
    const key = `${c.candidateId}:${c.rank}`;
    overall.set(key, { candidateId: c.candidateId, rank: c.rank, count: (overall.get(key)?.count ?? 0) + c.count });
  }
  return {
    overall: bordaFromRankCounts(candidates, ballotsIn("PATIENT_CARER") + ballotsIn("STAFF"), [...overall.values()]),
    patientCarer: bordaFromRankCounts(candidates, ballotsIn("PATIENT_CARER"), countsIn("PATIENT_CARER")),
    staff: bordaFromRankCounts(candidates, ballotsIn("STAFF"), countsIn("STAFF")),
  };
}

/**
 * Results for a round: to anyone once it has closed, to the collaborative's leads while it is open
 * (everyone else sees only how many have ranked, so that running totals do not sway them).
 */
export async function getRoundResults(viewer: Viewer, roundId: string): Promise<ResultsByGroup> {
  const round = await db.priorityRound.findUnique({
    where: { id: roundId },
    select: { collaborativeId: true, status: true },
  });
  if (!round) throw new NotFoundError();
  authorize(viewer, "round.read", { collaborativeId: round.collaborativeId });
  if (round.status !== "CLOSED") authorize(viewer, "round.close", { collaborativeId: round.collaborativeId });
  return computeRoundResults(roundId);
}

/** Drafts and scheduled rounds are the leads' until they open: to everyone else they do not exist. */
const beforeOpening: RoundStatus[] = ["DRAFT", "SCHEDULED"];

export async function listRounds(viewer: Viewer, slug: string) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "round.read", { collaborativeId: collaborative.id });
  const canOpen = can(viewer, "round.open", { collaborativeId: collaborative.id });
  const rounds = await db.priorityRound.findMany({
    where: { collaborativeId: collaborative.id, ...(canOpen ? {} : { status: { notIn: beforeOpening } }) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      opensAt: true,
      openedAt: true,
      closesAt: true,
      closedAt: true,
      _count: { select: { candidates: true, ballots: true } },
      candidates: {
        where: { chosen: true, chosenPriorityId: { not: null } },
        orderBy: { title: "asc" },
        select: { chosenPriority: { select: { slug: true, name: true } } },
      },
    },
  });
  return {
    collaborative,
    canOpen,
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as RoundStatus,
      opensAt: r.opensAt,
      openedAt: r.openedAt,
      closesAt: r.closesAt,
      closedAt: r.closedAt,
      candidates: r._count.candidates,
      ballots: r._count.ballots,
      chosen: r.candidates.flatMap((c) => (c.chosenPriority ? [c.chosenPriority] : [])),
    })),
  };
}

export type RoundPage = Awaited<ReturnType<typeof getRoundPage>>;

/** A round as its page shows it to this viewer: candidates with evidence, their ballot, and what they may do. */
export async function getRoundPage(viewer: Viewer, slug: string, roundId: string, now = new Date()) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "round.read", { collaborativeId: collaborative.id });
  const round = await db.priorityRound.findFirst({
    where: { id: roundId, collaborativeId: collaborative.id },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      createdAt: true,
      opensAt: true,
      openedAt: true,
      closesAt: true,
      closedAt: true,
      decisionRationale: true,
      participantGroups: true,
      version: true,
      candidates: {
        orderBy: [{ createdAt: "asc" }, { title: "asc" }],
        select: {
          id: true,
          title: true,
          description: true,
          source: true,
          evidenceCount: true,
          chosen: true,
          priorityArea: { select: { name: true, kind: true } },
          chosenPriority: { select: { slug: true, name: true, kind: true } },
        },
      },
    },
  });
  if (!round) throw new NotFoundError();
  const resource = { collaborativeId: collaborative.id };
  const canManage = can(viewer, "round.open", resource);
  if (beforeOpening.includes(round.status) && !canManage) throw new NotFoundError();
  const membership = viewer.memberships.find((m) => m.collaborativeId === collaborative.id);
  const asked = membership ? round.participantGroups.includes(participantGroupFor(membership.role)) : false;
  const canParticipate = can(viewer, "round.participate", resource) && asked;
  const canClose = can(viewer, "round.close", resource);
  const isOpen = round.status === "OPEN";
  const isPreparing = beforeOpening.includes(round.status);
  const rankingClosed = isOpen && round.closesAt !== null && round.closesAt < now;

  const askedRoles = (["PATIENT", "STAFF", "LEAD"] as const).filter((role) =>
    round.participantGroups.includes(participantGroupFor(role)),
  );
  const [myBallot, groupCounts, comments, askedMembers] = await Promise.all([
    viewer.userId
      ? db.ballot.findUnique({
          where: { roundId_userId: { roundId, userId: viewer.userId } },
          select: {
            createdAt: true,
            participantGroup: true,
            rankings: { orderBy: { rank: "asc" }, select: { candidateId: true, rank: true } },
          },
        })
      : Promise.resolve(null),
    db.ballot.groupBy({ by: ["participantGroup"], where: { roundId }, _count: { _all: true } }),
    // Comments are for the collaborative's members (and the national team); the public sees the round and results.
    canParticipate || canClose || isNational(viewer) ? listComments(collaborative.id, roundId) : Promise.resolve(null),
    // For the leads preparing it: how many people opening it will ask.
    isPreparing && canManage
      ? db.membership.count({
          where: {
            collaborativeId: collaborative.id,
            status: "ACTIVE",
            role: { in: [...askedRoles] },
            user: { erasedAt: null },
          },
        })
      : Promise.resolve(null),
  ]);
  const ballotCounts = { PATIENT_CARER: 0, STAFF: 0 } as Record<ParticipantGroup, number>;
  for (const g of groupCounts) ballotCounts[g.participantGroup] = g._count._all;

  return {
    collaborative,
    round: {
      id: round.id,
      title: round.title,
      description: round.description,
      status: round.status as RoundStatus,
      createdAt: round.createdAt,
      opensAt: round.opensAt,
      openedAt: round.openedAt,
      closesAt: round.closesAt,
      closedAt: round.closedAt,
      decisionRationale: round.decisionRationale,
      participantGroups: round.participantGroups as ParticipantGroup[],
      version: round.version,
    },
    candidates: round.candidates.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      source: c.source as CandidateSource,
      evidenceCount: c.evidenceCount,
      areaName: c.priorityArea?.name ?? null,
      chosen: c.chosen,
      chosenAs: c.chosenPriority,
    })),
    ballotCounts,
    myBallot,
    comments,
    results: round.status === "CLOSED" || canClose ? await computeRoundResults(roundId) : null,
    viewerGroup: membership ? participantGroupFor(membership.role) : null,
    can: {
      rank: isOpen && !rankingClosed && canParticipate && !myBallot,
      propose: isOpen && !rankingClosed && canParticipate,
      comment: isOpen && canParticipate,
      close: isOpen && canClose,
      edit: round.status !== "CLOSED" && canManage,
      /** Open now or schedule: while a draft or scheduled. */
      schedule: isPreparing && canManage,
      /** The leads add candidates while preparing the round. */
      addCandidate: isPreparing && canManage,
    },
    askedMembers,
    /** Signed in and a member, but not in the groups this round asks. */
    notAsked: Boolean(membership) && !asked,
    rankingClosed,
  };
}

/**
 * For the close page: which existing priority each candidate would stand for if chosen (so the lead sees
 * "links to Falls, 3 projects" rather than a copy being made), with the collaborative's projects on it.
 */
export async function getCloseRoundMatches(viewer: Viewer, roundId: string) {
  const round = await db.priorityRound.findUnique({
    where: { id: roundId },
    select: {
      collaborativeId: true,
      candidates: { select: { id: true, title: true, priorityAreaId: true } },
    },
  });
  if (!round) throw new NotFoundError();
  authorize(viewer, "round.close", { collaborativeId: round.collaborativeId });
  const known = await db.priorityArea.findMany({
    where: { OR: [{ kind: "NATIONAL" }, { kind: "LOCAL", collaborativeId: round.collaborativeId }] },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    select: { id: true, slug: true, name: true, kind: true, collaborativeId: true },
  });
  const matches = round.candidates.flatMap((c) => {
    const match = matchChosenPriority(c, round.collaborativeId, known);
    return match ? [{ candidateId: c.id, priority: match }] : [];
  });
  const projectCounts = await countCollaborativeProjects(
    round.collaborativeId,
    matches.map((m) => m.priority.id),
  );
  return Object.fromEntries(
    matches.map((m) => [
      m.candidateId,
      {
        name: m.priority.name,
        kind: m.priority.kind as "NATIONAL" | "LOCAL",
        projects: projectCounts.get(m.priority.id) ?? 0,
      },
    ]),
  ) as Record<string, { name: string; kind: "NATIONAL" | "LOCAL"; projects: number }>;
}

/**
 * A collaborative's projects on each priority, counted as every figure counts them (shared, not
 * archived: lib/projects/counted.ts). Projects link to priorities through ProjectPriority, local or
 * national alike, so a national area counts this collaborative's projects on it.
 */
export async function countCollaborativeProjects(collaborativeId: string, priorityIds: string[]) {
  if (priorityIds.length === 0) return new Map<string, number>();
  const groups = await db.projectPriority.groupBy({
    by: ["priorityAreaId"],
    where: { priorityAreaId: { in: priorityIds }, project: { collaborativeId, ...countedProjectWhere } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.priorityAreaId, g._count._all]));
}

async function listComments(collaborativeId: string, roundId: string) {
  const comments = await db.priorityComment.findMany({
    where: { roundId },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, authorId: true, candidate: { select: { title: true } } },
  });
  // Comments show whether a patient or carer or a member of staff wrote them, not who.
  const roles = new Map(
    (
      await db.membership.findMany({
        where: { collaborativeId, userId: { in: [...new Set(comments.map((c) => c.authorId))] } },
        select: { userId: true, role: true },
      })
    ).map((m) => [m.userId, participantGroupFor(m.role)]),
  );
  return comments.map((c) => ({
    id: c.id,
    body: c.body,
    createdAt: c.createdAt,
    candidateTitle: c.candidate?.title ?? null,
    group: roles.get(c.authorId) ?? null,
  }));
}

/**
 * What a lead may put in a new round: every national area and each local priority that concerns
 * were raised about, with the number of concerns in the last 12 months beside each.
 */
export async function getRoundOpeningOptions(viewer: Viewer, slug: string, now = new Date()) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "round.open", { collaborativeId: collaborative.id });
  const since = evidenceSince(now);
  const [national, counts] = await Promise.all([
    db.priorityArea.findMany({
      where: { kind: "NATIONAL" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, description: true },
    }),
    countConcernsByArea(db, collaborative.id, since),
  ]);
  const countOf = new Map(counts.map((c) => [c.priorityAreaId, c.count]));
  const areas = [
    ...national.map((a) => ({
      id: a.id,
      name: a.name,
      description: a.description,
      source: "NATIONAL" as CandidateSource,
      evidenceCount: countOf.get(a.id) ?? 0,
    })),
    ...counts
      .filter((c) => c.priorityAreaId !== null && c.kind === "LOCAL")
      .map((c) => ({
        id: c.priorityAreaId!,
        name: c.name!,
        description: "",
        source: "CONCERNS" as CandidateSource,
        evidenceCount: c.count,
      })),
  ].sort((a, b) => b.evidenceCount - a.evidenceCount || a.name.localeCompare(b.name, "en-GB"));
  return { collaborative, since, areas, unassignedConcerns: countOf.get(null) ?? 0 };
}

/** A local priority with its history: the round that chose it, the results, the rationale, and what addresses it. */
export async function getLocalPriority(viewer: Viewer, slug: string, prioritySlug: string) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "collaborative.read", { collaborativeId: collaborative.id });
  const chosenHere = { round: { collaborativeId: collaborative.id, status: "CLOSED" as const } };
  const priority = await db.priorityArea.findFirst({
    where: {
      slug: prioritySlug,
      OR: [
        { kind: "LOCAL", collaborativeId: collaborative.id },
        // A national area a round of this collaborative chose (linked, not copied) is one of its priorities too.
        { kind: "NATIONAL", chosenBy: { some: chosenHere } },
      ],
    },
    select: {
      kind: true,
      chosenBy: {
        where: chosenHere,
        orderBy: { round: { closedAt: "desc" } },
        take: 1,
        select: {
          id: true,
          source: true,
          evidenceCount: true,
          priorityArea: { select: { name: true } },
          round: {
            select: {
              id: true,
              title: true,
              openedAt: true,
              closedAt: true,
              decisionRationale: true,
              _count: { select: { ballots: true, candidates: true } },
            },
          },
        },
      },
      id: true,
      slug: true,
      name: true,
      description: true,
      status: true,
      rationale: true,
      createdAt: true,
      candidateId: true,
      candidate: { select: { id: true, source: true, evidenceCount: true, priorityArea: { select: { name: true } } } },
      round: {
        select: {
          id: true,
          title: true,
          openedAt: true,
          closedAt: true,
          decisionRationale: true,
          _count: { select: { ballots: true, candidates: true } },
        },
      },
    },
  });
  if (!priority) throw new NotFoundError();
  // How it was chosen: the round that made it, or else the latest round that chose it (linked to it).
  const latest = priority.chosenBy[0] ?? null;
  const origin = priority.round
    ? { round: priority.round, candidate: priority.candidate }
    : latest
      ? { round: latest.round, candidate: latest }
      : null;
  const resource = { collaborativeId: collaborative.id };
  const visibilities = (["DRAFT", "PORTAL", "PUBLIC"] as const).filter((visibility) =>
    can(viewer, "project.read", { ...resource, visibility }),
  );
  const canTriage = can(viewer, "concern.triage", resource);

  const [projects, linkedConcerns, raisedCount, results] = await Promise.all([
    db.project.findMany({
      where: {
        collaborativeId: collaborative.id,
        visibility: { in: visibilities },
        archivedAt: null,
        priorities: { some: { priorityAreaId: priority.id } },
      },
      orderBy: { updatedAt: "desc" },
      select: { id: true, title: true, status: true, visibility: true },
    }),
    db.concern.findMany({
      where: { collaborativeId: collaborative.id, linkedPriorityId: priority.id },
      orderBy: { receivedAt: "desc" },
      select: { id: true, reference: true, status: true, receivedAt: true },
    }),
    db.concern.count({
      where: { collaborativeId: collaborative.id, priorityAreaId: priority.id, heldAt: null, kind: "CONCERN" },
    }),
    origin ? computeRoundResults(origin.round.id) : Promise.resolve(null),
  ]);
  const byStatus = {} as Partial<Record<ConcernStatus, number>>;
  for (const c of linkedConcerns) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  const placing = (group: keyof ResultsByGroup) => {
    const tally = results?.[group].tallies.find((t) => t.candidateId === origin?.candidate?.id);
    return tally
      ? {
          position: tally.position,
          points: tally.points,
          tied: tally.tied,
          of: results![group].tallies.length,
          ballots: results![group].ballots,
        }
      : null;
  };

  return {
    collaborative,
    priority: {
      id: priority.id,
      slug: priority.slug,
      name: priority.name,
      description: priority.description,
      kind: priority.kind as "NATIONAL" | "LOCAL",
      status: priority.status as PriorityStatus,
      rationale: priority.rationale ?? origin?.round.decisionRationale ?? null,
      createdAt: priority.createdAt,
    },
    history: origin
      ? {
          round: {
            id: origin.round.id,
            title: origin.round.title,
            openedAt: origin.round.openedAt,
            closedAt: origin.round.closedAt,
            ballots: origin.round._count.ballots,
            candidates: origin.round._count.candidates,
          },
          source: origin.candidate?.source ?? null,
          evidenceCount: origin.candidate?.evidenceCount ?? null,
          fromArea: origin.candidate?.priorityArea?.name ?? null,
          overall: placing("overall"),
          patientCarer: placing("patientCarer"),
          staff: placing("staff"),
        }
      : null,
    projects,
    concerns: {
      linked: linkedConcerns.length,
      byStatus,
      // References only for those who triage concerns; everyone else sees counts.
      references: canTriage
        ? linkedConcerns.map((c) => ({ id: c.id, reference: c.reference, status: c.status, receivedAt: c.receivedAt }))
        : null,
      raisedAbout: raisedCount,
    },
    // A national area's status is the national team's; a collaborative sets its own priorities' status.
    canManage: priority.kind === "LOCAL" && can(viewer, "priority.manage", resource),
  };
}
