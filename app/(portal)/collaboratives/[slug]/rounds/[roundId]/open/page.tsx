import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getRoundPage } from "@/lib/priorities/queries";
import { PARTICIPANT_GROUP_LABELS } from "@/lib/priorities/labels";
import { londonWallTime } from "@/lib/events/schedule";
import { orNotFound } from "@/lib/route-errors";
import { formatDate, pluralise } from "@/lib/format";
import { BackLink, InsetText } from "@/components/ui/Panels";
import { ScheduleRoundForm } from "@/components/priorities/ScheduleRoundForm";

type Props = { params: Promise<{ slug: string; roundId: string }> };

export const metadata: Metadata = { title: "Open or schedule the round" };

export default async function OpenRoundPage({ params }: Props) {
  const { slug, roundId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/rounds/${roundId}/open`);
  const { collaborative, round, candidates, can, askedMembers } = await orNotFound(getRoundPage(viewer, slug, roundId));
  if (!can.schedule) notFound();
  const opens = round.opensAt ? londonWallTime(round.opensAt) : null;
  const groups = round.participantGroups.map((g) => PARTICIPANT_GROUP_LABELS[g].toLowerCase()).join(" and ");
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/rounds/${round.id}`}>{round.title}</BackLink>
      <h1>Open or schedule the round</h1>
      <InsetText>
        <p>When &ldquo;{round.title}&rdquo; opens:</p>
        <ul className="mb-0 list-disc pl-6">
          <li>
            {pluralise(askedMembers ?? 0, "member")} of the collaborative ({groups}) can rank its{" "}
            {pluralise(candidates.length, "candidate")}, propose more and comment
          </li>
          <li>anyone can see the round and its candidates; results are shown when you close it</li>
          <li>
            {round.closesAt
              ? `ranking closes at the end of ${formatDate(round.closesAt)}`
              : "ranking stays open until you close the round"}
          </li>
        </ul>
      </InsetText>
      {round.status === "SCHEDULED" && round.opensAt && (
        <p>It is scheduled to open on {formatDate(round.opensAt)}. You can open it now or choose another day.</p>
      )}
      <ScheduleRoundForm
        roundId={round.id}
        version={round.version}
        collaborativeSlug={collaborative.slug}
        initial={{
          start: opens ? "date" : "now",
          "opensAt-day": opens ? String(opens.day) : "",
          "opensAt-month": opens ? String(opens.month) : "",
          "opensAt-year": opens ? String(opens.year) : "",
        }}
      />
    </>
  );
}
