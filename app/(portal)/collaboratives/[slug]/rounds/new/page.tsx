import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getRoundOpeningOptions } from "@/lib/priorities/queries";
import { orNotFound } from "@/lib/route-errors";
import { formatDate, pluralise } from "@/lib/format";
import { BackLink } from "@/components/ui/Panels";
import { CreateRoundForm } from "@/components/priorities/CreateRoundForm";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Set up a priority-setting round" };

export default async function NewRoundPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/rounds/new`);
  const { collaborative, areas, since, unassignedConcerns } = await orNotFound(getRoundOpeningOptions(viewer, slug));
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/rounds`}>Priority-setting rounds</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Set up a priority-setting round</h1>
      <p className="max-w-3xl">
        Choose the candidate priorities people will rank and who is asked. The round starts as a draft: check it, then
        open it or schedule it to open on a date. Once it is open, the members it asks can rank the candidates, comment
        and propose more until you close it.
      </p>
      {unassignedConcerns > 0 && (
        <p className="max-w-3xl">
          {pluralise(unassignedConcerns, "concern")} raised since {formatDate(since)} did not fit any area. Read them in
          the concerns list if you want to add a candidate of your own from them.
        </p>
      )}
      <CreateRoundForm
        collaborativeId={collaborative.id}
        collaborativeSlug={collaborative.slug}
        areas={areas}
        since={formatDate(since)}
      />
    </>
  );
}
