"use client";
import type { FormState } from "@/lib/forms";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

/** A one-button form (publish, feature, follow, hide…) that shows the action's error beside it. Works without JavaScript. */
export function ActionButton({
  action,
  hidden,
  label,
  variant = "secondary",
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "warning" | "reverse";
}) {
  const { state, formAction, pending } = useFormAction(action);
  const error = state.message ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={formAction} className="inline-block">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {error && (
        <p role="alert" className="mb-2 font-bold text-nhs-red">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <Button variant={variant} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
