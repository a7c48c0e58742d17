import { describe, expect, it } from "vitest";
import { calendarDate, fromLondonWallTime, londonTimeOfDay, parseTimeOfDay } from "@/lib/events/schedule";

describe("event times in UK time", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(fromLondonWallTime(2027, 1, 15, 14, 30).toISOString()).toBe("2027-01-15T14:30:00.000Z");
    expect(fromLondonWallTime(2027, 7, 15, 14, 30).toISOString()).toBe("2027-07-15T13:30:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // 28 March 2027: clocks go forward at 01:00 GMT; 31 October 2027: back at 02:00 BST.
    expect(fromLondonWallTime(2027, 3, 28, 0, 30).toISOString()).toBe("2027-03-28T00:30:00.000Z");
    expect(fromLondonWallTime(2027, 3, 28, 3, 0).toISOString()).toBe("2027-03-28T02:00:00.000Z");
    expect(fromLondonWallTime(2027, 10, 31, 12, 0).toISOString()).toBe("2027-10-31T12:00:00.000Z");
  });

  it("round-trips the time of day shown on forms", () => {
    expect(londonTimeOfDay(fromLondonWallTime(2027, 6, 1, 9, 5))).toBe("09:05");
  });

  it("parses times of day and rejects nonsense", () => {
    expect(parseTimeOfDay("14:30")).toEqual({ hour: 14, minute: 30 });
    expect(parseTimeOfDay("9.05")).toEqual({ hour: 9, minute: 5 });
    for (const bad of ["24:00", "12:60", "noon", "1430", ""]) expect(parseTimeOfDay(bad), bad).toBeNull();
  });

  it("accepts only real calendar dates", () => {
    expect(calendarDate(29, 2, 2028)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(calendarDate(29, 2, 2027)).toBeNull();
    expect(calendarDate(31, 4, 2027)).toBeNull();
    expect(calendarDate(1, 13, 2027)).toBeNull();
  });
});
