"use client";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  collaborativeName: string;
};

/** Adds a member by email address, or invites someone who is not a member to join and be on the team. */
export function TeamInviteForm({ action, projectId, collaborativeName }: Props) {
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
      <Button disabled={pending}>Invite to the team</Button>
    </form>
  );
}
