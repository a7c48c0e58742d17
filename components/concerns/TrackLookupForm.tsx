"use client";
import { trackLookupAction } from "@/lib/concerns/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

export function TrackLookupForm() {
  const { state, formAction: action, pending, field } = useFormAction(trackLookupAction);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} order={["reference", "link"]} />
      <TextField
        {...field("reference")}
        label="Reference"
        hint="For example, PSC-7K4D-92QF"
        width="max-w-xs"
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        {...field("link")}
        label="Tracking link"
        hint="The link from your confirmation page or from our email, starting https://"
        autoComplete="off"
        spellCheck={false}
      />
      <Button disabled={pending}>Find my concern</Button>
    </form>
  );
}
