import type { RoundResults } from "@/lib/priorities/borda";
import { formatNumber, pluralise } from "@/lib/format";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

/** One group's results: position (shared positions marked "="), points and first places. */
export function ResultsTable({
  results,
  caption,
  chosenIds = [],
}: {
  results: RoundResults;
  caption: string;
  chosenIds?: string[];
}) {
  return (
    <ScrollableTable label={caption}>
      <table className="mb-6 w-full border-collapse bg-white text-left text-base">
        <caption className="mb-2 text-left font-bold">
          {caption} ({pluralise(results.ballots, "ranking")})
        </caption>
        <TableHead
          cell="p-2"
          columns={[
            "Position",
            "Candidate",
            { label: "Points", numeric: true },
            { label: "Ranked 1st", numeric: true },
            { label: "Ranked at all", numeric: true },
          ]}
        />
        <tbody>
          {results.tallies.map((t) => (
            <tr key={t.candidateId} className="border-b border-nhs-grey-4">
              <td className="p-2">
                {t.tied && <span aria-hidden="true">=</span>}
                {formatNumber(t.position)}
                {t.tied && <span className="sr-only"> (shared)</span>}
              </td>
              {/* A long unbroken title (a pasted link) wraps rather than making the table scroll sideways. */}
              <th scope="row" className="p-2 font-normal wrap-anywhere">
                {t.title}
                {chosenIds.includes(t.candidateId) && <strong className="ml-2 text-nhs-green">Chosen</strong>}
              </th>
              <td className="p-2 text-right">{formatNumber(t.points)}</td>
              <td className="p-2 text-right">{formatNumber(t.rankCounts[0] ?? 0)}</td>
              <td className="p-2 text-right">{formatNumber(t.rankedBy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
