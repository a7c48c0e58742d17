// Service levels for concerns: reporters who hear nothing stop reporting, so each collaborative
// promises an acknowledgement within N working days (Collaborative.acknowledgementDays, default 5).
// Working days are Monday to Friday in England, less bank holidays; days are calendar days in UK
// time. Pure: the clock comes in as an argument.

const DAY_MS = 86_400_000;

/** England and Wales bank holidays (gov.uk). Outside 2024–2027 only weekends are skipped: extend the list yearly. */
export const ENGLAND_BANK_HOLIDAYS: readonly string[] = [
  "2024-01-01",
  "2024-03-29",
  "2024-04-01",
  "2024-05-06",
  "2024-05-27",
  "2024-08-26",
  "2024-12-25",
  "2024-12-26",
  "2025-01-01",
  "2025-04-18",
  "2025-04-21",
  "2025-05-05",
  "2025-05-26",
  "2025-08-25",
  "2025-12-25",
  "2025-12-26",
  "2026-01-01",
  "2026-04-03",
  "2026-04-06",
  "2026-05-04",
  "2026-05-25",
  "2026-08-31",
  "2026-12-25",
  "2026-12-28",
  "2027-01-01",
  "2027-03-26",
  "2027-03-29",
  "2027-05-03",
  "2027-05-31",
  "2027-08-30",
  "2027-12-27",
  "2027-12-28",
];

/** A calendar day as a whole number of days since 1 January 1970 (no time, no zone). */
export type Day = number;

const holidays = new Set(ENGLAND_BANK_HOLIDAYS.map(dayFromIso));

export function dayFromIso(iso: string): Day {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

export function isoFromDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

function london(instant: Date) {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    day: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY_MS,
    hour: Number(parts.hour),
  };
}

/** The calendar day in the UK at that instant. */
export function londonDay(instant: Date): Day {
  return london(instant).day;
}

/** The instant a UK calendar day starts (midnight GMT or BST). */
export function startOfLondonDay(day: Day): Date {
  // UK time is UTC or UTC+1, so midnight falls at 00:00 or 23:00 UTC the evening before.
  for (const candidate of [new Date(day * DAY_MS - 3_600_000), new Date(day * DAY_MS)]) {
    const parts = london(candidate);
    if (parts.day === day && parts.hour === 0) return candidate;
  }
  throw new Error(`No midnight found for ${isoFromDay(day)}`);
}

export function isWorkingDay(day: Day): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The day that is `count` working days after `day` (the day itself does not count). */
export function addWorkingDays(day: Day, count: number): Day {
  let current = day;
  for (let added = 0; added < count;) {
    current += 1;
    if (isWorkingDay(current)) added += 1;
  }
  return current;
}

/** Working days after the day received, up to and including today. */
export function workingDaysBetween(from: Day, to: Day): number {
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) if (isWorkingDay(day)) count += 1;
  return count;
}

/** The last day on which the acknowledgement is on time. */
export function acknowledgementDueDay(receivedAt: Date, acknowledgementDays: number): Day {
  return addWorkingDays(londonDay(receivedAt), acknowledgementDays);
}

/** Overdue once the due day has ended without an acknowledgement. */
export function isAcknowledgementOverdue(
  concern: { receivedAt: Date; acknowledgedAt: Date | null },
  acknowledgementDays: number,
  now: Date,
): boolean {
  return (
    concern.acknowledgedAt === null && londonDay(now) > acknowledgementDueDay(concern.receivedAt, acknowledgementDays)
  );
}

/**
 * For filtering in SQL: an unacknowledged concern is overdue exactly when it was received before
 * this instant (the due day grows with the day received, so one cut-off divides them).
 */
export function overdueReceivedBefore(now: Date, acknowledgementDays: number): Date {
  const today = londonDay(now);
  let last = today - 1;
  while (addWorkingDays(last, acknowledgementDays) >= today) last -= 1;
  return startOfLondonDay(last + 1);
}

/** Whole calendar days since the concern arrived (UK days: 0 on the day it arrived). */
export function daysSince(receivedAt: Date, now: Date): number {
  return londonDay(now) - londonDay(receivedAt);
}

/** The due day as a Date (UK midnight), for formatting with lib/format. */
export function dateOfDay(day: Day): Date {
  return startOfLondonDay(day);
}
