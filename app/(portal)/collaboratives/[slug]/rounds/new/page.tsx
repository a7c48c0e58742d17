import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getRoundOpeningOptions } from "@/lib/priorities/queries";
import { orNotFound } from "@/lib/route-errors";
import { formatDate, pluralise } from "@/lib/format";
import { BackLink } from "@/components/ui/Panels";
import { OpenRoundForm } from "@/components/priorities/OpenRoundForm";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Open a priority-setting round" };

export default async function NewRoundPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/rounds/new`);
  const { collaborative, areas, since, unassignedConcerns } = await orNotFound(getRoundOpeningOptions(viewer, slug));
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/rounds`}>Priority-setting rounds</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Open a priority-setting round</h1>
      <p className="max-w-3xl">
        Choose the candidate priorities people will rank. Patients, carers and staff of the collaborative can then rank
        them, comment and propose more until you close the round.
      </p>
      {unassignedConcerns > 0 && (
        <p className="max-w-3xl">
          {pluralise(unassignedConcerns, "concern")} raised since {formatDate(since)} did not fit any area. Read them in
          the concerns list if you want to add a candidate of your own from them.
        </p>
      )}
      <OpenRoundForm
        collaborativeId={collaborative.id}
        collaborativeSlug={collaborative.slug}
        areas={areas}
        since={formatDate(since)}
      />
    </>
  );
}
