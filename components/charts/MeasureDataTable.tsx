"use client";
// The data table behind a chart, rendered from the same compact arrays the chart gets. It is a
// client component only so that a page with 20 charts × 120 points sends each table's data once
// (as those arrays) instead of once as HTML and again as the server component tree; it is still
// rendered on the server, so it works without JavaScript.
import { formatDecimal } from "@/lib/format";
import { variationWords } from "./chart-parts";

export type MeasureTableData = {
  labels: string[];
  values: number[];
  /** Only for rates. */
  numerators?: (number | null)[];
  denominators?: (number | null)[];
  /** One letter per point: "i" improvement, "c" concern, "h"/"l" neither higher/lower, "." common cause. */
  causes: string;
  /** Per point, the rules that apply as letters: o outside the limits, s shift, t trend, w two of three. */
  rules: string[];
  periods: { start: number; end: number; mean: number | null; upper: number | null; lower: number | null }[];
  /** Notes by the position of their point, numbered as on the chart. */
  notes: { index: number; number: number; text: string }[];
  /** Points 0 to baselineCount − 1 are the baseline (before the change work started). */
  baselineCount: number;
  /** P/U charts: each point's own limits (they vary with its denominator). */
  uppers?: (number | null)[];
  lowers?: (number | null)[];
};

const num = (n: number | null | undefined) => (n === null || n === undefined ? "–" : formatDecimal(n, 2));

export function MeasureDataTable({ caption, data }: { caption: string; data: MeasureTableData }) {
  const rate = data.numerators !== undefined;
  const notes = new Map(data.notes.map((n) => [n.index, n]));
  return (
    <table className="w-full border-collapse bg-white text-left text-base [&_td]:p-2 [&_th]:p-2 [&_tbody_tr]:border-b [&_tbody_tr]:border-nhs-grey-4 [&_tbody_th]:font-normal">
      <caption className="mb-2 text-left font-bold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-nhs-grey-3">
          <th scope="col">Period</th>
          <th scope="col">Value</th>
          {rate && <th scope="col">Numerator</th>}
          {rate && <th scope="col">Denominator</th>}
          <th scope="col">{data.uppers ? "Centre" : "Mean"}</th>
          <th scope="col">Lower limit</th>
          <th scope="col">Upper limit</th>
          <th scope="col">Variation</th>
          {notes.size > 0 && <th scope="col">Note</th>}
        </tr>
      </thead>
      <tbody>
        {data.periods.flatMap((period) =>
          data.labels.slice(period.start, period.end).map((label, offset) => {
            const i = period.start + offset;
            const note = notes.get(i);
            return (
              <tr key={i}>
                <th scope="row">
                  {label}
                  {i < data.baselineCount && <span className="block text-sm"> (baseline)</span>}
                </th>
                <td>{num(data.values[i])}</td>
                {rate && <td>{num(data.numerators![i])}</td>}
                {rate && <td>{num(data.denominators![i])}</td>}
                <td>{num(period.mean)}</td>
                <td>{num(data.lowers ? data.lowers[i] : period.lower)}</td>
                <td>{num(data.uppers ? data.uppers[i] : period.upper)}</td>
                <td>{variationWords(data.causes[i] ?? ".", data.rules[i] ?? "")}</td>
                {notes.size > 0 && <td>{note ? `N${note.number}: ${note.text}` : ""}</td>}
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}
