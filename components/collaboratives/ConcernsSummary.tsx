import type { ConcernsSummary as Summary } from "@/lib/collaboratives/queries";
import { formatDate, formatMonth, formatNumber, pluralise } from "@/lib/format";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

/** De-identified counts only: by area and per month. Bars repeat the numbers, so colour is never the only signal. */
export function ConcernsSummary({ summary, headingLevel = 2 }: { summary: Summary; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  const peak = Math.max(1, ...summary.byMonth.map((m) => m.count));
  return (
    <section aria-labelledby="concerns-summary">
      <Heading id="concerns-summary">Safety concerns raised</Heading>
      <p>
        {pluralise(summary.total, "concern")} received since {formatDate(summary.since)}. These are counts only: no
        details of any concern, or of the people who raised them, are shown here.
      </p>
      {summary.total > 0 && (
        <div className="grid gap-8 lg:grid-cols-2">
          <ScrollableTable label="Concerns received in the last 12 months, by area">
            <Sub className="text-xl">By area</Sub>
            <table className="mb-6 w-full border-collapse bg-white text-left text-base">
              <caption className="sr-only">Concerns received in the last 12 months, by area</caption>
              <TableHead cell="p-2" columns={["Area", { label: "Concerns", numeric: true }]} />
              <tbody>
                {summary.byArea.map((a) => (
                  <tr key={a.priorityAreaId ?? "none"} className="border-b border-nhs-grey-4">
                    <th scope="row" className="p-2 font-normal">
                      {a.name ?? "Something else (no area chosen)"}
                    </th>
                    <td className="p-2 text-right">{formatNumber(a.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
          <ScrollableTable label="Concerns received each month over the last 12 months">
            <Sub className="text-xl">Month by month</Sub>
            <table className="mb-6 w-full border-collapse bg-white text-left text-base">
              <caption className="sr-only">Concerns received each month over the last 12 months</caption>
              <TableHead
                cell="p-2"
                columns={[
                  "Month",
                  { label: "Concerns", numeric: true },
                  { label: <span className="sr-only">Bar</span>, className: "w-1/2 p-2" },
                ]}
              />
              <tbody>
                {summary.byMonth.map((m) => (
                  <tr key={m.month.toISOString()} className="border-b border-nhs-grey-4">
                    <th scope="row" className="p-2 font-normal whitespace-nowrap">
                      {formatMonth(m.month)}
                    </th>
                    <td className="p-2 text-right">{formatNumber(m.count)}</td>
                    <td className="p-2" aria-hidden="true">
                      <div className="h-3 bg-nhs-blue" style={{ width: `${(m.count / peak) * 100}%` }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </div>
      )}
    </section>
  );
}
