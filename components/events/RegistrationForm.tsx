"use client";
import { useActionState } from "react";
import { cancelRegistrationAction, registerAction } from "@/lib/events/actions";
import { initialFormState } from "@/lib/forms";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";

/** Sign up, or give up a place: one button, no fields. */
export function RegistrationForm({ eventId, collaborativeSlug, registered }: { eventId: string; collaborativeSlug: string; registered: boolean }) {
  const [state, action, pending] = useActionState(registered ? cancelRegistrationAction : registerAction, initialFormState);
  return (
    <form action={action} noValidate>
      {state.ok && <p role="status" className="border-l-[10px] border-nhs-green bg-white p-4 font-bold">{state.message}</p>}
      <ErrorSummary message={state.ok ? undefined : state.message} errors={state.fieldErrors} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <Button variant={registered ? "secondary" : "primary"} disabled={pending}>{registered ? "Cancel my place" : "Sign up for this event"}</Button>
    </form>
  );
}
