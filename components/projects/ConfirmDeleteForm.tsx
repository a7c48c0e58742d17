"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

/** "Are you sure?" for deleting something with its data: a checkbox to confirm, then a warning button. */
export function ConfirmDeleteForm({
  action,
  hidden,
  confirmLabel,
  buttonLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  confirmLabel: string;
  buttonLabel: string;
}) {
  const { state, formAction, pending, problem } = useFormAction(action);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={problem} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ChoiceField
        name="confirm"
        label="Confirm"
        options={[{ value: "yes", label: confirmLabel }]}
        multiple
        error={state.fieldErrors?.confirm}
      />
      <Button variant="warning" disabled={pending}>
        {buttonLabel}
      </Button>
    </form>
  );
}
