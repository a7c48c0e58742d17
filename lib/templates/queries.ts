/** Reads for project templates and for "start a project from this". */
import "server-only";
import { authorize, can, collaborativeIdsWhere, type Viewer } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { templateMeasuresSchema, type TemplateMeasure } from "./schemas";
import { skeletonCounts, skeletonSchema, skeletonToText, type Skeleton } from "./skeleton";
import { nationalMetricName } from "./text";

export type TemplateSummary = {
  id: string;
  key: string;
  name: string;
  description: string;
  priorityArea: string | null;
  measureCount: number;
  driverCount: number;
  ideaCount: number;
};

const summarySelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  measures: true,
  drivers: true,
  priorityArea: { select: { name: true } },
} as const;

function summary(t: {
  id: string;
  key: string;
  name: string;
  description: string;
  measures: unknown;
  drivers: unknown;
  priorityArea: { name: string } | null;
}): TemplateSummary {
  const measures = templateMeasuresSchema.parse(t.measures);
  const counts = skeletonCounts(skeletonSchema.parse(t.drivers));
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    description: t.description,
    priorityArea: t.priorityArea?.name ?? null,
    measureCount: measures.length,
    driverCount: counts.drivers,
    ideaCount: counts.ideas,
  };
}

/** Every template, for the choice on /projects/new (templates hold nothing private: reference data). */
export async function listTemplates(): Promise<TemplateSummary[]> {
  const rows = await db.projectTemplate.findMany({ orderBy: { name: "asc" }, select: summarySelect });
  return rows.map(summary);
}

export type TemplatePreview = TemplateSummary & {
  measures: (TemplateMeasure & { nationalMetricName: string | null })[];
  drivers: Skeleton;
};

/** One template by its key, to preview above the form that creates a project from it. */
export async function getTemplateByKey(key: string): Promise<TemplatePreview | null> {
  const row = await db.projectTemplate.findUnique({ where: { key: key.slice(0, 60) }, select: summarySelect });
  if (!row) return null;
  const measures = templateMeasuresSchema.parse(row.measures);
  return {
    ...summary(row),
    measures: measures.map((m) => ({ ...m, nationalMetricName: nationalMetricName(m.nationalMetric) })),
    drivers: skeletonSchema.parse(row.drivers),
  };
}

export async function listTemplatesForAdmin(viewer: Viewer): Promise<TemplateSummary[]> {
  authorize(viewer, "template.manage");
  return listTemplates();
}

/** The national priority areas a template can belong to. */
export async function listTemplateAreas(viewer: Viewer) {
  authorize(viewer, "template.manage");
  return db.priorityArea.findMany({
    where: { kind: "NATIONAL" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** A template as its edit form's fields. */
export async function getTemplateForEdit(viewer: Viewer, id: string) {
  authorize(viewer, "template.manage");
  const row = await db.projectTemplate.findUnique({
    where: { id },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      priorityAreaId: true,
      measures: true,
      drivers: true,
      version: true,
    },
  });
  if (!row) throw new NotFoundError();
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    priorityAreaId: row.priorityAreaId ?? "",
    version: row.version,
    measures: templateMeasuresSchema.parse(row.measures),
    drivers: skeletonToText(skeletonSchema.parse(row.drivers)),
  };
}

/**
 * The collaboratives the viewer may start a project from someone's success in: where they are staff or
 * lead, and not the source's own (starting from your own work is not spread; the adoption rule says the same).
 */
export function startFromCollaborativeIds(viewer: Viewer, originCollaborativeId: string | null): string[] {
  return collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]).filter(
    (collaborativeId) =>
      can(viewer, "project.create", { collaborativeId }) &&
      can(viewer, "adoption.create", { collaborativeId, originCollaborativeId }),
  );
}

/** The "start a project from this" choice: the collaboratives (with names) the viewer may start it in. */
export async function getStartFromChoices(viewer: Viewer, originCollaborativeId: string | null) {
  const ids = startFromCollaborativeIds(viewer, originCollaborativeId);
  if (ids.length === 0) return [];
  return db.collaborative.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
