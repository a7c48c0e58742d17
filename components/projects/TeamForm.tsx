"use client";
import type { ReactNode } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { useFormAction, type FormStateAction } from "@/components/ui/use-form-action";

type FieldProps = ReturnType<ReturnType<typeof useFormAction>["field"]>;

type Props = {
  action: FormStateAction;
  projectId: string;
  submitLabel: string;
  /** The form's own fields, given what each field takes from the form state. */
  children: (field: (name: string) => FieldProps) => ReactNode;
};

/** The project team's forms (add a member, invite by email): one shape, the fields differ. */
export function TeamForm({ action, projectId, submitLabel, children }: Props) {
  const { state, formAction, pending, errors, problem, field } = useFormAction(action, { resetOnSuccess: true });
  return (
    <form action={formAction} noValidate className="bg-white p-4">
      <ErrorSummary errors={errors} message={problem} />
      {state.ok && state.message && (
        <p role="status" className="border-l-4 border-nhs-green pl-3 font-bold">
          {state.message}
        </p>
      )}
      <input type="hidden" name="projectId" value={projectId} />
      {children(field)}
      <Button disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
