/**
 * The one CSV writer: every CSV the portal sends is written here (tests/integration/csv-exports.test.ts
 * finds every route that reaches this module and fails on one it does not know).
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula, so text from people (a measure's name, a project's title) could run in the national team's
 * spreadsheet. Such text gets a leading apostrophe (OWASP's rule for CSV injection); the full-width
 * forms some spreadsheets also accept are treated alike. Numbers are never changed ("-5" is a value),
 * and the import reverses the apostrophe (restoreCsvText), so a file can go out and come back as typed.
 */
export type CsvValue = string | number | boolean | null | undefined;

// Text a spreadsheet may treat as a formula: starting with a formula character (after any spaces or
// line breaks), or with a tab or carriage return. Leading apostrophes are part of the pattern so that
// text which already starts with one is escaped again, keeping restoreCsvText an exact inverse.
const FORMULA_START = /^'*(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function needsApostrophe(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** Text as a spreadsheet will show it and never run it. */
export function neutraliseFormula(text: string): string {
  return needsApostrophe(text) ? `'${text}` : text;
}

/** The import's side: undoes neutraliseFormula exactly (a cell it did not escape is left alone). */
export function restoreCsvText(cell: string): string {
  return cell.startsWith("'") && needsApostrophe(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One cell: numbers as numbers, text neutralised and quoted as RFC 4180 needs. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row, then one line per row, CRLF line ends. */
export function csvTable(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [columns, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A file from records: the columns name the fields, in order; a missing field is an empty cell. */
export function csvFromRecords(columns: readonly string[], records: readonly Record<string, CsvValue>[]): string {
  return csvTable(
    columns,
    records.map((record) => columns.map((column) => record[column])),
  );
}

/**
 * The download every CSV route answers with. The byte-order mark makes Excel read the file as UTF-8
 * (the import ignores it); the file is private to the person who asked.
 */
export function csvDownload(filename: string, body: string): Response {
  return new Response(`\uFEFF${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "-")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
