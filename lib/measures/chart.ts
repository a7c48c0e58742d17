/**
 * What a measure's chart shows, computed on the server with lib/spc and handed to the chart
 * component as plain data: points with their limits and special causes, rebased periods, the
 * icons in words, PDSA annotations and a text alternative that says what the chart shows. Pure.
 */
import type { ImprovementDirection, MeasurePeriod, PdsaDecision } from "@/lib/generated/prisma/enums";
import {
  MIN_POINTS_FOR_FIRM_LIMITS,
  SPC_COLOURS,
  describeAssurance,
  describeVariation,
  limitsAreProvisional,
  runChart,
  xmrChartWithRebase,
  type Assurance,
  type SpcRule,
  type SpecialCause,
  type Variation,
} from "@/lib/spc";
import { rebaseIndices, spcDirection } from "./spc-status";
import { PERIOD_LABELS, formatPeriod, periodKey, periodStartOf } from "./periods";
import { formatDecimal } from "@/lib/format";
import { PDSA_DECISION_OUTCOMES } from "@/lib/projects/status";

export type ChartMeasure = {
  name: string;
  unit: string;
  direction: ImprovementDirection;
  target: number | null;
  period: MeasurePeriod;
  screenOutlierMovingRanges: boolean;
  rebaseDates: Date[];
};
export type ChartInputPoint = {
  id: string;
  periodStart: Date;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
};
export type ChartCycle = { id: string; number: number; title: string; startDate: Date; act: PdsaDecision | null };

export type ChartPointView = {
  id: string;
  key: string;
  label: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
  mean: number | null;
  upper: number | null;
  lower: number | null;
  period: number;
  cause: SpecialCause | null;
  causeLabel: string;
  colour: string;
  rules: SpcRule[];
};

export type ChartPeriodView = {
  index: number;
  startKey: string;
  startLabel: string;
  endLabel: string;
  pointCount: number;
  mean: number | null;
  upper: number | null;
  lower: number | null;
  provisional: boolean;
};

export type ChartAnnotation = { key: string; label: string; number: number; title: string; decision: string };

export type RunChartView = {
  median: number | null;
  usefulPoints: number;
  longestRun: number;
  longestRunLimit: number;
  crossings: number;
  crossingsLimit: number;
  signal: boolean;
  text: string;
};

export type MeasureChartView = {
  pointCount: number;
  points: ChartPointView[];
  periods: ChartPeriodView[];
  hasLimits: boolean;
  /** Periods whose limits rest on fewer than 13 points (the "provisional limits" note). */
  provisionalNotes: string[];
  variation: Variation | null;
  variationText: string;
  assurance: Assurance | null;
  assuranceText: string;
  signals: string[];
  /** For series too short for firm XmR limits (fewer than 13 points). */
  runChart: RunChartView | null;
  annotations: ChartAnnotation[];
  target: number | null;
  summary: string;
};

export const CAUSE_LABELS: Record<SpecialCause | "common", string> = {
  improvement: "Special cause: improvement",
  concern: "Special cause: concern",
  "neither-high": "Special cause: higher (neither improvement nor concern)",
  "neither-low": "Special cause: lower (neither improvement nor concern)",
  common: "Common cause",
};

export function causeColour(cause: SpecialCause | null): string {
  if (cause === "improvement") return SPC_COLOURS.improvement;
  if (cause === "concern") return SPC_COLOURS.concern;
  if (cause === "neither-high" || cause === "neither-low") return SPC_COLOURS.neither;
  return SPC_COLOURS.common;
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? "–" : formatDecimal(n, 2));

export function measureChart(
  measure: ChartMeasure,
  input: readonly ChartInputPoint[],
  cycles: readonly ChartCycle[] = [],
): MeasureChartView {
  const sorted = [...input].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
  const direction = spcDirection(measure.direction);
  const result = xmrChartWithRebase(
    sorted.map((p) => p.value),
    rebaseIndices(sorted, measure.rebaseDates),
    {
      improvement: direction,
      target: measure.target ?? undefined,
      screenOutlierMovingRanges: measure.screenOutlierMovingRanges,
    },
  );

  const periodOf = new Int32Array(sorted.length);
  result.periods.forEach((p, index) => periodOf.fill(index, p.start, p.end));
  const points: ChartPointView[] = sorted.map((p, i) => {
    const period = result.periods[periodOf[i]]!.result;
    const spc = result.points[i]!;
    return {
      id: p.id,
      key: periodKey(p.periodStart),
      label: formatPeriod(p.periodStart, measure.period),
      value: p.value,
      numerator: p.numerator,
      denominator: p.denominator,
      note: p.note,
      mean: period.mean,
      upper: period.upperLimit,
      lower: period.lowerLimit,
      period: periodOf[i]!,
      cause: spc.specialCause,
      causeLabel: CAUSE_LABELS[spc.specialCause ?? "common"],
      colour: causeColour(spc.specialCause),
      rules: spc.rules,
    };
  });

  const periods: ChartPeriodView[] =
    sorted.length === 0
      ? []
      : result.periods.map((p, index) => ({
          index,
          startKey: points[p.start]!.key,
          startLabel: points[p.start]!.label,
          endLabel: points[p.end - 1]!.label,
          pointCount: p.end - p.start,
          mean: p.result.mean,
          upper: p.result.upperLimit,
          lower: p.result.lowerLimit,
          provisional: p.result.upperLimit !== null && limitsAreProvisional(p.result),
        }));
  const hasLimits = periods.some((p) => p.upper !== null);
  const provisionalNotes = periods
    .filter((p) => p.provisional)
    .map((p) =>
      periods.length === 1
        ? `Provisional limits: they are based on only ${p.pointCount} points. Treat signals with caution until there are ${MIN_POINTS_FOR_FIRM_LIMITS}.`
        : `Provisional limits from ${p.startLabel}: based on only ${p.pointCount} points since the limits were recalculated. Treat signals with caution until there are ${MIN_POINTS_FOR_FIRM_LIMITS}.`,
    );

  const signals = describeSignals(points, direction);
  const run =
    sorted.length >= 2 && sorted.length < MIN_POINTS_FOR_FIRM_LIMITS
      ? describeRunChart(sorted.map((p) => p.value))
      : null;
  const annotations = cycleAnnotations(cycles, points, measure.period);
  const variationText = describeVariation(hasLimits ? result.variation : null, direction);
  const assuranceText = describeAssurance(hasLimits ? result.assurance : null);

  return {
    pointCount: points.length,
    points,
    periods,
    hasLimits,
    provisionalNotes,
    variation: hasLimits ? result.variation : null,
    variationText,
    assurance: hasLimits ? result.assurance : null,
    assuranceText,
    signals,
    runChart: run,
    annotations,
    target: measure.target,
    summary: summarise(measure, points, periods, signals, variationText, assuranceText, run),
  };
}

/** Plain-English description of each special cause: shifts and trends as runs, outliers one by one. */
export function describeSignals(
  points: readonly ChartPointView[],
  direction: "increase" | "decrease" | "neither",
): string[] {
  const signals: string[] = [];
  const judge = (side: 1 | -1) =>
    direction === "neither"
      ? "neither improvement nor concern"
      : (side === 1) === (direction === "increase")
        ? "improvement"
        : "concern";

  const outside = points.filter((p) => p.rules.includes("outside-limits"));
  for (const p of outside) {
    const side = p.value > (p.mean ?? 0) ? 1 : -1;
    signals.push(
      `Outside the process limits: ${p.label} (${num(p.value)}, ${side === 1 ? "above the upper" : "below the lower"} limit, ${judge(side)}).`,
    );
  }
  for (const run of runsOf(points, "shift", (p) => (p.value > (p.mean ?? 0) ? 1 : -1))) {
    signals.push(
      `Shift: ${run.length} points in a row ${run.side === 1 ? "above" : "below"} the mean, ${run.first} to ${run.last} (${judge(run.side)}).`,
    );
  }
  const trendSide = (p: ChartPointView, i: number) => {
    const next = points[i + 1];
    const prev = points[i - 1];
    if (next && next.rules.includes("trend") && next.period === p.period) return next.value > p.value ? 1 : -1;
    return prev && prev.value < p.value ? 1 : -1;
  };
  for (const run of runsOf(points, "trend", trendSide)) {
    signals.push(
      `Trend: ${run.length} points in a row ${run.side === 1 ? "rising" : "falling"}, ${run.first} to ${run.last} (${judge(run.side)}).`,
    );
  }
  const close = points.filter((p) => p.rules.includes("two-of-three"));
  if (close.length > 0) {
    signals.push(
      `Close to a limit: ${close.length === 1 ? "1 point" : `${close.length} points`} in two-out-of-three patterns near a process limit (${close.map((p) => p.label).join(", ")}).`,
    );
  }
  return signals;
}

function runsOf(points: readonly ChartPointView[], rule: SpcRule, sideOf: (p: ChartPointView, i: number) => 1 | -1) {
  const runs: { length: number; first: string; last: string; side: 1 | -1 }[] = [];
  let current: { length: number; first: string; last: string; side: 1 | -1; period: number } | null = null;
  points.forEach((p, i) => {
    if (!p.rules.includes(rule)) {
      current = null;
      return;
    }
    const side = sideOf(p, i);
    if (current && current.side === side && current.period === p.period) {
      current.length++;
      current.last = p.label;
    } else {
      current = { length: 1, first: p.label, last: p.label, side, period: p.period };
      runs.push(current);
    }
  });
  return runs.map(({ length, first, last, side }) => ({ length, first, last, side }));
}

function describeRunChart(values: number[]): RunChartView {
  const r = runChart(values);
  const parts = [
    `Median ${num(r.median)}.`,
    `Longest run on one side of the median: ${r.longestRun} (unusual if more than ${r.longestRunLimit}).`,
    `Crossings of the median: ${r.crossings} (unusual if fewer than ${r.crossingsLimit}).`,
    r.signal ? "This is a signal of non-random variation." : "No signal of non-random variation.",
  ];
  return { ...r, text: parts.join(" ") };
}

/** Each PDSA cycle marks the first plotted period on or after the period its start date falls in. */
function cycleAnnotations(
  cycles: readonly ChartCycle[],
  points: readonly ChartPointView[],
  period: MeasurePeriod,
): ChartAnnotation[] {
  if (points.length === 0) return [];
  const first = points[0]!.key;
  const last = points[points.length - 1]!.key;
  const annotations: ChartAnnotation[] = [];
  for (const cycle of [...cycles].sort((a, b) => a.number - b.number)) {
    const key = periodKey(periodStartOf(cycle.startDate, period));
    if (key < first || key > last) continue;
    const point = points.find((p) => p.key >= key)!;
    annotations.push({
      key: point.key,
      label: point.label,
      number: cycle.number,
      title: cycle.title,
      decision: cycle.act ? PDSA_DECISION_OUTCOMES[cycle.act].toLowerCase() : "in progress",
    });
  }
  return annotations;
}

function summarise(
  measure: ChartMeasure,
  points: readonly ChartPointView[],
  periods: readonly ChartPeriodView[],
  signals: readonly string[],
  variationText: string,
  assuranceText: string,
  run: RunChartView | null,
): string {
  const unit = measure.unit ? ` (${measure.unit})` : "";
  if (points.length === 0) return `${measure.name}${unit}: no data yet.`;
  const cadence = PERIOD_LABELS[measure.period].adjective;
  const parts = [
    `XmR chart of ${measure.name}${unit}: ${points.length} ${cadence} ${points.length === 1 ? "point" : "points"} from ${points[0]!.label} to ${points[points.length - 1]!.label}.`,
  ];
  if (periods.every((p) => p.upper === null)) parts.push("Process limits need at least 2 points.");
  for (const p of periods) {
    if (p.upper === null) continue;
    const from =
      periods.length > 1 ? `From ${p.startLabel}${p.index > 0 ? " (limits recalculated)" : ""}: mean` : "Mean";
    parts.push(
      `${from} ${num(p.mean)}, process limits ${num(p.lower)} to ${num(p.upper)}${p.provisional ? " (provisional: fewer than 13 points)" : ""}.`,
    );
  }
  if (measure.target !== null) parts.push(`Target ${num(measure.target)}.`);
  const latest = points[points.length - 1]!;
  parts.push(`Latest value ${num(latest.value)} in ${latest.label}.`);
  if (periods.some((p) => p.upper !== null)) {
    parts.push(
      signals.length > 0
        ? `Special cause variation: ${signals.join(" ")}`
        : "No special cause variation: every point shows common cause variation.",
    );
    parts.push(`Variation: ${variationText}.`);
    if (measure.target !== null) parts.push(`Assurance: ${assuranceText}.`);
  }
  if (run) parts.push(`Run chart reading: ${run.text}`);
  return parts.join(" ");
}
