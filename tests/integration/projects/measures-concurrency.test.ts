// Parallel writers on one measure (issue 19, finding 1): every write that changes the points or the
// limits serialises on the measure, so the stored SPC status always equals a recomputation from the
// points, and concurrent rebases all survive. Each write is its own interactive transaction on its
// own pooled connection (lib/db.ts, ten connections), so Promise.all really runs them side by side.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  addPoint,
  addRebase,
  correctPoint,
  createMeasure,
  deletePoint,
  importMeasureCsv,
  removeRebase,
  updateMeasure,
} from "@/lib/measures/mutations";
import { measureSpcStatus } from "@/lib/measures/spc-status";
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

const month = (i: number) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
const point = (measureId: string, period: string, value: number) => ({
  projectId,
  measureId,
  period: utc(period),
  value: String(value),
  numerator: "",
  denominator: "",
  note: "",
});

/** The stored status must be exactly what the points give now. */
async function expectStoredStatusCurrent(measureId: string) {
  const measure = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
  const points = await db.measurePoint.findMany({ where: { measureId }, select: { periodStart: true, value: true } });
  expect({
    spcVariation: measure.spcVariation,
    spcAssurance: measure.spcAssurance,
    spcLatestSpecialCause: measure.spcLatestSpecialCause,
    spcPointCount: measure.spcPointCount,
    spcLatestPeriod: measure.spcLatestPeriod,
  }).toEqual(measureSpcStatus(measure, points));
}

describe("concurrent writes to one measure", () => {
  it("keeps the stored status equal to a recomputation when 20 points are added at once, three times over", async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await createMeasure(
        cast.viewers.staffA,
        measureInput(projectId, { name: `Parallel adds ${round}` }),
      );
      // 12 months around 10, then 8 months around 6: the stored variation depends on seeing every point.
      const values = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5];
      await Promise.all(
        values.map((v, i) => addPoint(i % 2 ? cast.viewers.staffA : cast.viewers.leadA, point(id, month(i), v), today)),
      );
      expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(20);
      expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
        spcPointCount: 20,
        spcLatestPeriod: utc(month(19)),
      });
      await expectStoredStatusCurrent(id);
    }
  });

  it("keeps it current under simultaneous corrections, deletions, additions and a definition change", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { name: "Mixed writers" }));
    await importMeasureCsv(
      cast.viewers.staffA,
      {
        projectId,
        measureId: id,
        csv: monthlyCsv("2023-01", [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5]),
      },
      today,
    );
    const points = await db.measurePoint.findMany({ where: { measureId: id }, orderBy: { periodStart: "asc" } });
    const measure = await db.measure.findUniqueOrThrow({ where: { id } });
    await Promise.all([
      ...points
        .slice(0, 6)
        .map((p, i) => correctPoint(cast.viewers.staffA, { ...point(id, month(i), 20 + i), pointId: p.id })),
      ...points.slice(14).map((p) => deletePoint(cast.viewers.leadA, { projectId, measureId: id, pointId: p.id })),
      ...[20, 21, 22, 23].map((i) => addPoint(cast.viewers.staffA, point(id, month(i), 3), today)),
      updateMeasure(cast.viewers.staffA, {
        ...measureInput(projectId, { name: "Mixed writers", direction: "INCREASE" }),
        id,
        version: measure.version,
      }),
      addRebase(cast.viewers.leadA, { projectId, measureId: id, from: month(6) }),
    ]);
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(18);
    await expectStoredStatusCurrent(id);
  });

  it("keeps both of two simultaneous rebases, and removes two at once", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { name: "Parallel rebases" }));
    await importMeasureCsv(
      cast.viewers.staffA,
      {
        projectId,
        measureId: id,
        csv: monthlyCsv("2023-01", [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5]),
      },
      today,
    );
    for (let round = 0; round < 3; round++) {
      const dates = [month(4 + round), month(12 + round), month(16 + round)];
      await Promise.all(
        dates.map((from, i) =>
          addRebase(i % 2 ? cast.viewers.staffA : cast.viewers.leadA, { projectId, measureId: id, from }),
        ),
      );
      expect((await db.measure.findUniqueOrThrow({ where: { id } })).rebaseDates).toEqual(dates.map(utc));
      await expectStoredStatusCurrent(id);
      await Promise.all(
        dates.slice(0, 2).map((from) => removeRebase(cast.viewers.staffA, { projectId, measureId: id, from })),
      );
      expect((await db.measure.findUniqueOrThrow({ where: { id } })).rebaseDates).toEqual([utc(dates[2])]);
      await expectStoredStatusCurrent(id);
      await removeRebase(cast.viewers.staffA, { projectId, measureId: id, from: dates[2] });
    }
  });
});
