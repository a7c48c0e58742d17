import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { SERVICE_UNAVAILABLE_MESSAGE, isDatabaseUnavailableError, markDatabaseDown } from "@/lib/db-availability";

/** The one shape every form action returns: what happened, errors by field, and what was typed. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** Set by actions that created something, e.g. an id to link to. */
  data?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };

/** Everything typed into a form, as strings, so a failed submission can show it again. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/** Field messages from a zod error, first message per field (the NHS pattern shows one). */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Runs a domain call for a form action (the builder in ./action.ts runs every handler through it). Known errors reach the person; anything else is logged and
 * shown as a generic message. What they typed always comes back.
 */
export async function runForm(formData: FormData, work: () => Promise<FormState | void>): Promise<FormState> {
  try {
    return (await work()) ?? { ok: true };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    if (error instanceof DomainError) {
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values: formValues(formData) };
    }
    if (isDatabaseUnavailableError(error)) {
      // Transactions roll back when the connection goes, so nothing was half-saved.
      markDatabaseDown();
      return { ok: false, message: SERVICE_UNAVAILABLE_MESSAGE, values: formValues(formData) };
    }
    console.error(error);
    return {
      ok: false,
      message: "Sorry, something went wrong and your changes were not saved. Please try again.",
      values: formValues(formData),
    };
  }
}

/** redirect() and notFound() work by throwing: let them through. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND")
  );
}

/**
 * Text as it can be stored: PostgreSQL text holds no NUL character (the insert fails), and a lone
 * UTF-16 surrogate cannot be written as UTF-8 (the driver would store U+FFFD instead of what was sent).
 * Line breaks are kept as \n: browsers send a text area's as \r\n, which would count twice against a
 * length limit. Every form value passes through this before its schema sees it, so what is validated
 * is what is saved.
 */
export function storableText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replaceAll("\0", "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * FormData as a plain object for zod (every action parses through this): `arrays` keys keep every value (checkboxes, multi-selects);
 * `files` keys keep an uploaded File (or undefined when none was chosen);
 * `dates` keys are read from the NHS date input's three fields (`<name>-day`, `-month`, `-year`)
 * as "yyyy-m-d", or "" when all three are empty (validate the result with zod).
 */
export type FormObjectOptions = { arrays?: readonly string[]; dates?: readonly string[]; files?: readonly string[] };

export function formObject(formData: FormData, options: FormObjectOptions = {}): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    if (!(key in object)) object[key] = storableText(value);
  }
  for (const key of options.arrays ?? [])
    object[key] = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string" && v !== "")
      .map(storableText);
  for (const key of options.dates ?? []) {
    const part = (suffix: string) => storableText(String(formData.get(`${key}-${suffix}`) ?? "")).trim();
    const [day, month, year] = [part("day"), part("month"), part("year")];
    object[key] = day || month || year ? `${year}-${month}-${day}` : "";
  }
  // An uploaded file as the File itself (its schema checks and reads it); none chosen is no file.
  for (const key of options.files ?? []) {
    const file = formData.get(key);
    object[key] = file instanceof File && file.size > 0 ? file : undefined;
  }
  return object;
}
