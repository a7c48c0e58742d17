import { describe, expect, it } from "vitest";
import { formObject, storableText } from "@/lib/forms";
import {
  PROJECT_FORM_ARRAYS,
  PROJECT_FORM_DATES,
  createProjectSchema,
  projectFiltersSchema,
} from "@/lib/projects/schemas";
import { createMeasureSchema, valuesGridSchema } from "@/lib/measures/schemas";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) data.append(k, value);
  return data;
}

const validProject = {
  collaborativeId: "c1",
  title: "Fewer falls",
  problem: "Falls at night",
  aimWhat: "",
  aimHowMuch: "",
  "aimByWhen-day": "",
  "aimByWhen-month": "",
  "aimByWhen-year": "",
  "startDate-day": "1",
  "startDate-month": "4",
  "startDate-year": "2024",
  organisationIds: ["o1", "o2"],
  priorityAreaIds: ["p1"],
  pathwayStageIds: ["s1"],
  visibility: "PORTAL",
};

const parseProject = (fields: Record<string, string | string[]>) =>
  createProjectSchema.safeParse(formObject(form(fields), { arrays: PROJECT_FORM_ARRAYS, dates: PROJECT_FORM_DATES }));
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("project form", () => {
  it("reads checkboxes as lists and the NHS date input as a calendar date", () => {
    const result = parseProject(validProject);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      organisationIds: ["o1", "o2"],
      startDate: new Date("2024-04-01T00:00:00Z"),
      aimByWhen: null,
    });
  });

  it("explains each problem next to its field", () => {
    const result = parseProject({
      ...validProject,
      title: " ",
      organisationIds: [],
      "startDate-day": "31",
      "startDate-month": "2",
      visibility: "SECRET",
      "aimByWhen-day": "1",
      "aimByWhen-month": "",
      "aimByWhen-year": "2025",
    });
    expect(messages(result)).toEqual({
      title: "Enter a title for the project",
      organisationIds: "Select at least one organisation taking part",
      startDate: "The date the change work started (or will start) must be a real date, like 27 3 2024",
      visibility: "Select who can see the project",
      aimByWhen: "The date you aim to achieve this by must include a month",
    });
    expect(
      messages(parseProject({ ...validProject, "startDate-day": "", "startDate-month": "", "startDate-year": "" })),
    ).toEqual({ startDate: "Enter the date the change work started (or will start)" });
  });

  it("refuses an aim date before the start", () => {
    expect(
      messages(
        parseProject({ ...validProject, "aimByWhen-day": "1", "aimByWhen-month": "1", "aimByWhen-year": "2024" }),
      ),
    ).toEqual({ aimByWhen: "The aim date must be on or after the start date" });
  });
});

describe("list filters from the URL", () => {
  it("drops unknown values instead of failing", () => {
    expect(projectFiltersSchema.parse({ status: "NOPE", page: "-3", q: "  huddle " })).toEqual({
      status: undefined,
      page: 1,
      q: "huddle",
      collaborative: undefined,
      priority: undefined,
      stage: undefined,
      organisation: undefined,
    });
    expect(projectFiltersSchema.parse({ status: "TESTING", page: "2" })).toMatchObject({ status: "TESTING", page: 2 });
  });
});

describe("measure forms", () => {
  const measure = {
    projectId: "p",
    name: "Falls",
    kind: "OUTCOME",
    definition: "Datix falls",
    unit: "",
    direction: "DECREASE",
    target: "",
    period: "MONTH",
    valueType: "RATE",
    rateMultiplier: "1000",
  };
  it("reads a target, the multiplier and the screening checkbox", () => {
    const result = createMeasureSchema.safeParse(
      formObject(form({ ...measure, target: "4.5", screenOutlierMovingRanges: "on" })),
    );
    expect(result.data).toMatchObject({ target: 4.5, rateMultiplier: 1000, screenOutlierMovingRanges: true });
    expect(createMeasureSchema.safeParse(formObject(form(measure))).data).toMatchObject({
      target: null,
      screenOutlierMovingRanges: false,
    });
  });
  it("refuses a non-numeric target and a missing definition", () => {
    expect(
      messages(createMeasureSchema.safeParse(formObject(form({ ...measure, target: "five", definition: "" })))),
    ).toEqual({
      target: "Target must be a number, like 5 or 92.5",
      definition: "Define the measure: exactly what is counted, and where the data come from",
    });
  });
  it("gathers the values grid's rows by their number and refuses a row the page did not write", () => {
    const grid = valuesGridSchema.safeParse(
      formObject(
        form({
          projectId: "p",
          measureId: "m",
          "period-1": "2024-04-01",
          "value-1": "6",
          "period-0": "2024-03-01",
          "value-0": " 4 ",
          "shown-0": JSON.stringify(["3", "", "", "old note"]),
          "note-0": "Short-staffed",
        }),
      ),
    );
    expect(grid.data?.rows).toEqual([
      {
        index: 0,
        period: "2024-03-01",
        value: " 4 ",
        numerator: "",
        denominator: "",
        note: "Short-staffed",
        shown: ["3", "", "", "old note"],
      },
      { index: 1, period: "2024-04-01", value: "6", numerator: "", denominator: "", note: "", shown: null },
    ]);
    const tampered = valuesGridSchema.safeParse(
      formObject(form({ projectId: "p", measureId: "m", "period-0": "March", "value-0": "4" })),
    );
    expect(messages(tampered)).toEqual({
      "value-0": "This form has changed since you opened it. Reload the page and try again.",
    });
  });
});

describe("form text is storable before any schema sees it", () => {
  it("drops NUL (PostgreSQL text cannot hold it) and turns a lone surrogate into U+FFFD, keeping real pairs", () => {
    expect(storableText("a\u0000b")).toBe("ab");
    expect(storableText("line one\r\nline two\rthree")).toBe("line one\nline two\nthree");
    expect(storableText("lone \uD83D and \uDE00 halves")).toBe("lone \uFFFD and \uFFFD halves");
    expect(storableText("a pair 🙂, right-to-left \u202Eمرحبا")).toBe("a pair 🙂, right-to-left \u202Eمرحبا");
    const parsed = formObject(form({ title: "x\u0000y", organisationIds: ["o\u00001"] }), {
      arrays: ["organisationIds"],
    });
    expect(parsed).toMatchObject({ title: "xy", organisationIds: ["o1"] });
  });
});
