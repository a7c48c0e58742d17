"use client";
import { cancelRegistrationAction, registerAction } from "@/lib/events/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";
import { SuccessMessage } from "@/components/ui/Panels";

/** Sign up, or give up a place: one button, no fields. */
export function RegistrationForm({
  eventId,
  collaborativeSlug,
  registered,
}: {
  eventId: string;
  collaborativeSlug: string;
  registered: boolean;
}) {
  const {
    state,
    formAction: action,
    pending,
    problem,
  } = useFormAction(registered ? cancelRegistrationAction : registerAction);
  return (
    <form action={action} noValidate>
      {state.ok && <SuccessMessage>{state.message}</SuccessMessage>}
      <ErrorSummary message={problem} errors={state.fieldErrors} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      <Button variant={registered ? "secondary" : "primary"} disabled={pending}>
        {registered ? "Cancel my place" : "Sign up for this event"}
      </Button>
    </form>
  );
}
