/**
 * The national dashboard's reads: one function per panel, each taking the viewer and the parsed
 * filters. National scope asks the policy for "national.dashboard"; a collaborative's own dashboard
 * asks for "collaborative.dashboard" on that collaborative and is always filtered to it. Everything
 * is aggregated in PostgreSQL from the summary views (lib/dashboard/summaries.ts); results are cached
 * in this process per summary refresh, so a warm dashboard does no aggregation at all.
 */
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { SpecialCause } from "@/lib/spc";
import { xmrChart } from "@/lib/spc";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { PROJECT_STATUSES } from "@/lib/projects/status";
import { cachedForRefresh, cachedIfFresh } from "./cache";
import { buildFunnel, type FunnelView } from "./funnels";
import {
  LOCAL_AREA,
  completeMonths,
  monthEnd,
  monthIndexOf,
  monthStart,
  periodMonths,
  type DashboardFilters,
  type KnownValues,
  type MonthIndex,
} from "./filters";
import { measureChart } from "@/lib/measures/chart";
import { AMBITION_FRACTION, BASELINE_MONTHS, NATIONAL_METRICS } from "./national-metrics";
import { getSummariesRefreshedAt, readSummariesRefreshedAt, refreshDashboardSummaries } from "./summaries";
import { URGENT_PATTERN } from "@/lib/concerns/urgency";
import { addWorkingDays, londonDay, startOfLondonDay } from "@/lib/concerns/service-level";

/** A mini-chart point: its value and the special cause lib/spc gives it. */
export type ChartPoint = { periodStart: Date; value: number; specialCause: SpecialCause | null };

export type DashboardScope = { kind: "national" } | { kind: "collaborative"; slug: string };

export type Named = { key: string; name: string };
export type CollaborativeRef = { id: string; slug: string; name: string };

export type DashboardReference = {
  collaboratives: CollaborativeRef[];
  /** The five national priority areas, then "local". */
  areas: Named[];
};

/** Adoption statuses counted as spread: being tested, adopted or sustained (not "considering" or "not adopted"). */
export const SPREAD_STATUSES = ["TESTING", "ADOPTED", "SUSTAINED"];
/** How many flagged measures each improvement list shows (the CSV has them all). */
export const SIGNAL_LIST_LENGTH = 8;
const SPARKLINE_POINTS = 24;

// Every aggregate goes through here: a tagged template (parameters, never string building), with a
// hook so the benchmark can EXPLAIN ANALYZE exactly the statements the dashboard runs.
let sqlRecorder: ((statement: Prisma.Sql) => void | Promise<void>) | undefined;
function query<T>(tx: Pick<Tx, "$queryRaw">) {
  return async (strings: TemplateStringsArray, ...values: unknown[]): Promise<T> => {
    const statement = Prisma.sql(strings, ...values);
    await sqlRecorder?.(statement);
    return tx.$queryRaw<T>(statement);
  };
}

/**
 * For the benchmark: see each aggregate statement before it is run (undefined to stop). The
 * statement waits for a recorder that returns a promise (a test commits a refresh mid-page this way).
 */
export function recordDashboardSql(recorder: ((statement: Prisma.Sql) => void | Promise<void>) | undefined) {
  sqlRecorder = recorder;
}

// ─── Reference data and access ────────────────────────────────────────────────

let referenceCache: { at: number; value: DashboardReference } | undefined;

/** Collaboratives and national areas (reference data): read once a minute at most. */
export async function getDashboardReference(): Promise<DashboardReference> {
  if (referenceCache && Date.now() - referenceCache.at < 60_000) return referenceCache.value;
  const [collaboratives, areas] = await Promise.all([
    db.collaborative.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
    db.priorityArea.findMany({
      where: { kind: "NATIONAL" },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const value = {
    collaboratives,
    areas: [...areas.map((a) => ({ key: a.slug, name: a.name })), { key: LOCAL_AREA, name: "Local priorities" }],
  };
  referenceCache = { at: Date.now(), value };
  return value;
}

export function knownValues(reference: DashboardReference): KnownValues {
  return {
    areas: reference.areas.filter((a) => a.key !== LOCAL_AREA).map((a) => a.key),
    collaboratives: reference.collaboratives.map((c) => c.slug),
  };
}

/** What every panel query needs once access is settled. */
type Context = {
  reference: DashboardReference;
  /** The collaborative the figures are limited to (scope or filter), or null for all. */
  collaborativeId: string | null;
  area: string | null;
  from: Date;
  /** Exclusive. */
  toEnd: Date;
  months: MonthIndex[];
  /** The complete months of the period, latest first (the funnel plots' choices). */
  completeMonths: MonthIndex[];
  /** The month asked for to compare collaboratives in (null: the latest complete one with data). */
  compareMonth: MonthIndex | null;
  cacheKey: string;
};

/** One REPEATABLE READ transaction: every panel read in it sees the same refresh, the one it is cached under. */
type Snapshot = { tx: Tx; refreshedAt: Date | null };

function inSnapshot<T>(read: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      // Panels only read: PostgreSQL refuses any write in this transaction.
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      return read({ tx, refreshedAt: await readSummariesRefreshedAt(tx) });
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
}

/**
 * Access first, then the context. A collaborative's dashboard for a slug that does not exist is not
 * found; one the viewer may not see is forbidden (the collaboratives themselves are public).
 */
export async function dashboardAccess(
  viewer: Viewer,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<Context> {
  // The policy first; a collaborative's dashboard needs its id from the (public) reference data to ask.
  if (scope.kind === "national") authorize(viewer, "national.dashboard");
  const reference = await getDashboardReference();
  let collaborativeId: string | null;
  if (scope.kind === "national") {
    collaborativeId = filters.collaborative
      ? (reference.collaboratives.find((c) => c.slug === filters.collaborative)?.id ?? null)
      : null;
  } else {
    const collaborative = reference.collaboratives.find((c) => c.slug === scope.slug);
    if (!collaborative) throw new NotFoundError();
    authorize(viewer, "collaborative.dashboard", { collaborativeId: collaborative.id });
    collaborativeId = collaborative.id;
  }
  await ensureSummaries();
  return {
    reference,
    collaborativeId,
    area: filters.area,
    from: monthStart(filters.from),
    toEnd: monthEnd(filters.to),
    months: periodMonths(filters),
    completeMonths: completeMonths(filters),
    compareMonth: filters.month,
    cacheKey: `${collaborativeId ?? "all"}|${filters.area ?? "all"}|${filters.from}|${filters.to}`,
  };
}

/** A database whose summaries were never built builds them now (once). */
async function ensureSummaries() {
  if (!(await getSummariesRefreshedAt())) await refreshDashboardSummaries({ force: true });
}

const collaborativeName = (ctx: Context, id: string) =>
  ctx.reference.collaboratives.find((c) => c.id === id)?.name ?? "Unknown collaborative";
const collaborativeSlug = (ctx: Context, id: string) =>
  ctx.reference.collaboratives.find((c) => c.id === id)?.slug ?? "";

/** The collaboratives a panel lists: all of them nationally, or the one in scope. */
function listedCollaboratives(ctx: Context): CollaborativeRef[] {
  return ctx.collaborativeId
    ? ctx.reference.collaboratives.filter((c) => c.id === ctx.collaborativeId)
    : ctx.reference.collaboratives;
}
function listedAreas(ctx: Context): Named[] {
  return ctx.area ? ctx.reference.areas.filter((a) => a.key === ctx.area) : ctx.reference.areas;
}

// ─── Coverage ─────────────────────────────────────────────────────────────────

export type CoverageCell = { projects: number; reporting: number; byStage: Record<ProjectStatus, number> };
export type Coverage = {
  areas: Named[];
  rows: { collaborative: CollaborativeRef; cells: Record<string, CoverageCell>; projects: number; reporting: number }[];
  totals: { projects: number; reporting: number };
};

const emptyStages = () => Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;

/**
 * Projects by collaborative × priority area × stage, for projects started by the end of the period.
 * "Reporting" means the project has measure data for at least one month of the period. A project in
 * two areas appears in both cells, but once in its collaborative's total.
 */
export async function getCoverage(viewer: Viewer, scope: DashboardScope, filters: DashboardFilters): Promise<Coverage> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  return inSnapshot((snapshot) => readCoverage(snapshot, ctx));
}

function readCoverage({ tx, refreshedAt }: Snapshot, ctx: Context): Promise<Coverage> {
  return cachedForRefresh(`coverage|${ctx.cacheKey}`, refreshedAt, async () => {
    const [cells, totals] = await Promise.all([
      query<
        { collaborative_id: string; area_key: string; status: ProjectStatus; projects: number; reporting: number }[]
      >(tx)`
        SELECT f.collaborative_id, a.area_key, f.status, count(*)::int AS projects,
               count(*) FILTER (WHERE f.reporting_months && ${ctx.months}::int[])::int AS reporting
        FROM dashboard_project_facts f CROSS JOIN LATERAL unnest(f.area_keys) AS a(area_key)
        WHERE f.start_date < ${ctx.toEnd}::date
          AND (${ctx.collaborativeId}::text IS NULL OR f.collaborative_id = ${ctx.collaborativeId})
          AND (${ctx.area}::text IS NULL OR a.area_key = ${ctx.area})
        GROUP BY 1, 2, 3`,
      query<{ collaborative_id: string; projects: number; reporting: number }[]>(tx)`
        SELECT f.collaborative_id, count(*)::int AS projects,
               count(*) FILTER (WHERE f.reporting_months && ${ctx.months}::int[])::int AS reporting
        FROM dashboard_project_facts f
        WHERE f.start_date < ${ctx.toEnd}::date AND cardinality(f.area_keys) > 0
          AND (${ctx.collaborativeId}::text IS NULL OR f.collaborative_id = ${ctx.collaborativeId})
          AND (${ctx.area}::text IS NULL OR ${ctx.area} = ANY(f.area_keys))
        GROUP BY 1`,
    ]);
    const areas = listedAreas(ctx);
    const rows = listedCollaboratives(ctx).map((collaborative) => {
      const total = totals.find((t) => t.collaborative_id === collaborative.id);
      const cellsByArea: Record<string, CoverageCell> = {};
      for (const area of areas) cellsByArea[area.key] = { projects: 0, reporting: 0, byStage: emptyStages() };
      for (const cell of cells) {
        if (cell.collaborative_id !== collaborative.id) continue;
        const target = cellsByArea[cell.area_key];
        if (!target) continue;
        target.projects += cell.projects;
        target.reporting += cell.reporting;
        target.byStage[cell.status] += cell.projects;
      }
      return { collaborative, cells: cellsByArea, projects: total?.projects ?? 0, reporting: total?.reporting ?? 0 };
    });
    return {
      areas,
      rows,
      totals: {
        projects: rows.reduce((a, r) => a + r.projects, 0),
        reporting: rows.reduce((a, r) => a + r.reporting, 0),
      },
    };
  });
}

// ─── Improvement found (stored SPC status) ────────────────────────────────────

export type SignalCounts = { analysed: number; improvement: number; concern: number };
export type FlaggedMeasure = {
  measureId: string;
  name: string;
  unit: string;
  projectId: string;
  projectTitle: string;
  collaborativeSlug: string;
  collaborativeName: string;
  latestPeriod: Date;
  signal: "improvement" | "concern";
  /** The latest points, with the special cause lib/spc gives each (empty in CSV listings). */
  points: ChartPoint[];
};
export type Improvement = SignalCounts & {
  byArea: (Named & SignalCounts)[];
  byCollaborative: (CollaborativeRef & SignalCounts)[];
  improvementList: FlaggedMeasure[];
  concernList: FlaggedMeasure[];
};

/**
 * Measures whose latest point (in the period) shows special cause, from the SPC status stored when
 * their data changed. "Analysed" counts every measure with data whose latest point is in the period.
 */
export async function getImprovement(
  viewer: Viewer,
  scope: DashboardScope,
  filters: DashboardFilters,
  options: { listLength?: number; withCharts?: boolean } = {},
): Promise<Improvement> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  return inSnapshot((snapshot) => readImprovement(snapshot, ctx, options));
}

function readImprovement(
  { tx, refreshedAt }: Snapshot,
  ctx: Context,
  options: { listLength?: number; withCharts?: boolean } = {},
): Promise<Improvement> {
  const listLength = options.listLength ?? SIGNAL_LIST_LENGTH;
  const withCharts = options.withCharts ?? true;
  return cachedForRefresh(`improvement|${listLength}|${withCharts}|${ctx.cacheKey}`, refreshedAt, async () => {
    const [byCollaborative, byArea, flagged] = await Promise.all([
      query<{ collaborative_id: string; analysed: number; improvement: number; concern: number }[]>(tx)`
        SELECT collaborative_id, count(*)::int AS analysed,
               count(*) FILTER (WHERE signal = 'improvement')::int AS improvement,
               count(*) FILTER (WHERE signal = 'concern')::int AS concern
        FROM dashboard_measure_status
        WHERE latest_period >= ${ctx.from}::date AND latest_period < ${ctx.toEnd}::date AND cardinality(area_keys) > 0
          AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
          AND (${ctx.area}::text IS NULL OR ${ctx.area} = ANY(area_keys))
        GROUP BY 1`,
      query<{ area_key: string; analysed: number; improvement: number; concern: number }[]>(tx)`
        SELECT a.area_key, count(*)::int AS analysed,
               count(*) FILTER (WHERE signal = 'improvement')::int AS improvement,
               count(*) FILTER (WHERE signal = 'concern')::int AS concern
        FROM dashboard_measure_status s CROSS JOIN LATERAL unnest(s.area_keys) AS a(area_key)
        WHERE latest_period >= ${ctx.from}::date AND latest_period < ${ctx.toEnd}::date
          AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
          AND (${ctx.area}::text IS NULL OR a.area_key = ${ctx.area})
        GROUP BY 1`,
      query<
        {
          measure_id: string;
          measure_name: string;
          unit: string;
          project_id: string;
          project_title: string;
          collaborative_id: string;
          latest_period: Date;
          signal: "improvement" | "concern";
        }[]
      >(tx)`
        SELECT measure_id, measure_name, unit, project_id, project_title, collaborative_id, latest_period, signal
        FROM (
          SELECT s.*, row_number() OVER (PARTITION BY signal ORDER BY latest_period DESC, measure_name, measure_id) AS position
          FROM dashboard_measure_status s
          WHERE signal IN ('improvement', 'concern')
            AND latest_period >= ${ctx.from}::date AND latest_period < ${ctx.toEnd}::date AND cardinality(area_keys) > 0
            AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
            AND (${ctx.area}::text IS NULL OR ${ctx.area} = ANY(area_keys))
        ) ranked
        WHERE position <= ${listLength}
        ORDER BY signal DESC, position`,
    ]);
    const charts = withCharts
      ? await measureCharts(
          tx,
          flagged.map((f) => f.measure_id),
          ctx.toEnd,
        )
      : new Map<string, ChartPoint[]>();
    const list = (signal: "improvement" | "concern"): FlaggedMeasure[] =>
      flagged
        .filter((f) => f.signal === signal)
        .map((f) => ({
          measureId: f.measure_id,
          name: f.measure_name,
          unit: f.unit,
          projectId: f.project_id,
          projectTitle: f.project_title,
          collaborativeSlug: collaborativeSlug(ctx, f.collaborative_id),
          collaborativeName: collaborativeName(ctx, f.collaborative_id),
          latestPeriod: f.latest_period,
          signal,
          points: charts.get(f.measure_id) ?? [],
        }));
    const zero = { analysed: 0, improvement: 0, concern: 0 };
    const counts = (row: SignalCounts | undefined): SignalCounts =>
      row ? { analysed: row.analysed, improvement: row.improvement, concern: row.concern } : { ...zero };
    const collaboratives = listedCollaboratives(ctx).map((c) => ({
      ...c,
      ...counts(byCollaborative.find((r) => r.collaborative_id === c.id)),
    }));
    return {
      analysed: collaboratives.reduce((a, c) => a + c.analysed, 0),
      improvement: collaboratives.reduce((a, c) => a + c.improvement, 0),
      concern: collaboratives.reduce((a, c) => a + c.concern, 0),
      byArea: listedAreas(ctx).map((a) => ({ ...a, ...counts(byArea.find((r) => r.area_key === a.key)) })),
      byCollaborative: collaboratives,
      improvementList: list("improvement"),
      concernList: list("concern"),
    };
  });
}

/**
 * The latest points of a few measures, charted by the project page's own function
 * (lib/measures/chart.ts measureChart, on lib/spc), so the mini-chart is the project page's chart.
 */
async function measureCharts(tx: Tx, measureIds: string[], toEnd: Date): Promise<Map<string, ChartPoint[]>> {
  if (measureIds.length === 0) return new Map();
  const [measures, points] = await Promise.all([
    tx.measure.findMany({
      where: { id: { in: measureIds } },
      select: {
        id: true,
        name: true,
        unit: true,
        period: true,
        direction: true,
        target: true,
        screenOutlierMovingRanges: true,
        rebaseDates: true,
      },
    }),
    tx.measurePoint.findMany({
      where: { measureId: { in: measureIds } },
      select: {
        id: true,
        measureId: true,
        periodStart: true,
        value: true,
        numerator: true,
        denominator: true,
        note: true,
      },
      orderBy: [{ measureId: "asc" }, { periodStart: "asc" }],
    }),
  ]);
  const charts = new Map<string, ChartPoint[]>();
  for (const measure of measures) {
    // The whole series is analysed (as stored); only the latest points up to the period's end are drawn.
    const own = points.filter((p) => p.measureId === measure.id);
    const view = measureChart(measure, own);
    const chart = view.points.map((p, i) => ({
      periodStart: own[i]!.periodStart,
      value: p.value,
      specialCause: p.cause,
    }));
    charts.set(measure.id, chart.filter((p) => p.periodStart < toEnd).slice(-SPARKLINE_POINTS));
  }
  return charts;
}

// ─── Patients' voice (concerns, counts only) ──────────────────────────────────

export type ConcernFigures = {
  received: number;
  acknowledged: number;
  acknowledgedInTime: number;
  /** Mean working days from receipt to acknowledgement, of those acknowledged (null when none). */
  meanWorkingDaysToAcknowledge: number | null;
  overdueUnacknowledged: number;
  linked: number;
  /** "What went well" submissions: not concerns (none of the figures above), counted on their own. */
  wentWell: number;
  /** "You said, we did" items published in the period. */
  youSaidPublished: number;
  /**
   * Did the response answer the concern? Of concerns that got a public response, how many reporters
   * said yes, partly or no (their latest answer), and how many have not said. Counts only.
   */
  responded: number;
  answeredYes: number;
  answeredPartly: number;
  answeredNo: number;
  notAnswered: number;
  /**
   * Issue 23: concerns whose words suggest someone may be in danger now (submissionMayDescribeImmediateRisk) not
   * read by the end of the working day after the day they arrived. Read: a lead of the concern's
   * collaborative first opened its triage page (Concern.firstReadAt). Only those whose day is over count.
   */
  urgentUnreadAfterWorkingDay: number;
};
export type WeeklySeries = Named & { total: number; counts: number[] };
export type Concerns = ConcernFigures & {
  /** Monday of each week in the period (UK time). */
  weeks: Date[];
  byArea: WeeklySeries[];
  byCollaborative: (WeeklySeries & ConcernFigures & { slug: string; acknowledgementDays: number })[];
};

const CONCERN_AREA_OTHER: Named = { key: "other", name: "Something else (no area chosen)" };

/**
 * Concerns received per week by area and by collaborative, acknowledgement against each
 * collaborative's service level (working days) and the share linked to a priority or project.
 * Counts only: the dashboard never shows what a reporter wrote.
 */
export async function getConcerns(viewer: Viewer, scope: DashboardScope, filters: DashboardFilters): Promise<Concerns> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  return inSnapshot((snapshot) => readConcerns(snapshot, ctx));
}

function readConcerns({ tx, refreshedAt }: Snapshot, ctx: Context): Promise<Concerns> {
  return cachedForRefresh(`concerns|${ctx.cacheKey}`, refreshedAt, async () => {
    const areaFilter = ctx.area;
    const [byAreaWeek, byCollaborativeWeek, figures, slas, published, urgent] = await Promise.all([
      query<{ week_start: Date; area_key: string; received: number }[]>(tx)`
        SELECT week_start, area_key, sum(received)::int AS received
        FROM dashboard_concern_weekly
        WHERE week_start >= ${ctx.from}::date AND week_start < ${ctx.toEnd}::date
          AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
          AND (${areaFilter}::text IS NULL OR area_key = ${areaFilter})
        GROUP BY 1, 2`,
      query<{ week_start: Date; collaborative_id: string; received: number }[]>(tx)`
        SELECT week_start, collaborative_id, sum(received)::int AS received
        FROM dashboard_concern_weekly
        WHERE week_start >= ${ctx.from}::date AND week_start < ${ctx.toEnd}::date
          AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
          AND (${areaFilter}::text IS NULL OR area_key = ${areaFilter})
        GROUP BY 1, 2`,
      query<
        {
          collaborative_id: string;
          received: number;
          acknowledged: number;
          acknowledged_in_time: number;
          working_days: number;
          overdue: number;
          linked: number;
          went_well: number;
          responded: number;
          answered_yes: number;
          answered_partly: number;
          answered_no: number;
        }[]
      >(tx)`
        SELECT collaborative_id, sum(received)::int AS received, sum(acknowledged)::int AS acknowledged,
               sum(acknowledged_in_time)::int AS acknowledged_in_time, sum(working_days_to_acknowledge)::int AS working_days,
               sum(overdue_unacknowledged)::int AS overdue, sum(linked)::int AS linked, sum(went_well)::int AS went_well,
               sum(responded)::int AS responded, sum(answered_yes)::int AS answered_yes,
               sum(answered_partly)::int AS answered_partly, sum(answered_no)::int AS answered_no
        FROM dashboard_concern_weekly
        WHERE week_start >= ${ctx.from}::date AND week_start < ${ctx.toEnd}::date
          AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
          AND (${areaFilter}::text IS NULL OR area_key = ${areaFilter})
        GROUP BY 1`,
      tx.collaborative.findMany({ select: { id: true, acknowledgementDays: true } }),
      // Items have no area: the area filter does not apply to them.
      query<{ collaborative_id: string; published: number }[]>(tx)`
        SELECT "collaborativeId" AS collaborative_id, count(*)::int AS published
        FROM "YouSaidWeDid"
        WHERE status = 'PUBLISHED' AND "publishedAt" >= ${ctx.from}::date AND "publishedAt" < ${ctx.toEnd}::date
          AND (${ctx.collaborativeId}::text IS NULL OR "collaborativeId" = ${ctx.collaborativeId})
        GROUP BY 1`,
      query<{ collaborative_id: string; received_at: Date; first_read_at: Date | null }[]>(tx)`
        SELECT c."collaborativeId" AS collaborative_id, c."receivedAt" AS received_at, c."firstReadAt" AS first_read_at
        FROM "Concern" c LEFT JOIN "PriorityArea" pa ON pa.id = c."priorityAreaId"
        WHERE c."heldAt" IS NULL AND c."receivedAt" >= ${ctx.from} AND c."receivedAt" < ${ctx.toEnd}
          AND (${ctx.collaborativeId}::text IS NULL OR c."collaborativeId" = ${ctx.collaborativeId})
          AND (${areaFilter}::text IS NULL OR
               (CASE WHEN pa.id IS NULL THEN 'other' WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END) = ${areaFilter})
          AND concat_ws(E'\n', c."whatHappened", c.impact, c."whatWouldHaveHelped") ~* ${URGENT_PATTERN}`,
    ]);
    const now = new Date();
    const urgentLate = urgent.filter((c) => {
      const deadline = startOfLondonDay(addWorkingDays(londonDay(c.received_at), 1) + 1);
      return deadline <= now && (c.first_read_at === null || c.first_read_at >= deadline);
    });
    const weeks = weeksOf(ctx.from, ctx.toEnd);
    const weekIndex = new Map(weeks.map((w, i) => [w.getTime(), i]));
    const series = (rows: { week_start: Date; received: number }[]) => {
      const counts = weeks.map(() => 0);
      for (const row of rows) {
        const i = weekIndex.get(row.week_start.getTime());
        if (i !== undefined) counts[i] += row.received;
      }
      return { counts, total: counts.reduce((a, b) => a + b, 0) };
    };
    const toFigures = (
      rows: typeof figures,
      publishedRows: typeof published,
      collaborativeId?: string,
    ): ConcernFigures => {
      const sum = (key: keyof (typeof figures)[number]) => rows.reduce((a, r) => a + Number(r[key]), 0);
      const acknowledged = sum("acknowledged");
      const responded = sum("responded");
      const answered = { yes: sum("answered_yes"), partly: sum("answered_partly"), no: sum("answered_no") };
      return {
        urgentUnreadAfterWorkingDay: urgentLate.filter(
          (c) => !collaborativeId || c.collaborative_id === collaborativeId,
        ).length,
        received: sum("received"),
        acknowledged,
        acknowledgedInTime: sum("acknowledged_in_time"),
        meanWorkingDaysToAcknowledge: acknowledged > 0 ? sum("working_days") / acknowledged : null,
        overdueUnacknowledged: sum("overdue"),
        linked: sum("linked"),
        wentWell: sum("went_well"),
        youSaidPublished: publishedRows.reduce((a, r) => a + r.published, 0),
        responded,
        answeredYes: answered.yes,
        answeredPartly: answered.partly,
        answeredNo: answered.no,
        notAnswered: responded - answered.yes - answered.partly - answered.no,
      };
    };
    const areas = ctx.area ? listedAreas(ctx) : [...ctx.reference.areas, CONCERN_AREA_OTHER];
    return {
      ...toFigures(figures, published),
      weeks,
      byArea: areas.map((a) => ({ ...a, ...series(byAreaWeek.filter((r) => r.area_key === a.key)) })),
      byCollaborative: listedCollaboratives(ctx).map((c) => ({
        key: c.slug,
        slug: c.slug,
        name: c.name,
        acknowledgementDays: slas.find((s) => s.id === c.id)?.acknowledgementDays ?? 5,
        ...series(byCollaborativeWeek.filter((r) => r.collaborative_id === c.id)),
        ...toFigures(
          figures.filter((r) => r.collaborative_id === c.id),
          published.filter((r) => r.collaborative_id === c.id),
          c.id,
        ),
      })),
    };
  });
}

/** Mondays from the first Monday on or after `from` up to `toEnd` (exclusive), as in date_trunc('week'). */
function weeksOf(from: Date, toEnd: Date): Date[] {
  const first = new Date(from);
  const offset = (first.getUTCDay() + 6) % 7;
  if (offset > 0) first.setUTCDate(first.getUTCDate() + 7 - offset);
  const weeks: Date[] = [];
  for (let d = first; d < toEnd; d = new Date(d.getTime() + 7 * 86_400_000)) weeks.push(d);
  return weeks;
}

// ─── Spread ───────────────────────────────────────────────────────────────────

export type Flow = { origin: CollaborativeRef; adopter: CollaborativeRef; adoptions: number };
export type SpreadingIdea = {
  learningItemId: string;
  title: string;
  slug: string;
  origin: CollaborativeRef;
  adopters: number;
  adoptions: number;
  medianDaysToAdopt: number | null;
};
export type Spread = {
  adoptions: number;
  flows: Flow[];
  /** Collaboratives by adoptions they made of others' ideas. */
  adopters: (CollaborativeRef & { adoptions: number })[];
  /** Collaboratives by adoptions others made of their ideas. */
  origins: (CollaborativeRef & { adoptions: number })[];
  fastest: SpreadingIdea[];
};

/**
 * Ideas adopted across collaboratives in the period (being tested, adopted or sustained), as flows
 * origin → adopter. Fastest-spreading: most adopting collaboratives, then the shortest median time
 * from publication to adoption. A collaborative's own view counts flows in and out of it.
 */
export async function getSpread(
  viewer: Viewer,
  scope: DashboardScope,
  filters: DashboardFilters,
  options: { fastestLength?: number } = {},
): Promise<Spread> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  return inSnapshot((snapshot) => readSpread(snapshot, ctx, options));
}

function readSpread(
  { tx, refreshedAt }: Snapshot,
  ctx: Context,
  options: { fastestLength?: number } = {},
): Promise<Spread> {
  const fastestLength = options.fastestLength ?? 10;
  return cachedForRefresh(`spread|${fastestLength}|${ctx.cacheKey}`, refreshedAt, async () => {
    const [flows, fastest] = await Promise.all([
      query<{ origin_id: string; adopter_id: string; adoptions: number }[]>(tx)`
        SELECT origin_id, adopter_id, count(*)::int AS adoptions
        FROM dashboard_adoption_facts
        WHERE status = ANY(${SPREAD_STATUSES}) AND adopted_at >= ${ctx.from} AND adopted_at < ${ctx.toEnd} AND origin_id <> adopter_id
          AND (${ctx.collaborativeId}::text IS NULL OR origin_id = ${ctx.collaborativeId} OR adopter_id = ${ctx.collaborativeId})
          AND (${ctx.area}::text IS NULL OR ${ctx.area} = ANY(area_keys))
        GROUP BY 1, 2
        ORDER BY 3 DESC, 1, 2`,
      query<
        {
          learning_item_id: string;
          title: string;
          slug: string;
          origin_id: string;
          adopters: number;
          adoptions: number;
          median_days: number | null;
        }[]
      >(tx)`
        SELECT learning_item_id, min(learning_title) AS title, min(learning_slug) AS slug, min(origin_id) AS origin_id,
               count(DISTINCT adopter_id)::int AS adopters, count(*)::int AS adoptions,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM adopted_at - published_at) / 86400)::float8 AS median_days
        FROM dashboard_adoption_facts
        WHERE status = ANY(${SPREAD_STATUSES}) AND adopted_at >= ${ctx.from} AND adopted_at < ${ctx.toEnd} AND origin_id <> adopter_id
          AND (${ctx.collaborativeId}::text IS NULL OR origin_id = ${ctx.collaborativeId} OR adopter_id = ${ctx.collaborativeId})
          AND (${ctx.area}::text IS NULL OR ${ctx.area} = ANY(area_keys))
        GROUP BY learning_item_id
        ORDER BY adopters DESC, median_days ASC NULLS LAST, title, learning_item_id
        LIMIT ${fastestLength}`,
    ]);
    const ref = (id: string): CollaborativeRef =>
      ctx.reference.collaboratives.find((c) => c.id === id) ?? { id, slug: "", name: "Unknown collaborative" };
    const tally = (key: "origin_id" | "adopter_id") =>
      ctx.reference.collaboratives
        .map((c) => ({ ...c, adoptions: flows.filter((f) => f[key] === c.id).reduce((a, f) => a + f.adoptions, 0) }))
        .filter((c) => c.adoptions > 0)
        .sort((a, b) => b.adoptions - a.adoptions || a.name.localeCompare(b.name));
    return {
      adoptions: flows.reduce((a, f) => a + f.adoptions, 0),
      flows: flows.map((f) => ({ origin: ref(f.origin_id), adopter: ref(f.adopter_id), adoptions: f.adoptions })),
      adopters: tally("adopter_id"),
      origins: tally("origin_id"),
      fastest: fastest.map((f) => ({
        learningItemId: f.learning_item_id,
        title: f.title,
        slug: f.slug,
        origin: ref(f.origin_id),
        adopters: f.adopters,
        adoptions: f.adoptions,
        medianDaysToAdopt: f.median_days === null ? null : Math.round(f.median_days),
      })),
    };
  });
}

// ─── Sign up to Safety ────────────────────────────────────────────────────────

export type HarmPoint = {
  month: Date;
  value: number | null;
  numerator: number;
  denominator: number;
  measures: number;
  specialCause: SpecialCause | null;
};
export type HarmSeries = {
  key: string;
  name: string;
  unit: string;
  /** Months of the period (missing months have a null value). */
  points: HarmPoint[];
  mean: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  baseline: { from: Date; to: Date; mean: number } | null;
  /** Half the baseline mean: the campaign's ambition to halve avoidable harm. */
  ambition: number | null;
  latest: HarmPoint | null;
};

/**
 * National harm measures: per month, Σ numerators ÷ Σ denominators × the metric's multiplier over
 * every measure reporting it (in SQL), then an XmR chart of that monthly series whose limits come
 * from the first BASELINE_MONTHS months of data (the baseline), with the ambition line at half the
 * baseline mean. The series runs from the first month with data to the period's end; the chart shows
 * the period.
 */
export async function getHarm(viewer: Viewer, scope: DashboardScope, filters: DashboardFilters): Promise<HarmSeries[]> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  return inSnapshot((snapshot) => readHarm(snapshot, ctx));
}

function readHarm({ tx, refreshedAt }: Snapshot, ctx: Context): Promise<HarmSeries[]> {
  return cachedForRefresh(`harm|${ctx.cacheKey}`, refreshedAt, async () => {
    const rows = await query<
      { metric: string; month: Date; numerator: number; denominator: number; measures: number }[]
    >(tx)`
      SELECT metric, month, sum(numerator)::float8 AS numerator, sum(denominator)::float8 AS denominator, sum(measures)::int AS measures
      FROM dashboard_harm_monthly
      WHERE area_key = ${ctx.area ?? ""} AND month < ${ctx.toEnd}::date
        AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
      GROUP BY 1, 2
      ORDER BY 1, 2`;
    const fromIndex = monthIndexOf(ctx.from);
    return NATIONAL_METRICS.map((metric) => {
      const own = rows.filter((r) => r.metric === metric.key);
      const empty: HarmSeries = {
        key: metric.key,
        name: metric.name,
        unit: metric.unit,
        points: [],
        mean: null,
        upperLimit: null,
        lowerLimit: null,
        baseline: null,
        ambition: null,
        latest: null,
      };
      if (own.length === 0) return empty;
      const first = monthIndexOf(own[0]!.month);
      const last = ctx.months[ctx.months.length - 1]!;
      if (last < first) return empty;
      const byMonth = new Map(own.map((r) => [monthIndexOf(r.month), r]));
      const series = Array.from({ length: last - first + 1 }, (_, i) => {
        const row = byMonth.get(first + i);
        return {
          month: monthStart(first + i),
          value: row && row.denominator > 0 ? (row.numerator / row.denominator) * metric.multiplier : null,
          numerator: row?.numerator ?? 0,
          denominator: row?.denominator ?? 0,
          measures: row?.measures ?? 0,
        };
      });
      const chart = xmrChart(
        series.map((p) => p.value),
        { improvement: "decrease", baselinePoints: BASELINE_MONTHS },
      );
      const points = series.map((p, i) => ({ ...p, specialCause: chart.points[i]?.specialCause ?? null }));
      const shown = points.filter((p) => monthIndexOf(p.month) >= fromIndex);
      const baselineEnd = Math.min(first + BASELINE_MONTHS - 1, last);
      const baseline =
        chart.mean === null ? null : { from: monthStart(first), to: monthStart(baselineEnd), mean: chart.mean };
      return {
        ...empty,
        points: shown,
        mean: chart.mean,
        upperLimit: chart.upperLimit,
        lowerLimit: chart.lowerLimit,
        baseline,
        ambition: baseline ? baseline.mean * AMBITION_FRACTION : null,
        latest: [...shown].reverse().find((p) => p.value !== null) ?? null,
      };
    });
  });
}

// ─── Comparing collaboratives (funnel plots) ──────────────────────────────────

export type Funnels = {
  /** The month compared (null: the period has no complete month with data). */
  month: Date | null;
  /** The complete months of the period, latest first, for the month select. */
  months: Date[];
  /** The collaborative picked out (its own dashboard, or the national collaborative filter). */
  highlight: CollaborativeRef | null;
  metrics: FunnelView[];
  /**
   * With a collaborative in scope: each metric across its member organisations in the same month
   * (measures whose project names exactly one of its organisations), and what could not be attributed.
   */
  organisations: { metrics: FunnelView[]; unattributed: { key: string; numerator: number; measures: number }[] } | null;
};

/**
 * Each national harm metric's funnel plot of the 15 collaboratives in one month: the month asked for,
 * or the latest complete month of the period in which any collaborative reported a national metric.
 * Every collaborative is compared whatever the scope (a comparison needs them all); the scope's
 * collaborative is highlighted. Drafts and archived projects are left out by the summary view.
 */
export async function getFunnels(viewer: Viewer, scope: DashboardScope, filters: DashboardFilters): Promise<Funnels> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  return inSnapshot((snapshot) => readFunnels(snapshot, ctx));
}

function readFunnels({ tx, refreshedAt }: Snapshot, ctx: Context): Promise<Funnels> {
  const key = `funnels|${ctx.compareMonth ?? "latest"}|${ctx.cacheKey}`;
  return cachedForRefresh(key, refreshedAt, async () => {
    const choices = ctx.completeMonths;
    const highlight = ctx.collaborativeId
      ? (ctx.reference.collaboratives.find((c) => c.id === ctx.collaborativeId) ?? null)
      : null;
    const empty = { months: choices.map(monthStart), highlight };
    if (choices.length === 0) return { ...empty, month: null, metrics: [], organisations: null };
    const rows = await query<
      { metric: string; collaborative_id: string; month: Date; numerator: number; denominator: number }[]
    >(tx)`
      SELECT metric, collaborative_id, month, numerator, denominator
      FROM dashboard_harm_monthly
      WHERE area_key = ${ctx.area ?? ""} AND month >= ${monthStart(choices[choices.length - 1]!)}::date
        AND month < ${monthEnd(choices[0]!)}::date AND denominator > 0`;
    const withData = new Set(rows.map((r) => monthIndexOf(r.month)));
    const month = ctx.compareMonth ?? choices.find((m) => withData.has(m)) ?? choices[0]!;
    const inMonth = rows.filter((r) => monthIndexOf(r.month) === month);
    return {
      ...empty,
      month: monthStart(month),
      metrics: NATIONAL_METRICS.map((metric) =>
        buildFunnel(
          metric,
          inMonth
            .filter((r) => r.metric === metric.key)
            .map((r) => ({
              id: r.collaborative_id,
              slug: collaborativeSlug(ctx, r.collaborative_id),
              name: collaborativeName(ctx, r.collaborative_id),
              numerator: r.numerator,
              denominator: r.denominator,
            })),
          { highlight: ctx.collaborativeId, listed: ctx.reference.collaboratives },
        ),
      ),
      organisations: ctx.collaborativeId ? await readOrganisationFunnels(tx, ctx.collaborativeId, month) : null,
    };
  });
}

/** One collaborative's harm metrics across its member organisations in one month (see Funnels). */
async function readOrganisationFunnels(
  tx: Tx,
  collaborativeId: string,
  month: MonthIndex,
): Promise<NonNullable<Funnels["organisations"]>> {
  const [rows, organisations] = await Promise.all([
    query<{ metric: string; organisation_id: string; numerator: number; denominator: number; measures: number }[]>(tx)`
      SELECT metric, organisation_id, numerator, denominator, measures
      FROM dashboard_harm_organisation_monthly
      WHERE collaborative_id = ${collaborativeId} AND month = ${monthStart(month)}::date`,
    tx.organisation.findMany({ where: { collaborativeId }, select: { id: true, name: true } }),
  ]);
  const name = (id: string) => organisations.find((o) => o.id === id)?.name ?? "Unknown organisation";
  return {
    metrics: NATIONAL_METRICS.map((metric) =>
      buildFunnel(
        metric,
        rows
          .filter((r) => r.metric === metric.key && r.organisation_id !== "")
          .map((r) => ({
            id: r.organisation_id,
            slug: r.organisation_id,
            name: name(r.organisation_id),
            numerator: r.numerator,
            denominator: r.denominator,
          })),
      ),
    ),
    unattributed: rows
      .filter((r) => r.organisation_id === "")
      .map((r) => ({ key: r.metric, numerator: r.numerator, measures: r.measures })),
  };
}

// ─── Downloads ────────────────────────────────────────────────────────────────

export type ConcernWeekRow = {
  weekStart: Date;
  collaborative: string;
  area: string;
  received: number;
  acknowledged: number;
  acknowledgedInTime: number;
  workingDaysToAcknowledge: number;
  overdueUnacknowledged: number;
  linked: number;
  responded: number;
  answeredYes: number;
  answeredPartly: number;
  answeredNo: number;
};

/** The concerns summary itself, week × collaborative × area, for the CSV download (counts only). */
export async function listConcernWeeks(
  viewer: Viewer,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<ConcernWeekRow[]> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  // One statement: one snapshot.
  const rows = await query<
    {
      week_start: Date;
      collaborative_id: string;
      area_key: string;
      received: number;
      acknowledged: number;
      acknowledged_in_time: number;
      working_days_to_acknowledge: number;
      overdue_unacknowledged: number;
      linked: number;
      responded: number;
      answered_yes: number;
      answered_partly: number;
      answered_no: number;
    }[]
  >(db)`
    SELECT week_start, collaborative_id, area_key, received, acknowledged, acknowledged_in_time, working_days_to_acknowledge, overdue_unacknowledged, linked,
           responded, answered_yes, answered_partly, answered_no
    FROM dashboard_concern_weekly
    WHERE week_start >= ${ctx.from}::date AND week_start < ${ctx.toEnd}::date
      AND (${ctx.collaborativeId}::text IS NULL OR collaborative_id = ${ctx.collaborativeId})
      AND (${ctx.area}::text IS NULL OR area_key = ${ctx.area})
    ORDER BY week_start, collaborative_id, area_key`;
  return rows.map((r) => ({
    weekStart: r.week_start,
    collaborative: collaborativeSlug(ctx, r.collaborative_id),
    area: r.area_key,
    received: r.received,
    acknowledged: r.acknowledged,
    acknowledgedInTime: r.acknowledged_in_time,
    workingDaysToAcknowledge: r.working_days_to_acknowledge,
    overdueUnacknowledged: r.overdue_unacknowledged,
    linked: r.linked,
    responded: r.responded,
    answeredYes: r.answered_yes,
    answeredPartly: r.answered_partly,
    answeredNo: r.answered_no,
  }));
}

export type DashboardData = {
  refreshedAt: Date | null;
  reference: DashboardReference;
  coverage: Coverage;
  improvement: Improvement;
  concerns: Concerns;
  spread: Spread;
  harm: HarmSeries[];
  funnels: Funnels;
};

/**
 * Every panel from one snapshot, for the dashboard pages and the map download: a refresh committed
 * while the page reads shows in none of its panels or, next time, in all. The panels run one after
 * another (a transaction has one connection). The whole page is cached too, under the refresh time
 * its snapshot saw, so a warm page opens no transaction at all.
 */
export async function getDashboard(
  viewer: Viewer,
  scope: DashboardScope,
  filters: DashboardFilters,
): Promise<DashboardData> {
  const ctx = await dashboardAccess(viewer, scope, filters);
  const key = `page|${ctx.compareMonth ?? "latest"}|${ctx.cacheKey}`;
  const warm = cachedIfFresh<DashboardData>(key, await getSummariesRefreshedAt());
  if (warm) return warm;
  return inSnapshot((snapshot) =>
    cachedForRefresh(key, snapshot.refreshedAt, async () => ({
      refreshedAt: snapshot.refreshedAt,
      reference: ctx.reference,
      coverage: await readCoverage(snapshot, ctx),
      improvement: await readImprovement(snapshot, ctx),
      concerns: await readConcerns(snapshot, ctx),
      spread: await readSpread(snapshot, ctx),
      harm: await readHarm(snapshot, ctx),
      funnels: await readFunnels(snapshot, ctx),
    })),
  );
}
