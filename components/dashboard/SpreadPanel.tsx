import type { CollaborativeRef, Spread } from "@/lib/dashboard/queries";
import { formatNumber } from "@/lib/format";
import { DashboardPanel, Figures } from "./DashboardPanel";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

const FLOWS_DRAWN = 30;
const FLOWS_LISTED = 15;
const shortName = (c: CollaborativeRef) => c.name.replace(/ Patient Safety Collaborative$/, "");

/** Origins on the left, adopters on the right, a band for each flow as wide as its adoptions. */
function FlowDiagram({ spread, collaboratives }: { spread: Spread; collaboratives: CollaborativeRef[] }) {
  const flows = spread.flows.slice(0, FLOWS_DRAWN);
  const rowHeight = 26;
  const height = collaboratives.length * rowHeight + 30;
  const y = (id: string) => 40 + collaboratives.findIndex((c) => c.id === id) * rowHeight;
  const max = Math.max(1, ...flows.map((f) => f.adoptions));
  const summary = flows
    .slice(0, 5)
    .map((f) => `${shortName(f.origin)} to ${shortName(f.adopter)}: ${f.adoptions}`)
    .join("; ");
  return (
    <svg
      viewBox={`0 0 640 ${height}`}
      className="mb-4 h-auto w-full max-w-3xl"
      role="img"
      aria-label={`Flow of adopted ideas from the collaborative where they started (left) to those adopting them (right). Largest flows: ${summary || "none"}. All flows are in the table below.`}
    >
      <text x="215" y="18" textAnchor="end" fontSize="13" fontWeight="bold" fill="#212b32">
        Idea came from
      </text>
      <text x="425" y="18" fontSize="13" fontWeight="bold" fill="#212b32">
        Adopted by
      </text>
      <g fill="none" strokeLinecap="round">
        {flows.map((f) => (
          <path
            key={`${f.origin.id}-${f.adopter.id}`}
            d={`M222 ${y(f.origin.id)} C320 ${y(f.origin.id)} 320 ${y(f.adopter.id)} 418 ${y(f.adopter.id)}`}
            stroke="#005eb8"
            strokeOpacity="0.45"
            strokeWidth={1 + (10 * f.adoptions) / max}
          />
        ))}
      </g>
      {collaboratives.map((c) => (
        <g key={c.id} fontSize="12" fill="#212b32">
          <text x="215" y={y(c.id) + 4} textAnchor="end">
            {shortName(c)}
          </text>
          <text x="425" y={y(c.id) + 4}>
            {shortName(c)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Ranking({ caption, rows }: { caption: string; rows: (CollaborativeRef & { adoptions: number })[] }) {
  return (
    <table className="data-table">
      <caption className="mb-2 text-left font-bold">{caption}</caption>
      <TableHead columns={["Collaborative", { label: "Adoptions", numeric: true }]} />
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={2}>None in this period.</td>
          </tr>
        )}
        {rows.slice(0, 5).map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            <td className="text-right">{formatNumber(r.adoptions)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SpreadPanel({
  spread,
  collaboratives,
  csvHref,
  ideasCsvHref,
  moreHref,
}: {
  spread: Spread;
  collaboratives: CollaborativeRef[];
  csvHref: string;
  ideasCsvHref: string;
  moreHref?: string;
}) {
  const listed = moreHref ? 5 : FLOWS_LISTED;
  return (
    <DashboardPanel
      id="spread"
      title="Spread"
      csvHref={csvHref}
      moreHref={moreHref}
      intro={
        <p>
          Ideas from one collaborative’s shared learning that another collaborative started testing, adopted or
          sustained in the period (ideas only being considered, or not adopted, are left out). The picture shows the{" "}
          {FLOWS_DRAWN} largest flows.
        </p>
      }
    >
      <Figures
        items={[
          { label: "Adoptions across collaboratives", value: formatNumber(spread.adoptions) },
          { label: "Routes between collaboratives", value: formatNumber(spread.flows.length) },
        ]}
      />
      {spread.flows.length > 0 && <FlowDiagram spread={spread} collaboratives={collaboratives} />}
      <ScrollableTable label="Largest flows of ideas between collaboratives">
        <table className="data-table">
          <caption className="mb-2 text-left font-bold">Largest flows of ideas between collaboratives</caption>
          <TableHead columns={["Idea came from", "Adopted by", { label: "Adoptions", numeric: true }]} />
          <tbody>
            {spread.flows.length === 0 && (
              <tr>
                <td colSpan={3}>No ideas were adopted across collaboratives in this period.</td>
              </tr>
            )}
            {spread.flows.slice(0, listed).map((f) => (
              <tr key={`${f.origin.id}-${f.adopter.id}`}>
                <td>{f.origin.name}</td>
                <td>{f.adopter.name}</td>
                <td className="text-right">{formatNumber(f.adoptions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <div className="grid gap-x-8 md:grid-cols-2">
        <Ranking caption="Collaboratives adopting the most ideas" rows={spread.adopters} />
        <Ranking caption="Collaboratives whose ideas are adopted most" rows={spread.origins} />
      </div>
      <ScrollableTable label="Fastest-spreading ideas: most collaboratives adopting, then the shortest time from publication">
        <table className="data-table" data-testid="fastest-spreading">
          <caption className="mb-2 text-left font-bold">
            Fastest-spreading ideas: most collaboratives adopting, then the shortest time from publication
          </caption>
          <TableHead
            columns={[
              "Idea",
              "Came from",
              { label: "Collaboratives adopting", numeric: true },
              { label: "Median days to adopt", numeric: true },
            ]}
          />
          <tbody>
            {spread.fastest.length === 0 && (
              <tr>
                <td colSpan={4}>None in this period.</td>
              </tr>
            )}
            {spread.fastest.slice(0, listed).map((idea) => (
              <tr key={idea.learningItemId}>
                <th scope="row">
                  <a href={`/learning/${idea.slug}`}>{idea.title}</a>
                </th>
                <td>{idea.origin.name}</td>
                <td className="text-right">{formatNumber(idea.adopters)}</td>
                <td className="text-right">
                  {idea.medianDaysToAdopt === null ? "–" : formatNumber(idea.medianDaysToAdopt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <p className="no-print mb-0 text-base">
        <a href={ideasCsvHref} download>
          Download every adopted idea, ranked, as CSV
        </a>
      </p>
    </DashboardPanel>
  );
}
