// One measure's chart as the project page and the measure page show it: the icons in words, the
// chart (drawn on the client from server-computed limits), its text alternative, PDSA annotations,
// a "provisional limits" note for short series, a run chart while the series is short, and the data table.
import { XmrChart } from "@/components/charts/XmrChart";
import { RunChart } from "@/components/charts/RunChart";
import { SpcIcons } from "./SpcIcons";
import type { MeasureChartView } from "@/lib/measures/chart";
import { SPC_COLOURS } from "@/lib/spc/describe";
import { formatDecimal } from "@/lib/format";

const num = (n: number | null) => (n === null ? "–" : formatDecimal(n, 2));
const CAUSE_LETTERS = { improvement: "i", concern: "c", "neither-high": "n", "neither-low": "n", common: "." } as const;

export function MeasureChartPanel({ id, name, unit, valueType, chart }: { id: string; name: string; unit: string; valueType: "NUMBER" | "RATE"; chart: MeasureChartView }) {
  if (chart.pointCount === 0) {
    return <p className="text-nhs-secondary-text">No data yet. Add values one at a time or import a CSV file to see the chart.</p>;
  }
  const captionId = `chart-${id}-description`;
  // The chart component gets compact arrays (they are serialised into the page), not the view objects.
  const compact = {
    keys: chart.points.map((p) => p.key),
    labels: chart.points.map((p) => p.label),
    values: chart.points.map((p) => Number(p.value.toPrecision(10))),
    causes: chart.points.map((p) => CAUSE_LETTERS[p.cause ?? "common"]).join(""),
  };
  const starts = chart.periods.reduce<number[]>((acc, p, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + chart.periods[i - 1]!.pointCount], []);
  const annotations = chart.annotations.map((a) => ({ key: a.key, number: a.number }));
  return (
    <div>
      {chart.hasLimits && (
        <SpcIcons variation={chart.variation} variationText={chart.variationText} assurance={chart.assurance} assuranceText={chart.assuranceText} hasTarget={chart.target !== null} />
      )}
      {chart.provisionalNotes.map((note) => (
        <p key={note} className="mb-4 border-l-4 border-nhs-warm-yellow bg-nhs-pale-yellow px-4 py-2">
          <strong>Provisional limits. </strong>
          {note.replace(/^Provisional limits:?\s*/, "")}
        </p>
      ))}
      <figure className="mb-4 bg-white p-2 sm:p-4">
        <div role="img" aria-label={`XmR chart of ${name}. The description below the chart says what it shows.`} className="min-h-[340px]">
          <XmrChart {...compact} target={chart.target} annotations={annotations} unit={unit} periods={chart.periods.map((p) => ({ start: starts[p.index]!, end: starts[p.index]! + p.pointCount, mean: p.mean, upper: p.upper, lower: p.lower }))} />
        </div>
        <figcaption id={captionId} className="mt-3 text-base">
          <span className="font-bold">What the chart shows: </span>
          {chart.summary}
        </figcaption>
      </figure>
      <ChartKey hasTarget={chart.target !== null} />
      {chart.annotations.length > 0 && (
        <>
          <p className="mb-1 font-bold">PDSA cycles marked on the chart</p>
          <ul className="mb-4 list-none p-0 text-base">
            {chart.annotations.map((a) => (
              <li key={a.number}>
                <span className="font-bold">C{a.number}</span> ({a.label}): {a.title} – {a.decision}
              </li>
            ))}
          </ul>
        </>
      )}
      {chart.runChart && (
        <div className="mb-4">
          <p className="mb-2 font-bold">Run chart (for series of fewer than 13 points)</p>
          <figure className="mb-2 bg-white p-2 sm:p-4">
            <div role="img" aria-label={`Run chart of ${name}. The description below the chart says what it shows.`} className="min-h-[260px]">
              <RunChart keys={compact.keys} labels={compact.labels} values={compact.values} median={chart.runChart.median} annotations={annotations} />
            </div>
            <figcaption className="mt-3 text-base">
              <span className="font-bold">What the run chart shows: </span>
              {chart.runChart.text}
            </figcaption>
          </figure>
        </div>
      )}
      <details className="mb-6">
        <summary className="cursor-pointer text-nhs-blue underline">Show the data table<span className="sr-only"> for {name}</span></summary>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-base">
            <caption className="mb-2 text-left font-bold">Data for {name}{unit ? ` (${unit})` : ""}</caption>
            <thead>
              <tr className="border-b-2 border-nhs-grey-3">
                <th scope="col" className="p-2">Period</th>
                <th scope="col" className="p-2">Value</th>
                {valueType === "RATE" && <th scope="col" className="p-2">Numerator</th>}
                {valueType === "RATE" && <th scope="col" className="p-2">Denominator</th>}
                <th scope="col" className="p-2">Mean</th>
                <th scope="col" className="p-2">Lower limit</th>
                <th scope="col" className="p-2">Upper limit</th>
                <th scope="col" className="p-2">Variation</th>
              </tr>
            </thead>
            <tbody>
              {chart.points.map((p) => (
                <tr key={p.key} className="border-b border-nhs-grey-4">
                  <th scope="row" className="p-2 font-normal">{p.label}</th>
                  <td className="p-2">{num(p.value)}</td>
                  {valueType === "RATE" && <td className="p-2">{num(p.numerator)}</td>}
                  {valueType === "RATE" && <td className="p-2">{num(p.denominator)}</td>}
                  <td className="p-2">{num(p.mean)}</td>
                  <td className="p-2">{num(p.lower)}</td>
                  <td className="p-2">{num(p.upper)}</td>
                  <td className="p-2">
                    {p.causeLabel}
                    {p.rules.length > 0 && <span className="block text-sm text-nhs-secondary-text">{p.rules.map((r) => RULE_WORDS[r]).join(", ")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

const RULE_WORDS = { "outside-limits": "outside the limits", shift: "shift", trend: "trend", "two-of-three": "two of three close to a limit" } as const;

function ChartKey({ hasTarget }: { hasTarget: boolean }) {
  const swatch = (colour: string, large = false) => (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false" className="inline-block align-middle">
      <circle cx="7" cy="7" r={large ? 6 : 4} fill={colour} stroke={large ? "#212b32" : "#ffffff"} strokeWidth={large ? 1.5 : 1} />
    </svg>
  );
  return (
    <ul className="mb-4 flex list-none flex-wrap gap-x-5 gap-y-1 p-0 text-sm">
      <li>{swatch(SPC_COLOURS.improvement, true)} Improvement (special cause)</li>
      <li>{swatch(SPC_COLOURS.concern, true)} Concern (special cause)</li>
      <li>{swatch(SPC_COLOURS.neither, true)} Neither (special cause)</li>
      <li>{swatch(SPC_COLOURS.common)} Common cause</li>
      <li><span aria-hidden="true" className="inline-block w-5 border-t-2 border-nhs-text align-middle" /> Mean</li>
      <li><span aria-hidden="true" className="inline-block w-5 border-t-2 border-dashed border-nhs-grey-1 align-middle" /> Process limits</li>
      {hasTarget && <li><span aria-hidden="true" className="inline-block w-5 border-t-2 border-dotted border-nhs-green align-middle" /> Target</li>}
    </ul>
  );
}
