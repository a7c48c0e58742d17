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
import { doneMessage } from "@/lib/forms/done";
import { REPLY_ANSWER_LABELS } from "@/lib/concerns/schemas";
import { DoneBanner } from "@/components/ui/DoneBanner";
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

type Props = {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Free text exactly as the reporter typed it: React escapes it, and line breaks are kept. */
function Said({ children }: { children: string }) {
  return <p className="max-w-3xl whitespace-pre-line break-words bg-white p-4">{children}</p>;
}

export default async function ConcernTriagePage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/concerns/${id}`);
  const c = await orNotFound(getConcernForTriage(viewer, id));
  if (c.collaborative.slug !== slug) redirect(`/collaboratives/${c.collaborative.slug}/concerns/${c.id}`);
  await markConcernRead(viewer, { id: c.id, collaborativeId: c.collaborative.id });
  const queue = `/collaboratives/${slug}/concerns`;
  const done = doneMessage((await searchParams).done);
  // The concern, then the team's responses and the reporter's replies as they happened.
  const conversation = [
    ...c.responses.map((r) => ({ kind: "response" as const, ...r })),
    ...c.replies.map((r) => ({ kind: "reply" as const, ...r })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  return (
    <>
      {/* A triage action's result, first in main and focused (its redirect lands on #done). */}
      {done && <DoneBanner key={crypto.randomUUID()} message={done} />}
      <BackLink href={queue}>All concerns</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{c.collaborative.name}</p>
      <h1>{c.kind === "EXCELLENCE" ? `What went well ${c.reference}` : `Concern ${c.reference}`}</h1>
      <p>
        {c.kind === "EXCELLENCE" && <Tag colour="green">What went well</Tag>}{" "}
        <Tag colour={STATUS_TAG_COLOURS[c.status]}>{STATUS_LABELS[c.status]}</Tag>{" "}
        {c.overdue && <Tag colour="red">Acknowledgement overdue</Tag>}{" "}
        {c.replyWaitingAt && <Tag colour="orange">Reply waiting</Tag>}
      </p>
      {c.replyWaitingAt && (
        <p>
          The reporter replied on {formatDateTime(c.replyWaitingAt)}.{" "}
          <Link href="#conversation-heading">Read the conversation</Link>: it stays in the open list until you respond
          again or close the concern.
        </p>
      )}
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
          {
            label: "A public summary (You said, we did)",
            value:
              c.publicSummaryConsent === true
                ? "The reporter agreed to a summary written by the team being shared publicly"
                : c.publicSummaryConsent === false
                  ? "The reporter did not agree: never include it in You said, we did"
                  : "Not answered: never include it in You said, we did",
          },
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

      <h2 id="conversation-heading">Conversation with the reporter</h2>
      <p>
        Public responses from the team and the reporter&apos;s replies, oldest first, after what they wrote above.
        Replies are for this collaborative&apos;s leads only.
      </p>
      {conversation.length === 0 ? (
        <p>No response yet.</p>
      ) : (
        <ol className="mb-6 space-y-4" aria-label="Responses and replies, oldest first">
          {conversation.map((item) =>
            item.kind === "response" ? (
              <li key={item.id} className="border-l-[10px] border-nhs-blue bg-white p-4">
                <p className="mb-2 text-nhs-secondary-text">
                  Response, {formatDateTime(item.createdAt)}, by {item.author ?? "a former lead"}.{" "}
                  {item.emailedAt ? `Emailed to the reporter on ${formatDate(item.emailedAt)}.` : "Not emailed."}
                </p>
                <p className="mb-0 whitespace-pre-line break-words">{item.body}</p>
              </li>
            ) : (
              <li key={item.id} className="ml-4 border-l-[10px] border-nhs-grey-3 bg-white p-4 sm:ml-8">
                <p className="mb-2 text-nhs-secondary-text">
                  Reply from the reporter, {formatDateTime(item.createdAt)}
                </p>
                <p className={item.body ? "mb-2" : "mb-0"}>
                  Did the response answer their concern?{" "}
                  <strong>{item.answered ? REPLY_ANSWER_LABELS[item.answered] : "Not said"}</strong>
                </p>
                {item.body && <p className="mb-0 whitespace-pre-line break-words">{item.body}</p>}
              </li>
            ),
          )}
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
