import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FORM_CHANGED, personError } from "@/lib/forms/messages";

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input, { error: personError });
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("messages for checks a schema gave no words for", () => {
  it("a missing field or a value of the wrong kind means the page changed", () => {
    const schema = z.object({
      id: z.string().min(1),
      version: z.coerce.number().int().min(1),
      kind: z.enum(["A", "B"]),
    });
    expect(messages(schema, {})).toEqual([FORM_CHANGED, FORM_CHANGED, FORM_CHANGED]);
    expect(messages(schema, { id: "", version: "NaN", kind: "C" })).toEqual([FORM_CHANGED, FORM_CHANGED, FORM_CHANGED]);
  });

  it("lengths, counts and ranges are said in words", () => {
    expect(messages(z.string().max(1000), "x".repeat(1001))).toEqual(["Enter 1,000 characters or fewer"]);
    expect(messages(z.string().min(20), "short")).toEqual(["Enter at least 20 characters"]);
    expect(messages(z.array(z.string()).max(2), ["a", "b", "c"])).toEqual(["Select 2 or fewer"]);
    expect(messages(z.coerce.number().max(10_000), "20000")).toEqual(["Enter a number of 10,000 or less"]);
    expect(messages(z.email(), "not an address")).toEqual([
      "Enter an email address in the correct format, like name@example.com",
    ]);
  });

  it("never replaces the schema's own message", () => {
    expect(messages(z.object({ confirm: z.literal("yes", "Confirm that you want to delete it") }), {})).toEqual([
      "Confirm that you want to delete it",
    ]);
    expect(messages(z.string().min(1, "Enter a title"), "")).toEqual(["Enter a title"]);
  });
});
