/**
 * What a measure's chart shows, computed on the server with lib/spc and handed to the chart
 * component as plain data: points with their limits and special causes, rebased periods, the
 * icons in words with what to do next (lib/measures/guidance.ts), PDSA and note annotations, the
 * baseline before the change work started, the x-axis ticks to draw, and a text alternative that
 * says what the chart shows. Pure.
 */
import type { ImprovementDirection, MeasurePeriod, PdsaDecision } from "@/lib/generated/prisma/enums";
import {
  MIN_POINTS_FOR_FIRM_LIMITS,
  SPC_COLOURS,
  attributeChartWithRebase,
  limitsAreProvisional,
  runChart,
  xmrChartWithRebase,
  type Assurance,
  type Direction,
  type SpcRule,
  type SpecialCause,
  type Variation,
} from "@/lib/spc";
import { rebaseIndices, spcDirection } from "./spc-status";
import { PERIOD_LABELS, formatPeriod, periodEndOf, periodKey, periodStartOf } from "./periods";
import {
  SIGNAL_NEXT_STEPS,
  assuranceGuidance,
  chartTypeGuidance,
  nextStep,
  rebaseSuggestionText,
  variationGuidance,
  type SignalJudgement,
} from "./guidance";
import { formatDate, formatDecimal, formatShortDate } from "@/lib/format";
import { PDSA_DECISION_OUTCOMES } from "@/lib/projects/status";
import { CHART_TYPE_NAMES, attributeSpec, type ChartType } from "./chart-types";

export type ChartMeasure = {
  name: string;
  unit: string;
  direction: ImprovementDirection;
  target: number | null;
  period: MeasurePeriod;
  screenOutlierMovingRanges: boolean;
  rebaseDates: Date[];
  /** The chart drawn (XmR when absent: the dashboards' and learning library's charts). */
  chartType?: ChartType;
  /** For P/U charts: values are numerator ÷ denominator × this (100 for a percentage). */
  rateMultiplier?: number;
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
  /** Before the change work started (the project's start date): the baseline period. */
  baseline: boolean;
  /** The number of this point's note on the chart (N1, N2…), or null without a note. */
  noteNumber: number | null;
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

/** A value's note, marked on its point as N1, N2… (in period order) and listed under the chart. */
export type ChartNoteAnnotation = { key: string; index: number; label: string; number: number; text: string };

/** The points before the project's start date: the baseline, shaded and labelled on the chart. */
export type ChartBaseline = {
  /** The baseline is points 0 to pointCount − 1. */
  pointCount: number;
  startKey: string;
  endKey: string;
  startLabel: string;
  endLabel: string;
  /** The project's start date, in words. */
  changeStarted: string;
  text: string;
};

/** The x-axis ticks to draw (every one of them: none is dropped for space), by point position. */
export type ChartAxisPlan = { indices: number[]; labels: string[]; step: number; stepText: string };

/** Suggests recalculating the limits while a sustained shift runs to the latest point. */
export type ChartRebaseSuggestion = { fromKey: string; fromLabel: string; text: string };

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
  /** The chart drawn: XmR, or P/U (P′/U′) with limits per point for a measure with a numerator and a denominator. */
  chartType: ChartType;
  /** "XmR chart", "P′ chart (Laney)"… */
  chartTypeName: string;
  /** True for P/U charts: each point has its own limits (ChartPointView.upper/lower), drawn as steps. */
  limitsVary: boolean;
  /** What "outside the limits" means on this chart type. */
  chartTypeText: string;
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
  /** Notes on values, as numbered annotations. */
  noteAnnotations: ChartNoteAnnotation[];
  baseline: ChartBaseline | null;
  /** Ticks for a phone-width chart and for a wider one; the data table lists every period. */
  axis: { narrow: ChartAxisPlan; wide: ChartAxisPlan };
  /** What the variation and assurance icons together mean and what to do next (null: no limits yet). */
  nextStep: string | null;
  rebaseSuggestion: ChartRebaseSuggestion | null;
};

/** The most tick labels drawn (angled) on a chart about 260 px wide (a 390 px phone) and on a wider one. */
export const AXIS_MAX_TICKS = { narrow: 11, wide: 24 } as const;

/** Extra facts about the project the chart belongs to. */
export type ChartContext = {
  /** When the change work started: points of periods that ended before it are the baseline. */
  projectStart?: Date | null;
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
  context: ChartContext = {},
): MeasureChartView {
  const sorted = [...input].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
  const direction = spcDirection(measure.direction);
  const spec = attributeSpec(measure.chartType);
  const chartType: ChartType = spec ? measure.chartType! : "XMR";
  const result = spec ? attributeSeries(measure, sorted, spec, direction) : xmrSeries(measure, sorted, direction);

  const periodOf = new Int32Array(sorted.length);
  result.periods.forEach((p, index) => periodOf.fill(index, p.start, p.end));
  const baselineCount = context.projectStart ? countBaseline(sorted, measure.period, context.projectStart) : 0;
  let notes = 0;
  const points: ChartPointView[] = sorted.map((p, i) => {
    const spc = result.points[i]!;
    return {
      id: p.id,
      key: periodKey(p.periodStart),
      label: formatPeriod(p.periodStart, measure.period),
      value: p.value,
      numerator: p.numerator,
      denominator: p.denominator,
      note: p.note,
      mean: spc.mean,
      upper: spc.upper,
      lower: spc.lower,
      period: periodOf[i]!,
      cause: spc.specialCause,
      causeLabel: CAUSE_LABELS[spc.specialCause ?? "common"],
      colour: causeColour(spc.specialCause),
      rules: spc.rules,
      baseline: i < baselineCount,
      noteNumber: p.note.trim() === "" ? null : ++notes,
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
          mean: p.mean,
          upper: p.upper,
          lower: p.lower,
          provisional: p.upper !== null && limitsAreProvisional(p),
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
  const rebaseSuggestion = suggestRebase(points, periods);
  const run =
    sorted.length >= 2 && sorted.length < MIN_POINTS_FOR_FIRM_LIMITS
      ? describeRunChart(sorted.map((p) => p.value))
      : null;
  const annotations = cycleAnnotations(cycles, points, measure.period);
  const variation = hasLimits ? result.variation : null;
  const assurance = hasLimits ? result.assurance : null;
  const variationText = variationGuidance(variation, direction);
  const assuranceText = assuranceGuidance(assurance);
  const noteAnnotations: ChartNoteAnnotation[] = points.flatMap((p, index) =>
    p.noteNumber === null ? [] : [{ key: p.key, index, label: p.label, number: p.noteNumber, text: p.note.trim() }],
  );
  const baseline = baselineOf(points, baselineCount, context.projectStart);

  return {
    chartType,
    chartTypeName: CHART_TYPE_NAMES[chartType],
    limitsVary: spec !== null,
    chartTypeText: chartTypeGuidance(chartType),
    pointCount: points.length,
    points,
    periods,
    hasLimits,
    provisionalNotes,
    variation,
    variationText,
    assurance,
    assuranceText,
    signals,
    runChart: run,
    annotations,
    target: measure.target,
    summary: summarise(
      measure,
      CHART_TYPE_NAMES[chartType],
      spec !== null,
      points,
      periods,
      signals,
      variationText,
      assuranceText,
      run,
      baseline,
      noteAnnotations,
    ),
    noteAnnotations,
    baseline,
    axis: {
      narrow: chooseTicks(
        sorted.map((p) => p.periodStart),
        measure.period,
        AXIS_MAX_TICKS.narrow,
      ),
      wide: chooseTicks(
        sorted.map((p) => p.periodStart),
        measure.period,
        AXIS_MAX_TICKS.wide,
      ),
    },
    nextStep: nextStep(variation, assurance),
    rebaseSuggestion,
  };
}

/** One point's mean (centre), limits and special cause, whichever chart computed them. */
type SeriesPoint = {
  mean: number | null;
  upper: number | null;
  lower: number | null;
  rules: SpcRule[];
  specialCause: SpecialCause | null;
};
/** A period's centre and, for XmR, its limits; for P/U the outermost limits of its points (for the axis). */
type SeriesPeriod = {
  start: number;
  end: number;
  mean: number | null;
  upper: number | null;
  lower: number | null;
  pointsUsedForLimits: number;
};
type Series = {
  periods: SeriesPeriod[];
  points: SeriesPoint[];
  variation: Variation | null;
  assurance: Assurance | null;
};

function xmrSeries(measure: ChartMeasure, sorted: readonly ChartInputPoint[], direction: Direction): Series {
  const result = xmrChartWithRebase(
    sorted.map((p) => p.value),
    rebaseIndices(sorted, measure.rebaseDates),
    {
      improvement: direction,
      target: measure.target ?? undefined,
      screenOutlierMovingRanges: measure.screenOutlierMovingRanges,
    },
  );
  const periods = result.periods.map((p) => ({
    start: p.start,
    end: p.end,
    mean: p.result.mean,
    upper: p.result.upperLimit,
    lower: p.result.lowerLimit,
    pointsUsedForLimits: p.result.pointsUsedForLimits,
  }));
  const points: SeriesPoint[] = [];
  for (const period of periods)
    for (let i = period.start; i < period.end; i++) {
      const spc = result.points[i]!;
      points.push({
        mean: period.mean,
        upper: period.upper,
        lower: period.lower,
        rules: spc.rules,
        specialCause: spc.specialCause,
      });
    }
  return { periods, points, variation: result.variation, assurance: result.assurance };
}

/**
 * P/U (P′/U′) charts from each point's numerator and denominator, in the measure's units: value,
 * centre and limits are proportions or rates per unit times the rate multiplier (the target is
 * compared in the same units). A point without both parts is missing.
 */
function attributeSeries(
  measure: ChartMeasure,
  sorted: readonly ChartInputPoint[],
  spec: { kind: "p" | "u"; laney: boolean },
  direction: Direction,
): Series {
  const scale = measure.rateMultiplier && measure.rateMultiplier > 0 ? measure.rateMultiplier : 1;
  const result = attributeChartWithRebase(
    spec.kind,
    sorted.map((p) => p.numerator ?? Number.NaN),
    sorted.map((p) => p.denominator ?? Number.NaN),
    rebaseIndices(sorted, measure.rebaseDates),
    {
      laney: spec.laney,
      screenOutlierMovingRanges: measure.screenOutlierMovingRanges,
      improvement: direction,
      target: measure.target === null ? undefined : measure.target / scale,
    },
  );
  const scaled = (n: number | null) => (n === null ? null : n * scale);
  const points: SeriesPoint[] = result.points.map((p) => ({
    mean: scaled(p.centre),
    upper: scaled(p.upperLimit),
    lower: scaled(p.lowerLimit),
    rules: p.rules,
    specialCause: p.specialCause,
  }));
  const periods = result.periods.map((p) => {
    const own = points.slice(p.start, p.end);
    const uppers = own.flatMap((q) => (q.upper === null ? [] : [q.upper]));
    const lowers = own.flatMap((q) => (q.lower === null ? [] : [q.lower]));
    return {
      start: p.start,
      end: p.end,
      mean: scaled(p.centre),
      upper: uppers.length > 0 ? Math.max(...uppers) : null,
      lower: lowers.length > 0 ? Math.min(...lowers) : null,
      pointsUsedForLimits: p.pointsUsedForLimits,
    };
  });
  return { periods, points, variation: result.variation, assurance: result.assurance };
}

/** Points (in period order) whose period ended before the day the change work started. */
function countBaseline(sorted: readonly ChartInputPoint[], period: MeasurePeriod, projectStart: Date): number {
  const day = Date.UTC(projectStart.getUTCFullYear(), projectStart.getUTCMonth(), projectStart.getUTCDate());
  let count = 0;
  while (count < sorted.length && periodEndOf(sorted[count]!.periodStart, period).getTime() < day) count++;
  return count;
}

function baselineOf(
  points: readonly ChartPointView[],
  count: number,
  projectStart: Date | null | undefined,
): ChartBaseline | null {
  if (count === 0 || !projectStart) return null;
  const first = points[0]!;
  const last = points[count - 1]!;
  // Midday, so that the UK date of a date-only value is the date itself.
  const changeStarted = formatDate(
    new Date(Date.UTC(projectStart.getUTCFullYear(), projectStart.getUTCMonth(), projectStart.getUTCDate(), 12)),
  );
  const span = count === 1 ? first.label : `${first.label} to ${last.label}`;
  return {
    pointCount: count,
    startKey: first.key,
    endKey: last.key,
    startLabel: first.label,
    endLabel: last.label,
    changeStarted,
    text: `Baseline: ${span} (${count === 1 ? "1 point" : `${count} points`}), before the change work started on ${changeStarted}.`,
  };
}

const STEPS: Record<MeasurePeriod, number[]> = {
  // Months: steps that divide a year, so that every January is a tick; then whole years.
  MONTH: [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600],
  WEEK: [1, 2, 4, 13, 26, 52, 104, 260, 520],
  DAY: [1, 2, 7, 14, 28, 91, 182, 364, 728, 1820, 3640],
};
const DAY_MS = 86_400_000;
/** 5 January 1970 was a Monday: weeks (and 7-day steps) are counted from it. */
const MONDAY = Date.UTC(1970, 0, 5);

/** Which calendar step a period falls in: months since year 0, or days/weeks since a Monday. */
function anchor(start: Date, period: MeasurePeriod): number {
  if (period === "MONTH") return start.getUTCFullYear() * 12 + start.getUTCMonth();
  const days = Math.round((start.getTime() - MONDAY) / DAY_MS);
  return period === "WEEK" ? Math.floor(days / 7) : days;
}

const STEP_NOUNS: Record<MeasurePeriod, string> = { MONTH: "month", WEEK: "week", DAY: "day" };

/**
 * The x-axis ticks: the first point of each calendar step (every nth month, week or day, on round
 * calendar boundaries, so a January is a tick whenever the step divides a year), with the smallest
 * step that gives at most `maxTicks` ticks. Labels are short ("Mar") and carry the year on the first
 * tick and wherever the year changes ("Jan 2025"). The chart draws every one (interval 0).
 */
export function chooseTicks(starts: readonly Date[], period: MeasurePeriod, maxTicks: number): ChartAxisPlan {
  const anchors = starts.map((d) => anchor(d, period));
  const steps = STEPS[period];
  // Gaps in the data can bring two calendar steps' first points side by side: keep ticks at least
  // the average spacing apart.
  const minGap = Math.ceil(starts.length / maxTicks);
  let firsts: number[] = [];
  let step = steps[steps.length - 1]!;
  for (const candidate of steps) {
    firsts = firstOfEachStep(anchors, candidate);
    step = candidate;
    if (firsts.length <= maxTicks) break;
  }
  const indices: number[] = [];
  const onBoundary = (index: number) => anchors[index]! % step === 0;
  for (const index of firsts) {
    const last = indices[indices.length - 1];
    if (last === undefined || index - last >= minGap) indices.push(index);
    // Too close: keep the one on a calendar boundary (a January rather than a partial first step).
    else if (!onBoundary(last) && onBoundary(index)) indices[indices.length - 1] = index;
  }
  let year: number | null = null;
  const labels = indices.map((i) => {
    const d = starts[i]!;
    const withYear = d.getUTCFullYear() !== year;
    year = d.getUTCFullYear();
    return tickLabel(d, period, withYear);
  });
  const noun = STEP_NOUNS[period];
  const stepText = step === 1 ? `every ${noun}` : `every ${ordinal(step)} ${noun}`;
  return { indices, labels, step, stepText };
}

function firstOfEachStep(anchors: readonly number[], step: number): number[] {
  const indices: number[] = [];
  let bucket: number | null = null;
  anchors.forEach((a, i) => {
    const b = Math.floor(a / step);
    if (b !== bucket) indices.push(i);
    bucket = b;
  });
  return indices;
}

function tickLabel(start: Date, period: MeasurePeriod, withYear: boolean): string {
  const full =
    period === "MONTH" ? formatPeriod(start, period) : formatShortDate(new Date(start.getTime() + 12 * 3_600_000));
  // "Mar 2024" / "4 Mar 2024": the year only where it changes.
  return withYear ? full : full.slice(0, full.lastIndexOf(" "));
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/**
 * While a shift in the latest limits' period runs to the latest point and began after the period's
 * first point, suggest recalculating the limits from where it began (Making Data Count: rebase after
 * a sustained, explained change). Computed from the data as it is, so it never outlives an undo.
 */
function suggestRebase(
  points: readonly ChartPointView[],
  periods: readonly ChartPeriodView[],
): ChartRebaseSuggestion | null {
  const last = points.length - 1;
  if (last < 0 || !points[last]!.rules.includes("shift")) return null;
  const period = points[last]!.period;
  const side = points[last]!.value > (points[last]!.mean ?? 0);
  let first = last;
  while (
    first > 0 &&
    points[first - 1]!.period === period &&
    points[first - 1]!.rules.includes("shift") &&
    points[first - 1]!.value > (points[first - 1]!.mean ?? 0) === side
  )
    first--;
  const periodStart = periods[period]?.startKey;
  if (points[first]!.key === periodStart) return null;
  const from = points[first]!;
  return {
    fromKey: from.key,
    fromLabel: from.label,
    text: rebaseSuggestionText({ length: last - first + 1, side: side ? "above" : "below", first: from.label }),
  };
}

/** Plain-English description of each special cause: shifts and trends as runs, outliers one by one. */
export function describeSignals(
  points: readonly ChartPointView[],
  direction: "increase" | "decrease" | "neither",
): string[] {
  const signals: string[] = [];
  const judge = (side: 1 | -1): SignalJudgement =>
    direction === "neither"
      ? "neither improvement nor concern"
      : (side === 1) === (direction === "increase")
        ? "improvement"
        : "concern";

  const outside = points.filter((p) => p.rules.includes("outside-limits"));
  for (const p of outside) {
    const side = p.value > (p.mean ?? 0) ? 1 : -1;
    signals.push(
      `Outside the process limits: ${p.label} (${num(p.value)}, ${side === 1 ? "above the upper" : "below the lower"} limit, ${judge(side)}). ${SIGNAL_NEXT_STEPS.outside(judge(side))}`,
    );
  }
  for (const run of runsOf(points, "shift", (p) => (p.value > (p.mean ?? 0) ? 1 : -1))) {
    signals.push(
      `Shift: ${run.length} points in a row ${run.side === 1 ? "above" : "below"} the mean, ${run.first} to ${run.last} (${judge(run.side)}). ${SIGNAL_NEXT_STEPS.shift(judge(run.side), run.first)}`,
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
      `Trend: ${run.length} points in a row ${run.side === 1 ? "rising" : "falling"}, ${run.first} to ${run.last} (${judge(run.side)}). ${SIGNAL_NEXT_STEPS.trend(judge(run.side))}`,
    );
  }
  const close = points.filter((p) => p.rules.includes("two-of-three"));
  if (close.length > 0) {
    signals.push(
      `Close to a limit: ${close.length === 1 ? "1 point" : `${close.length} points`} in two-out-of-three patterns near a process limit (${close.map((p) => p.label).join(", ")}). ${SIGNAL_NEXT_STEPS.close}`,
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
  chartName: string,
  limitsVary: boolean,
  points: readonly ChartPointView[],
  periods: readonly ChartPeriodView[],
  signals: readonly string[],
  variationText: string,
  assuranceText: string,
  run: RunChartView | null,
  baseline: ChartBaseline | null,
  notes: readonly ChartNoteAnnotation[],
): string {
  const unit = measure.unit ? ` (${measure.unit})` : "";
  if (points.length === 0) return `${measure.name}${unit}: no data yet.`;
  const cadence = PERIOD_LABELS[measure.period].adjective;
  const parts = [
    `${chartName} of ${measure.name}${unit}: ${points.length} ${cadence} ${points.length === 1 ? "point" : "points"} from ${points[0]!.label} to ${points[points.length - 1]!.label}.`,
  ];
  if (baseline) parts.push(baseline.text);
  if (periods.every((p) => p.upper === null)) parts.push("Process limits need at least 2 points.");
  for (const p of periods) {
    if (p.upper === null) continue;
    const from =
      periods.length > 1 ? `From ${p.startLabel}${p.index > 0 ? " (limits recalculated)" : ""}: mean` : "Mean";
    const provisional = p.provisional ? " (provisional: fewer than 13 points)" : "";
    if (limitsVary) {
      const own = points.filter((q) => q.period === p.index && q.upper !== null && q.lower !== null);
      const span = (values: number[]) => {
        const low = Math.min(...values);
        const high = Math.max(...values);
        return low === high ? num(low) : `${num(low)} to ${num(high)}`;
      };
      parts.push(
        `${from} ${num(p.mean)}, process limits for each period from its denominator: lower ${span(own.map((q) => q.lower!))}, upper ${span(own.map((q) => q.upper!))}${provisional}.`,
      );
    } else parts.push(`${from} ${num(p.mean)}, process limits ${num(p.lower)} to ${num(p.upper)}${provisional}.`);
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
    parts.push(`Variation: ${variationText}`);
    if (measure.target !== null) parts.push(`Assurance: ${assuranceText}`);
  }
  if (run) parts.push(`Run chart reading: ${run.text}`);
  if (notes.length > 0)
    parts.push(
      `${notes.length === 1 ? "1 value has a note" : `${notes.length} values have notes`}, listed below the chart.`,
    );
  return parts.join(" ");
}
