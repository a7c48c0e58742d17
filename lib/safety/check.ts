// The "Safety case" check that ends `npm test` (lib/cli/test.ts): the hazard log and the DPIA may only claim
// what the tests show. Each control (and DPIA mitigation) names tests as "<file>::<describe > … > title>";
// after the suites have run, every named test must exist and have passed in this run, and every hazard must
// have a control. A test whose suite did not run (`npm test -- vitest` skips the end-to-end suite) is not
// judged, and the output says how many were left so. Pure apart from readRunResults and the file check.
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { parse } from "yaml";
import { dpiaSchema, hazardLogSchema } from "./schema";

export type Outcome = "passed" | "failed" | "skipped";
/** One suite's results: test reference ("<file>::<titles joined by ' > '>") → outcome; null: the suite did not run. */
export type SuiteResults = Map<string, Outcome> | null;
export type RunResults = { vitest: SuiteResults; e2e: SuiteResults };

export const TITLE_SEPARATOR = " > ";
const key = (file: string, titles: string[]) => `${file}::${titles.join(TITLE_SEPARATOR)}`;

/** Keeps the worst outcome when a title appears twice (several Playwright projects, repeated titles). */
function record(results: Map<string, Outcome>, ref: string, outcome: Outcome) {
  const before = results.get(ref);
  if (before === "failed" || (before === "skipped" && outcome === "passed")) return;
  results.set(ref, outcome);
}

type VitestJson = {
  testResults: {
    name: string;
    assertionResults: { ancestorTitles: string[]; title: string; status: string }[];
  }[];
};

/** vitest's JSON report (--reporter=json): file paths are absolute; made relative to `root`. */
export function vitestResults(report: VitestJson, root: string): Map<string, Outcome> {
  const results = new Map<string, Outcome>();
  for (const file of report.testResults) {
    const path = relative(root, file.name).split("\\").join("/");
    for (const test of file.assertionResults) {
      const outcome: Outcome = test.status === "passed" ? "passed" : test.status === "failed" ? "failed" : "skipped";
      record(results, key(path, [...test.ancestorTitles, test.title]), outcome);
    }
  }
  return results;
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; tests: { status: string }[] }[];
};
type PlaywrightJson = { config?: { rootDir?: string }; suites?: PlaywrightSuite[] };

/**
 * Playwright's JSON report: the top suites are files (titled by their path under the test directory,
 * config.rootDir), the nested ones are describe blocks. "expected" and "flaky" count as passed, as they do in
 * the run's tally (lib/cli/test-runner.ts).
 */
export function playwrightResults(report: PlaywrightJson, root: string): Map<string, Outcome> {
  const results = new Map<string, Outcome>();
  const testDir = report.config?.rootDir ?? join(root, "tests", "e2e");
  const visit = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      const file = relative(root, isAbsolute(spec.file) ? spec.file : join(testDir, spec.file))
        .split("\\")
        .join("/");
      for (const test of spec.tests) {
        const outcome: Outcome =
          test.status === "expected" || test.status === "flaky"
            ? "passed"
            : test.status === "skipped"
              ? "skipped"
              : "failed";
        record(results, key(file, [...titles, spec.title]), outcome);
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const file of report.suites ?? []) visit(file, []);
  return results;
}

/** This run's results from tests/.results (npm test empties the folder first, so a file there is this run's). */
export function readRunResults(resultsDir: string, root: string): RunResults {
  const read = (name: string) => {
    const path = join(resultsDir, name);
    return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as unknown) : null;
  };
  const vitest = read("vitest.json");
  const e2e = read("playwright.json");
  return {
    vitest: vitest ? vitestResults(vitest as VitestJson, root) : null,
    e2e: e2e ? playwrightResults(e2e as PlaywrightJson, root) : null,
  };
}

/** Which suite runs a test file: Playwright runs tests/e2e, vitest the rest. */
export function suiteOf(ref: string): keyof RunResults {
  return ref.startsWith("tests/e2e/") ? "e2e" : "vitest";
}

export type Reference = { owner: string; test: string };
export type Document = { name: string; raw: unknown; kind: "hazards" | "dpia" };

/** Every test a document names, read loosely (so that a log that fails its schema is still checked). */
export function referencesOf(document: Document): Reference[] {
  const references: Reference[] = [];
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const field = (value: unknown, name: string): unknown =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  const items = list(field(document.raw, document.kind === "hazards" ? "hazards" : "risks"));
  for (const item of items) {
    const id = String(field(item, "id") ?? "?");
    const controls = list(field(item, document.kind === "hazards" ? "controls" : "mitigations"));
    controls.forEach((control, index) => {
      for (const test of list(field(control, "tests")))
        if (typeof test === "string") references.push({ owner: `${document.name} ${id}, control ${index + 1}`, test });
    });
  }
  return references;
}

export type CheckReport = {
  /** Every problem, one line each: each is one failure in npm test's total. */
  problems: string[];
  /** References whose test ran and passed in this run. */
  passed: number;
  references: number;
  /** Suites that did not run, with how many references to them were not judged. */
  notJudged: { suite: keyof RunResults; references: number }[];
};

/**
 * Checks the documents against this run: each document must match its schema (every hazard with a control,
 * ratings from the matrix, …), every named test file must exist, and every named test must have run and
 * passed when its suite ran.
 */
export function checkSafetyCase(
  documents: Document[],
  results: RunResults,
  fileExists: (path: string) => boolean,
): CheckReport {
  const problems: string[] = [];
  for (const document of documents) {
    const schema = document.kind === "hazards" ? hazardLogSchema : dpiaSchema;
    const parsed = schema.safeParse(document.raw);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push(`${document.name}: ${issue.path.join(".") || "the file"}: ${issue.message}`);
  }
  const references = documents.flatMap(referencesOf);
  const notJudged = new Map<keyof RunResults, number>();
  let passed = 0;
  for (const { owner, test } of references) {
    const file = test.split("::")[0]!;
    if (!fileExists(file)) {
      problems.push(`${owner} names ${file}, which does not exist`);
      continue;
    }
    const suite = suiteOf(test);
    const ran = results[suite];
    if (!ran) {
      notJudged.set(suite, (notJudged.get(suite) ?? 0) + 1);
      continue;
    }
    const outcome = ran.get(test);
    if (outcome === "passed") passed += 1;
    else if (outcome === undefined)
      problems.push(`${owner} names a test that did not run (renamed, removed or misspelt?): ${test}`);
    else problems.push(`${owner} names a test that ${outcome === "failed" ? "failed" : "was skipped"}: ${test}`);
  }
  return {
    problems,
    passed,
    references: references.length,
    notJudged: [...notJudged].map(([suite, count]) => ({ suite, references: count })),
  };
}

export const HAZARD_LOG = "docs/safety/hazards.yaml";
export const DPIA = "docs/privacy/dpia.yaml";

/** The documents the check reads, from the repository at `root`. */
export function readDocuments(root: string): Document[] {
  return [
    { name: HAZARD_LOG, kind: "hazards", raw: parse(readFileSync(join(root, HAZARD_LOG), "utf8")) as unknown },
    { name: DPIA, kind: "dpia", raw: parse(readFileSync(join(root, DPIA), "utf8")) as unknown },
  ];
}

/** The check as npm test runs it: the documents in `root`, this run's results in `resultsDir`. */
export function checkRepository(root: string, resultsDir: string): CheckReport {
  let documents: Document[];
  try {
    documents = readDocuments(root);
  } catch (error) {
    return {
      problems: [`the safety documents could not be read: ${(error as Error).message}`],
      passed: 0,
      references: 0,
      notJudged: [],
    };
  }
  return checkSafetyCase(documents, readRunResults(resultsDir, root), (path) => existsSync(join(root, path)));
}
