import type { ReactNode } from "react";
import type { ReporterView } from "@/lib/concerns/queries";
import { PUBLIC_STATUS_LABELS, STATUS_TAG_COLOURS } from "@/lib/concerns/triage";
import { REPLY_ANSWER_LABELS } from "@/lib/concerns/schemas";
import { SummaryList, Tag } from "@/components/ui/Panels";
import { formatDate, formatDateTime } from "@/lib/format";

/** The team's responses and the reporter's replies, oldest first: the conversation as it happened. */
export function conversationOf(concern: Pick<ReporterView, "responses" | "replies">) {
  return [
    ...concern.responses.map((r) => ({ kind: "response" as const, ...r })),
    ...concern.replies.map((r) => ({ kind: "reply" as const, ...r })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** One response as the reporter sees it (the lead's preview shows exactly this). */
export function TeamResponse({ body, createdAt }: { body: string; createdAt: Date }) {
  return (
    <div className="border-l-[10px] border-nhs-blue bg-white p-4">
      <p className="mb-2 text-nhs-secondary-text">The team, {formatDateTime(createdAt)}</p>
      <p className="mb-0 whitespace-pre-line break-words">{body}</p>
    </div>
  );
}

/** What a reporter sees about their concern: where it is, and what the team has said. Never the team's notes. */
export function ReporterProgress({ concern, replyForm }: { concern: ReporterView; replyForm?: ReactNode }) {
  const current = PUBLIC_STATUS_LABELS[concern.status];
  const conversation = conversationOf(concern);
  return (
    <>
      <SummaryList
        rows={[
          { label: "Reference", value: <strong>{concern.reference}</strong> },
          { label: "Sent on", value: formatDate(concern.receivedAt) },
          { label: "Sent to", value: concern.collaborativeName },
          ...(concern.areaName ? [{ label: "About", value: concern.areaName }] : []),
          {
            label: "Status",
            value: (
              <>
                <Tag colour={STATUS_TAG_COLOURS[concern.status]}>{current.label}</Tag>
                <span className="mt-2 block">{current.explanation}</span>
              </>
            ),
          },
        ]}
      />
      {concern.outcome && (
        <>
          <h2>Outcome</h2>
          <p className="max-w-3xl whitespace-pre-line bg-white p-4">{concern.outcome}</p>
        </>
      )}
      <h2>Responses from the team</h2>
      {conversation.length === 0 ? (
        <p>There are no responses yet. When the team replies, you will see it here.</p>
      ) : (
        <ol className="mb-8 space-y-4" aria-label="Responses from the team and your replies, oldest first">
          {conversation.map((item) =>
            item.kind === "response" ? (
              <li key={item.id}>
                <TeamResponse body={item.body} createdAt={item.createdAt} />
              </li>
            ) : (
              <li key={item.id} className="ml-4 border-l-[10px] border-nhs-grey-3 bg-white p-4 sm:ml-8">
                <p className="mb-2 text-nhs-secondary-text">Your reply, {formatDateTime(item.createdAt)}</p>
                {item.answered && (
                  <p className={item.body ? "mb-2" : "mb-0"}>
                    Did the response answer your concern? <strong>{REPLY_ANSWER_LABELS[item.answered]}</strong>
                  </p>
                )}
                {item.body && <p className="mb-0 whitespace-pre-line break-words">{item.body}</p>}
              </li>
            ),
          )}
        </ol>
      )}
      {concern.mayReply && replyForm}
      <h2>What has happened so far</h2>
      <ol className="mb-8 list-none space-y-2 pl-0">
        {concern.history.map((h, i) => (
          <li key={i}>
            <strong>{PUBLIC_STATUS_LABELS[h.status].label}</strong> on {formatDate(h.at)}
          </li>
        ))}
      </ol>
    </>
  );
}
