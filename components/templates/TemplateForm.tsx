"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextArea, TextField, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictChanges } from "@/components/projects/ConflictChanges";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";
import { DIRECTION_WORDS, KIND_LABELS } from "@/lib/measures/labels";
import { RATE_MULTIPLIERS } from "@/lib/measures/values";
import { NATIONAL_METRICS } from "@/lib/dashboard/national-metrics";
import { measureField } from "@/lib/templates/schemas";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Field values as strings: name, description, priorityAreaId, drivers, and m<row>_<field> for each measure. */
  initial: Record<string, string>;
  hidden: Record<string, string>;
  /** How many measure rows to show (the template's and one blank). */
  rows: number;
  areas: Option[];
  /** Creating asks for the identifier used in /projects/new?template=…; it is fixed afterwards. */
  askKey: boolean;
  submitLabel: string;
};

const KINDS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
const DIRECTIONS = Object.entries(DIRECTION_WORDS).map(([value, label]) => ({ value, label }));
const VALUE_TYPES = [
  { value: "RATE", label: "A numerator and a denominator" },
  { value: "NUMBER", label: "A number for each period" },
];
const MULTIPLIERS = RATE_MULTIPLIERS.map((m) => ({ value: m.value, label: m.label }));
const METRICS = NATIONAL_METRICS.map((m) => ({ value: m.key, label: `${m.name} (${m.unit})` }));

/** A template, edited whole: its details, a fieldset per measure, and the driver diagram as lines of text. */
export function TemplateForm({ action, initial, hidden, rows, areas, askKey, submitLabel }: Props) {
  const { formAction, pending, values, errors, conflict, problem, field } = useFormAction(action, { initial });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      <ConflictChanges changes={conflict} />
      {Object.entries({ ...hidden, ...(values.version ? { version: values.version } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField {...field("name")} label="Name" maxLength={200} />
      {askKey && (
        <TextField
          {...field("key")}
          label="Identifier"
          hint="Used in the address /projects/new?template=…, for example falls-community. It cannot be changed later."
          maxLength={60}
          width="max-w-xs"
        />
      )}
      <TextArea
        {...field("description")}
        label="Description"
        hint="Who the template is for and what it measures. A new project’s problem statement starts from it."
        rows={4}
      />
      <SelectField {...field("priorityAreaId")} label="National priority area" options={areas} placeholder="None" />

      <h2>Measures</h2>
      <p className="max-w-3xl">
        Each project made from the template gets these measures, without data. To remove a measure, clear its name and
        definition. To add more than one, save and a new blank measure appears.
      </p>
      {Array.from({ length: rows }, (_, row) => {
        const f = (name: Parameters<typeof measureField>[1]) => field(measureField(row, name));
        return (
          <fieldset key={row} className="mb-8 border-l-4 border-nhs-grey-3 bg-white p-4">
            <legend className="float-left mb-4 w-full text-xl font-bold">
              Measure {row + 1}
              {values[measureField(row, "name")] ? "" : " (new)"}
            </legend>
            <TextField {...f("name")} label="Name" maxLength={200} />
            <SelectField {...f("kind")} label="Kind of measure" options={KINDS} placeholder="Select" />
            <TextArea
              {...f("definition")}
              label="Operational definition"
              hint="Exactly what is counted, the numerator and the denominator, and where the data come from."
              rows={4}
            />
            <TextField
              {...f("unit")}
              label="Unit"
              hint="For example “per 1,000 occupied bed days” or “%”"
              maxLength={60}
            />
            <SelectField {...f("direction")} label="Which way is better" options={DIRECTIONS} placeholder="Select" />
            <SelectField {...f("valueType")} label="What is recorded" options={VALUE_TYPES} placeholder="Select" />
            <SelectField
              {...f("rateMultiplier")}
              label="Rate multiplier (for a numerator and denominator)"
              options={MULTIPLIERS}
            />
            <SelectField
              {...f("nationalMetric")}
              label="National harm measure it feeds"
              hint="Sign up to Safety’s harm measures, added up across collaboratives on the national dashboard."
              options={METRICS}
              placeholder="None"
            />
          </fieldset>
        );
      })}

      <h2>Driver diagram and change ideas</h2>
      <TextArea
        {...field("drivers")}
        label="Drivers and change ideas, one a line"
        hint={
          <>
            A plain line is a primary driver; start a line with “- ” for a secondary driver under the primary driver
            above it, and with “* ” for a change idea under the driver above it.
          </>
        }
        rows={16}
      />
      <Button disabled={pending}>{conflict ? "Save my version" : submitLabel}</Button>
    </form>
  );
}
