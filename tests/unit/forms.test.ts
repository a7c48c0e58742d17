// formObject is every action's first reading of its input: anything but FormData (a hand-made request
// to an action can pass any value there) gets the not-found page, never an error.
import { describe, expect, it } from "vitest";
import { formObject } from "@/lib/forms";

describe("formObject", () => {
  it.each([
    ["text", "x"],
    ["nothing", undefined],
    ["an object", { whatHappened: "x" }],
    ["a list", ["x"]],
  ])("answers not found when given %s instead of form data", (_name, value) => {
    let thrown: unknown;
    try {
      formObject(value as unknown as FormData);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { digest?: string } | undefined)?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("reads form data as before", () => {
    const form = new FormData();
    form.append("name", "Ward 3\u0000");
    form.append("$ACTION_ID_1", "");
    expect(formObject(form)).toEqual({ name: "Ward 3" });
  });
});
