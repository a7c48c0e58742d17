/**
 * XmR (individuals / moving range) chart maths, following NHS England's "Making Data Count"
 * and the semantics of the NHSRplotthedots R package, with the deviations agreed for this project:
 *
 *  - a trend takes its side from its direction (not from the side of the mean);
 *  - gaps (missing values) are never bridged: they break moving ranges, runs and windows;
 *  - when several rules flag a point, outside-limits > trend > two-of-three > shift decides its side.
 *
 * Everything here is O(n): for 100,000 points the maths takes about 5 ms; building the 100,000
 * result objects takes a few ms more (more when the garbage collector runs).
 */
import type { Assurance, Direction, SpcRule, SpecialCause, Variation, XmrOptions, XmrPoint, XmrResult } from "./types";

/** Process limits sit 2.66 mean moving ranges from the mean (3 sigma, as 2.66 = 3 / d2 with d2 = 1.128). */
export const LIMIT_FACTOR = 2.66;
/** The "close to the limits" band for the two-of-three rule: two thirds of the way to the limits. */
export const CLOSE_FACTOR = (2 / 3) * 2.66;
/** Upper limit of the moving-range chart (D4 = 3.267): moving ranges at or above it are screened out. */
export const MR_SCREEN_FACTOR = 3.267;
/** Runs of this many points make a shift or a trend. */
export const RUN_LENGTH = 7;
/** Fewer non-missing points than this used for the limits make them provisional. */
export const MIN_POINTS_FOR_FIRM_LIMITS = 13;

/** Order in which rules are listed in `XmrPoint.rules`. */
export const SPC_RULE_ORDER: readonly SpcRule[] = ["outside-limits", "shift", "trend", "two-of-three"];

/** Non-finite numbers (NaN, ±Infinity) and non-numbers are missing values. */
function clean(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Resolve `baselinePoints` to a count of leading positions (see XmrOptions for the rules). */
function baselineLength(baselinePoints: number | undefined, length: number): number {
  if (typeof baselinePoints !== "number" || !Number.isFinite(baselinePoints)) return length;
  const n = Math.floor(baselinePoints);
  if (n < 1) return length;
  return Math.min(n, length);
}

/** Map a side (+1 high / increasing, −1 low / decreasing) to a special cause for the direction. */
function specialCauseFor(side: 1 | -1, improvement: Direction): SpecialCause {
  if (improvement === "increase") return side === 1 ? "improvement" : "concern";
  if (improvement === "decrease") return side === -1 ? "improvement" : "concern";
  return side === 1 ? "neither-high" : "neither-low";
}

/** The variation icon for a point's special cause, given the improvement direction. */
function variationFor(cause: SpecialCause | null, improvement: Direction): Variation {
  switch (cause) {
    case null:
      return "common-cause";
    case "neither-high":
      return "neither-high";
    case "neither-low":
      return "neither-low";
    case "improvement":
      // Improvement when higher is better means the measure went up; when lower is better, down.
      return improvement === "decrease" ? "improvement-low" : "improvement-high";
    case "concern":
      return improvement === "decrease" ? "concern-high" : "concern-low";
  }
}

function assuranceFor(
  target: number | undefined,
  improvement: Direction,
  upper: number | null,
  lower: number | null,
): Assurance | null {
  const t = clean(target);
  if (t === null || improvement === "neither" || upper === null || lower === null) return null;
  // A target beyond the limits is (almost) never / always reached by random variation alone.
  // A target exactly on a limit can still be hit, so it counts as inconsistent.
  if (t > upper) return improvement === "increase" ? "consistently-fails" : "consistently-meets";
  if (t < lower) return improvement === "increase" ? "consistently-meets" : "consistently-fails";
  return "inconsistent";
}

/**
 * Compute an XmR chart: mean, mean moving range, process limits, the special-cause rules for
 * every point, and the variation and assurance icons. Never throws.
 */
export function xmrChart(values: (number | null)[], options: XmrOptions = {}): XmrResult {
  options = options ?? {}; // a null from untyped callers must not throw
  // Anything but "increase" / "decrease" (including unknown strings) means no direction.
  const improvement: Direction =
    options.improvement === "increase" || options.improvement === "decrease" ? options.improvement : "neither";
  const input: readonly unknown[] = Array.isArray(values) ? values : [];
  const n = input.length;

  // Typed arrays keep this O(n) pass fast (a few ms for 100,000 points). Missing values are NaN in
  // `x`, with `has` marking the present ones; moving ranges next to a gap are NaN too.
  const x = new Float64Array(n);
  const has = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = clean(input[i]);
    if (v === null) x[i] = Number.NaN;
    else {
      x[i] = v;
      has[i] = 1;
    }
  }
  // Moving ranges between consecutive positions only: a gap is not bridged.
  const mr = new Float64Array(n);
  mr[0] = Number.NaN;
  for (let i = 1; i < n; i++) mr[i] = has[i] && has[i - 1] ? Math.abs(x[i] - x[i - 1]) : Number.NaN;

  // Mean and mean moving range from the baseline (positions 0..base-1).
  // The mean is accumulated relative to the first baseline value: a naive sum / count of identical
  // values is not always that value (0.1 + 0.1 + 0.1 = 0.30000000000000004), which would put a
  // constant series on one side of its own mean. Relative sums are exact then, and more accurate otherwise.
  const base = baselineLength(options.baselinePoints, n);
  let anchor: number | null = null;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < base; i++) {
    if (!has[i]) continue;
    if (anchor === null) anchor = x[i];
    sum += x[i] - anchor;
    count++;
  }
  const mean = anchor !== null ? anchor + sum / count : null;

  // A moving range belongs to the baseline only when both of its points do (i <= base - 1).
  let mrSum = 0;
  let mrCount = 0;
  for (let i = 1; i < base; i++) {
    if (mr[i] === mr[i]) {
      // (not NaN)
      mrSum += mr[i];
      mrCount++;
    }
  }
  let movingRangeMean = mrCount > 0 ? mrSum / mrCount : null;

  // Screening: keep moving ranges strictly below 3.267 × mean MR, recompute once. When the mean MR
  // is 0 every MR is 0 and nothing is an outlier (screening would otherwise drop them all).
  if (options.screenOutlierMovingRanges && movingRangeMean !== null && movingRangeMean > 0) {
    const cut = MR_SCREEN_FACTOR * movingRangeMean;
    let s = 0;
    let c = 0;
    for (let i = 1; i < base; i++) {
      if (mr[i] < cut) {
        // NaN < cut is false: gaps are skipped
        s += mr[i];
        c++;
      }
    }
    // c > 0 always: at least one MR is <= the mean, which is < 3.267 × a positive mean.
    movingRangeMean = c > 0 ? s / c : movingRangeMean;
  }

  const mrMean = movingRangeMean; // const, so the null checks below narrow it
  const upperLimit = mean !== null && mrMean !== null ? mean + LIMIT_FACTOR * mrMean : null;
  const lowerLimit = mean !== null && mrMean !== null ? mean - LIMIT_FACTOR * mrMean : null;

  const points: XmrPoint[] = new Array(n);
  const result: XmrResult = {
    mean,
    movingRangeMean: mrMean,
    upperLimit,
    lowerLimit,
    points,
    variation: null,
    assurance: null,
    pointsUsedForLimits: count,
  };
  const pointAt = (i: number): XmrPoint => ({
    // The caller's own number (same value as x[i]): reusing it saves boxing a new one per point,
    // which matters because building 100,000 result objects costs more than all the maths.
    value: has[i] ? (input[i] as number) : null,
    movingRange: mr[i] === mr[i] ? mr[i] : null,
    rules: [],
    specialCause: null,
  });

  // Without limits (0 or 1 usable point, or no moving range) there is nothing to judge against.
  if (mean === null || mrMean === null || upperLimit === null || lowerLimit === null) {
    for (let i = 0; i < n; i++) points[i] = pointAt(i);
    return result;
  }

  const closeHigh = mean + CLOSE_FACTOR * mrMean;
  const closeLow = mean - CLOSE_FACTOR * mrMean;

  // Per point: side of the mean (+1 / −1 / 0 on the mean or missing), outside, close.
  const side = new Int8Array(n);
  const outside = new Uint8Array(n);
  const close = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!has[i]) continue;
    const v = x[i];
    side[i] = v > mean ? 1 : v < mean ? -1 : 0;
    if (v > upperLimit || v < lowerLimit) outside[i] = 1;
    else if (v > closeHigh || v < closeLow) close[i] = 1; // includes a point exactly on a limit
  }

  // Shift: maximal runs of consecutive positions strictly on the same side (0 = on mean/missing breaks).
  const shift = new Uint8Array(n);
  for (let start = 0; start < n;) {
    const s = side[start];
    let end = start + 1;
    if (s !== 0) while (end < n && side[end] === s) end++;
    if (s !== 0 && end - start >= RUN_LENGTH) shift.fill(1, start, end);
    start = end;
  }

  // Trend: maximal runs of same-sign steps between consecutive present values; 6 steps = 7 points.
  // step[i] is the sign of x[i] − x[i−1] (0 for equal neighbours or a gap: both break a trend).
  // trendDir[i] is the direction of the trend the point belongs to. A turning point shared by a
  // rising and a falling trend keeps the direction of the trend it ends (a peak is high, a trough low).
  const step = new Int8Array(n);
  for (let i = 1; i < n; i++) if (has[i] && has[i - 1]) step[i] = x[i] > x[i - 1] ? 1 : x[i] < x[i - 1] ? -1 : 0;
  const trendDir = new Int8Array(n);
  for (let i = 1; i < n;) {
    const s = step[i];
    let j = i + 1; // steps i..j-1 share sign s
    if (s !== 0) while (j < n && step[j] === s) j++;
    if (s !== 0 && j - i >= RUN_LENGTH - 1) {
      for (let k = i - 1; k < j; k++) if (trendDir[k] === 0) trendDir[k] = s;
    }
    i = j;
  }

  // Two-of-three: windows of three consecutive present points, all strictly on one side, with
  // at least two close points; only the close points of the window are flagged.
  const twoOfThree = new Uint8Array(n);
  for (let w = 0; w + 2 < n; w++) {
    const s = side[w];
    if (s === 0 || side[w + 1] !== s || side[w + 2] !== s) continue; // also excludes missing values
    if (close[w] + close[w + 1] + close[w + 2] < 2) continue;
    for (let k = w; k < w + 3; k++) if (close[k]) twoOfThree[k] = 1;
  }

  for (let i = 0; i < n; i++) {
    const point = pointAt(i);
    points[i] = point;
    if (!has[i]) continue;
    const rules = point.rules;
    if (outside[i]) rules.push("outside-limits");
    if (shift[i]) rules.push("shift");
    if (trendDir[i] !== 0) rules.push("trend");
    if (twoOfThree[i]) rules.push("two-of-three");
    if (rules.length === 0) continue;
    // Precedence outside-limits > trend > two-of-three > shift decides the side; only a trend
    // differs from the side of the mean (the other rules never flag a point on the mean).
    const s = outside[i] ? side[i] : trendDir[i] !== 0 ? trendDir[i] : side[i];
    point.specialCause = specialCauseFor(s > 0 ? 1 : -1, improvement);
  }

  let last = n - 1;
  while (last >= 0 && !has[last]) last--;
  result.variation = last >= 0 ? variationFor(points[last].specialCause, improvement) : null;
  result.assurance = assuranceFor(options.target, improvement, upperLimit, lowerLimit);
  return result;
}

/** True when the limits rest on fewer than 13 non-missing points (including when there are none). */
export function limitsAreProvisional(result: Pick<XmrResult, "pointsUsedForLimits">): boolean {
  return result.pointsUsedForLimits < MIN_POINTS_FOR_FIRM_LIMITS;
}
