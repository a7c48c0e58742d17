/**
 * Reads an NHS date input (three fields: <name>-day, <name>-month, <name>-year) from submitted
 * values. Pure; used by the zod schemas of forms with dates, which put the message on <name>.
 */
import { calendarDate } from "./schedule";

export type DateInput = { year: number; month: number; day: number };

export function readDateInput(
  values: Record<string, unknown>,
  name: string,
  label: string,
): { ok: true; date: DateInput | null } | { ok: false; message: string } {
  const part = (suffix: string) => String(values[`${name}-${suffix}`] ?? "").trim();
  const [day, month, year] = [part("day"), part("month"), part("year")];
  if (!day && !month && !year) return { ok: true, date: null };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length > 0) return { ok: false, message: `${label} must include a ${missing.join(" and ")}` };
  if (![day, month, year].every((v) => /^\d+$/.test(v)))
    return { ok: false, message: `${label} must be a real date, for example 27 3 2027` };
  const date = calendarDate(Number(day), Number(month), Number(year));
  if (!date) return { ok: false, message: `${label} must be a real date, for example 27 3 2027` };
  return { ok: true, date };
}
