"use client";
import { useActionState } from "react";
import { trackLookupAction } from "@/lib/concerns/actions";
import { initialFormState } from "@/lib/forms";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";

export function TrackLookupForm() {
  const [state, action, pending] = useActionState(trackLookupAction, initialFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} />
      <TextField name="reference" label="Reference" hint="For example, PSC-7K4D-92QF" width="max-w-xs" autoComplete="off" spellCheck={false} defaultValue={state.values?.reference} error={state.fieldErrors?.reference} />
      <TextField name="link" label="Tracking link" hint="The link from your confirmation page or from our email, starting https://" autoComplete="off" spellCheck={false} defaultValue={state.values?.link} error={state.fieldErrors?.link} />
      <Button disabled={pending}>Find my concern</Button>
    </form>
  );
}
