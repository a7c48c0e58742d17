// How `npm test` (lib/cli/test.ts) runs each suite and turns it into a count a person can trust: the
// runner's JSON report gives the numbers, and the runner's exit code and a minimum count per suite
// catch what the report can miss (a crashed run, a failing global setup, an error outside a test's body,
// a stray `.only` or a lost file).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { checkRepository } from "../safety/check";

export type Tally = { passed: number; failed: number };

/**
 * The fewest tests each suite must run (passed or failed), a little under today's totals: a suite that
 * quietly loses tests (a file that no longer loads, a `.only`, a glob that misses a folder) turns the total
 * red. Raise a number when you add tests; lower it, in the same commit, only when tests are removed on purpose.
 */
export const MINIMUM_TESTS = {
  lint: 1,
  typecheck: 1,
  // 2,574 on 7 December 2026 (night); the smallest files hold 1 to 3 tests.
  vitest: 2_570,
  // 114 on 7 December 2026 (night); the smallest spec files hold a single test: losing any file must show.
  e2e: 113,
} as const;

export type SuiteName = keyof typeof MINIMUM_TESTS;

/** Runs a command with the environment and `env`; resolves with its exit code (1 if it could not start). */
export function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  options: { quiet?: boolean } = {},
): Promise<number> {
  const child = spawn(command, args, { stdio: options.quiet ? "ignore" : "inherit", env: { ...process.env, ...env } });
  return new Promise((resolve) => {
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/**
 * The suite's tally after checking it against its exit code and its minimum. Each reason found adds one
 * failure and is returned for the log: a non-zero exit with no failed test in the report (a crash, a failing
 * global setup, an unhandled error or rejection, a `.only` refused), or fewer tests run than the minimum.
 */
export function judge(reported: Tally, exitCode: number, minimum: number): { tally: Tally; problems: string[] } {
  const problems: string[] = [];
  if (exitCode !== 0 && reported.failed === 0)
    problems.push(`the runner exited with code ${exitCode} though its report lists no failed test`);
  const ran = reported.passed + reported.failed;
  if (ran < minimum)
    problems.push(
      `only ${ran} tests ran, fewer than the ${minimum} expected (MINIMUM_TESTS in lib/cli/test-runner.ts)`,
    );
  return { tally: { passed: reported.passed, failed: reported.failed + problems.length }, problems };
}

/** vitest's JSON report: a file that fails to load counts as a failure even though none of its tests ran. */
export function vitestReport(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
  };
}

/** Playwright's JSON report: errors outside any test (global setup, the web server) count as failures. */
export function playwrightReport(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
    errors?: unknown[];
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
  };
}

export type SuiteResult = { tally: Tally; exitCode: number; problems: string[] };

/** A missing report is a failed run: nothing can be counted. */
function settle(report: Tally | null, exitCode: number, minimum: number): SuiteResult {
  const { tally, problems } = judge(report ?? { passed: 0, failed: 1 }, exitCode, minimum);
  return { tally, exitCode, problems: report ? problems : ["the runner wrote no report", ...problems] };
}

/**
 * Runs vitest once (`.only` refused) with its JSON report in `outputFile`. `args` picks a config, root or
 * files; `quiet` hides its output (the runner's own test).
 */
export async function runVitest(options: {
  outputFile: string;
  minimum: number;
  args?: string[];
  env?: Record<string, string>;
  quiet?: boolean;
}): Promise<SuiteResult> {
  const exitCode = await run(
    "npx",
    [
      "vitest",
      "run",
      "--allowOnly=false",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${options.outputFile}`,
      ...(options.args ?? []),
    ],
    options.env,
    { quiet: options.quiet },
  );
  return settle(vitestReport(options.outputFile), exitCode, options.minimum);
}

/** Runs Playwright once (`.only` refused), its JSON report in `outputFile`. */
export async function runPlaywright(options: {
  outputFile: string;
  minimum: number;
  args?: string[];
  env?: Record<string, string>;
}): Promise<SuiteResult> {
  const exitCode = await run("npx", ["playwright", "test", "--forbid-only", ...(options.args ?? [])], {
    ...options.env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: options.outputFile,
  });
  return settle(playwrightReport(options.outputFile), exitCode, options.minimum);
}

/** A command that passes or fails as one check (lint, type-check). */
export async function runCheck(command: string, args: string[], minimum = 1): Promise<SuiteResult> {
  const exitCode = await run(command, args);
  return settle(exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }, exitCode, minimum);
}

/**
 * The "Safety case" check, after the suites: the hazard log and the DPIA (docs/) must match their schemas and
 * every test they name must exist and have passed in this run (lib/safety/check.ts). Each problem is one
 * failure; a clean check is one pass. Tests of a suite that did not run are not judged, and the note says so.
 */
export function runSafetyCase(root: string, resultsDir: string): SuiteResult & { notes: string[] } {
  const report = checkRepository(root, resultsDir);
  const notes = [
    `${report.references} tests named by the hazard log and the DPIA; ${report.passed} ran and passed in this run`,
    ...report.notJudged.map(
      (s) =>
        `${s.references} named ${s.suite === "e2e" ? "end-to-end" : "vitest"} tests not judged: that suite did not run`,
    ),
  ];
  const failed = report.problems.length;
  return {
    tally: { passed: failed === 0 ? 1 : 0, failed },
    exitCode: failed === 0 ? 0 : 1,
    problems: report.problems,
    notes,
  };
}
