"use client";
// Draws a run chart (values and their median) from what the server computed with lib/spc.
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SPC_COLOURS } from "@/lib/spc/describe";
import { useMounted } from "./use-mounted";

/** Points are keyed by position; annotations name the position of the point they mark. */
type Props = {
  labels: string[];
  values: number[];
  median: number | null;
  annotations: { index: number; number: number }[];
};

const round = (n: number) => Number(n.toPrecision(4));

export function RunChart({ labels: labelList, values, median, annotations }: Props) {
  const mounted = useMounted();
  if (!mounted) return <div style={{ height: 260 }} />;
  const labels = new Map(labelList.map((label, i) => [String(i), label]));
  const points = values.map((value, i) => ({ key: String(i), value }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={points} margin={{ top: 24, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#d8dde0" vertical={false} />
        <XAxis
          dataKey="key"
          tickFormatter={(key: string) => labels.get(key) ?? key}
          tick={{ fontSize: 12, fill: "#212b32" }}
          minTickGap={16}
        />
        <YAxis tick={{ fontSize: 12, fill: "#212b32" }} tickFormatter={(v: number) => String(round(v))} width={56} />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(key) => labels.get(String(key)) ?? String(key)}
          formatter={(value) => [typeof value === "number" ? round(value) : String(value), "Value"]}
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
          dot={{ r: 3.5, fill: SPC_COLOURS.common, stroke: "#ffffff" }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
