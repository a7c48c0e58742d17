"use client";
import { useActionState } from "react";
import { proposeCandidateAction } from "@/lib/priorities/actions";
import { initialFormState } from "@/lib/forms";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";

export function ProposeCandidateForm({ roundId, collaborativeSlug }: { roundId: string; collaborativeSlug: string }) {
  const [state, action, pending] = useActionState(proposeCandidateAction, initialFormState);
  // After a proposal, the form starts empty again (the new candidate is listed above).
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate>
      {state.ok && (
        <p role="status" className="border-l-[10px] border-nhs-green bg-white p-4 font-bold">
          {state.message}
        </p>
      )}
      <ErrorSummary errors={state.fieldErrors} message={state.ok ? undefined : state.message} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <TextField name="title" label="Your proposed priority" hint="A few words, for example: Safer discharge for people who live alone" maxLength={150} defaultValue={values.title} error={state.fieldErrors?.title} />
      <TextArea name="description" label="Why it matters (optional)" rows={3} maxLength={1000} defaultValue={values.description} error={state.fieldErrors?.description} />
      <Button variant="secondary" disabled={pending}>Propose this priority</Button>
    </form>
  );
}
