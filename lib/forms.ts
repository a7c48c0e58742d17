import type { z } from "zod";
import { notFound } from "next/navigation";
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

export function invalid(error: z.ZodError, formData: FormData): FormState {
  return { ok: false, fieldErrors: fieldErrorsFrom(error), values: formValues(formData) };
}

/**
 * Runs a domain call for a form action. Known errors reach the person; anything else is logged and
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
    return { ok: false, message: "Sorry, something went wrong and your changes were not saved. Please try again.", values: formValues(formData) };
  }
}

/** redirect() and notFound() work by throwing: let them through. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

/**
 * Text as it can be stored: PostgreSQL text holds no NUL character (the insert fails), and a lone
 * UTF-16 surrogate cannot be written as UTF-8 (the driver would store U+FFFD instead of what was sent).
 * Line breaks are kept as \n: browsers send a text area's as \r\n, which would count twice against a
 * length limit. Every form value passes through this before its schema sees it, so what is validated
 * is what is saved.
 */
export function storableText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/\u0000/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * FormData as a plain object for zod (every action parses through this): `arrays` keys keep every value (checkboxes, multi-selects);
 * `dates` keys are read from the NHS date input's three fields (`<name>-day`, `-month`, `-year`)
 * as "yyyy-m-d", or "" when all three are empty (validate the result with zod).
 */
export function formObject(formData: FormData, options: { arrays?: readonly string[]; dates?: readonly string[] } = {}): Record<string, unknown> {
  // An action is a public endpoint: a hand-made request can pass any argument where the form's data goes.
  if (!(formData instanceof FormData)) notFound();
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    if (!(key in object)) object[key] = storableText(value);
  }
  for (const key of options.arrays ?? []) object[key] = formData.getAll(key).filter((v): v is string => typeof v === "string" && v !== "").map(storableText);
  for (const key of options.dates ?? []) {
    const part = (suffix: string) => storableText(String(formData.get(`${key}-${suffix}`) ?? "")).trim();
    const [day, month, year] = [part("day"), part("month"), part("year")];
    object[key] = day || month || year ? `${year}-${month}-${day}` : "";
  }
  return object;
}

/**
 * For the small buttons posted as plain forms, with no form state to answer in (move, remove…): their
 * input is hidden fields the page wrote, so a post that does not parse, or that the domain refuses, is
 * stale or tampered with. It gets the not-found page, never an error page; anything else is thrown.
 */
export async function runButton<T>(formData: FormData, schema: z.ZodType<T, unknown>, work: (input: T) => Promise<void>): Promise<void> {
  const parsed = schema.safeParse(formObject(formData));
  if (!parsed.success) notFound();
  try {
    await work(parsed.data);
  } catch (error) {
    if (error instanceof DomainError) notFound();
    throw error;
  }
}
