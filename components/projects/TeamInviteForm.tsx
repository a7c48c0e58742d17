"use client";
import { ChoiceField, TextField } from "@/components/ui/Field";
import type { FormStateAction } from "@/components/ui/use-form-action";
import { TeamForm } from "./TeamForm";

type Props = { action: FormStateAction; projectId: string; collaborativeName: string };

/** Adds a member by email address, or invites someone who is not a member to join and be on the team. */
export function TeamInviteForm({ action, projectId, collaborativeName }: Props) {
  return (
    <TeamForm action={action} projectId={projectId} submitLabel="Invite to the team">
      {(field) => (
        <>
          <TextField
            {...field("email")}
            type="email"
            autoComplete="off"
            label="Their email address"
            hint={`A member of ${collaborativeName} is added at once. Anyone else gets an email inviting them to join the collaborative and this team.`}
            maxLength={320}
          />
          <ChoiceField
            {...field("joinAs")}
            label="If they are not a member yet, they join as"
            options={[
              {
                value: "STAFF",
                label: "A member of staff",
                hint: "A lead of the collaborative approves them; they join the team once approved.",
              },
              { value: "PATIENT", label: "A patient partner", hint: "They join the team as soon as they accept." },
            ]}
          />
          <TextField
            {...field("teamRole")}
            label="Their role on the team (optional)"
            hint="For example “Ward manager”, “Data lead” or “Patient partner”."
            maxLength={200}
          />
        </>
      )}
    </TeamForm>
  );
}
