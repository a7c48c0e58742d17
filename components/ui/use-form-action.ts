"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/forms";
import { readConflict } from "@/lib/forms/conflict";

export type FormStateAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The one set-up of a form with state (useActionState over a builder action). `formAction` goes in
 * `<form action>`, so the form works before JavaScript loads. What to show: `values` to refill the fields
 * (what was typed over `initial`; `initial` again after a success when `resetOnSuccess`), `errors` by
 * field, the `problem` of a refusal, the `success` message, and any edit `conflict`.
 */
export function useFormAction(
  action: FormStateAction,
  options: { initial?: Record<string, string>; resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const initial = options.initial ?? {};
  return {
    state,
    formAction,
    pending,
    values: (state.ok && options.resetOnSuccess ? initial : { ...initial, ...state.values }) as Record<
      string,
      string | undefined
    >,
    errors: state.fieldErrors ?? {},
    problem: state.ok ? undefined : state.message,
    success: state.ok ? state.message : undefined,
    conflict: readConflict(state),
  };
}
