"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  valueType: "NUMBER" | "RATE";
  initial?: Record<string, string>;
  unit: string;
  submitLabel: string;
};

/** Corrects the value of one period (values are added in the values grid); rates take a numerator and a denominator. */
export function PointForm({ action, hidden, valueType, initial = {}, unit, submitLabel }: Props) {
  const { formAction, pending, errors, problem, field } = useFormAction(action, { initial });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
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
