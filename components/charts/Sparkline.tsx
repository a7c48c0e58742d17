import { SPC_COLOURS, type SpecialCause } from "@/lib/spc";

export type SparklinePoint = { value: number | null; specialCause?: SpecialCause | null };

const causeColour = (cause: SpecialCause | null | undefined) =>
  cause === "improvement"
    ? SPC_COLOURS.improvement
    : cause === "concern"
      ? SPC_COLOURS.concern
      : cause
        ? SPC_COLOURS.neither
        : undefined;

/**
 * A mini-chart drawn on the server: the line in grey, points with a special cause as coloured dots
 * (Making Data Count colours). It is a picture with a text description; the figures it shows are
 * always also written out beside it or in a table.
 */
export function Sparkline({
  points,
  label,
  width = 120,
  height = 32,
}: {
  points: readonly SparklinePoint[];
  label: string;
  width?: number;
  height?: number;
}) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length === 0) {
    return (
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: no data`}
        className="inline-block align-middle"
      >
        <line x1="0" y1={height / 2} x2={width} y2={height / 2} stroke="#aeb7bd" strokeDasharray="2 3" />
      </svg>
    );
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = 3;
  const x = (i: number) => (points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));
  // Gaps stay gaps: a missing value starts a new segment.
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  // The dots of one colour are one path of zero-length strokes with round caps: a dashboard draws
  // dozens of these, and one element per colour keeps the page small.
  const dots = new Map<string, string>();
  points.forEach((p, i) => {
    const colour = causeColour(p.specialCause);
    if (p.value !== null && colour)
      dots.set(colour, `${dots.get(colour) ?? ""}M${x(i).toFixed(1)} ${y(p.value).toFixed(1)}h0`);
  });
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="inline-block align-middle"
    >
      <path d={segments.join("")} fill="none" stroke="#768692" strokeWidth="1.5" />
      {[...dots].map(([colour, d]) => (
        <path key={colour} d={d} stroke={colour} strokeWidth="5" strokeLinecap="round" />
      ))}
    </svg>
  );
}
