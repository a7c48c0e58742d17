/**
 * P and U charts (with Laney's P′/U′ correction) for measures with a numerator and a denominator, as
 * qicharts2 computes them (DOMAIN.md, "P and U charts over time"):
 *
 *  - centre = Σy ÷ Σn;
 *  - P: σᵢ = √(centre·(1 − centre) ÷ nᵢ); U: σᵢ = √(centre ÷ nᵢ) (nᵢ the exposure);
 *  - Laney: zᵢ = (yᵢ/nᵢ − centre) ÷ σᵢ; over time σz = mean moving range of z ÷ 1.128 (screened like
 *    an XmR chart's moving ranges when asked); across categories σz = the sample SD of z; σᵢ × σz;
 *  - limits centre ± 3σᵢ, the lower clipped at 0 and a proportion's upper at 1; a point is outside
 *    when strictly beyond a limit.
 *
 * Values are numerator ÷ denominator (a proportion, or a rate per unit of exposure): a chart showing a
 * percentage or a rate per 1,000 multiplies value, centre and limits by the same factor, which gives
 * exactly the chart of the scaled data (U limits scale linearly with the exposure's unit).
 *
 * A point whose denominator is not a positive number, or whose numerator is not a number, is missing:
 * it adds nothing to the sums, breaks the moving ranges of z (gaps are not bridged, as in the XmR
 * chart and as R's diff() with NA), and its value and limits are NaN (never outside). Pure.
 */
import type { Direction, SpcRule, SpecialCause, Variation, Assurance, XmrPoint } from "./types";
import { MR_SCREEN_FACTOR, RUN_LENGTH } from "./xmr";

/** d2 for moving ranges of two: σ = mean moving range ÷ 1.128. */
export const D2 = 1.128;
/** Limits are three sigmas from the centre. */
export const SIGMA_LIMITS = 3;

export type AttributeChartOptions = {
  /** Laney's correction (P′ / U′): scale each σᵢ by σz, the spread of the z-scores. */
  laney?: boolean;
  /** Over time only: drop moving ranges of z at or above 3.267 × their mean and take the mean again. */
  screenOutlierMovingRanges?: boolean;
  /** One point per unit (e.g. collaborative), not over time: σz is the sample standard deviation of z. */
  categories?: boolean;
};

export type AttributeChartPoint = { value: number; upperLimit: number; lowerLimit: number; outside: boolean };
export type AttributeChartResult = { centre: number; points: AttributeChartPoint[] };
export type AttributeKind = "p" | "u";

type Usable = { y: number; n: number } | null;

function usable(y: unknown, n: unknown): Usable {
  if (typeof y !== "number" || !Number.isFinite(y)) return null;
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) return null;
  return { y, n };
}

function prepare(numerators: readonly number[], denominators: readonly number[]): Usable[] {
  const ys = Array.isArray(numerators) ? numerators : [];
  const ns = Array.isArray(denominators) ? denominators : [];
  return Array.from({ length: Math.max(ys.length, ns.length) }, (_, i) => usable(ys[i], ns[i]));
}

function centreOf(points: readonly Usable[]): number {
  let y = 0;
  let n = 0;
  for (const p of points) {
    if (!p) continue;
    y += p.y;
    n += p.n;
  }
  return n > 0 ? y / n : Number.NaN;
}

function sigmaOf(kind: AttributeKind, centre: number, n: number): number {
  return Math.sqrt((kind === "p" ? centre * (1 - centre) : centre) / n);
}

/**
 * Laney's σz for these points: the spread of the z-scores about the centre. NaN when it cannot be
 * estimated (fewer than two usable z-scores, or no moving range between neighbours over time).
 */
export function laneySigmaZ(
  kind: AttributeKind,
  numerators: readonly number[],
  denominators: readonly number[],
  options: Pick<AttributeChartOptions, "screenOutlierMovingRanges" | "categories"> = {},
): number {
  const points = prepare(numerators, denominators);
  const centre = centreOf(points);
  // A z-score needs a positive σᵢ (a centre of 0, or of 1 for a proportion, gives none).
  const z = points.map((p) => {
    if (!p) return Number.NaN;
    const sigma = sigmaOf(kind, centre, p.n);
    return sigma > 0 && Number.isFinite(sigma) ? (p.y / p.n - centre) / sigma : Number.NaN;
  });
  if (options?.categories) {
    const present = z.filter((v) => Number.isFinite(v));
    if (present.length < 2) return Number.NaN;
    const mean = present.reduce((s, v) => s + v, 0) / present.length;
    const ss = present.reduce((s, v) => s + (v - mean) ** 2, 0);
    return Math.sqrt(ss / (present.length - 1));
  }
  // Moving ranges between consecutive positions only: a missing z is a gap, not bridged.
  const ranges: number[] = [];
  for (let i = 1; i < z.length; i++) {
    const range = Math.abs(z[i]! - z[i - 1]!);
    if (Number.isFinite(range)) ranges.push(range);
  }
  if (ranges.length === 0) return Number.NaN;
  let mean = ranges.reduce((s, v) => s + v, 0) / ranges.length;
  if (options?.screenOutlierMovingRanges && mean > 0) {
    const kept = ranges.filter((r) => r < MR_SCREEN_FACTOR * mean);
    // Never empty: some range is at most the mean, which is below 3.267 × a positive mean.
    mean = kept.reduce((s, v) => s + v, 0) / kept.length;
  }
  return mean / D2;
}

function attributeChart(
  kind: AttributeKind,
  numerators: readonly number[],
  denominators: readonly number[],
  options: AttributeChartOptions = {},
): AttributeChartResult {
  const points = prepare(numerators, denominators);
  const centre = centreOf(points);
  const sigmaZ = options?.laney ? laneySigmaZ(kind, numerators, denominators, options) : 1;
  return {
    centre,
    points: points.map((p) => {
      if (!p) return { value: Number.NaN, upperLimit: Number.NaN, lowerLimit: Number.NaN, outside: false };
      const value = p.y / p.n;
      const sigma = sigmaOf(kind, centre, p.n) * sigmaZ;
      let upperLimit = centre + SIGMA_LIMITS * sigma;
      let lowerLimit = centre - SIGMA_LIMITS * sigma;
      if (lowerLimit < 0) lowerLimit = 0;
      if (kind === "p" && upperLimit > 1) upperLimit = 1;
      return { value, upperLimit, lowerLimit, outside: value > upperLimit || value < lowerLimit };
    }),
  };
}

/** P chart (proportions: yᵢ of nᵢ); P′ with `laney`. */
export function pChart(
  numerators: number[],
  denominators: number[],
  options?: { laney?: boolean; screenOutlierMovingRanges?: boolean; categories?: boolean },
): { centre: number; points: { value: number; upperLimit: number; lowerLimit: number; outside: boolean }[] } {
  return attributeChart("p", numerators, denominators, options);
}

/** U chart (rates: yᵢ events in nᵢ units of exposure); U′ with `laney`. */
export function uChart(
  numerators: number[],
  denominators: number[],
  options?: { laney?: boolean; screenOutlierMovingRanges?: boolean; categories?: boolean },
): { centre: number; points: { value: number; upperLimit: number; lowerLimit: number; outside: boolean }[] } {
  return attributeChart("u", numerators, denominators, options);
}

/** One point of a P/U chart over time, with its own limits and the special-cause rules that apply. */
export type AttributePoint = XmrPoint & { centre: number | null; upperLimit: number | null; lowerLimit: number | null };

export type AttributePeriod = {
  start: number;
  end: number;
  centre: number | null;
  /** Points with a usable numerator and denominator in the period. */
  pointsUsedForLimits: number;
};

export type AttributeRebaseResult = {
  periods: AttributePeriod[];
  points: AttributePoint[];
  variation: Variation | null;
  assurance: Assurance | null;
};

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

function causeFor(side: 1 | -1, improvement: Direction): SpecialCause {
  if (improvement === "increase") return side === 1 ? "improvement" : "concern";
  if (improvement === "decrease") return side === -1 ? "improvement" : "concern";
  return side === 1 ? "neither-high" : "neither-low";
}

function variationOf(cause: SpecialCause | null, improvement: Direction): Variation {
  if (cause === null) return "common-cause";
  if (cause === "neither-high" || cause === "neither-low") return cause;
  if (cause === "improvement") return improvement === "decrease" ? "improvement-low" : "improvement-high";
  return improvement === "decrease" ? "concern-high" : "concern-low";
}

/**
 * A P/U chart over time for the portal's measure charts: each period between rebase points gets its
 * own centre and per-point limits, and the Making Data Count rules that do not depend on a constant
 * limit are applied within each period: outside the limits (per point), shift (7 or more points on one
 * side of the centre) and trend (7 points each higher, or each lower, than the one before). The
 * two-of-three rule needs a "close to a limit" band, which DOMAIN.md defines only for XmR charts, so it
 * is not applied. Precedence outside > trend > shift decides a point's side, as in the XmR chart.
 * The assurance icon compares the target with the latest point's limits.
 */
export function attributeChartWithRebase(
  kind: AttributeKind,
  numerators: readonly number[],
  denominators: readonly number[],
  rebaseIndices: readonly number[] = [],
  options: AttributeChartOptions & { improvement?: Direction; target?: number } = {},
): AttributeRebaseResult {
  const n = Math.max(numerators.length, denominators.length);
  const improvement: Direction =
    options.improvement === "increase" || options.improvement === "decrease" ? options.improvement : "neither";
  const cuts = [...new Set(rebaseIndices.filter((i) => Number.isInteger(i) && i > 0 && i < n))].sort((a, b) => a - b);
  const bounds = [0, ...cuts, n];
  const periods: AttributePeriod[] = [];
  const points: AttributePoint[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]!;
    const end = bounds[k + 1]!;
    const ys = numerators.slice(start, end);
    const ns = denominators.slice(start, end);
    const chart = attributeChart(kind, [...ys], [...ns], { ...options, categories: false });
    const used = prepare(ys, ns).filter(Boolean).length;
    periods.push({ start, end, centre: finite(chart.centre), pointsUsedForLimits: used });
    points.push(...periodPoints(chart, improvement));
  }
  let last = points.length - 1;
  while (last >= 0 && points[last]!.value === null) last--;
  const latest = last >= 0 ? points[last]! : null;
  const target = typeof options.target === "number" && Number.isFinite(options.target) ? options.target : null;
  let assurance: Assurance | null = null;
  if (
    latest &&
    target !== null &&
    improvement !== "neither" &&
    latest.upperLimit !== null &&
    latest.lowerLimit !== null
  ) {
    if (target > latest.upperLimit)
      assurance = improvement === "increase" ? "consistently-fails" : "consistently-meets";
    else if (target < latest.lowerLimit)
      assurance = improvement === "increase" ? "consistently-meets" : "consistently-fails";
    else assurance = "inconsistent";
  }
  return {
    periods,
    points,
    variation: latest && latest.upperLimit !== null ? variationOf(latest.specialCause, improvement) : null,
    assurance,
  };
}

function periodPoints(chart: AttributeChartResult, improvement: Direction): AttributePoint[] {
  const centre = finite(chart.centre);
  const values = chart.points.map((p) => finite(p.value));
  const count = values.length;
  const side = values.map((v) => (v === null || centre === null ? 0 : v > centre ? 1 : v < centre ? -1 : 0));
  const shift = new Uint8Array(count);
  for (let start = 0; start < count;) {
    const s = side[start]!;
    let end = start + 1;
    if (s !== 0) while (end < count && side[end] === s) end++;
    if (s !== 0 && end - start >= RUN_LENGTH) shift.fill(1, start, end);
    start = end;
  }
  const step = values.map((v, i) => {
    const prev = values[i - 1];
    return i === 0 || v === null || prev === null || prev === undefined ? 0 : v > prev ? 1 : v < prev ? -1 : 0;
  });
  const trend = new Int8Array(count);
  for (let i = 1; i < count;) {
    const s = step[i]!;
    let j = i + 1;
    if (s !== 0) while (j < count && step[j] === s) j++;
    if (s !== 0 && j - i >= RUN_LENGTH - 1) for (let k = i - 1; k < j; k++) if (trend[k] === 0) trend[k] = s;
    i = j;
  }
  return chart.points.map((p, i) => {
    const upperLimit = finite(p.upperLimit);
    const lowerLimit = finite(p.lowerLimit);
    const rules: SpcRule[] = [];
    const hasLimits = upperLimit !== null && lowerLimit !== null;
    if (hasLimits && p.outside) rules.push("outside-limits");
    if (hasLimits && shift[i]) rules.push("shift");
    if (hasLimits && trend[i] !== 0) rules.push("trend");
    const s = rules.length === 0 ? 0 : p.outside ? side[i]! : trend[i] !== 0 ? trend[i]! : side[i]!;
    return {
      value: values[i]!,
      movingRange: null,
      rules,
      specialCause: s === 0 ? null : causeFor(s > 0 ? 1 : -1, improvement),
      centre,
      upperLimit,
      lowerLimit,
    };
  });
}
