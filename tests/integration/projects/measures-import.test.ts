// The CSV import with the files people have, on a real database: a re-upload with months already
// entered (kept, or replaced old → new, audited with counts), a spreadsheet's header matched to the
// measure's columns, all or nothing with one bad row, a stale preview refused, the template going
// out and coming back with nothing to do, and people who may not edit refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { addPoint, correctPoint, createMeasure, importMeasureCsv } from "@/lib/measures/mutations";
import { getMeasureImportTemplate, previewMeasureImport } from "@/lib/measures/queries";
import type { ImportRequest } from "@/lib/measures/csv";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { insertProject, measureInput, monthlyCsv, utc } from "@/tests/fixtures/projects";

let cast: Cast;
let projectId: string;
const today = utc("2026-11-25");

beforeAll(async () => {
  cast = await createCast();
  projectId = (
    await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
      visibility: "PORTAL",
      startDate: utc("2025-01-01"),
    })
  ).id;
});

async function countMeasure(months: Record<string, number>) {
  const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
  for (const [period, value] of Object.entries(months))
    await addPoint(
      cast.viewers.staffA,
      { projectId, measureId: id, period: utc(period), value: String(value), numerator: "", denominator: "", note: "" },
      today,
    );
  return id;
}

async function saved(measureId: string) {
  const points = await db.measurePoint.findMany({
    where: { measureId },
    orderBy: { periodStart: "asc" },
    select: { periodStart: true, value: true, numerator: true, denominator: true, note: true },
  });
  return points.map((p) => ({ ...p, periodStart: p.periodStart.toISOString().slice(0, 10) }));
}

async function importAudits(measureId: string) {
  const events = await db.auditEvent.findMany({
    where: { subjectId: measureId, action: "measure.imported" },
    select: { details: true },
  });
  return events.map((e) => e.details);
}

/** Preview, then confirm what was shown: the way the form does it. */
async function previewThenImport(request: ImportRequest) {
  const preview = await previewMeasureImport(cast.viewers.staffA, request, today);
  return { preview, result: await importMeasureCsv(cast.viewers.staffA, { ...request, plan: preview.plan }, today) };
}

describe("re-uploading a file with months already entered", () => {
  it("keeps them by default and adds only the new months, saying how many rows were skipped", async () => {
    const id = await countMeasure({ "2025-01-01": 4, "2025-02-01": 5 });
    const csv = monthlyCsv("2025-01", [4, 9, 6, 7]);
    const { preview, result } = await previewThenImport({ projectId, measureId: id, csv });
    expect(preview.rows.map((r) => r.outcome)).toEqual(["unchanged", "skip", "add", "add"]);
    expect(result).toEqual({ added: 2, replaced: 0, unchanged: 1, skipped: 1, blank: 0 });
    expect((await saved(id)).map((p) => [p.periodStart, p.value])).toEqual([
      ["2025-01-01", 4],
      ["2025-02-01", 5],
      ["2025-03-01", 6],
      ["2025-04-01", 7],
    ]);
    expect(await importAudits(id)).toEqual([
      expect.objectContaining({ added: 2, replaced: 0, skipped: 1, unchanged: 1, replacedPeriods: null }),
    ]);
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({ spcPointCount: 4 });
  });

  it("replaces them when asked: old → new in the preview, applied, the status recomputed and audited", async () => {
    const id = await countMeasure({ "2025-01-01": 4, "2025-02-01": 5 });
    await correctPoint(cast.viewers.staffA, {
      projectId,
      measureId: id,
      pointId: (await db.measurePoint.findFirstOrThrow({ where: { measureId: id, value: 5 } })).id,
      value: "5",
      numerator: "",
      denominator: "",
      note: "Counted by hand",
    });
    const csv = monthlyCsv("2025-01", [4, 9, 6]);
    const { preview, result } = await previewThenImport({ projectId, measureId: id, csv, existing: "replace" });
    expect(preview.rows[1]).toMatchObject({ outcome: "replace", value: 9, existing: { value: 5 } });
    expect(result).toEqual({ added: 1, replaced: 1, unchanged: 1, skipped: 0, blank: 0 });
    // The file has no note column: the replaced month keeps its note.
    expect((await saved(id)).map((p) => [p.periodStart, p.value, p.note])).toEqual([
      ["2025-01-01", 4, ""],
      ["2025-02-01", 9, "Counted by hand"],
      ["2025-03-01", 6, ""],
    ]);
    expect(await importAudits(id)).toEqual([
      expect.objectContaining({
        added: 1,
        replaced: 1,
        skipped: 0,
        unchanged: 1,
        replacedPeriods: "2025-02-01",
        first: "2025-02-01",
        last: "2025-03-01",
      }),
    ]);
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      spcPointCount: 3,
      spcLatestPeriod: utc("2025-03-01"),
    });
  });

  it("replaces nothing and adds nothing when one row is bad", async () => {
    const id = await countMeasure({ "2025-01-01": 4 });
    const before = await saved(id);
    const csv = monthlyCsv("2025-01", [8, 9, "n/a"]);
    const preview = await previewMeasureImport(
      cast.viewers.staffA,
      { projectId, measureId: id, csv, existing: "replace" },
      today,
    );
    expect(preview.errorCount).toBe(1);
    await expect(
      importMeasureCsv(
        cast.viewers.staffA,
        { projectId, measureId: id, csv, existing: "replace", plan: preview.plan },
        today,
      ),
    ).rejects.toThrow(/Nothing was imported: 1 problem/);
    expect(await saved(id)).toEqual(before);
    expect(await importAudits(id)).toEqual([]);
  });

  it("refuses a preview that is out of date, rather than applying what nobody saw", async () => {
    const id = await countMeasure({ "2025-01-01": 4 });
    const csv = monthlyCsv("2025-01", [4, 5]);
    const preview = await previewMeasureImport(cast.viewers.staffA, { projectId, measureId: id, csv }, today);
    expect(preview.rows.map((r) => r.outcome)).toEqual(["unchanged", "add"]);
    // Someone enters February in the meantime.
    await addPoint(
      cast.viewers.leadA,
      { projectId, measureId: id, period: utc("2025-02-01"), value: "7", numerator: "", denominator: "", note: "" },
      today,
    );
    await expect(
      importMeasureCsv(cast.viewers.staffA, { projectId, measureId: id, csv, plan: preview.plan }, today),
    ).rejects.toThrow(/changed since the file was checked/);
    // A choice changed after the preview (replace chosen, not previewed) is refused the same way.
    const fresh = await previewMeasureImport(cast.viewers.staffA, { projectId, measureId: id, csv }, today);
    await expect(
      importMeasureCsv(
        cast.viewers.staffA,
        { projectId, measureId: id, csv, existing: "replace", plan: fresh.plan },
        today,
      ),
    ).rejects.toThrow(/changed since the file was checked/);
    expect((await saved(id)).map((p) => p.value)).toEqual([4, 7]);
    expect(await importAudits(id)).toEqual([]);
  });
});

describe("a spreadsheet's own header", () => {
  it("is matched to the rate's numerator and denominator by the measure's words, and imported once confirmed", async () => {
    const { id } = await createMeasure(
      cast.viewers.staffA,
      measureInput(projectId, {
        name: "Falls per 1,000 occupied bed days",
        unit: "falls per 1,000 occupied bed days",
        valueType: "RATE",
        rateMultiplier: 1000,
      }),
    );
    const csv = "\uFEFFMonth;Occupied bed days;Falls;Comments\r\nAug-25;1150;3;\r\nSep-25;1,180;4;New mats\r\n";
    const preview = await previewMeasureImport(cast.viewers.staffA, { projectId, measureId: id, csv }, today);
    expect(preview).toMatchObject({
      fileErrors: [],
      columnsMatched: true,
      headers: ["Month", "Occupied bed days", "Falls", "Comments"],
      columns: { period: 0, numerator: 2, denominator: 1, note: 3 },
    });
    // The person confirms the guess: the form sends the columns back.
    const chosen = {
      columnPeriod: "0",
      columnNumerator: "2",
      columnDenominator: "1",
      columnNote: "3",
      columnValue: "",
    };
    const { result } = await previewThenImport({ projectId, measureId: id, csv, ...chosen });
    expect(result.added).toBe(2);
    expect(await saved(id)).toEqual([
      { periodStart: "2025-08-01", value: (3 / 1150) * 1000, numerator: 3, denominator: 1150, note: "" },
      { periodStart: "2025-09-01", value: (4 / 1180) * 1000, numerator: 4, denominator: 1180, note: "New mats" },
    ]);
  });
});

describe("the template", () => {
  it("has the measure's columns, its values and the months due, and comes back with nothing to do", async () => {
    const id = await countMeasure({ "2026-08-01": 4, "2026-09-01": 5 });
    const { csv, filename } = await getMeasureImportTemplate(cast.viewers.staffA, projectId, id, today);
    expect(filename).toMatch(/-template\.csv$/);
    expect(csv.split("\r\n")).toEqual([
      "period,value,note",
      "2026-08-01,4,",
      "2026-09-01,5,",
      "2026-10-01,,",
      "2026-11-01,,",
      "",
    ]);
    const preview = await previewMeasureImport(cast.viewers.staffA, { projectId, measureId: id, csv }, today);
    expect(preview.counts).toEqual({ add: 0, replace: 0, unchanged: 2, skip: 0, blank: 2 });
    await expect(
      importMeasureCsv(cast.viewers.staffA, { projectId, measureId: id, csv, plan: preview.plan }, today),
    ).rejects.toThrow(/Nothing was imported: every period/);
    // Filled in with a spreadsheet (which writes its own date format back), one month is added.
    const edited =
      "period,value,note\r\n01/08/2026,4,\r\n01/09/2026,5,\r\n01/10/2026,6,Quiet month\r\n01/11/2026,,\r\n";
    const { result } = await previewThenImport({ projectId, measureId: id, csv: edited });
    expect(result).toEqual({ added: 1, replaced: 0, unchanged: 2, skipped: 0, blank: 1 });
    expect((await saved(id)).at(-1)).toMatchObject({ periodStart: "2026-10-01", value: 6, note: "Quiet month" });
  });

  it("gives a rate measure's numerator and denominator, and is only for people who may add data", async () => {
    const { id } = await createMeasure(
      cast.viewers.staffA,
      measureInput(projectId, { valueType: "RATE", rateMultiplier: 100 }),
    );
    const { csv } = await getMeasureImportTemplate(cast.viewers.staffA, projectId, id, utc("2025-02-10"));
    expect(csv.split("\r\n")).toEqual(["period,numerator,denominator,note", "2025-01-01,,,", "2025-02-01,,,", ""]);
    for (const role of ["staffB", "patientA", "anonymous"] as const)
      await expect(getMeasureImportTemplate(cast.viewers[role], projectId, id, today)).rejects.toBeInstanceOf(
        DomainError,
      );
  });
});

describe("people who may not edit the measure", () => {
  it("cannot import or replace, even with a preview's fingerprint", async () => {
    const id = await countMeasure({ "2025-01-01": 4 });
    const csv = monthlyCsv("2025-01", [8, 9]);
    const request = { projectId, measureId: id, csv, existing: "replace" as const };
    const { plan } = await previewMeasureImport(cast.viewers.staffA, request, today);
    for (const role of ["staffB", "patientA", "anonymous", "national"] as const) {
      await expect(previewMeasureImport(cast.viewers[role], request, today)).rejects.toBeInstanceOf(DomainError);
      await expect(importMeasureCsv(cast.viewers[role], { ...request, plan }, today)).rejects.toBeInstanceOf(
        DomainError,
      );
    }
    expect((await saved(id)).map((p) => p.value)).toEqual([4]);
    expect(await importAudits(id)).toEqual([]);
  });
});
