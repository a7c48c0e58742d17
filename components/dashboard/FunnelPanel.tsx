import { monthParam, type DashboardFilters } from "@/lib/dashboard/filters";
import { funnelVerdict, type FunnelRow, type FunnelView } from "@/lib/dashboard/funnels";
import type { Funnels } from "@/lib/dashboard/queries";
import { formatDecimal, formatMonth, formatNumber } from "@/lib/format";
import { Button } from "@/components/ui/Button";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";
import { DashboardPanel } from "./DashboardPanel";
import { FunnelChart } from "./FunnelChart";

const INPUT = "block border-2 border-nhs-grey-1 bg-white px-2 py-1.5 text-nhs-text";
const rate = (n: number) => (Number.isFinite(n) ? formatDecimal(n, 2) : "no limit");
const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

/** φ and what was done about it, in words. */
export function overdispersionWords(view: Pick<FunnelView, "phi" | "adjusted" | "tau2">): string {
  const phi = Number.isFinite(view.phi) ? formatDecimal(view.phi, 2) : "too large to estimate";
  return view.adjusted
    ? `Overdispersion: φ = ${phi}, more spread than chance alone gives, so the limits were widened (τ² = ${Number.isFinite(view.tau2) ? formatDecimal(view.tau2, 4) : "unbounded"}).`
    : `Overdispersion: φ = ${phi}, no more spread than chance gives, so the limits were not widened.`;
}

/** The units outside the limits, in words: the plot's findings for those who cannot see it. */
function Outliers({ id, view }: { id: string; view: FunnelView }) {
  const outside = view.rows.filter((r) => r.outlier95 !== null);
  if (outside.length === 0)
    return <p className="text-base">Every one is within the 95% limits: the differences are what chance gives.</p>;
  return (
    <ul className="mb-4 list-disc pl-6 text-base" data-testid={`${id}-outliers`}>
      {outside.map((r) => (
        <li key={r.id}>
          <strong>{r.name}</strong>: {funnelVerdict(r).toLowerCase()}, {rate(r.rate)} {view.unit}
        </li>
      ))}
    </ul>
  );
}

function FunnelTable({ id, view, unitsLabel }: { id: string; view: FunnelView; unitsLabel: string }) {
  const sr = view.dataType === "SR";
  return (
    <ScrollableTable label={`${view.name}: the funnel plot's figures by ${unitsLabel.toLowerCase()}`}>
      <table className="data-table" data-testid={`${id}-table`}>
        <caption className="mb-2 text-left font-bold">{view.name}: each one against its limits</caption>
        <TableHead
          columns={[
            unitsLabel,
            { label: view.numeratorName, numeric: true },
            { label: view.denominatorName, numeric: true },
            { label: `Rate (${view.unit})`, numeric: true },
            ...(sr ? [{ label: "Observed ÷ expected", numeric: true }] : []),
            { label: "95% limits", numeric: true },
            { label: "99.8% limits", numeric: true },
            "Verdict",
          ]}
        />
        <tbody>
          {view.rows.map((r: FunnelRow) => (
            <tr key={r.id} className={r.highlighted ? "bg-nhs-pale-yellow" : undefined}>
              <th scope="row">
                {r.name}
                {r.highlighted && <span className="sr-only"> (highlighted)</span>}
              </th>
              <td className="text-right">{formatNumber(r.numerator)}</td>
              <td className="text-right">{formatNumber(r.denominator)}</td>
              <td className="text-right">{rate(r.rate)}</td>
              {sr && <td className="text-right">{formatDecimal(r.ratio, 2)}</td>}
              <td className="text-right whitespace-nowrap">
                {rate(r.lower95)} to {rate(r.upper95)}
              </td>
              <td className="text-right whitespace-nowrap">
                {rate(r.lower998)} to {rate(r.upper998)}
              </td>
              <td>{funnelVerdict(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** The highlighted unit's place on one funnel, in a sentence. */
function highlightWords(view: FunnelView, name: string): string {
  const row = view.rows.find((r) => r.highlighted);
  if (!row) return `${name} reported no ${view.name.toLowerCase()} figures for this month.`;
  return `${name} (ringed): ${rate(row.rate)} ${view.unit}, ${funnelVerdict(row).toLowerCase()}.`;
}

/** One metric's funnel: the chart, its findings in words, φ, and the table (in a details on the overview). */
export function FunnelFigure({
  view,
  month,
  unitsName,
  unitsLabel,
  highlightName,
  full,
  idPrefix = "funnel",
  level = 3,
}: {
  view: FunnelView;
  month: Date;
  /** Plural, lower case: "collaboratives". */
  unitsName: string;
  /** The table's first column: "Collaborative". */
  unitsLabel: string;
  highlightName?: string;
  /** The panel's own page: the table shown, not folded away. */
  full: boolean;
  idPrefix?: string;
  /** The figure's heading level (its "Outside the limits" heading is one below). */
  level?: 3 | 4;
}) {
  const id = `${idPrefix}-${view.key}`;
  const Heading = level === 3 ? "h3" : "h4";
  const Subheading = level === 3 ? "h4" : "h5";
  const monthLabel = formatMonth(month);
  if (view.rows.length === 0)
    return (
      <div className="mb-8" data-testid={id}>
        <Heading>{view.name}</Heading>
        <p className="text-base">
          {view.overallRate === 0
            ? `None were reported in ${monthLabel}, so there is nothing to compare.`
            : `No ${unitsName} reported this measure in ${monthLabel}.`}
        </p>
      </div>
    );
  return (
    <div className="mb-10 break-inside-avoid" data-testid={id}>
      <Heading>
        {view.name} <span className="text-base font-normal text-nhs-secondary-text">({view.unit})</span>
      </Heading>
      <p className="text-base">
        {monthLabel}, {view.rows.length} {unitsName}: the overall rate was{" "}
        {view.overallRate === null ? "–" : rate(view.overallRate)} {view.unit}.{" "}
        {view.dataType === "SR"
          ? "Each is compared with what the overall rate would give for its bed days (observed ÷ expected)."
          : "Each proportion is compared with the overall proportion."}
      </p>
      {highlightName && (
        <p className="text-base font-bold" data-testid={`${id}-highlight`}>
          {highlightWords(view, highlightName)}
        </p>
      )}
      <div className="grid gap-x-6 lg:grid-cols-[minmax(0,760px)_minmax(0,1fr)]">
        <FunnelChart id={id} view={view} monthLabel={monthLabel} unitsName={unitsName} />
        <div>
          <Subheading className="mb-2 mt-4 text-lg lg:mt-0">Outside the limits</Subheading>
          <Outliers id={id} view={view} />
          <p className="text-base">{overdispersionWords(view)}</p>
          <p className="text-sm text-nhs-secondary-text">
            Key: dashed blue lines, 95% limits; solid purple lines, 99.8% limits; black line, the overall rate; red
            diamonds, outside the 95% limits{highlightName ? "; yellow ring, " + highlightName : ""}.
          </p>
          {view.missing.length > 0 && (
            <p className="text-sm text-nhs-secondary-text">No figures this month: {view.missing.join(", ")}.</p>
          )}
        </div>
      </div>
      {full ? (
        <FunnelTable id={id} view={view} unitsLabel={unitsLabel} />
      ) : (
        <details className="mt-2">
          <summary className="text-base">Show the figures as a table</summary>
          <FunnelTable id={id} view={view} unitsLabel={unitsLabel} />
        </details>
      )}
    </div>
  );
}

/** The month select: a GET form keeping the dashboard's other filters, so it works without JavaScript. */
function MonthForm({ action, filters, funnels }: { action: string; filters: DashboardFilters; funnels: Funnels }) {
  if (funnels.months.length === 0 || !funnels.month) return null;
  const hidden: [string, string][] = [
    ["from", monthParam(filters.from)],
    ["to", monthParam(filters.to)],
    ...(filters.area ? ([["area", filters.area]] as [string, string][]) : []),
    ...(filters.collaborative ? ([["collaborative", filters.collaborative]] as [string, string][]) : []),
    ...(filters.map !== "projects" ? ([["map", filters.map]] as [string, string][]) : []),
  ];
  return (
    <form method="get" action={`${action}#comparing`} className="no-print mb-6 flex flex-wrap items-end gap-4">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="funnel-month" className="mb-1 block font-bold">
          Month compared
        </label>
        <select id="funnel-month" name="month" defaultValue={monthParam(monthIndex(funnels.month))} className={INPUT}>
          {funnels.months.map((m) => (
            <option key={m.toISOString()} value={monthParam(monthIndex(m))}>
              {formatMonth(m)}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" className="mb-0!">
        Compare this month
      </Button>
    </form>
  );
}

export function FunnelPanel({
  funnels,
  filters,
  action,
  csvHref,
  moreHref,
}: {
  funnels: Funnels;
  filters: DashboardFilters;
  /** The page the month form returns to. */
  action: string;
  csvHref: string;
  moreHref?: string;
}) {
  return (
    <DashboardPanel
      id="comparing"
      title="Comparing collaboratives"
      csvHref={csvHref}
      moreHref={moreHref}
      intro={
        <>
          <p>
            Each national harm measure in one month, for every collaborative, as a funnel plot: its rate against its bed
            days (or discharges), with limits that are wide for small denominators and narrow for large ones. A
            collaborative outside the 99.8% limits differs by more than chance would explain; between the 95% and 99.8%
            limits it may be worth a look.
          </p>
          <p>
            <strong>Why not a league table?</strong> Ranking the collaboratives would put half of them in the bottom
            half whatever happened, and small ones would swing from top to bottom on chance alone. The funnel says only
            what the data can support: who is unusual, allowing for their size.
          </p>
        </>
      }
    >
      <MonthForm action={action} filters={filters} funnels={funnels} />
      {funnels.highlight && (
        <p className="text-base" data-testid="funnel-highlight-note">
          {funnels.highlight.name} is ringed in yellow on each plot and highlighted in the tables.
        </p>
      )}
      {!funnels.month ? (
        <p className="text-base">The period has no complete month yet, so there is nothing to compare.</p>
      ) : (
        funnels.metrics.map((view) => (
          <FunnelFigure
            key={view.key}
            view={view}
            month={funnels.month!}
            unitsName="collaboratives"
            unitsLabel="Collaborative"
            highlightName={funnels.highlight?.name}
            full={!moreHref}
          />
        ))
      )}
      {funnels.month && funnels.highlight && funnels.organisations && (
        <OrganisationFunnels
          month={funnels.month}
          name={funnels.highlight.name}
          organisations={funnels.organisations}
          full={!moreHref}
        />
      )}
    </DashboardPanel>
  );
}

/** A collaborative's harm measures across its own member organisations, with what could not be attributed. */
function OrganisationFunnels({
  month,
  name,
  organisations,
  full,
}: {
  month: Date;
  name: string;
  organisations: NonNullable<Funnels["organisations"]>;
  full: boolean;
}) {
  const shown = organisations.metrics.filter((view) => view.rows.length > 0);
  const unattributed = organisations.unattributed.filter((u) => u.measures > 0);
  const metricName = (key: string) => organisations.metrics.find((m) => m.key === key)?.name ?? key;
  return (
    <section aria-labelledby="organisation-funnels-heading" data-testid="organisation-funnels">
      <h3 id="organisation-funnels-heading">Across {name}’s member organisations</h3>
      <p className="text-base">
        The same comparison between the organisations of {name}, in {formatMonth(month)}. A measure counts for an
        organisation when its project names that one organisation; a project naming several organisations reports their
        figures together, so they cannot be split between them and are left out here.
      </p>
      {unattributed.length > 0 && (
        <p className="text-base" data-testid="organisation-funnels-unattributed">
          Left out, from projects naming several organisations or none:{" "}
          {unattributed
            .map(
              (u) =>
                `${metricName(u.key).toLowerCase()}, ${formatNumber(u.numerator)} from ${u.measures} measure${u.measures === 1 ? "" : "s"}`,
            )
            .join("; ")}
          .
        </p>
      )}
      {shown.length === 0 ? (
        <p className="text-base">No organisation-level figures were reported for {formatMonth(month)}.</p>
      ) : (
        shown.map((view) => (
          <FunnelFigure
            key={view.key}
            view={view}
            month={month}
            unitsName="organisations"
            unitsLabel="Organisation"
            full={full}
            idPrefix="organisation-funnel"
            level={4}
          />
        ))
      )}
    </section>
  );
}
