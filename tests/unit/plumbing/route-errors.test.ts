import { afterEach, describe, expect, it } from "vitest";
import { orNotFound } from "@/lib/route-errors";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";

async function digestOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return String((error as { digest?: unknown }).digest ?? (error as Error).message);
  }
  return "resolved";
}

describe("orNotFound, the one not-found helper for pages", () => {
  afterEach(() => {
    delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
  });

  it("passes the value through", async () => {
    await expect(orNotFound(Promise.resolve(42))).resolves.toBe(42);
  });

  it("turns a record that is missing, or that the viewer may not see, into the same not-found page", async () => {
    expect(await digestOf(orNotFound(Promise.reject(new NotFoundError())))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(orNotFound(Promise.reject(new ForbiddenError())))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("shows the 403 page for a missing role only when the page asks for it", async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true"; // what next.config's authInterrupts sets
    expect(await digestOf(orNotFound(Promise.reject(new ForbiddenError()), { forbidden: "403" }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;403",
    );
    expect(await digestOf(orNotFound(Promise.reject(new NotFoundError()), { forbidden: "403" }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
  });

  it("lets other errors through to the error page", async () => {
    const conflict = new ConflictError();
    await expect(orNotFound(Promise.reject(conflict))).rejects.toBe(conflict);
    await expect(orNotFound(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
