/**
 * A point's value from what was typed: a plain number, or a numerator and denominator from which
 * the plotted rate is computed (× 100 for a percentage, × 1,000 for "per 1,000 bed days"); the
 * numerator and denominator are kept so the rate can be checked and recomputed. Pure.
 */
import type { MeasurePeriod, MeasureValueType } from "@/lib/generated/prisma/enums";
import { formatPeriod, parsePeriodText } from "./periods";

export type ValueSpec = { valueType: MeasureValueType; rateMultiplier: number };
export type RawValue = { value?: string | null; numerator?: string | null; denominator?: string | null };
export type PointValue = { value: number; numerator: number | null; denominator: number | null };
export type ValueField = "value" | "numerator" | "denominator";

/** "1,234.5" → 1234.5; anything that is not a plain decimal number → null. */
export function parseNumber(text: string | null | undefined): number | null {
  const t = (text ?? "").trim().replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function pointValue(
  spec: ValueSpec,
  raw: RawValue,
): { ok: true; point: PointValue } | { ok: false; errors: Partial<Record<ValueField, string>> } {
  if (spec.valueType === "NUMBER") {
    const text = (raw.value ?? "").trim();
    if (text === "") return { ok: false, errors: { value: "Enter a value" } };
    const value = parseNumber(text);
    if (value === null)
      return { ok: false, errors: { value: `Value must be a number, like 12 or 3.5 (not “${clip(text)}”)` } };
    return { ok: true, point: { value, numerator: null, denominator: null } };
  }
  const errors: Partial<Record<ValueField, string>> = {};
  const numText = (raw.numerator ?? "").trim();
  const denText = (raw.denominator ?? "").trim();
  const numerator = parseNumber(numText);
  const denominator = parseNumber(denText);
  if (numText === "") errors.numerator = "Enter a numerator";
  else if (numerator === null) errors.numerator = `Numerator must be a number, like 4 (not “${clip(numText)}”)`;
  else if (numerator < 0) errors.numerator = "Numerator cannot be negative";
  if (denText === "") errors.denominator = "Enter a denominator";
  else if (denominator === null) errors.denominator = `Denominator must be a number, like 250 (not “${clip(denText)}”)`;
  else if (denominator === 0)
    errors.denominator =
      "Denominator cannot be 0: a rate needs something to divide by (leave the period out if there was no activity)";
  else if (denominator < 0) errors.denominator = "Denominator cannot be negative";
  if (!errors.numerator && !errors.denominator && spec.rateMultiplier === 100 && numerator! > denominator!) {
    errors.numerator = "Numerator cannot be more than the denominator for a percentage";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    point: {
      value: (numerator! / denominator!) * spec.rateMultiplier,
      numerator: numerator!,
      denominator: denominator!,
    },
  };
}

/** A stored number as a person would type it again: no float noise, "" for none. */
export const plainNumber = (n: number | null) => (n === null ? "" : String(Number(n.toPrecision(12))));

/** A stored point's cells as the values grid shows them: value, numerator, denominator, note. */
export type ShownCells = [value: string, numerator: string, denominator: string, note: string];
export const shownCells = (p: {
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
}): ShownCells => [plainNumber(p.value), plainNumber(p.numerator), plainNumber(p.denominator), p.note];

/** The error key of a message about the whole values grid: its summary line links to the table. */
export const GRID_FIELD = "rows";

/** A row of the values grid: its period (yyyy-mm-dd), label and, if it had a value when drawn, that value. */
export type GridRowView = { key: string; label: string; shown: ShownCells | null };

/**
 * The fields a grid row posts as `<field>-<index>`: the period, what it showed and its cells (what it
 * showed, or empty). "Show earlier periods" answers with these for the rows it adds.
 */
export function gridRowFields(row: GridRowView, index: number): Record<string, string> {
  const [value, numerator, denominator, note] = row.shown ?? ["", "", "", ""];
  return {
    [`period-${index}`]: row.key,
    ...(row.shown ? { [`shown-${index}`]: JSON.stringify(row.shown) } : {}),
    [`value-${index}`]: value,
    [`numerator-${index}`]: numerator,
    [`denominator-${index}`]: denominator,
    [`note-${index}`]: note,
  };
}

/**
 * The rows a posted grid had, read back from its fields (period order), or null when there are none:
 * a grid drawn again from what was posted shows exactly the rows that were posted (earlier ones, pasted ones).
 */
export function gridRowsFromFields(
  fields: Record<string, string | undefined>,
  period: MeasurePeriod,
): (GridRowView & { index: number })[] | null {
  const rows: (GridRowView & { index: number })[] = [];
  for (const [name, key] of Object.entries(fields)) {
    const index = /^period-(\d{1,4})$/.exec(name)?.[1];
    const start = index !== undefined && key ? parsePeriodText(key) : null;
    if (!start) continue;
    let shown: ShownCells | null = null;
    try {
      const parsed: unknown = JSON.parse(fields[`shown-${index}`] ?? "null");
      if (Array.isArray(parsed) && parsed.length === 4) shown = parsed.map(String) as ShownCells;
    } catch {
      // Not what the page wrote: the row shows nothing (saving it says the form changed).
    }
    rows.push({ key: key!, label: formatPeriod(start, period), shown, index: Number(index) });
  }
  return rows.length > 0 ? rows.sort((a, b) => a.key.localeCompare(b.key)) : null;
}

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

export const RATE_MULTIPLIERS = [
  { value: "100", label: "Percentage (numerator ÷ denominator × 100)" },
  { value: "1000", label: "Per 1,000 (for example falls per 1,000 occupied bed days)" },
  { value: "10000", label: "Per 10,000" },
  { value: "1", label: "Simple ratio (numerator ÷ denominator)" },
] as const;
