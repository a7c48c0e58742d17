/** Reads for the measure screens and CSV exports, through the project's access rules. */
import "server-only";
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { recordExport } from "@/lib/audit";
import { requireProject } from "@/lib/projects/access";
import { measureChart } from "./chart";
import {
  EXISTING_POINT_FIELDS,
  importBasis,
  importChoices,
  measuresCsv,
  measureTemplateCsv,
  parseMeasureCsv,
  type ImportPreview,
  type ImportRequest,
} from "./csv";
import { addPeriods, formatPeriod, parsePeriodText, periodKey, periodStartOf } from "./periods";
import { MAX_GRID_ROWS } from "./schemas";
import { shownCells } from "./values";

const measureSelect = {
  id: true,
  projectId: true,
  name: true,
  kind: true,
  definition: true,
  unit: true,
  direction: true,
  target: true,
  period: true,
  valueType: true,
  rateMultiplier: true,
  screenOutlierMovingRanges: true,
  chartType: true,
  rebaseDates: true,
  version: true,
  updatedAt: true,
  archivedAt: true,
} as const;

/**
 * A measure of the project. Archived ones are found only for their page (`archived: "for editors"`,
 * when the viewer may restore them); every form and export treats them as gone.
 */
async function findMeasure(projectId: string, measureId: string, archived: "for editors" | "never" = "never") {
  const measure = await db.measure.findFirst({
    where: { id: measureId, projectId, ...(archived === "never" ? { archivedAt: null } : {}) },
    select: measureSelect,
  });
  if (!measure) throw new NotFoundError();
  return measure;
}

/** Cycles numbered as on the project page (by start date), for chart annotations. */
async function chartCycles(projectId: string) {
  const cycles = await db.pdsaCycle.findMany({
    where: { projectId },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    select: { id: true, title: true, startDate: true, act: true },
  });
  return cycles.map((c, i) => ({ ...c, number: i + 1 }));
}

/** A measure's page: definition, chart (with the project's PDSA cycles) and every point. */
export async function getMeasurePage(viewer: Viewer, projectId: string, measureId: string) {
  const project = await requireProject(viewer, projectId, "project.read");
  const editor = can(viewer, "project.update", project);
  const [measure, points, cycles, meta] = await Promise.all([
    findMeasure(projectId, measureId, editor ? "for editors" : "never"),
    db.measurePoint.findMany({
      where: { measureId },
      orderBy: { periodStart: "asc" },
      select: { id: true, periodStart: true, value: true, numerator: true, denominator: true, note: true },
    }),
    chartCycles(projectId),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { title: true } }),
  ]);
  return {
    project: { id: projectId, title: meta.title, startDate: project.startDate },
    measure,
    chart: measureChart(measure, points, cycles, { projectStart: project.startDate }),
    // Archived (the measure or its project): nothing changes until it is restored.
    canUpdate: editor && measure.archivedAt === null && project.archivedAt === null,
    canRestore: editor && measure.archivedAt !== null && project.archivedAt === null,
  };
}

export async function getMeasureForEdit(viewer: Viewer, projectId: string, measureId: string) {
  await requireProject(viewer, projectId, "project.update");
  const [measure, pointCount, project] = await Promise.all([
    findMeasure(projectId, measureId),
    db.measurePoint.count({ where: { measureId } }),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, title: true } }),
  ]);
  return { project, measure, pointCount };
}

/** The project a new measure (or any measure form) belongs to. */
export async function getProjectForMeasures(viewer: Viewer, projectId: string) {
  const access = await requireProject(viewer, projectId, "project.update");
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, title: true } });
  return { ...project, startDate: access.startDate };
}

export async function getPointForCorrection(viewer: Viewer, projectId: string, measureId: string, pointId: string) {
  await requireProject(viewer, projectId, "project.update");
  const measure = await findMeasure(projectId, measureId);
  const point = await db.measurePoint.findFirst({
    where: { id: pointId, measureId },
    select: { id: true, periodStart: true, value: true, numerator: true, denominator: true, note: true },
  });
  if (!point) throw new NotFoundError();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, title: true } });
  return { project, measure, point };
}

/** How far back each "Show earlier periods" goes: a year of months, a quarter of weeks, four weeks of days. */
const EARLIER_STEP = { MONTH: 12, WEEK: 13, DAY: 28 } as const;

/**
 * The values grid: one row per period from the one after the latest value (or `from`, when earlier
 * periods were asked for; or a step before `{ before }`, the earliest row a grid posted with "Show
 * earlier periods") up to the current one, at least one; periods that have a value show it.
 */
export async function getValuesGrid(
  viewer: Viewer,
  projectId: string,
  measureId: string,
  from: string | { before: string } | undefined,
  today = new Date(),
) {
  await requireProject(viewer, projectId, "project.update");
  const [measure, points, project] = await Promise.all([
    findMeasure(projectId, measureId),
    db.measurePoint.findMany({
      where: { measureId },
      orderBy: { periodStart: "asc" },
      select: { periodStart: true, value: true, numerator: true, denominator: true, note: true },
    }),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, title: true } }),
  ]);
  const current = periodStartOf(today, measure.period);
  const latest = points.at(-1)?.periodStart;
  let first = latest && latest < current ? addPeriods(latest, measure.period, 1) : current;
  const before = typeof from === "object" ? parsePeriodText(from.before) : null;
  const asked = before
    ? addPeriods(periodStartOf(before, measure.period), measure.period, -EARLIER_STEP[measure.period])
    : typeof from === "string"
      ? parsePeriodText(from)
      : null;
  if (asked && asked < first) first = periodStartOf(asked, measure.period);
  const oldest = addPeriods(current, measure.period, -(MAX_GRID_ROWS - 1));
  if (first < oldest) first = oldest;
  const byKey = new Map(points.map((p) => [periodKey(p.periodStart), p]));
  const rows = [];
  for (let start = first; start <= current; start = addPeriods(start, measure.period, 1)) {
    const point = byKey.get(periodKey(start));
    rows.push({
      key: periodKey(start),
      label: formatPeriod(start, measure.period),
      shown: point ? shownCells(point) : null,
    });
  }
  const earlier = first > oldest ? addPeriods(first, measure.period, -EARLIER_STEP[measure.period]) : null;
  return {
    project,
    measure,
    rows,
    /** The `from` of the "Show earlier periods" link (yyyy-mm for months), or null at the limit. */
    earlierFrom: earlier && (measure.period === "MONTH" ? periodKey(earlier).slice(0, 7) : periodKey(earlier)),
    /** The earliest period the grid may show (MAX_GRID_ROWS back from the current one). */
    oldestKey: periodKey(oldest),
  };
}

/** Checks a CSV against the measure without saving anything: the import's preview step. */
export async function previewMeasureImport(
  viewer: Viewer,
  input: ImportRequest,
  today = new Date(),
): Promise<ImportPreview> {
  await requireProject(viewer, input.projectId, "project.update");
  const measure = await findMeasure(input.projectId, input.measureId);
  const points = await db.measurePoint.findMany({ where: { measureId: measure.id }, select: EXISTING_POINT_FIELDS });
  return parseMeasureCsv(
    input.csv,
    {
      spec: measure,
      period: measure.period,
      today,
      ...importBasis(measure, points),
    },
    importChoices(input),
  );
}

/** A CSV to fill in for one measure (see measureTemplateCsv), for people who may add its data. */
export async function getMeasureImportTemplate(
  viewer: Viewer,
  projectId: string,
  measureId: string,
  today = new Date(),
): Promise<{ filename: string; csv: string }> {
  const project = await requireProject(viewer, projectId, "project.update");
  const measure = await findMeasure(projectId, measureId);
  const points = await db.measurePoint.findMany({ where: { measureId }, select: EXISTING_POINT_FIELDS });
  await recordExport(viewer.userId, {
    action: "export.measure_template_csv",
    subjectType: "Project",
    subjectId: projectId,
    collaborativeId: project.collaborativeId,
    details: { measureId, points: points.length },
  });
  return {
    filename: `${fileSlug(measure.name) || "measure"}-template.csv`,
    csv: measureTemplateCsv(measure, points, { projectStart: project.startDate, today }),
  };
}

/** Every point of one measure, or of all the project's measures, as CSV. */
export async function exportMeasuresCsv(
  viewer: Viewer,
  projectId: string,
  measureId: string | null,
): Promise<{ filename: string; csv: string }> {
  const project = await requireProject(viewer, projectId, "project.read");
  const measures = await db.measure.findMany({
    where: { projectId, archivedAt: null, ...(measureId ? { id: measureId } : {}) },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    select: {
      name: true,
      kind: true,
      unit: true,
      period: true,
      points: {
        orderBy: { periodStart: "asc" },
        select: { periodStart: true, value: true, numerator: true, denominator: true, note: true },
      },
    },
  });
  if (measureId && measures.length === 0) throw new NotFoundError();
  const slug = fileSlug(measureId ? measures[0]!.name : "measures");
  await recordExport(viewer.userId, {
    action: "export.measures_csv",
    subjectType: "Project",
    subjectId: projectId,
    collaborativeId: project.collaborativeId,
    details: { measureId, measures: measures.length },
  });
  return { filename: `${slug || "measure"}.csv`, csv: measuresCsv(measures) };
}

/** A measure's name as a file name: "Falls per 1,000 bed days" → "falls-per-1-000-bed-days". */
function fileSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}
