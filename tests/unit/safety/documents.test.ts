// The committed safety and data-protection documents are what their sources render (npm run safety:render):
// editing docs/safety/hazards.yaml, docs/privacy/dpia.yaml or lib/privacy/retention-schedule.ts without
// rendering fails here.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENTS, renderDocuments } from "@/lib/cli/safety";
import { loadDpia, loadHazardLog } from "@/lib/safety/load";
import { blockOf } from "@/lib/safety/render";
import { referencesOf, readDocuments } from "@/lib/safety/check";

const root = process.cwd();
const committed = (path: string) => readFileSync(join(root, path), "utf8");

describe("the safety documents", () => {
  it("are valid: the hazard log and the DPIA's risks match their schemas", () => {
    const log = loadHazardLog(root);
    expect(log.hazards.length).toBeGreaterThanOrEqual(11);
    expect(loadDpia(root).risks.length).toBeGreaterThanOrEqual(6);
  });

  it("cover the hazards the programme names: danger unread, lost, wrong collaborative, identified, charts, figures, notifications, disclosure, outage", () => {
    const titles = loadHazardLog(root)
      .hazards.map((h) => h.title.toLowerCase())
      .join("\n");
    for (const words of [
      "immediate danger",
      "lost or duplicated",
      "wrong collaborative",
      "identified against their wishes",
      "false signal",
      "national figures",
      "notification never arrives",
      "contact details are disclosed",
      "portal is down",
    ])
      expect(titles).toContain(words);
  });

  it("name only test files that exist", () => {
    for (const document of readDocuments(root))
      for (const { owner, test } of referencesOf(document))
        expect(existsSync(join(root, test.split("::")[0]!)), `${owner}: ${test}`).toBe(true);
  });

  it("are committed as rendered: the hazard log, the retention schedule and the DPIA's risks", async () => {
    const rendered = await renderDocuments(root);
    for (const path of [DOCUMENTS.hazardLog, DOCUMENTS.retention, DOCUMENTS.dpia])
      expect(committed(path), `${path}: run npm run safety:render`).toBe(rendered.get(path));
  });

  it("give the safety case figures that agree with the hazard log", () => {
    const log = loadHazardLog(root);
    const controls = log.hazards.flatMap((h) => h.controls);
    const tests = controls.reduce((n, c) => n + c.tests.length, 0);
    const figures = blockOf(committed(DOCUMENTS.safetyCase), "safety-case-figures");
    expect(figures).toMatch(new RegExp(`\\| Hazards in the log +\\| ${log.hazards.length} +\\|`));
    expect(figures).toMatch(new RegExp(`\\| Controls +\\| ${controls.length} +\\|`));
    expect(figures).toMatch(new RegExp(`\\| Tests named by the hazard log's controls +\\| ${tests} \\(`));
    expect(figures).toMatch(
      /\| Tests named by the hazard log and the DPIA that passed in the last run of `npm test` +\| \d+ of the \d+ judged/,
    );
  });
});
