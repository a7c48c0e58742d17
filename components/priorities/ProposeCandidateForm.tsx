"use client";
import { proposeCandidateAction } from "@/lib/priorities/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";
import { SuccessMessage } from "@/components/ui/Panels";

export function ProposeCandidateForm({ roundId, collaborativeSlug }: { roundId: string; collaborativeSlug: string }) {
  const {
    state,
    formAction: action,
    pending,
    problem,
    field,
  } = useFormAction(proposeCandidateAction, { resetOnSuccess: true });
  // After a proposal, the form starts empty again (the new candidate is listed above).
  return (
    <form action={action} noValidate>
      {state.ok && <SuccessMessage>{state.message}</SuccessMessage>}
      <ErrorSummary errors={state.fieldErrors} message={problem} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <TextField
        {...field("title")}
        label="Your proposed priority"
        hint="A few words, for example: Safer discharge for people who live alone"
        maxLength={150}
      />
      <TextArea {...field("description")} label="Why it matters (optional)" rows={3} maxLength={1000} />
      <Button variant="secondary" disabled={pending}>
        Propose this priority
      </Button>
    </form>
  );
}
