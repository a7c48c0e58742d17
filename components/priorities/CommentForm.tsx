"use client";
import { addCommentAction } from "@/lib/priorities/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextArea } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

export function CommentForm({
  roundId,
  collaborativeSlug,
  candidates,
}: {
  roundId: string;
  collaborativeSlug: string;
  candidates: { id: string; title: string }[];
}) {
  const {
    state,
    formAction: action,
    pending,
    values,
    problem,
  } = useFormAction(addCommentAction, { resetOnSuccess: true });
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
      <SelectField
        name="candidateId"
        label="What is your comment about?"
        options={candidates.map((c) => ({ value: c.id, label: c.title }))}
        placeholder="The round in general"
        defaultValue={values.candidateId}
        error={state.fieldErrors?.candidateId}
      />
      <TextArea
        name="body"
        label="Your comment"
        hint="Other members will see it, with whether it came from a patient or carer or a member of staff, but not your name."
        rows={4}
        maxLength={2000}
        defaultValue={values.body}
        error={state.fieldErrors?.body}
      />
      <Button variant="secondary" disabled={pending}>
        Add comment
      </Button>
    </form>
  );
}
