"use client";
import { createRoundAction } from "@/lib/priorities/actions";
import { formatNumber } from "@/lib/format";
import { CANDIDATE_SOURCE_LABELS } from "@/lib/priorities/labels";
import { ParticipantGroupsField } from "./ParticipantGroupsField";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, DateField, TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

type Area = { id: string; name: string; source: "NATIONAL" | "CONCERNS" | "PROPOSAL"; evidenceCount: number };

/** Sets up a round as a draft; it opens later, from the round's page. */
export function CreateRoundForm({
  collaborativeId,
  collaborativeSlug,
  areas,
  since,
}: {
  collaborativeId: string;
  collaborativeSlug: string;
  areas: Area[];
  since: string;
}) {
  const {
    state,
    formAction: action,
    pending,
    errors,
    field,
    dateField,
  } = useFormAction(createRoundAction, {
    initial: { participantGroups: "PATIENT_CARER,STAFF" },
  });
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <input type="hidden" name="collaborativeId" value={collaborativeId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <TextField
        {...field("title")}
        label="Title of the round"
        hint="For example: Our local safety priorities for 2027"
        maxLength={150}
      />
      <TextArea
        {...field("description")}
        label="What you are asking people (optional)"
        hint="Shown at the top of the round's page."
        rows={4}
        maxLength={2000}
      />
      <ParticipantGroupsField {...field("participantGroups")} />
      <ChoiceField
        {...field("areaIds")}
        multiple
        label="Candidates from the priority areas"
        hint={`The number beside each is how many safety concerns were raised with this collaborative about that area since ${since}. It is shown to everyone taking part.`}
        options={areas.map((a) => ({
          value: a.id,
          label: a.name,
          hint: `${CANDIDATE_SOURCE_LABELS[a.source]}. Concerns: ${formatNumber(a.evidenceCount)}`,
        }))}
      />
      <TextArea
        {...field("proposals")}
        label="Candidates of your own (optional)"
        hint="One per line, for example from a members' workshop. You can add more before the round opens, and members can propose more while it is open."
        rows={4}
      />
      <DateField
        {...dateField("closesAt")}
        label="Ranking closes (optional)"
        hint="People can rank until the end of this day. Leave it empty to close the round yourself when you are ready. For example, 31 3 2027"
      />
      <p>
        The round is saved as a draft that only your collaborative&rsquo;s leads can see. You open it, or schedule it to
        open on a date, from its page.
      </p>
      <Button disabled={pending}>Save as a draft</Button>
    </form>
  );
}
