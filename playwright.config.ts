import { existsSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Chromium from the machine when there is one (Debian's package here; no browser download),
// else Playwright's own, so the same config works on a laptop.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3107);
export const baseURL = `http://127.0.0.1:${port}`;
/** Where the e2e server's captured email lands (tests read it to follow links). */
export const mailDir = process.env.E2E_MAIL_DIR ?? join(process.cwd(), ".data/e2e-mail");

export default defineConfig({
  // Server modules the fixtures share with the portal import `server-only`; outside Next.js it resolves to its
  // empty module, as vitest's alias does (tests/e2e/tsconfig.json).
  tsconfig: "./tests/e2e/tsconfig.json",
  testDir: "tests/e2e",
  outputDir: "tests/e2e/.results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // The same command a person runs: migrations, seed, production build and next start.
    command: "npx tsx lib/cli/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      MAIL_CAPTURE_PORT: process.env.E2E_MAIL_PORT ?? "2626",
      MAIL_CAPTURE_DIR: mailDir,
      NEXTAUTH_URL: baseURL,
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
