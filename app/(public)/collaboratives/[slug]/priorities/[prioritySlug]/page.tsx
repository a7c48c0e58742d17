import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { getLocalPriority } from "@/lib/priorities/queries";
import { listPublishedForPriority } from "@/lib/you-said-we-did/queries";
import { YouSaidItem } from "@/components/you-said-we-did/YouSaidItem";
import { CANDIDATE_SOURCE_LABELS, PRIORITY_STATUS_COLOURS, PRIORITY_STATUS_LABELS } from "@/lib/priorities/labels";
import {
  STATUS_LABELS as PROJECT_STATUS_LABELS,
  STATUS_TAG_COLOURS as PROJECT_STATUS_COLOURS,
} from "@/lib/projects/status";
import { STATUS_LABELS as CONCERN_STATUS_LABELS } from "@/lib/concerns/triage";
import { orNotFound } from "@/lib/route-errors";
import { describePlacing } from "@/lib/priorities/placing";
import { formatDate, formatNumber, pluralise } from "@/lib/format";
import { BackLink, SummaryList, Tag } from "@/components/ui/Panels";
import { PriorityStatusForm } from "@/components/priorities/PriorityStatusForm";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

type Props = { params: Promise<{ slug: string; prioritySlug: string }> };

const load = cache(async (slug: string, prioritySlug: string) =>
  orNotFound(getLocalPriority(await getViewer(), slug, prioritySlug)),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, prioritySlug } = await params;
  return { title: (await load(slug, prioritySlug)).priority.name };
}

export default async function LocalPriorityPage({ params }: Props) {
  const { slug, prioritySlug } = await params;
  const { collaborative, priority, history, projects, concerns, canManage } = await load(slug, prioritySlug);
  const youSaid = await listPublishedForPriority(await getViewer(), collaborative.id, priority.id);
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</BackLink>
      <p className="mb-2 text-nhs-secondary-text">
        {priority.kind === "NATIONAL" ? "National priority area, chosen by this collaborative" : "Local priority"}
      </p>
      <h1>{priority.name}</h1>
      <p>
        <Tag colour={PRIORITY_STATUS_COLOURS[priority.status]}>{PRIORITY_STATUS_LABELS[priority.status]}</Tag>
      </p>
      {priority.description && <p className="max-w-3xl whitespace-pre-line">{priority.description}</p>}

      <section aria-labelledby="history">
        <h2 id="history">How it was chosen</h2>
        {history ? (
          <>
            <SummaryList
              rows={[
                {
                  label: "Round",
                  value: (
                    <Link href={`/collaboratives/${collaborative.slug}/rounds/${history.round.id}`}>
                      {history.round.title}
                    </Link>
                  ),
                },
                { label: "Decided", value: history.round.closedAt ? formatDate(history.round.closedAt) : "Not yet" },
                {
                  label: "Candidate from",
                  value: history.source
                    ? `${CANDIDATE_SOURCE_LABELS[history.source]}${history.fromArea ? ` (${history.fromArea})` : ""}`
                    : "Not recorded",
                },
                ...(history.source && history.source !== "PROPOSAL"
                  ? [
                      {
                        label: "Evidence from concerns",
                        value: `${formatNumber(history.evidenceCount ?? 0)} in the 12 months before the round`,
                      },
                    ]
                  : []),
                { label: "Ranking, everyone", value: describePlacing(history.overall) },
                { label: "Ranking, patients and carers", value: describePlacing(history.patientCarer) },
                { label: "Ranking, staff", value: describePlacing(history.staff) },
              ]}
            />
            {priority.rationale && (
              <>
                <h3 className="text-xl">Why the leads chose it</h3>
                <p className="max-w-3xl whitespace-pre-line">{priority.rationale}</p>
              </>
            )}
          </>
        ) : (
          <>
            <p>This priority was set before priority-setting rounds were recorded on the portal.</p>
            {priority.rationale && <p className="max-w-3xl whitespace-pre-line">{priority.rationale}</p>}
          </>
        )}
      </section>

      <section aria-labelledby="projects">
        <h2 id="projects">Projects working on it</h2>
        {projects.length === 0 ? (
          <p>No projects you can see are linked to this priority yet.</p>
        ) : (
          <ul className="mb-6 space-y-3">
            {projects.map((p) => (
              <li key={p.id} className="bg-white p-4">
                <Link href={`/projects/${p.id}`} className="font-bold">
                  {p.title}
                </Link>{" "}
                <Tag colour={PROJECT_STATUS_COLOURS[p.status]}>{PROJECT_STATUS_LABELS[p.status]}</Tag>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="concerns">
        <h2 id="concerns">Safety concerns</h2>
        <p>
          {pluralise(concerns.linked, "concern has", "concerns have")} been linked to this priority by the
          collaborative&rsquo;s leads, and {pluralise(concerns.raisedAbout, "concern was", "concerns were")} raised
          about it directly.
        </p>
        {concerns.references && concerns.references.length > 0 && (
          <ScrollableTable label="Linked concerns">
            <table className="mb-6 w-full border-collapse bg-white text-left text-base">
              <caption className="mb-2 text-left font-bold">
                Linked concerns (visible to the collaborative&rsquo;s leads only)
              </caption>
              <TableHead cell="p-2" columns={["Reference", "Received", "Status"]} />
              <tbody>
                {concerns.references.map((c) => (
                  <tr key={c.id} className="border-b border-nhs-grey-4">
                    <th scope="row" className="p-2 font-normal">
                      <Link href={`/collaboratives/${collaborative.slug}/concerns/${c.id}`}>{c.reference}</Link>
                    </th>
                    <td className="p-2">{formatDate(c.receivedAt)}</td>
                    <td className="p-2">{CONCERN_STATUS_LABELS[c.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>

      <section aria-labelledby="you-said-we-did">
        <h2 id="you-said-we-did">You said, we did</h2>
        {youSaid.length === 0 ? (
          <p>Nothing has been published about this priority yet.</p>
        ) : (
          youSaid.map((item) => (
            <YouSaidItem
              key={item.id}
              item={item}
              collaborativeSlug={collaborative.slug}
              headingLevel={3}
              showPriority={false}
            />
          ))
        )}
        <p>
          <Link href={`/collaboratives/${collaborative.slug}/you-said-we-did`}>
            Everything the {collaborative.name} has published in You said, we did
          </Link>
        </p>
      </section>

      {canManage && (
        <section aria-labelledby="manage">
          <h2 id="manage">Change its status</h2>
          <PriorityStatusForm
            priorityId={priority.id}
            status={priority.status}
            collaborativeSlug={collaborative.slug}
          />
        </section>
      )}
    </>
  );
}
