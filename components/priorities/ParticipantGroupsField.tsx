import { PARTICIPANT_GROUP_LABELS } from "@/lib/priorities/labels";
import { ChoiceField } from "@/components/ui/Field";

/** Who a round asks to rank: they can take part, and are told when it opens. */
export function ParticipantGroupsField(props: { name: string; defaultValue?: string; error?: string }) {
  return (
    <ChoiceField
      {...props}
      multiple
      label="Who is asked to rank"
      hint="Members of the collaborative in these groups can rank, propose and comment, and are told when the round opens. Collaborative leads count as staff."
      options={[
        { value: "PATIENT_CARER", label: PARTICIPANT_GROUP_LABELS.PATIENT_CARER },
        { value: "STAFF", label: PARTICIPANT_GROUP_LABELS.STAFF },
      ]}
    />
  );
}
