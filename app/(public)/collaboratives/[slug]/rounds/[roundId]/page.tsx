import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { getRoundPage } from "@/lib/priorities/queries";
import {
  CANDIDATE_SOURCE_LABELS,
  PARTICIPANT_GROUP_LABELS,
  ROUND_STATUS_COLOURS,
  ROUND_STATUS_LABELS,
} from "@/lib/priorities/labels";
import { doneMessage } from "@/lib/forms/done";
import { formatDate, formatDateTime, formatNumber, pluralise } from "@/lib/format";
import { BackLink, InsetText, SuccessMessage, Tag } from "@/components/ui/Panels";
import { RankingMethod } from "@/components/priorities/RankingMethod";
import { ResultsTable } from "@/components/priorities/ResultsTable";
import { RankingForm } from "@/components/priorities/RankingForm";
import { ProposeCandidateForm } from "@/components/priorities/ProposeCandidateForm";
import { CommentForm } from "@/components/priorities/CommentForm";
import { WithdrawCandidateForm } from "@/components/priorities/WithdrawCandidateForm";
import { orNotFound } from "@/lib/route-errors";

type Props = {
  params: Promise<{ slug: string; roundId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache(async (slug: string, roundId: string) => orNotFound(getRoundPage(await getViewer(), slug, roundId)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, roundId } = await params;
  const page = await load(slug, roundId);
  return { title: page.round.title };
}

export default async function RoundPage({ params, searchParams }: Props) {
  const { slug, roundId } = await params;
  const done = doneMessage((await searchParams).done);
  const viewer = await getViewer();
  const {
    collaborative,
    round,
    candidates,
    ballotCounts,
    myBallot,
    comments,
    results,
    can,
    rankingClosed,
    notAsked,
    askedMembers,
  } = await load(slug, roundId);
  const preparing = round.status === "DRAFT" || round.status === "SCHEDULED";
  const roundPath = `/collaboratives/${collaborative.slug}/rounds/${round.id}`;
  const asked = round.participantGroups.map((g) => PARTICIPANT_GROUP_LABELS[g].toLowerCase()).join(" and ");
  const titleOf = new Map(candidates.map((c) => [c.id, c.title]));
  const chosen = candidates.filter((c) => c.chosen);
  const totalBallots = ballotCounts.PATIENT_CARER + ballotCounts.STAFF;
  // Leads see results while the round is open; a candidate nobody has ranked can still be removed.
  const rankedBy = new Map(results?.overall.tallies.map((t) => [t.candidateId, t.rankedBy]) ?? []);

  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/rounds`}>Priority-setting rounds</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>{round.title}</h1>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <p>
        <Tag colour={ROUND_STATUS_COLOURS[round.status]}>{ROUND_STATUS_LABELS[round.status]}</Tag>{" "}
        {round.status === "DRAFT" && <>Set up {formatDate(round.createdAt)}; not open yet</>}
        {round.status === "SCHEDULED" && round.opensAt && <>Opens on {formatDate(round.opensAt)}</>}
        {round.openedAt && <>Opened {formatDate(round.openedAt)}</>}
        {round.status !== "CLOSED" && round.closesAt && (
          <>
            ; ranking {rankingClosed ? "closed" : "closes"} at the end of {formatDate(round.closesAt)}
          </>
        )}
        {round.closedAt && <>; closed {formatDate(round.closedAt)}</>}.
      </p>
      {preparing && (
        <InsetText>
          <p className="mb-0">
            {round.status === "DRAFT"
              ? "This round is a draft: only your collaborative's leads can see it."
              : "This round is scheduled: only your collaborative's leads can see it until it opens."}{" "}
            When it opens, {pluralise(askedMembers ?? 0, "member")} ({asked}) can rank the candidates. Check the
            candidates, then <a href="#manage">open or schedule it</a>.
          </p>
        </InsetText>
      )}
      {round.description && <p className="max-w-3xl whitespace-pre-line">{round.description}</p>}

      {round.status === "CLOSED" && (
        <section aria-labelledby="decision" className="mb-8 border-l-[10px] border-nhs-green bg-white p-4 sm:p-6">
          <h2 id="decision">The decision</h2>
          <p>The collaborative&rsquo;s leads chose:</p>
          <ul className="list-disc pl-6">
            {chosen.map((c) => (
              <li key={c.id}>
                {c.chosenAs ? (
                  <Link href={`/collaboratives/${collaborative.slug}/priorities/${c.chosenAs.slug}`}>
                    {c.chosenAs.name}
                  </Link>
                ) : (
                  c.title
                )}
              </li>
            ))}
          </ul>
          <h3 className="text-xl">Why</h3>
          <p className="mb-0 whitespace-pre-line">{round.decisionRationale}</p>
        </section>
      )}

      <section aria-labelledby="candidates">
        <h2 id="candidates">The candidates</h2>
        <p>
          &ldquo;Concerns&rdquo; is the number of safety concerns raised with this collaborative about that area in the
          12 months before the round opened: evidence of what patients and carers have told us.
        </p>
        <ul className="mb-6 space-y-3">
          {candidates.map((c) => (
            <li key={c.id} className="bg-white p-4">
              <h3 className="mb-1 text-lg sm:text-xl">{c.title}</h3>
              <p className="mb-1 text-base">
                <Tag colour={c.source === "PROPOSAL" ? "purple" : c.source === "CONCERNS" ? "orange" : "blue"}>
                  {CANDIDATE_SOURCE_LABELS[c.source]}
                </Tag>{" "}
                {c.source !== "PROPOSAL" && (
                  <span>Concerns: {formatNumber(c.evidenceCount)} in the last 12 months</span>
                )}
              </p>
              {c.description && <p className="mt-2 mb-0 text-base whitespace-pre-line">{c.description}</p>}
              {can.edit && candidates.length > 2 && rankedBy.get(c.id) === 0 && (
                <WithdrawCandidateForm
                  roundId={round.id}
                  candidateId={c.id}
                  title={c.title}
                  collaborativeSlug={collaborative.slug}
                />
              )}
            </li>
          ))}
        </ul>
        <RankingMethod candidateCount={candidates.length} />
      </section>

      {!preparing && (
        <section aria-labelledby="ranking">
          <h2 id="ranking">{round.status === "CLOSED" ? "Rankings" : "Rank the candidates"}</h2>
          <p>
            {pluralise(totalBallots, "person has", "people have")} ranked:{" "}
            {pluralise(ballotCounts.PATIENT_CARER, "patient or carer", "patients and carers")} and{" "}
            {pluralise(ballotCounts.STAFF, "member of staff", "members of staff")}.
          </p>
          {myBallot && (
            <InsetText>
              <p className="font-bold" role="status">
                Thank you for taking part. You ranked on {formatDateTime(myBallot.createdAt)}:
              </p>
              <ol className="mb-0 list-decimal pl-6">
                {myBallot.rankings.map((r) => (
                  <li key={r.candidateId} value={r.rank}>
                    {titleOf.get(r.candidateId)}
                  </li>
                ))}
              </ol>
            </InsetText>
          )}
          {can.rank && (
            <RankingForm
              roundId={round.id}
              collaborativeSlug={collaborative.slug}
              candidates={candidates.map((c) => ({ id: c.id, title: c.title }))}
            />
          )}
          {round.status === "OPEN" && !can.rank && !myBallot && !rankingClosed && (
            <p>
              {notAsked ? (
                `This round asks ${asked} of the collaborative to rank the candidates.`
              ) : viewer.userId ? (
                "Members of this collaborative (patients, carers and staff) can rank the candidates."
              ) : (
                <>
                  Members of this collaborative can rank the candidates.{" "}
                  <Link href={`/sign-in?callbackUrl=/collaboratives/${collaborative.slug}/rounds/${round.id}`}>
                    Sign in
                  </Link>{" "}
                  to take part.
                </>
              )}
            </p>
          )}
          {rankingClosed && round.status === "OPEN" && (
            <p>Ranking has closed. The collaborative&rsquo;s leads will publish their decision here.</p>
          )}
        </section>
      )}

      {preparing ? null : results ? (
        <section aria-labelledby="results">
          <h2 id="results">Results</h2>
          {round.status === "OPEN" && (
            <p>Only the collaborative&rsquo;s leads see the results while the round is open.</p>
          )}
          <ResultsTable results={results.overall} caption="Everyone" chosenIds={chosen.map((c) => c.id)} />
          <div className="grid gap-x-8 lg:grid-cols-2">
            <ResultsTable
              results={results.patientCarer}
              caption={PARTICIPANT_GROUP_LABELS.PATIENT_CARER}
              chosenIds={chosen.map((c) => c.id)}
            />
            <ResultsTable
              results={results.staff}
              caption={PARTICIPANT_GROUP_LABELS.STAFF}
              chosenIds={chosen.map((c) => c.id)}
            />
          </div>
        </section>
      ) : (
        <p>Results will be shown here when the round closes.</p>
      )}

      {can.propose && (
        <section aria-labelledby="propose">
          <h2 id="propose">Propose a priority</h2>
          <p>
            Something missing? Propose it and it becomes a candidate straight away. People who have already ranked will
            not have ranked it.
          </p>
          <ProposeCandidateForm roundId={round.id} collaborativeSlug={collaborative.slug} />
        </section>
      )}

      {comments && (
        <section aria-labelledby="comments">
          <h2 id="comments">Comments</h2>
          {comments.length === 0 ? (
            <p>No comments yet.</p>
          ) : (
            <ul className="mb-6 space-y-3">
              {comments.map((c) => (
                <li key={c.id} className="bg-white p-4">
                  <p className="mb-1 text-base text-nhs-secondary-text">
                    {c.group === "PATIENT_CARER"
                      ? "A patient or carer"
                      : c.group === "STAFF"
                        ? "A member of staff"
                        : "A former member"}
                    , {formatDateTime(c.createdAt)}
                    {c.candidateTitle && <>, about &ldquo;{c.candidateTitle}&rdquo;</>}
                  </p>
                  <p className="mb-0 whitespace-pre-line">{c.body}</p>
                </li>
              ))}
            </ul>
          )}
          {can.comment && (
            <CommentForm
              roundId={round.id}
              collaborativeSlug={collaborative.slug}
              candidates={candidates.map((c) => ({ id: c.id, title: c.title }))}
            />
          )}
        </section>
      )}

      {(can.edit || can.close) && (
        <section aria-labelledby="manage" className="mt-12 border-t border-nhs-grey-4 pt-6">
          <h2 id="manage">Manage this round</h2>
          {can.addCandidate && (
            <>
              <h3 className="text-xl">Add a candidate</h3>
              <ProposeCandidateForm roundId={round.id} collaborativeSlug={collaborative.slug} />
            </>
          )}
          <ul className="list-none space-y-3 pl-0">
            {can.schedule && (
              <li>
                <Link href={`${roundPath}/open`}>
                  {round.status === "SCHEDULED"
                    ? "Open the round now or change its date"
                    : "Open or schedule the round"}
                </Link>
              </li>
            )}
            {can.edit && (
              <li>
                <Link href={`${roundPath}/edit`}>Edit the round&rsquo;s details</Link>
              </li>
            )}
            {can.close && (
              <li>
                <Link href={`${roundPath}/close`}>Close the round and record the decision</Link>
              </li>
            )}
          </ul>
        </section>
      )}
    </>
  );
}
