import type { Metadata } from "next";
import Link from "next/link";
import { KINDS, isNotificationKind } from "@/lib/notifications/kinds";
import { ConfirmationPanel } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Emails stopped", robots: { index: false } };

type Props = { searchParams: Promise<{ kind?: string; result?: string }> };

export default async function UnsubscribedPage({ searchParams }: Props) {
  const { kind } = await searchParams;
  if (!kind || !isNotificationKind(kind)) {
    return (
      <div className="max-w-3xl">
        <h1>This link does not work</h1>
        <p>Nothing has changed. Sign in to choose which emails you get.</p>
        <p>
          <Link href="/account/notifications">Go to your notification settings</Link>
        </p>
      </div>
    );
  }
  const what = kind === "concern.digest" ? "the daily summary" : `emails about ${KINDS[kind].label.toLowerCase()}`;
  return (
    <div className="max-w-3xl">
      <ConfirmationPanel title="Emails stopped">
        <p className="mb-0">You will no longer get {what}.</p>
      </ConfirmationPanel>
      <p>
        To turn them back on, or to choose a daily summary instead, go to your{" "}
        <Link href="/account/notifications">notification settings</Link>.
      </p>
    </div>
  );
}
