/**
 * Monthly measure values for the demo: rates from Poisson counts over realistic denominators,
 * percentages from binomial audits, and plain numbers with normal noise. Each series is drawn
 * until the stored SPC status reads as intended (improvement, common cause or concern), so the
 * demo always shows the mix of icons a real portfolio would — deterministically, from the PRNG.
 */
import { measureSpcStatus, type MeasureSpcStatus } from "@/lib/measures/spc-status";
import type { MeasureTemplate, SeriesSpec } from "./content-projects";
import { addMonths, type Rng } from "./random";

export type Pattern =
  | { type: "common" }
  /** From changeIndex on, the level moves from `before` to `after`. */
  | { type: "improve"; changeIndex: number }
  /** From changeIndex on, the level moves away from the improvement direction. */
  | { type: "concern"; changeIndex: number };

export type SeriesPoint = { periodStart: Date; value: number; numerator: number | null; denominator: number | null };

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The level that counts as "worse" for a deteriorating series. */
function worseLevel(spec: SeriesSpec, direction: MeasureTemplate["direction"]): number {
  const gap = spec.after - spec.before;
  if (gap !== 0) return spec.before - gap * 0.8;
  if (direction === "INCREASE") return spec.before * 0.72;
  return spec.before * 1.45 + (spec.kind === "number" ? 2 * spec.sd : 0);
}

function levelAt(i: number, spec: SeriesSpec, pattern: Pattern, direction: MeasureTemplate["direction"]): number {
  if (pattern.type === "common" || i < pattern.changeIndex) return spec.before;
  const target = pattern.type === "improve" ? spec.after : worseLevel(spec, direction);
  // The first month after a change is usually part-way there.
  return i === pattern.changeIndex ? spec.before + 0.75 * (target - spec.before) : target;
}

function drawOnce(
  rng: Rng,
  spec: SeriesSpec,
  direction: MeasureTemplate["direction"],
  multiplier: number,
  periods: Date[],
  pattern: Pattern,
): SeriesPoint[] {
  return periods.map((periodStart, i) => {
    const level = levelAt(i, spec, pattern, direction);
    switch (spec.kind) {
      case "rate": {
        const denominator = rng.int(spec.denominator[0], spec.denominator[1]);
        const numerator = rng.poisson((Math.max(0, level) * denominator) / multiplier);
        return {
          periodStart,
          value: round((numerator / denominator) * multiplier, spec.decimals ?? 2),
          numerator,
          denominator,
        };
      }
      case "percent": {
        const denominator = rng.int(spec.sample[0], spec.sample[1]);
        const numerator = rng.binomial(denominator, Math.min(100, Math.max(0, level)) / 100);
        return { periodStart, value: round((numerator / denominator) * 100, 1), numerator, denominator };
      }
      case "number": {
        const value = Math.max(0, rng.normal(level, spec.sd));
        return { periodStart, value: round(value, spec.decimals ?? 1), numerator: null, denominator: null };
      }
    }
  });
}

export function matchesPattern(
  status: MeasureSpcStatus,
  pattern: Pattern,
  direction: MeasureTemplate["direction"],
  rebased: boolean,
): boolean {
  if (rebased || pattern.type === "common") return status.spcVariation === "common-cause";
  if (pattern.type === "improve") {
    return direction === "NEITHER"
      ? status.spcLatestSpecialCause !== null
      : status.spcLatestSpecialCause === "improvement";
  }
  return status.spcLatestSpecialCause === "concern";
}

/**
 * Draw a series of `count` monthly points ending at `lastPeriod`, retrying (deterministically)
 * until its SPC status matches the pattern. Returns the points and whether they matched.
 */
export function generateSeries(
  rng: Rng,
  measure: Pick<MeasureTemplate, "series" | "direction" | "rateMultiplier"> & {
    target: number | null;
    screenOutlierMovingRanges: boolean;
  },
  pattern: Pattern,
  count: number,
  lastPeriod: Date,
  rebaseDates: Date[],
): { points: SeriesPoint[]; matched: boolean } {
  const periods = Array.from({ length: count }, (_, i) => addMonths(lastPeriod, i - (count - 1)));
  let points: SeriesPoint[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    points = drawOnce(rng, measure.series, measure.direction, measure.rateMultiplier, periods, pattern);
    const status = measureSpcStatus({ ...measure, rebaseDates }, points);
    if (matchesPattern(status, pattern, measure.direction, rebaseDates.length > 0)) return { points, matched: true };
  }
  return { points, matched: false };
}
