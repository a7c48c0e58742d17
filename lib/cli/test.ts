// `npm test`: lint, type-check, unit and integration tests (vitest, real PostgreSQL) and end-to-end tests
// (Playwright, Chromium, production build). Ends with one line: "N passed, N failed"; how each suite is
// counted is in ./test-runner.ts.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build, buildIsStale } from "./build";
import { loadLocalEnv } from "./local-env";
import { createMigratedDatabase, startTestServer } from "./test-database";
import { prisma } from "./database";
import {
  MINIMUM_TESTS,
  runCheck,
  runPlaywright,
  runSafetyCase,
  runVitest,
  type SuiteResult,
  type Tally,
} from "./test-runner";

const results = join("tests", ".results");
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const suites = only.length > 0 ? only : ["lint", "typecheck", "vitest", "e2e"];

async function main() {
  loadLocalEnv({ createSecrets: false });
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const total: Tally = { passed: 0, failed: 0 };
  const add = (name: string, { tally, problems }: SuiteResult) => {
    console.log(`\n== ${name}: ${tally.passed} passed, ${tally.failed} failed`);
    for (const problem of problems) console.log(`   ✖ ${problem}`);
    console.log("");
    total.passed += tally.passed;
    total.failed += tally.failed;
  };

  // The Prisma client is generated code: make sure it exists before the lint's type-aware rules and the
  // type-check read its types.
  if (suites.includes("lint") || suites.includes("typecheck"))
    prisma(["generate"], process.env.DATABASE_URL ?? "postgresql://localhost/unset", { quiet: true });

  if (suites.includes("lint")) {
    console.log("== Lint (npm run lint)");
    add("Lint", await runCheck("npm", ["run", "--silent", "lint"], MINIMUM_TESTS.lint));
  }

  if (suites.includes("typecheck")) {
    console.log("== Type-check (tsc --noEmit)");
    add("Type-check", await runCheck("npx", ["tsc", "--noEmit", "-p", "."], MINIMUM_TESTS.typecheck));
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
      building = build(buildLog, { DATABASE_URL: e2eDatabase.url }).then((ok) => ({
        ok,
        seconds: Math.round((Date.now() - started) / 1000),
      }));
    }

    if (suites.includes("vitest")) {
      console.log("== Unit and integration tests (vitest)");
      const outputFile = join(results, "vitest.json");
      add(
        "Unit and integration",
        await runVitest({
          outputFile,
          minimum: MINIMUM_TESTS.vitest,
          env: { TEST_DATABASE_SERVER_URL: server.serverUrl },
        }),
      );
    }
    if (e2eDatabase) {
      if (building) {
        const { ok, seconds } = await building;
        console.log(
          `== The build ${ok ? "finished" : "FAILED"} in ${seconds} s${ok ? "" : `: the e2e server builds again and shows the errors (see also ${buildLog})`}`,
        );
      }
      console.log("== End-to-end tests (Playwright, Chromium, production build)");
      const outputFile = join(results, "playwright.json");
      add(
        "End-to-end",
        await runPlaywright({
          outputFile,
          minimum: MINIMUM_TESTS.e2e,
          env: { E2E_DATABASE_URL: e2eDatabase.url, E2E_MAIL_DIR: join(process.cwd(), ".data/e2e-mail") },
        }),
      );
    }
  } finally {
    await e2eDatabase?.drop();
    await server.stop();
  }
  // Last: the clinical safety case and the DPIA may claim only what this run's tests showed.
  console.log("== Safety case (docs/safety/hazards.yaml, docs/privacy/dpia.yaml against this run's results)");
  const safety = runSafetyCase(process.cwd(), results);
  for (const note of safety.notes) console.log(`   ${note}`);
  add("Safety case", safety);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
}

main().catch((error: Error) => {
  console.error(`✖ ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
