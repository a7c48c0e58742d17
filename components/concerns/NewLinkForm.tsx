"use client";
import { requestNewLinkAction } from "@/lib/concerns/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

/** "I lost my link": the reference and the email address given with the concern. */
export function NewLinkForm() {
  const { state, formAction: action, pending, field } = useFormAction(requestNewLinkAction);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} order={["newLinkReference", "newLinkEmail"]} />
      <TextField
        {...field("newLinkReference")}
        label="Reference"
        hint="For example, PSC-7K4D-92QF"
        width="max-w-xs"
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        {...field("newLinkEmail")}
        label="Email address you gave with your concern"
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      <Button disabled={pending}>Email me a new link</Button>
    </form>
  );
}
