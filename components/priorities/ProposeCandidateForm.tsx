"use client";
import { proposeCandidateAction } from "@/lib/priorities/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

export function ProposeCandidateForm({ roundId, collaborativeSlug }: { roundId: string; collaborativeSlug: string }) {
  const {
    state,
    formAction: action,
    pending,
    values,
    problem,
  } = useFormAction(proposeCandidateAction, { resetOnSuccess: true });
  // After a proposal, the form starts empty again (the new candidate is listed above).
  return (
    <form action={action} noValidate>
      {state.ok && (
        <p role="status" className="border-l-[10px] border-nhs-green bg-white p-4 font-bold">
          {state.message}
        </p>
      )}
      <ErrorSummary errors={state.fieldErrors} message={problem} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <TextField
        name="title"
        label="Your proposed priority"
        hint="A few words, for example: Safer discharge for people who live alone"
        maxLength={150}
        defaultValue={values.title}
        error={state.fieldErrors?.title}
      />
      <TextArea
        name="description"
        label="Why it matters (optional)"
        rows={3}
        maxLength={1000}
        defaultValue={values.description}
        error={state.fieldErrors?.description}
      />
      <Button variant="secondary" disabled={pending}>
        Propose this priority
      </Button>
    </form>
  );
}
