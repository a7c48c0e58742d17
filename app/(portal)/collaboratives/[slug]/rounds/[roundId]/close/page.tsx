import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getCloseRoundMatches, getRoundPage } from "@/lib/priorities/queries";
import { PARTICIPANT_GROUP_LABELS } from "@/lib/priorities/labels";
import { orNotFound } from "@/lib/route-errors";
import { describePlacing, placingIn } from "@/lib/priorities/placing";
import type { RoundResults } from "@/lib/priorities/borda";
import { BackLink } from "@/components/ui/Panels";
import { ResultsTable } from "@/components/priorities/ResultsTable";
import { CloseRoundForm } from "@/components/priorities/CloseRoundForm";

type Props = { params: Promise<{ slug: string; roundId: string }> };

export const metadata: Metadata = { title: "Close the round and record the decision" };

function placing(results: RoundResults, candidateId: string, group: string) {
  return `${group}: ${describePlacing(placingIn(results, candidateId))}`;
}

export default async function CloseRoundPage({ params }: Props) {
  const { slug, roundId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/rounds/${roundId}/close`);
  const { collaborative, round, candidates, results, can, ballotCounts } = await orNotFound(
    getRoundPage(viewer, slug, roundId),
  );
  if (!can.close || !results) notFound();
  const matches = await orNotFound(getCloseRoundMatches(viewer, round.id));
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
        ballots={{ patientCarer: ballotCounts.PATIENT_CARER, staff: ballotCounts.STAFF }}
        candidates={candidates.map((c) => ({
          match: matches[c.id] ?? null,
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
