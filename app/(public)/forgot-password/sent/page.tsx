import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

export default function ResetSentPage() {
  return (
    <div className="max-w-2xl">
      <h1>Check your email</h1>
      <p>
        If the email address you entered belongs to an account, we have sent it a link to reset your password. The link
        works once, within 1 hour.
      </p>
      <p>
        If nothing arrives within a few minutes, check your junk folder, or{" "}
        <Link href="/forgot-password">ask for another link</Link>.
      </p>
    </div>
  );
}
