"use client";
// What the XmR and run charts share: the x-axis ticks chosen on the server (every one drawn), the
// tooltip (value first), the numbered note markers and the shaded baseline. No statistics here.
import { useSyncExternalStore, type ReactNode } from "react";
import { formatDecimal } from "@/lib/format";

/** Ticks by point position with their labels, as lib/measures/chart.ts chose them. */
export type AxisTicks = { indices: number[]; labels: string[] };
export type ChartAxisData = { narrow: AxisTicks; wide: AxisTicks };

/** Tailwind's `sm` breakpoint (640 px), which the panel's words about the axis use too: narrower screens get the phone's ticks. */
const WIDE = "(min-width: 40rem)";

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE).matches,
    () => false,
  );
}

/**
 * XAxis props that draw exactly the chosen ticks: `interval={0}` stops recharts from dropping labels
 * it thinks are crowded, and the labels are angled so that the chosen number fits.
 */
export function xAxisProps(axis: ChartAxisData, wide: boolean) {
  const plan = wide ? axis.wide : axis.narrow;
  const labels = new Map(plan.indices.map((index, i) => [String(index), plan.labels[i]!]));
  return {
    dataKey: "key",
    ticks: plan.indices.map(String),
    interval: 0 as const,
    tickFormatter: (key: string) => labels.get(String(key)) ?? "",
    angle: -45,
    textAnchor: "end" as const,
    height: 64,
    tick: { fontSize: 12, fill: "#212b32" },
  };
}

/** A value as the measure shows it: 2 decimal places at most, with its unit. */
export function formatValue(value: number, unit: string): string {
  const text = formatDecimal(value, 2);
  if (!unit) return text;
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

/** What one point's tooltip says, in this order: value, numerator and denominator, period, variation, note. */
export type TooltipFacts = {
  value: number;
  numerator?: number | null;
  denominator?: number | null;
  label: string;
  /** The point's variation in words (variationWords); the run chart has none per point. */
  variation?: string;
  /** P/U charts: this point's own process limits (they vary with its denominator). */
  limits?: { lower: number | null; upper: number | null };
  note?: { number: number; text: string };
};

export function PointTooltip({ facts, unit }: { facts: TooltipFacts | undefined; unit: string }) {
  if (!facts) return null;
  return (
    <div className="chart-tooltip max-w-xs border border-nhs-grey-2 bg-white p-2 text-sm shadow-md">
      <p className="mb-1 text-base font-bold">{formatValue(facts.value, unit)}</p>
      {facts.numerator != null && facts.denominator != null && (
        <p className="mb-1">
          {formatDecimal(facts.numerator, 2)} out of {formatDecimal(facts.denominator, 2)} (numerator / denominator)
        </p>
      )}
      <p className="mb-1">{facts.label}</p>
      {facts.variation && <p className="mb-1">{facts.variation}</p>}
      {facts.limits && facts.limits.lower !== null && facts.limits.upper !== null && (
        <p className="mb-1">
          This period’s limits: {formatValue(facts.limits.lower, unit)} to {formatValue(facts.limits.upper, unit)}
        </p>
      )}
      {facts.note && (
        <p className="mb-0">
          <strong>Note N{facts.note.number}: </strong>
          {facts.note.text}
        </p>
      )}
    </div>
  );
}

export const NOTE_COLOUR = "#003087";
export const BASELINE_FILL = "#e8edee";

/** The chart's top margin: note flags that would rise above it are drawn below their point instead. */
export const PLOT_TOP = 28;

/** A numbered flag above a point with a note (N1, N2…), matching the list under the chart. */
export function NoteMarker({ cx, cy, number }: { cx: number; cy: number; number: number }): ReactNode {
  // The plot area clips what is drawn outside it: a point near the top gets its flag below it.
  const below = cy - 30 < PLOT_TOP;
  const y = below ? cy + 22 : cy - 22;
  return (
    <g className="chart-note-marker" data-note={number}>
      <line
        x1={cx}
        x2={cx}
        y1={below ? cy + 4 : cy - 4}
        y2={below ? y - 8 : y + 7}
        stroke={NOTE_COLOUR}
        strokeWidth={1}
      />
      <rect x={cx - 11} y={y - 8} width={22} height={15} rx={3} fill="#ffffff" stroke={NOTE_COLOUR} strokeWidth={1.5} />
      <text x={cx} y={y + 3.5} textAnchor="middle" fontSize={10} fontWeight={700} fill={NOTE_COLOUR}>
        N{number}
      </text>
    </g>
  );
}

/** Notes by point position, for the markers and the tooltip. */
export function notesByIndex(notes: readonly { index: number; number: number; text: string }[]) {
  return new Map(notes.map((n) => [n.index, { number: n.number, text: n.text }]));
}

/** A point's variation by letter: "i" improvement, "c" concern, "h"/"l" neither higher/lower, "." common cause. */
export const CAUSE_WORDS: Record<string, string> = {
  i: "Special cause: improvement",
  c: "Special cause: concern",
  h: "Special cause: higher (neither improvement nor concern)",
  l: "Special cause: lower (neither improvement nor concern)",
  ".": "Common cause",
};
/** The rules that apply to a point, by letter: o outside the limits, s shift, t trend, w two of three. */
export const RULE_WORDS: Record<string, string> = {
  o: "outside the limits",
  s: "shift",
  t: "trend",
  w: "two of three close to a limit",
};

/** A point's variation in words, with the rules that flagged it: "Special cause: improvement (shift)". */
export function variationWords(cause: string, rules: string): string {
  const words = [...rules].map((r) => RULE_WORDS[r]).filter(Boolean);
  return `${CAUSE_WORDS[cause] ?? CAUSE_WORDS["."]}${words.length > 0 ? ` (${words.join(", ")})` : ""}`;
}
