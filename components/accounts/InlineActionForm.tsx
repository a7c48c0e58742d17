"use client";
import { initialFormState, type FormState } from "@/lib/forms";
import { Button } from "@/components/ui/Button";
import type { Option } from "@/components/ui/Field";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * A one-button form inside a table row (approve, remove, change role…). The outcome is announced
 * beside the button; without JavaScript the page re-renders with the same message.
 */
export function InlineActionForm({
  action,
  hidden,
  submitLabel,
  accessibleLabel,
  select,
  variant = "secondary",
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  submitLabel: string;
  /** The button's full name for screen readers, e.g. "Remove Jane Smith". */
  accessibleLabel: string;
  select?: { name: string; label: string; options: Option[]; defaultValue: string };
  variant?: "primary" | "secondary" | "warning";
}) {
  const { state, formAction, pending } = useFormAction(action);
  const selectId = select ? `${select.name}-${Object.values(hidden).join("-")}` : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {select && (
        <div className="mb-6">
          <label htmlFor={selectId} className="sr-only">
            {select.label}
          </label>
          <select
            id={selectId}
            name={select.name}
            defaultValue={select.defaultValue}
            className="border-2 border-nhs-grey-1 bg-white px-2 py-2"
          >
            {select.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <Button variant={variant} disabled={pending} aria-label={accessibleLabel} className="mb-6 px-3 py-1.5 text-base">
        {submitLabel}
      </Button>
      {state !== initialFormState && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mb-6 w-full font-bold ${state.ok ? "text-nhs-dark-green" : "text-nhs-red"}`}
        >
          {state.message ?? Object.values(state.fieldErrors ?? {})[0] ?? (state.ok ? "Done." : "That did not work.")}
        </p>
      )}
    </form>
  );
}
