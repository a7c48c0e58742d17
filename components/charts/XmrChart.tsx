"use client";
// Draws an XmR chart from what the server computed (lib/spc via lib/measures/chart.ts): it does no
// statistics of its own. The text alternative and the data table are rendered by the server beside it.
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SPC_COLOURS } from "@/lib/spc/describe";
import { useMounted } from "./use-mounted";
import {
  BASELINE_FILL,
  NoteMarker,
  PLOT_TOP,
  PointTooltip,
  notesByIndex,
  variationWords,
  useWideScreen,
  xAxisProps,
  type ChartAxisData,
  type TooltipFacts,
} from "./chart-parts";

export type XmrChartPoint = {
  key: string;
  label: string;
  value: number;
  mean: number | null;
  upper: number | null;
  lower: number | null;
  period: number;
  colour: string;
  special: boolean;
  causeLabel: string;
  /** The tooltip's content (by default the value and period); its note (if any) is also marked on the point. */
  facts?: TooltipFacts;
};

type Props = {
  points: XmrChartPoint[];
  periodCount: number;
  target: number | null;
  annotations: { key: string; number: number }[];
  unit: string;
  /** The ticks lib/measures/chart.ts chose; without them (the national dashboard) recharts chooses. */
  axis?: ChartAxisData;
  /** Points 0 to baselineCount − 1 are the baseline (before the change work started). */
  baselineCount?: number;
  /** P/U charts: each point has its own limits, drawn as steps (the limit changes halfway between points). */
  stepped?: boolean;
};

/** The same chart from compact arrays, for pages with many charts (props are serialised into the page). */
export type XmrChartData = {
  /** Period labels; points are keyed by their position (periods are unique and in order). */
  labels: string[];
  values: number[];
  /** One letter per point: "i" improvement, "c" concern, "h"/"l" neither (higher/lower), "." common cause. */
  causes: string;
  periods: { start: number; end: number; mean: number | null; upper: number | null; lower: number | null }[];
  target: number | null;
  /** PDSA cycles, by the position of the point they mark. */
  annotations: { index: number; number: number }[];
  unit: string;
  /** Per point, the rules that apply as letters (as in MeasureDataTable). */
  rules: string[];
  /** Only for rates. */
  numerators?: (number | null)[];
  denominators?: (number | null)[];
  /** Notes, by the position of their point, numbered as listed under the chart. */
  notes: { index: number; number: number; text: string }[];
  baselineCount: number;
  axis: ChartAxisData;
  /** P/U charts: each point's own limits (then the periods' upper and lower are only their outermost). */
  uppers?: (number | null)[];
  lowers?: (number | null)[];
};

const CAUSE_COLOURS: Record<string, string> = {
  i: SPC_COLOURS.improvement,
  c: SPC_COLOURS.concern,
  h: SPC_COLOURS.neither,
  l: SPC_COLOURS.neither,
};

export function CompactXmrChart({
  labels,
  values,
  causes,
  periods,
  target,
  annotations,
  unit,
  rules,
  numerators,
  denominators,
  notes,
  baselineCount,
  axis,
  uppers,
  lowers,
}: XmrChartData) {
  const stepped = uppers !== undefined && lowers !== undefined;
  const noteAt = notesByIndex(notes);
  const points: XmrChartPoint[] = [];
  periods.forEach((p, period) => {
    for (let i = p.start; i < p.end; i++) {
      const cause = causes[i] ?? ".";
      const upper = stepped ? (uppers[i] ?? null) : p.upper;
      const lower = stepped ? (lowers[i] ?? null) : p.lower;
      points.push({
        key: String(i),
        label: labels[i]!,
        value: values[i]!,
        mean: p.mean,
        upper,
        lower,
        period,
        colour: CAUSE_COLOURS[cause] ?? SPC_COLOURS.common,
        special: cause !== ".",
        causeLabel: "",
        facts: {
          value: values[i]!,
          numerator: numerators?.[i],
          denominator: denominators?.[i],
          label: labels[i]!,
          variation: variationWords(cause, rules[i] ?? ""),
          ...(stepped ? { limits: { lower, upper } } : {}),
          note: noteAt.get(i),
        },
      });
    }
  });
  return (
    <XmrChart
      points={points}
      periodCount={periods.length}
      target={target}
      annotations={annotations.map((a) => ({ key: String(a.index), number: a.number }))}
      unit={unit}
      axis={axis}
      baselineCount={baselineCount}
      stepped={stepped}
    />
  );
}

const LIMIT_COLOUR = "#425563";
const MEAN_COLOUR = "#212b32";
const TARGET_COLOUR = "#007f3b";
const ANNOTATION_COLOUR = "#330072";

/** Each period's limits and mean, drawn as separate lines so that they break between periods. */
const PERIOD_LINES = [
  { field: "upper", name: "Upper process limit", style: { stroke: LIMIT_COLOUR, strokeDasharray: "6 4" } },
  { field: "mean", name: "Mean", style: { stroke: MEAN_COLOUR, strokeWidth: 1.5 } },
  { field: "lower", name: "Lower process limit", style: { stroke: LIMIT_COLOUR, strokeDasharray: "6 4" } },
] as const;

const round = (n: number) => Number(n.toPrecision(4));

/** Axis bounds and ticks on round numbers (steps of 1, 2 or 5 × a power of ten), about five ticks. */
export function niceScale(low: number, high: number): { domain: [number, number]; ticks: number[] } {
  const span = high - low || Math.abs(high) || 1;
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(round(t));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

const factsOf = (p: XmrChartPoint | undefined): TooltipFacts | undefined =>
  p && (p.facts ?? { value: p.value, label: p.label, variation: p.causeLabel || undefined });

export function XmrChart({
  points,
  periodCount,
  target,
  annotations,
  unit,
  axis,
  baselineCount = 0,
  stepped = false,
}: Props) {
  const mounted = useMounted();
  const wide = useWideScreen();
  if (!mounted) return <div style={{ height: 380 }} />;
  const values = points.map((p) => p.value);
  const limits = points.flatMap((p) => [p.upper, p.lower]).filter((n): n is number => n !== null);
  const all = [...values, ...limits, ...(target !== null ? [target] : [])];
  // Limits are never clipped in the maths; the drawing stops at zero for data that cannot go below it.
  const nonNegative = values.every((v) => v >= 0);
  const { domain, ticks } = niceScale(nonNegative ? Math.max(0, Math.min(...all)) : Math.min(...all), Math.max(...all));
  const periods = Array.from({ length: periodCount }, (_, k) => k);

  return (
    <ResponsiveContainer width="100%" height={380}>
      <ComposedChart data={points} margin={{ top: PLOT_TOP, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#d8dde0" vertical={false} />
        {baselineCount > 0 && (
          <ReferenceArea
            x1={points[0]!.key}
            x2={points[Math.min(baselineCount, points.length - 1)]!.key}
            fill={BASELINE_FILL}
            fillOpacity={1}
            // Not "discard" (the default): the first point's position can come out a hair outside the
            // plot area in floating point (63.99999999999994 for 64), which drops the whole area.
            ifOverflow="hidden"
            label={{ value: "Baseline", position: "insideBottomLeft", fill: "#212b32", fontSize: 12 }}
          />
        )}
        {axis ? (
          <XAxis {...xAxisProps(axis, wide)} />
        ) : (
          <XAxis
            dataKey="key"
            tickFormatter={(key: string) => points.find((p) => p.key === key)?.label ?? key}
            tick={{ fontSize: 12, fill: "#212b32" }}
            minTickGap={16}
          />
        )}
        <YAxis
          domain={domain}
          ticks={ticks}
          allowDataOverflow
          tick={{ fontSize: 12, fill: "#212b32" }}
          tickFormatter={(v: number) => String(round(v))}
          width={56}
          unit={unit === "%" ? "%" : undefined}
        />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) =>
            active ? (
              <PointTooltip facts={factsOf(payload?.[0]?.payload as XmrChartPoint | undefined)} unit={unit} />
            ) : null
          }
        />
        {PERIOD_LINES.flatMap((line) =>
          periods.map((k) => (
            <Line
              key={`${line.field}-${k}`}
              name={line.name}
              dataKey={(d: XmrChartPoint) => (d.period === k ? d[line.field] : null)}
              {...line.style}
              // P/U limits change with each point's denominator: steps, not slopes between points.
              type={stepped && line.field !== "mean" ? "step" : "linear"}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          )),
        )}
        {target !== null && (
          <ReferenceLine
            y={target}
            stroke={TARGET_COLOUR}
            strokeWidth={2}
            strokeDasharray="2 3"
            label={{ value: "Target", position: "insideTopRight", fill: TARGET_COLOUR, fontSize: 12 }}
          />
        )}
        {annotations.map((a) => (
          <ReferenceLine
            key={`cycle-${a.number}`}
            x={a.key}
            stroke={ANNOTATION_COLOUR}
            strokeDasharray="3 3"
            label={{ value: `C${a.number}`, position: "top", fill: ANNOTATION_COLOUR, fontSize: 12 }}
          />
        ))}
        <Line
          name="Value"
          dataKey="value"
          stroke={SPC_COLOURS.common}
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={(props: { cx?: number; cy?: number; index?: number; payload?: XmrChartPoint }) => {
            const p = props.payload;
            if (props.cx === undefined || props.cy === undefined || !p) return <g key={`dot-${props.index}`} />;
            // Special causes are larger and outlined as well as coloured: colour is never the only signal.
            return (
              <g key={`dot-${props.index}`}>
                <circle
                  className="chart-point"
                  data-index={props.index}
                  cx={props.cx}
                  cy={props.cy}
                  r={p.special ? 5.5 : 3.5}
                  fill={p.colour}
                  stroke={p.special ? "#212b32" : "#ffffff"}
                  strokeWidth={p.special ? 1.5 : 1}
                />
                {p.facts?.note && <NoteMarker cx={props.cx} cy={props.cy} number={p.facts.note.number} />}
              </g>
            );
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
