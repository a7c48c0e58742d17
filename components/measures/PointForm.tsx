"use client";
import { ErrorSummary, fieldId } from "@/components/ui/ErrorSummary";
import { DateField, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  valueType: "NUMBER" | "RATE";
  /** Add: ask for the period ("MONTH" asks for month and year only). Correct: the period is fixed. */
  period: "DAY" | "WEEK" | "MONTH" | null;
  initial?: Record<string, string>;
  unit: string;
  submitLabel: string;
};

/** Adds a value for a period, or corrects one; rates take a numerator and a denominator. */
export function PointForm({ action, hidden, valueType, period, initial = {}, unit, submitLabel }: Props) {
  const { state, formAction, pending, values, errors, problem, field, dateField } = useFormAction(action, {
    initial,
    resetOnSuccess: true,
  });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      {state.ok && state.message && (
        <p role="status" className="border-l-4 border-nhs-green pl-3 font-bold">
          {state.message}
        </p>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {period === "MONTH" && (
        <MonthField error={errors.period} month={values["period-month"]} year={values["period-year"]} />
      )}
      {(period === "DAY" || period === "WEEK") && (
        <DateField
          {...dateField("period")}
          label={period === "WEEK" ? "Week (any day in it)" : "Day"}
          hint={
            period === "WEEK"
              ? "The value is recorded for the week starting on the Monday. For example, 4 3 2025"
              : "For example, 4 3 2025"
          }
        />
      )}
      {valueType === "NUMBER" ? (
        <TextField
          {...field("value")}
          label={`Value${unit ? ` (${unit})` : ""}`}
          inputMode="decimal"
          width="max-w-xs"
        />
      ) : (
        <div className="flex flex-wrap gap-x-6">
          <TextField
            {...field("numerator")}
            label="Numerator"
            hint="What you counted, e.g. falls with harm"
            inputMode="decimal"
            width="max-w-xs"
          />
          <TextField
            {...field("denominator")}
            label="Denominator"
            hint="What you divide by, e.g. occupied bed days"
            inputMode="decimal"
            width="max-w-xs"
          />
        </div>
      )}
      <TextField
        {...field("note")}
        label="Note (optional)"
        hint="Anything that explains this value, such as a change in how data were collected."
        maxLength={500}
      />
      <Button disabled={pending}>{submitLabel}</Button>
    </form>
  );
}

/** Month and year for monthly measures (day 1 is sent so the NHS date parsing applies unchanged). */
function MonthField({ error, month, year }: { error?: string; month?: string; year?: string }) {
  const id = fieldId("period");
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
        <legend className="mb-2 font-bold">Month</legend>
        <div id={`${id}-hint`} className="mb-2 text-nhs-secondary-text">
          For example, 3 2025 for March 2025
        </div>
        {error && (
          <p id={`${id}-error`} className="mb-2 font-bold text-nhs-red">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        )}
        <input type="hidden" name="period-day" value="1" />
        <div className="flex gap-4">
          <div>
            <label htmlFor={id} className="block">
              Month
            </label>
            <input
              id={id}
              name="period-month"
              inputMode="numeric"
              defaultValue={month}
              aria-invalid={error ? true : undefined}
              className={`block w-16 border-2 bg-white px-2 py-1.5 ${error ? "border-nhs-red" : "border-nhs-grey-1"}`}
            />
          </div>
          <div>
            <label htmlFor={`${id}-year`} className="block">
              Year
            </label>
            <input
              id={`${id}-year`}
              name="period-year"
              inputMode="numeric"
              defaultValue={year}
              aria-invalid={error ? true : undefined}
              className={`block w-24 border-2 bg-white px-2 py-1.5 ${error ? "border-nhs-red" : "border-nhs-grey-1"}`}
            />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
