"use client";
import { useEffect, useRef } from "react";
import { fieldId } from "./field-id";

/** NHS error summary: at the top of the form, focused when it appears, each error linking to its field. */
export function ErrorSummary({ errors, message }: { errors?: Record<string, string>; message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // One line per distinct text: a stale page can fail several hidden fields with the same message.
  const entries = Object.entries(errors ?? {}).filter(([, text], i, all) => all.findIndex(([, t]) => t === text) === i);
  // A refusal often names its field too (DomainError(text, { field: text })): then the link says it once.
  const lead = message && !entries.some(([, text]) => text === message) ? message : undefined;
  const visible = entries.length > 0 || Boolean(lead);
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, errors, message]);
  if (!visible) return null;
  return (
    <div
      ref={ref}
      className="mb-8 border-4 border-nhs-red bg-white p-4 focus:outline-4 focus:outline-nhs-focus sm:p-6"
      aria-labelledby="error-summary-title"
      role="alert"
      tabIndex={-1}
    >
      <h2 id="error-summary-title" className="mb-4 text-2xl">
        There is a problem
      </h2>
      {lead && <p className="font-bold">{lead}</p>}
      {entries.length > 0 && (
        <ul className="mb-0 space-y-2">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a className="font-bold text-nhs-red! underline" href={`#${fieldId(field)}`}>
                {text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export { fieldId };
