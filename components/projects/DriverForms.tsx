"use client";
// Small forms for editing the driver diagram one change at a time. Each works without JavaScript
// (a plain POST to the server action) and shows its error beside its own field. Ids are prefixed
// per form because many of these share a page.
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import { useFormAction } from "@/components/ui/use-form-action";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mb-2 font-bold text-nhs-red" role="alert">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  );
}

const inputClass = (error?: string) =>
  `block w-full max-w-xl border-2 bg-white px-2 py-1.5 ${error ? "border-nhs-red" : "border-nhs-grey-1"}`;

export function InlineTextForm({
  action,
  hidden,
  name,
  label,
  defaultValue = "",
  submitLabel,
  idPrefix,
  maxLength = 300,
}: {
  action: Action;
  hidden: Record<string, string>;
  name: string;
  label: string;
  defaultValue?: string;
  submitLabel: string;
  idPrefix: string;
  maxLength?: number;
}) {
  const { formAction, pending, values, errors, problem } = useFormAction(action, {
    initial: { [name]: defaultValue },
    resetOnSuccess: true,
  });
  const error = errors[name] ?? problem;
  const id = `${idPrefix}-${name}`;
  return (
    <form action={formAction} noValidate className={`mt-2 ${error ? "border-l-4 border-nhs-red pl-3" : ""}`}>
      <Hidden fields={hidden} />
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <FieldError id={`${id}-error`} error={error} />
      <input
        id={id}
        name={name}
        defaultValue={values[name]}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass(error)}
      />
      <Button variant="secondary" className="mt-2 mb-2" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

export function ChangeIdeaForm({
  action,
  hidden,
  drivers,
  idPrefix,
  initial,
  submitLabel,
}: {
  action: Action;
  hidden: Record<string, string>;
  drivers: { id: string; text: string; depth: 1 | 2 }[];
  idPrefix: string;
  initial?: { title: string; description: string; driverNodeId: string };
  submitLabel: string;
}) {
  const {
    formAction,
    pending,
    values,
    errors,
    problem: message,
  } = useFormAction(action, {
    initial: initial ?? { title: "", description: "", driverNodeId: "" },
    resetOnSuccess: true,
  });
  return (
    <form action={formAction} noValidate className="mt-2">
      <Hidden fields={hidden} />
      {message && !Object.keys(errors).length && <FieldError id={`${idPrefix}-message`} error={message} />}
      <div className={errors.title ? "border-l-4 border-nhs-red pl-3" : ""}>
        <label htmlFor={`${idPrefix}-title`} className="mb-1 block font-bold">
          Change idea
        </label>
        <FieldError id={`${idPrefix}-title-error`} error={errors.title} />
        <input
          id={`${idPrefix}-title`}
          name="title"
          defaultValue={values.title}
          maxLength={300}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${idPrefix}-title-error` : undefined}
          className={inputClass(errors.title)}
        />
      </div>
      <label htmlFor={`${idPrefix}-description`} className="mt-3 mb-1 block font-bold">
        Description (optional)
      </label>
      <FieldError id={`${idPrefix}-description-error`} error={errors.description} />
      <textarea
        id={`${idPrefix}-description`}
        name="description"
        rows={2}
        defaultValue={values.description}
        maxLength={2000}
        className={inputClass(errors.description)}
      />
      <label htmlFor={`${idPrefix}-driver`} className="mt-3 mb-1 block font-bold">
        The driver it works on
      </label>
      <FieldError id={`${idPrefix}-driver-error`} error={errors.driverNodeId} />
      <select
        id={`${idPrefix}-driver`}
        name="driverNodeId"
        defaultValue={values.driverNodeId}
        className={inputClass(errors.driverNodeId)}
      >
        <option value="">Not linked to a driver yet</option>
        {drivers.map((d) => (
          <option key={d.id} value={d.id}>
            {d.depth === 2 ? `– ${d.text}` : d.text}
          </option>
        ))}
      </select>
      <Button variant="secondary" className="mt-3 mb-2" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** A button that runs an action and shows why it could not (e.g. a change idea that has cycles). */
export function ActionButton({
  action,
  hidden,
  label,
  srLabel,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  srLabel?: string;
}) {
  const { formAction, pending, problem } = useFormAction(action);
  return (
    <form action={formAction} className="inline">
      <Hidden fields={hidden} />
      <button type="submit" disabled={pending} className="cursor-pointer text-[#8c1c13] underline">
        {label}
        {srLabel && <span className="sr-only"> {srLabel}</span>}
      </button>
      {problem && (
        <span role="alert" className="block font-bold text-nhs-red">
          {problem}
        </span>
      )}
    </form>
  );
}
