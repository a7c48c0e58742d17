import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

export default function EmailLinkSentPage() {
  return (
    <div className="max-w-2xl">
      <h1>Check your email</h1>
      <p>
        If the email address you entered belongs to an account, we have sent it a sign-in link. The link works once,
        within 1 hour.
      </p>
      <p>
        No account yet? <Link href="/register">Create an account</Link>.
      </p>
    </div>
  );
}
