import { LOCAL_AREA } from "@/lib/dashboard/filters";
import { type Coverage, type CoverageCell } from "@/lib/dashboard/queries";
import { LOCAL_PRIORITIES } from "@/lib/projects/schemas";
import { PROJECT_STATUSES, STATUS_LABELS } from "@/lib/projects/status";
import { formatNumber } from "@/lib/format";
import { DashboardPanel, Figures, percent } from "./DashboardPanel";
import { ScrollableTable } from "@/components/ui/ScrollableTable";

/** Activity bands: the share of a cell's projects that reported data in the period. */
const ACTIVITY = [
  { min: 0.75, colour: "#003087", label: "Three quarters or more reporting" },
  { min: 0.5, colour: "#005eb8", label: "Half to three quarters reporting" },
  { min: 0.25, colour: "#41b6e6", label: "A quarter to half reporting" },
  { min: 0, colour: "#aeb7bd", label: "Under a quarter reporting" },
] as const;
const activityOf = (cell: { projects: number; reporting: number }) =>
  cell.projects === 0 ? null : ACTIVITY.find((a) => cell.reporting / cell.projects >= a.min)!;

/**
 * The project list filtered to a cell: the projects list reads collaborative, priority (a national
 * priority area's slug, or "local" for any local priority) and status.
 */
export function projectListHref(collaborative: string, area?: string, status?: string) {
  const params = new URLSearchParams({ collaborative });
  if (area === LOCAL_AREA) params.set("priority", LOCAL_PRIORITIES);
  else if (area) params.set("priority", area);
  if (status) params.set("status", status);
  return `/projects?${params}`;
}

function stageWords(cell: CoverageCell) {
  return PROJECT_STATUSES.filter((s) => cell.byStage[s] > 0)
    .map((s) => `${formatNumber(cell.byStage[s])} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(", ");
}

export function CoveragePanel({
  coverage,
  csvHref,
  moreHref,
}: {
  coverage: Coverage;
  csvHref: string;
  moreHref?: string;
}) {
  const full = !moreHref;
  const stageTotals = PROJECT_STATUSES.map((stage) => ({
    stage,
    byArea: coverage.areas.map((a) => coverage.rows.reduce((sum, r) => sum + (r.cells[a.key]?.byStage[stage] ?? 0), 0)),
  }));
  return (
    <DashboardPanel
      id="coverage"
      title="Coverage"
      csvHref={csvHref}
      moreHref={moreHref}
      intro={
        <p>
          Projects started by the end of the period, by collaborative and priority area. The bar beside each number
          shows how many of them reported measure data during the period. A project working on two areas is counted in
          both columns but once in the total. Select a number to see those projects.
        </p>
      }
    >
      <Figures
        items={[
          { label: "Projects", value: formatNumber(coverage.totals.projects) },
          {
            label: "Reporting data in the period",
            value: formatNumber(coverage.totals.reporting),
            detail: `${percent(coverage.totals.reporting, coverage.totals.projects)} of projects`,
          },
        ]}
      />
      <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="Key to the reporting bars">
        {ACTIVITY.map((a) => (
          <li key={a.label} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-4 w-2" style={{ backgroundColor: a.colour }} />
            {a.label}
          </li>
        ))}
      </ul>
      <ScrollableTable label="Projects by collaborative and priority area (number reporting data in the period below each)">
        <table className="data-table" data-testid="coverage-matrix">
          <caption className="mb-2 text-left font-bold">
            Projects by collaborative and priority area (number reporting data in the period below each)
          </caption>
          <thead>
            <tr>
              <th scope="col">Collaborative</th>
              {coverage.areas.map((a) => (
                <th key={a.key} scope="col" className="text-right">
                  {a.name}
                </th>
              ))}
              <th scope="col" className="text-right">
                All areas
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((row) => (
              <tr key={row.collaborative.slug}>
                <th scope="row">{row.collaborative.name}</th>
                {coverage.areas.map((a) => {
                  const cell = row.cells[a.key]!;
                  const activity = activityOf(cell);
                  return (
                    // Few elements per cell (the matrix is most of the page): the link is a block, the
                    // reporting count the cell's own smaller text below it.
                    <td
                      key={a.key}
                      className="coverage-cell"
                      style={activity ? { boxShadow: `inset -6px 0 0 ${activity.colour}` } : undefined}
                    >
                      {cell.projects === 0 ? (
                        "0"
                      ) : (
                        <>
                          <a href={projectListHref(row.collaborative.slug, a.key)}>
                            {formatNumber(cell.projects)}
                            {/* The row and column headers name the cell; the full page adds the stages. */}
                            {full && (
                              <span className="sr-only">
                                {" "}
                                {a.name} projects in {row.collaborative.name}: {stageWords(cell)}
                              </span>
                            )}
                          </a>
                          {formatNumber(cell.reporting)} reporting
                        </>
                      )}
                    </td>
                  );
                })}
                <td className="coverage-cell coverage-total">
                  <a href={projectListHref(row.collaborative.slug)}>
                    {formatNumber(row.projects)}
                    {full && <span className="sr-only"> projects in {row.collaborative.name}</span>}
                  </a>
                  {formatNumber(row.reporting)} reporting
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {full && (
        <ScrollableTable label="Projects by stage and priority area">
          <table className="data-table">
            <caption className="mb-2 text-left font-bold">Projects by stage and priority area</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                {coverage.areas.map((a) => (
                  <th key={a.key} scope="col" className="text-right">
                    {a.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stageTotals.map((row) => (
                <tr key={row.stage}>
                  <th scope="row">{STATUS_LABELS[row.stage]}</th>
                  {row.byArea.map((n, i) => (
                    <td key={coverage.areas[i]!.key} className="text-right">
                      {formatNumber(n)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </DashboardPanel>
  );
}
