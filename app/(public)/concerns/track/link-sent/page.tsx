import type { Metadata } from "next";
import Link from "next/link";

// The one answer to "email me a new link", whether or not the reference and address matched a concern.
export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function NewLinkSentPage() {
  return (
    <div className="max-w-3xl">
      <h1>Check your email</h1>
      <p>
        If the reference and email address you entered match a concern, we have sent a new private tracking link to that
        email address. It should arrive within a few minutes.
      </p>
      <p>When we send a new link, the old link stops working. Use the link in the newest email.</p>
      <p>
        If nothing arrives, check your junk folder, and check the reference and the email address you gave with your
        concern. You can <Link href="/concerns/track#new-link">ask again</Link>.
      </p>
      <h2>If you did not give an email address</h2>
      <p>
        We cannot send a link, because we do not know who sent the concern. You can{" "}
        <Link href="/concerns/new">tell us about it again</Link> and mention your old reference, or contact your
        area&apos;s <Link href="/collaboratives">Patient Safety Collaborative</Link>.
      </p>
    </div>
  );
}
