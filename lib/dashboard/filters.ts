/**
 * The dashboard's filters live in the URL (?from=2025-01&to=2026-10&area=falls&collaborative=wessex&map=concerns).
 * Parsing is lenient: a value that is unknown or malformed is dropped with a note the page shows,
 * never an error. Pure: the known area and collaborative slugs are passed in.
 */
import { z } from "zod";

/** A calendar month as one integer: year × 12 + (month − 1), as psc_month_index() in SQL. */
export type MonthIndex = number;

export const LOCAL_AREA = "local";

export const MAP_METRICS = {
  projects: "Projects",
  improvement: "Measures showing improvement",
  concerns: "Concerns received",
  "acknowledged-in-time": "Concerns acknowledged in time (%)",
  adoptions: "Ideas adopted from elsewhere",
} as const;
export type MapMetric = keyof typeof MAP_METRICS;

export type DashboardFilters = {
  from: MonthIndex;
  to: MonthIndex;
  /** A national priority area's slug, "local" (any local priority), or null for all. */
  area: string | null;
  /** A collaborative's slug, or null for all (the national view). */
  collaborative: string | null;
  map: MapMetric;
  /**
   * The month the funnel plots compare collaboratives in (?month=2026-09): a complete month of the
   * period, or null for the latest complete month with data.
   */
  month: MonthIndex | null;
};

export type KnownValues = { areas: readonly string[]; collaboratives: readonly string[] };

/** The default period: the 24 months up to and including this month. */
export const DEFAULT_PERIOD_MONTHS = 24;
/** The programme began in October 2014: nothing earlier is asked for. */
export const EARLIEST_MONTH: MonthIndex = 2014 * 12 + 9;

export const monthIndexOf = (date: Date): MonthIndex => date.getUTCFullYear() * 12 + date.getUTCMonth();
/** First day of the month (UTC). */
export const monthStart = (index: MonthIndex): Date => new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
/** First day of the following month (UTC): the period's exclusive end. */
export const monthEnd = (index: MonthIndex): Date => monthStart(index + 1);
export const monthParam = (index: MonthIndex): string =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .transform((s) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1);
const slugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

type RawParams = Record<string, string | string[] | undefined>;

/** Quoted for a note: short, so a long value cannot fill the page. */
const quote = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

export function parseDashboardFilters(
  params: RawParams | URLSearchParams,
  known: KnownValues,
  options: { now?: Date; fixedCollaborative?: string } = {},
): { filters: DashboardFilters; notes: string[] } {
  const notes: string[] = [];
  const get = (name: string): string | undefined => {
    const raw = params instanceof URLSearchParams ? params.getAll(name) : params[name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v !== "");
    if (values.length > 1)
      notes.push(`Only one value of “${name}” can be used at a time, so the first, ${quote(values[0]!)}, was used.`);
    return values[0];
  };

  const thisMonth = monthIndexOf(options.now ?? new Date());
  let to = thisMonth;
  let from = thisMonth - (DEFAULT_PERIOD_MONTHS - 1);
  const month = (name: "from" | "to", label: string): MonthIndex | undefined => {
    const raw = get(name);
    if (raw === undefined) return undefined;
    const parsed = monthSchema.safeParse(raw);
    if (!parsed.success) {
      notes.push(`The ${label} ${quote(raw)} is not a month such as 2026-04, so it was ignored.`);
      return undefined;
    }
    if (parsed.data < EARLIEST_MONTH || parsed.data > thisMonth + 12) {
      notes.push(
        `The ${label} ${quote(raw)} is outside the programme’s dates (October 2014 onwards), so it was ignored.`,
      );
      return undefined;
    }
    return parsed.data;
  };
  const fromValue = month("from", "period start");
  const toValue = month("to", "period end");
  if (fromValue !== undefined && toValue !== undefined && fromValue > toValue) {
    notes.push("The period start is after its end, so the default period is shown.");
  } else {
    if (toValue !== undefined) {
      to = toValue;
      from = fromValue ?? toValue - (DEFAULT_PERIOD_MONTHS - 1);
    } else if (fromValue !== undefined) {
      from = fromValue;
      if (from > to) to = from;
    }
  }

  const slug = (name: "area" | "collaborative", allowed: readonly string[], label: string): string | null => {
    const raw = get(name);
    if (raw === undefined) return null;
    const parsed = slugSchema.safeParse(raw);
    if (!parsed.success || !allowed.includes(parsed.data)) {
      notes.push(
        `There is no ${label} called ${quote(raw)}, so all ${label === "priority area" ? "priority areas" : "collaboratives"} are shown.`,
      );
      return null;
    }
    return parsed.data;
  };
  const area = slug("area", [...known.areas, LOCAL_AREA], "priority area");
  let collaborative: string | null;
  if (options.fixedCollaborative) {
    // The collaborative's own dashboard: the filter is fixed by the page.
    const raw = get("collaborative");
    if (raw !== undefined && raw !== options.fixedCollaborative)
      notes.push("This dashboard shows one collaborative only, so the collaborative filter was ignored.");
    collaborative = options.fixedCollaborative;
  } else {
    collaborative = slug("collaborative", known.collaboratives, "collaborative");
  }

  const rawMap = get("map");
  let map: MapMetric = "projects";
  if (rawMap !== undefined) {
    if (rawMap in MAP_METRICS) map = rawMap as MapMetric;
    else notes.push(`The map cannot show ${quote(rawMap)}, so it shows projects.`);
  }

  // The comparison month: a month that has ended, inside the period (else the default, said in a note).
  let compareMonth: MonthIndex | null = null;
  const rawMonth = get("month");
  if (rawMonth !== undefined) {
    const parsed = monthSchema.safeParse(rawMonth);
    if (!parsed.success)
      notes.push(`The comparison month ${quote(rawMonth)} is not a month such as 2026-04, so it was ignored.`);
    else if (parsed.data < from || parsed.data > Math.min(to, thisMonth - 1))
      notes.push(
        `The comparison month ${quote(rawMonth)} is not a complete month of the period, so the latest complete month with data is compared.`,
      );
    else compareMonth = parsed.data;
  }

  return { filters: { from, to, area, collaborative, map, month: compareMonth }, notes };
}

/** The query string for a set of filters (with overrides), for links, the form and CSV downloads. */
export function filtersQuery(
  filters: DashboardFilters,
  overrides: Partial<DashboardFilters> = {},
  options: { omitCollaborative?: boolean } = {},
): string {
  const f = { ...filters, ...overrides };
  const params = new URLSearchParams({ from: monthParam(f.from), to: monthParam(f.to) });
  if (f.area) params.set("area", f.area);
  if (f.collaborative && !options.omitCollaborative) params.set("collaborative", f.collaborative);
  if (f.map !== "projects") params.set("map", f.map);
  if (f.month !== null) params.set("month", monthParam(f.month));
  return params.toString();
}

/** The complete months of the period (those before this month), latest first: the funnel's choices. */
export function completeMonths(filters: Pick<DashboardFilters, "from" | "to">, now = new Date()): MonthIndex[] {
  const last = Math.min(filters.to, monthIndexOf(now) - 1);
  return Array.from({ length: Math.max(0, last - filters.from + 1) }, (_, i) => last - i);
}

/** Every month of the period, for SQL array overlap and for filling empty months. */
export function periodMonths(filters: Pick<DashboardFilters, "from" | "to">): MonthIndex[] {
  return Array.from({ length: filters.to - filters.from + 1 }, (_, i) => filters.from + i);
}
