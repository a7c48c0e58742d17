import type { Metadata } from "next";
import Link from "next/link";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { KINDS } from "@/lib/notifications/kinds";
import { unsubscribeAction } from "@/lib/notifications/actions";
import { Button } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Stop these emails", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

// Opening this page changes nothing (mail scanners open links): the button does.
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const subject = readUnsubscribeToken(decodeURIComponent(token));
  if (!subject) {
    return (
      <div className="max-w-3xl">
        <h1>This link does not work</h1>
        <p>
          It may have been copied incompletely. Copy the whole link from the email, or sign in to change your settings.
        </p>
        <p>
          <Link href="/account/notifications">Go to your notification settings</Link>
        </p>
      </div>
    );
  }
  const digest = subject.kind === "concern.digest";
  const label = KINDS[subject.kind].label.toLowerCase();
  return (
    <div className="max-w-3xl">
      <h1>{digest ? "Stop the daily summary emails" : `Stop emails about ${label}`}</h1>
      <p>
        {digest
          ? "You will no longer get the daily summary, and nothing will be emailed in its place. You can turn it back on in your notification settings."
          : `You will no longer get emails about ${label}. You can turn them back on in your notification settings.`}
      </p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={decodeURIComponent(token)} />
        <Button>Stop these emails</Button>
      </form>
      <p>
        <Link href="/account/notifications">Choose which emails you get instead</Link> (you will need to sign in).
      </p>
    </div>
  );
}
