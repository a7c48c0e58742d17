// A measure's chart as plain SVG, drawn on the server from lib/measures/chart.ts's model: no recharts and
// no JavaScript, so it prints, works in the report without scripts, and is the file people download.
// It draws what it is given (SPC maths stays in lib/spc) and carries its own key and, in words, what the
// variation and assurance icons mean, so a downloaded chart still makes sense on a slide.
// Pure: no hooks, no context (lib/svg-markup.ts renders it to a string for the download route).
import type { ReactNode } from "react";
import type { MeasureChartView } from "@/lib/measures/chart";
import { SPC_COLOURS } from "@/lib/spc/describe";
import { formatDecimal } from "@/lib/format";
import { niceScale, round } from "./scale";

export type ChartSvgProps = {
  /** Unique on the page: the title and description are referenced by id. */
  id: string;
  name: string;
  unit: string;
  chart: MeasureChartView;
  /** "run": values against their median (for short series); "xmr": mean and process limits per period. */
  kind: "xmr" | "run";
  /** A file of its own (the download): fixed pixel size, the measure's name as a heading, the XML namespace. */
  standalone?: boolean;
};

export const CHART_WIDTH = 760;
const MARGIN = { left: 64, right: 24 };
const PLOT_HEIGHT = 240;
/** Rotated axis labels need this much room between them to stay apart (11px text at 45°). */
export const MIN_LABEL_SPACING = 16;
const FONT = "Arial, Helvetica, sans-serif";
const TEXT = "#212b32";
const MEAN_COLOUR = "#212b32";
const LIMIT_COLOUR = "#425563";
const TARGET_COLOUR = "#007f3b";
const CYCLE_COLOUR = "#330072";
const BASELINE_FILL = "#e8edee";
const GRID = "#d8dde0";
const LINE_HEIGHT = 15;
/** Characters per line of the words under the chart (11px Arial across the chart's width). */
const WRAP_AT = 118;

const num = (n: number) => formatDecimal(n, 2);
/** Coordinates to a tenth of a pixel: smaller pages and files (20 charts of 120 points), no visible difference. */
const px = (n: number) => Math.round(n * 10) / 10;
const CAUSE_ORDER = ["common", "improvement", "concern", "neither-high", "neither-low"] as const;

/** Every how many points an axis label fits: 1 (every period) unless the points are closer than a label needs. */
export function labelEvery(pointCount: number, plotWidth: number): number {
  if (pointCount === 0) return 1;
  return Math.max(1, Math.ceil(pointCount / Math.max(1, Math.floor(plotWidth / MIN_LABEL_SPACING))));
}

/**
 * P/U limits as steps: each point's limit is level across its own slot and changes halfway to the
 * next point; a point without limits breaks the line.
 */
export function steppedPath(
  limits: readonly (number | null)[],
  left: number,
  step: number,
  y: (v: number) => number,
): string {
  let d = "";
  let drawing = false;
  limits.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? "V" : `M${px(left + step * i)} `}${px(y(v))}H${px(left + step * (i + 1))}`;
    drawing = true;
  });
  return d;
}

/** Greedy word wrap for SVG text, which does not wrap by itself. */
export function wrapWords(text: string, width = WRAP_AT): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

export function ChartSvg({ id, name, unit, chart, kind, standalone = false }: ChartSvgProps) {
  const points = chart.points;
  const n = points.length;
  const run = kind === "run" ? chart.runChart : null;
  const median = run?.median ?? null;
  const plotWidth = CHART_WIDTH - MARGIN.left - MARGIN.right;
  const step = n > 0 ? plotWidth / n : plotWidth;
  const x = (i: number) => MARGIN.left + step * (i + 0.5);

  const headingHeight = standalone ? 30 : 0;
  const plotTop = headingHeight + 44;
  const plotBottom = plotTop + PLOT_HEIGHT;

  // Limits are never clipped in the maths; the drawing stops at zero for data that cannot go below it.
  const values = points.map((p) => p.value);
  const limits =
    kind === "xmr"
      ? chart.periods.flatMap((p) => [p.upper, p.lower, p.mean]).filter((v): v is number => v !== null)
      : median !== null
        ? [median]
        : [];
  const all = [...values, ...limits, ...(chart.target !== null ? [chart.target] : [])];
  const nonNegative = values.every((v) => v >= 0);
  const { domain, ticks } =
    all.length > 0
      ? niceScale(nonNegative ? Math.max(0, Math.min(...all)) : Math.min(...all), Math.max(...all))
      : niceScale(0, 1);
  const y = (v: number) => plotBottom - ((v - domain[0]) / (domain[1] - domain[0])) * PLOT_HEIGHT;
  const inside = (v: number | null): v is number => v !== null && v >= domain[0] && v <= domain[1];
  const clamp = (v: number | null) => (v === null ? null : Math.min(domain[1], Math.max(domain[0], v)));

  const every = labelEvery(n, plotWidth);
  // The baseline (before the change work started) is the model's, as on the interactive chart.
  const baseline = chart.baseline?.pointCount ?? 0;
  const periodStarts = chart.periods.map((p, i) => chart.periods.slice(0, i).reduce((sum, q) => sum + q.pointCount, 0));
  const positions = new Map(points.map((p, i) => [p.key, i]));

  // The words under the chart: the key, then what the chart says (the icons' meaning), wrapped.
  const words: string[] = [];
  if (kind === "xmr") {
    if (chart.hasLimits) {
      words.push(`Variation: ${chart.variationText}.`);
      if (chart.target !== null) words.push(`Assurance: ${chart.assuranceText}.`);
    } else words.push("Process limits need at least 2 points.");
    if (chart.limitsVary) words.push(`${chart.chartTypeName}: ${chart.chartTypeText}`);
    words.push(...chart.provisionalNotes);
  } else if (run) words.push(`Run chart: ${run.text}`);
  if (every > 1) words.push(`The axis labels every ${ordinal(every)} point; every value is in the data table.`);
  const wordLines = words.flatMap((w) => wrapWords(w));
  const axisLabelsHeight = 76;
  const keyTop = plotBottom + axisLabelsHeight;
  const wordsTop = keyTop + 26;
  const height = wordsTop + wordLines.length * LINE_HEIGHT + 8;

  const unitText = unit ? ` (${unit})` : "";
  const title = `${kind === "xmr" ? chart.chartTypeName : "Run chart"} of ${name}${unitText}`;
  const baselineText =
    baseline === 0
      ? ""
      : baseline === n
        ? ` Every point is baseline data from before the project started.`
        : ` Baseline (before the project started): ${points[0]!.label} to ${points[baseline - 1]!.label}, shaded.`;
  const cyclesText =
    chart.annotations.length === 0
      ? ""
      : ` PDSA cycles marked: ${chart.annotations.map((a) => `C${a.number} (${a.label}) ${a.title}, ${a.decision}`).join("; ")}.`;
  const description =
    n === 0
      ? `${name}${unitText}: no data yet.`
      : `${kind === "xmr" ? chart.summary : `${title}: ${n} points from ${points[0]!.label} to ${points[n - 1]!.label}. ${run?.text ?? ""}`}${baselineText}${cyclesText}`;

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width={standalone ? CHART_WIDTH : undefined}
      height={standalone ? height : undefined}
      className={standalone ? undefined : "chart-svg block h-auto w-full"}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      fontFamily={FONT}
      fontSize="11"
      fill={TEXT}
      data-chart={kind}
      data-chart-type={kind === "xmr" ? chart.chartType : undefined}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <rect x="0" y="0" width={CHART_WIDTH} height={height} fill="#ffffff" />
      {standalone && (
        <text x={MARGIN.left} y="22" fontSize="16" fontWeight="700">
          {title}
        </text>
      )}

      {baseline > 0 && (
        <g data-baseline={baseline}>
          <rect x={MARGIN.left} y={plotTop} width={px(step * baseline)} height={PLOT_HEIGHT} fill={BASELINE_FILL} />
          <text x={MARGIN.left + 4} y={plotBottom - 6} fontSize="10" fontStyle="italic">
            {step * baseline > 150 ? "Baseline: before the project started" : "Baseline"}
          </text>
        </g>
      )}

      <g data-axis="y">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={CHART_WIDTH - MARGIN.right} y1={px(y(t))} y2={px(y(t))} stroke={GRID} />
            <text x={MARGIN.left - 6} y={px(y(t) + 4)} textAnchor="end">
              {`${round(t)}${unit === "%" ? "%" : ""}`}
            </text>
          </g>
        ))}
      </g>

      <g data-axis="x">
        <line x1={MARGIN.left} x2={CHART_WIDTH - MARGIN.right} y1={plotBottom} y2={plotBottom} stroke={TEXT} />
        {/* Every point's tick (longer where labelled), as one path: 120 lines would be 120 elements. */}
        <path
          d={points.map((_, i) => `M${px(x(i))} ${plotBottom}v${i % every === 0 ? 5 : 3}`).join("")}
          stroke={TEXT}
          data-ticks={n}
        />
        {points.map((p, i) =>
          i % every === 0 ? (
            <text
              key={p.key}
              x={px(x(i))}
              y={plotBottom + 14}
              textAnchor="end"
              transform={`rotate(-45 ${px(x(i))} ${plotBottom + 14})`}
              data-label={p.key}
            >
              {p.label}
            </text>
          ) : null,
        )}
      </g>

      {kind === "xmr" &&
        chart.periods.map((period) => {
          const start = periodStarts[period.index]!;
          const left = MARGIN.left + step * start;
          const right = MARGIN.left + step * (start + period.pointCount);
          const label =
            period.mean === null
              ? ""
              : chart.periods.length === 1
                ? chart.limitsVary
                  ? `Centre ${num(period.mean)}; each period’s process limits come from its own denominator`
                  : `Mean ${num(period.mean)}${period.upper !== null && period.lower !== null ? `, process limits ${num(period.lower)} to ${num(period.upper)}` : ""}`
                : `${period.index === 0 ? "From" : "Recalculated from"} ${period.startLabel}: mean ${num(period.mean)}`;
          return (
            <g key={period.startKey} data-period={period.index}>
              {period.index > 0 && (
                <line x1={px(left)} x2={px(left)} y1={plotTop} y2={plotBottom} stroke={TEXT} strokeDasharray="1 3" />
              )}
              {chart.limitsVary &&
                (["upper", "lower"] as const).map((field) => (
                  <path
                    key={field}
                    d={steppedPath(
                      points.slice(start, start + period.pointCount).map((p) => clamp(p[field])),
                      left,
                      step,
                      y,
                    )}
                    fill="none"
                    stroke={LIMIT_COLOUR}
                    strokeWidth="1.5"
                    strokeDasharray="6 4"
                    data-line={field}
                    data-stepped=""
                  />
                ))}
              {!chart.limitsVary && inside(period.upper) && (
                <line
                  x1={px(left)}
                  x2={px(right)}
                  y1={px(y(period.upper))}
                  y2={px(y(period.upper))}
                  stroke={LIMIT_COLOUR}
                  strokeWidth="1.5"
                  strokeDasharray="6 4"
                  data-line="upper"
                />
              )}
              {inside(period.mean) && (
                <line
                  x1={px(left)}
                  x2={px(right)}
                  y1={px(y(period.mean))}
                  y2={px(y(period.mean))}
                  stroke={MEAN_COLOUR}
                  strokeWidth="1.5"
                  data-line="mean"
                />
              )}
              {!chart.limitsVary && inside(period.lower) && (
                <line
                  x1={px(left)}
                  x2={px(right)}
                  y1={px(y(period.lower))}
                  y2={px(y(period.lower))}
                  stroke={LIMIT_COLOUR}
                  strokeWidth="1.5"
                  strokeDasharray="6 4"
                  data-line="lower"
                />
              )}
              <text x={px(left + 3)} y={plotTop - 24} fontSize="10" data-period-label={period.index}>
                {label}
              </text>
            </g>
          );
        })}

      {median !== null && inside(median) && (
        <g>
          <line
            x1={MARGIN.left}
            x2={CHART_WIDTH - MARGIN.right}
            y1={px(y(median))}
            y2={px(y(median))}
            stroke={MEAN_COLOUR}
            strokeWidth="1.5"
            data-line="median"
          />
          <text x={MARGIN.left + 3} y={plotTop - 24} fontSize="10">{`Median ${num(median)}`}</text>
        </g>
      )}

      {chart.target !== null && inside(chart.target) && (
        <g>
          <line
            x1={MARGIN.left}
            x2={CHART_WIDTH - MARGIN.right}
            y1={px(y(chart.target))}
            y2={px(y(chart.target))}
            stroke={TARGET_COLOUR}
            strokeWidth="2"
            strokeDasharray="2 3"
            data-line="target"
          />
          <text
            x={CHART_WIDTH - MARGIN.right}
            y={px(y(chart.target) - 4)}
            textAnchor="end"
            fontSize="10"
            fill={TARGET_COLOUR}
          >{`Target ${num(chart.target)}`}</text>
        </g>
      )}

      {chart.annotations.map((a) => {
        const i = positions.get(a.key);
        if (i === undefined) return null;
        return (
          <g key={a.number} data-cycle={a.number}>
            <line
              x1={px(x(i))}
              x2={px(x(i))}
              y1={plotTop - 4}
              y2={plotBottom}
              stroke={CYCLE_COLOUR}
              strokeDasharray="3 3"
            />
            <text x={px(x(i))} y={plotTop - 8} textAnchor="middle" fontSize="10" fontWeight="700" fill={CYCLE_COLOUR}>
              {`C${a.number}`}
            </text>
          </g>
        );
      })}

      {n > 1 && (
        <polyline
          points={points.map((p, i) => `${px(x(i))},${px(y(p.value))}`).join(" ")}
          fill="none"
          stroke={SPC_COLOURS.common}
          strokeWidth="1.5"
        />
      )}
      {/* Points grouped by cause, so each circle carries only its place. Special causes are larger and
          outlined as well as coloured (colour is never the only signal), and drawn over common cause. */}
      {CAUSE_ORDER.map((cause) => {
        const indices = points.flatMap((p, i) =>
          (kind === "xmr" ? (p.cause ?? "common") : "common") === cause ? [i] : [],
        );
        if (indices.length === 0) return null;
        const special = cause !== "common";
        return (
          <g
            key={cause}
            fill={kind === "xmr" ? points[indices[0]!]!.colour : SPC_COLOURS.common}
            stroke={special ? TEXT : "#ffffff"}
            strokeWidth={special ? 1.5 : 1}
            data-cause={kind === "xmr" ? cause : "run"}
          >
            {indices.map((i) => (
              <circle key={points[i]!.key} cx={px(x(i))} cy={px(y(points[i]!.value))} r={special ? 5.5 : 3.5} />
            ))}
          </g>
        );
      })}

      <ChartSvgKey kind={kind} top={keyTop} hasTarget={chart.target !== null} hasBaseline={baseline > 0} />
      {wordLines.map((line, i) => (
        <text key={i} x={MARGIN.left} y={wordsTop + i * LINE_HEIGHT}>
          {line}
        </text>
      ))}
    </svg>
  );
}

/** The chart's key, inside the SVG so that a downloaded chart carries it. */
function ChartSvgKey({
  kind,
  top,
  hasTarget,
  hasBaseline,
}: {
  kind: "xmr" | "run";
  top: number;
  hasTarget: boolean;
  hasBaseline: boolean;
}) {
  const dot = (colour: string, special: boolean) => (
    <circle
      cx="6"
      cy="-4"
      r={special ? 5 : 3.5}
      fill={colour}
      stroke={special ? TEXT : "#ffffff"}
      strokeWidth={special ? 1.5 : 1}
    />
  );
  const line = (stroke: string, dash?: string, width = 1.5) => (
    <line x1="0" x2="16" y1="-4" y2="-4" stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
  );
  const items: { label: string; mark: ReactNode; width: number }[] = [
    ...(kind === "xmr"
      ? [
          { label: "Improvement", mark: dot(SPC_COLOURS.improvement, true), width: 84 },
          { label: "Concern", mark: dot(SPC_COLOURS.concern, true), width: 66 },
          { label: "Neither", mark: dot(SPC_COLOURS.neither, true), width: 62 },
          { label: "Common cause", mark: dot(SPC_COLOURS.common, false), width: 92 },
          { label: "Mean", mark: line(MEAN_COLOUR), width: 48 },
          { label: "Process limits", mark: line(LIMIT_COLOUR, "6 4"), width: 100 },
        ]
      : [
          { label: "Value", mark: dot(SPC_COLOURS.common, false), width: 56 },
          { label: "Median", mark: line(MEAN_COLOUR), width: 70 },
        ]),
    ...(hasTarget ? [{ label: "Target", mark: line(TARGET_COLOUR, "2 3", 2), width: 58 }] : []),
    { label: "PDSA cycle", mark: line(CYCLE_COLOUR, "3 3"), width: 80 },
    ...(hasBaseline
      ? [{ label: "Baseline", mark: <rect x="0" y="-10" width="16" height="12" fill={BASELINE_FILL} />, width: 66 }]
      : []),
  ];
  let left = MARGIN.left;
  return (
    <g data-key="">
      {items.map((item) => {
        const at = left;
        left += item.width;
        return (
          <g key={item.label} transform={`translate(${at} ${top})`}>
            {item.mark}
            <text x="20" y="0" fontSize="10">
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
