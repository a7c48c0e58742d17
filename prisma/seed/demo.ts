/**
 * Demo data for trying the portal: people in every collaborative, projects with measures that
 * show real SPC signals, concerns, shared learning and its spread, priority rounds and events.
 * Deterministic (fixed PRNG seeds and a fixed demo date, 20 November 2026) and idempotent: it does
 * nothing when the demo admin already exists. Never run it against production data.
 */
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { encryptContact } from "@/lib/concerns/contact-crypto";
import { refreshAllMeasureSpc } from "@/lib/measures/spc-status";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_TRACKING_TOKEN, buildDemoData, type DemoData } from "./demo-build";
import { NATIONAL_PRIORITY_AREAS, PATHWAY_STAGES } from "./reference-data";
import { DEMO_NOW } from "./random";

export { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_TRACKING_TOKEN };

export type DemoCounts = Record<string, number>;

/**
 * Insert the demo data set. Returns the row counts, or null when the demo data are already there.
 * The reference data (seedReferenceData) must have been loaded first.
 */
export async function seedDemoData(db: PrismaClient): Promise<DemoCounts | null> {
  if (await db.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) return null;

  const [collaboratives, priorities, stages] = await Promise.all([
    db.collaborative.findMany({ select: { id: true, slug: true } }),
    db.priorityArea.findMany({
      where: { slug: { in: NATIONAL_PRIORITY_AREAS.map((p) => p.slug) } },
      select: { id: true, slug: true },
    }),
    db.pathwayStage.findMany({
      where: { slug: { in: PATHWAY_STAGES.map((s) => s.slug) } },
      select: { id: true, slug: true },
    }),
  ]);
  const ref = {
    collaboratives: new Map(collaboratives.map((c) => [c.slug, c.id])),
    nationalPriorities: new Map(priorities.map((p) => [p.slug, p.id])),
    pathwayStages: new Map(stages.map((s) => [s.slug, s.id])),
  };

  // One argon2id hash for every demo user keeps the seed fast.
  const passwordHash = await hash(DEMO_PASSWORD);
  const data = buildDemoData(ref, passwordHash, encryptContact);

  await db.$transaction(
    async (tx) => {
      // Someone else may have seeded while we were building.
      if (await tx.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) return;
      await insertAll(tx, data);
      await refreshAllMeasureSpc(tx, { now: DEMO_NOW });
    },
    { timeout: 180_000, maxWait: 15_000 },
  );
  return counts(data);
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Insert in dependency order, one createMany per table. */
async function insertAll(tx: Tx, d: DemoData): Promise<void> {
  await tx.user.createMany({ data: d.users });
  await tx.organisation.createMany({ data: d.organisations });
  await tx.membership.createMany({ data: d.memberships });
  // Rounds with their candidates and ballots before the local priorities chosen from them (PriorityArea.candidateId).
  // The closed round's parts are accepted because the round row is written in this same transaction.
  await tx.priorityRound.createMany({ data: d.priorityRounds });
  await tx.priorityCandidate.createMany({ data: d.candidates });
  await tx.ballot.createMany({ data: d.ballots });
  await tx.ballotRanking.createMany({ data: d.rankings });
  await tx.priorityComment.createMany({ data: d.priorityComments });
  await tx.priorityArea.createMany({ data: d.localPriorities });
  await tx.project.createMany({ data: d.projects });
  await tx.projectOrganisation.createMany({ data: d.projectOrganisations });
  await tx.projectPriority.createMany({ data: d.projectPriorities });
  await tx.projectPathwayStage.createMany({ data: d.projectPathwayStages });
  await tx.projectTeamMember.createMany({ data: d.teamMembers });
  await tx.projectStatusChange.createMany({ data: d.projectStatusChanges });
  await tx.driverNode.createMany({ data: d.primaryDrivers });
  await tx.driverNode.createMany({ data: d.secondaryDrivers });
  await tx.changeIdea.createMany({ data: d.changeIdeas });
  await tx.pdsaCycle.createMany({ data: d.pdsaCycles });
  await tx.measure.createMany({ data: d.measures });
  await tx.measurePoint.createMany({ data: d.measurePoints });
  await tx.event.createMany({ data: d.events });
  await tx.eventRegistration.createMany({ data: d.eventRegistrations });
  await tx.learningItem.createMany({ data: d.learningItems });
  await tx.learningItemPriority.createMany({ data: d.learningPriorities });
  await tx.learningItemPathwayStage.createMany({ data: d.learningStages });
  await tx.adoption.createMany({ data: d.adoptions });
  await tx.adoptionStatusChange.createMany({ data: d.adoptionStatusChanges });
  await tx.concern.createMany({ data: d.concerns });
  await tx.concernStatusChange.createMany({ data: d.concernStatusChanges });
  await tx.concernNote.createMany({ data: d.concernNotes });
  await tx.concernResponse.createMany({ data: d.concernResponses });
  await tx.comment.createMany({ data: d.comments });
  await tx.comment.createMany({ data: d.commentReplies });
  await tx.follow.createMany({ data: d.follows });
}

function counts(d: DemoData): DemoCounts {
  return {
    users: d.users.length,
    organisations: d.organisations.length,
    memberships: d.memberships.length,
    localPriorities: d.localPriorities.length,
    projects: d.projects.length,
    pdsaCycles: d.pdsaCycles.length,
    measures: d.measures.length,
    measurePoints: d.measurePoints.length,
    concerns: d.concerns.length,
    learningItems: d.learningItems.length,
    adoptions: d.adoptions.length,
    events: d.events.length,
    priorityRounds: d.priorityRounds.length,
    ballots: d.ballots.length,
    seriesMismatches: d.seriesMismatches,
  };
}
