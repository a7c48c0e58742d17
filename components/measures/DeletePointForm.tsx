"use client";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

export function DeletePointForm({
  action,
  hidden,
  label,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  label: string;
}) {
  const { state, formAction, pending } = useFormAction(action);
  return (
    <form action={formAction}>
      {!state.ok && state.message && (
        <p role="alert" className="font-bold text-nhs-red">
          {state.message}
        </p>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant="warning" disabled={pending}>
        Delete the value for {label}
      </Button>
    </form>
  );
}
