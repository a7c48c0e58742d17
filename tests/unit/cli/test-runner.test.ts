// The runner behind `npm test` (lib/cli/test-runner.ts), driven on small fixture suites: a run that every
// report calls green must still turn the total red when its global setup fails, when an error escapes a test
// after it finished, or when a stray `.only` shrinks it. The passing suite is the positive control.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { judge, runVitest } from "@/lib/cli/test-runner";

const dir = mkdtempSync(join(tmpdir(), "psc-runner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runFixture(name: string, minimum: number) {
  const root = join(process.cwd(), "tests/fixtures/runner", name);
  // Not the parent run's worker settings: the fixture run is a vitest of its own.
  const env = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith("VITEST"))
      .map((k) => [k, ""]),
  );
  return runVitest({
    outputFile: join(dir, `${name}.json`),
    minimum,
    args: ["--root", root, "--config", join(root, "vitest.config.ts")],
    env,
    quiet: true,
  });
}

// Each starts a vitest of its own: generous time on a loaded machine.
describe("the test runner's total", { timeout: 120_000 }, () => {
  it("is green for a suite that passes and runs as many tests as expected", async () => {
    const result = await runFixture("passing", 2);
    expect(result).toMatchObject({ exitCode: 0, tally: { passed: 2, failed: 0 }, problems: [] });
  });

  it("is red when the global setup fails, though no test failed", async () => {
    const result = await runFixture("broken-setup", 2);
    expect(result.exitCode).not.toBe(0);
    expect(result.tally.failed).toBeGreaterThan(0);
  });

  it("is red when a test's promise is rejected after it finished, though every test passed", async () => {
    const result = await runFixture("after-finish", 2);
    expect(result.exitCode).not.toBe(0);
    expect(result.tally.failed).toBeGreaterThan(0);
    expect(result.problems.join("\n")).toMatch(/exited with code/);
  });

  it("is red when a stray .only is left in a file", async () => {
    const result = await runFixture("stray-only", 3);
    expect(result.exitCode).not.toBe(0);
    expect(result.tally.failed).toBeGreaterThan(0);
  });
});

describe("judging a suite's report", () => {
  it("passes a clean report through unchanged", () => {
    expect(judge({ passed: 10, failed: 0 }, 0, 10)).toEqual({ tally: { passed: 10, failed: 0 }, problems: [] });
  });
  it("adds a failure for a non-zero exit the report does not explain", () => {
    expect(judge({ passed: 10, failed: 0 }, 1, 10).tally).toEqual({ passed: 10, failed: 1 });
  });
  it("keeps the report's own failures when they explain the exit code", () => {
    expect(judge({ passed: 8, failed: 2 }, 1, 10)).toEqual({ tally: { passed: 8, failed: 2 }, problems: [] });
  });
  it("adds a failure when fewer tests ran than the suite's minimum", () => {
    const { tally, problems } = judge({ passed: 9, failed: 0 }, 0, 10);
    expect(tally).toEqual({ passed: 9, failed: 1 });
    expect(problems.join("\n")).toMatch(/only 9 tests ran, fewer than the 10 expected/);
  });
});
