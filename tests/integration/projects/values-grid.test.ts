// The values grid on a real database, through its real server action: many values in one submit,
// all or nothing with every cell's message and everything typed returned, corrections audited and
// guarded against someone else's change, baseline values before the project's start date, refusal
// for people who may not edit, and two grids saved at once.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/viewer", async () => (await import("@/tests/fixtures/request-context")).viewerModule);
vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer-types";
import { addPoint, createMeasure, saveValues } from "@/lib/measures/mutations";
import { getValuesGrid } from "@/lib/measures/queries";
import { measureSpcStatus } from "@/lib/measures/spc-status";
import { callAction, toFormData, type Form } from "@/tests/fixtures/action-harness";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { insertProject, measureInput, utc } from "@/tests/fixtures/projects";

let cast: Cast;
let projectId: string;

beforeAll(async () => {
  cast = await createCast();
  projectId = (
    await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
      visibility: "PORTAL",
      startDate: utc("2024-01-01"),
    })
  ).id;
});

/** The n-th month from January 2022 as the grid writes it (yyyy-mm-01). */
const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
const SHIFT = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 7];

/** A grid submission: one row per value, from January 2022 on. */
function gridForm(measureId: string, values: (string | number)[], notes: Record<number, string> = {}): Form {
  const form: Form = { projectId, measureId };
  values.forEach((v, i) => {
    form[`period-${i}`] = month(i);
    form[`value-${i}`] = String(v);
    form[`note-${i}`] = notes[i] ?? "";
  });
  return form;
}

const save = (form: Form, viewer: Viewer = cast.viewers.staffA) =>
  callAction("measures.saveValuesAction", toFormData(form), viewer);

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

describe("the values grid", () => {
  it("saves 24 monthly values in one submit, baseline before the start date included, and says how many", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { direction: "DECREASE" }));
    // The project started in January 2024: the first 24 months are all baseline.
    const outcome = await save(gridForm(id, SHIFT, { 12: "New falls policy" }));
    expect(outcome).toEqual({ kind: "redirect", to: `/projects/${projectId}/measures/${id}?entered=24` });
    const points = await db.measurePoint.findMany({ where: { measureId: id }, orderBy: { periodStart: "asc" } });
    expect(points.map((p) => p.value)).toEqual(SHIFT);
    expect(points[0]!.periodStart).toEqual(utc("2022-01-01"));
    expect(points[12]!.note).toBe("New falls policy");
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      spcPointCount: 24,
      spcLatestPeriod: utc("2023-12-01"),
      spcVariation: "improvement-low",
    });
    expect(await db.auditEvent.count({ where: { subjectId: id, action: "measure.point_added" } })).toBe(24);
  });

  it("saves nothing when one cell is bad: each bad cell has its own message and everything typed comes back", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const values: (string | number)[] = [...SHIFT];
    values[5] = "abc";
    values[9] = "";
    const form = gridForm(id, values, { 9: "Ward closed", 20: "x".repeat(501) });
    const outcome = await save(form);
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.ok).toBe(false);
    expect(outcome.state.message).toBe("3 rows need correcting: nothing has been saved yet");
    expect(outcome.state.fieldErrors).toEqual({
      "value-5": "Value for Jun 2022 must be a number, like 12 or 3.5 (not “abc”)",
      "value-9": "Enter a value for Oct 2022",
      "note-20": "The note for Sept 2023 must be 500 characters or fewer",
    });
    // Every cell as typed, the good ones too.
    for (const [name, typed] of Object.entries(form)) expect(outcome.state.values?.[name]).toBe(typed);
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(0);
    expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({ spcPointCount: 0 });
  });

  it("corrects a value shown in the grid (audited with the old value), but not one someone else changed meanwhile", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const today = utc("2026-11-25");
    for (const [period, value] of [
      ["2022-01-01", "4"],
      ["2022-02-01", "5"],
    ] as const)
      await addPoint(
        cast.viewers.staffA,
        { projectId, measureId: id, period: utc(period), value, numerator: "", denominator: "", note: "" },
        today,
      );
    const shown = (value: string) => JSON.stringify([value, "", "", ""]);
    const corrected = await save({
      projectId,
      measureId: id,
      "period-0": "2022-01-01",
      "shown-0": shown("4"),
      "value-0": "4.5",
      "period-1": "2022-02-01",
      "shown-1": shown("5"),
      "value-1": "5", // unchanged: not rewritten, not audited
      "period-2": "2022-03-01",
      "value-2": "6",
    });
    expect(corrected).toEqual({ kind: "redirect", to: `/projects/${projectId}/measures/${id}?entered=2` });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "measure.point_corrected" } });
    expect(audit.details).toMatchObject({ period: "2022-01-01", previousValue: 4, value: 4.5 });

    // A page drawn before that correction still shows 4 for January.
    const stale = await save({
      projectId,
      measureId: id,
      "period-0": "2022-01-01",
      "shown-0": shown("4"),
      "value-0": "3",
      "period-1": "2022-04-01",
      "value-1": "7",
    });
    expect(stale.kind === "state" && stale.state.fieldErrors).toEqual({
      "value-0":
        "Jan 2022 was changed by someone else since you opened this page (it is now 4.5): check it and save again",
    });
    const points = await db.measurePoint.findMany({ where: { measureId: id }, orderBy: { periodStart: "asc" } });
    expect(points.map((p) => p.value)).toEqual([4.5, 5, 6]);
  });

  it("refuses people who may not edit the project, and saves nothing", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    for (const viewer of [cast.viewers.patientA, cast.viewers.staffB, cast.viewers.national]) {
      const outcome = await save(gridForm(id, [1, 2, 3]), viewer);
      expect(outcome.kind === "state" && outcome.state.ok).toBe(false);
    }
    expect(await db.measurePoint.count({ where: { measureId: id } })).toBe(0);
  });

  it("keeps the stored SPC status equal to a recomputation when two grids are saved at once", async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId, { name: `Two grids ${round}` }));
      const rows = (from: number) =>
        SHIFT.slice(from, from + 12).map((v, i) => ({
          index: i,
          period: month(from + i),
          value: String(v),
          numerator: "",
          denominator: "",
          note: "",
          shown: null,
        }));
      const today = utc("2026-11-25");
      await Promise.all([
        saveValues(cast.viewers.staffA, { projectId, measureId: id, rows: rows(0) }, today),
        saveValues(cast.viewers.leadA, { projectId, measureId: id, rows: rows(12) }, today),
      ]);
      expect(await db.measure.findUniqueOrThrow({ where: { id } })).toMatchObject({ spcPointCount: 24 });
      await expectStoredStatusCurrent(id);
    }
  });
});

describe("showing earlier periods", () => {
  /** The month `back` months before the current one, as the grid writes it (the action uses today's date). */
  const monthsAgo = (back: number) => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
  };

  it("adds the earlier rows through the same action, saves nothing and gives back every typed cell", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const point = await addPoint(cast.viewers.staffA, {
      projectId,
      measureId: id,
      period: utc(monthsAgo(5)),
      value: "9",
      numerator: "",
      denominator: "",
      note: "Late",
    });
    // The grid as drawn: the four months after that value up to the current one; two typed, one pasted
    // with text that is not a number (not checked: nothing is being saved).
    const form: Form = { projectId, measureId: id, intent: "earlier" };
    [4, 3, 2, 1, 0].forEach((back, i) => {
      Object.assign(form, { [`period-${i}`]: monthsAgo(back), [`value-${i}`]: "", [`note-${i}`]: "" });
    });
    Object.assign(form, { "value-4": "7", "note-4": "Typed", "value-1": "n/a", "note-2": "Note only" });
    const outcome = await save(form);
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.fieldErrors).toBeUndefined();
    expect(outcome.state.message).toBeUndefined();
    const values = outcome.state.values!;
    for (const [name, typed] of Object.entries(form)) expect(values[name]).toBe(typed);
    // Twelve earlier months, numbered after the rows posted; the one with a value shows it.
    const added = Object.entries(values)
      .filter(([name]) => /^period-\d+$/.test(name) && !(name in form))
      .map(([name, key]) => ({ key, index: name.slice("period-".length) }))
      .sort((a, b) => a.key.localeCompare(b.key));
    expect(added.map((r) => r.key)).toEqual(Array.from({ length: 12 }, (_, i) => monthsAgo(16 - i)));
    expect(added.every((r) => Number(r.index) >= 5)).toBe(true);
    const withValue = added.find((r) => r.key === monthsAgo(5))!;
    expect(values[`value-${withValue.index}`]).toBe("9");
    expect(values[`note-${withValue.index}`]).toBe("Late");
    expect(JSON.parse(values[`shown-${withValue.index}`]!)).toEqual(["9", "", "", "Late"]);
    expect(outcome.state.data?.earlier).toMatch(/^Added 12 earlier periods/);
    // Nothing saved: the one value stays as it was, and the typed ones are not stored.
    expect(await db.measurePoint.findMany({ where: { measureId: id }, select: { id: true } })).toEqual([
      { id: point.id },
    ]);
  });

  it("refuses more rows than it saves at once with a message that links to the grid", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const form: Form = { projectId, measureId: id };
    for (let i = 0; i < 401; i++) form[`period-${i}`] = "2020-01-01";
    const outcome = await save(form);
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.fieldErrors).toEqual({
      rows: "The grid has 401 rows and saves at most 400 at a time: nothing has been saved. Paste fewer rows, or import them as a CSV file from the measure page",
    });
  });
});

describe("the values grid's rows", () => {
  it("runs from the period after the latest value to the current one, with earlier periods on request", async () => {
    const { id } = await createMeasure(cast.viewers.staffA, measureInput(projectId));
    const today = utc("2026-11-25");
    const empty = await getValuesGrid(cast.viewers.staffA, projectId, id, undefined, today);
    expect(empty.rows.map((r) => r.label)).toEqual(["Nov 2026"]);
    await addPoint(
      cast.viewers.staffA,
      { projectId, measureId: id, period: utc("2026-08-01"), value: "9", numerator: "", denominator: "", note: "Late" },
      today,
    );
    const due = await getValuesGrid(cast.viewers.staffA, projectId, id, undefined, today);
    expect(due.rows).toEqual([
      { key: "2026-09-01", label: "Sept 2026", shown: null },
      { key: "2026-10-01", label: "Oct 2026", shown: null },
      { key: "2026-11-01", label: "Nov 2026", shown: null },
    ]);
    expect(due.earlierFrom).toBe("2025-09");
    const earlier = await getValuesGrid(cast.viewers.staffA, projectId, id, due.earlierFrom!, today);
    expect(earlier.rows).toHaveLength(15);
    expect(earlier.rows[11]).toEqual({ key: "2026-08-01", label: "Aug 2026", shown: ["9", "", "", "Late"] });
  });
});
