"use client";
import { submitBallotAction } from "@/lib/priorities/actions";
import { rankField } from "@/lib/priorities/ranking";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

/** One "Rank" select per candidate: works without JavaScript; the server checks the ranks. */
export function RankingForm({
  roundId,
  collaborativeSlug,
  candidates,
}: {
  roundId: string;
  collaborativeSlug: string;
  candidates: { id: string; title: string }[];
}) {
  const { state, formAction: action, pending } = useFormAction(submitBallotAction);
  const options = candidates.map((_, i) => ({
    value: String(i + 1),
    label: i === 0 ? "1 (matters most)" : String(i + 1),
  }));
  if (state.ok) {
    return (
      <div className="mb-8 border-l-[10px] border-nhs-green bg-white p-4 sm:p-6" role="status">
        <p className="mb-0 font-bold">{state.message}</p>
      </div>
    );
  }
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <p>
        Give 1 to the candidate that matters most to you, 2 to the next, and so on. Leave any you do not want to rank as
        &ldquo;Not ranked&rdquo;. Each rank can be used once.
      </p>
      <div className="grid gap-x-8 sm:grid-cols-2">
        {candidates.map((c) => (
          <SelectField
            key={c.id}
            name={rankField(c.id)}
            label={<>Rank for &ldquo;{c.title}&rdquo;</>}
            options={options}
            placeholder="Not ranked"
            defaultValue={state.values?.[rankField(c.id)] ?? ""}
            error={state.fieldErrors?.[rankField(c.id)]}
          />
        ))}
      </div>
      <p>You can rank once in each round, and you cannot change your ranking afterwards.</p>
      <Button disabled={pending}>Submit my ranking</Button>
    </form>
  );
}
