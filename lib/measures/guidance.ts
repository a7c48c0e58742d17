/**
 * What a chart's pattern means and what to do next, in plain English, following Making Data Count's
 * guidance (investigate a special cause; after a sustained shift, consider recalculating the limits).
 * Every sentence a chart says about its icons and signals lives here. Pure: no data access.
 */
import type { Assurance, Direction, Variation } from "@/lib/spc";

/** The variation icons grouped by what a team should do about them. */
export type VariationKind = "common" | "improvement" | "concern" | "neither" | "unknown";
/** The assurance icons, and "none" when there is no target (or no direction, or too few points). */
export type AssuranceKind = "pass" | "fail" | "hit-and-miss" | "none";

export function variationKind(variation: Variation | null): VariationKind {
  if (variation === null) return "unknown";
  if (variation === "common-cause") return "common";
  if (variation.startsWith("improvement")) return "improvement";
  if (variation.startsWith("concern")) return "concern";
  return "neither";
}

export function assuranceKind(assurance: Assurance | null): AssuranceKind {
  if (assurance === "consistently-meets") return "pass";
  if (assurance === "consistently-fails") return "fail";
  if (assurance === "inconsistent") return "hit-and-miss";
  return "none";
}

const HIGHER_LOWER: Partial<Record<Variation, string>> = {
  "improvement-high": "higher",
  "improvement-low": "lower",
  "concern-high": "higher",
  "concern-low": "lower",
  "neither-high": "higher",
  "neither-low": "lower",
};

/** The variation icon: what it means, then what to do next. */
export function variationGuidance(variation: Variation | null, direction: Direction = "neither"): string {
  const way = variation ? HIGHER_LOWER[variation] : undefined;
  switch (variationKind(variation)) {
    case "common":
      return "Common cause variation: the latest point is within what this process usually produces, with no significant change. Do not react to single ups and downs; to get a different result, change the process.";
    case "improvement":
      return `Special cause variation of an improving nature: the measure is significantly ${way} than before. Find out what changed and whether it can be sustained; once a shift is sustained and explained, consider recalculating the limits from where it began.`;
    case "concern":
      return `Special cause variation of a concerning nature: the measure is significantly ${way} than before. Investigate what changed, and act on the cause; do not wait for more points.`;
    case "neither":
      return `Special cause variation: the measure is significantly ${way} than before, neither improvement nor concern${direction === "neither" ? " (no improvement direction is set)" : ""}. Find out what changed; if higher or lower is better, set the measure’s improvement direction.`;
    default:
      return "Not enough data to identify variation: add more points (limits need at least 2, and are firm from 13).";
  }
}

/** The assurance icon: what it means, then what to do next. */
export function assuranceGuidance(assurance: Assurance | null): string {
  switch (assuranceKind(assurance)) {
    case "pass":
      return "Consistently passes: the target lies outside the process limits on the good side, so the process as it is will meet it every time. Keep monitoring.";
    case "fail":
      return "Consistently fails: the target lies outside the process limits on the wrong side, so the process as it is will not meet it. Only a change to the process will.";
    case "hit-and-miss":
      return "Hit and miss: the target lies within the process limits, so the process will sometimes meet it and sometimes not, by chance alone. To meet it reliably, change the process.";
    default:
      return "No assurance can be given: it needs a target, an improvement direction and enough data for process limits.";
  }
}

type Combination = `${"common" | "improvement" | "concern"}/${AssuranceKind}` | "neither/none";

/**
 * One sentence for each combination of the two icons: what the pair means together and what to do
 * next. "neither" has no assurance: its icons occur only without an improvement direction, and
 * assurance needs one.
 */
const NEXT_STEPS: Record<Combination, string> = {
  "common/pass":
    "The process is stable and will consistently meet the target: keep monitoring, and consider whether the measure still needs this much attention.",
  "common/fail":
    "The process is stable but will not meet the target: doing more of the same will not get there, so test a change to the process (a PDSA cycle).",
  "common/hit-and-miss":
    "The process is stable but will meet the target only some of the time, by chance: to meet it reliably, test a change that reduces the variation or moves the mean.",
  "common/none":
    "The process is stable, with no special cause: keep plotting, and test a change if the level is not good enough.",
  "improvement/pass":
    "The measure has improved and the process will now consistently meet the target: find out what changed and make it part of everyday work; once the shift is sustained, consider recalculating the limits.",
  "improvement/fail":
    "The measure has improved, but not yet enough to meet the target: find out what changed, build on it, and test further changes.",
  "improvement/hit-and-miss":
    "The measure has improved, but will meet the target only some of the time: find out what changed and sustain it, and test changes that reduce the variation.",
  "improvement/none":
    "The measure has improved: find out what changed and whether it can be sustained; once the shift is sustained, consider recalculating the limits.",
  "concern/pass":
    "The measure has moved the wrong way, although the process is still expected to meet the target: investigate the cause now, before it puts the target at risk.",
  "concern/fail":
    "The measure has moved the wrong way and the process will not meet the target: investigate the cause urgently and act on it.",
  "concern/hit-and-miss":
    "The measure has moved the wrong way and will meet the target only some of the time: investigate the cause and act on it.",
  "concern/none": "The measure has moved the wrong way: investigate the cause and act on it.",
  "neither/none":
    "The measure has changed significantly: find out why; if higher or lower is better, set its improvement direction so the chart can say which.",
};

/** What the two icons together mean and what to do next; null when there are no limits yet. */
export function nextStep(variation: Variation | null, assurance: Assurance | null): string | null {
  const v = variationKind(variation);
  if (v === "unknown") return null;
  if (v === "neither") return NEXT_STEPS["neither/none"];
  return NEXT_STEPS[`${v}/${assuranceKind(assurance)}`];
}

export type SignalJudgement = "improvement" | "concern" | "neither improvement nor concern";

/** What to do about each kind of special cause. */
export const SIGNAL_NEXT_STEPS = {
  outside: (judgement: SignalJudgement) =>
    judgement === "concern"
      ? "Investigate what happened in that period and act on the cause."
      : "Find out what happened in that period: a one-off event, a change in how data were collected, or a real change.",
  shift: (judgement: SignalJudgement, from: string) =>
    `${judgement === "concern" ? "Investigate what changed and act on it" : "Find out what changed and whether it can be sustained"}; once the shift is sustained and explained, consider recalculating the limits from ${from}.`,
  trend: (judgement: SignalJudgement) =>
    judgement === "concern"
      ? "Investigate what is driving it before it goes further."
      : "Find out what is driving it, and watch whether it levels off at a new level.",
  close: "An early warning: look at what happened in those periods and watch the next points.",
} as const;

/** The suggestion to rebase, while a sustained shift runs to the latest point. */
export function rebaseSuggestionText(run: { length: number; side: "above" | "below"; first: string }): string {
  return `The last ${run.length} points are all ${run.side} the mean, from ${run.first}: a sustained shift. If you know what changed (for example a change you adopted), consider recalculating the limits from ${run.first} so that they describe the process as it is now.`;
}

/**
 * What "outside the limits" means on the chart type drawn (issue 22). XmR: one pair of limits per
 * period of the chart. P/U: each period's own limits, from its own denominator. P′/U′: the same,
 * widened or narrowed by Laney's correction for the ordinary variation between periods.
 */
export function chartTypeGuidance(chartType: "XMR" | "P" | "P_PRIME" | "U" | "U_PRIME"): string {
  const what = chartType === "P" || chartType === "P_PRIME" ? "percentage" : "rate";
  const base = `Each period has its own process limits, worked out from its own denominator: a period with a small denominator has wide limits and one with a large denominator narrow limits. A point outside its own limits is a ${what} too high or too low to be chance for that many, a special cause to investigate.`;
  switch (chartType) {
    case "P":
    case "U":
      return `${base} The two-out-of-three rule is not used on this chart, as its limits change from point to point; shifts and trends are.`;
    case "P_PRIME":
    case "U_PRIME":
      return `${base} Laney’s correction then scales every limit by how much the periods really vary from each other, so that with large denominators only points unusual even allowing for that are outside. The two-out-of-three rule is not used on this chart; shifts and trends are.`;
    default:
      return "A point outside the process limits is a special cause: the limits show the range this process usually produces, worked out from the usual jumps between one period and the next.";
  }
}
