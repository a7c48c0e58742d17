/**
 * Event times are typed as UK wall-clock time (a date and "14:30") and stored as instants. Pure.
 * Converting needs the Europe/London offset on that date (GMT or BST), which Intl knows.
 */

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** The London wall-clock reading of an instant, as numbers. */
export function londonWallTime(instant: Date) {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/**
 * The instant at which London clocks show the given date and time. In the hour skipped when the
 * clocks go forward the result is an hour later; in the repeated hour it is the first (BST) one.
 */
export function fromLondonWallTime(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = londonWallTime(new Date(guess));
    const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
    guess -= shownAsUtc - asUtc;
  }
  return new Date(guess);
}

/** "14:30" or "9:05" → { hour, minute }; null when it is not a time of day. */
export function parseTimeOfDay(value: string): { hour: number; minute: number } | null {
  const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** A real calendar date from three typed numbers, or null (31 February is not a date). */
export function calendarDate(
  day: number,
  month: number,
  year: number,
): { year: number; month: number; day: number } | null {
  if (![day, month, year].every(Number.isInteger) || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** "14:30" for a time input's default value. */
export function londonTimeOfDay(instant: Date): string {
  const t = londonWallTime(instant);
  return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}
