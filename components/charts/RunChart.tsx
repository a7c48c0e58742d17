"use client";
// Draws a run chart (values and their median) from what the server computed with lib/spc.
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
  useWideScreen,
  xAxisProps,
  type ChartAxisData,
  type TooltipFacts,
} from "./chart-parts";

/** Points are keyed by position; annotations and notes name the position of the point they mark. */
type Props = {
  labels: string[];
  values: number[];
  median: number | null;
  annotations: { index: number; number: number }[];
  unit: string;
  numerators?: (number | null)[];
  denominators?: (number | null)[];
  notes: { index: number; number: number; text: string }[];
  /** Points 0 to baselineCount − 1 are the baseline (before the change work started). */
  baselineCount: number;
  axis: ChartAxisData;
};

type RunPoint = { key: string; value: number; facts: TooltipFacts };

const round = (n: number) => Number(n.toPrecision(4));

export function RunChart({
  labels,
  values,
  median,
  annotations,
  unit,
  numerators,
  denominators,
  notes,
  baselineCount,
  axis,
}: Props) {
  const mounted = useMounted();
  const wide = useWideScreen();
  if (!mounted) return <div style={{ height: 300 }} />;
  const noteAt = notesByIndex(notes);
  const points: RunPoint[] = values.map((value, i) => ({
    key: String(i),
    value,
    facts: {
      value,
      numerator: numerators?.[i],
      denominator: denominators?.[i],
      label: labels[i]!,
      note: noteAt.get(i),
    },
  }));
  return (
    <ResponsiveContainer width="100%" height={300}>
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
        <XAxis {...xAxisProps(axis, wide)} />
        <YAxis tick={{ fontSize: 12, fill: "#212b32" }} tickFormatter={(v: number) => String(round(v))} width={56} />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) =>
            active ? <PointTooltip facts={(payload?.[0]?.payload as RunPoint | undefined)?.facts} unit={unit} /> : null
          }
        />
        {median !== null && (
          <ReferenceLine
            y={median}
            stroke="#212b32"
            strokeWidth={1.5}
            label={{ value: "Median", position: "insideTopRight", fill: "#212b32", fontSize: 12 }}
          />
        )}
        {annotations.map((a) => (
          <ReferenceLine
            key={`cycle-${a.number}`}
            x={String(a.index)}
            stroke="#330072"
            strokeDasharray="3 3"
            label={{ value: `C${a.number}`, position: "top", fill: "#330072", fontSize: 12 }}
          />
        ))}
        <Line
          name="Value"
          dataKey="value"
          stroke={SPC_COLOURS.common}
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={(props: { cx?: number; cy?: number; index?: number; payload?: RunPoint }) => {
            const p = props.payload;
            if (props.cx === undefined || props.cy === undefined || !p) return <g key={`dot-${props.index}`} />;
            return (
              <g key={`dot-${props.index}`}>
                <circle
                  className="chart-point"
                  data-index={props.index}
                  cx={props.cx}
                  cy={props.cy}
                  r={3.5}
                  fill={SPC_COLOURS.common}
                  stroke="#ffffff"
                />
                {p.facts.note && <NoteMarker cx={props.cx} cy={props.cy} number={p.facts.note.number} />}
              </g>
            );
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
