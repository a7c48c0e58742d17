// Issue 22: the chart type stored on a measure. Saved with the measure's optimistic concurrency,
// refused for a measure without denominators (and a P chart for a rate that is not a percentage),
// kept by a CHECK constraint too; the measure page draws it while the stored status stays XmR.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { EditConflictError } from "@/lib/forms/conflict";
import { addPoint, createMeasure, updateMeasure } from "@/lib/measures/mutations";
import { getMeasurePage } from "@/lib/measures/queries";
import { measureSpcStatus } from "@/lib/measures/spc-status";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { insertProject, measureInput, utc } from "@/tests/fixtures/projects";

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

async function fieldErrorsOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fieldErrors;
}

const FALLS = [12, 15, 9, 20, 14, 11, 30, 13, 16, 10, 12, 18, 14, 11];
const BED_DAYS = [3000, 4200, 2000, 6000, 3500, 2800, 3100, 3300, 4000, 2500, 3000, 4500, 3600, 2900];

describe("a measure's chart type", () => {
  it("is saved with the measure's version, and a stale form gets the side-by-side conflict", async () => {
    const base = measureInput(projectId, { valueType: "RATE", rateMultiplier: 1000 });
    const { id } = await createMeasure(cast.viewers.staffA, base);
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).chartType).toBe("XMR");
    for (const [i, falls] of FALLS.entries())
      await addPoint(
        cast.viewers.staffA,
        {
          projectId,
          measureId: id,
          period: utc(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`),
          value: "",
          numerator: String(falls),
          denominator: String(BED_DAYS[i]),
          note: "",
        },
        today,
      );
    const form = { ...base, id, version: 1 };
    await updateMeasure(cast.viewers.staffA, { ...form, chartType: "U_PRIME" });
    const saved = await db.measure.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ chartType: "U_PRIME", version: 2 });

    // Someone else, still on version 1, chooses the plain U chart: nothing is saved, the chart is listed.
    const error = await updateMeasure(cast.viewers.leadA, { ...form, chartType: "U" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).details.changes).toEqual([
      expect.objectContaining({ field: "chartType", label: "Chart", theirs: "U′ chart (Laney)", yours: "U chart" }),
    ]);
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).chartType).toBe("U_PRIME");

    // The page draws the U′ chart; the stored status is still the XmR chart's.
    const page = await getMeasurePage(cast.viewers.staffA, projectId, id);
    expect(page.chart.chartType).toBe("U_PRIME");
    expect(page.chart.limitsVary).toBe(true);
    const points = await db.measurePoint.findMany({
      where: { measureId: id },
      select: { periodStart: true, value: true },
    });
    const stored = await db.measure.findUniqueOrThrow({ where: { id } });
    expect({
      spcVariation: stored.spcVariation,
      spcAssurance: stored.spcAssurance,
      spcLatestSpecialCause: stored.spcLatestSpecialCause,
      spcPointCount: stored.spcPointCount,
      spcLatestPeriod: stored.spcLatestPeriod,
    }).toEqual(measureSpcStatus(stored, points));
  });

  it("refuses a P or U chart for a measure recorded as a number, beside the field, and changes nothing", async () => {
    const base = measureInput(projectId, { name: "Falls (a count)" });
    const { id } = await createMeasure(cast.viewers.staffA, base);
    expect(
      await fieldErrorsOf(updateMeasure(cast.viewers.staffA, { ...base, id, version: 1, chartType: "P" })),
    ).toEqual({ chartType: expect.stringMatching(/need a numerator and a denominator/) });
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({ chartType: "XMR", version: 1 });

    const before = await db.measure.count({ where: { projectId } });
    expect(
      await fieldErrorsOf(createMeasure(cast.viewers.staffA, { ...base, name: "Another count", chartType: "U_PRIME" })),
    ).toEqual({ chartType: expect.stringMatching(/XmR chart/) });
    expect(await db.measure.count({ where: { projectId } })).toBe(before);
  });

  it("refuses a P chart for a rate per 1,000 (P is for percentages) but takes U", async () => {
    const base = measureInput(projectId, { name: "Falls per 1,000", valueType: "RATE", rateMultiplier: 1000 });
    expect(await fieldErrorsOf(createMeasure(cast.viewers.staffA, { ...base, chartType: "P_PRIME" }))).toEqual({
      chartType: expect.stringMatching(/for percentages/),
    });
    const { id } = await createMeasure(cast.viewers.staffA, { ...base, chartType: "U" });
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).chartType).toBe("U");
    const percent = await createMeasure(cast.viewers.staffA, {
      ...base,
      name: "Assessed within 6 hours",
      rateMultiplier: 100,
      chartType: "P_PRIME",
    });
    expect((await db.measure.findUniqueOrThrow({ where: { id: percent.id } })).chartType).toBe("P_PRIME");
  });

  it("is kept by the database too: a P chart on a measure of numbers breaks the CHECK constraint", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { name: "Direct write" }));
    await expect(db.measure.update({ where: { id }, data: { chartType: "P" } })).rejects.toThrow(
      /Measure_chartType_check/,
    );
  });
});
