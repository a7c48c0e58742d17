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
 * FormData as a plain object for zod: `arrays` keys keep every value (checkboxes, multi-selects);
 * `dates` keys are read from the NHS date input's three fields (`<name>-day`, `-month`, `-year`)
 * as "yyyy-m-d", or "" when all three are empty (validate the result with zod).
 */
export function formObject(formData: FormData, options: { arrays?: readonly string[]; dates?: readonly string[] } = {}): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    if (!(key in object)) object[key] = value;
  }
  for (const key of options.arrays ?? []) object[key] = formData.getAll(key).filter((v): v is string => typeof v === "string" && v !== "");
  for (const key of options.dates ?? []) {
    const part = (suffix: string) => String(formData.get(`${key}-${suffix}`) ?? "").trim();
    const [day, month, year] = [part("day"), part("month"), part("year")];
    object[key] = day || month || year ? `${year}-${month}-${day}` : "";
  }
  return object;
}
