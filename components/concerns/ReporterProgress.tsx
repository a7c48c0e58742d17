import type { ReporterView } from "@/lib/concerns/queries";
import { PUBLIC_STATUS_LABELS, STATUS_TAG_COLOURS } from "@/lib/concerns/triage";
import { SummaryList, Tag } from "@/components/ui/Panels";
import { formatDate, formatDateTime } from "@/lib/format";

/** What a reporter sees about their concern: where it is, and what the team has said. Never the team's notes. */
export function ReporterProgress({ concern }: { concern: ReporterView }) {
  const current = PUBLIC_STATUS_LABELS[concern.status];
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
      {concern.responses.length === 0 ? (
        <p>There are no responses yet. When the team replies, you will see it here.</p>
      ) : (
        <ol className="mb-8 space-y-4">
          {concern.responses.map((r) => (
            <li key={r.id} className="border-l-[10px] border-nhs-blue bg-white p-4">
              <p className="mb-2 text-nhs-secondary-text">{formatDateTime(r.createdAt)}</p>
              <p className="mb-0 whitespace-pre-line">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
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
