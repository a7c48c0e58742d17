/**
 * Measurement periods: every point is stored at the start of its period (a UTC calendar date):
 * the 1st of the month, the Monday of the week, or the day itself. Pure: no data access.
 */
import type { MeasurePeriod } from "@/lib/generated/prisma/enums";
import { formatMonth, formatShortDate } from "@/lib/format";

const DAY_MS = 86_400_000;

function utcDate(year: number, month: number, day: number): Date | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects 31 April and 29 February in other years rather than rolling over.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const MONTH_NAMES = "january february march april may june july august september october november december".split(" ");

/** "Sep", "Sept" or "September" (any capitals) → 9; anything else → null. */
function monthNumber(name: string): number | null {
  const n = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => month.startsWith(n));
  return n.length >= 3 && index >= 0 ? index + 1 : null;
}

/**
 * A period as people type it in a form or a spreadsheet: 2024-03-01, 2024-03 (a month),
 * 1/3/2024 (UK day/month/year), 03/2024, or a month as spreadsheets write it: "Mar 2024",
 * "March 2024", "Mar-24". Null when it is not a real date.
 */
export function parsePeriodText(text: string): Date | null {
  const t = text.trim();
  const named = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4}|\d{2})$/.exec(t);
  if (named) {
    const month = monthNumber(named[1]!);
    const year = named[2]!.length === 2 ? 2000 + Number(named[2]) : Number(named[2]);
    return month === null ? null : utcDate(year, month, 1);
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return utcDate(Number(m[1]), Number(m[2]), 1);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return utcDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return utcDate(Number(m[2]), Number(m[1]), 1);
  return null;
}

/** The start of the period containing `date` (weeks start on Monday, as NHS weekly reports do). */
export function periodStartOf(date: Date, period: MeasurePeriod): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (period === "MONTH") return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  if (period === "WEEK") return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
  return day;
}

/** The last day of the period that starts at `start`. */
export function periodEndOf(start: Date, period: MeasurePeriod): Date {
  if (period === "MONTH") return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  if (period === "WEEK") return new Date(start.getTime() + 6 * DAY_MS);
  return start;
}

export const PERIOD_LABELS: Record<MeasurePeriod, { adjective: string; noun: string }> = {
  DAY: { adjective: "daily", noun: "day" },
  WEEK: { adjective: "weekly", noun: "week" },
  MONTH: { adjective: "monthly", noun: "month" },
};

// Charts label the same few hundred periods over and over; Intl formatting is the costly part.
const labels = new Map<string, string>();

/** Short label for axes and tables: "Mar 2024", "w/c 4 Mar 2024", "4 Mar 2024". */
export function formatPeriod(start: Date, period: MeasurePeriod): string {
  const key = `${period}${start.getTime()}`;
  let label = labels.get(key);
  if (label === undefined) {
    if (period === "MONTH") label = formatMonth(start);
    else {
      const text = formatShortDate(new Date(start.getTime() + 12 * 3_600_000)); // midday: same calendar day in UK time
      label = period === "WEEK" ? `w/c ${text}` : text;
    }
    if (labels.size > 50_000) labels.clear();
    labels.set(key, label);
  }
  return label;
}

/**
 * Why a period cannot hold data, or null when it can: it must have started by today. Periods before
 * the project's start date are welcome: baseline data from before the change work is normal QI practice.
 */
export function periodWindowProblem(start: Date, period: MeasurePeriod, window: { today: Date }): string | null {
  if (start.getTime() > dayOf(window.today).getTime())
    return `${formatPeriod(start, period)} is in the future: data can only be added for periods that have started`;
  return null;
}

function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
/** yyyy-mm-dd of a period start (the same as isoDate, without building an ISO string for every point). */
export const periodKey = (start: Date) =>
  `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`;

/** The start of the period `count` periods after (or, negative, before) the one starting at `start`. */
export function addPeriods(start: Date, period: MeasurePeriod, count: number): Date {
  if (period === "MONTH") return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1));
  return new Date(start.getTime() + count * (period === "WEEK" ? 7 : 1) * DAY_MS);
}

/**
 * The period whose value is due next: the one after the latest value entered, or, before any value,
 * the period the project started in. It may not have started yet (`open` is then false: nothing is
 * due until it has).
 */
export function nextPeriodDue(
  latest: Date | null,
  period: MeasurePeriod,
  window: { projectStart: Date; today: Date },
): { start: Date; open: boolean } {
  const start = latest
    ? addPeriods(periodStartOf(latest, period), period, 1)
    : periodStartOf(window.projectStart, period);
  return { start, open: start.getTime() <= dayOf(window.today).getTime() };
}
