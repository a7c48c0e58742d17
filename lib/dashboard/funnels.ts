/**
 * The dashboard's funnel plots (issue 22): one national harm metric in one month, across units
 * (collaboratives, or a collaborative's member organisations), from lib/spc's funnelPlot. Pure: the
 * queries pass the month's sums in; the chart component draws what this returns.
 *
 * A rate per exposure is compared as an indirectly standardised ratio: each unit's expected harms are
 * the rate of all the units together × its own bed days, so the ratio is observed ÷ expected and its
 * limits are exact Poisson ones (widened for overdispersion when φ > 1). A percentage is compared as a
 * proportion. Everything shown is converted back to the metric's own unit (per 1,000 bed days, or %),
 * so the chart's centre line is the rate of all the units together and its x-axis the denominator.
 */
import { funnelLimits, funnelPlot, type FunnelOutlier } from "@/lib/spc";
import type { NationalMetric } from "./national-metrics";

export type FunnelInput = { id: string; slug: string; name: string; numerator: number; denominator: number };

export type FunnelRow = {
  id: string;
  slug: string;
  name: string;
  numerator: number;
  denominator: number;
  /** SR only: expected harms at the overall rate. */
  expected: number | null;
  /** What the funnel compares: observed ÷ expected (SR) or the proportion (PR). */
  ratio: number;
  /** The value and its limits in the metric's unit (per 1,000 bed days, or %). */
  rate: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  outlier95: FunnelOutlier;
  outlier998: FunnelOutlier;
  highlighted: boolean;
};

export type FunnelCurvePoint = { x: number; lower95: number; upper95: number; lower998: number; upper998: number };

export type FunnelView = {
  key: string;
  name: string;
  unit: string;
  numeratorName: string;
  denominatorName: string;
  dataType: "SR" | "PR";
  /** The rate of all the units together, in the metric's unit (the centre line); null with no data. */
  overallRate: number | null;
  phi: number;
  tau2: number;
  /** φ > 1: the limits were widened for overdispersion. */
  adjusted: boolean;
  rows: FunnelRow[];
  /** The limits drawn as curves, along the x-axis (the denominator). */
  curve: FunnelCurvePoint[];
  /** Units listed but with nothing reported for this metric in the month. */
  missing: string[];
};

const CURVE_POINTS = 60;

/** A verdict in words: where the unit lies against the 95% and 99.8% limits. */
export function funnelVerdict(row: Pick<FunnelRow, "outlier95" | "outlier998">): string {
  if (row.outlier998 === "high") return "Higher than expected (beyond the 99.8% limit)";
  if (row.outlier998 === "low") return "Lower than expected (beyond the 99.8% limit)";
  if (row.outlier95 === "high") return "Higher than expected (beyond the 95% limit only)";
  if (row.outlier95 === "low") return "Lower than expected (beyond the 95% limit only)";
  return "Within the limits";
}

export function buildFunnel(
  metric: Pick<NationalMetric, "key" | "name" | "unit" | "multiplier" | "funnel" | "numeratorName" | "denominatorName">,
  inputs: FunnelInput[],
  options: { highlight?: string | null; listed?: { id: string; name: string }[] } = {},
): FunnelView {
  const present = inputs.filter((u) => u.denominator > 0);
  const missing = (options.listed ?? []).filter((l) => !present.some((u) => u.id === l.id)).map((l) => l.name);
  const base = {
    key: metric.key,
    name: metric.name,
    unit: metric.unit,
    numeratorName: metric.numeratorName,
    denominatorName: metric.denominatorName,
    dataType: metric.funnel,
    missing,
  };
  const totalNumerator = present.reduce((a, u) => a + u.numerator, 0);
  const totalDenominator = present.reduce((a, u) => a + u.denominator, 0);
  if (present.length === 0 || totalDenominator <= 0)
    return { ...base, overallRate: null, phi: 0, tau2: 0, adjusted: false, rows: [], curve: [] };
  const overall = totalNumerator / totalDenominator;
  const sr = metric.funnel === "SR";
  // SR: expected = overall rate × bed days. With no harm anywhere there is nothing to standardise by.
  const usable = sr ? present.filter((u) => overall * u.denominator >= 0.005) : present;
  if (usable.length === 0)
    return { ...base, overallRate: overall * metric.multiplier, phi: 0, tau2: 0, adjusted: false, rows: [], curve: [] };
  const result = funnelPlot(
    usable.map((u) => ({
      id: u.id,
      numerator: u.numerator,
      denominator: sr ? overall * u.denominator : u.denominator,
    })),
    { dataType: metric.funnel, overdispersion: true },
  );
  // To the metric's unit: a ratio × the overall rate × multiplier, or a proportion × multiplier.
  const scale = (sr ? overall : 1) * metric.multiplier;
  const rows = result.units.map((u, i): FunnelRow => {
    const input = usable[i]!;
    return {
      id: input.id,
      slug: input.slug,
      name: input.name,
      numerator: input.numerator,
      denominator: input.denominator,
      expected: sr ? overall * input.denominator : null,
      ratio: u.value,
      rate: u.value * scale,
      lower95: u.lower95 * scale,
      upper95: u.upper95 * scale,
      lower998: u.lower998 * scale,
      upper998: u.upper998 * scale,
      outlier95: u.outlier95,
      outlier998: u.outlier998,
      highlighted: options.highlight === input.id,
    };
  });
  // The curves, evenly spaced on a log scale from a third of the smallest denominator to the largest.
  const denominators = usable.map((u) => u.denominator);
  const low = Math.log(Math.min(...denominators) / 3);
  const high = Math.log(Math.max(...denominators) * 1.05);
  const limitOptions = { dataType: metric.funnel, target: result.target, tau2: result.tau2, adjusted: result.adjusted };
  const curve = Array.from({ length: CURVE_POINTS }, (_, i) => {
    const x = Math.exp(low + ((high - low) * i) / (CURVE_POINTS - 1));
    const limits = funnelLimits(sr ? overall * x : x, limitOptions);
    return {
      x,
      lower95: limits.lower95 * scale,
      upper95: limits.upper95 * scale,
      lower998: limits.lower998 * scale,
      upper998: limits.upper998 * scale,
    };
  });
  return {
    ...base,
    missing: [...missing, ...present.filter((u) => !usable.includes(u)).map((u) => u.name)],
    overallRate: overall * metric.multiplier,
    phi: result.phi,
    tau2: result.tau2,
    adjusted: result.adjusted,
    rows,
    curve,
  };
}
