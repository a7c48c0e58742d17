/**
 * `npm run bench -- spc`: the Making Data Count maths at scale, in process.
 * - xmrChart on 100,000 points (the figure), with and without moving-range screening;
 * - xmrChartWithRebase on the same series cut into 4 periods, and runChart on it;
 * - the project page's chart model (lib/measures/chart.ts: limits, signals in words, text
 *   alternative) for 20 measures × 120 points.
 * Each figure is the median (and best) of several timed runs after warm-up.
 */
import { performance } from "node:perf_hooks";
import { runChart, xmrChart, xmrChartWithRebase } from "@/lib/spc";
import { measureChart, type ChartInputPoint } from "@/lib/measures/chart";

/** A deterministic series: noise around 50, a step down by 8 halfway, so every rule has work to do. */
function series(n: number, seed = 42): number[] {
  let s = seed >>> 0;
  const random = () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
  return Array.from({ length: n }, (_, i) => 50 - (i >= n / 2 ? 8 : 0) + (random() + random() + random() - 1.5) * 6);
}

function time(label: string, runs: number, work: () => unknown) {
  for (let i = 0; i < 3; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(2).padStart(8)} ms   best ${times[0]!.toFixed(2).padStart(8)} ms   (${runs} runs)`,
  );
  return median;
}

export async function run(): Promise<void> {
  const values = series(100_000);
  const check = xmrChart(values, { improvement: "decrease" });
  const flagged = check.points.filter((p) => p.specialCause !== null).length;
  console.log(
    `100,000 points: mean ${check.mean!.toFixed(2)}, limits ${check.lowerLimit!.toFixed(2)}–${check.upperLimit!.toFixed(2)}, ${flagged} points flagged, variation ${check.variation}`,
  );

  const xmr = time("xmrChart, 100,000 points", 20, () => xmrChart(values, { improvement: "decrease", target: 45 }));
  time("xmrChart, 100,000 points, screening outlying moving ranges", 20, () =>
    xmrChart(values, { improvement: "decrease", screenOutlierMovingRanges: true }),
  );
  time("xmrChartWithRebase, 100,000 points in 4 periods", 20, () =>
    xmrChartWithRebase(values, [25_000, 50_000, 75_000], { improvement: "decrease" }),
  );
  time("runChart, 100,000 points", 20, () => runChart(values));

  const measures = Array.from({ length: 20 }, (_, m) => {
    const points: ChartInputPoint[] = series(120, m + 1).map((value, i) => ({
      id: `p${m}-${i}`,
      periodStart: new Date(Date.UTC(2015, i, 1)),
      value,
      numerator: null,
      denominator: null,
      note: "",
    }));
    return {
      measure: {
        name: `Measure ${m + 1}`,
        unit: "",
        direction: "DECREASE" as const,
        target: 45,
        period: "MONTH" as const,
        screenOutlierMovingRanges: false,
        rebaseDates: m % 4 === 0 ? [new Date(Date.UTC(2020, 0, 1))] : [],
      },
      points,
    };
  });
  const cycles = Array.from({ length: 12 }, (_, i) => ({
    id: `c${i}`,
    number: i + 1,
    title: `Cycle ${i + 1}`,
    startDate: new Date(Date.UTC(2016 + (i % 8), i, 10)),
    act: "ADOPT" as const,
  }));
  const page = time("project page chart models, 20 measures × 120 points", 50, () =>
    measures.map((m) => measureChart(m.measure, m.points, cycles)),
  );

  console.log("");
  console.log(
    `xmrChart on 100,000 points: ${xmr.toFixed(1)} ms (median). Project page SPC for 20 × 120 points: ${page.toFixed(1)} ms (median).`,
  );
}
