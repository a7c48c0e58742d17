"use client";
import { cancelEventAction } from "@/lib/events/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

export function CancelEventForm({
  eventId,
  version,
  collaborativeSlug,
}: {
  eventId: string;
  version: number;
  collaborativeSlug: string;
}) {
  const { state, formAction: action, pending, problem } = useFormAction(cancelEventAction);
  return (
    <form action={action} noValidate>
      <ErrorSummary message={problem} errors={state.fieldErrors} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <Button variant="warning" disabled={pending}>
        Cancel this event
      </Button>
    </form>
  );
}
