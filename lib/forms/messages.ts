/**
 * What a person reads when a field fails a check its schema gave no words for. Zod's own texts
 * ("Invalid input: expected string, received undefined") are for developers; the action builder
 * parses every form with this map. A schema's own message always wins over it.
 */
import type { z } from "zod";

/** A field the page wrote is missing or not what it wrote: an old or tampered page. */
export const FORM_CHANGED = "This form has changed since you opened it. Reload the page and try again.";

const count = (n: number | bigint) => Number(n).toLocaleString("en-GB");

export const personError: z.core.$ZodErrorMap = (issue) => {
  // A browser sends every field of the page it shows (a radio or checkbox left empty has its own message).
  if (issue.input === undefined) return FORM_CHANGED;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? FORM_CHANGED : `Enter at least ${count(issue.minimum)} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `Select at least ${count(issue.minimum)}`;
      if (issue.origin === "number" || issue.origin === "int")
        return `Enter a number of ${count(issue.minimum)} or more`;
      return FORM_CHANGED;
    case "too_big":
      if (issue.origin === "string") return `Enter ${count(issue.maximum)} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `Select ${count(issue.maximum)} or fewer`;
      if (issue.origin === "number" || issue.origin === "int")
        return `Enter a number of ${count(issue.maximum)} or less`;
      return FORM_CHANGED;
    case "invalid_format":
      if (issue.format === "email") return "Enter an email address in the correct format, like name@example.com";
      if (issue.format === "url") return "Enter a web address that starts with https://";
      return FORM_CHANGED;
    default:
      // Wrong types, options the page never offered, unexpected fields, checks with no words of their own.
      return FORM_CHANGED;
  }
};
