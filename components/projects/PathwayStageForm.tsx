"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial?: { id: string; name: string; slug: string; sortOrder: number };
  submitLabel: string;
};

export function PathwayStageForm({ action, initial, submitLabel }: Props) {
  const { state, formAction, pending, errors, problem, field } = useFormAction(action, {
    initial: { name: initial?.name ?? "", slug: initial?.slug ?? "", sortOrder: String(initial?.sortOrder ?? "") },
    resetOnSuccess: true,
  });
  return (
    <form action={formAction} noValidate className="bg-white p-4">
      <ErrorSummary errors={errors} message={problem} />
      {state.ok && state.message && (
        <p role="status" className="border-l-4 border-nhs-green pl-3 font-bold">
          {state.message}
        </p>
      )}
      {initial && <input type="hidden" name="id" value={initial.id} />}
      <TextField
        {...field("name")}
        label="Name"
        hint="As patients and staff would say it, e.g. “In a care home”"
        maxLength={120}
      />
      <TextField
        {...field("slug")}
        label="Identifier"
        hint="Used in web addresses and filters, e.g. care-home. Changing it breaks saved links."
        maxLength={60}
        width="max-w-xs"
      />
      <TextField
        {...field("sortOrder")}
        label="Position"
        hint="Stages are listed from the lowest number, in the order a person meets them."
        inputMode="numeric"
        width="max-w-[8rem]"
      />
      <Button disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
