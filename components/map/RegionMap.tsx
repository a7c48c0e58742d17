import { REGION_MAP_ATTRIBUTION, REGION_MAP_VIEWBOX, REGION_PATHS } from "./region-paths";
import { TableHead } from "@/components/ui/ScrollableTable";

/**
 * Choropleth of England's 15 Patient Safety Collaborative regions, drawn on the server.
 * Colour is never the only signal: each region has a <title> (hover) and the same
 * figures are in a table alternative; the legend names each colour band in words.
 */
export type RegionMapProps = {
  /** Value per collaborative slug; a missing slug or null is drawn as "no data". */
  values: Record<string, number | null | undefined>;
  /** What the numbers are, e.g. "Organisations adopting". Used in the legend, titles and table. */
  label: string;
  /** Slug(s) drawn with a heavy outline, e.g. the origin collaborative or the viewer's own. */
  highlight?: string | readonly string[];
  /** Words for the highlight in the legend and the table, e.g. "Origin collaborative". */
  highlightLabel?: string;
  /** How a value is written (default: whole numbers with thousands separators, one decimal otherwise). */
  formatValue?: (value: number) => string;
  /** Text shown when a region has no value. */
  noDataLabel?: string;
  /** Links each region's name in the table (the map itself stays a picture: links inside role="img" are unreachable). */
  hrefFor?: (slug: string) => string | undefined;
  /** Show the table open rather than inside a "show as a table" disclosure. */
  tableOpen?: boolean;
  /** Distinguishes several maps on one page (SVG ids must be unique). */
  id?: string;
};

/** Sequential blues: light = low, dark = high. */
const PALETTE = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
const NO_DATA_FILL = "#f0f4f5";

export type ColourBand = { from: number; to: number; colour: string; text: string };

function defaultFormat(value: number): string {
  return Number.isInteger(value)
    ? value.toLocaleString("en-GB")
    : value.toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

/**
 * Bands for the legend. Small integer ranges (counts 0–4, say) get one band per value so the
 * legend reads "2" rather than "1.6 to 2.4"; anything else gets up to five equal-width bands.
 */
export function colourBands(
  values: readonly number[],
  format: (value: number) => string = defaultFormat,
): ColourBand[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max, colour: PALETTE[PALETTE.length - 1], text: format(min) }];
  const integers = values.every(Number.isInteger);
  if (integers && max - min + 1 <= PALETTE.length) {
    const count = max - min + 1;
    // Spread the available colours across the values so the extremes are light and dark.
    return Array.from({ length: count }, (_, i) => {
      const colourIndex = Math.round((i * (PALETTE.length - 1)) / (count - 1));
      return { from: min + i, to: min + i, colour: PALETTE[colourIndex], text: format(min + i) };
    });
  }
  const step = (max - min) / PALETTE.length;
  return PALETTE.map((colour, i) => {
    const from = min + step * i;
    const to = i === PALETTE.length - 1 ? max : min + step * (i + 1);
    return { from, to, colour, text: `${format(from)} to ${format(to)}` };
  });
}

export function bandFor(bands: readonly ColourBand[], value: number): ColourBand | undefined {
  // Bands are ordered; a value on a boundary belongs to the higher band, except the maximum.
  for (let i = bands.length - 1; i >= 0; i--) {
    if (value >= bands[i].from) return bands[i];
  }
  return bands[0];
}

function slugToId(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "map"
  );
}

export function RegionMap({
  values,
  label,
  highlight,
  highlightLabel = "Highlighted",
  formatValue = defaultFormat,
  noDataLabel = "No data",
  hrefFor,
  tableOpen = false,
  id,
}: RegionMapProps) {
  const mapId = `region-map-${id ?? slugToId(label)}`;
  const highlighted = new Set(typeof highlight === "string" ? [highlight] : (highlight ?? []));
  const regions = REGION_PATHS.map((region) => {
    const raw = values[region.slug];
    const value = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
    return { ...region, value, highlighted: highlighted.has(region.slug) };
  });
  const present = regions.flatMap((r) => (r.value === null ? [] : [r.value]));
  const bands = colourBands(present, formatValue);
  const anyMissing = regions.some((r) => r.value === null);
  const describe = (r: (typeof regions)[number]) =>
    `${r.name}: ${r.value === null ? noDataLabel.toLowerCase() : `${formatValue(r.value)} ${label.toLowerCase()}`}${r.highlighted ? ` (${highlightLabel.toLowerCase()})` : ""}`;

  const sortedForTable = [...regions].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));

  return (
    <figure className="mb-8" aria-labelledby={`${mapId}-caption`}>
      <figcaption id={`${mapId}-caption`} className="mb-3 font-bold">
        {label} by Patient Safety Collaborative region
      </figcaption>
      <div className="flex flex-col gap-6 sm:flex-row sm:items-start">
        <svg
          viewBox={REGION_MAP_VIEWBOX}
          className="h-auto w-full max-w-[420px] bg-white"
          role="img"
          aria-labelledby={`${mapId}-title`}
          focusable="false"
        >
          <title
            id={`${mapId}-title`}
          >{`Map of England's 15 Patient Safety Collaborative regions shaded by ${label.toLowerCase()}. The same figures are in the table below.`}</title>
          <defs>
            <pattern
              id={`${mapId}-nodata`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={NO_DATA_FILL} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#aeb7bd" strokeWidth="1.5" />
            </pattern>
          </defs>
          <g stroke="#ffffff" strokeWidth="0.75" strokeLinejoin="round">
            {regions.map((r) => {
              const fill =
                r.value === null ? `url(#${mapId}-nodata)` : (bandFor(bands, r.value)?.colour ?? NO_DATA_FILL);
              return (
                <path key={r.slug} d={r.d} fill={fill} data-region={r.slug} data-value={r.value ?? ""}>
                  <title>{describe(r)}</title>
                </path>
              );
            })}
          </g>
          {/* Highlights are drawn last so their outline is not hidden under a neighbour's fill. */}
          <g fill="none" stroke="#212b32" strokeWidth="2.5" strokeLinejoin="round" pointerEvents="none">
            {regions
              .filter((r) => r.highlighted)
              .map((r) => (
                <path key={r.slug} d={r.d} />
              ))}
          </g>
        </svg>
        <div>
          <p className="mb-2 text-base font-bold">{label}</p>
          <ul className="mb-4 list-none p-0 text-base">
            {bands.map((band) => (
              <li key={`${band.from}-${band.to}`} className="mb-1 flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="inline-block h-5 w-8 border border-nhs-grey-3"
                  style={{ backgroundColor: band.colour }}
                />
                {band.text}
              </li>
            ))}
            {anyMissing && (
              <li className="mb-1 flex items-center gap-2">
                <svg aria-hidden="true" width="32" height="20" className="border border-nhs-grey-3">
                  <rect width="32" height="20" fill={`url(#${mapId}-nodata)`} />
                </svg>
                {noDataLabel}
              </li>
            )}
            {highlighted.size > 0 && (
              <li className="mb-1 flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-5 w-8 border-[3px] border-nhs-text bg-white" />
                {highlightLabel} (heavy outline)
              </li>
            )}
          </ul>
        </div>
      </div>
      <details className="mt-4" open={tableOpen}>
        <summary className="cursor-pointer text-nhs-blue underline">Show the map as a table</summary>
        <table className="mt-3 w-full border-collapse bg-white text-left text-base">
          <caption className="mb-2 text-left font-bold">{label} by Patient Safety Collaborative region</caption>
          <TableHead cell="p-2" columns={["Region", { label, numeric: true }]} />
          <tbody>
            {sortedForTable.map((r) => (
              <tr key={r.slug} className="border-b border-nhs-grey-4" data-region={r.slug}>
                <th scope="row" className="p-2 font-normal">
                  {hrefFor?.(r.slug) ? <a href={hrefFor(r.slug)}>{r.name}</a> : r.name}
                  {r.highlighted && <span className="font-bold"> ({highlightLabel.toLowerCase()})</span>}
                </th>
                <td className="p-2 text-right">{r.value === null ? noDataLabel : formatValue(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p className="mt-3 text-sm text-nhs-secondary-text">{REGION_MAP_ATTRIBUTION}</p>
    </figure>
  );
}
