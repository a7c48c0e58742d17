import { describe, expect, it } from "vitest";
import { nextPeriodDue } from "@/lib/measures/periods";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const window = { projectStart: d("2025-03-17"), today: d("2026-12-07") };

describe("nextPeriodDue", () => {
  it("is the month after the latest value, across a year end", () => {
    expect(nextPeriodDue(d("2025-12-01"), "MONTH", window)).toEqual({ start: d("2026-01-01"), open: true });
  });

  it("is the week after the latest, starting on a Monday", () => {
    expect(nextPeriodDue(d("2026-11-23"), "WEEK", window)).toEqual({ start: d("2026-11-30"), open: true });
  });

  it("is the next day for daily measures, across a month end", () => {
    expect(nextPeriodDue(d("2026-11-30"), "DAY", window)).toEqual({ start: d("2026-12-01"), open: true });
  });

  it("before any value, is the period the project started in", () => {
    expect(nextPeriodDue(null, "MONTH", window).start).toEqual(d("2025-03-01"));
    expect(nextPeriodDue(null, "WEEK", window).start).toEqual(d("2025-03-17"));
  });

  it("is not open yet when that period has not started (this month's value entered)", () => {
    expect(nextPeriodDue(d("2026-12-01"), "MONTH", window)).toEqual({ start: d("2027-01-01"), open: false });
    // The current month is open on its first day.
    expect(nextPeriodDue(d("2026-11-01"), "MONTH", { ...window, today: d("2026-12-01") }).open).toBe(true);
  });
});
