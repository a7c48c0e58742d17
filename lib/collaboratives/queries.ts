import { cache } from "react";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";

export type CollaborativeSummary = {
  id: string;
  slug: string;
  name: string;
  leadAhsn2014: string;
  nameSince2023: string;
  region: string;
  activeProjects: number;
  concerns: number;
  publishedLearning: number;
};

/** The 15 collaboratives with public counts, aggregated in one SQL statement. */
export async function listCollaboratives(viewer: Viewer): Promise<CollaborativeSummary[]> {
  authorize(viewer, "collaborative.read");
  return db.$queryRaw<CollaborativeSummary[]>`
    SELECT c.id, c.slug, c.name, c."leadAhsn2014", c."nameSince2023", c.region,
      (SELECT count(*)::int FROM "Project" p WHERE p."collaborativeId" = c.id AND p.status <> 'CLOSED' AND p.visibility <> 'DRAFT') AS "activeProjects",
      (SELECT count(*)::int FROM "Concern" k WHERE k."collaborativeId" = c.id) AS concerns,
      (SELECT count(*)::int FROM "LearningItem" l WHERE l."collaborativeId" = c.id AND l.status = 'PUBLISHED') AS "publishedLearning"
    FROM "Collaborative" c
    ORDER BY c.name`;
}

export const getCollaborativeBySlug = cache(async (viewer: Viewer, slug: string) => {
  authorize(viewer, "collaborative.read");
  return db.collaborative.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      leadAhsn2014: true,
      nameSince2023: true,
      region: true,
      description: true,
      localPriorities: { where: { status: { not: "RETIRED" } }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, description: true, status: true } },
    },
  });
});

export async function collaborativeCounts(collaborativeId: string) {
  const [row] = await db.$queryRaw<{ activeProjects: number; concerns: number; publishedLearning: number; organisations: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "Project" WHERE "collaborativeId" = ${collaborativeId} AND status <> 'CLOSED' AND visibility <> 'DRAFT') AS "activeProjects",
      (SELECT count(*)::int FROM "Concern" WHERE "collaborativeId" = ${collaborativeId}) AS concerns,
      (SELECT count(*)::int FROM "LearningItem" WHERE "collaborativeId" = ${collaborativeId} AND status = 'PUBLISHED') AS "publishedLearning",
      (SELECT count(*)::int FROM "Organisation" WHERE "collaborativeId" = ${collaborativeId} AND active) AS organisations`;
  return row!;
}
