/**
 * Which chart a measure is drawn as (issue 22): XmR, Making Data Count's default for every measure, or,
 * for a measure with a numerator and a denominator, a P chart (proportions) or a U chart (rates per
 * exposure), with Laney's P′/U′ when denominators are large. The stored SPC status (Measure.spc*)
 * and the national scan stay XmR whatever is drawn. Pure (the measure form imports the words).
 */
import type { AttributeKind } from "@/lib/spc";

export const CHART_TYPES = ["XMR", "P", "P_PRIME", "U", "U_PRIME"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** The chart's name, as the chart, its text alternative and the report say it. */
export const CHART_TYPE_NAMES: Record<ChartType, string> = {
  XMR: "XmR chart",
  P: "P chart",
  P_PRIME: "P′ chart (Laney)",
  U: "U chart",
  U_PRIME: "U′ chart (Laney)",
};

/** The measure form's choices, each with a plain-English hint on when it fits. */
export const CHART_TYPE_OPTIONS: { value: ChartType; label: string; hint: string }[] = [
  {
    value: "XMR",
    label: "XmR chart (Making Data Count’s default)",
    hint: "Fits any measure. Limits come from how much the values move from one period to the next.",
  },
  {
    value: "P",
    label: "P chart",
    hint: "For a percentage of patients, doses or discharges. Each period gets its own limits: wider when the denominator is small, narrower when it is large.",
  },
  {
    value: "P_PRIME",
    label: "P′ chart (Laney)",
    hint: "P′ when denominators are large (thousands) and a P chart flags almost every point: the limits are adjusted for the real variation between periods.",
  },
  {
    value: "U",
    label: "U chart",
    hint: "For a rate per exposure, like falls per 1,000 occupied bed days. Each period gets its own limits from its own bed days.",
  },
  {
    value: "U_PRIME",
    label: "U′ chart (Laney)",
    hint: "U′ when denominators are large and a U chart flags almost every point: the limits are adjusted for the real variation between periods.",
  },
];

/** Said beside the choice: the icons stored for dashboards keep reading the XmR chart. */
export const CHART_TYPE_STATUS_NOTE =
  "The measure’s status icons on dashboards, in the learning library and in national figures always come from the XmR chart (Making Data Count’s method), whichever chart you choose to draw here.";

export type ChartTypeSpec = { kind: AttributeKind; laney: boolean };

/** The P/U maths a chart type asks for; null for XmR. */
export function attributeSpec(chartType: ChartType | undefined): ChartTypeSpec | null {
  switch (chartType) {
    case "P":
      return { kind: "p", laney: false };
    case "P_PRIME":
      return { kind: "p", laney: true };
    case "U":
      return { kind: "u", laney: false };
    case "U_PRIME":
      return { kind: "u", laney: true };
    default:
      return null;
  }
}

/**
 * Why a chart type does not fit the measure, in words for the form; null when it does. P and U charts
 * need a numerator and a denominator; a P chart's values are proportions, so it needs a percentage
 * (where a numerator is never more than its denominator).
 */
export function chartTypeProblem(measure: {
  chartType: ChartType;
  valueType: "NUMBER" | "RATE";
  rateMultiplier: number;
}): string | null {
  if (measure.chartType === "XMR") return null;
  if (measure.valueType !== "RATE")
    return "P and U charts need a numerator and a denominator for each period: choose the XmR chart for a measure recorded as a number";
  if ((measure.chartType === "P" || measure.chartType === "P_PRIME") && measure.rateMultiplier !== 100)
    return "A P chart is for percentages: choose a U chart for a rate per 1,000 or a ratio, or show the rate as a percentage";
  return null;
}
