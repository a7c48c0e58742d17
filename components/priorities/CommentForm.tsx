"use client";
import { addCommentAction } from "@/lib/priorities/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextArea } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";
import { SuccessMessage } from "@/components/ui/Panels";

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
    problem,
    field,
  } = useFormAction(addCommentAction, { resetOnSuccess: true });
  return (
    <form action={action} noValidate>
      {state.ok && <SuccessMessage>{state.message}</SuccessMessage>}
      <ErrorSummary errors={state.fieldErrors} message={problem} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <SelectField
        {...field("candidateId")}
        label="What is your comment about?"
        options={candidates.map((c) => ({ value: c.id, label: c.title }))}
        placeholder="The round in general"
      />
      <TextArea
        {...field("body")}
        label="Your comment"
        hint="Other members will see it, with whether it came from a patient or carer or a member of staff, but not your name."
        rows={4}
        maxLength={2000}
      />
      <Button variant="secondary" disabled={pending}>
        Add comment
      </Button>
    </form>
  );
}
