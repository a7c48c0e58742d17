// A funnel plot drawn on the server as SVG (no JavaScript): the units' rates against their denominators,
// the overall rate, and the 95% and 99.8% limits as curves. It draws what lib/dashboard/funnels.ts gives
// it; the words beside it (FunnelPanel) name every unit outside the limits.
import type { FunnelRow, FunnelView } from "@/lib/dashboard/funnels";
import { formatDecimal, formatNumber } from "@/lib/format";
import { niceScale } from "@/components/charts/scale";

const WIDTH = 760;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 24, top: 16, bottom: 52 };
const FONT = "Arial, Helvetica, sans-serif";
const TEXT = "#212b32";
const GRID = "#d8dde0";
const LIMIT_95 = "#005eb8";
const LIMIT_998 = "#330072";
const POINT = "#425563";
const OUTLIER = "#d5281b";
const HIGHLIGHT = "#ffb81c";

const px = (n: number) => Math.round(n * 10) / 10;

function path(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${px(x)},${px(y)}`).join("");
}

/** The summary a screen reader hears for the chart (the table and the list beside it have the detail). */
export function funnelDescription(view: FunnelView, monthLabel: string, unitsName: string): string {
  const rate = view.overallRate === null ? "" : `${formatDecimal(view.overallRate, 2)} ${view.unit}`;
  const beyond = (side: "high" | "low") => view.rows.filter((r) => r.outlier998 === side).map((r) => r.name);
  const high = beyond("high");
  const low = beyond("low");
  const parts = [
    `Funnel plot of ${view.name.toLowerCase()} in ${monthLabel} for ${view.rows.length} ${unitsName}, against their ${view.denominatorName.toLowerCase()}.`,
    `The centre line is the overall rate, ${rate}; the 95% and 99.8% limits narrow as the ${view.denominatorName.toLowerCase()} grow.`,
    high.length ? `Above the 99.8% limit: ${high.join(", ")}.` : "None is above the 99.8% limit.",
    low.length ? `Below the 99.8% limit: ${low.join(", ")}.` : "None is below the 99.8% limit.",
  ];
  return parts.join(" ");
}

export function FunnelChart({
  id,
  view,
  monthLabel,
  unitsName,
}: {
  /** Unique on the page: the title and description are referenced by id. */
  id: string;
  view: FunnelView;
  monthLabel: string;
  /** "collaboratives" or "organisations". */
  unitsName: string;
}) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxX = Math.max(...view.rows.map((r) => r.denominator)) * 1.05;
  const xScale = niceScale(0, maxX);
  // The y-axis shows every unit and the limits at the smallest unit's denominator, not the curves'
  // far ends (they run off towards infinity at small denominators and are clipped).
  const highest = Math.max(
    ...view.rows.flatMap((r) => [r.rate, r.upper998]).filter(Number.isFinite),
    view.overallRate ?? 0,
    Number.MIN_VALUE,
  );
  const yScale = niceScale(0, highest * 1.05);
  const [x0, x1] = xScale.domain;
  const [y0, y1] = yScale.domain;
  const x = (v: number) => MARGIN.left + ((v - x0) / (x1 - x0)) * plotWidth;
  const y = (v: number) =>
    MARGIN.top + plotHeight - ((Math.min(Math.max(v, y0), y1 * 1.5) - y0) / (y1 - y0)) * plotHeight;
  const curve = (key: "lower95" | "upper95" | "lower998" | "upper998") =>
    path(view.curve.filter((p) => p.x <= x1).map((p) => [x(p.x), y(p[key])]));
  const clip = `${id}-clip`;
  const label = (row: FunnelRow) => row.outlier95 !== null || row.highlighted;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="block h-auto w-full max-w-[760px]"
      fontFamily={FONT}
      data-testid={`${id}-svg`}
    >
      <title id={`${id}-title`}>{`${view.name}: funnel plot, ${monthLabel}`}</title>
      <desc id={`${id}-desc`}>{funnelDescription(view, monthLabel, unitsName)}</desc>
      <defs>
        <clipPath id={clip}>
          <rect x={MARGIN.left} y={MARGIN.top} width={plotWidth} height={plotHeight} />
        </clipPath>
      </defs>
      {yScale.ticks.map((t) => (
        <g key={`y${t}`}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke={GRID} />
          <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill={TEXT}>
            {formatDecimal(t, 2)}
          </text>
        </g>
      ))}
      {xScale.ticks.map((t) => (
        <text key={`x${t}`} x={x(t)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize={12} fill={TEXT}>
          {formatNumber(t)}
        </text>
      ))}
      <text x={MARGIN.left + plotWidth / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={13} fill={TEXT}>
        {view.denominatorName}
      </text>
      <text
        transform={`translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={13}
        fill={TEXT}
      >
        {view.unit}
      </text>
      <g clipPath={`url(#${clip})`} fill="none">
        <path d={curve("upper998")} stroke={LIMIT_998} strokeWidth={2} />
        <path d={curve("lower998")} stroke={LIMIT_998} strokeWidth={2} />
        <path d={curve("upper95")} stroke={LIMIT_95} strokeWidth={2} strokeDasharray="6 4" />
        <path d={curve("lower95")} stroke={LIMIT_95} strokeWidth={2} strokeDasharray="6 4" />
        {view.overallRate !== null && (
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(view.overallRate)}
            y2={y(view.overallRate)}
            stroke={TEXT}
            strokeWidth={1.5}
          />
        )}
      </g>
      {view.rows.map((row) => (
        <g key={row.id}>
          {row.highlighted && (
            <circle cx={x(row.denominator)} cy={y(row.rate)} r={10} fill="none" stroke={HIGHLIGHT} strokeWidth={4} />
          )}
          {row.outlier95 === null ? (
            <circle cx={x(row.denominator)} cy={y(row.rate)} r={5} fill={POINT} />
          ) : (
            // Outside a limit: a diamond as well as a colour, so colour is not the only sign.
            <path d={`M${px(x(row.denominator))},${px(y(row.rate) - 7)}l7,7l-7,7l-7,-7z`} fill={OUTLIER} />
          )}
          {label(row) && (
            <text
              x={x(row.denominator) + (x(row.denominator) > WIDTH - 200 ? -12 : 12)}
              y={y(row.rate) + 4}
              textAnchor={x(row.denominator) > WIDTH - 200 ? "end" : "start"}
              fontSize={12}
              fill={TEXT}
              fontWeight={row.highlighted ? "bold" : undefined}
            >
              {row.name}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
