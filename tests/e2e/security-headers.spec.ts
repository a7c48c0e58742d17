import { test, expect } from "./fixtures";

test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({ page, request }) => {
  const first = await request.get("/collaboratives");
  const second = await request.get("/collaboratives");
  const csp = first.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // A fresh nonce for every request.
  const nonceOf = (policy: string | undefined) => /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(policy ?? "")?.[1];
  const [firstNonce, secondNonce] = [nonceOf(csp), nonceOf(second.headers()["content-security-policy"])];
  expect(firstNonce).toBeDefined();
  expect(secondNonce).toBeDefined();
  expect(secondNonce).not.toBe(firstNonce);
  expect(first.headers()["strict-transport-security"]).toContain("max-age=");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");

  // Next's own scripts carry the nonce, so the page still hydrates and works.
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  await page.goto("/collaboratives");
  const scriptNonces = await page
    .locator("script[src]")
    .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(scriptNonces.every((n) => (n ?? "").length > 0)).toBe(true);
  expect(errors).toEqual([]);
});
