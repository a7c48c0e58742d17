// npm test's "Safety case" check (lib/safety/check.ts, runSafetyCase in lib/cli/test-runner.ts): the hazard log
// and the DPIA may claim only what this run's tests showed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkSafetyCase, playwrightResults, vitestResults, type Document } from "@/lib/safety/check";
import { runSafetyCase } from "@/lib/cli/test-runner";

const root = mkdtempSync(join(tmpdir(), "psc-safety-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PASSES = "tests/unit/a.test.ts::routing > asks when unsure";
const FAILS = "tests/unit/a.test.ts::routing > never guesses";
const MISSING = "tests/unit/a.test.ts::routing > a test renamed since";
const E2E = "tests/e2e/b.spec.ts::without JavaScript > sends a concern";

const hazard = (id: string, tests: string[]) => ({
  id,
  title: `Hazard ${id}`,
  description: "d",
  causes: ["c"],
  effects: ["e"],
  initialRisk: { likelihood: "medium", severity: "major", rating: 3 },
  controls: tests.length ? [{ description: "a control", tests }] : [],
  residualRisk: { likelihood: "low", severity: "major", rating: 3 },
  status: "closed",
});
const hazardLog = (...hazards: unknown[]) => ({ product: "P", manufacturer: "M", intendedUse: "U", hazards });
const dpia = (tests: string[]) => ({
  risks: [
    {
      id: "D01",
      risk: "r",
      initial: { likelihood: "possible", severity: "severe", level: "high" },
      mitigations: [{ description: "m", tests }],
      residual: { likelihood: "remote", severity: "severe", level: "medium" },
    },
  ],
});

/** vitest's JSON report for tests/unit/a.test.ts: one test passed, one failed. */
const vitestReport = {
  numPassedTests: 1,
  numFailedTests: 1,
  numFailedTestSuites: 1,
  testResults: [
    {
      name: join(root, "tests/unit/a.test.ts"),
      assertionResults: [
        { ancestorTitles: ["routing"], title: "asks when unsure", status: "passed" },
        { ancestorTitles: ["routing"], title: "never guesses", status: "failed" },
      ],
    },
  ],
};
/** Playwright's JSON report for tests/e2e/b.spec.ts, run in two projects (one flaky). */
const playwrightReport = (status: string) => ({
  config: { rootDir: join(root, "tests/e2e") },
  stats: { expected: 1, unexpected: 0, flaky: 1 },
  suites: [
    {
      title: "b.spec.ts",
      file: "b.spec.ts",
      specs: [],
      suites: [
        {
          title: "without JavaScript",
          file: "b.spec.ts",
          specs: [{ title: "sends a concern", file: "b.spec.ts", tests: [{ status: "flaky" }, { status }] }],
        },
      ],
    },
  ],
});

function repository(log: unknown, dpiaDocument: unknown, results: { vitest?: unknown; e2e?: unknown }) {
  for (const dir of ["docs/safety", "docs/privacy", "tests/unit", "tests/e2e", "results"])
    mkdirSync(join(root, dir), { recursive: true });
  rmSync(join(root, "results"), { recursive: true, force: true });
  mkdirSync(join(root, "results"));
  writeFileSync(join(root, "docs/safety/hazards.yaml"), stringify(log));
  writeFileSync(join(root, "docs/privacy/dpia.yaml"), stringify(dpiaDocument));
  writeFileSync(join(root, "tests/unit/a.test.ts"), "");
  writeFileSync(join(root, "tests/e2e/b.spec.ts"), "");
  if (results.vitest) writeFileSync(join(root, "results/vitest.json"), JSON.stringify(results.vitest));
  if (results.e2e) writeFileSync(join(root, "results/playwright.json"), JSON.stringify(results.e2e));
}

describe("the safety case check in npm test", () => {
  it("fails, one failure per problem, when a control names a missing test and a named test failed", () => {
    repository(hazardLog(hazard("H01", [PASSES, MISSING]), hazard("H02", [FAILS])), dpia([PASSES]), {
      vitest: vitestReport,
      e2e: playwrightReport("expected"),
    });
    const result = runSafetyCase(root, join(root, "results"));
    expect(result.tally).toEqual({ passed: 0, failed: 2 });
    expect(result.problems).toEqual([
      `docs/safety/hazards.yaml H01, control 1 names a test that did not run (renamed, removed or misspelt?): ${MISSING}`,
      `docs/safety/hazards.yaml H02, control 1 names a test that failed: ${FAILS}`,
    ]);
  });

  it("fails for a hazard without a control and a test file that does not exist", () => {
    repository(hazardLog(hazard("H01", [PASSES]), hazard("H02", [])), dpia(["tests/unit/gone.test.ts::x > y"]), {
      vitest: vitestReport,
    });
    const result = runSafetyCase(root, join(root, "results"));
    expect(result.tally.failed).toBe(2);
    expect(result.problems).toContain(
      "docs/safety/hazards.yaml: hazards.1.controls: A hazard needs at least one control",
    );
    expect(result.problems).toContain(
      "docs/privacy/dpia.yaml D01, control 1 names tests/unit/gone.test.ts, which does not exist",
    );
  });

  it("passes once when every named test ran and passed, a flaky end-to-end test counting as passed", () => {
    repository(hazardLog(hazard("H01", [PASSES, E2E])), dpia([PASSES]), {
      vitest: vitestReport,
      e2e: playwrightReport("expected"),
    });
    const result = runSafetyCase(root, join(root, "results"));
    expect(result.tally).toEqual({ passed: 1, failed: 0 });
    expect(result.notes[0]).toBe("3 tests named by the hazard log and the DPIA; 3 ran and passed in this run");
  });

  it("counts an end-to-end test failing in any project as failed", () => {
    repository(hazardLog(hazard("H01", [E2E])), dpia([PASSES]), {
      vitest: vitestReport,
      e2e: playwrightReport("unexpected"),
    });
    expect(runSafetyCase(root, join(root, "results")).problems).toEqual([
      `docs/safety/hazards.yaml H01, control 1 names a test that failed: ${E2E}`,
    ]);
  });

  it("does not judge the tests of a suite that did not run, and says so", () => {
    repository(hazardLog(hazard("H01", [PASSES, E2E])), dpia([PASSES]), { vitest: vitestReport });
    const result = runSafetyCase(root, join(root, "results"));
    expect(result.tally).toEqual({ passed: 1, failed: 0 });
    expect(result.notes).toContain("1 named end-to-end tests not judged: that suite did not run");
  });

  it("reports a document it cannot read as a failure", () => {
    repository(hazardLog(hazard("H01", [PASSES])), dpia([PASSES]), { vitest: vitestReport });
    writeFileSync(join(root, "docs/privacy/dpia.yaml"), "risks: [unclosed");
    const result = runSafetyCase(root, join(root, "results"));
    expect(result.tally.failed).toBe(1);
    expect(result.problems[0]).toMatch(/^the safety documents could not be read/);
  });
});

describe("reading the runners' reports", () => {
  it("names vitest tests by their file and describe titles joined with ' > '", () => {
    const results = vitestResults(vitestReport, root);
    expect([...results]).toEqual([
      [PASSES, "passed"],
      [FAILS, "failed"],
    ]);
  });

  it("names Playwright tests by their file under the test directory and their describe titles", () => {
    expect([...playwrightResults(playwrightReport("expected"), root)]).toEqual([[E2E, "passed"]]);
  });

  it("judges a skipped test as not passed", () => {
    const log: Document = { name: "log", kind: "hazards", raw: hazardLog(hazard("H01", [PASSES])) };
    const skipped = new Map([[PASSES, "skipped" as const]]);
    expect(checkSafetyCase([log], { vitest: skipped, e2e: null }, () => true).problems).toEqual([
      `log H01, control 1 names a test that was skipped: ${PASSES}`,
    ]);
  });
});
