"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

/** One button that restores an archived project or measure; a refusal is shown above it. */
export function RestoreForm({
  action,
  hidden,
  buttonLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  buttonLabel: string;
}) {
  const { state, formAction, pending, problem } = useFormAction(action);
  return (
    <form action={formAction} noValidate className="[&_button]:mb-0">
      <ErrorSummary errors={state.fieldErrors} message={problem} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant="secondary" disabled={pending}>
        {buttonLabel}
      </Button>
    </form>
  );
}
