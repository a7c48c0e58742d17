import type { HarmSeries } from "@/lib/dashboard/queries";
import { CAUSE_LABELS, causeColour } from "@/lib/measures/chart";
import { formatDecimal, formatMonth, formatNumber } from "@/lib/format";
import { Sparkline } from "@/components/charts/Sparkline";
import { XmrChart, type XmrChartPoint } from "@/components/charts/XmrChart";
import { DashboardPanel } from "./DashboardPanel";
import { TableHead } from "@/components/ui/ScrollableTable";

const value = (n: number | null, digits = 2) => (n === null ? "–" : formatDecimal(n, digits));

function chartPoints(series: HarmSeries): XmrChartPoint[] {
  return series.points.flatMap((p) =>
    p.value === null
      ? []
      : [
          {
            key: p.month.toISOString().slice(0, 7),
            label: formatMonth(p.month),
            value: p.value,
            mean: series.mean,
            upper: series.upperLimit,
            lower: series.lowerLimit,
            period: 0,
            colour: causeColour(p.specialCause),
            special: p.specialCause !== null,
            causeLabel: CAUSE_LABELS[p.specialCause ?? "common"],
          },
        ],
  );
}

function describe(series: HarmSeries): string {
  if (!series.latest || series.latest.value === null) return "No collaborative reported this measure in the period.";
  const latest = `In ${formatMonth(series.latest.month)} the rate was ${value(series.latest.value)} ${series.unit}, from ${formatNumber(series.latest.measures)} measures.`;
  const baseline = series.baseline
    ? ` The baseline (${formatMonth(series.baseline.from)} to ${formatMonth(series.baseline.to)}) averaged ${value(series.baseline.mean)}; halving it means ${value(series.ambition)} or lower.`
    : "";
  const special = series.points.filter((p) => p.specialCause === "improvement").length;
  const concern = series.points.filter((p) => p.specialCause === "concern").length;
  const signals =
    special + concern === 0
      ? " No month in the period shows special-cause variation."
      : ` ${special} month${special === 1 ? "" : "s"} show special-cause improvement and ${concern} special-cause concern.`;
  return latest + baseline + signals;
}

export function HarmPanel({ harm, csvHref, moreHref }: { harm: HarmSeries[]; csvHref: string; moreHref?: string }) {
  return (
    <DashboardPanel
      id="sign-up-to-safety"
      title="Sign up to Safety"
      csvHref={csvHref}
      moreHref={moreHref}
      intro={
        <>
          <p>
            The harm measures collaboratives report in common, added up nationally each month: all harms reported
            divided by all bed days (or discharges) reported, so larger organisations count for more. Each chart uses
            the Making Data Count rules, with its mean and process limits taken from the first 12 months of data (the
            baseline).
          </p>
          <p>
            The green dotted line (marked target) is the Sign up to Safety ambition: half the baseline rate, for halving
            avoidable harm.
          </p>
        </>
      }
    >
      {harm.map((series) => {
        const points = chartPoints(series);
        return (
          <div key={series.key} className="mb-8 break-inside-avoid" data-testid={`harm-${series.key}`}>
            <h3>
              {series.name} <span className="text-base font-normal text-nhs-secondary-text">({series.unit})</span>
            </h3>
            <p className="text-base">{describe(series)}</p>
            {/* The overview shows each series as a mini-chart (drawn on the server, no chart code sent);
                the panel's own page has the full SPC chart and the table. */}
            {points.length > 1 && moreHref && (
              <Sparkline
                points={series.points}
                width={240}
                height={48}
                label={`Mini-chart of the national monthly rate of ${series.name.toLowerCase()}`}
              />
            )}
            {points.length > 1 && !moreHref && (
              <div aria-hidden="true">
                <XmrChart
                  points={points}
                  periodCount={1}
                  target={series.ambition}
                  annotations={[]}
                  unit={series.unit === "% of discharges" ? "%" : series.unit}
                />
              </div>
            )}
            {points.length > 0 && !moreHref && (
              <table className="data-table">
                <caption className="mb-2 text-left font-bold">{series.name}, national monthly rate</caption>
                <TableHead
                  columns={[
                    "Month",
                    { label: "Rate", numeric: true },
                    { label: "Harms", numeric: true },
                    { label: "Denominator", numeric: true },
                    "Variation",
                  ]}
                />
                <tbody>
                  {series.points.map((p) => (
                    <tr key={p.month.toISOString()}>
                      <th scope="row">{formatMonth(p.month)}</th>
                      <td className="text-right">{value(p.value)}</td>
                      <td className="text-right">{formatNumber(p.numerator)}</td>
                      <td className="text-right">{formatNumber(p.denominator)}</td>
                      <td>{p.value === null ? "No data" : CAUSE_LABELS[p.specialCause ?? "common"]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </DashboardPanel>
  );
}
