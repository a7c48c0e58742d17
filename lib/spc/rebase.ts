/**
 * Rebasing: each period between rebase points gets its own mean and limits, computed by calling
 * xmrChart on that period alone (rules never look across a rebase).
 */
import type { XmrOptions, XmrPeriod, XmrRebaseResult } from "./types";
import { xmrChart } from "./xmr";

/**
 * Split `values` at `rebaseIndices` (each index starts a new period) and chart each period separately.
 * Indices that are not integers, are <= 0 or >= values.length, or repeat are ignored; order does not
 * matter. There is always at least one period (an empty series gives one empty period), so
 * `variation` and `assurance` come from the latest period, even when it has no data yet.
 * `options` (baselinePoints included) applies to every period.
 */
export function xmrChartWithRebase(
  values: (number | null)[],
  rebaseIndices: number[] = [],
  options: XmrOptions = {},
): XmrRebaseResult {
  const series = Array.isArray(values) ? values : [];
  const n = series.length;
  const cuts = Array.from(
    new Set((Array.isArray(rebaseIndices) ? rebaseIndices : []).filter((i) => Number.isInteger(i) && i > 0 && i < n)),
  ).sort((a, b) => a - b);
  const bounds = [0, ...cuts, n];

  const periods: XmrPeriod[] = [];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const start = bounds[p];
    const end = bounds[p + 1];
    periods.push({ start, end, result: xmrChart(series.slice(start, end), options) });
  }
  const latest = periods[periods.length - 1].result;
  return {
    periods,
    points: periods.flatMap((period) => period.result.points),
    variation: latest.variation,
    assurance: latest.assurance,
  };
}
