import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { listRounds } from "@/lib/priorities/queries";
import { orNotFound } from "@/lib/route-errors";
import { formatDate, pluralise } from "@/lib/format";
import { ButtonLink } from "@/components/ui/Button";
import { BackLink, Tag } from "@/components/ui/Panels";
import { ROUND_STATUS_COLOURS, ROUND_STATUS_LABELS } from "@/lib/priorities/labels";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Priority-setting rounds" };

export default async function RoundsPage({ params }: Props) {
  const { slug } = await params;
  const { collaborative, rounds, canOpen } = await orNotFound(listRounds(await getViewer(), slug));
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</BackLink>
      <h1>Priority-setting rounds</h1>
      <p className="max-w-3xl">
        In each round the collaborative&rsquo;s leads put forward candidate priorities: the national priority areas,
        areas that patients and carers have raised concerns about, and members&rsquo; own proposals. Patients, carers
        and staff of the collaborative rank them, and the leads decide, explaining why.
      </p>
      {canOpen && (
        <ButtonLink href={`/collaboratives/${collaborative.slug}/rounds/new`}>
          Set up a priority-setting round
        </ButtonLink>
      )}
      {rounds.length === 0 ? (
        <p>There have been no priority-setting rounds yet.</p>
      ) : (
        <ul className="space-y-3">
          {rounds.map((r) => (
            <li key={r.id} className="bg-white p-4">
              <h2 className="mb-1 text-xl">
                <Link href={`/collaboratives/${collaborative.slug}/rounds/${r.id}`}>{r.title}</Link>
              </h2>
              <p className="mb-1 text-base">
                <Tag colour={ROUND_STATUS_COLOURS[r.status]}>{ROUND_STATUS_LABELS[r.status]}</Tag>{" "}
                {r.openedAt
                  ? `Opened ${formatDate(r.openedAt)}`
                  : r.status === "SCHEDULED" && r.opensAt
                    ? `Opens on ${formatDate(r.opensAt)}`
                    : "Not open yet"}
                {r.closedAt
                  ? `, closed ${formatDate(r.closedAt)}`
                  : r.closesAt
                    ? `, ranking until the end of ${formatDate(r.closesAt)}`
                    : ""}
                . {pluralise(r.candidates, "candidate")}, {pluralise(r.ballots, "ranking")}.
              </p>
              {r.chosen.length > 0 && (
                <p className="mb-0 text-base">
                  Chose:{" "}
                  {r.chosen.map((p, i) => (
                    <span key={p.slug}>
                      {i > 0 && ", "}
                      <Link href={`/collaboratives/${collaborative.slug}/priorities/${p.slug}`}>{p.name}</Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
