import { describe, expect, it } from "vitest";
import {
  columnChoiceFrom,
  columnChoiceProblems,
  guessColumns,
  normaliseHeader,
  parseSpreadsheetDate,
} from "@/lib/measures/csv-columns";
import { parseMeasureCsv, type ExistingPoint, type ImportContext } from "@/lib/measures/csv";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const key = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("spreadsheet dates", () => {
  it("reads the ways Excel writes a month or a day", () => {
    const cases: Record<string, string> = {
      "2025-09": "2025-09-01",
      "2025-09-01": "2025-09-01",
      "01/09/2025": "2025-09-01",
      "1/9/25": "2025-09-01",
      "01.09.2025": "2025-09-01",
      "01-09-2025": "2025-09-01",
      "Sep-25": "2025-09-01",
      "sep-25": "2025-09-01",
      "Sept 2025": "2025-09-01",
      "September 2025": "2025-09-01",
      "Sep 2025": "2025-09-01",
      "01-Sep-25": "2025-09-01",
      "1 Sep 2025": "2025-09-01",
      "15 September 2025": "2025-09-15",
      "2025-09-01 00:00:00": "2025-09-01",
      "2025-09-01T00:00:00Z": "2025-09-01",
      "01/09/2025 00:00": "2025-09-01",
      " 09/2025 ": "2025-09-01",
    };
    for (const [text, expected] of Object.entries(cases))
      expect([text, key(parseSpreadsheetDate(text))]).toEqual([text, expected]);
  });

  it("refuses what is not a real date", () => {
    for (const text of ["", "Falls", "31/02/2025", "Sep", "Smarch-25", "2025", "12", "45901", "Month 3"])
      expect([text, parseSpreadsheetDate(text)]).toEqual([text, null]);
  });
});

describe("which column is which", () => {
  it("takes the usual names whatever their case, spacing, underscores or byte-order mark", () => {
    expect(normaliseHeader("\uFEFF Period_Start ")).toBe("period start");
    expect(guessColumns(["\uFEFFPERIOD", " Value ", "Notes"], [["2025-01", "3", ""]], { valueType: "NUMBER" })).toEqual(
      {
        choice: { period: 0, value: 1, numerator: null, denominator: null, note: 2 },
        exact: true,
      },
    );
  });

  it("guesses an Excel header: a column of dates is the period, the measure's words tell numerator from denominator", () => {
    const rows = [
      ["Sep-25", "4", "1,180"],
      ["Oct-25", "6", "1,204"],
    ];
    const words = ["Falls per 1,000 occupied bed days", "falls per 1,000 occupied bed days", ""];
    expect(guessColumns(["Month", "Falls", "Occupied bed days"], rows, { valueType: "RATE", words })).toEqual({
      choice: { period: 0, value: null, numerator: 1, denominator: 2, note: null },
      exact: false,
    });
    // The same columns the other way round are still matched by their words, not their order.
    const swapped = rows.map(([p, n, d]) => [p!, d!, n!]);
    expect(
      guessColumns(["When", "Occupied bed days", "Falls"], swapped, { valueType: "RATE", words }).choice,
    ).toMatchObject({ period: 0, numerator: 2, denominator: 1 });
    // A definition that names its numerator and denominator is read too.
    const definition = [
      "Harm-free care",
      "%",
      "Numerator: patients with no new harms. Denominator: patients surveyed.",
    ];
    expect(
      guessColumns(["Date", "Surveyed", "No new harms"], [["2025-09", "40", "38"]], {
        valueType: "RATE",
        words: definition,
      }).choice,
    ).toMatchObject({ period: 0, numerator: 2, denominator: 1 });
  });

  it("falls back to the file's order when the words say nothing, and to the first number for a count", () => {
    const rows = [["01/09/2025", "note", "3", "120"]];
    expect(guessColumns(["A", "B", "C", "D"], rows, { valueType: "RATE", words: ["Something"] }).choice).toMatchObject({
      period: 0,
      numerator: 2,
      denominator: 3,
    });
    expect(guessColumns(["Month", "Falls"], [["Sep-25", "4"]], { valueType: "NUMBER" })).toEqual({
      choice: { period: 0, value: 1, numerator: null, denominator: null, note: null },
      exact: false,
    });
  });

  it("reads the form's choice and says what is wrong with it", () => {
    expect(columnChoiceFrom({})).toBeNull();
    const choice = columnChoiceFrom({ period: "0", numerator: "1", denominator: "1", note: "" })!;
    expect(choice).toEqual({ period: 0, value: null, numerator: 1, denominator: 1, note: null });
    expect(columnChoiceProblems(choice, ["Month", "Falls"], "RATE")).toEqual([
      "The numerator and the denominator cannot both be column “Falls”: choose a different column for one of them",
    ]);
    expect(columnChoiceProblems({ ...choice, period: 7, denominator: null }, ["Month", "Falls"], "RATE")).toEqual([
      "Choose which column holds the period from the list",
      "Choose which column holds the denominator",
    ]);
  });
});

describe("an import from a spreadsheet, with periods already entered", () => {
  const existing = new Map<string, ExistingPoint>([
    ["2025-08-01", { value: (3 / 1150) * 1000, numerator: 3, denominator: 1150, note: "" }],
    ["2025-09-01", { value: (4 / 1180) * 1000, numerator: 4, denominator: 1180, note: "old note" }],
  ]);
  const context: ImportContext = {
    spec: { valueType: "RATE", rateMultiplier: 1000 },
    period: "MONTH",
    today: utc("2026-11-25"),
    existing,
    words: ["Falls per 1,000 occupied bed days"],
  };
  // Semicolons, a byte-order mark, Excel's month format, and a row left empty.
  const file =
    "\uFEFFMonth;Falls;Occupied bed days\r\nAug-25;3;1150\r\nSep-25;5;1,180\r\nOct-25;6;1204\r\nNov-25;;\r\n";

  it("keeps what is saved by default, and says which rows are skipped", () => {
    const preview = parseMeasureCsv(file, context);
    expect(preview.fileErrors).toEqual([]);
    expect(preview.columnsMatched).toBe(true);
    expect(preview.rows.map((r) => [r.periodLabel, r.outcome])).toEqual([
      ["Aug 2025", "unchanged"],
      ["Sept 2025", "skip"],
      ["Oct 2025", "add"],
      ["Nov 2025", "blank"],
    ]);
    expect(preview.counts).toEqual({ add: 1, replace: 0, unchanged: 1, skip: 1, blank: 1 });
  });

  it("replaces only when asked, keeping the note when the file has none, and changes its fingerprint", () => {
    const keep = parseMeasureCsv(file, context);
    const replace = parseMeasureCsv(file, context, { columns: null, existing: "replace" });
    const september = replace.rows[1]!;
    expect(september).toMatchObject({ outcome: "replace", numerator: 5, denominator: 1180, note: "old note" });
    expect(september.existing).toMatchObject({ numerator: 4, denominator: 1180 });
    expect(replace.counts).toEqual({ add: 1, replace: 1, unchanged: 1, skip: 0, blank: 1 });
    expect(replace.plan).not.toBe(keep.plan);
    expect(parseMeasureCsv(file, context, { columns: null, existing: "replace" }).plan).toBe(replace.plan);
  });

  it("uses the columns the person chose over the guess", () => {
    const swapped = parseMeasureCsv(file, context, {
      columns: { period: 0, value: null, numerator: 2, denominator: 1, note: null },
      existing: "keep",
    });
    expect(swapped.rows[2]).toMatchObject({ outcome: "add", numerator: 1204, denominator: 6 });
    expect(swapped.rows[0]!.outcome).toBe("skip");
  });
});
