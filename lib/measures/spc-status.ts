/**
 * The single place that turns a measure's points into its STORED SPC status
 * (Measure.spcVariation, spcAssurance, spcLatestSpecialCause, spcPointCount, spcLatestPeriod,
 * spcComputedAt) and keeps LearningItem.hasImprovementEvidence in step.
 *
 * Every write path that changes a measure's points (or its direction, target, screening or rebase
 * dates) calls `refreshMeasureSpc` in the same transaction; the national dashboard and the learning
 * library read the stored fields and never recompute them.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ImprovementDirection } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { xmrChartWithRebase, type Direction } from "@/lib/spc";
import { countedMeasureWhere } from "@/lib/projects/counted";

/** What `refreshMeasureSpc` needs from a client: the Prisma client itself or a transaction client. */
export type SpcDb = Pick<PrismaClient, "measure" | "measurePoint" | "learningItem">;

export type MeasureSpcInput = {
  direction: ImprovementDirection;
  target: number | null;
  screenOutlierMovingRanges: boolean;
  rebaseDates: Date[];
};

export type MeasureSpcPoint = { periodStart: Date; value: number };

/** The stored fields, except spcComputedAt (set by the writer). */
export type MeasureSpcStatus = {
  spcVariation: string | null;
  spcAssurance: string | null;
  spcLatestSpecialCause: string | null;
  spcPointCount: number;
  spcLatestPeriod: Date | null;
};

const DIRECTIONS: Record<ImprovementDirection, Direction> = {
  INCREASE: "increase",
  DECREASE: "decrease",
  NEITHER: "neither",
};

export function spcDirection(direction: ImprovementDirection): Direction {
  return DIRECTIONS[direction] ?? "neither";
}

/** Period start dates are calendar dates (@db.Date, UTC midnight): compare them as YYYY-MM-DD. */
function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Each rebase date starts a new period at the first point on or after it. Dates before the first
 * point or after the last one, and duplicates, split nothing.
 */
export function rebaseIndices(points: readonly MeasureSpcPoint[], rebaseDates: readonly Date[]): number[] {
  const keys = points.map((p) => dayKey(p.periodStart));
  const indices = new Set<number>();
  for (const date of rebaseDates) {
    const key = dayKey(date);
    const index = keys.findIndex((k) => k >= key);
    if (index > 0) indices.add(index);
  }
  return [...indices].sort((a, b) => a - b);
}

/** Pure: a measure's stored SPC status from its points (sorted here too, to be safe). */
export function measureSpcStatus(measure: MeasureSpcInput, points: readonly MeasureSpcPoint[]): MeasureSpcStatus {
  const sorted = [...points].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
  if (sorted.length === 0) {
    return {
      spcVariation: null,
      spcAssurance: null,
      spcLatestSpecialCause: null,
      spcPointCount: 0,
      spcLatestPeriod: null,
    };
  }
  const result = xmrChartWithRebase(
    sorted.map((p) => p.value),
    rebaseIndices(sorted, measure.rebaseDates),
    {
      improvement: spcDirection(measure.direction),
      target: measure.target ?? undefined,
      screenOutlierMovingRanges: measure.screenOutlierMovingRanges,
    },
  );
  const latest = result.points[result.points.length - 1];
  return {
    spcVariation: result.variation,
    spcAssurance: result.assurance,
    spcLatestSpecialCause: latest?.specialCause ?? null,
    spcPointCount: sorted.length,
    spcLatestPeriod: sorted[sorted.length - 1].periodStart,
  };
}

/** Whether a stored status counts as evidence of improvement for learning items. */
export function showsImprovement(status: Pick<MeasureSpcStatus, "spcLatestSpecialCause">): boolean {
  return status.spcLatestSpecialCause === "improvement";
}

const measureSelect = {
  id: true,
  direction: true,
  target: true,
  screenOutlierMovingRanges: true,
  rebaseDates: true,
} as const;

/**
 * Recompute and store one measure's SPC status, and update `hasImprovementEvidence` on the learning
 * items that cite it as evidence. Call inside the transaction that changed the points.
 * Returns the stored status, or null when the measure does not exist.
 */
export async function refreshMeasureSpc(
  tx: SpcDb,
  measureId: string,
  options: { now?: Date } = {},
): Promise<MeasureSpcStatus | null> {
  const measure = await tx.measure.findUnique({ where: { id: measureId }, select: measureSelect });
  if (!measure) return null;
  const points = await tx.measurePoint.findMany({
    where: { measureId },
    select: { periodStart: true, value: true },
    orderBy: { periodStart: "asc" },
  });
  const status = measureSpcStatus(measure, points);
  await tx.measure.update({
    where: { id: measureId },
    data: { ...status, spcComputedAt: options.now ?? new Date() },
  });
  await refreshImprovementEvidence(tx, { measureId });
  return status;
}

/**
 * Recompute every measure (the seed, and a repair after a change to the SPC maths).
 * Reads all points in one query; returns how many measures were refreshed.
 */
export async function refreshAllMeasureSpc(db: SpcDb, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const measures = await db.measure.findMany({ select: measureSelect, orderBy: { id: "asc" } });
  const points = await db.measurePoint.findMany({
    select: { measureId: true, periodStart: true, value: true },
    orderBy: [{ measureId: "asc" }, { periodStart: "asc" }],
  });
  const byMeasure = new Map<string, MeasureSpcPoint[]>();
  for (const p of points) {
    let list = byMeasure.get(p.measureId);
    if (!list) byMeasure.set(p.measureId, (list = []));
    list.push(p);
  }
  for (const measure of measures) {
    const status = measureSpcStatus(measure, byMeasure.get(measure.id) ?? []);
    await db.measure.update({ where: { id: measure.id }, data: { ...status, spcComputedAt: now } });
  }
  await refreshImprovementEvidence(db, {});
  return measures.length;
}

/** A learning item's evidence: its measure shows improvement and counts (not archived, in a shared, unarchived project). */
const evidenceWhere = {
  measure: { is: { spcLatestSpecialCause: "improvement", ...countedMeasureWhere } },
} satisfies Prisma.LearningItemWhereInput;

/**
 * Recompute `hasImprovementEvidence` on the learning items in `scope` (e.g. `{ measureId }`, or
 * `{ measure: { projectId } }` after a project is shared, made a draft, archived or restored).
 * Call in the transaction that made the change, so the "evidence only" search never lies.
 */
export async function refreshImprovementEvidence(tx: SpcDb, scope: Prisma.LearningItemWhereInput): Promise<void> {
  await tx.learningItem.updateMany({
    where: { AND: [scope, { hasImprovementEvidence: false }, evidenceWhere] },
    data: { hasImprovementEvidence: true },
  });
  await tx.learningItem.updateMany({
    where: { AND: [scope, { hasImprovementEvidence: true }, { NOT: evidenceWhere }] },
    data: { hasImprovementEvidence: false },
  });
}
