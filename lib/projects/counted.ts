/**
 * Which projects and measures count in figures: the national dashboard and its CSVs, the national
 * scan ("Improvement found"), harm metrics, coverage, collaborative counts and the learning library's
 * "evidence of improvement". A project counts once it is shared (not a draft) and while it is not
 * archived; a measure, while it is not archived and its project counts. The same rule in SQL is
 * psc_project_counted() (migration draft_shared_and_archive), which the dashboard views call;
 * tests/integration/draft-visibility.test.ts checks the three forms agree.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Visibility } from "@/lib/generated/prisma/enums";

export const countedProjectWhere = {
  visibility: { not: "DRAFT" },
  archivedAt: null,
} satisfies Prisma.ProjectWhereInput;

export const countedMeasureWhere = {
  archivedAt: null,
  project: countedProjectWhere,
} satisfies Prisma.MeasureWhereInput;

export function isCountedProject(project: { visibility: Visibility; archivedAt: Date | null }): boolean {
  return project.visibility !== "DRAFT" && project.archivedAt === null;
}

export function isCountedMeasure(measure: {
  archivedAt: Date | null;
  project: { visibility: Visibility; archivedAt: Date | null };
}): boolean {
  return measure.archivedAt === null && isCountedProject(measure.project);
}
