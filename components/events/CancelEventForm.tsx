"use client";
import { useActionState } from "react";
import { cancelEventAction } from "@/lib/events/actions";
import { initialFormState } from "@/lib/forms";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";

export function CancelEventForm({ eventId, version, collaborativeSlug }: { eventId: string; version: number; collaborativeSlug: string }) {
  const [state, action, pending] = useActionState(cancelEventAction, initialFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary message={state.ok ? undefined : state.message} errors={state.fieldErrors} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <Button variant="warning" disabled={pending}>Cancel this event</Button>
    </form>
  );
}
