import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getMyConcern } from "@/lib/concerns/queries";
import { doneMessage } from "@/lib/forms/done";
import { orNotFound } from "@/lib/route-errors";
import { ReporterProgress } from "@/components/concerns/ReporterProgress";
import { ReplyForm } from "@/components/concerns/ReplyForm";
import { BackLink } from "@/components/ui/Panels";
import { DoneBanner } from "@/components/ui/DoneBanner";

export const metadata: Metadata = { title: "Your safety concern" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function MyConcernPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/my/concerns/${id}`);
  const concern = await orNotFound(getMyConcern(viewer, id));
  const done = doneMessage((await searchParams).done);
  return (
    <div className="max-w-3xl">
      {done && <DoneBanner key={crypto.randomUUID()} message={done} />}
      <BackLink href="/my/concerns">My concerns</BackLink>
      <h1>Your safety concern</h1>
      <ReporterProgress concern={concern} replyForm={<ReplyForm concernId={concern.id} />} />
    </div>
  );
}
