/**
 * The action builder: every server action is declared as a schema and a handler. The builder reads the
 * form through the schema (every field, with messages written for people), loads the viewer, runs the
 * handler, and turns known errors into the form state (runForm's rules; a lost edit race becomes its
 * comparison). What was typed always comes back, except the fields named secret. The handler gets
 * the parsed input, the viewer and what was typed; it returns a FormState, nothing (done), or redirects.
 */
import { z } from "zod";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/auth/viewer-types";
import { DomainError } from "@/lib/errors";
import { EditConflictError, conflictState } from "./conflict";
import { fieldErrorsFrom, formObject, formValues, runForm, type FormObjectOptions, type FormState } from "./index";
import { personError } from "./messages";

export type FormContext<Input> = {
  input: Input;
  viewer: Viewer;
  /** What was typed, as strings (secrets left out): for states that show the form again. */
  values: Record<string, string>;
};

type FormActionOptions<Schema extends z.ZodType> = FormObjectOptions & {
  /**
   * The form's schema; or, for one form that posts several shapes (preview or save, create or edit),
   * a choice of schema by what was posted, which then checks every field.
   */
  schema: Schema | ((posted: Record<string, unknown>) => Schema);
  /** Fields never sent back to the browser, even to refill the form (passwords, the honeypot). */
  secret?: readonly string[];
  handler: (context: FormContext<z.output<Schema>>) => Promise<FormState | void>;
};

/** Reads a form through its schema; the failure is the state to answer with. */
async function parse<Schema extends z.ZodType>(
  schema: Schema | ((posted: Record<string, unknown>) => Schema),
  formData: FormData,
  options: FormObjectOptions,
) {
  const posted = formObject(formData, options);
  return (typeof schema === "function" ? schema(posted) : schema).safeParseAsync(posted, { error: personError });
}

/** An action for a form with state (useActionState): `(previous, formData) => FormState`. */
export function formAction<Schema extends z.ZodType>(
  options: FormActionOptions<Schema>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  const hide = (state: FormState): FormState => {
    if (!state.values || !options.secret?.length) return state;
    const values = Object.fromEntries(Object.entries(state.values).filter(([key]) => !options.secret!.includes(key)));
    return { ...state, values };
  };
  return async (_previous, formData) => {
    // An action is a public endpoint: a hand-made request can pass any argument where the form's data goes.
    if (!(formData instanceof FormData)) notFound();
    const values = hide({ ok: false, values: formValues(formData) }).values!;
    const parsed = await parse(options.schema, formData, options);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error), values };
    const viewer = await getViewer();
    const state = await runForm(formData, async () => {
      try {
        return await options.handler({ input: parsed.data, viewer, values });
      } catch (error) {
        if (error instanceof EditConflictError) return conflictState(error, formData);
        throw error;
      }
    });
    return hide(state);
  };
}

/**
 * An action for the small buttons posted as plain forms, with no state to answer in (move, remove…):
 * their input is hidden fields the page wrote, so a post that does not parse, or that the domain
 * refuses, is stale or tampered with. It gets the not-found page, never an error page.
 */
export function buttonAction<Schema extends z.ZodType>(options: {
  schema: Schema;
  handler: (context: Omit<FormContext<z.output<Schema>>, "values">) => Promise<void>;
}): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const parsed = await parse(options.schema, formData, {});
    if (!parsed.success) notFound();
    const viewer = await getViewer();
    try {
      await options.handler({ input: parsed.data, viewer });
    } catch (error) {
      if (error instanceof DomainError) notFound();
      throw error;
    }
  };
}

/**
 * A slug the page sends only to build the paths to refresh and redirect to; the domain functions never
 * trust it, so anything unexpected is just "" (no message).
 */
export const pathSlug = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/)
  .catch("");

/** A form's schema plus the `collaborativeSlug` its page sends for the paths to refresh (see pathSlug). */
export function withCollaborativeSlug<Schema extends z.ZodType>(schema: Schema) {
  return schema.and(z.object({ collaborativeSlug: pathSlug }));
}
