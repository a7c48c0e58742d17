/**
 * A point's value from what was typed: a plain number, or a numerator and denominator from which
 * the plotted rate is computed (× 100 for a percentage, × 1,000 for "per 1,000 bed days"); the
 * numerator and denominator are kept so the rate can be checked and recomputed. Pure.
 */
import type { MeasureValueType } from "@/lib/generated/prisma/enums";

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

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

export const RATE_MULTIPLIERS = [
  { value: "100", label: "Percentage (numerator ÷ denominator × 100)" },
  { value: "1000", label: "Per 1,000 (for example falls per 1,000 occupied bed days)" },
  { value: "10000", label: "Per 10,000" },
  { value: "1", label: "Simple ratio (numerator ÷ denominator)" },
] as const;
