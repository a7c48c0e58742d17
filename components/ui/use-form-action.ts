"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/forms";
import { readConflict } from "@/lib/forms/conflict";

export type FormStateAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The one set-up of a form with state (useActionState over a builder action). `formAction` goes in
 * `<form action>`, so the form works before JavaScript loads. What to show: `values` to refill the fields (`field`/`dateField` hand a field its share)
 * (what was typed over `initial`; `initial` again after a success when `resetOnSuccess`), `errors` by
 * field, the `problem` of a refusal, the `success` message, and any edit `conflict`.
 */
export function useFormAction(
  action: FormStateAction,
  options: { initial?: Record<string, string>; resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const initial = options.initial ?? {};
  const values = (state.ok && options.resetOnSuccess ? initial : { ...initial, ...state.values }) as Record<
    string,
    string | undefined
  >;
  const errors = state.fieldErrors ?? {};
  return {
    state,
    formAction,
    pending,
    values,
    errors,
    /** What a field takes from the form: its name, the value to show in it and its error. */
    field: (name: string) => ({ name, defaultValue: values[name], error: errors[name] }),
    /** The same for a DateField, whose value comes back as three parts. */
    dateField: (name: string) => ({
      name,
      defaultDay: values[`${name}-day`],
      defaultMonth: values[`${name}-month`],
      defaultYear: values[`${name}-year`],
      error: errors[name],
    }),
    problem: state.ok ? undefined : state.message,
    success: state.ok ? state.message : undefined,
    conflict: readConflict(state),
  };
}
