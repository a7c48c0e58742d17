"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { DIRECTION_WORDS } from "@/lib/measures/labels";
import { ChoiceField, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictChanges } from "@/components/projects/ConflictChanges";
import type { FormState } from "@/lib/forms";
import { RATE_MULTIPLIERS } from "@/lib/measures/values";
import { useFormAction } from "@/components/ui/use-form-action";
import { CHART_TYPE_OPTIONS, CHART_TYPE_STATUS_NOTE } from "@/lib/measures/chart-types";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  hidden: Record<string, string>;
  submitLabel: string;
  /** Once a measure has data its period and value type are fixed. */
  locked?: boolean;
};

const KINDS = [
  {
    value: "OUTCOME",
    label: "Outcome",
    hint: "What matters to patients, e.g. falls with harm per 1,000 occupied bed days",
  },
  {
    value: "PROCESS",
    label: "Process",
    hint: "Are we doing the things we planned, e.g. % of patients with a falls risk assessment within 6 hours",
  },
  { value: "BALANCING", label: "Balancing", hint: "Unintended effects elsewhere, e.g. use of bed rails" },
];
const DIRECTIONS = Object.entries(DIRECTION_WORDS).map(([value, label]) => ({ value, label }));
const PERIODS = [
  { value: "MONTH", label: "Monthly" },
  { value: "WEEK", label: "Weekly (weeks starting on Monday)" },
  { value: "DAY", label: "Daily" },
];
const VALUE_TYPES = [
  { value: "NUMBER", label: "A number for each period", hint: "For example a count, or a figure already calculated" },
  {
    value: "RATE",
    label: "A numerator and a denominator",
    hint: "The portal calculates the rate or percentage and keeps both numbers",
  },
];

export function MeasureForm({ action, initial, hidden, submitLabel, locked = false }: Props) {
  const { formAction, pending, values, errors, conflict, problem, field } = useFormAction(action, { initial });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      <ConflictChanges changes={conflict} />
      {Object.entries({ ...hidden, ...(values.version ? { version: values.version } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField
        {...field("name")}
        label="Name of the measure"
        hint="For example “Falls with harm per 1,000 occupied bed days”"
        maxLength={200}
      />
      <ChoiceField name="kind" label="Kind of measure" options={KINDS} defaultValue={values.kind} error={errors.kind} />
      <TextArea
        {...field("definition")}
        label="Definition"
        hint="Exactly what is counted, what is included and excluded, and where the data come from."
        rows={4}
      />
      <TextField
        {...field("unit")}
        label="Unit (optional)"
        hint="For example “%”, “per 1,000 bed days” or “falls”"
        maxLength={60}
        width="max-w-xs"
      />
      <ChoiceField {...field("direction")} label="Which way is better?" options={DIRECTIONS} />
      <TextField
        {...field("target")}
        label="Target (optional)"
        hint="A number, in the measure’s unit. With a direction, the chart shows whether the process can be expected to meet it."
        inputMode="decimal"
        width="max-w-xs"
      />
      {locked ? (
        <>
          <input type="hidden" name="period" value={values.period} />
          <input type="hidden" name="valueType" value={values.valueType} />
          <p className="text-nhs-secondary-text">
            The period and how values are recorded cannot change once the measure has data.
          </p>
        </>
      ) : (
        <>
          <ChoiceField {...field("period")} label="How often is it measured?" options={PERIODS} />
          <ChoiceField {...field("valueType")} label="What do you record for each period?" options={VALUE_TYPES} />
        </>
      )}
      <SelectField
        name="rateMultiplier"
        label="For a numerator and denominator: how the rate is shown"
        options={RATE_MULTIPLIERS.map((m) => ({ value: m.value, label: m.label }))}
        defaultValue={values.rateMultiplier ?? "100"}
        error={errors.rateMultiplier}
      />
      <ChoiceField
        {...field("screenOutlierMovingRanges")}
        label="Process limits (optional)"
        options={[
          {
            value: "on",
            label: "Leave out very large jumps between points when calculating the limits",
            hint: "Moving ranges above 3.267 times the average are screened out, as NHSRplotthedots does by default. NHS England’s spreadsheet tool does not.",
          },
        ]}
        multiple
      />
      <ChoiceField
        {...field("chartType")}
        defaultValue={values.chartType || "XMR"}
        label="Which chart to draw"
        hint={`P and U charts are for a numerator and a denominator only. ${CHART_TYPE_STATUS_NOTE}`}
        options={CHART_TYPE_OPTIONS}
      />
      <Button disabled={pending}>{conflict ? "Save my version" : submitLabel}</Button>
    </form>
  );
}
