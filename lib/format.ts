// The one way dates and numbers are written on screen: NHS style ("25 November 2026"), UK time.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const shortDateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "Europe/London",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZone: "Europe/London",
});
const numberFormat = new Intl.NumberFormat("en-GB");

export const formatDate = (d: Date) => dateFormat.format(d);
export const formatShortDate = (d: Date) => shortDateFormat.format(d);
/** Measure periods are stored as UTC dates. */
export const formatMonth = (d: Date) => monthFormat.format(d);
export const formatDateTime = (d: Date) => dateTimeFormat.format(d);
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZone: "Europe/London",
});
/** Time of day, UK time ("2:30 pm"), e.g. when an event finishes on the day it starts. */
export const formatTime = (d: Date) => timeFormat.format(d);
export const formatNumber = (n: number) => numberFormat.format(n);
// Building an Intl.NumberFormat costs far more than using one: keep one per number of digits.
const decimalFormats = new Map<number, Intl.NumberFormat>();
export const formatDecimal = (n: number, digits = 1) => {
  let format = decimalFormats.get(digits);
  if (!format)
    decimalFormats.set(
      digits,
      (format = new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 })),
    );
  return format.format(n);
};
/** ISO date (yyyy-mm-dd) for inputs, CSV and URLs. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function pluralise(count: number, singular: string, plural = `${singular}s`) {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}
