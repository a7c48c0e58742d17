import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getConcernForTriage } from "@/lib/concerns/queries";
import { markConcernRead } from "@/lib/concerns/mutations";
import {
  HAPPENED_WHEN,
  RELATION_LABELS,
  STATUS_LABELS,
  STATUS_TAG_COLOURS,
  type HappenedWhen,
} from "@/lib/concerns/triage";
import { dateOfDay } from "@/lib/concerns/service-level";
import { orNotFound } from "@/lib/route-errors";
import { formatDate, formatDateTime, pluralise } from "@/lib/format";
import { BackLink, SummaryList, Tag, WarningCallout } from "@/components/ui/Panels";
import {
  AssignForm,
  LinkForm,
  NoteForm,
  ResponseForm,
  RevealContactForm,
  ShareableForm,
  StatusForm,
  TransferForm,
} from "@/components/concerns/TriageForms";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Safety concern" };

type Props = { params: Promise<{ slug: string; id: string }> };

/** Free text exactly as the reporter typed it: React escapes it, and line breaks are kept. */
function Said({ children }: { children: string }) {
  return <p className="max-w-3xl whitespace-pre-line break-words bg-white p-4">{children}</p>;
}

export default async function ConcernTriagePage({ params }: Props) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/concerns/${id}`);
  const c = await orNotFound(getConcernForTriage(viewer, id));
  if (c.collaborative.slug !== slug) redirect(`/collaboratives/${c.collaborative.slug}/concerns/${c.id}`);
  await markConcernRead(viewer, { id: c.id, collaborativeId: c.collaborative.id });
  const queue = `/collaboratives/${slug}/concerns`;

  return (
    <>
      <BackLink href={queue}>All concerns</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{c.collaborative.name}</p>
      <h1>Concern {c.reference}</h1>
      <p>
        <Tag colour={STATUS_TAG_COLOURS[c.status]}>{STATUS_LABELS[c.status]}</Tag>{" "}
        {c.overdue && <Tag colour="red">Acknowledgement overdue</Tag>}
      </p>
      {c.mayBeUrgent && c.status === "RECEIVED" && (
        <WarningCallout title="This concern may describe someone at risk now">
          <p>
            It uses words that can mean immediate danger. Read it now, and follow your safeguarding procedures if
            someone is at risk.
          </p>
        </WarningCallout>
      )}

      <SummaryList
        rows={[
          {
            label: "Received",
            value: `${formatDateTime(c.receivedAt)} (${c.daysSinceReceived === 0 ? "today" : `${pluralise(c.daysSinceReceived, "day")} ago`})`,
          },
          {
            label: "Acknowledgement",
            value: c.acknowledgedAt
              ? `Acknowledged on ${formatDate(c.acknowledgedAt)}`
              : `${c.overdue ? "Overdue: was due" : "Due"} by the end of ${formatDate(dateOfDay(c.acknowledgementDue))} (${pluralise(c.collaborative.acknowledgementDays, "working day")})`,
          },
          { label: "Organisation", value: c.organisationName ?? (c.organisationText || "Not given") },
          { label: "Postcode area", value: c.postcodeArea ?? "Not given" },
          { label: "Roughly when", value: HAPPENED_WHEN[c.happenedWhen as HappenedWhen] ?? "Not given" },
          { label: "Area", value: c.areaName ?? "Something else" },
          { label: "Where in their care", value: c.pathwayStageName ?? "Somewhere else, or not sure" },
          { label: "Reported by", value: RELATION_LABELS[c.reporterRelation] },
          { label: "Assigned to", value: c.assignedTo?.name ?? "Nobody" },
          {
            label: "Linked to",
            value:
              c.linkedPriority || c.linkedProject ? (
                <>
                  {c.linkedPriority && <span className="block">Local priority: {c.linkedPriority.name}</span>}
                  {c.linkedProject && (
                    <span className="block">
                      Project: <Link href={`/projects/${c.linkedProject.id}`}>{c.linkedProject.title}</Link>
                    </span>
                  )}
                </>
              ) : (
                "Nothing yet"
              ),
          },
          { label: "Shared outside the collaborative", value: c.shareable ? "Yes, the text can be shared" : "No" },
        ]}
      />

      <h2>What happened</h2>
      <Said>{c.whatHappened}</Said>
      <h3>The impact</h3>
      <Said>{c.impact || "Not given."}</Said>
      <h3>What would have helped</h3>
      <Said>{c.whatWouldHaveHelped || "Not given."}</Said>

      <h2>Contact details</h2>
      {c.contact.held ? (
        <>
          <p>
            The reporter gave contact details{c.contact.consent ? " and agreed to be contacted about this concern" : ""}
            . Only leads of this collaborative can see them, and each time they are shown it is recorded in the audit
            log.
          </p>
          <RevealContactForm concernId={c.id} />
        </>
      ) : c.contact.erasedAt ? (
        <p>
          The reporter&apos;s contact details were erased on {formatDate(c.contact.erasedAt)},{" "}
          {pluralise(c.collaborative.contactRetentionMonths, "month")} after the concern closed.
        </p>
      ) : (
        <p>
          The reporter chose to stay anonymous. You can reply to them with a public response: they see it on their
          tracking page.
        </p>
      )}

      <h2>Triage</h2>
      <div className="grid gap-x-8 lg:grid-cols-2">
        <section aria-labelledby="status-heading">
          <h3 id="status-heading">Status</h3>
          <StatusForm concernId={c.id} version={c.version} nextStatuses={c.options.nextStatuses} />
        </section>
        <section aria-labelledby="assign-heading">
          <h3 id="assign-heading">Assignment</h3>
          <AssignForm
            concernId={c.id}
            version={c.version}
            assignees={c.options.assignees}
            assignedToId={c.assignedTo?.id ?? null}
          />
        </section>
        <section aria-labelledby="link-heading">
          <h3 id="link-heading">Link to a priority or project</h3>
          <LinkForm concernId={c.id} version={c.version} targets={c.options.linkTargets} />
        </section>
        <section aria-labelledby="share-heading">
          <h3 id="share-heading">Sharing</h3>
          <ShareableForm concernId={c.id} version={c.version} shareable={c.shareable} />
        </section>
      </div>

      <h2>Public responses</h2>
      {c.responses.length === 0 ? (
        <p>No response yet.</p>
      ) : (
        <ol className="mb-6 space-y-4">
          {c.responses.map((r) => (
            <li key={r.id} className="border-l-[10px] border-nhs-blue bg-white p-4">
              <p className="mb-2 text-nhs-secondary-text">
                {formatDateTime(r.createdAt)}, by {r.author ?? "a former lead"}.{" "}
                {r.emailedAt ? `Emailed to the reporter on ${formatDate(r.emailedAt)}.` : "Not emailed."}
              </p>
              <p className="mb-0 whitespace-pre-line break-words">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      <ResponseForm concernId={c.id} />

      <h2>Internal notes</h2>
      {c.notes.length === 0 ? (
        <p>No notes yet.</p>
      ) : (
        <ol className="mb-6 space-y-4">
          {c.notes.map((n) => (
            <li key={n.id} className="bg-white p-4">
              <p className="mb-2 text-nhs-secondary-text">
                {formatDateTime(n.createdAt)}, by {n.author ?? "a former lead"}
              </p>
              <p className="mb-0 whitespace-pre-line break-words">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      <NoteForm concernId={c.id} />

      <h2>History</h2>
      <ScrollableTable label="Status changes, oldest first" className="mb-8">
        <table className="w-full border-collapse bg-white text-left text-base">
          <caption className="sr-only">Status changes, oldest first</caption>
          <TableHead cell="p-2" columns={["When", "Change", "Who", "Why"]} />
          <tbody>
            {c.history.map((h) => (
              <tr key={h.id} className="border-b border-nhs-grey-4 align-top">
                <td className="p-2 whitespace-nowrap">{formatDateTime(h.at)}</td>
                <td className="p-2">
                  {h.fromStatus
                    ? `${STATUS_LABELS[h.fromStatus]} → ${STATUS_LABELS[h.toStatus]}`
                    : STATUS_LABELS[h.toStatus]}
                </td>
                <td className="p-2">{h.by ?? (h.fromStatus ? "A former lead" : "The reporter")}</td>
                <td className="p-2 whitespace-pre-line break-words">{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>

      <h2>Sent to the wrong collaborative?</h2>
      {c.status === "CLOSED" ? (
        <p>Reopen the concern before passing it on.</p>
      ) : (
        <TransferForm concernId={c.id} version={c.version} collaboratives={c.options.collaboratives} />
      )}
    </>
  );
}
