import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ENGLAND_BANK_HOLIDAYS,
  acknowledgementDueDay,
  addWorkingDays,
  dayFromIso,
  daysSince,
  isAcknowledgementOverdue,
  isWorkingDay,
  isoFromDay,
  londonDay,
  overdueReceivedBefore,
  startOfLondonDay,
  workingDaysBetween,
} from "@/lib/concerns/service-level";

const due = (receivedIso: string, days = 5) => isoFromDay(acknowledgementDueDay(new Date(receivedIso), days));

describe("working days", () => {
  it("skip weekends: received on a Friday, 5 working days later is the next Friday", () => {
    expect(due("2026-11-20T10:00:00Z")).toBe("2026-11-27");
  });

  it("start counting on the next working day when received at a weekend", () => {
    expect(due("2026-11-21T10:00:00Z")).toBe("2026-11-27"); // Saturday → Mon..Fri
    expect(due("2026-11-22T23:30:00Z")).toBe("2026-11-27"); // Sunday night (GMT)
  });

  it("skip Christmas, the Boxing Day substitute and New Year's Day 2026/27", () => {
    // Thu 24 Dec counts; 25 (Fri), 28 (Mon, substitute for Sat 26) and 1 Jan are bank holidays.
    expect(due("2026-12-23T12:00:00Z")).toBe("2027-01-04");
  });

  it("skip Easter 2026 (Good Friday 3 April, Easter Monday 6 April)", () => {
    expect(due("2026-04-02T09:00:00Z")).toBe("2026-04-13");
  });

  it("skip the early May and spring bank holidays", () => {
    expect(isWorkingDay(dayFromIso("2025-05-05"))).toBe(false);
    expect(isWorkingDay(dayFromIso("2027-05-31"))).toBe(false);
    expect(isWorkingDay(dayFromIso("2027-06-01"))).toBe(true);
  });

  it("list the eight England bank holidays for each year 2024–2027, none at a weekend", () => {
    for (const year of ["2024", "2025", "2026", "2027"]) {
      expect(ENGLAND_BANK_HOLIDAYS.filter((d) => d.startsWith(year))).toHaveLength(8);
    }
    for (const iso of ENGLAND_BANK_HOLIDAYS) {
      const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
      expect(weekday, iso).not.toBe(0);
      expect(weekday, iso).not.toBe(6);
    }
  });

  it("use the UK calendar day, not UTC: 23:30 UTC in summer is already the next day", () => {
    expect(isoFromDay(londonDay(new Date("2026-06-30T23:30:00Z")))).toBe("2026-07-01");
    expect(isoFromDay(londonDay(new Date("2026-12-31T23:30:00Z")))).toBe("2026-12-31");
  });

  it("find UK midnight in summer time and in winter", () => {
    expect(startOfLondonDay(dayFromIso("2026-07-01")).toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(startOfLondonDay(dayFromIso("2026-12-01")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(startOfLondonDay(dayFromIso("2026-03-29")).toISOString()).toBe("2026-03-29T00:00:00.000Z"); // clocks go forward at 01:00
  });

  it("count working days between two days", () => {
    expect(workingDaysBetween(dayFromIso("2026-11-20"), dayFromIso("2026-11-27"))).toBe(5);
    expect(workingDaysBetween(dayFromIso("2026-12-24"), dayFromIso("2027-01-04"))).toBe(4);
  });
});

describe("acknowledgement service level", () => {
  const received = new Date("2026-11-20T10:00:00Z"); // Friday; due Friday 27th

  it("is not overdue on the due day itself", () => {
    expect(
      isAcknowledgementOverdue({ receivedAt: received, acknowledgedAt: null }, 5, new Date("2026-11-27T22:00:00Z")),
    ).toBe(false);
  });

  it("is overdue the day after the due day", () => {
    expect(
      isAcknowledgementOverdue({ receivedAt: received, acknowledgedAt: null }, 5, new Date("2026-11-28T08:00:00Z")),
    ).toBe(true);
  });

  it("is never overdue once acknowledged", () => {
    expect(
      isAcknowledgementOverdue(
        { receivedAt: received, acknowledgedAt: new Date("2026-12-20T00:00:00Z") },
        5,
        new Date("2027-01-28T08:00:00Z"),
      ),
    ).toBe(false);
  });

  it("follows the collaborative's own number of days", () => {
    expect(
      isAcknowledgementOverdue({ receivedAt: received, acknowledgedAt: null }, 2, new Date("2026-11-25T08:00:00Z")),
    ).toBe(true);
    expect(
      isAcknowledgementOverdue({ receivedAt: received, acknowledgedAt: null }, 10, new Date("2026-11-28T08:00:00Z")),
    ).toBe(false);
  });

  it("counts calendar days since received in UK days", () => {
    expect(daysSince(received, new Date("2026-11-20T23:59:00Z"))).toBe(0);
    expect(daysSince(received, new Date("2026-11-25T08:00:00Z"))).toBe(5);
  });

  it("gives one SQL cut-off that agrees with the rule for every received time (property)", () => {
    const from = new Date("2024-01-01T00:00:00Z").getTime();
    const to = new Date("2027-12-01T00:00:00Z").getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 0, max: 60 * 86_400_000 }),
        fc.integer({ min: 1, max: 15 }),
        (receivedMs, waitMs, days) => {
          const receivedAt = new Date(receivedMs);
          const now = new Date(receivedMs + waitMs);
          const overdue = isAcknowledgementOverdue({ receivedAt, acknowledgedAt: null }, days, now);
          return overdue === receivedAt < overdueReceivedBefore(now, days);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("adds working days monotonically (a later day is never due earlier)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromIso("2024-01-01"), max: dayFromIso("2027-12-20") }),
        fc.integer({ min: 1, max: 20 }),
        (day, n) => addWorkingDays(day + 1, n) >= addWorkingDays(day, n) && isWorkingDay(addWorkingDays(day, n)),
      ),
    );
  });
});
