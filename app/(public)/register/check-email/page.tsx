import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

// The same page whether or not the address already had an account, so registering reveals nothing.
export default function RegistrationCheckEmailPage() {
  return (
    <div className="max-w-2xl">
      <h1>Check your email</h1>
      <p>
        We have sent an email to the address you gave. Use the link in it, within 1 hour, to confirm your address and
        sign in. Until then you cannot sign in with your password.
      </p>
      <p>
        If you already had an account with that address, the email says how to sign in or reset your password instead.
      </p>
      <p>
        No email after a few minutes? Check your spam folder, or <Link href="/sign-in">sign in</Link> if you already
        have an account.
      </p>
    </div>
  );
}
