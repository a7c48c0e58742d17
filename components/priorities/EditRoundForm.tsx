"use client";
import { updateRoundAction } from "@/lib/priorities/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { DateField, TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictList } from "@/components/collaboratives/ConflictList";
import { useFormAction } from "@/components/ui/use-form-action";
import { ParticipantGroupsField } from "./ParticipantGroupsField";

type Initial = {
  title: string;
  description: string;
  participantGroups: string;
  "closesAt-day": string;
  "closesAt-month": string;
  "closesAt-year": string;
};

export function EditRoundForm({
  roundId,
  version,
  collaborativeSlug,
  initial,
  groupsFixed,
}: {
  roundId: string;
  version: number;
  collaborativeSlug: string;
  initial: Initial;
  /** Once the round is open, who is asked is kept as it was (sent unchanged). */
  groupsFixed: boolean;
}) {
  const {
    state,
    formAction: action,
    pending,
    values,
    errors,
    field,
    dateField,
  } = useFormAction(updateRoundAction, { initial });
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <ConflictList state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="version" value={values.version ?? version} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <TextField {...field("title")} label="Title of the round" maxLength={150} />
      <TextArea {...field("description")} label="What you are asking people (optional)" rows={4} maxLength={2000} />
      {groupsFixed ? (
        initial.participantGroups
          .split(",")
          .map((group) => <input key={group} type="hidden" name="participantGroups" value={group} />)
      ) : (
        <ParticipantGroupsField {...field("participantGroups")} />
      )}
      <DateField
        {...dateField("closesAt")}
        label="Ranking closes (optional)"
        hint="People can rank until the end of this day. Leave it empty to close the round yourself. For example, 31 3 2027"
      />
      <Button disabled={pending}>Save changes</Button>
    </form>
  );
}
