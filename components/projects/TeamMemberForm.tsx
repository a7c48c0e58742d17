"use client";
import { SelectField, TextField, type Option } from "@/components/ui/Field";
import type { FormStateAction } from "@/components/ui/use-form-action";
import { TeamForm } from "./TeamForm";

type Props = { action: FormStateAction; projectId: string; candidates: Option[] };

/** Adds a portal member, or someone without an account by name, to the project team. */
export function TeamMemberForm({ action, projectId, candidates }: Props) {
  return (
    <TeamForm action={action} projectId={projectId} submitLabel="Add to the team">
      {(field) => (
        <>
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
        </>
      )}
    </TeamForm>
  );
}
