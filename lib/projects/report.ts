/**
 * The project report (/projects/<id>/report): the project page's story, read the same way (one batch of
 * queries through `project.read`), plus what a printed page needs — one line per measure and which chart
 * to draw. Short series get a run chart, as on the project page (their limits are provisional).
 */
import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import type { MeasureChartView } from "@/lib/measures/chart";
import { formatDecimal } from "@/lib/format";
import { describeAssurance, describeVariation } from "@/lib/spc/describe";
import { spcDirection } from "@/lib/measures/spc-status";

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
import { getProjectStory, type StoryMeasure } from "./queries";

/** The chart a report or a download draws: a run chart while the series is too short for firm limits. */
export function reportChartKind(chart: MeasureChartView): "xmr" | "run" {
  return chart.runChart ? "run" : "xmr";
}

/** One line under a measure's name: its latest value and what the chart says, in words. */
// The icons' short names (Making Data Count's words): the chart under it carries the longer guidance.
export function measureHeadline(measure: Pick<StoryMeasure, "unit" | "direction" | "chart">): string {
  const { chart } = measure;
  const latest = chart.points.at(-1);
  if (!latest) return "No data yet.";
  const unit = measure.unit ? ` ${measure.unit}` : "";
  const parts = [`Latest value ${formatDecimal(latest.value, 2)}${unit} (${latest.label})`];
  if (chart.runChart)
    parts.push(chart.runChart.signal ? "non-random variation (run chart)" : "no signal yet (run chart)");
  else parts.push(lowerFirst(describeVariation(chart.variation, spcDirection(measure.direction))));
  if (chart.target !== null && !chart.runChart) parts.push(lowerFirst(describeAssurance(chart.assurance)));
  return `${parts.join("; ")}.`;
}

export type ProjectReport = Awaited<ReturnType<typeof getProjectReport>>;

/** Refused (NotFoundError) exactly where the project page is: a project the viewer may not read. */
export async function getProjectReport(viewer: Viewer, projectId: string) {
  const story = await getProjectStory(viewer, projectId);
  return {
    ...story,
    generatedAt: new Date(),
    measures: story.measures.map((m) => ({
      ...m,
      headline: measureHeadline(m),
      chartKind: reportChartKind(m.chart),
    })),
  };
}
