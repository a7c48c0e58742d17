import { describe, expect, it } from "vitest";
import { binomialHalfQuantile, runChart } from "@/lib/spc";

/** Exact qbinom(0.05, m, 0.5): smallest k with 20 × Σ_{i≤k} C(m, i) ≥ 2^m, in BigInt. */
function exactQuantile(m: number): number {
  const total = 1n << BigInt(m);
  let c = 1n; // C(m, 0)
  let cumulative = 0n;
  for (let k = 0; k <= m; k++) {
    if (k > 0) c = (c * BigInt(m - k + 1)) / BigInt(k);
    cumulative += c;
    if (20n * cumulative >= total) return k;
  }
  return m;
}

/** n points alternating around the median 1.5: all useful, no signal expected. */
const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 2));

describe("runChart limits (Anhøj, qicharts2)", () => {
  const table: [number, number, number][] = [
    [10, 6, 2],
    [20, 7, 6],
    [24, 8, 8],
    [30, 8, 10],
    [40, 8, 14],
    [60, 9, 23],
    [100, 10, 41],
  ];
  it.each(table)("n = %d → longest run limit %d, crossings limit %d", (n, runLimit, crossingsLimit) => {
    const r = runChart(alternating(n));
    expect(r.usefulPoints).toBe(n);
    expect(r.longestRunLimit).toBe(runLimit);
    expect(r.crossingsLimit).toBe(crossingsLimit);
    expect(r.longestRun).toBe(1);
    expect(r.crossings).toBe(n - 1);
    expect(r.signal).toBe(false);
  });

  it("binomial quantile matches exact arithmetic for every m up to 400", () => {
    for (let m = 0; m <= 400; m++) expect(binomialHalfQuantile(0.05, m), `m = ${m}`).toBe(exactQuantile(m));
  });

  it("binomial quantile matches exact arithmetic for large m", () => {
    for (const m of [1000, 1075, 4999, 12345, 20000]) {
      expect(binomialHalfQuantile(0.05, m), `m = ${m}`).toBe(exactQuantile(m));
    }
  });

  it("binomial quantile matches exact arithmetic at 99,999 (n = 100,000 useful points)", () => {
    // exact BigInt sum takes about a second here; the float version a millisecond
    expect(binomialHalfQuantile(0.05, 99_999)).toBe(exactQuantile(99_999));
    expect(binomialHalfQuantile(0.05, 99_999)).toBe(49_739);
  }, 20_000);
});

describe("runChart analysis", () => {
  it("counts runs and crossings (worked by hand)", () => {
    // 1..10: median 5.5; five below then five above → 2 runs, 1 crossing, longest run 5
    // n = 10 → limits 6 and 2: 1 crossing < 2 is unusual
    const r = runChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r).toEqual({
      median: 5.5,
      usefulPoints: 10,
      longestRun: 5,
      longestRunLimit: 6,
      crossings: 1,
      crossingsLimit: 2,
      signal: true,
    });
  });

  it("skips points on the median: they neither break nor extend a run", () => {
    // 1 1 2 1 3 3 3: median 2; sides − − (skip) − + + + → runs of 3 and 3, not 2 + 1
    const r = runChart([1, 1, 2, 1, 3, 3, 3]);
    expect(r.median).toBe(2);
    expect(r.usefulPoints).toBe(6);
    expect(r.longestRun).toBe(3);
    expect(r.crossings).toBe(1);
  });

  it("skips missing and non-finite values the same way", () => {
    // present 1 1 1 3 3 3: median 2
    const r = runChart([1, null, 1, Number.NaN, 1, 3, Number.POSITIVE_INFINITY, 3, 3]);
    expect(r.median).toBe(2);
    expect(r.usefulPoints).toBe(6);
    expect(r.longestRun).toBe(3);
    expect(r.crossings).toBe(1);
  });

  it("a run at the limit is fine, one more is a signal", () => {
    // −1 × 7, then + − + −, then +1 × 7 → 9 below, 9 above; median 0; n = 18
    // longest run limit round(log2 18 = 4.17) + 3 = 7; crossings 5, limit qbinom(0.05, 17, 0.5) = 5
    const at = [...new Array(7).fill(-1), 1, -1, 1, -1, ...new Array(7).fill(1)];
    const r = runChart(at);
    expect([r.usefulPoints, r.longestRun, r.longestRunLimit, r.crossings, r.crossingsLimit]).toEqual([18, 7, 7, 5, 5]);
    expect(r.signal).toBe(false);
    // one more point on each side: n = 20, longest 8 > 7
    const over = [...new Array(8).fill(-1), 1, -1, 1, -1, ...new Array(8).fill(1)];
    const s = runChart(over);
    expect([s.usefulPoints, s.longestRun, s.longestRunLimit]).toEqual([20, 8, 7]);
    expect(s.signal).toBe(true);
  });

  it("too few crossings alone is a signal", () => {
    // n = 20 in runs of 4 4 4 4 2 2: 6 runs → 5 crossings < limit 6; longest run 4 ≤ 7
    const values = [-1, -1, -1, -1, 1, 1, 1, 1, -1, -1, -1, -1, 1, 1, 1, 1, -1, -1, 1, 1];
    const r = runChart(values);
    expect(r.median).toBe(0);
    expect([r.usefulPoints, r.longestRun, r.crossings, r.crossingsLimit]).toEqual([20, 4, 5, 6]);
    expect(r.signal).toBe(true);
  });

  it("empty, all missing, and all on the median: no signal, limits 0", () => {
    const zero = { usefulPoints: 0, longestRun: 0, longestRunLimit: 0, crossings: 0, crossingsLimit: 0, signal: false };
    expect(runChart([])).toEqual({ median: null, ...zero });
    expect(runChart([null, null])).toEqual({ median: null, ...zero });
    expect(runChart([4, 4, 4])).toEqual({ median: 4, ...zero });
  });

  it("one and two useful points", () => {
    // 1 2 3: median 2 → 1 below, 3 above: n = 2, limits round(log2 2) + 3 = 4 and qbinom(0.05, 1, 0.5) = 0
    expect(runChart([1, 2, 3])).toMatchObject({
      usefulPoints: 2,
      longestRun: 1,
      crossings: 1,
      longestRunLimit: 4,
      crossingsLimit: 0,
    });
    // 1 1 5: median 1 → only 5 is useful: n = 1, limits round(log2 1) + 3 = 3 and qbinom(0.05, 0, 0.5) = 0
    expect(runChart([1, 1, 5])).toEqual({
      median: 1,
      usefulPoints: 1,
      longestRun: 1,
      longestRunLimit: 3,
      crossings: 0,
      crossingsLimit: 0,
      signal: false,
    });
  });

  it("uses the average of the middle two values as the median of an even count", () => {
    expect(runChart([4, 1, 3, 2]).median).toBe(2.5);
  });
});
