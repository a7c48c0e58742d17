import type { Metadata } from "next";
import Link from "next/link";
import { requestPasswordResetAction } from "@/lib/accounts/actions";
import { AccountForm } from "@/components/accounts/AccountForm";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="max-w-2xl">
      <h1>Reset your password</h1>
      <p>
        Enter the email address you use to sign in. If it belongs to an account, we will email you a link to choose a
        new password.
      </p>
      <AccountForm
        action={requestPasswordResetAction}
        fields={[{ name: "email", label: "Email address", type: "email", autoComplete: "email" }]}
        submitLabel="Send me a link"
      />
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
