import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  chosenId,
  idField,
  idOrEmpty,
  optionalId,
  optionalText,
  pageNumber,
  requiredText,
  text,
  versionField,
} from "@/lib/schema-fields";

const messageOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe("the shared form fields", () => {
  it("trims text and names the field in the length message, with the number written the UK way", () => {
    expect(text(5000, "The plan").parse("  a plan  ")).toBe("a plan");
    expect(messageOf(text(5000, "The plan"), "x".repeat(5001))).toBe("The plan must be 5,000 characters or fewer");
    expect(messageOf(text(150, "The title"), "x".repeat(151))).toBe("The title must be 150 characters or fewer");
  });

  it("asks for required text that is missing or blank, and can ask for a minimum length", () => {
    expect(messageOf(requiredText(200, "Title", "Enter a title"), "   ")).toBe("Enter a title");
    expect(messageOf(requiredText(200, "Title", "Enter at least 3", { min: 3 }), " ab ")).toBe("Enter at least 3");
    expect(requiredText(200, "Title", "Enter at least 3", { min: 3 }).parse(" abc ")).toBe("abc");
  });

  it("reads optional text that is missing as empty", () => {
    expect(optionalText(100, "Note").parse(undefined)).toBe("");
    expect(z.object({ note: optionalText(100, "Note") }).parse({})).toEqual({ note: "" });
    expect(messageOf(optionalText(2000, "The description"), "x".repeat(2001))).toBe(
      "The description must be 2,000 characters or fewer",
    );
  });

  it("cleans free text on request: one \\n per line break and no control characters, before counting", () => {
    const clean = text(4, "Said", { clean: true });
    expect(clean.parse("a\r\nb\u0000\u0007")).toBe("a\nb");
    expect(clean.safeParse("ab\r\nc").success).toBe(true); // 4 characters once \r\n is \n
    expect(text(4, "Said").safeParse("ab\r\nc").success).toBe(false);
    expect(optionalText(10, "Postcode", { clean: true }).parse(undefined)).toBe("");
    expect(messageOf(requiredText(10, "What happened", "Enter what happened", { clean: true }), "\r\n\u0001 ")).toBe(
      "Enter what happened",
    );
  });

  it("accepts only short ids of plain characters", () => {
    expect(idField.parse(" cm1abc_D-9 ")).toBe("cm1abc_D-9");
    for (const bad of ["", "   ", "x".repeat(41), "a b", "../etc", "a;drop"])
      expect(idField.safeParse(bad).success, bad).toBe(false);
    expect(messageOf(chosenId("Select your organisation"), "")).toBe("Select your organisation");
    expect(optionalId.parse("")).toBeNull();
    expect(optionalId.parse(undefined)).toBeNull();
    expect(idOrEmpty.parse(undefined)).toBe("");
  });

  it("reads versions and page numbers", () => {
    expect(versionField.parse("3")).toBe(3);
    expect(versionField.safeParse("0").success).toBe(false);
    expect(pageNumber.parse("2")).toBe(2);
    expect(pageNumber.parse("-3")).toBe(1);
    expect(pageNumber.parse(undefined)).toBe(1);
  });
});
