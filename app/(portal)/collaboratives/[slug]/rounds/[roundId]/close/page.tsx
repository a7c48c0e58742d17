import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getRoundPage } from "@/lib/priorities/queries";
import { PARTICIPANT_GROUP_LABELS } from "@/lib/priorities/labels";
import { orNotFound } from "@/lib/route-errors";
import { formatNumber } from "@/lib/format";
import type { RoundResults } from "@/lib/priorities/borda";
import { BackLink } from "@/components/ui/Panels";
import { ResultsTable } from "@/components/priorities/ResultsTable";
import { CloseRoundForm } from "@/components/priorities/CloseRoundForm";

type Props = { params: Promise<{ slug: string; roundId: string }> };

export const metadata: Metadata = { title: "Close the round and record the decision" };

function placing(results: RoundResults, candidateId: string, group: string) {
  const tally = results.tallies.find((t) => t.candidateId === candidateId);
  if (!tally || results.ballots === 0) return `${group}: no rankings`;
  return `${group}: ${tally.tied ? "joint " : ""}${formatNumber(tally.position)} of ${formatNumber(results.tallies.length)} (${formatNumber(tally.points)} points)`;
}

export default async function CloseRoundPage({ params }: Props) {
  const { slug, roundId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/rounds/${roundId}/close`);
  const { collaborative, round, candidates, results, can } = await orNotFound(getRoundPage(viewer, slug, roundId));
  if (!can.close || !results) notFound();
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/rounds/${round.id}`}>{round.title}</BackLink>
      <h1>Close the round and record the decision</h1>
      <ResultsTable results={results.overall} caption="Everyone" />
      <div className="grid gap-x-8 lg:grid-cols-2">
        <ResultsTable results={results.patientCarer} caption={PARTICIPANT_GROUP_LABELS.PATIENT_CARER} />
        <ResultsTable results={results.staff} caption={PARTICIPANT_GROUP_LABELS.STAFF} />
      </div>
      <CloseRoundForm
        roundId={round.id}
        version={round.version}
        collaborativeSlug={collaborative.slug}
        candidates={candidates.map((c) => ({
          id: c.id,
          title: c.title,
          hint: [
            placing(results.overall, c.id, "Everyone"),
            placing(results.patientCarer, c.id, "Patients and carers"),
            placing(results.staff, c.id, "Staff"),
          ].join(". "),
        }))}
      />
    </>
  );
}
