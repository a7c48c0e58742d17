import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLOSE_FACTOR,
  runChart,
  xmrChart,
  xmrChartWithRebase,
  type Direction,
  type SpecialCause,
  type XmrResult,
} from "@/lib/spc";

/** Series of small integers with some gaps (integers make ties with the mean and equal neighbours common). */
const series = fc.array(fc.option(fc.integer({ min: -30, max: 30 }), { freq: 8, nil: null }), { maxLength: 60 });
const direction = fc.constantFrom<Direction>("increase", "decrease", "neither");

/**
 * Series built from segments that make the rules fire often: level runs (shifts), strictly monotone
 * runs of 4–9 points (trends at and around the threshold), spikes (outside limits / close points)
 * and plain noise, with occasional gaps.
 */
const segment = fc.oneof(
  fc
    .record({ level: fc.integer({ min: -6, max: 6 }), length: fc.integer({ min: 1, max: 9 }) })
    .map(({ level, length }) => new Array<number | null>(length).fill(level)),
  fc
    .record({
      start: fc.integer({ min: -8, max: 8 }),
      step: fc.constantFrom(-2, -1, 1, 2),
      length: fc.integer({ min: 4, max: 9 }),
    })
    .map(({ start, step, length }) => Array.from({ length }, (_, k): number | null => start + k * step)),
  fc.integer({ min: -25, max: 25 }).map((v) => [v]),
  fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 6 }),
  fc.constant([null]),
);
const segmentSeries = fc.array(segment, { maxLength: 10 }).map((parts) => parts.flat());

const causes = (r: XmrResult) => r.points.map((p) => p.specialCause);
const rules = (r: XmrResult) => r.points.map((p) => p.rules);

/**
 * A deliberately naive reference for the rules: for each point, look at every window of 7 (or 3)
 * consecutive positions that contains it. Uses the implementation's mean and limits.
 */
function referenceCauses(values: (number | null)[], r: XmrResult, improvement: Direction): (SpecialCause | null)[] {
  const n = values.length;
  if (r.mean === null || r.movingRangeMean === null) return values.map(() => null);
  const mean = r.mean;
  const up = r.upperLimit!;
  const lo = r.lowerLimit!;
  const closeUp = mean + CLOSE_FACTOR * r.movingRangeMean;
  const closeLo = mean - CLOSE_FACTOR * r.movingRangeMean;
  const side = (v: number | null) => (v === null ? 0 : Math.sign(v - mean));
  const isOutside = (v: number | null) => v !== null && (v > up || v < lo);
  const isClose = (v: number | null) => v !== null && !isOutside(v) && (v > closeUp || v < closeLo);

  return values.map((v, i) => {
    if (v === null) return null;
    let trend = 0;
    let shift = false;
    for (let start = Math.max(0, i - 6); start <= i && start + 6 < n; start++) {
      const w = values.slice(start, start + 7);
      const s = side(w[0]);
      if (s !== 0 && w.every((x) => side(x) === s)) shift = true;
      if (trend === 0 && w.every((x) => x !== null)) {
        const steps = w.slice(1).map((x, k) => Math.sign(x! - w[k]!));
        if (steps[0] !== 0 && steps.every((d) => d === steps[0])) trend = steps[0]; // leftmost window wins
      }
    }
    let twoOfThree = false;
    for (let start = Math.max(0, i - 2); start <= i && start + 2 < n; start++) {
      const w = values.slice(start, start + 3);
      const s = side(w[0]);
      if (s !== 0 && w.every((x) => side(x) === s) && w.filter(isClose).length >= 2 && isClose(v)) twoOfThree = true;
    }
    let dir = 0;
    if (isOutside(v)) dir = side(v);
    else if (trend !== 0) dir = trend;
    else if (twoOfThree || shift) dir = side(v);
    if (dir === 0) return null;
    if (improvement === "neither") return dir > 0 ? "neither-high" : "neither-low";
    return dir > 0 === (improvement === "increase") ? "improvement" : "concern";
  });
}

describe("xmrChart properties", () => {
  it("agrees with a naive window-by-window reference implementation", () => {
    fc.assert(
      fc.property(fc.oneof(series, segmentSeries), direction, fc.boolean(), (values, improvement, screen) => {
        const r = xmrChart(values, { improvement, screenOutlierMovingRanges: screen });
        expect(causes(r)).toEqual(referenceCauses(values, r, improvement));
      }),
      { numRuns: 1000 },
    );
  });

  it("also agrees on real-valued, gap-free series (where close-band rules fire more often)", () => {
    const smooth = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(smooth, direction, (values, improvement) => {
        const r = xmrChart(values, { improvement });
        expect(causes(r)).toEqual(referenceCauses(values, r, improvement));
      }),
      { numRuns: 300 },
    );
  });

  it("has limits symmetric around the mean", () => {
    fc.assert(
      fc.property(series, fc.boolean(), (values, screen) => {
        const r = xmrChart(values, { screenOutlierMovingRanges: screen });
        if (r.upperLimit === null) {
          expect(r.lowerLimit).toBeNull();
          return;
        }
        const above = r.upperLimit - r.mean!;
        const below = r.mean! - r.lowerLimit!;
        expect(Math.abs(above - below)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(r.mean!)));
        expect(above).toBeCloseTo(2.66 * r.movingRangeMean!, 9);
      }),
    );
  });

  it("flags nothing in a constant series", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        direction,
        (value, length, improvement) => {
          const r = xmrChart(new Array(length).fill(value), { improvement, screenOutlierMovingRanges: true });
          expect(r.points.every((p) => p.specialCause === null && p.rules.length === 0)).toBe(true);
          if (length >= 2) {
            expect(r.movingRangeMean).toBe(0);
            expect(r.variation).toBe("common-cause");
          }
        },
      ),
    );
  });

  it("returns one point per input, with missing values in place and unflagged", () => {
    const withJunk = fc.array(
      fc.oneof(
        fc.integer({ min: -5, max: 5 }),
        fc.constant(null),
        fc.constant(Number.NaN),
        fc.constant(Number.POSITIVE_INFINITY),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(withJunk, direction, (values, improvement) => {
        const r = xmrChart(values, { improvement });
        expect(r.points).toHaveLength(values.length);
        values.forEach((v, i) => {
          const missing = v === null || !Number.isFinite(v);
          expect(r.points[i].value).toBe(missing ? null : v);
          if (missing) expect(r.points[i]).toEqual({ value: null, movingRange: null, rules: [], specialCause: null });
        });
      }),
    );
  });

  it("gives the same flags after a positive affine map of all values", () => {
    // Powers of two and integer shifts keep the arithmetic (almost) exact, so ties with the mean and
    // equal neighbours survive the map. Points within rounding of a limit or of the close band are
    // excluded: there floating point, not the rules, decides.
    const scale = fc.constantFrom(0.25, 0.5, 1, 2, 4, 1024);
    const shift = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(fc.oneof(series, segmentSeries), direction, scale, shift, (values, improvement, a, b) => {
        const r = xmrChart(values, { improvement });
        if (r.mean !== null && r.movingRangeMean !== null && r.movingRangeMean > 0) {
          const edges = [2.66, CLOSE_FACTOR].map((f) => f * r.movingRangeMean!);
          const nearEdge = values.some(
            (v) => v !== null && edges.some((e) => Math.abs(Math.abs(v - r.mean!) - e) < 1e-9 * (1 + e)),
          );
          fc.pre(!nearEdge);
        }
        const mapped = xmrChart(
          values.map((v) => (v === null ? null : a * v + b)),
          { improvement },
        );
        expect(rules(mapped)).toEqual(rules(r));
        expect(causes(mapped)).toEqual(causes(r));
        expect(mapped.variation).toBe(r.variation);
      }),
      { numRuns: 300 },
    );
  });

  it("swaps improvement and concern when the improvement direction is reversed", () => {
    const swap = { improvement: "concern", concern: "improvement" } as const;
    const iconSwap: Record<string, string> = {
      "common-cause": "common-cause",
      "improvement-high": "concern-high",
      "concern-low": "improvement-low",
    };
    fc.assert(
      fc.property(fc.oneof(series, segmentSeries), (values) => {
        const up = xmrChart(values, { improvement: "increase" });
        const down = xmrChart(values, { improvement: "decrease" });
        const neither = xmrChart(values, { improvement: "neither" });
        up.points.forEach((p, i) => {
          const d = down.points[i].specialCause;
          const n = neither.points[i].specialCause;
          if (p.specialCause === null) {
            expect(d).toBeNull();
            expect(n).toBeNull();
          } else {
            expect(d).toBe(swap[p.specialCause as "improvement" | "concern"]);
            expect(n).toBe(p.specialCause === "improvement" ? "neither-high" : "neither-low");
          }
          expect(down.points[i].rules).toEqual(p.rules);
        });
        if (up.variation !== null) expect(down.variation).toBe(iconSwap[up.variation]);
      }),
    );
  });

  it("rebasing with no indices is the same as one chart, and always covers the whole series", () => {
    fc.assert(
      fc.property(series, fc.array(fc.integer({ min: -5, max: 70 }), { maxLength: 5 }), (values, cuts) => {
        const r = xmrChartWithRebase(values, cuts, { improvement: "increase" });
        expect(r.points).toHaveLength(values.length);
        expect(r.periods[0].start).toBe(0);
        expect(r.periods.at(-1)!.end).toBe(values.length);
        r.periods.slice(1).forEach((p, k) => expect(p.start).toBe(r.periods[k].end));
        expect(xmrChartWithRebase(values, []).points).toEqual(xmrChart(values).points);
      }),
    );
  });
});

describe("runChart properties", () => {
  it("keeps runs and crossings consistent with the useful points", () => {
    fc.assert(
      fc.property(series, (values) => {
        const r = runChart(values);
        expect(r.longestRun).toBeLessThanOrEqual(r.usefulPoints);
        if (r.usefulPoints > 0) {
          expect(r.longestRun).toBeGreaterThanOrEqual(Math.ceil(r.usefulPoints / (r.crossings + 1)));
          expect(r.crossings).toBeLessThanOrEqual(r.usefulPoints - 1);
          expect(r.signal).toBe(r.longestRun > r.longestRunLimit || r.crossings < r.crossingsLimit);
        } else {
          expect(r.signal).toBe(false);
        }
        // reversing the series changes nothing
        expect(runChart([...values].reverse())).toEqual(r);
      }),
    );
  });
});

describe("long series", () => {
  it("charts 100,000 points (speed is measured by npm run bench, not here)", () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = Array.from({ length: 100_000 }, (_, i) =>
      i % 997 === 0 ? null : 50 + 10 * random() + (i > 60_000 ? 5 : 0),
    );
    const options = { improvement: "increase", target: 40, screenOutlierMovingRanges: true } as const;
    const r = xmrChart(values, options);
    expect(r.points).toHaveLength(100_000);
    expect(r.variation).toBe("improvement-high"); // the step up after 60,000 is a long shift
    expect(runChart(values).usefulPoints).toBeGreaterThan(99_000);
  });
});
