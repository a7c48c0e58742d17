// The error summary lists each message once: a refusal whose message is also a field's error (the
// measure's "… is before the project started" was both) must not appear twice (issue 15).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

const occurrences = (html: string, text: string) => html.split(text).length - 1;

describe("ErrorSummary", () => {
  it("shows a message that is also a field's error once, as the link to the field", () => {
    const text = "Sept 2025 is before the project started (1 Oct 2025)";
    const html = renderToStaticMarkup(createElement(ErrorSummary, { message: text, errors: { period: text } }));
    expect(occurrences(html, text)).toBe(1);
    expect(html).toContain('href="#field-period"');
  });

  it("shows the same field error for several fields once", () => {
    const text = "This form has changed since you opened it. Reload the page and try again.";
    const html = renderToStaticMarkup(
      createElement(ErrorSummary, { errors: { a: text, b: text, c: "Enter a title" } }),
    );
    expect(occurrences(html, text)).toBe(1);
    expect(occurrences(html, "Enter a title")).toBe(1);
  });

  it("keeps a message that says something the fields do not", () => {
    const html = renderToStaticMarkup(
      createElement(ErrorSummary, { message: "Check the highlighted answers", errors: { title: "Enter a title" } }),
    );
    expect(html).toContain("Check the highlighted answers");
    expect(html).toContain("Enter a title");
  });
});
