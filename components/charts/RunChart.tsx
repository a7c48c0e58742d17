"use client";
// Draws a run chart (values and their median) from what the server computed with lib/spc.
import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SPC_COLOURS } from "@/lib/spc/describe";

type Props = { keys: string[]; labels: string[]; values: number[]; median: number | null; annotations: { key: string; number: number }[] };

const round = (n: number) => Number(n.toPrecision(4));

export function RunChart({ keys, labels: labelList, values, median, annotations }: Props) {
  const labels = new Map(keys.map((key, i) => [key, labelList[i]!]));
  const points = keys.map((key, i) => ({ key, value: values[i]! }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={points} margin={{ top: 24, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#d8dde0" vertical={false} />
        <XAxis dataKey="key" tickFormatter={(key: string) => labels.get(key) ?? key} tick={{ fontSize: 12, fill: "#212b32" }} minTickGap={16} />
        <YAxis tick={{ fontSize: 12, fill: "#212b32" }} tickFormatter={(v: number) => String(round(v))} width={56} />
        <Tooltip isAnimationActive={false} labelFormatter={(key) => labels.get(String(key)) ?? String(key)} formatter={(value) => [typeof value === "number" ? round(value) : String(value), "Value"]} />
        {median !== null && <ReferenceLine y={median} stroke="#212b32" strokeWidth={1.5} label={{ value: "Median", position: "insideTopRight", fill: "#212b32", fontSize: 12 }} />}
        {annotations.map((a) => (
          <ReferenceLine key={`cycle-${a.number}`} x={a.key} stroke="#330072" strokeDasharray="3 3" label={{ value: `C${a.number}`, position: "top", fill: "#330072", fontSize: 12 }} />
        ))}
        <Line name="Value" dataKey="value" stroke={SPC_COLOURS.common} strokeWidth={1.5} isAnimationActive={false} dot={{ r: 3.5, fill: SPC_COLOURS.common, stroke: "#ffffff" }} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
