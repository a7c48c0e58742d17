// `npm test`: type-check, unit and integration tests (vitest, real PostgreSQL) and end-to-end tests
// (Playwright, Chromium, production build). Ends with one line: "N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build, buildIsStale } from "./build";
import { loadLocalEnv } from "./local-env";
import { createMigratedDatabase, startTestServer } from "./test-database";
import { prisma } from "./database";

type Tally = { passed: number; failed: number };
const results = join("tests", ".results");
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const suites = only.length > 0 ? only : ["typecheck", "vitest", "e2e"];

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return new Promise((resolve) => {
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function vitestTally(file: string): Tally {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  // A file that fails to load counts as a failure even though none of its tests ran.
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0) };
}

function playwrightTally(file: string): Tally {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number }; errors?: unknown[] };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected + (report.errors?.length ?? 0) };
}

async function main() {
  loadLocalEnv({ createSecrets: false });
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const total: Tally = { passed: 0, failed: 0 };
  const add = (name: string, t: Tally) => {
    console.log(`\n== ${name}: ${t.passed} passed, ${t.failed} failed\n`);
    total.passed += t.passed;
    total.failed += t.failed;
  };

  if (suites.includes("typecheck")) {
    console.log("== Type-check (tsc --noEmit)");
    // The Prisma client is generated code: make sure it exists before checking types against it.
    prisma(["generate"], process.env.DATABASE_URL ?? "postgresql://localhost/unset", { quiet: true });
    const status = await run("npx", ["tsc", "--noEmit", "-p", "."]);
    add("Type-check", status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  }

  const server = await startTestServer();
  const e2eDatabase = suites.includes("e2e") ? await createMigratedDatabase(server.serverUrl, "psc_e2e") : null;
  try {
    // The production build the end-to-end tests serve is made while vitest runs (its files run one after
    // another, leaving a core free), after the type-check, which reads the types the build writes. The
    // build loads the server modules, which read DATABASE_URL: it is given the e2e database. The e2e server
    // (lib/cli/start.ts) then finds the build current; if it failed, the server builds again and shows why.
    const buildLog = join(results, "next-build.log");
    let building: Promise<{ ok: boolean; seconds: number }> | null = null;
    if (e2eDatabase && buildIsStale()) {
      console.log(`== Building the portal for the end-to-end tests, in the background (output: ${buildLog})`);
      const started = Date.now();
      building = build(buildLog, { DATABASE_URL: e2eDatabase.url }).then((ok) => ({ ok, seconds: Math.round((Date.now() - started) / 1000) }));
    }

    if (suites.includes("vitest")) {
      console.log("== Unit and integration tests (vitest)");
      const file = join(results, "vitest.json");
      await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], { TEST_DATABASE_SERVER_URL: server.serverUrl });
      add("Unit and integration", vitestTally(file));
    }
    if (e2eDatabase) {
      if (building) {
        const { ok, seconds } = await building;
        console.log(`== The build ${ok ? "finished" : "FAILED"} in ${seconds} s${ok ? "" : `: the e2e server builds again and shows the errors (see also ${buildLog})`}`);
      }
      console.log("== End-to-end tests (Playwright, Chromium, production build)");
      const file = join(results, "playwright.json");
      await run("npx", ["playwright", "test"], {
        E2E_DATABASE_URL: e2eDatabase.url,
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
        E2E_MAIL_DIR: join(process.cwd(), ".data/e2e-mail"),
      });
      add("End-to-end", playwrightTally(file));
    }
  } finally {
    await e2eDatabase?.drop();
    await server.stop();
  }
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
}

main().catch((error: Error) => {
  console.error(`✖ ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
