/**
 * Reading the files people actually have: a spreadsheet's own header ("Month, Falls, Occupied bed
 * days"), its date formats ("Sep-25", "01/09/2025 00:00") and its delimiter. Which column is which
 * is guessed here and then shown to the person to confirm; nothing is imported on a guess alone.
 * Pure: no data access.
 */
import type { MeasureValueType } from "@/lib/generated/prisma/enums";
import { parsePeriodText } from "./periods";
import { parseNumber } from "./values";

export const COLUMN_ROLES = ["period", "value", "numerator", "denominator", "note"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
/** The index of the file's column that holds each role, or null when none does. */
export type ColumnChoice = Record<ColumnRole, number | null>;

export const COLUMN_LABELS: Record<ColumnRole, string> = {
  period: "Period",
  value: "Value",
  numerator: "Numerator",
  denominator: "Denominator",
  note: "Note",
};

/** The header names the import reads without asking (compared after normaliseHeader). */
const KNOWN_NAMES: Record<ColumnRole, readonly string[]> = {
  period: [
    "period start",
    "period",
    "date",
    "month",
    "week",
    "day",
    "week commencing",
    "week starting",
    "w/c",
    "month start",
    "start date",
  ],
  value: ["value"],
  numerator: ["numerator"],
  denominator: ["denominator"],
  note: ["note", "notes", "comment", "comments"],
};

export function requiredRoles(valueType: MeasureValueType): ColumnRole[] {
  return valueType === "RATE" ? ["period", "numerator", "denominator"] : ["period", "value"];
}

/** The roles a measure's file can have: a rate reads numerator and denominator, never a value. */
export function columnRoles(valueType: MeasureValueType): ColumnRole[] {
  return [...requiredRoles(valueType), "note"];
}

/** "\uFEFF Period_Start " → "period start": case, spacing, underscores and a byte-order mark ignored. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "Sep", "sept", "September" → 9; null for anything else (at least three letters of a month). */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(w) || (w === "sept" && name === "september"));
  return index < 0 ? null : index + 1;
}

// Two-digit years are this century: spreadsheets of improvement data do not go back to the 1900s.
const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/** A date made of parts, through parsePeriodText so that 31 April is refused the same way. */
function dateOf(year: number, month: number, day: number): Date | null {
  return parsePeriodText(`${year}-${month}-${day}`);
}

/**
 * A period as a spreadsheet writes it: everything parsePeriodText reads (2025-09-01, 2025-09,
 * 01/09/2025, 09/2025), and also Excel's "Sep-25", "Sep 2025", "September 2025", "01-Sep-25",
 * "1 Sep 2025", UK dates with a two-digit year (01/09/25) and dates with a time (2025-09-01 00:00:00,
 * 01/09/2025 00:00). Null when it is not a real date.
 */
export function parseSpreadsheetDate(text: string): Date | null {
  const t = text.trim().replace(/\s+/g, " ");
  if (t === "") return null;
  const plain = parsePeriodText(t);
  if (plain) return plain;
  const time = "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?";
  let m = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`).exec(t);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})${time}$`).exec(t);
  if (m) return dateOf(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^([a-z]{3,9})\.?[ \-/',]*(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === null ? null : dateOf(fullYear(m[2]!), month, 1);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ \-/]([a-z]{3,9})\.?[ \-/,]*(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === null ? null : dateOf(fullYear(m[3]!), month, Number(m[1]));
  }
  return null;
}

const WORD = /[a-z][a-z0-9]*/g;
const IGNORED_WORDS = new Set(["the", "and", "per", "of", "number", "total", "count", "all", "with", "for"]);

/** The words of a header or phrase that can say what it counts ("Occupied bed days" → occupied, bed, day). */
function meaningfulWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(WORD) ?? [])
      .filter((w) => w.length >= 3 && !IGNORED_WORDS.has(w))
      .map((w) => (w.length > 3 ? w.replace(/s$/, "") : w)),
  );
}

/**
 * What the measure says it counts above and below the line: "Falls per 1,000 occupied bed days"
 * (or "… divided by …", "… out of …") has "falls" over "occupied bed days"; a definition may also
 * say "Numerator: …" and "Denominator: …".
 */
function rateParts(texts: readonly string[]): { over: Set<string>; under: Set<string> } {
  const over = new Set<string>();
  const under = new Set<string>();
  const add = (into: Set<string>, text: string) => meaningfulWords(text).forEach((w) => into.add(w));
  for (const text of texts) {
    const lower = text.toLowerCase();
    const numerator = /numerator\s*[:=-]?\s*([^.;\n]*)/.exec(lower);
    const denominator = /denominator\s*[:=-]?\s*([^.;\n]*)/.exec(lower);
    if (numerator) add(over, numerator[1]!);
    if (denominator) add(under, denominator[1]!);
    const per = /^(.*?)\b(?:per|divided by|out of)\b(.*)$/.exec(lower.split(/[.;\n]/)[0] ?? "");
    if (per) {
      add(over, per[1]!);
      add(under, per[2]!);
    }
  }
  return { over, under };
}

function overlap(header: string, words: Set<string>): number {
  return [...meaningfulWords(header)].filter((w) => words.has(w)).length;
}

export type ColumnGuess = {
  choice: ColumnChoice;
  /** Every column the measure needs was found by its usual name: nothing to confirm. */
  exact: boolean;
};

/**
 * Which column is which. Known names first (case, spacing and underscores ignored); otherwise a
 * column whose cells are mostly dates is the period, and the numeric columns fill the value, or the
 * numerator and denominator: by the measure's own words where they tell ("Falls per 1,000 occupied
 * bed days": a "Falls" column over an "Occupied bed days" one), else in the file's order.
 */
export function guessColumns(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  measure: { valueType: MeasureValueType; words?: readonly string[] },
): ColumnGuess {
  const names = headers.map(normaliseHeader);
  const byName = (role: ColumnRole) => {
    const index = names.findIndex((name) => KNOWN_NAMES[role].includes(name));
    return index < 0 ? null : index;
  };
  const roles = columnRoles(measure.valueType);
  const choice: ColumnChoice = { period: null, value: null, numerator: null, denominator: null, note: null };
  for (const role of roles) choice[role] = byName(role);
  const exact = requiredRoles(measure.valueType).every((role) => choice[role] !== null);
  if (exact) return { choice, exact };

  const sample = rows.slice(0, 100);
  const used = () => new Set(Object.values(choice).filter((i): i is number => i !== null));
  const mostly = (column: number, test: (cell: string) => boolean) => {
    const cells = sample.map((row) => (row[column] ?? "").trim()).filter((cell) => cell !== "");
    return cells.length > 0 && cells.filter(test).length * 2 > cells.length;
  };
  const free = () => headers.map((_, i) => i).filter((i) => !used().has(i));
  choice.period ??= free().find((i) => mostly(i, (cell) => parseSpreadsheetDate(cell) !== null)) ?? null;
  const numeric = free().filter((i) => mostly(i, (cell) => parseNumber(cell) !== null));
  if (measure.valueType === "NUMBER") {
    choice.value ??= numeric[0] ?? null;
    return { choice, exact };
  }
  const { over, under } = rateParts(measure.words ?? []);
  const leansUnder = (i: number) => overlap(headers[i]!, under) - overlap(headers[i]!, over);
  if (choice.denominator === null) {
    const candidates = numeric.filter((i) => i !== choice.numerator);
    const best = [...candidates].sort((a, b) => leansUnder(b) - leansUnder(a))[0];
    // Only a column the measure's words point to is taken out of order.
    if (best !== undefined && leansUnder(best) > 0 && choice.numerator === null) choice.denominator = best;
  }
  choice.numerator ??= numeric.find((i) => i !== choice.denominator) ?? null;
  choice.denominator ??= numeric.find((i) => i !== choice.numerator) ?? null;
  return { choice, exact };
}

/**
 * Cells that mean "no column" in the form's selects: the form sends "" for none, and a number for a
 * column. Undefined (the field was not sent) means "guess".
 */
export function columnChoiceFrom(fields: Partial<Record<ColumnRole, string | undefined>>): ColumnChoice | null {
  if (COLUMN_ROLES.every((role) => fields[role] === undefined)) return null;
  const choice: ColumnChoice = { period: null, value: null, numerator: null, denominator: null, note: null };
  for (const role of COLUMN_ROLES) {
    const text = fields[role];
    choice[role] = text === undefined || text === "" ? null : Number(text);
  }
  return choice;
}

/** Why the chosen columns cannot be read, role by role (empty when they can). */
export function columnChoiceProblems(
  choice: ColumnChoice,
  headers: readonly string[],
  valueType: MeasureValueType,
): string[] {
  const problems: string[] = [];
  const required = requiredRoles(valueType);
  const seen = new Map<number, ColumnRole>();
  for (const role of columnRoles(valueType)) {
    const index = choice[role];
    if (index === null) {
      if (required.includes(role)) problems.push(`Choose which column holds the ${COLUMN_LABELS[role].toLowerCase()}`);
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      problems.push(`Choose which column holds the ${COLUMN_LABELS[role].toLowerCase()} from the list`);
      continue;
    }
    const other = seen.get(index);
    if (other)
      problems.push(
        `The ${COLUMN_LABELS[other].toLowerCase()} and the ${COLUMN_LABELS[role].toLowerCase()} cannot both be column “${headers[index]}”: choose a different column for one of them`,
      );
    else seen.set(index, role);
  }
  return problems;
}
