"use client";
// The reporter's reply to the team, with how well the response answered their concern. A plain
// <form>: it works without JavaScript (the action redirects back to the page, landing on the thanks).
import { replyByTrackingLinkAction, replyToMyConcernAction } from "@/lib/concerns/actions";
import { LIMITS, REPLY_ANSWERS, REPLY_ANSWER_LABELS } from "@/lib/concerns/schemas";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, TextArea } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

/** Reached by the private tracking link (`token`) or from "My concerns" (`concernId`). */
export function ReplyForm(props: { token: string } | { concernId: string }) {
  const { formAction, pending, field, errors, problem } = useFormAction(
    "token" in props ? replyByTrackingLinkAction : replyToMyConcernAction,
  );
  return (
    <form action={formAction} noValidate className="mb-8" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Reply to the team</h2>
      <ErrorSummary errors={errors} message={problem} />
      {"token" in props ? (
        <input type="hidden" name="token" value={props.token} />
      ) : (
        <input type="hidden" name="concernId" value={props.concernId} />
      )}
      <ChoiceField
        {...field("answered")}
        label="Did our response answer your concern?"
        hint="This helps the team, and is counted (without your words) to see how well concerns are answered."
        inline
        options={REPLY_ANSWERS.map((value) => ({ value, label: REPLY_ANSWER_LABELS[value] }))}
      />
      <TextArea
        {...field("reply")}
        label="Your reply (optional)"
        hint="Only the patient safety team reads it. Please do not include names or contact details."
        rows={5}
        maxLength={LIMITS.reply}
      />
      <Button disabled={pending}>Send reply</Button>
    </form>
  );
}
