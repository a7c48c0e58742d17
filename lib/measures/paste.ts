/**
 * What someone pasted into the values grid from a spreadsheet (Excel and Google Sheets copy cells as
 * tab-separated lines): period then values ("Sep 2025⇥12", or "Sep 2025⇥4⇥1200" for a rate), or
 * values alone. A heading row is skipped. Pure: the grid's client component and its tests use it.
 */
import type { MeasurePeriod } from "@/lib/generated/prisma/enums";
import { parsePeriodText, periodKey, periodStartOf } from "./periods";
import { parseNumber } from "./values";

export type PastedRow = {
  /** yyyy-mm-dd of the period's start, or null when the paste had no period column. */
  periodKey: string | null;
  /** The value cells in the grid's order (value; or numerator, denominator), then a note if one came. */
  cells: string[];
};

export type PasteResult = { rows: PastedRow[]; problems: string[] };

/** `valueColumns`: 1 for a number, 2 for a rate's numerator and denominator. */
export function parsePastedValues(text: string, options: { period: MeasurePeriod; valueColumns: 1 | 2 }): PasteResult {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line, i) => ({ number: i + 1, cells: line.split("\t").map((c) => c.trim()) }))
    .filter((line) => line.cells.some((c) => c !== ""));
  const isPeriod = (cell: string) => parseNumber(cell) === null && parsePeriodText(cell) !== null;
  const isData = (cells: string[]) => isPeriod(cells[0]!) || parseNumber(cells[0]) !== null || cells[0] === "";
  // A heading row ("Month⇥Falls") is neither a period nor a number.
  if (lines.length > 0 && !isData(lines[0]!.cells)) lines.shift();
  const withPeriods = lines.length > 0 && isPeriod(lines[0]!.cells[0]!);
  const rows: PastedRow[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const values = line.cells.slice(withPeriods ? 1 : 0, (withPeriods ? 1 : 0) + options.valueColumns + 1);
    if (!withPeriods) {
      rows.push({ periodKey: null, cells: values });
      continue;
    }
    const date = parsePeriodText(line.cells[0]!);
    if (!date) {
      problems.push(`Line ${line.number}: “${line.cells[0]}” is not a period (use Sep 2025, 2025-09 or 01/09/2025)`);
      continue;
    }
    const key = periodKey(periodStartOf(date, options.period));
    if (seen.has(key)) {
      problems.push(`Line ${line.number}: “${line.cells[0]}” is a period already pasted above`);
      continue;
    }
    seen.add(key);
    rows.push({ periodKey: key, cells: values });
  }
  return { rows, problems };
}
