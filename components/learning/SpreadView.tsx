import type { ReactNode } from "react";
import { RegionMap } from "@/components/map/RegionMap";
import { REGION_PATHS } from "@/components/map/region-paths";
import { SummaryList, Tag } from "@/components/ui/Panels";
import { formatDate, formatNumber, pluralise } from "@/lib/format";
import { adoptionStatusLabel } from "@/lib/learning/labels";
import type { Spread } from "@/lib/adoptions/spread";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

const statusColour = {
  CONSIDERING: "grey",
  TESTING: "yellow",
  ADOPTED: "blue",
  SUSTAINED: "green",
  NOT_ADOPTED: "red",
} as const;

/** Where a change idea went: figures, the 15-region map, the timeline and the adopters. */
export function SpreadView({
  spread,
  originName,
  actions,
}: {
  spread: Spread;
  originName: string;
  actions?: ReactNode;
}) {
  const values = Object.fromEntries(REGION_PATHS.map((r) => [r.slug, spread.regionValues[r.slug] ?? 0]));
  return (
    <section className="mb-10" aria-labelledby="spread">
      <h2 id="spread" tabIndex={-1}>
        Spread and adoption
      </h2>
      <SummaryList
        rows={[
          { label: "Where it started", value: originName },
          { label: "Collaboratives adopting", value: formatNumber(spread.collaborativeCount) },
          { label: "Organisations adopting", value: formatNumber(spread.organisationCount) },
          {
            label: "Teams adopting",
            value: `${formatNumber(spread.adoptingCount)}${spread.notAdoptedCount > 0 ? ` (and ${pluralise(spread.notAdoptedCount, "team")} decided not to)` : ""}`,
          },
          {
            label: "Time from publication to first adoption",
            value:
              spread.daysToFirstAdoption === null
                ? "Not adopted yet"
                : spread.daysToFirstAdoption === 0
                  ? "Less than a day"
                  : `${pluralise(spread.daysToFirstAdoption, "day")} (${formatDate(spread.firstAdoptionAt!)})`,
          },
          {
            label: "Adopters showing improvement on their own measures",
            value:
              spread.adoptersWithMeasures === 0
                ? "No adopter has linked a measure yet"
                : `${formatNumber(spread.adoptersShowingImprovement)} of ${pluralise(spread.adoptersWithMeasures, "adopter")} with a linked measure`,
          },
        ]}
      />
      {actions}
      <RegionMap
        id="spread"
        values={values}
        label="Teams adopting"
        highlight={spread.originSlug ?? undefined}
        highlightLabel="Where it started"
        formatValue={(v) => formatNumber(v)}
      />

      <h3 className="text-xl">Timeline</h3>
      <ol className="mb-8 list-none border-l-4 border-nhs-blue pl-4">
        {spread.timeline.map((event, i) => (
          <li key={i} className="mb-3">
            <span className="block text-sm text-nhs-secondary-text">{formatDate(event.at)}</span>
            {event.kind === "published" ? (
              <strong>Published by {originName}</strong>
            ) : (
              <>
                <strong>{event.organisationName ?? event.collaborativeName}</strong>
                {event.organisationName && <> ({event.collaborativeName})</>}:{" "}
                {event.fromStatus === null
                  ? `recorded as ${adoptionStatusLabel[event.toStatus!].toLowerCase()}`
                  : `moved from ${adoptionStatusLabel[event.fromStatus].toLowerCase()} to ${adoptionStatusLabel[event.toStatus!].toLowerCase()}`}
                {event.reason && <span className="block text-base">“{event.reason}”</span>}
              </>
            )}
          </li>
        ))}
      </ol>

      {spread.adopters.length > 0 && (
        <ScrollableTable label="Teams that have taken it up">
          <table className="mb-6 w-full border-collapse bg-white text-left text-base">
            <caption className="mb-2 text-left text-xl font-bold">Teams that have taken it up</caption>
            <TableHead cell="p-2" columns={["Team", "Collaborative", "Status", "Since", "Their own results"]} />
            <tbody>
              {spread.adopters.map((a) => (
                <tr key={a.id} className="border-b border-nhs-grey-4">
                  <th scope="row" className="p-2 font-normal">
                    {a.organisationName ?? "Collaborative-wide"}
                  </th>
                  <td className="p-2">{a.collaborativeName}</td>
                  <td className="p-2">
                    <Tag colour={statusColour[a.status]}>{adoptionStatusLabel[a.status]}</Tag>
                    {a.notAdoptedReason && <span className="mt-1 block">{a.notAdoptedReason}</span>}
                  </td>
                  <td className="p-2">{formatDate(a.since)}</td>
                  <td className="p-2">
                    {!a.hasMeasure
                      ? "No measure linked"
                      : a.showsImprovement
                        ? "Shows improvement"
                        : "No special-cause improvement yet"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
