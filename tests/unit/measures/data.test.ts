import { describe, expect, it } from "vitest";
import { formatPeriod, parsePeriodText, periodStartOf, periodWindowProblem } from "@/lib/measures/periods";
import { parseNumber, pointValue } from "@/lib/measures/values";
import { measuresCsv, parseMeasureCsv, type ImportContext } from "@/lib/measures/csv";
import { csvCell } from "@/lib/csv";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("periods", () => {
  it("reads the ways people write a period, and refuses dates that do not exist", () => {
    expect(parsePeriodText("2024-03-15")).toEqual(utc("2024-03-15"));
    expect(parsePeriodText("2024-3")).toEqual(utc("2024-03-01"));
    expect(parsePeriodText("15/03/2024")).toEqual(utc("2024-03-15"));
    expect(parsePeriodText("03/2024")).toEqual(utc("2024-03-01"));
    expect(parsePeriodText(" 29/02/2024 ")).toEqual(utc("2024-02-29"));
    expect(parsePeriodText("March 2024")).toEqual(utc("2024-03-01")); // as spreadsheets write months
    for (const bad of ["29/02/2023", "2024-13", "31/04/2024", "Smarch 2024", "", "2024/03/01"])
      expect(parsePeriodText(bad)).toBeNull();
  });

  it("stores each point at the start of its period: the 1st, or the Monday", () => {
    expect(periodStartOf(utc("2024-03-31"), "MONTH")).toEqual(utc("2024-03-01"));
    expect(periodStartOf(utc("2024-03-07"), "WEEK")).toEqual(utc("2024-03-04"));
    expect(periodStartOf(utc("2024-03-10"), "WEEK")).toEqual(utc("2024-03-04")); // Sunday belongs to the week before
    expect(periodStartOf(utc("2024-03-04"), "WEEK")).toEqual(utc("2024-03-04"));
    expect(periodStartOf(utc("2024-03-07"), "DAY")).toEqual(utc("2024-03-07"));
    expect([
      formatPeriod(utc("2024-03-01"), "MONTH"),
      formatPeriod(utc("2024-03-04"), "WEEK"),
      formatPeriod(utc("2024-03-07"), "DAY"),
    ]).toEqual(["Mar 2024", "w/c 4 Mar 2024", "7 Mar 2024"]);
  });

  it("accepts baseline periods long before the project started, and any period that has started", () => {
    const window = { today: utc("2024-06-10") };
    expect(periodWindowProblem(utc("2019-02-01"), "MONTH", window)).toBeNull(); // baseline before the change work
    expect(periodWindowProblem(utc("2024-03-11"), "WEEK", window)).toBeNull();
    expect(periodWindowProblem(utc("2024-03-14"), "DAY", window)).toBeNull();
    expect(periodWindowProblem(utc("2024-06-01"), "MONTH", window)).toBeNull();
    expect(periodWindowProblem(utc("2024-06-10"), "DAY", window)).toBeNull();
    expect(periodWindowProblem(utc("2024-06-11"), "DAY", window)).toMatch(/in the future/);
  });
});

describe("values", () => {
  it("parses plain numbers, with thousands separators, and nothing else", () => {
    expect([
      parseNumber("12"),
      parseNumber("-3.5"),
      parseNumber("1,234.5"),
      parseNumber(" .5 "),
      parseNumber("7."),
    ]).toEqual([12, -3.5, 1234.5, 0.5, 7]);
    for (const bad of ["", "abc", "1e3", "12%", "1,23", "1.2.3", "NaN", "Infinity"])
      expect(parseNumber(bad)).toBeNull();
  });

  it("computes a rate and keeps its numerator and denominator", () => {
    expect(pointValue({ valueType: "RATE", rateMultiplier: 1000 }, { numerator: "3", denominator: "1,200" })).toEqual({
      ok: true,
      point: { value: 2.5, numerator: 3, denominator: 1200 },
    });
    expect(pointValue({ valueType: "NUMBER", rateMultiplier: 1 }, { value: "7" })).toEqual({
      ok: true,
      point: { value: 7, numerator: null, denominator: null },
    });
  });

  it("explains bad values field by field", () => {
    const errors = (raw: Record<string, string>, rateMultiplier = 100) => {
      const result = pointValue({ valueType: "RATE", rateMultiplier }, raw);
      return result.ok ? {} : result.errors;
    };
    expect(errors({ numerator: "3", denominator: "0" }).denominator).toMatch(/cannot be 0/);
    expect(errors({ numerator: "-1", denominator: "10" }).numerator).toMatch(/cannot be negative/);
    expect(errors({ numerator: "11", denominator: "10" }).numerator).toMatch(
      /more than the denominator for a percentage/,
    );
    expect(errors({ numerator: "11", denominator: "10" }, 1000)).toEqual({});
    expect(errors({ numerator: "", denominator: "x" })).toEqual({
      numerator: "Enter a numerator",
      denominator: "Denominator must be a number, like 250 (not “x”)",
    });
    const number = pointValue({ valueType: "NUMBER", rateMultiplier: 1 }, { value: "twelve" });
    expect(number.ok ? null : number.errors.value).toBe("Value must be a number, like 12 or 3.5 (not “twelve”)");
  });
});

describe("CSV import", () => {
  const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
    spec: { valueType: "NUMBER", rateMultiplier: 1 },
    period: "MONTH",
    today: utc("2026-11-25"),
    existing: new Map(),
    ...overrides,
  });

  it("reads rows with notes, quotes, a byte-order mark and header names in any case", () => {
    const preview = parseMeasureCsv(
      '\uFEFFPeriod , Value,Note\r\n2024-01,5,\r\n2024-02,"1,200","New beds, ward 3"\r\n\r\n',
      context(),
    );
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.periodKey, r.periodLabel, r.value, r.note, r.errors])).toEqual([
      [2, "2024-01-01", "Jan 2024", 5, "", []],
      [3, "2024-02-01", "Feb 2024", 1200, "New beds, ward 3", []],
    ]);
  });

  it("reports problems with the file as a whole, and asks for the columns it cannot find", () => {
    // No numeric column to take as the value, no date column to take as the period.
    expect(parseMeasureCsv("date,comment\n2024-01,busy", context()).fileErrors).toEqual([
      "Choose which column holds the value",
    ]);
    expect(parseMeasureCsv("when,value\nsoon,5", context()).fileErrors).toEqual([
      "Choose which column holds the period",
    ]);
    const rate = parseMeasureCsv(
      "period,value\n2024-01,5",
      context({ spec: { valueType: "RATE", rateMultiplier: 100 } }),
    );
    expect(rate.fileErrors).toEqual(["Choose which column holds the denominator"]);
    expect(rate).toMatchObject({
      columnsMatched: true,
      headers: ["period", "value"],
      columns: { period: 0, numerator: 1 },
    });
    expect(parseMeasureCsv("period,value\n", context()).fileErrors).toEqual(["The file has no data rows"]);
    expect(parseMeasureCsv("", context()).fileErrors).toEqual(["The file is empty: the first row names the columns"]);
  });

  it("gives each bad row every one of its problems", () => {
    const preview = parseMeasureCsv(
      "period,numerator,denominator\n2024-01,3,0\n2024-01,x,100\n,1,2",
      context({ spec: { valueType: "RATE", rateMultiplier: 100 } }),
    );
    expect(preview.rows.map((r) => r.errors)).toEqual([
      [expect.stringMatching(/Denominator cannot be 0/)],
      [expect.stringMatching(/Jan 2024 appears twice/), expect.stringMatching(/Numerator must be a number/)],
      [expect.stringMatching(/Enter a period/)],
    ]);
    expect([preview.validCount, preview.errorCount]).toEqual([0, 3]);
  });
});

describe("CSV export", () => {
  it("writes one row per point, oldest first, with formulas defused", () => {
    const csv = measuresCsv([
      {
        name: '=HYPERLINK("http://x")',
        kind: "OUTCOME",
        unit: "%",
        period: "MONTH",
        points: [
          { periodStart: utc("2024-02-01"), value: 0.1 + 0.2, numerator: null, denominator: null, note: "-x" },
          { periodStart: utc("2024-01-01"), value: -4, numerator: null, denominator: null, note: "@risk" },
        ],
      },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "measure,kind,unit,frequency,period_start,value,numerator,denominator,note",
      `"'=HYPERLINK(""http://x"")",outcome,%,month,2024-01-01,-4,,,'@risk`,
      `"'=HYPERLINK(""http://x"")",outcome,%,month,2024-02-01,0.3,,,'-x`,
      "",
    ]);
    expect([csvCell("-12.5"), csvCell("+1"), csvCell("line\nbreak")]).toEqual(["-12.5", "+1", '"line\nbreak"']);
  });

  it("comes back through the import as it went out: escaped notes as typed, negative and tiny numbers as numbers", () => {
    const notes = ["=SUM(A1)", "-x", "@risk", "\t=cmd", "'=already quoted", "-5", "plain"];
    const values = [-5, -1e-7, 2.5e21, 0, -0.5, 3, 4];
    const points = notes.map((note, i) => ({
      periodStart: utc(`2024-0${i + 1}-01`),
      value: values[i]!,
      numerator: null,
      denominator: null,
      note,
    }));
    const csv = measuresCsv([{ name: "=evil", kind: "OUTCOME", unit: "", period: "MONTH", points }]);
    const preview = parseMeasureCsv(csv, {
      spec: { valueType: "NUMBER", rateMultiplier: 1 },
      period: "MONTH",
      today: utc("2026-11-25"),
      existing: new Map(),
    });
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => r.errors.join())).toEqual(notes.map(() => ""));
    expect(preview.rows.map((r) => r.note)).toEqual(notes.map((n) => n.trim()));
    expect(preview.rows.map((r) => r.value)).toEqual(values);
  });
});
