import { z } from "zod";

// The zod fields every domain's schemas.ts builds its forms from, so that a field behaves, and its
// message reads, the same on every form. Messages follow the NHS error message style.

const tooLong = (label: string, max: number) => `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`;

type TextOptions = {
  /**
   * Free text written at length (a safety concern): line breaks as \n (browsers send \r\n, which would
   * count twice against the limit) and no control characters, before the length is checked.
   */
  clean?: boolean;
};

function cleanText(s: string) {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/(?![\t\n\r\u0080-\u009F])\p{Cc}/gu, "")
    .trim();
}

/** Trimmed text of at most `max` characters; `label` names it in the message ("Title must be 200 characters or fewer"). */
export function text(max: number, label: string, options: TextOptions = {}): z.ZodType<string, string> {
  if (options.clean)
    return z
      .string()
      .transform(cleanText)
      .pipe(z.string().max(max, tooLong(label, max)));
  return z.string().trim().max(max, tooLong(label, max));
}

/** Text that must be given (at least `min` characters after trimming, 1 unless said): `missing` says what to enter. */
export function requiredText(
  max: number,
  label: string,
  missing: string,
  options: TextOptions & { min?: number } = {},
) {
  return text(max, label, options).pipe(z.string().min(options.min ?? 1, missing));
}

/** Text that may be left out: missing or blank is "". */
export function optionalText(max: number, label: string, options: TextOptions = {}) {
  return text(max, label, options).default("");
}

/** The id of a row, from a hidden field or a URL segment: ids are short and use no other characters. */
export const idField = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A row chosen from a list (a select or radios): `missing` asks for the choice. */
export const chosenId = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(40, missing)
    .regex(/^[A-Za-z0-9_-]+$/, missing);

/** An id that may be left empty: null when it is. */
export const optionalId = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => (v ? v : null));

/** An id that may be left empty, kept as "" (for forms whose rules compare with ""). */
export const idOrEmpty = z.string().trim().max(40).default("");

/** The version of the record the form was loaded with, for optimistic concurrency. */
export const versionField = z.coerce.number().int().min(1);

/** A page of a list, from the URL: anything that is not a page number is the first page. */
export const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);

/**
 * A date from the NHS date input (see formObject in lib/forms.ts: "yyyy-m-d", or "" when empty),
 * as a UTC calendar date.
 */
export function dateField(label: string, options: { required: true }): z.ZodType<Date, string>;
export function dateField(label: string, options?: { required?: false }): z.ZodType<Date | null, string>;
export function dateField(label: string, options: { required?: boolean } = {}): z.ZodType<Date | null, string> {
  return z.string().transform((text, ctx) => {
    if (text === "") {
      if (options.required) ctx.addIssue({ code: "custom", message: `Enter ${label}` });
      return options.required ? z.NEVER : null;
    }
    const [year, month, day] = text.split("-");
    if (!day) {
      ctx.addIssue({ code: "custom", message: `${capitalise(label)} must include a day` });
      return z.NEVER;
    }
    if (!month) {
      ctx.addIssue({ code: "custom", message: `${capitalise(label)} must include a month` });
      return z.NEVER;
    }
    if (!year) {
      ctx.addIssue({ code: "custom", message: `${capitalise(label)} must include a year` });
      return z.NEVER;
    }
    const [y, m, d] = [Number(year), Number(month), Number(day)];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (
      !/^\d{4}$/.test(year) ||
      !/^\d{1,2}$/.test(month) ||
      !/^\d{1,2}$/.test(day) ||
      date.getUTCMonth() !== m - 1 ||
      date.getUTCDate() !== d ||
      y < 1990 ||
      y > 2100
    ) {
      ctx.addIssue({ code: "custom", message: `${capitalise(label)} must be a real date, like 27 3 2024` });
      return z.NEVER;
    }
    return date;
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
