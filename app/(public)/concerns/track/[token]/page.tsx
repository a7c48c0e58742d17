import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { getConcernByTrackingToken } from "@/lib/concerns/queries";
import { ReporterProgress } from "@/components/concerns/ReporterProgress";

// The token is in the address: never send it on to other sites, and keep the page out of search engines.
export const metadata: Metadata = {
  title: "Your safety concern",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

type Props = { params: Promise<{ token: string }> };

export default async function TrackConcernPage({ params }: Props) {
  const { token } = await params;
  const concern = await getConcernByTrackingToken(await getViewer(), token);
  if (!concern) notFound();
  return (
    <div className="max-w-3xl">
      <h1>Your safety concern</h1>
      <ReporterProgress concern={concern} />
      <p>For your privacy, this page does not show what you wrote or your contact details.</p>
      <p>If someone needs medical help now, call 999 in an emergency, or 111 if it is urgent but not an emergency.</p>
      <p>
        <Link href="/concerns/new">Tell us about another concern</Link>
      </p>
    </div>
  );
}
