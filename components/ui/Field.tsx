import type { ReactNode } from "react";
import { fieldId } from "./field-id";

type Common = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shown again after a failed submission; otherwise the initial value. */
  defaultValue?: string;
  required?: boolean;
  className?: string;
};

function FieldWrapper({
  name,
  label,
  hint,
  error,
  children,
  legend = false,
}: Common & { children: ReactNode; legend?: boolean }) {
  const id = fieldId(name);
  const inner = (
    <>
      {hint && (
        <div id={`${id}-hint`} className="mb-2 text-nhs-secondary-text">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="mb-2 font-bold text-nhs-red">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      {children}
    </>
  );
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      {legend ? (
        <fieldset aria-describedby={describedBy(name, hint, error)}>
          <legend className="mb-2 font-bold">{label}</legend>
          {inner}
        </fieldset>
      ) : (
        <>
          <label htmlFor={id} className="mb-2 block font-bold">
            {label}
          </label>
          {inner}
        </>
      )}
    </div>
  );
}

function describedBy(name: string, hint: unknown, error: unknown) {
  const id = fieldId(name);
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

const inputClass = (error?: string) =>
  `block w-full border-2 bg-white px-2 py-1.5 text-nhs-text ${error ? "border-nhs-red" : "border-nhs-grey-1"}`;

/** `list`: the id of a <datalist> of suggestions (a searchable list that needs no JavaScript). */
export function TextField(
  props: Common & {
    type?: string;
    autoComplete?: string;
    inputMode?: "numeric" | "decimal" | "email" | "text" | "tel";
    width?: string;
    maxLength?: number;
    spellCheck?: boolean;
    list?: string;
  },
) {
  const {
    name,
    error,
    hint,
    defaultValue,
    required,
    type = "text",
    autoComplete,
    inputMode,
    width,
    maxLength,
    spellCheck,
    list,
  } = props;
  return (
    <FieldWrapper {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        spellCheck={spellCheck}
        list={list}
        className={`${inputClass(error)} ${width ?? "max-w-xl"}`}
      />
    </FieldWrapper>
  );
}

export function TextArea(props: Common & { rows?: number; maxLength?: number }) {
  const { name, error, hint, defaultValue, required, rows = 5, maxLength } = props;
  return (
    <FieldWrapper {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        maxLength={maxLength}
        className={`${inputClass(error)} max-w-3xl`}
      />
    </FieldWrapper>
  );
}

export type Option = { value: string; label: string; hint?: string };

export function SelectField(props: Common & { options: Option[]; placeholder?: string }) {
  const { name, error, hint, defaultValue, required, options, placeholder } = props;
  return (
    <FieldWrapper {...props}>
      {/* Keyed on the default: React 19 resets a form after its action, and a <select> whose default
          changed since it mounted goes back to its first default (react#30580), losing what was chosen. */}
      <select
        key={defaultValue ?? ""}
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={`${inputClass(error)} max-w-xl`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrapper>
  );
}

/** Radios or checkboxes in a fieldset; the first input carries the field id for the error summary. */
export function ChoiceField(
  props: Common & { options: Option[]; multiple?: boolean; defaultValues?: string[]; inline?: boolean },
) {
  const { name, error, options, multiple, defaultValue, defaultValues, inline } = props;
  const selected = new Set(defaultValues ?? (defaultValue ? defaultValue.split(",") : []));
  return (
    <FieldWrapper {...props} legend>
      <div className={inline ? "flex flex-wrap gap-6" : "space-y-3"}>
        {options.map((o, i) => {
          const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`;
          return (
            <div key={o.value} className="flex items-start gap-3">
              <input
                id={id}
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                aria-invalid={error ? true : undefined}
                className="mt-1 size-7 shrink-0 accent-nhs-blue"
              />
              <label htmlFor={id}>
                {o.label}
                {o.hint && <span className="block text-nhs-secondary-text">{o.hint}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </FieldWrapper>
  );
}

/** NHS date input: day, month and year as three numeric fields. */
export function DateField(props: Common & { defaultDay?: string; defaultMonth?: string; defaultYear?: string }) {
  const { name, error, defaultDay, defaultMonth, defaultYear } = props;
  const part = (suffix: string, label: string, value: string | undefined, width: string, first = false) => (
    <div>
      <label htmlFor={first ? fieldId(name) : `${fieldId(name)}-${suffix}`} className="block">
        {label}
      </label>
      <input
        id={first ? fieldId(name) : `${fieldId(name)}-${suffix}`}
        name={`${name}-${suffix}`}
        inputMode="numeric"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        className={`${inputClass(error)} ${width}`}
      />
    </div>
  );
  return (
    <FieldWrapper {...props} legend>
      <div className="flex gap-4">
        {part("day", "Day", defaultDay, "w-16", true)}
        {part("month", "Month", defaultMonth, "w-16")}
        {part("year", "Year", defaultYear, "w-24")}
      </div>
    </FieldWrapper>
  );
}
