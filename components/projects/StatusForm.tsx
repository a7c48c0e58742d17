"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, TextArea, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictChanges } from "./ConflictChanges";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  id: string;
  version: number;
  current: string;
  options: Option[];
};

export function StatusForm({ action, id, version, current, options }: Props) {
  const { formAction, pending, values, errors, problem, conflict, field } = useFormAction(action);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      <ConflictChanges changes={conflict} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={values.version ?? String(version)} />
      <ChoiceField
        name="status"
        label="Which stage is the project at now?"
        options={options}
        defaultValue={values.status ?? current}
        error={errors.status}
      />
      <TextArea
        {...field("reason")}
        label="Why? (needed when closing the project)"
        hint="For example what made you move on, or why the work has stopped. This is kept in the project’s history."
        rows={3}
      />
      <Button disabled={pending}>Save the stage</Button>
    </form>
  );
}
