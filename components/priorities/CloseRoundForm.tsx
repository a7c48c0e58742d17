"use client";
import { closeRoundAction } from "@/lib/priorities/actions";
import { pluralise } from "@/lib/format";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, TextArea } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { SummaryList, WarningCallout } from "@/components/ui/Panels";
import { useFormAction } from "@/components/ui/use-form-action";

type Candidate = {
  id: string;
  title: string;
  hint: string;
  /** The existing priority it stands for if chosen (linked, not copied). */
  match: { name: string; kind: "NATIONAL" | "LOCAL"; projects: number } | null;
};

function outcome(c: Candidate) {
  if (!c.match) return "becomes a new local priority";
  const what = c.match.kind === "NATIONAL" ? "the national priority area" : "the existing local priority";
  return `links to ${what} “${c.match.name}” (${pluralise(c.match.projects, "project")}), rather than a copy`;
}

/**
 * Closing in two steps: the decision (which candidates, and why), then a confirmation that says what
 * closing does and how many have ranked, before anything changes. Works without JavaScript: each step
 * is the action's answer.
 */
export function CloseRoundForm({
  roundId,
  version,
  collaborativeSlug,
  candidates,
  ballots,
}: {
  roundId: string;
  version: number;
  collaborativeSlug: string;
  candidates: Candidate[];
  ballots: { patientCarer: number; staff: number };
}) {
  const { state, formAction: action, pending, errors, field, values } = useFormAction(closeRoundAction);
  const hidden = (
    <>
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
    </>
  );

  if (state.ok && state.data?.step === "confirm") {
    const chosenIds = (values.chosen ?? "").split(",").filter(Boolean);
    const chosen = candidates.filter((c) => chosenIds.includes(c.id));
    const total = ballots.patientCarer + ballots.staff;
    return (
      <form action={action} noValidate>
        {hidden}
        {chosen.map((c) => (
          <input key={c.id} type="hidden" name="chosen" value={c.id} />
        ))}
        <input type="hidden" name="rationale" value={values.rationale ?? ""} />
        <h2>Check your decision before you close the round</h2>
        <SummaryList
          rows={[
            {
              label: "Rankings",
              value: `${pluralise(total, "person has", "people have")} ranked: ${pluralise(ballots.patientCarer, "patient or carer", "patients and carers")} and ${pluralise(ballots.staff, "member of staff", "members of staff")}.`,
            },
            {
              label: "Chosen",
              value: (
                <ul className="mb-0 list-disc pl-6">
                  {chosen.map((c) => (
                    <li key={c.id}>
                      {c.title}: {outcome(c)}
                    </li>
                  ))}
                </ul>
              ),
            },
            { label: "Why", value: <span className="whitespace-pre-line">{values.rationale}</span> },
          ]}
        />
        <WarningCallout title="What closing does">
          <ul className="mb-0 list-disc pl-6">
            <li>Nobody can rank, propose candidates or comment any more.</li>
            <li>The results and your decision are published on the round&rsquo;s page for everyone to see.</li>
            <li>The chosen candidates become the collaborative&rsquo;s priorities, as listed above.</li>
            <li>It cannot be undone: the candidates, rankings and decision can no longer change.</li>
          </ul>
        </WarningCallout>
        <div className="flex flex-wrap gap-4">
          <Button name="step" value="confirm" variant="warning" disabled={pending}>
            Close the round
          </Button>
          <Button name="step" value="change" variant="secondary" disabled={pending}>
            Change my decision
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      {hidden}
      <ChoiceField
        {...field("chosen")}
        multiple
        label="Which candidates become the collaborative's priorities?"
        hint="A candidate that is already one of the collaborative's priorities, or a national priority area, is linked to it (with its projects) rather than copied. Any other becomes a new local priority, linked to this round and its results."
        options={candidates.map((c) => ({
          value: c.id,
          label: c.title,
          hint: `${c.hint}. If chosen, it ${outcome(c)}.`,
        }))}
      />
      <TextArea
        {...field("rationale")}
        label="Why you chose them"
        hint="Shown publicly on the round and on each priority. Say how the rankings of patients and carers and of staff, the evidence from concerns and anything else were weighed."
        rows={6}
        maxLength={4000}
      />
      <p>You can check your decision before the round closes.</p>
      <Button name="step" value="check" disabled={pending}>
        Continue
      </Button>
    </form>
  );
}
