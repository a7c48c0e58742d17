/**
 * Shared types for the Making Data Count SPC maths (see ./xmr.ts and ./run-chart.ts).
 * Pure types: no runtime code, no framework imports.
 */

/** Which way is "better" for the measure. */
export type Direction = "increase" | "decrease" | "neither";

/** The kind of special cause a point shows, once the improvement direction is applied. */
export type SpecialCause = "improvement" | "concern" | "neither-high" | "neither-low";

/**
 * The special-cause rules. A point's `rules` array always lists them in this order
 * (see `SPC_RULE_ORDER`), whatever rule decided its side.
 */
export type SpcRule = "outside-limits" | "shift" | "trend" | "two-of-three";

/** The variation icon, judged on the latest non-missing point. */
export type Variation =
  | "common-cause"
  | "improvement-high"
  | "improvement-low"
  | "concern-high"
  | "concern-low"
  | "neither-high"
  | "neither-low";

/** The assurance icon, judged on where the target sits against the process limits. */
export type Assurance = "consistently-meets" | "consistently-fails" | "inconsistent";

export interface XmrOptions {
  /** Which way is better. Default "neither". */
  improvement?: Direction;
  /** Target used for the assurance icon (needs improvement "increase" or "decrease"). */
  target?: number;
  /**
   * Compute the mean and limits from positions 0..N-1 only (the non-missing values among them).
   * Limits and rules still apply to every point. Values below 1 or non-finite are ignored
   * (all points are used); values above the series length use the whole series; fractions are floored.
   */
  baselinePoints?: number;
  /** Drop moving ranges >= 3.267 × mean moving range and recompute the mean moving range once. Default false. */
  screenOutlierMovingRanges?: boolean;
}

export interface XmrPoint {
  /** The input value, or null when missing (null, undefined, NaN, ±Infinity). */
  value: number | null;
  /** |x(i) − x(i−1)|; null for the first point and next to a missing value. Never screened. */
  movingRange: number | null;
  /** Every rule that applies, in the order outside-limits, shift, trend, two-of-three. */
  rules: SpcRule[];
  /** null: common cause (or a missing value). */
  specialCause: SpecialCause | null;
}

export interface XmrResult {
  mean: number | null;
  movingRangeMean: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  points: XmrPoint[];
  variation: Variation | null;
  assurance: Assurance | null;
  /**
   * Number of non-missing values the mean and limits were computed from (all points, or those in
   * the baseline). An addition to the agreed contract so that `limitsAreProvisional(result)` still
   * works after the result has been serialised (e.g. passed from a server to a client component).
   */
  pointsUsedForLimits: number;
}

export interface XmrPeriod {
  /** Index of the first point of the period in the full series (inclusive). */
  start: number;
  /** Index one past the last point of the period (exclusive, like Array.prototype.slice). */
  end: number;
  result: XmrResult;
}

export interface XmrRebaseResult {
  periods: XmrPeriod[];
  /** All periods' points, concatenated: same length and positions as the input. */
  points: XmrPoint[];
  /** From the latest period. */
  variation: Variation | null;
  /** From the latest period. */
  assurance: Assurance | null;
}

export interface RunChartResult {
  median: number | null;
  /** Non-missing points not exactly on the median: the n of the Anhøj rules. */
  usefulPoints: number;
  longestRun: number;
  longestRunLimit: number;
  crossings: number;
  crossingsLimit: number;
  signal: boolean;
}
