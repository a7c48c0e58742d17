import { describe, expect, it } from "vitest";
import { parsePastedValues } from "@/lib/measures/paste";
import { parsePeriodText } from "@/lib/measures/periods";

const monthly = { period: "MONTH", valueColumns: 1 } as const;

describe("pasting spreadsheet columns into the values grid", () => {
  it("reads period and value columns, whichever way the spreadsheet writes the month", () => {
    const text = "Month\tFalls\r\nSep 2025\t12\r\n2025-10\t9\r\n01/11/2025\t1,204\r\nDecember 2025\t7\tWard closed\r\n";
    expect(parsePastedValues(text, monthly)).toEqual({
      rows: [
        { periodKey: "2025-09-01", cells: ["12"] },
        { periodKey: "2025-10-01", cells: ["9"] },
        { periodKey: "2025-11-01", cells: ["1,204"] },
        { periodKey: "2025-12-01", cells: ["7", "Ward closed"] },
      ],
      problems: [],
    });
  });

  it("reads a rate's numerator and denominator, and a week as the week it falls in", () => {
    expect(parsePastedValues("2025-09-03\t4\t1200", { period: "WEEK", valueColumns: 2 }).rows).toEqual([
      { periodKey: "2025-09-01", cells: ["4", "1200"] },
    ]);
  });

  it("reads values alone (no period column), keeping empty cells in their place", () => {
    expect(parsePastedValues("12\n\n9\n7\n", monthly).rows).toEqual([
      { periodKey: null, cells: ["12"] },
      { periodKey: null, cells: ["9"] },
      { periodKey: null, cells: ["7"] },
    ]);
  });

  it("says which lines it could not read, and keeps the first of a period pasted twice", () => {
    const result = parsePastedValues("Sep 2025\t12\nSeptember 2025\t13\nSmarch 2025\t4\n2025-10\t9", monthly);
    expect(result.rows).toEqual([
      { periodKey: "2025-09-01", cells: ["12"] },
      { periodKey: "2025-10-01", cells: ["9"] },
    ]);
    expect(result.problems).toEqual([
      "Line 2: “September 2025” is a period already pasted above",
      "Line 3: “Smarch 2025” is not a period (use Sep 2025, 2025-09 or 01/09/2025)",
    ]);
  });

  it("pastes 24 months in one go", () => {
    const lines = Array.from(
      { length: 24 },
      (_, i) => `${String((i % 12) + 1).padStart(2, "0")}/${2024 + Math.floor(i / 12)}\t${i}`,
    );
    const { rows } = parsePastedValues(lines.join("\n"), monthly);
    expect(rows).toHaveLength(24);
    expect(rows.at(-1)).toEqual({ periodKey: "2025-12-01", cells: ["23"] });
  });
});

describe("periods as spreadsheets write them", () => {
  it("reads month names, short and long, with two- or four-digit years, and refuses what is not a month", () => {
    const read = (t: string) => parsePeriodText(t)?.toISOString().slice(0, 10) ?? null;
    expect(["Sep 2025", "Sept 2025", "september 2025", "Sep-25", "SEP 2025"].map(read)).toEqual(
      Array(5).fill("2025-09-01"),
    );
    expect(["Ma 2025", "Smarch 2025", "Sep 20250"].map(read)).toEqual([null, null, null]);
  });
});
