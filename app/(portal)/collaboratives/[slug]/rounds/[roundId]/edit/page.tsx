import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getRoundPage } from "@/lib/priorities/queries";
import { londonWallTime } from "@/lib/events/schedule";
import { orNotFound } from "@/lib/route-errors";
import { BackLink } from "@/components/ui/Panels";
import { EditRoundForm } from "@/components/priorities/EditRoundForm";

type Props = { params: Promise<{ slug: string; roundId: string }> };

export const metadata: Metadata = { title: "Edit the round" };

export default async function EditRoundPage({ params }: Props) {
  const { slug, roundId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/rounds/${roundId}/edit`);
  const { collaborative, round, can } = await orNotFound(getRoundPage(viewer, slug, roundId));
  if (!can.edit) notFound();
  const closes = round.closesAt ? londonWallTime(round.closesAt) : null;
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/rounds/${round.id}`}>{round.title}</BackLink>
      <h1>Edit the round</h1>
      <p className="max-w-3xl">
        {round.status === "OPEN"
          ? "You can change the title, description and closing date while the round is open. Who is asked, the candidates and rankings cannot be changed."
          : "You can change the title, description, who is asked and the closing date until the round opens. Add or remove candidates on the round's page."}
      </p>
      <EditRoundForm
        roundId={round.id}
        version={round.version}
        collaborativeSlug={collaborative.slug}
        groupsFixed={round.status === "OPEN"}
        initial={{
          title: round.title,
          description: round.description,
          participantGroups: round.participantGroups.join(","),
          "closesAt-day": closes ? String(closes.day) : "",
          "closesAt-month": closes ? String(closes.month) : "",
          "closesAt-year": closes ? String(closes.year) : "",
        }}
      />
    </>
  );
}
