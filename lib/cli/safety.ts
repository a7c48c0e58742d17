// `npm run safety:render`: writes the generated safety and data-protection documents from their sources
// (lib/safety/render.ts says which), and the safety case's figures from the last `npm test` results in
// tests/.results. Run it after editing docs/safety/hazards.yaml, docs/privacy/dpia.yaml or
// lib/privacy/retention-schedule.ts, and after a full `npm test` before a release, then commit the files.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { checkSafetyCase, readDocuments, readRunResults } from "@/lib/safety/check";
import { loadDpia, loadHazardLog } from "@/lib/safety/load";
import {
  figuresFor,
  renderDpiaRisks,
  renderFigures,
  renderHazardLog,
  renderRetentionSchedule,
  replaceBlock,
  type Figures,
} from "@/lib/safety/render";

export const DOCUMENTS = {
  hazardLog: "docs/safety/hazard-log.md",
  safetyCase: "docs/safety/safety-case.md",
  dpia: "docs/privacy/dpia.md",
  retention: "docs/privacy/retention-schedule.md",
};

/** What the last run of npm test says about the named tests; null when there are no results. */
export function lastRun(root: string, resultsDir = join(root, "tests", ".results")): Figures["run"] {
  const files = ["vitest.json", "playwright.json"].map((f) => join(resultsDir, f)).filter((f) => existsSync(f));
  if (files.length === 0) return null;
  const results = readRunResults(resultsDir, root);
  const report = checkSafetyCase(readDocuments(root), results, (path) => existsSync(join(root, path)));
  const date = new Date(Math.max(...files.map((f) => statSync(f).mtimeMs))).toISOString().slice(0, 16) + " UTC";
  return {
    passed: report.passed,
    judged: report.references - report.notJudged.reduce((n, s) => n + s.references, 0),
    date: date.replace("T", " "),
    suites: [results.vitest && "vitest", results.e2e && "end-to-end"].filter((s): s is string => Boolean(s)),
  };
}

/** Markdown as the lint gate's Prettier (`prettier --check .`) would write it, with the repository's settings. */
async function formatted(root: string, path: string, markdown: string): Promise<string> {
  const options = (await resolveConfig(join(root, path))) ?? {};
  return format(markdown, { ...options, filepath: join(root, path) });
}

/**
 * Every generated document as it should be committed, by path. The safety case's figures come from the last
 * run's results; without results (no npm test since tests/.results was emptied) it is left out.
 */
export async function renderDocuments(root: string): Promise<Map<string, string>> {
  const log = loadHazardLog(root);
  const read = (path: string) => readFileSync(join(root, path), "utf8");
  const documents = new Map<string, string>([
    [DOCUMENTS.hazardLog, renderHazardLog(log)],
    [DOCUMENTS.retention, renderRetentionSchedule()],
    [DOCUMENTS.dpia, replaceBlock(read(DOCUMENTS.dpia), "dpia-risks", renderDpiaRisks(loadDpia(root)))],
  ]);
  const run = lastRun(root);
  if (run)
    documents.set(
      DOCUMENTS.safetyCase,
      replaceBlock(read(DOCUMENTS.safetyCase), "safety-case-figures", renderFigures(figuresFor(log, run))),
    );
  for (const [path, text] of documents) documents.set(path, await formatted(root, path, text));
  return documents;
}

async function main() {
  const root = process.cwd();
  const documents = await renderDocuments(root);
  for (const [path, text] of documents) {
    const before = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (before !== text) writeFileSync(path, text);
    console.log(`${before === text ? "unchanged" : "written  "} ${path}`);
  }
  if (!documents.has(DOCUMENTS.safetyCase))
    console.log(`unchanged ${DOCUMENTS.safetyCase}: no results in tests/.results (its figures come from npm test)`);
}

if (process.argv[1]?.endsWith("safety.ts"))
  main().catch((error: Error) => {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  });
