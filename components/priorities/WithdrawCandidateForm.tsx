"use client";
import { withdrawCandidateAction } from "@/lib/priorities/actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** For leads: take an unranked candidate out of an open round. */
export function WithdrawCandidateForm({
  roundId,
  candidateId,
  title,
  collaborativeSlug,
}: {
  roundId: string;
  candidateId: string;
  title: string;
  collaborativeSlug: string;
}) {
  const { state, formAction: action, pending } = useFormAction(withdrawCandidateAction);
  return (
    <form action={action} className="mt-2">
      {!state.ok && state.message && (
        <p role="alert" className="mb-2 font-bold text-nhs-red">
          {state.message}
        </p>
      )}
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="candidateId" value={candidateId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <button type="submit" disabled={pending} className="cursor-pointer text-base text-nhs-blue underline">
        Remove<span className="sr-only"> &ldquo;{title}&rdquo; from the round</span>
      </button>
    </form>
  );
}
