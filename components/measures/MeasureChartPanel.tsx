// One measure's chart as the project page and the measure page show it: the icons in words with what
// to do next, the chart (drawn on the client from server-computed limits), its text alternative, PDSA
// and note annotations, the baseline, a "provisional limits" note for short series, a run chart while
// the series is short, and the data table.
import { CompactXmrChart } from "@/components/charts/XmrChart";
import { RunChart } from "@/components/charts/RunChart";
import { MeasureDataTable, type MeasureTableData } from "@/components/charts/MeasureDataTable";
import { SpcIcons } from "./SpcIcons";
import type { MeasureChartView } from "@/lib/measures/chart";
import { SPC_COLOURS } from "@/lib/spc/describe";
import { ScrollableTable } from "@/components/ui/ScrollableTable";

const CAUSE_LETTERS = { improvement: "i", concern: "c", "neither-high": "h", "neither-low": "l", common: "." } as const;
/** Enough digits to draw the point and show it to 2 decimal places (at least 6 significant), not 17. */
const compactNumber = (n: number) =>
  Number(n.toPrecision(Math.min(21, Math.max(6, Math.floor(Math.log10(Math.abs(n) || 1)) + 4))));
const RULE_LETTERS = { "outside-limits": "o", shift: "s", trend: "t", "two-of-three": "w" } as const;

/** `showKey`: false where the page shows one ChartKey for all its charts. */
export function MeasureChartPanel({
  id,
  name,
  unit,
  valueType,
  chart,
  showKey = true,
}: {
  id: string;
  name: string;
  unit: string;
  valueType: "NUMBER" | "RATE";
  chart: MeasureChartView;
  showKey?: boolean;
}) {
  if (chart.pointCount === 0) {
    return (
      <p className="text-nhs-secondary-text">
        No data yet. Add values one at a time or import a CSV file to see the chart.
      </p>
    );
  }
  const captionId = `chart-${id}-description`;
  // The chart component gets compact arrays (they are serialised into the page), not the view objects.
  const compact = {
    labels: chart.points.map((p) => p.label),
    values: chart.points.map((p) => compactNumber(p.value)),
    causes: chart.points.map((p) => CAUSE_LETTERS[p.cause ?? "common"]).join(""),
  };
  const starts = chart.periods.reduce<number[]>(
    (acc, p, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + chart.periods[i - 1]!.pointCount],
    [],
  );
  const positions = new Map(chart.points.map((p, i) => [p.key, i]));
  const annotations = chart.annotations.map((a) => ({ index: positions.get(a.key)!, number: a.number }));
  const periods = chart.periods.map((p) => ({
    start: starts[p.index]!,
    end: starts[p.index]! + p.pointCount,
    mean: p.mean,
    upper: p.upper,
    lower: p.lower,
  }));
  const rate =
    valueType === "RATE"
      ? { numerators: chart.points.map((p) => p.numerator), denominators: chart.points.map((p) => p.denominator) }
      : {};
  const rules = chart.points.map((p) => p.rules.map((r) => RULE_LETTERS[r]).join(""));
  const notes = chart.noteAnnotations.map((n) => ({ index: n.index, number: n.number, text: n.text }));
  const baselineCount = chart.baseline?.pointCount ?? 0;
  const axis = {
    narrow: { indices: chart.axis.narrow.indices, labels: chart.axis.narrow.labels },
    wide: { indices: chart.axis.wide.indices, labels: chart.axis.wide.labels },
  };
  // P/U charts: each point's own limits, to draw as steps and list in the table.
  const varying = chart.limitsVary
    ? {
        uppers: chart.points.map((p) => (p.upper === null ? null : compactNumber(p.upper))),
        lowers: chart.points.map((p) => (p.lower === null ? null : compactNumber(p.lower))),
      }
    : {};
  const table: MeasureTableData = {
    labels: compact.labels,
    values: compact.values,
    ...rate,
    causes: compact.causes,
    rules,
    periods,
    notes,
    baselineCount,
    ...varying,
  };
  return (
    <div>
      {chart.hasLimits && (
        <SpcIcons
          variation={chart.variation}
          variationText={chart.variationText}
          assurance={chart.assurance}
          assuranceText={chart.assuranceText}
          hasTarget={chart.target !== null}
        />
      )}
      {chart.nextStep && (
        <p className="mb-4">
          <strong>What to do next: </strong>
          {chart.nextStep}
        </p>
      )}
      {chart.rebaseSuggestion && (
        <div className="mb-4 border-l-4 border-nhs-blue bg-white px-4 py-2" data-testid="rebase-suggestion">
          <p className="mb-0">
            <strong>Consider recalculating the limits. </strong>
            {chart.rebaseSuggestion.text}
          </p>
        </div>
      )}
      {chart.limitsVary && (
        <p className="mb-4" data-testid="chart-type-guidance">
          <strong>{chart.chartTypeName}. </strong>
          {chart.chartTypeText}
        </p>
      )}
      {chart.provisionalNotes.map((note) => (
        <p key={note} className="mb-4 border-l-4 border-nhs-warm-yellow bg-nhs-pale-yellow px-4 py-2">
          <strong>Provisional limits. </strong>
          {note.replace(/^Provisional limits:?\s*/, "")}
        </p>
      ))}
      <figure className="mb-4 bg-white p-2 sm:p-4">
        <div
          role="img"
          aria-label={`${chart.chartTypeName} of ${name}. The description below the chart says what it shows.`}
          className="min-h-[380px]"
          data-chart-type={chart.chartType}
          data-ticks-narrow={chart.axis.narrow.indices.length}
          data-ticks-wide={chart.axis.wide.indices.length}
        >
          <CompactXmrChart
            {...compact}
            {...rate}
            target={chart.target}
            annotations={annotations}
            unit={unit}
            periods={periods}
            rules={rules}
            notes={notes}
            baselineCount={baselineCount}
            axis={axis}
            {...varying}
          />
        </div>
        <AxisNote chart={chart} />
        <figcaption id={captionId} className="mt-3 text-base">
          <span className="font-bold">What the chart shows: </span>
          {chart.summary}
        </figcaption>
      </figure>
      {showKey && (
        <ChartKey
          hasTarget={chart.target !== null}
          hasBaseline={chart.baseline !== null}
          limitsVary={chart.limitsVary}
        />
      )}
      {chart.noteAnnotations.length > 0 && (
        <>
          <p className="mb-1 font-bold">Notes marked on the chart</p>
          <ul className="mb-4 list-none p-0 text-base" aria-label={`Notes on the values of ${name}`}>
            {chart.noteAnnotations.map((n) => (
              <li key={n.number}>
                <span className="font-bold">N{n.number}</span> ({n.label}): {n.text}
              </li>
            ))}
          </ul>
        </>
      )}
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
            <div
              role="img"
              aria-label={`Run chart of ${name}. The description below the chart says what it shows.`}
              className="min-h-[300px]"
            >
              <RunChart
                labels={compact.labels}
                values={compact.values}
                median={chart.runChart.median}
                annotations={annotations}
                unit={unit}
                {...rate}
                notes={notes}
                baselineCount={baselineCount}
                axis={axis}
              />
            </div>
            <figcaption className="mt-3 text-base">
              <span className="font-bold">What the run chart shows: </span>
              {chart.runChart.text}
            </figcaption>
          </figure>
        </div>
      )}
      <details className="mb-6">
        <summary className="cursor-pointer text-nhs-blue underline">
          Show the data table<span className="sr-only"> for {name}</span>
        </summary>
        <ScrollableTable label={`Data for ${name}`} className="mt-3">
          <MeasureDataTable caption={`Data for ${name}${unit ? ` (${unit})` : ""}`} data={table} />
        </ScrollableTable>
      </details>
    </div>
  );
}

/** Which periods the axis labels (it depends on the screen's width, as the chart's ticks do). */
function AxisNote({ chart }: { chart: MeasureChartView }) {
  const { narrow, wide } = chart.axis;
  const text = (plan: typeof narrow) =>
    plan.step === 1 || plan.indices.length === chart.pointCount
      ? "Every period is labelled on the axis."
      : `The axis labels ${plan.stepText}; the data table lists every period.`;
  return (
    <p className="mb-0 mt-2 text-sm text-nhs-secondary-text">
      {chart.baseline && (
        <>
          Shaded: the baseline, {chart.baseline.startLabel}
          {chart.baseline.pointCount > 1 ? ` to ${chart.baseline.endLabel}` : ""}, before the change work started on{" "}
          {chart.baseline.changeStarted}.{" "}
        </>
      )}
      <span className="sm:hidden">{text(narrow)}</span>
      <span className="hidden sm:inline">{text(wide)}</span>
    </p>
  );
}

export function ChartKey({
  hasTarget,
  hasBaseline = false,
  limitsVary = false,
}: {
  hasTarget: boolean;
  hasBaseline?: boolean;
  /** P/U charts: the limits are each period's own. */
  limitsVary?: boolean;
}) {
  const swatch = (colour: string, large = false) => (
    <svg
      width="14"
      height="14"
      viewBox="0 0 14 14"
      aria-hidden="true"
      focusable="false"
      className="inline-block align-middle"
    >
      <circle
        cx="7"
        cy="7"
        r={large ? 6 : 4}
        fill={colour}
        stroke={large ? "#212b32" : "#ffffff"}
        strokeWidth={large ? 1.5 : 1}
      />
    </svg>
  );
  return (
    <ul className="mb-4 flex list-none flex-wrap gap-x-5 gap-y-1 p-0 text-sm">
      <li>{swatch(SPC_COLOURS.improvement, true)} Improvement (special cause)</li>
      <li>{swatch(SPC_COLOURS.concern, true)} Concern (special cause)</li>
      <li>{swatch(SPC_COLOURS.neither, true)} Neither (special cause)</li>
      <li>{swatch(SPC_COLOURS.common)} Common cause</li>
      <li>
        <span aria-hidden="true" className="inline-block w-5 border-t-2 border-nhs-text align-middle" /> Mean
      </li>
      <li>
        <span aria-hidden="true" className="inline-block w-5 border-t-2 border-dashed border-nhs-grey-1 align-middle" />{" "}
        {limitsVary ? "Process limits (each period’s own, from its denominator)" : "Process limits"}
      </li>
      {hasTarget && (
        <li>
          <span
            aria-hidden="true"
            className="inline-block w-5 border-t-2 border-dotted border-nhs-green align-middle"
          />{" "}
          Target
        </li>
      )}
      {hasBaseline && (
        <li>
          <span aria-hidden="true" className="inline-block h-3 w-5 bg-[#e8edee] align-middle" /> Baseline (before the
          change work started)
        </li>
      )}
      <li>
        <span aria-hidden="true" className="inline-block border border-[#003087] px-0.5 text-xs font-bold">
          N1
        </span>{" "}
        A value with a note
      </li>
    </ul>
  );
}
