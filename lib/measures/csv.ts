/**
 * CSV in and out for measure data. Import is checked row by row before anything is saved (an
 * import with any bad row saves nothing); export writes every point with its numerator and
 * denominator, in the same columns the import reads, so a file can go out, be fixed and come back.
 * A period that already has a value is kept unless the person chose to replace it, and the preview
 * says which (old → new). Pure: the caller supplies the existing points and the project's dates.
 */
import Papa from "papaparse";
import { csvTable, restoreCsvText } from "@/lib/csv";
import type { MeasurePeriod } from "@/lib/generated/prisma/enums";
import {
  columnChoiceFrom,
  columnChoiceProblems,
  guessColumns,
  parseSpreadsheetDate,
  requiredRoles,
  type ColumnChoice,
} from "./csv-columns";
import { addPeriods, formatPeriod, nextPeriodDue, periodKey, periodStartOf, periodWindowProblem } from "./periods";
import { pointValue, type ValueSpec } from "./values";

export const MAX_IMPORT_ROWS = 5_000;
export const MAX_NOTE_LENGTH = 500;
/** How many empty periods after the last value a template offers to fill in. */
export const TEMPLATE_DUE_PERIODS = 24;

export type ExistingPoint = { value: number; numerator: number | null; denominator: number | null; note: string };

export type ImportContext = {
  spec: ValueSpec;
  period: MeasurePeriod;
  today: Date;
  /** The measure's points, by period key (yyyy-mm-dd). */
  existing: ReadonlyMap<string, ExistingPoint>;
  /** The measure's name, unit and definition: they tell a numerator column from a denominator one. */
  words?: readonly string[];
};

/** What the person chose: the columns (null: guess them) and what to do with periods that have values. */
export type ImportChoices = { columns: ColumnChoice | null; existing: ExistingChoice };
export type ExistingChoice = "keep" | "replace";

/**
 * What happens to a row: added; replaces a saved value; matches what is saved; skipped because its
 * period has a value and the person chose to keep it; blank (a template row left empty); or refused.
 */
export type RowOutcome = "add" | "replace" | "unchanged" | "skip" | "blank" | "error";

export type ImportRow = {
  /** The line in the file (the header is line 1). */
  line: number;
  periodText: string;
  periodKey: string | null;
  periodLabel: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string;
  errors: string[];
  outcome: RowOutcome;
  /** What is saved for this period now, when something is. */
  existing: ExistingPoint | null;
};

export type ImportCounts = Record<Exclude<RowOutcome, "error">, number>;

export type ImportPreview = {
  rows: ImportRow[];
  fileErrors: string[];
  validCount: number;
  errorCount: number;
  /** The file's own header cells, for the "which column is which" form. */
  headers: string[];
  columns: ColumnChoice;
  /** The headers were not the usual names, so the columns were matched and must be confirmed. */
  columnsMatched: boolean;
  existingChoice: ExistingChoice;
  counts: ImportCounts;
  /**
   * A fingerprint of every row's outcome with the old and new values: the confirm step carries the
   * one it was shown, and a different one at import time (the data changed, or a choice did) means
   * the preview is shown again instead of applying something nobody saw.
   */
  plan: string;
};

/** The import form's fields, as the action and the domain functions take them. */
export type ImportRequest = {
  projectId: string;
  measureId: string;
  csv: string;
  columnPeriod?: string;
  columnValue?: string;
  columnNumerator?: string;
  columnDenominator?: string;
  columnNote?: string;
  existing?: ExistingChoice;
  /** The fingerprint of the preview that was confirmed; without it the caller has not previewed. */
  plan?: string;
};

/** What the import compares a file with: the measure's points by period, and its words. */
export function importBasis(
  measure: { name: string; unit: string; definition: string },
  points: readonly ({ periodStart: Date } & ExistingPoint)[],
) {
  return {
    existing: new Map(points.map((p) => [periodKey(p.periodStart), p])),
    words: [measure.name, measure.unit, measure.definition],
  };
}

/** The fields of a saved point the import compares with (and the template writes). */
export const EXISTING_POINT_FIELDS = {
  id: true,
  periodStart: true,
  value: true,
  numerator: true,
  denominator: true,
  note: true,
} as const;

export function importChoices(request: ImportRequest): ImportChoices {
  return {
    columns: columnChoiceFrom({
      period: request.columnPeriod,
      value: request.columnValue,
      numerator: request.columnNumerator,
      denominator: request.columnDenominator,
      note: request.columnNote,
    }),
    existing: request.existing ?? "keep",
  };
}

const NO_COUNTS: ImportCounts = { add: 0, replace: 0, unchanged: 0, skip: 0, blank: 0 };

/** The rows of a file, whatever its delimiter (Excel in much of Europe writes semicolons). */
function readTable(text: string): { cells: string[][]; errors: string[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    header: false,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    // Text the export escaped against spreadsheet formulas comes back as it was typed.
    transform: (cell) => restoreCsvText(cell),
  });
  const errors = parsed.errors
    // A delimiter guessed from a one-column file is no problem; ragged rows are reported by their missing values.
    .filter((e) => e.code !== "UndetectableDelimiter" && e.code !== "TooFewFields" && e.code !== "TooManyFields")
    .map((e) => `Line ${(e.row ?? 0) + 1}: ${e.message}`);
  return { cells: parsed.data, errors };
}

const sameNumber = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A small stable hash (cyrb53): enough to notice that a plan changed, not a security measure. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function parseMeasureCsv(
  text: string,
  context: ImportContext,
  choices: ImportChoices = { columns: null, existing: "keep" },
): ImportPreview {
  const { cells, errors: fileErrors } = readTable(text);
  const headers = (cells[0] ?? []).map((h) => h.trim());
  const body = cells.slice(1);
  const guess = guessColumns(headers, body, { valueType: context.spec.valueType, words: context.words });
  const columns = choices.columns ?? guess.choice;
  const empty = {
    rows: [],
    validCount: 0,
    errorCount: 0,
    headers,
    columns,
    columnsMatched: !guess.exact,
    existingChoice: choices.existing,
    counts: NO_COUNTS,
    plan: "",
  };
  if (headers.length === 0) return { ...empty, fileErrors: ["The file is empty: the first row names the columns"] };
  fileErrors.push(...columnChoiceProblems(columns, headers, context.spec.valueType));
  if (body.length === 0 && fileErrors.length === 0) fileErrors.push("The file has no data rows");
  if (body.length > MAX_IMPORT_ROWS)
    fileErrors.push(`The file has ${body.length} rows: import at most ${MAX_IMPORT_ROWS} at a time`);
  if (fileErrors.length > 0) return { ...empty, fileErrors };

  const cell = (record: readonly string[], index: number | null) =>
    index === null ? "" : (record[index] ?? "").trim();
  const valueCells = requiredRoles(context.spec.valueType).filter((role) => role !== "period");
  const noteInFile = columns.note !== null;
  const seen = new Map<string, number>();
  const rows = body.map((record, index): ImportRow => {
    const line = index + 2;
    const errors: string[] = [];
    const periodText = cell(record, columns.period);
    const note = cell(record, columns.note);
    const raw = {
      value: cell(record, columns.value),
      numerator: cell(record, columns.numerator),
      denominator: cell(record, columns.denominator),
    };
    const date = parseSpreadsheetDate(periodText);
    let key: string | null = null;
    let label = periodText;
    if (date) {
      const start = periodStartOf(date, context.period);
      key = periodKey(start);
      label = formatPeriod(start, context.period);
    }
    const existing = key === null ? null : (context.existing.get(key) ?? null);
    const base = { line, periodText, periodKey: key, periodLabel: label, note, existing };
    // A template's period with nothing filled in is left out, not refused: "not yet known".
    if (valueCells.every((role) => raw[role as keyof typeof raw] === "") && note === "")
      return { ...base, value: null, numerator: null, denominator: null, errors, outcome: "blank" };
    if (periodText === "") errors.push("Enter a period (for example 2024-03 or 2024-03-01)");
    else if (!date) errors.push(`“${periodText}” is not a date: use 2024-03-01, 2024-03, 01/03/2024 or Mar-24`);
    else {
      const windowProblem = periodWindowProblem(periodStartOf(date, context.period), context.period, context);
      if (windowProblem) errors.push(windowProblem);
      if (seen.has(key!))
        errors.push(`${label} appears twice in the file (line ${seen.get(key!)} and line ${line}): keep one`);
      else seen.set(key!, line);
    }
    const result = pointValue(context.spec, raw);
    if (!result.ok) errors.push(...Object.values(result.errors));
    if (note.length > MAX_NOTE_LENGTH) errors.push(`The note must be ${MAX_NOTE_LENGTH} characters or fewer`);
    const point = result.ok ? result.point : { value: null, numerator: null, denominator: null };
    const outcome: RowOutcome =
      errors.length > 0
        ? "error"
        : !existing
          ? "add"
          : sameNumber(existing.value, point.value) &&
              sameNumber(existing.numerator, point.numerator) &&
              sameNumber(existing.denominator, point.denominator) &&
              (!noteInFile || existing.note === note)
            ? "unchanged"
            : choices.existing === "replace"
              ? "replace"
              : "skip";
    // Without a note column, a replaced value keeps the note it had.
    return { ...base, ...point, note: noteInFile || !existing ? note : existing.note, errors, outcome };
  });
  const counts = { ...NO_COUNTS };
  for (const row of rows) if (row.outcome !== "error") counts[row.outcome] += 1;
  const errorCount = rows.filter((r) => r.outcome === "error").length;
  const plan = fingerprint(
    JSON.stringify(rows.map((r) => [r.outcome, r.periodKey, r.value, r.numerator, r.denominator, r.note, r.existing])),
  );
  return {
    ...empty,
    rows,
    fileErrors,
    validCount: rows.length - errorCount,
    errorCount,
    counts,
    plan,
  };
}

/**
 * A file to fill in for one measure: the columns it needs, every value it has (so the file can go
 * out, be edited in a spreadsheet and come back with nothing changed), then the periods due since
 * the last value (up to TEMPLATE_DUE_PERIODS), left empty to fill in.
 */
export function measureTemplateCsv(
  measure: { valueType: ValueSpec["valueType"]; period: MeasurePeriod },
  points: readonly ({ periodStart: Date } & ExistingPoint)[],
  window: { projectStart: Date; today: Date },
): string {
  const rate = measure.valueType === "RATE";
  const columns = rate ? ["period", "numerator", "denominator", "note"] : ["period", "value", "note"];
  const sorted = [...points].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
  const rows = sorted.map((p) =>
    rate
      ? [periodKey(p.periodStart), numberCell(p.numerator), numberCell(p.denominator), p.note]
      : [periodKey(p.periodStart), numberCell(p.value), p.note],
  );
  let { start } = nextPeriodDue(sorted.at(-1)?.periodStart ?? null, measure.period, window);
  for (let due = 0; due < TEMPLATE_DUE_PERIODS && start.getTime() <= window.today.getTime(); due++) {
    rows.push(rate ? [periodKey(start), null, null, null] : [periodKey(start), null, null]);
    start = addPeriods(start, measure.period, 1);
  }
  return csvTable(columns, rows);
}

export type ExportMeasure = {
  name: string;
  kind: string;
  unit: string;
  period: MeasurePeriod;
  points: { periodStart: Date; value: number; numerator: number | null; denominator: number | null; note: string }[];
};

export const EXPORT_COLUMNS = [
  "measure",
  "kind",
  "unit",
  "frequency",
  "period_start",
  "value",
  "numerator",
  "denominator",
  "note",
] as const;

/** One CSV for one or many measures, one row per point, oldest first within each measure. */
export function measuresCsv(measures: readonly ExportMeasure[]): string {
  const rows = measures.flatMap((m) =>
    [...m.points]
      .sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime())
      .map((p) => [
        m.name,
        m.kind.toLowerCase(),
        m.unit,
        m.period.toLowerCase(),
        periodKey(p.periodStart),
        numberCell(p.value),
        numberCell(p.numerator),
        numberCell(p.denominator),
        p.note,
      ]),
  );
  return csvTable(EXPORT_COLUMNS, rows);
}

// Enough digits to round-trip, without binary noise like 0.30000000000000004, and never in exponent
// form (1e-7), which the import does not read as a number.
const plainDecimal = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 12, useGrouping: false });

function numberCell(n: number | null): string | null {
  return n === null ? null : plainDecimal.format(n);
}
