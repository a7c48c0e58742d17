"use client";
import { useEffect, useRef } from "react";
import { fieldId } from "./field-id";

/** GOV.UK and NHS.UK: a page showing form errors has this before its title, so a screen reader hears it first. */
const ERROR_TITLE_PREFIX = "Error: ";

/**
 * NHS error summary: at the top of the form, focused when it appears, each error linking to its field.
 * `order`: the form's field names in the order of its questions, so the list reads as the page does
 * (errors arrive in the schema's order); a field not named keeps its place after those named.
 * While it shows, the page's title starts with "Error: " (done in the browser: see the README's known
 * gap about titles without JavaScript).
 */
export function ErrorSummary({
  errors,
  message,
  order,
}: {
  errors?: Record<string, string>;
  message?: string;
  order?: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const rank = (field: string) => {
    const at = order?.indexOf(field) ?? -1;
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  // One line per distinct text: a stale page can fail several hidden fields with the same message.
  const entries = Object.entries(errors ?? {})
    .filter(([, text], i, all) => all.findIndex(([, t]) => t === text) === i)
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.i - b.i)
    .map(({ entry }) => entry);
  // A refusal often names its field too (DomainError(text, { field: text })): then the link says it once.
  const lead = message && !entries.some(([, text]) => text === message) ? message : undefined;
  const visible = entries.length > 0 || Boolean(lead);
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, errors, message]);
  useEffect(() => {
    if (!visible) return;
    if (!document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = `${ERROR_TITLE_PREFIX}${document.title}`;
    return () => {
      if (document.title.startsWith(ERROR_TITLE_PREFIX))
        document.title = document.title.slice(ERROR_TITLE_PREFIX.length);
    };
  }, [visible]);
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
