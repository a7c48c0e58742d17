/**
 * CSV in and out for measure data. Import is checked row by row before anything is saved (an
 * import with any bad row saves nothing); export writes every point with its numerator and
 * denominator, in the same columns the import reads, so a file can go out, be fixed and come back.
 * Pure: the caller supplies the existing periods and the project's dates.
 */
import Papa from "papaparse";
import { csvTable, restoreCsvText } from "@/lib/csv";
import type { MeasurePeriod } from "@/lib/generated/prisma/enums";
import { formatPeriod, parsePeriodText, periodKey, periodStartOf, periodWindowProblem } from "./periods";
import { pointValue, type ValueSpec } from "./values";

export const MAX_IMPORT_ROWS = 5_000;
export const MAX_NOTE_LENGTH = 500;

const PERIOD_HEADERS = ["period_start", "period start", "period", "date", "month", "week", "day"];

export type ImportContext = {
  spec: ValueSpec;
  period: MeasurePeriod;
  today: Date;
  /** Period keys (yyyy-mm-dd) that already have a point. */
  existingPeriods: ReadonlySet<string>;
};

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
};

export type ImportPreview = { rows: ImportRow[]; fileErrors: string[]; validCount: number; errorCount: number };

export function parseMeasureCsv(text: string, context: ImportContext): ImportPreview {
  const fileErrors: string[] = [];
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
    // Text the export escaped against spreadsheet formulas comes back as it was typed.
    transform: (cell) => restoreCsvText(cell),
  });
  const headers = parsed.meta.fields ?? [];
  const periodHeader = PERIOD_HEADERS.find((h) => headers.includes(h));
  if (!periodHeader)
    fileErrors.push("The first row must name the columns, including “period” (for example: period,value)");
  if (context.spec.valueType === "NUMBER" && !headers.includes("value")) {
    fileErrors.push("The file needs a “value” column");
  }
  if (context.spec.valueType === "RATE") {
    for (const column of ["numerator", "denominator"])
      if (!headers.includes(column)) fileErrors.push(`The file needs a “${column}” column (this measure is a rate)`);
  }
  if (parsed.data.length === 0 && fileErrors.length === 0) fileErrors.push("The file has no data rows");
  if (parsed.data.length > MAX_IMPORT_ROWS)
    fileErrors.push(`The file has ${parsed.data.length} rows: import at most ${MAX_IMPORT_ROWS} at a time`);
  for (const error of parsed.errors) {
    // Papaparse reports ragged rows here; a row with too few fields is reported by its missing values.
    if (error.code !== "TooFewFields" && error.code !== "TooManyFields")
      fileErrors.push(`Line ${(error.row ?? 0) + 2}: ${error.message}`);
  }
  if (fileErrors.length > 0) return { rows: [], fileErrors, validCount: 0, errorCount: 0 };

  const seen = new Map<string, number>();
  const rows = parsed.data.map((record, index): ImportRow => {
    const line = index + 2;
    const errors: string[] = [];
    const periodText = (record[periodHeader!] ?? "").trim();
    const date = parsePeriodText(periodText);
    let key: string | null = null;
    let label = periodText;
    if (periodText === "") errors.push("Enter a period (for example 2024-03 or 2024-03-01)");
    else if (!date) errors.push(`“${periodText}” is not a date: use 2024-03-01, 2024-03 or 01/03/2024`);
    else {
      const start = periodStartOf(date, context.period);
      key = periodKey(start);
      label = formatPeriod(start, context.period);
      const windowProblem = periodWindowProblem(start, context.period, context);
      if (windowProblem) errors.push(windowProblem);
      if (seen.has(key))
        errors.push(`${label} appears twice in the file (line ${seen.get(key)} and line ${line}): keep one`);
      else seen.set(key, line);
      if (context.existingPeriods.has(key))
        errors.push(`${label} already has a value: correct it on the measure’s data page instead`);
    }
    const result = pointValue(context.spec, {
      value: record.value,
      numerator: record.numerator,
      denominator: record.denominator,
    });
    if (!result.ok) errors.push(...Object.values(result.errors));
    const note = (record.note ?? record.notes ?? "").trim();
    if (note.length > MAX_NOTE_LENGTH) errors.push(`The note must be ${MAX_NOTE_LENGTH} characters or fewer`);
    return {
      line,
      periodText,
      periodKey: key,
      periodLabel: label,
      value: result.ok ? result.point.value : null,
      numerator: result.ok ? result.point.numerator : null,
      denominator: result.ok ? result.point.denominator : null,
      note,
      errors,
    };
  });
  const errorCount = rows.filter((r) => r.errors.length > 0).length;
  return { rows, fileErrors, validCount: rows.length - errorCount, errorCount };
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
