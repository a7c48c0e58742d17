import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadLocalEnv } from "@/lib/cli/local-env";

describe("Next's telemetry is off in every script", () => {
  const saved = { cwd: process.cwd(), value: process.env.NEXT_TELEMETRY_DISABLED };
  afterEach(() => {
    process.chdir(saved.cwd);
    if (saved.value === undefined) delete process.env.NEXT_TELEMETRY_DISABLED;
    else process.env.NEXT_TELEMETRY_DISABLED = saved.value;
  });

  it("is turned off by the local settings every lib/cli script loads before it runs Next, unless set", () => {
    process.chdir(mkdtempSync(join(tmpdir(), "psc-env-")));
    delete process.env.NEXT_TELEMETRY_DISABLED;
    loadLocalEnv({ createSecrets: false });
    expect(process.env.NEXT_TELEMETRY_DISABLED).toBe("1");
    process.env.NEXT_TELEMETRY_DISABLED = "";
    loadLocalEnv({ createSecrets: false });
    expect(process.env.NEXT_TELEMETRY_DISABLED).toBe("");
  });

  it("is turned off where Next is run without them: npm run build, Playwright's server, the test harness", () => {
    const read = (file: string) => readFileSync(join(saved.cwd, file), "utf8");
    expect(JSON.parse(read("package.json")).scripts.build).toContain("NEXT_TELEMETRY_DISABLED=1 next build");
    expect(read("playwright.config.ts")).toMatch(/webServer:[\s\S]*env: \{[\s\S]*NEXT_TELEMETRY_DISABLED: "1"/);
    expect(read("tests/fixtures/portal-process.ts")).toContain('NEXT_TELEMETRY_DISABLED: "1"');
  });
});
