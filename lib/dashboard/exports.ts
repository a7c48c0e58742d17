/**
 * CSV downloads of every dashboard panel, with the same filters and the same access rules as the
 * page (each goes through the panel's query, which asks the policy). Counts only for concerns.
 */
import type { Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { recordExport } from "@/lib/audit";
import { csvFromRecords, type CsvValue } from "@/lib/csv";
import { isoDate } from "@/lib/format";
import { MAP_METRICS, monthParam, type DashboardFilters, type MapMetric } from "./filters";
import { mapValues } from "./map-values";
import {
  getDashboard,
  getCoverage,
  getFunnels,
  getHarm,
  getImprovement,
  getSpread,
  listConcernWeeks,
  type DashboardScope,
} from "./queries";
import { PROJECT_STATUSES } from "@/lib/projects/status";

export const CSV_PANELS = [
  "coverage",
  "improvement",
  "concerns",
  "spread",
  "spread-ideas",
  "harm",
  "funnel",
  "map",
] as const;
export type CsvPanel = (typeof CSV_PANELS)[number];

/** Enough for every flagged measure or idea nationally; the page shows the first few. */
const CSV_LIST_LIMIT = 100_000;

export function isCsvPanel(value: string): value is CsvPanel {
  return (CSV_PANELS as readonly string[]).includes(value);
}

const csv = (rows: Record<string, CsvValue>[], fields: string[]) => csvFromRecords(fields, rows);

/** A panel's CSV; every download is recorded in the audit log (who took which figures). */
export async function dashboardCsv(
  viewer: Viewer,
  scope: DashboardScope,
  panel: string,
  filters: DashboardFilters,
): Promise<{ filename: string; body: string }> {
  const file = await buildDashboardCsv(viewer, scope, panel, filters);
  await recordExport(viewer.userId, {
    action: "export.dashboard_csv",
    subjectType: "Dashboard",
    subjectId: scope.kind === "national" ? "national" : scope.slug,
    details: {
      panel,
      from: monthParam(filters.from),
      to: monthParam(filters.to),
      ...(filters.month !== null ? { month: monthParam(filters.month) } : {}),
      area: filters.area,
      collaborative: filters.collaborative,
    },
  });
  return file;
}

async function buildDashboardCsv(
  viewer: Viewer,
  scope: DashboardScope,
  panel: string,
  filters: DashboardFilters,
): Promise<{ filename: string; body: string }> {
  if (!isCsvPanel(panel)) throw new NotFoundError();
  const period = { period_from: monthParam(filters.from), period_to: monthParam(filters.to) };
  const prefix = scope.kind === "national" ? "national" : scope.slug;
  const filename = `${prefix}-dashboard-${panel}-${period.period_from}-to-${period.period_to}.csv`;
  switch (panel) {
    case "coverage": {
      const coverage = await getCoverage(viewer, scope, filters);
      const rows = coverage.rows.flatMap((row) =>
        coverage.areas.map((area) => {
          const cell = row.cells[area.key]!;
          return {
            ...period,
            collaborative: row.collaborative.slug,
            area: area.key,
            projects: cell.projects,
            reporting_in_period: cell.reporting,
            ...Object.fromEntries(PROJECT_STATUSES.map((s) => [s.toLowerCase(), cell.byStage[s]])),
          };
        }),
      );
      return {
        filename,
        body: csv(rows, [
          "period_from",
          "period_to",
          "collaborative",
          "area",
          "projects",
          "reporting_in_period",
          ...PROJECT_STATUSES.map((s) => s.toLowerCase()),
        ]),
      };
    }
    case "improvement": {
      const improvement = await getImprovement(viewer, scope, filters, {
        listLength: CSV_LIST_LIMIT,
        withCharts: false,
      });
      const rows = [...improvement.improvementList, ...improvement.concernList].map((m) => ({
        ...period,
        signal: m.signal,
        measure_id: m.measureId,
        measure: m.name,
        unit: m.unit,
        project_id: m.projectId,
        project: m.projectTitle,
        collaborative: m.collaborativeSlug,
        latest_period: isoDate(m.latestPeriod),
      }));
      return {
        filename,
        body: csv(rows, [
          "period_from",
          "period_to",
          "signal",
          "measure_id",
          "measure",
          "unit",
          "project_id",
          "project",
          "collaborative",
          "latest_period",
        ]),
      };
    }
    case "concerns": {
      const rows = (await listConcernWeeks(viewer, scope, filters)).map((r) => ({
        week_start: isoDate(r.weekStart),
        collaborative: r.collaborative,
        area: r.area,
        received: r.received,
        acknowledged: r.acknowledged,
        acknowledged_in_time: r.acknowledgedInTime,
        working_days_to_acknowledge_total: r.workingDaysToAcknowledge,
        overdue_unacknowledged: r.overdueUnacknowledged,
        linked_to_priority_or_project: r.linked,
        // Of concerns with a public response: the reporter's latest answer to "did it answer your concern?"
        responded: r.responded,
        response_answered_yes: r.answeredYes,
        response_answered_partly: r.answeredPartly,
        response_answered_no: r.answeredNo,
        response_not_rated: r.responded - r.answeredYes - r.answeredPartly - r.answeredNo,
      }));
      return {
        filename,
        body: csv(rows, [
          "week_start",
          "collaborative",
          "area",
          "received",
          "acknowledged",
          "acknowledged_in_time",
          "working_days_to_acknowledge_total",
          "overdue_unacknowledged",
          "linked_to_priority_or_project",
          "responded",
          "response_answered_yes",
          "response_answered_partly",
          "response_answered_no",
          "response_not_rated",
        ]),
      };
    }
    case "spread": {
      const spread = await getSpread(viewer, scope, filters);
      const rows = spread.flows.map((f) => ({
        ...period,
        origin: f.origin.slug,
        adopter: f.adopter.slug,
        adoptions: f.adoptions,
      }));
      return { filename, body: csv(rows, ["period_from", "period_to", "origin", "adopter", "adoptions"]) };
    }
    case "spread-ideas": {
      const spread = await getSpread(viewer, scope, filters, { fastestLength: CSV_LIST_LIMIT });
      const rows = spread.fastest.map((i, rank) => ({
        ...period,
        rank: rank + 1,
        learning_item: i.slug,
        title: i.title,
        origin: i.origin.slug,
        collaboratives_adopting: i.adopters,
        adoptions: i.adoptions,
        median_days_to_adopt: i.medianDaysToAdopt,
      }));
      return {
        filename,
        body: csv(rows, [
          "period_from",
          "period_to",
          "rank",
          "learning_item",
          "title",
          "origin",
          "collaboratives_adopting",
          "adoptions",
          "median_days_to_adopt",
        ]),
      };
    }
    case "harm": {
      const harm = await getHarm(viewer, scope, filters);
      const rows = harm.flatMap((series) =>
        series.points.map((p) => ({
          metric: series.key,
          unit: series.unit,
          month: monthParam(p.month.getUTCFullYear() * 12 + p.month.getUTCMonth()),
          numerator: p.numerator,
          denominator: p.denominator,
          measures_reporting: p.measures,
          value: p.value,
          special_cause: p.specialCause,
          mean: series.mean,
          lower_limit: series.lowerLimit,
          upper_limit: series.upperLimit,
          baseline: series.baseline ? `${isoDate(series.baseline.from)} to ${isoDate(series.baseline.to)}` : "",
          ambition_half_baseline: series.ambition,
        })),
      );
      return {
        filename,
        body: csv(rows, [
          "metric",
          "unit",
          "month",
          "numerator",
          "denominator",
          "measures_reporting",
          "value",
          "special_cause",
          "mean",
          "lower_limit",
          "upper_limit",
          "baseline",
          "ambition_half_baseline",
        ]),
      };
    }
    case "funnel": {
      // Each metric's funnel plot in the month compared: FunnelPlotR's figures and the metric's own unit.
      const funnels = await getFunnels(viewer, scope, filters);
      const month = funnels.month ? isoDate(funnels.month).slice(0, 7) : "";
      const levels = [
        { compared: "collaboratives", metrics: funnels.metrics },
        { compared: "organisations", metrics: funnels.organisations?.metrics ?? [] },
      ];
      const rows = levels.flatMap(({ compared, metrics }) =>
        metrics.flatMap((view) =>
          view.rows.map((r) => ({
            month,
            compared,
            metric: view.key,
            unit: view.unit,
            data_type: view.dataType,
            collaborative: compared === "collaboratives" ? r.slug : (funnels.highlight?.slug ?? ""),
            organisation: compared === "organisations" ? r.name : "",
            highlighted: r.highlighted ? "yes" : "",
            numerator: r.numerator,
            denominator: r.denominator,
            expected: r.expected,
            value: r.ratio,
            rate: r.rate,
            overall_rate: view.overallRate,
            lower_95: r.lower95,
            upper_95: r.upper95,
            lower_998: r.lower998,
            upper_998: r.upper998,
            outlier_95: r.outlier95 ?? "",
            outlier_998: r.outlier998 ?? "",
            phi: view.phi,
            tau2: view.tau2,
            limits_widened: view.adjusted ? "yes" : "no",
          })),
        ),
      );
      return {
        filename,
        body: csv(rows, [
          "month",
          "compared",
          "metric",
          "unit",
          "data_type",
          "collaborative",
          "organisation",
          "highlighted",
          "numerator",
          "denominator",
          "expected",
          "value",
          "rate",
          "overall_rate",
          "lower_95",
          "upper_95",
          "lower_998",
          "upper_998",
          "outlier_95",
          "outlier_998",
          "phi",
          "tau2",
          "limits_widened",
        ]),
      };
    }
    case "map": {
      // Every figure from one snapshot, as on the page.
      const { coverage, improvement, concerns, spread } = await getDashboard(viewer, scope, filters);
      const metrics = Object.keys(MAP_METRICS) as MapMetric[];
      const byMetric = Object.fromEntries(
        metrics.map((m) => [m, mapValues(m, { coverage, improvement, concerns, spread })]),
      );
      const rows = coverage.rows.map((r) => ({
        ...period,
        collaborative: r.collaborative.slug,
        ...Object.fromEntries(metrics.map((m) => [m, byMetric[m]![r.collaborative.slug] ?? ""])),
      }));
      return { filename, body: csv(rows, ["period_from", "period_to", "collaborative", ...metrics]) };
    }
  }
}
