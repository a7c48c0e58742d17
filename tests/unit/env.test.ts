// lib/env.ts refuses a setting it cannot act on with one line saying what to write instead.
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };

async function freshEnv(settings: Record<string, string>) {
  vi.resetModules();
  process.env = { ...saved, DATABASE_URL: "postgresql://localhost/psc", ...settings };
  return (await import("@/lib/env")).env;
}

afterEach(() => {
  process.env = { ...saved };
});

describe("env", () => {
  it("reads TRUST_PROXY as a number of proxies or their addresses, and trusts none when unset", async () => {
    expect((await freshEnv({}))().TRUST_PROXY).toEqual({ hops: 0 });
    expect((await freshEnv({ TRUST_PROXY: "1" }))().TRUST_PROXY).toEqual({ hops: 1 });
    expect((await freshEnv({ TRUST_PROXY: "10.0.0.0/8,::1" }))().TRUST_PROXY).toEqual({
      proxies: ["10.0.0.0/8", "::1"],
    });
  });

  it("refuses TRUST_PROXY=true and a malformed MAIL_CAPTURE_VIEWER with a line saying what to write", async () => {
    expect(await freshEnv({ TRUST_PROXY: "true" })).toThrow(
      /^Configuration error: TRUST_PROXY: .*write 1 for one proxy/,
    );
    expect(await freshEnv({ TRUST_PROXY: "proxy.example" })).toThrow(/“proxy.example” is not an address or range/);
    expect(await freshEnv({ MAIL_CAPTURE_VIEWER: "yes" })).toThrow(/MAIL_CAPTURE_VIEWER must be true or false/);
  });
});
