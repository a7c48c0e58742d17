"use client";
import { closeRoundAction } from "@/lib/priorities/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, TextArea } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { WarningCallout } from "@/components/ui/Panels";
import { useFormAction } from "@/components/ui/use-form-action";

export function CloseRoundForm({
  roundId,
  version,
  collaborativeSlug,
  candidates,
}: {
  roundId: string;
  version: number;
  collaborativeSlug: string;
  candidates: { id: string; title: string; hint: string }[];
}) {
  const { state, formAction: action, pending, errors, field } = useFormAction(closeRoundAction);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <ChoiceField
        {...field("chosen")}
        multiple
        label="Which candidates become local priorities?"
        hint="Each one you choose becomes a local priority of the collaborative, linked to this round and its results."
        options={candidates.map((c) => ({ value: c.id, label: c.title, hint: c.hint }))}
      />
      <TextArea
        {...field("rationale")}
        label="Why you chose them"
        hint="Shown publicly on the round and on each priority. Say how the rankings of patients and carers and of staff, the evidence from concerns and anything else were weighed."
        rows={6}
        maxLength={4000}
      />
      <WarningCallout title="Closing cannot be undone">
        <p>
          Once the round closes, nobody can rank, propose or comment, and the candidates, rankings and decision can no
          longer be changed.
        </p>
      </WarningCallout>
      <Button disabled={pending}>Close the round and record the decision</Button>
    </form>
  );
}
