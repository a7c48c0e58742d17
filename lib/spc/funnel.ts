/**
 * Funnel plots for comparing units (collaboratives, organisations), as FunnelPlotR (NHS-R community)
 * draws them after Spiegelhalter (2005, 2012): DOMAIN.md, "Comparing the 15 collaboratives".
 *
 *  - SR (indirectly standardised ratio, observed ÷ expected): expected values rounded to 2 decimals
 *    (FunnelPlotR's SHMI_rounding); target 1; z = √E · ln(O/E), s = 1/√E; unadjusted limits are the
 *    exact Poisson ones from χ² quantiles, adjusted limits exp(± z·√(1/E + τ²)).
 *  - PR (proportion): target p̄ = Σnum ÷ Σden; Y = asin(√p), s = 1/(2√n); limits
 *    sin²(asin(√p̄) ± z·√(1/(4n) + τ²)), kept within [0, 1].
 *  - RC (ratio of counts): target Σnum ÷ Σden; Y = ln((num + ½)/(den + ½)),
 *    s = √(num/(num + ½)² + den/(den + ½)²); limits exp(ln target ± z·√(1/(4E) + τ²)).
 *  - Overdispersion: SR truncates the top and bottom tenth of z-scores (by rank, ties averaged); PR and
 *    RC winsorise z at its 10th and 90th percentiles (R's default quantile). φ = Σz²/m; τ² by
 *    DerSimonian–Laird. Adjusted limits are used only when asked for and φ > 1.
 *  - value = numerator ÷ denominator as given (for SR the unrounded expected, as FunnelPlotR's `rr`); a
 *    unit is an outlier only strictly outside a limit.
 *
 * Pure: no framework imports.
 */

export type FunnelDataType = "SR" | "PR" | "RC";
export type FunnelUnit = { id: string; numerator: number; denominator: number };
export type FunnelOutlier = "high" | "low" | null;
export type FunnelLimits = { lower95: number; upper95: number; lower998: number; upper998: number };
export type FunnelUnitResult = {
  id: string;
  value: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  outlier95: FunnelOutlier;
  outlier998: FunnelOutlier;
};
export type FunnelResult = {
  target: number;
  phi: number;
  tau2: number;
  /** Overdispersion asked for and φ > 1: the limits in force are the widened ones. */
  adjusted: boolean;
  units: FunnelUnitResult[];
};
export type FunnelOptions = { dataType: FunnelDataType; overdispersion: boolean };

/** The normal quantiles FunnelPlotR uses for the 95% and 99.8% limits (to 6 decimals, as it does). */
export const FUNNEL_Z95 = 1.959964;
export const FUNNEL_Z998 = 3.090232;
/** The fraction truncated (SR) or winsorised (PR, RC) at each end before φ is estimated. */
export const FUNNEL_TRIM = 0.1;

// ─── Special functions ────────────────────────────────────────────────────────

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularised lower incomplete gamma function P(a, x) (series below a + 1, continued fraction above). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.min(1, sum * Math.exp(logFront));
  }
  // Q(a, x) by the modified Lentz continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(logFront) * h);
}

/**
 * R's qchisq(p, df) for any df > 0 (not only whole numbers): the x with P(df/2, x/2) = p, by Newton's
 * method kept inside a bracket that bisection narrows whenever a Newton step would leave it.
 */
export function chiSquaredQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const a = df / 2;
  // Work in x/2 (the gamma variable). A start near the answer: the small-x series' leading term, or
  // Wilson–Hilferty's normal approximation.
  const small = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  let x: number;
  if (small < a) x = small;
  else {
    const z = normalQuantile(p);
    const c = 2 / (9 * df);
    x = (df * Math.max(1 - c + z * Math.sqrt(c), 0.01) ** 3) / 2;
  }
  let lo = 0;
  let hi = Math.max(2 * x, 1);
  while (gammaP(a, hi) < p) hi *= 2;
  const logNorm = logGamma(a);
  for (let i = 0; i < 400; i++) {
    const f = gammaP(a, x) - p;
    if (f === 0) return 2 * x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - logNorm);
    let next = x - f / density;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = lo === 0 ? hi / 2 : lo + (hi - lo) / 2;
    if (Math.abs(next - x) <= x * 1e-15 || hi - lo <= hi * 1e-15) return 2 * next;
    x = next;
  }
  return 2 * x;
}

/** The standard normal quantile (Acklam's rational approximation): only a starting value above. */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

// ─── R's helpers ──────────────────────────────────────────────────────────────

/** R's round(x, 2) (R ≥ 4.0: the nearer of the two 2-decimal neighbours; an exact tie goes to the even one). */
export function roundTwoDecimals(x: number): number {
  const scaled = x * 100;
  const down = Math.floor(scaled);
  const lower = down / 100;
  const upper = Math.ceil(scaled) / 100;
  const below = x - lower;
  const above = upper - x;
  return above < below || (above === below && down % 2 !== 0) ? upper : lower;
}

/** R's quantile(x, p) with its default type 7 (linear interpolation between order statistics). */
export function quantileType7(values: readonly number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  if (n === 0) return Number.NaN;
  const index = (n - 1) * p; // zero-based
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const h = index - lo;
  const low = x[lo]!;
  return h > 0 && x[hi] !== low ? (1 - h) * low + h * x[hi]! : low;
}

/** Ranks 1…k with ties given their average rank (R's rank(ties.method = "average")). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) ranks[order[j]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

// ─── Limits ───────────────────────────────────────────────────────────────────

/**
 * The limits at one denominator (the expected count E for SR, n for PR and RC), for a target and τ²:
 * `adjusted` false gives the unadjusted ones (τ² is then ignored). Also used to draw the funnel's curves.
 */
export function funnelLimits(
  denominator: number,
  options: { dataType: FunnelDataType; target: number; tau2: number; adjusted: boolean },
): FunnelLimits {
  const { dataType, target, adjusted } = options;
  const tau2 = adjusted ? options.tau2 : 0;
  const at = (z: number, alpha: number): [number, number] => {
    if (dataType === "SR") {
      if (!adjusted) {
        const e = denominator;
        return [
          (target * chiSquaredQuantile(alpha / 2, 2 * e)) / (2 * e),
          (target * chiSquaredQuantile(1 - alpha / 2, 2 * (e + 1))) / (2 * e),
        ];
      }
      const spread = z * Math.sqrt(1 / denominator + tau2);
      return [target * Math.exp(-spread), target * Math.exp(spread)];
    }
    const spread = z * Math.sqrt(1 / (4 * denominator) + tau2);
    if (dataType === "RC") {
      const centre = Math.log(target);
      return [Math.exp(centre - spread), Math.exp(centre + spread)];
    }
    // PR: past 0 or π/2 the angle would fold back and the limit turn round (FunnelPlotR truncates such
    // limits to 0 and 1), so the angle is kept within [0, π/2].
    const centre = Math.asin(Math.sqrt(target));
    const lower = centre - spread;
    const upper = centre + spread;
    return [lower <= 0 ? 0 : Math.sin(lower) ** 2, upper >= Math.PI / 2 ? 1 : Math.sin(upper) ** 2];
  };
  const [lower95, upper95] = at(FUNNEL_Z95, 0.05);
  const [lower998, upper998] = at(FUNNEL_Z998, 0.002);
  return { lower95, upper95, lower998, upper998 };
}

const outside = (value: number, lower: number, upper: number): FunnelOutlier =>
  value > upper ? "high" : value < lower ? "low" : null;

// ─── The plot ─────────────────────────────────────────────────────────────────

type Scored = { unit: FunnelUnit; denominator: number; z: number; s: number };

function checkUnits(units: readonly FunnelUnit[], dataType: FunnelDataType) {
  if (units.length === 0) throw new RangeError("A funnel plot needs at least one unit.");
  for (const u of units) {
    if (!(Number.isFinite(u.numerator) && u.numerator >= 0))
      throw new RangeError(`Unit ${u.id}: the numerator must be a number, 0 or more.`);
    if (!(Number.isFinite(u.denominator) && u.denominator > 0))
      throw new RangeError(`Unit ${u.id}: the denominator must be a number above 0.`);
    if (dataType === "SR" && !(roundTwoDecimals(u.denominator) > 0))
      throw new RangeError(`Unit ${u.id}: the expected count rounds to 0 at 2 decimals.`);
    if (dataType === "PR" && u.numerator > u.denominator)
      throw new RangeError(`Unit ${u.id}: a proportion's numerator cannot exceed its denominator.`);
  }
}

function zScores(units: readonly FunnelUnit[], dataType: FunnelDataType, target: number): Scored[] {
  return units.map((unit) => {
    if (dataType === "SR") {
      const e = roundTwoDecimals(unit.denominator);
      return { unit, denominator: e, z: Math.sqrt(e) * Math.log(unit.numerator / e), s: 1 / Math.sqrt(e) };
    }
    if (dataType === "PR") {
      const n = unit.denominator;
      const s = 1 / (2 * Math.sqrt(n));
      return {
        unit,
        denominator: n,
        z: (Math.asin(Math.sqrt(unit.numerator / n)) - Math.asin(Math.sqrt(target))) / s,
        s,
      };
    }
    const { numerator: o, denominator: e } = unit;
    const s = Math.sqrt(o / (o + 0.5) ** 2 + e / (e + 0.5) ** 2);
    return { unit, denominator: e, z: (Math.log((o + 0.5) / (e + 0.5)) - Math.log(target)) / s, s };
  });
}

/** The z-scores and standard errors φ and τ² are estimated from: truncated (SR) or winsorised (PR, RC). */
function keptForDispersion(scored: Scored[], dataType: FunnelDataType): { z: number; s: number }[] {
  const k = scored.length;
  if (dataType === "SR") {
    const groups = 1 / FUNNEL_TRIM;
    const ranks = averageRanks(scored.map((u) => u.z));
    return scored.filter((_, i) => {
      const g = Math.floor((ranks[i]! * groups) / (k + 1));
      return g > 0 && g < groups - 1;
    });
  }
  const zs = scored.map((u) => u.z);
  const low = quantileType7(zs, FUNNEL_TRIM);
  const high = quantileType7(zs, 1 - FUNNEL_TRIM);
  return scored.map((u) => ({ z: u.z < low ? low : u.z > high ? high : u.z, s: u.s }));
}

/** φ = Σz²/m and the DerSimonian–Laird τ² = (mφ − (m − 1)) ÷ (Σw − Σw²/Σw), w = 1/s², never below 0. */
function dispersion(kept: { z: number; s: number }[]): { phi: number; tau2: number } {
  const m = kept.length;
  if (m === 0) return { phi: 0, tau2: 0 };
  const phi = kept.reduce((sum, u) => sum + u.z * u.z, 0) / m;
  if (m * phi < m - 1) return { phi, tau2: 0 };
  const w = kept.map((u) => 1 / (u.s * u.s));
  const sumW = w.reduce((a, b) => a + b, 0);
  const sumW2 = w.reduce((a, b) => a + b * b, 0);
  const excess = m * phi - (m - 1);
  const spread = sumW - sumW2 / sumW;
  // One kept unit leaves nothing to weigh between-unit variance with (spread 0): R gives NaN for 0/0
  // and Inf otherwise; here no excess means τ² = 0, and any excess an unbounded τ².
  if (excess <= 0) return { phi, tau2: 0 };
  return { phi, tau2: spread > 0 ? Math.max(0, excess / spread) : Number.POSITIVE_INFINITY };
}

export function funnelPlot(units: FunnelUnit[], options: FunnelOptions): FunnelResult {
  const { dataType, overdispersion } = options;
  checkUnits(units, dataType);
  const target =
    dataType === "SR" ? 1 : units.reduce((a, u) => a + u.numerator, 0) / units.reduce((a, u) => a + u.denominator, 0);
  const scored = zScores(units, dataType, target);
  const estimated = overdispersion ? dispersion(keptForDispersion(scored, dataType)) : { phi: 0, tau2: 0 };
  const adjusted = overdispersion && estimated.phi > 1;
  const limitOptions = { dataType, target, tau2: estimated.tau2, adjusted };
  return {
    target,
    phi: estimated.phi,
    tau2: estimated.tau2,
    adjusted,
    units: scored.map(({ unit, denominator }) => {
      const value = unit.numerator / unit.denominator;
      const limits = funnelLimits(denominator, limitOptions);
      return {
        id: unit.id,
        value,
        ...limits,
        outlier95: outside(value, limits.lower95, limits.upper95),
        outlier998: outside(value, limits.lower998, limits.upper998),
      };
    }),
  };
}
