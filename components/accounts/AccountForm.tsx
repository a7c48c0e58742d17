"use client";
import type { FormState } from "@/lib/forms";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, SelectField, TextField, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";
import { SuccessMessage } from "@/components/ui/Panels";

export type AccountFieldSpec = {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "select" | "radios";
  autoComplete?: string;
  options?: Option[];
  placeholder?: string;
  defaultValue?: string;
  width?: string;
};

/**
 * The accounts forms are all short question pages: this renders one from a list of fields, with the
 * error summary, errors beside fields and what was typed kept (never passwords). Works without JavaScript.
 */
export function AccountForm({
  action,
  fields,
  hidden = {},
  submitLabel,
  variant = "primary",
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: AccountFieldSpec[];
  hidden?: Record<string, string>;
  submitLabel: string;
  variant?: "primary" | "secondary" | "warning";
}) {
  const { state, formAction, pending, errors } = useFormAction(action);
  const repeated = Object.values(errors).includes(state.message ?? "");
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        errors={errors}
        message={state.ok || repeated ? undefined : state.message}
        order={fields.map((f) => f.name)}
      />
      {state.ok && state.message && <SuccessMessage>{state.message}</SuccessMessage>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const value = f.type === "password" ? undefined : (state.values?.[f.name] ?? f.defaultValue);
        const common = { name: f.name, label: f.label, hint: f.hint, error: errors[f.name] };
        if (f.type === "select")
          return (
            <SelectField
              key={f.name}
              {...common}
              options={f.options ?? []}
              placeholder={f.placeholder}
              defaultValue={value}
            />
          );
        if (f.type === "radios")
          return <ChoiceField key={f.name} {...common} options={f.options ?? []} defaultValue={value} />;
        return (
          <TextField
            key={f.name}
            {...common}
            type={f.type ?? "text"}
            autoComplete={f.autoComplete}
            spellCheck={f.type === "email" ? false : undefined}
            defaultValue={value}
            width={f.width}
          />
        );
      })}
      <Button variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
