/**
 * Run chart with the Anhøj rules, as in the qicharts2 R package.
 *
 * Points exactly on the median and missing values are left out of the runs analysis: they
 * neither break nor extend a run. With n useful points:
 *  - unusually long run:    longestRun > round(log2(n)) + 3
 *  - unusually few crossings: crossings < qbinom(0.05, n − 1, 0.5)
 */
import type { RunChartResult } from "./types";

/** Median of finite numbers (average of the two middle values for an even count). */
function median(sorted: Float64Array): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  // a + (b − a) / 2 rather than (a + b) / 2: exact when a = b, and no overflow for large values of one sign
  return n % 2 === 1 ? sorted[mid] : sorted[mid - 1] + (sorted[mid] - sorted[mid - 1]) / 2;
}

/**
 * R's qbinom(p, m, 0.5) for p <= 0.5: the smallest k with P(X <= k) >= p, X ~ Binomial(m, 1/2).
 *
 * Why this way: 2^-m underflows for m > 1074, so the probabilities are built relative to the central
 * term C(m, floor(m/2)) (= 1) with the ratio C(m, i−1) / C(m, i) = i / (m − i + 1), and normalised by
 * the total mass, obtained from the half-sum by symmetry. Far-tail terms underflow to 0 harmlessly.
 * Relative error stays around 1e-11 for m up to 100,000 (checked against exact BigInt sums in tests);
 * a CDF value can never equal p = 0.05 exactly (2^m is not a multiple of 5), so there are no true ties.
 */
export function binomialHalfQuantile(p: number, m: number): number {
  if (!(m >= 1)) return 0;
  const half = Math.floor(m / 2);
  const t = new Float64Array(half + 1);
  t[half] = 1;
  for (let i = half; i > 0; i--) t[i - 1] = t[i] * (i / (m - i + 1));
  let halfSum = 0;
  for (let i = 0; i <= half; i++) halfSum += t[i]; // small to large: less rounding
  const total = 2 * halfSum - (m % 2 === 0 ? t[half] : 0);
  const goal = p * total;
  let cumulative = 0;
  for (let k = 0; k <= half; k++) {
    cumulative += t[k];
    if (cumulative >= goal) return k;
  }
  return half; // only reached for p > 0.5, which the run chart never asks for
}

export function runChart(values: (number | null)[]): RunChartResult {
  const input: readonly unknown[] = Array.isArray(values) ? values : [];
  const present: number[] = [];
  for (const v of input) if (typeof v === "number" && Number.isFinite(v)) present.push(v);

  const centre = median(Float64Array.from(present).sort());

  // Sides of the useful points, in order; points on the median are skipped (not a break).
  let useful = 0;
  let runs = 0;
  let longestRun = 0;
  let currentRun = 0;
  let lastSide = 0;
  if (centre !== null) {
    for (const v of present) {
      const s = v > centre ? 1 : v < centre ? -1 : 0;
      if (s === 0) continue;
      useful++;
      if (s === lastSide) currentRun++;
      else {
        runs++;
        currentRun = 1;
        lastSide = s;
      }
      if (currentRun > longestRun) longestRun = currentRun;
    }
  }

  const crossings = runs > 0 ? runs - 1 : 0;
  if (useful === 0) {
    return {
      median: centre,
      usefulPoints: 0,
      longestRun: 0,
      longestRunLimit: 0,
      crossings: 0,
      crossingsLimit: 0,
      signal: false,
    };
  }
  // R rounds half to even; log2 of an integer is never exactly x.5, so Math.round gives the same answer.
  const longestRunLimit = Math.round(Math.log2(useful)) + 3;
  const crossingsLimit = binomialHalfQuantile(0.05, useful - 1);
  return {
    median: centre,
    usefulPoints: useful,
    longestRun,
    longestRunLimit,
    crossings,
    crossingsLimit,
    signal: longestRun > longestRunLimit || crossings < crossingsLimit,
  };
}
