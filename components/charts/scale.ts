// Axis arithmetic shared by the charts. Pure and without "use client", so the server-drawn SVG
// (ChartSvg) can call it; XmrChart.tsx has had its own copy of niceScale, which can import this one.

/** Four significant figures: enough for an axis label or a value read off a chart. */
export const round = (n: number) => Number(n.toPrecision(4));

/** Axis bounds and ticks on round numbers (steps of 1, 2 or 5 × a power of ten), about five ticks. */
export function niceScale(low: number, high: number): { domain: [number, number]; ticks: number[] } {
  const span = high - low || Math.abs(high) || 1;
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(round(t));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}
