"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextField, type Option } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  candidates: Option[];
};

/** Adds a portal member, or someone without an account by name, to the project team. */
export function TeamMemberForm({ action, projectId, candidates }: Props) {
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
      <SelectField
        {...field("userId")}
        label="A member of the collaborative"
        hint="People with a portal account."
        options={candidates}
        placeholder="Choose a person"
      />
      <TextField
        {...field("name")}
        label="Or someone without an account"
        hint="Their name, for example a patient partner or a colleague from another team."
        maxLength={200}
      />
      <TextField
        {...field("role")}
        label="Their role in the project (optional)"
        hint="For example “Ward manager”, “Data lead” or “Patient partner”."
        maxLength={200}
      />
      <Button disabled={pending}>Add to the team</Button>
    </form>
  );
}
