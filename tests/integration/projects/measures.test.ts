// Measures and their data on a real database: entry, correction and deletion with audit, the
// stored SPC status kept in step, CSV import (all or nothing) and export, rebasing, concurrency.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { EditConflictError } from "@/lib/forms/conflict";
import {
  addPoint,
  addRebase,
  correctPoint,
  createMeasure,
  archiveMeasure,
  deletePoint,
  importMeasureCsv,
  removeRebase,
  restoreMeasure,
  updateMeasure,
} from "@/lib/measures/mutations";
import { exportMeasuresCsv, getMeasurePage, previewMeasureImport } from "@/lib/measures/queries";
import { createPdsaCycle } from "@/lib/projects/cycle-mutations";
import { getProjectStory } from "@/lib/projects/queries";
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
      startDate: utc("2023-01-01"),
    })
  ).id;
});

const point = (
  measureId: string,
  period: string,
  values: { value?: string; numerator?: string; denominator?: string; note?: string },
) => ({
  projectId,
  measureId,
  period: utc(period),
  value: values.value ?? "",
  numerator: values.numerator ?? "",
  denominator: values.denominator ?? "",
  note: values.note ?? "",
});

async function fieldErrorsOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fieldErrors;
}

/** 24 months: 12 around 10, then 12 around 6 (a clear downward shift). */
const SHIFT = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 7];

describe("measures", () => {
  it("lets project staff create one, and nobody outside the project's staff", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { name: "Created measure" }));
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Created measure",
      kind: "OUTCOME",
      version: 1,
      spcPointCount: 0,
    });
    for (const role of ["staffB", "patientA", "anonymous", "national"] as const) {
      await expect(
        createMeasure(cast.viewers[role], measureInput(projectId, { name: `Denied ${role}` })),
      ).rejects.toBeInstanceOf(DomainError);
    }
    expect(await db.measure.count({ where: { projectId, name: { startsWith: "Denied" } } })).toBe(0);
  });

  it("accepts baseline values from before the project's start date", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    // The project started on 1 January 2023; Sept 2022 is baseline data.
    await addPoint(cast.viewers.staffA, point(id, "2022-09-01", { value: "7" }), today);
    expect(await db.measurePoint.findMany({ where: { measureId: id }, select: { periodStart: true } })).toEqual([
      { periodStart: utc("2022-09-01") },
    ]);
  });

  it("adds points with clear errors for bad values, and keeps the stored SPC status in step", async () => {
    const { id } = await createMeasure(
      cast.viewers.staffA,
      measureInput(projectId, { valueType: "RATE", rateMultiplier: 1000 }),
    );
    expect(
      await fieldErrorsOf(
        addPoint(cast.viewers.staffA, point(id, "2024-01-01", { numerator: "3", denominator: "0" }), today),
      ),
    ).toEqual({
      denominator: expect.stringMatching(/Denominator cannot be 0/),
    });
    expect(
      await fieldErrorsOf(
        addPoint(cast.viewers.staffA, point(id, "2024-01-01", { numerator: "three", denominator: "1200" }), today),
      ),
    ).toEqual({
      numerator: expect.stringMatching(/must be a number/),
    });
    expect(
      await fieldErrorsOf(
        addPoint(cast.viewers.staffA, point(id, "2026-12-01", { numerator: "3", denominator: "1200" }), today),
      ),
    ).toEqual({
      period: expect.stringMatching(/in the future/),
    });
    const added = await addPoint(
      cast.viewers.staffA,
      point(id, "2024-01-17", { numerator: "3", denominator: "1200" }),
      today,
    );
    expect(added.label).toBe("Jan 2024");
    expect(await db.measurePoint.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({
      periodStart: utc("2024-01-01"),
      value: 2.5,
      numerator: 3,
      denominator: 1200,
    });
    expect(
      await fieldErrorsOf(
        addPoint(cast.viewers.staffA, point(id, "2024-01-05", { numerator: "1", denominator: "1000" }), today),
      ),
    ).toEqual({
      period: expect.stringMatching(/Jan 2024 already has a value/),
    });
    await addPoint(cast.viewers.staffA, point(id, "2024-02-01", { numerator: "6", denominator: "1200" }), today);
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      spcPointCount: 2,
      spcLatestPeriod: utc("2024-02-01"),
      spcVariation: "common-cause",
    });
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(2);
  });

  it("corrects and deletes points, auditing old and new values, and refuses outsiders", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const a = await addPoint(cast.viewers.staffA, point(id, "2024-01-01", { value: "4" }), today);
    await addPoint(cast.viewers.staffA, point(id, "2024-02-01", { value: "5" }), today);
    await expect(
      correctPoint(cast.viewers.staffB, {
        projectId,
        measureId: id,
        pointId: a.id,
        value: "99",
        numerator: "",
        denominator: "",
        note: "",
      }),
    ).rejects.toThrow(/permission/);
    await expect(deletePoint(cast.viewers.leadB, { projectId, measureId: id, pointId: a.id })).rejects.toThrow(
      /permission/,
    );
    expect((await db.measurePoint.findUniqueOrThrow({ where: { id: a.id } })).value).toBe(4);

    expect(
      await fieldErrorsOf(
        correctPoint(cast.viewers.staffA, {
          projectId,
          measureId: id,
          pointId: a.id,
          value: "4,5x",
          numerator: "",
          denominator: "",
          note: "",
        }),
      ),
    ).toEqual({ value: expect.stringMatching(/must be a number/) });
    await correctPoint(cast.viewers.leadA, {
      projectId,
      measureId: id,
      pointId: a.id,
      value: "7",
      numerator: "",
      denominator: "",
      note: "Recount",
    });
    expect(await db.measurePoint.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      value: 7,
      note: "Recount",
    });
    await deletePoint(cast.viewers.staffA, { projectId, measureId: id, pointId: a.id });
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({ spcPointCount: 1 });
    const audit = await db.auditEvent.findMany({
      where: { subjectId: id },
      orderBy: { id: "asc" },
      select: { action: true, details: true },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "measure.created",
      "measure.point_added",
      "measure.point_added",
      "measure.point_corrected",
      "measure.point_deleted",
    ]);
    expect(audit[3]!.details).toMatchObject({ pointId: a.id, period: "2024-01-01", previousValue: 4, value: 7 });
    expect(audit[4]!.details).toMatchObject({ pointId: a.id, previousValue: 7 });
  });

  it("updates the definition with optimistic concurrency; rates follow a new multiplier; period is fixed once there is data", async () => {
    const { id } = await createMeasure(
      cast.viewers.staffA,
      measureInput(projectId, { valueType: "RATE", rateMultiplier: 100, unit: "%" }),
    );
    await addPoint(cast.viewers.staffA, point(id, "2024-01-01", { numerator: "45", denominator: "50" }), today);
    const base = measureInput(projectId, { valueType: "RATE", rateMultiplier: 100, unit: "%" });
    const current = await db.measure.findUniqueOrThrow({ where: { id } });
    const form = { ...base, name: current.name, id, version: 1 };

    expect(await fieldErrorsOf(updateMeasure(cast.viewers.staffA, { ...form, period: "WEEK" }))).toEqual({
      period: expect.stringMatching(/cannot change/),
    });
    await updateMeasure(cast.viewers.staffA, { ...form, rateMultiplier: 1000, target: 950, direction: "INCREASE" });
    expect((await db.measurePoint.findFirstOrThrow({ where: { measureId: id } })).value).toBe(900);
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 2,
      target: 950,
      direction: "INCREASE",
    });

    const error = await updateMeasure(cast.viewers.leadA, { ...form, name: "Renamed by lead" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).details.changes.map((c) => c.field)).toEqual([
      "name",
      "direction",
      "target",
      "rateMultiplier",
    ]);
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).name).toBe(current.name);
    await expect(updateMeasure(cast.viewers.staffB, { ...form, version: 2 })).rejects.toThrow(/permission/);
  });

  it("archives a measure keeping its data, for project staff only, and restores it", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    await addPoint(cast.viewers.staffA, point(id, "2024-01-01", { value: "1" }), today);
    await expect(archiveMeasure(cast.viewers.staffB, { projectId, id })).rejects.toThrow(/permission/);
    await archiveMeasure(cast.viewers.staffA, { projectId, id });
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(1);
    // Archived: no new data until restored.
    await expect(addPoint(cast.viewers.staffA, point(id, "2024-02-01", { value: "2" }), today)).rejects.toThrow(
      /archived/,
    );
    await restoreMeasure(cast.viewers.staffA, { projectId, id });
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
  });
});

describe("CSV import and export", () => {
  it("previews every row with its problems and saves nothing", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    await addPoint(cast.viewers.staffA, point(id, "2024-03-01", { value: "8" }), today);
    const csv = [
      "period,value,note",
      "2024-01,5,",
      "2024-02,abc,",
      "2024-02,6,",
      "2024-03,7,",
      "2022-06,4,",
      "31/02/2024,4,",
      "2027-01,4,",
    ].join("\n");
    const preview = await previewMeasureImport(cast.viewers.staffA, { projectId, measureId: id, csv }, today);
    expect(preview.rows.map((r) => [r.line, r.errors.length])).toEqual([
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 0],
      [6, 0],
      [7, 1],
      [8, 1],
    ]);
    expect(preview.rows[1]!.errors[0]).toMatch(/Value must be a number/);
    expect(preview.rows[2]!.errors[0]).toMatch(/Feb 2024 appears twice in the file \(line 3 and line 4\)/);
    // Mar 2024 already has a value: kept (the file's row skipped) unless the person chooses to replace it.
    expect(preview.rows[3]!).toMatchObject({ outcome: "skip", errors: [], existing: { value: 8 } });
    expect(preview.rows[4]!.errors).toEqual([]); // baseline data before the project started is welcome
    expect(preview.rows[5]!.errors[0]).toMatch(/is not a date/);
    expect(preview.rows[6]!.errors[0]).toMatch(/in the future/);
    expect(preview.errorCount).toBe(4);
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(1);
  });

  it("imports nothing when any row is bad", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const csv = monthlyCsv("2024-01", [...SHIFT.slice(0, 23), "n/a"]);
    await expect(importMeasureCsv(cast.viewers.staffA, { projectId, measureId: id, csv }, today)).rejects.toThrow(
      /Nothing was imported: 1 problem/,
    );
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { subjectId: id, action: "measure.imported" } })).toBe(0);
  });

  it("imports 24 months in one go, and the chart and stored status flag the shift", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { name: "Falls with harm" }));
    const { added } = await importMeasureCsv(
      cast.viewers.staffA,
      { projectId, measureId: id, csv: monthlyCsv("2023-01", SHIFT) },
      today,
    );
    expect(added).toBe(24);
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      spcPointCount: 24,
      spcLatestPeriod: utc("2024-12-01"),
      spcVariation: "improvement-low",
      spcLatestSpecialCause: "improvement",
    });
    const page = await getMeasurePage(cast.viewers.staffB, projectId, id);
    expect(page.canUpdate).toBe(false);
    expect(
      page.chart.signals.some((s) =>
        /^Shift: 12 points in a row below the mean, Jan 2024 to Dec 2024 \(improvement\)/.test(s),
      ),
    ).toBe(true);
    expect(page.chart.summary).toMatch(/Shift: 12 points in a row below the mean/);
    expect(
      await db.auditEvent.findFirst({
        where: { subjectId: id, action: "measure.imported" },
        select: { details: true },
      }),
    ).toMatchObject({ details: { rows: 24, first: "2023-01-01", last: "2024-12-01" } });
    await expect(
      importMeasureCsv(cast.viewers.staffB, { projectId, measureId: id, csv: monthlyCsv("2025-01", [1, 2]) }, today),
    ).rejects.toThrow(/permission/);
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(24);
  });

  it("lets only one of two simultaneous imports of the same months through", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const csv = monthlyCsv("2024-01", [1, 2, 3]);
    const results = await Promise.allSettled([
      importMeasureCsv(cast.viewers.staffA, { projectId, measureId: id, csv }, today),
      importMeasureCsv(cast.viewers.leadA, { projectId, measureId: id, csv }, today),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(3);
  });

  it("exports what was imported, in a form the import reads back, and only to people who may read the project", async () => {
    const { id } = await createMeasure(
      cast.viewers.staffA,
      measureInput(projectId, { name: "Risk assessment = done", valueType: "RATE", rateMultiplier: 100, unit: "%" }),
    );
    await importMeasureCsv(
      cast.viewers.staffA,
      {
        projectId,
        measureId: id,
        csv: 'period,numerator,denominator,note\n2024-01,45,50,\n2024-02,40,50,"Agency staff, nights"',
      },
      today,
    );
    const { csv, filename } = await exportMeasuresCsv(cast.viewers.staffB, projectId, id);
    expect(filename).toBe("risk-assessment-done.csv");
    expect(csv.split("\r\n")).toEqual([
      "measure,kind,unit,frequency,period_start,value,numerator,denominator,note",
      "Risk assessment = done,outcome,%,month,2024-01-01,90,45,50,",
      'Risk assessment = done,outcome,%,month,2024-02-01,80,40,50,"Agency staff, nights"',
      "",
    ]);
    const copy = await createMeasure(
      cast.viewers.staffA,
      measureInput(projectId, { valueType: "RATE", rateMultiplier: 100 }),
    );
    await importMeasureCsv(cast.viewers.staffA, { projectId, measureId: copy.id, csv }, today);
    const values = async (measureId: string) =>
      await db.measurePoint.findMany({
        where: { measureId },
        orderBy: { periodStart: "asc" },
        select: { periodStart: true, value: true, numerator: true, denominator: true, note: true },
      });
    expect(await values(copy.id)).toEqual(await values(id));

    const all = await exportMeasuresCsv(cast.viewers.national, projectId, null);
    expect(all.filename).toBe("measures.csv");
    expect(all.csv).toContain("Risk assessment = done");
    expect(all.csv).toContain("Falls with harm");

    const draft = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
      visibility: "DRAFT",
    });
    await expect(exportMeasuresCsv(cast.viewers.staffB, draft.id, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportMeasuresCsv(cast.viewers.anonymous, projectId, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportMeasuresCsv(cast.viewers.staffA, draft.id, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("rebasing and chart annotations", () => {
  it("recalculates the limits from a chosen point and can undo it", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    await importMeasureCsv(cast.viewers.staffA, { projectId, measureId: id, csv: monthlyCsv("2023-01", SHIFT) }, today);
    await expect(addRebase(cast.viewers.staffA, { projectId, measureId: id, from: "2023-01-01" })).rejects.toThrow(
      /first point/,
    );
    await expect(addRebase(cast.viewers.staffA, { projectId, measureId: id, from: "2030-01-01" })).rejects.toThrow(
      /measure’s points/,
    );
    await expect(addRebase(cast.viewers.staffB, { projectId, measureId: id, from: "2024-01-01" })).rejects.toThrow(
      /permission/,
    );
    await addRebase(cast.viewers.staffA, { projectId, measureId: id, from: "2024-01-01" });
    const measure = await db.measure.findUniqueOrThrow({ where: { id } });
    expect(measure.rebaseDates).toEqual([utc("2024-01-01")]);
    // Each period is judged on its own: the shift is gone once the change has its own limits.
    expect(measure.spcVariation).toBe("common-cause");
    const page = await getMeasurePage(cast.viewers.staffA, projectId, id);
    expect(page.chart.periods.map((p) => [p.startLabel, p.pointCount, p.provisional])).toEqual([
      ["Jan 2023", 12, true],
      ["Jan 2024", 12, true],
    ]);
    expect(page.chart.provisionalNotes).toHaveLength(2);
    await expect(removeRebase(cast.viewers.staffB, { projectId, measureId: id, from: "2024-01-01" })).rejects.toThrow(
      /permission/,
    );
    await expect(
      removeRebase(cast.viewers.anonymous, { projectId, measureId: id, from: "2024-01-01" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).rebaseDates).toEqual([utc("2024-01-01")]);
    await removeRebase(cast.viewers.staffA, { projectId, measureId: id, from: "2024-01-01" });
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      rebaseDates: [],
      spcVariation: "improvement-low",
    });
  });

  it("marks PDSA cycles on the charts of the project page", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { name: "Annotated" }));
    await importMeasureCsv(cast.viewers.staffA, { projectId, measureId: id, csv: monthlyCsv("2023-01", SHIFT) }, today);
    await createPdsaCycle(cast.viewers.staffA, {
      projectId,
      changeIdeaId: "",
      newChangeIdea: "Night huddle",
      title: "Huddle pilot",
      plan: "Pilot",
      prediction: "Fewer falls",
      doNotes: "",
      study: "",
      act: "",
      actNotes: "",
      startDate: utc("2023-12-14"),
      endDate: null,
    });
    const story = await getProjectStory(cast.viewers.staffA, projectId);
    const chart = story.measures.find((m) => m.id === id)!.chart;
    const cycle = story.cycles.find((c) => c.title === "Huddle pilot")!;
    expect(chart.annotations).toEqual([
      { key: "2023-12-01", label: "Dec 2023", number: cycle.number, title: "Huddle pilot", decision: "in progress" },
    ]);
  });
});
