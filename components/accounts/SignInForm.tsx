"use client";
import { signInAction } from "@/lib/accounts/actions";
import { initialFormState } from "@/lib/forms";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const { state, formAction: action, pending, field } = useFormAction(signInAction);
  // The uniform sign-in error is both the message and the email field's error: show it once.
  const repeated = Object.values(state.fieldErrors ?? {}).includes(state.message ?? "");
  const submitted = state !== initialFormState;
  return (
    <form action={action} noValidate>
      <ErrorSummary
        errors={state.fieldErrors}
        message={submitted ? (repeated ? undefined : state.message) : notice}
        order={["email", "password"]}
      />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField {...field("email")} label="Email address" type="email" autoComplete="email" spellCheck={false} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors?.password}
      />
      <Button disabled={pending}>Sign in</Button>
    </form>
  );
}
