import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { getConcernByTrackingToken } from "@/lib/concerns/queries";
import { doneMessage } from "@/lib/forms/done";
import { ReporterProgress } from "@/components/concerns/ReporterProgress";
import { ReplyForm } from "@/components/concerns/ReplyForm";
import { DoneBanner } from "@/components/ui/DoneBanner";

// The token is in the address: never send it on to other sites, and keep the page out of search engines.
// "same-origin", not "no-referrer": the page has the reply form, and with "no-referrer" the browser sends
// "Origin: null" with it, which server actions refuse (the JavaScript-off reply failed on exactly that).
export const metadata: Metadata = {
  title: "Your safety concern",
  referrer: "same-origin",
  robots: { index: false, follow: false },
};

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TrackConcernPage({ params, searchParams }: Props) {
  const { token } = await params;
  const concern = await getConcernByTrackingToken(await getViewer(), token);
  if (!concern) notFound();
  const done = doneMessage((await searchParams).done);
  return (
    <div className="max-w-3xl">
      {done && <DoneBanner key={crypto.randomUUID()} message={done} />}
      <h1>Your safety concern</h1>
      <ReporterProgress concern={concern} replyForm={<ReplyForm token={token} />} />
      <p>For your privacy, this page does not show what you wrote or your contact details.</p>
      <p>If someone needs medical help now, call 999 in an emergency, or 111 if it is urgent but not an emergency.</p>
      <p>
        <Link href="/concerns/new">Tell us about another concern</Link>
      </p>
    </div>
  );
}
