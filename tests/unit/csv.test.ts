// The one CSV writer (lib/csv.ts): no cell a spreadsheet would run as a formula, numbers left alone,
// and the import's restoreCsvText undoing the escape exactly, for any text.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import { csvCell, csvTable, neutraliseFormula, restoreCsvText } from "@/lib/csv";

const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
// Text weighted towards what matters here: formula characters, apostrophes, spaces and line breaks first.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", " ", "'", '"', ",", "1", ".", "e", "＝", "＠"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
});

describe("csvCell", () => {
  it("puts an apostrophe before text a spreadsheet would run (OWASP's rule), and quotes as RFC 4180 needs", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(1)")).toBe("'@SUM(1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell("  =1")).toBe("'  =1");
    expect(csvCell("＝1")).toBe("'＝1");
    expect(csvCell("a, b")).toBe('"a, b"');
  });

  it("keeps numbers numbers, negative ones and exponents included", () => {
    expect([
      csvCell(-5),
      csvCell("-5"),
      csvCell("+1.5"),
      csvCell(-1e-7),
      csvCell("-2.5E+3"),
      csvCell(null),
      csvCell(Number.NaN),
      csvCell(true),
    ]).toEqual(["-5", "-5", "+1.5", "-1e-7", "-2.5E+3", "", "", "true"]);
    expect(csvCell("-5+1")).toBe("'-5+1");
  });

  it("no cell of any table starts a formula, and every cell reads back as written", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(tricky, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
          const parsed = Papa.parse<string[]>(
            csvTable(
              table[0]!.map((_, i) => `c${i}`),
              table,
            ),
            // The writer always uses commas; left to guess, the parser takes a tab inside a cell for the delimiter.
            { delimiter: ",", skipEmptyLines: false },
          ).data.slice(1, table.length + 1);
          for (const cell of parsed.flat()) expect(FORMULA_START.test(cell) && !NUMBER.test(cell)).toBe(false);
          expect(parsed.map((row) => row.map(restoreCsvText))).toEqual(table);
        },
      ),
    );
  });

  it("restoreCsvText undoes neutraliseFormula for any text, and leaves text it did not escape alone", () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(restoreCsvText(neutraliseFormula(text))).toBe(text);
        if (neutraliseFormula(text) === text) expect(restoreCsvText(text)).toBe(text);
      }),
    );
  });
});
