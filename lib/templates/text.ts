// A template's measures in words, one paragraph each: how an edit conflict shows "theirs" and "yours". Pure.
import { DIRECTION_WORDS, KIND_LABELS } from "@/lib/measures/labels";
import { NATIONAL_METRICS } from "@/lib/dashboard/national-metrics";
import type { TemplateMeasure } from "./schemas";

export function nationalMetricName(key: string | null): string | null {
  return NATIONAL_METRICS.find((m) => m.key === key)?.name ?? null;
}

export function measuresToText(measures: readonly TemplateMeasure[]): string {
  return measures
    .map((m) =>
      [
        `${m.name} (${KIND_LABELS[m.kind]}; ${DIRECTION_WORDS[m.direction]}; ${m.valueType === "RATE" ? `numerator ÷ denominator × ${m.rateMultiplier}` : "a number"}${m.unit ? `; ${m.unit}` : ""})`,
        m.definition,
        m.nationalMetric ? `Feeds the national measure: ${nationalMetricName(m.nationalMetric)}` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n\n");
}
