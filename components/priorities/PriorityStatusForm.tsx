"use client";
import { updatePriorityStatusAction } from "@/lib/priorities/actions";
import { PRIORITY_STATUS_HINTS, PRIORITY_STATUS_LABELS } from "@/lib/priorities/labels";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";
import { SuccessMessage } from "@/components/ui/Panels";

const STATUSES = ["ACTIVE", "ACHIEVED", "RETIRED"] as const;

export function PriorityStatusForm({
  priorityId,
  status,
  collaborativeSlug,
}: {
  priorityId: string;
  status: (typeof STATUSES)[number];
  collaborativeSlug: string;
}) {
  const { state, formAction: action, pending, problem } = useFormAction(updatePriorityStatusAction);
  return (
    <form action={action} noValidate>
      {state.ok && <SuccessMessage>{state.message}</SuccessMessage>}
      <ErrorSummary errors={state.fieldErrors} message={problem} />
      <input type="hidden" name="priorityId" value={priorityId} />
      <input type="hidden" name="currentStatus" value={status} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <ChoiceField
        name="status"
        label="Status"
        options={STATUSES.map((s) => ({ value: s, label: PRIORITY_STATUS_LABELS[s], hint: PRIORITY_STATUS_HINTS[s] }))}
        defaultValue={state.values?.status ?? status}
        error={state.fieldErrors?.status}
      />
      <Button variant="secondary" disabled={pending}>
        Change status
      </Button>
    </form>
  );
}
