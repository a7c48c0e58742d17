import type { FlaggedMeasure, Improvement } from "@/lib/dashboard/queries";
import { formatDecimal, formatMonth, formatNumber } from "@/lib/format";
import { Sparkline } from "@/components/charts/Sparkline";
import { DashboardPanel, Figures, percent } from "./DashboardPanel";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

function MeasureList({ title, measures, empty }: { title: string; measures: FlaggedMeasure[]; empty: string }) {
  return (
    <div className="mb-6">
      <h3>{title}</h3>
      {measures.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul
          className="mb-0 divide-y divide-nhs-grey-4 border-y border-nhs-grey-4"
          data-testid={`list-${measures[0]!.signal}`}
        >
          {measures.map((m) => {
            const latest = m.points[m.points.length - 1];
            const flagged = m.points.filter((p) => p.specialCause === m.signal).length;
            return (
              <li key={m.measureId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0 flex-1 text-base">
                  <a href={`/projects/${m.projectId}`} className="font-bold">
                    {m.name}
                  </a>
                  <span className="block text-nhs-secondary-text">
                    {m.projectTitle} · {m.collaborativeName} · latest {formatMonth(m.latestPeriod)}
                    {latest ? `: ${formatDecimal(latest.value, 2)}${m.unit ? ` ${m.unit}` : ""}` : ""}
                  </span>
                </div>
                <Sparkline
                  points={m.points}
                  label={`Mini-chart of the latest ${m.points.length} points of ${m.name}; ${flagged} show special-cause ${m.signal}`}
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function CountsTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { key: string; name: string; analysed: number; improvement: number; concern: number }[];
}) {
  return (
    <ScrollableTable label={caption}>
      <table className="data-table">
        <caption className="mb-2 text-left font-bold">{caption}</caption>
        <TableHead
          columns={[
            { label: first },
            { label: "Measures analysed", numeric: true },
            { label: "Special-cause improvement", numeric: true },
            { label: "Special-cause concern", numeric: true },
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="text-right">{formatNumber(r.analysed)}</td>
              <td className="text-right">{formatNumber(r.improvement)}</td>
              <td className="text-right">{formatNumber(r.concern)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

export function ImprovementPanel({
  improvement,
  csvHref,
  moreHref,
}: {
  improvement: Improvement;
  csvHref: string;
  moreHref?: string;
}) {
  const listLength = moreHref ? 5 : undefined;
  return (
    <DashboardPanel
      id="improvement"
      title="Improvement found"
      csvHref={csvHref}
      moreHref={moreHref}
      intro={
        <p>
          Every measure of every project is analysed with the Making Data Count rules whenever its data change, exactly
          as on the project’s own page. These are the measures whose latest point, in the period, shows special-cause
          variation — found from the data, not reported by teams. Blue dots mark improvement, orange dots concern.
        </p>
      }
    >
      <Figures
        items={[
          { label: "Measures analysed", value: formatNumber(improvement.analysed) },
          {
            label: "Showing special-cause improvement",
            value: formatNumber(improvement.improvement),
            detail: `${percent(improvement.improvement, improvement.analysed)} of measures`,
          },
          {
            label: "Showing special-cause concern",
            value: formatNumber(improvement.concern),
            detail: `${percent(improvement.concern, improvement.analysed)} of measures`,
          },
        ]}
      />
      <div className="grid gap-x-8 lg:grid-cols-2">
        <MeasureList
          title="Latest improvements"
          measures={improvement.improvementList.slice(0, listLength)}
          empty="No measure shows special-cause improvement in this period."
        />
        <MeasureList
          title="Latest concerns"
          measures={improvement.concernList.slice(0, listLength)}
          empty="No measure shows special-cause concern in this period."
        />
      </div>
      <CountsTable
        caption="Measures showing special cause, by priority area"
        first="Priority area"
        rows={improvement.byArea}
      />
      {!moreHref && (
        <CountsTable
          caption="Measures showing special cause, by collaborative"
          first="Collaborative"
          rows={improvement.byCollaborative.map((c) => ({ ...c, key: c.slug }))}
        />
      )}
    </DashboardPanel>
  );
}
