import { z } from "zod";
import { idField, optionalText, requiredText, versionField } from "@/lib/schema-fields";
import { GRID_FIELD, parseNumber } from "./values";
import { MAX_NOTE_LENGTH } from "./csv";
import { storableText } from "@/lib/forms";
import { FORM_CHANGED } from "@/lib/forms/messages";
import { CHART_TYPES } from "./chart-types";

// Field names are the forms' input names. Messages follow the NHS error message style.

export const measureKinds = ["OUTCOME", "PROCESS", "BALANCING"] as const;
export const directions = ["INCREASE", "DECREASE", "NEITHER"] as const;
export const periods = ["DAY", "WEEK", "MONTH"] as const;
export const valueTypes = ["NUMBER", "RATE"] as const;

const measureFields = {
  name: requiredText(200, "Name", "Enter the measure’s name"),
  kind: z.enum(measureKinds, "Select outcome, process or balancing"),
  definition: requiredText(
    2000,
    "Definition",
    "Define the measure: exactly what is counted, and where the data come from",
  ),
  unit: optionalText(60, "Unit"),
  direction: z.enum(directions, "Select which way is better"),
  target: z
    .string()
    .trim()
    .default("")
    .transform((t, ctx) => {
      if (t === "") return null;
      const n = parseNumber(t);
      if (n === null) {
        ctx.addIssue({ code: "custom", message: "Target must be a number, like 5 or 92.5" });
        return z.NEVER;
      }
      return n;
    }),
  period: z.enum(periods, "Select how often the data are collected"),
  valueType: z.enum(valueTypes, "Select whether you record a number or a numerator and denominator"),
  rateMultiplier: z.enum(["1", "100", "1000", "10000"]).default("100").transform(Number),
  screenOutlierMovingRanges: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  // Whether the chart fits the measure (P/U need a numerator and a denominator) is the domain's rule:
  // lib/measures/chart-types.ts, checked in lib/measures/mutations.ts.
  chartType: z.enum(CHART_TYPES, "Select which chart to draw").default("XMR"),
};

export const createMeasureSchema = z.object({ projectId: idField, ...measureFields });
export const updateMeasureSchema = z.object({
  projectId: idField,
  id: idField,
  version: versionField,
  ...measureFields,
});
export type MeasureInput = z.infer<typeof createMeasureSchema>;
export type UpdateMeasureInput = z.infer<typeof updateMeasureSchema>;
export const archiveMeasureSchema = z.object({
  projectId: idField,
  id: idField,
  confirm: z.literal("yes", "Confirm that you want to archive the measure"),
});

export const restoreMeasureSchema = z.object({ projectId: idField, id: idField });

const valueFields = {
  value: z.string().max(50, "Value must be a number").default(""),
  numerator: z.string().max(50, "Numerator must be a number").default(""),
  denominator: z.string().max(50, "Denominator must be a number").default(""),
  note: optionalText(MAX_NOTE_LENGTH, "Note"),
};

export const correctPointSchema = z.object({
  projectId: idField,
  measureId: idField,
  pointId: idField,
  ...valueFields,
});
export type CorrectPointInput = z.infer<typeof correctPointSchema>;
export const deletePointSchema = z.object({ projectId: idField, measureId: idField, pointId: idField });

export const MAX_CSV_BYTES = 2_000_000;
const columnField = z
  .string()
  .regex(/^\d{0,3}$/, "Choose a column from the list")
  .optional();
export const importSchema = z.object({
  projectId: idField,
  measureId: idField,
  step: z.enum(["preview", "confirm"]).default("preview"),
  csv: z.string().max(MAX_CSV_BYTES, "The file is too large: import at most 5,000 rows at a time").default(""),
  // Which column is which: a column's index, "" for none; not sent means "guess from the headers".
  columnPeriod: columnField,
  columnValue: columnField,
  columnNumerator: columnField,
  columnDenominator: columnField,
  columnNote: columnField,
  existing: z.enum(["keep", "replace"], "Choose whether to keep or replace the values already entered").default("keep"),
  // The preview's fingerprint (see ImportPreview.plan); the confirm step carries it.
  plan: z.string().max(40).default(""),
});
export type ImportInput = z.infer<typeof importSchema>;

const TOO_LARGE = "The file is too large: import at most 5,000 rows at a time";
/** The import form: a chosen file (read as its text) replaces the pasted or carried-over `csv`. */
export const importFormSchema = z
  .looseObject({
    file: z
      .instanceof(File)
      .refine((f) => f.size <= MAX_CSV_BYTES, TOO_LARGE)
      .optional(),
  })
  .transform(async ({ file, ...rest }) => (file ? { ...rest, csv: storableText(await file.text()) } : rest))
  .pipe(importSchema)
  .refine((v) => v.csv.trim() !== "", { message: "Choose a CSV file, or paste the data into the box", path: ["csv"] });

export const rebaseSchema = z.object({
  projectId: idField,
  measureId: idField,
  from: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Select the point from which to recalculate the limits"),
});

/**
 * At most this many rows in one grid submission (a little over a year of daily values): the grid is for
 * the periods due and some baseline; years of history go through the CSV import (5,000 rows).
 */
export const MAX_GRID_ROWS = 400;

const gridCell = z.string().default("");
const gridRow = z.object({
  /** The period's start, yyyy-mm-dd, as the page wrote it. */
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, FORM_CHANGED),
  value: gridCell,
  numerator: gridCell,
  denominator: gridCell,
  note: z.string().default(""),
  /** For a period that had a value when the page was drawn: that value as shown (value, numerator, denominator, note). */
  shown: z
    .string()
    .default("")
    .transform((text, ctx) => {
      if (text === "") return null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed) && parsed.length === 4 && parsed.every((p) => typeof p === "string"))
          return parsed as [string, string, string, string];
      } catch {
        // Not what the page wrote: said below.
      }
      ctx.addIssue({ code: "custom", message: FORM_CHANGED });
      return z.NEVER;
    }),
});
export type GridRow = z.output<typeof gridRow> & { index: number };

/**
 * The values grid posts one set of fields per row, named `<field>-<row>` (`value-3`, `note-3`…), so
 * each cell's error can sit beside it and link from the summary. Rows are gathered by their number.
 */
export const valuesGridSchema = z.looseObject({ projectId: idField, measureId: idField }).transform((posted, ctx) => {
  const rows: GridRow[] = [];
  for (const key of Object.keys(posted)) {
    // A cell without its row's period was not written by the page: say so rather than drop what it holds.
    const orphan = /^(?:value|numerator|denominator|note|shown)-(\d{1,4})$/.exec(key)?.[1];
    if (orphan !== undefined && posted[`period-${orphan}`] === undefined) {
      ctx.addIssue({ code: "custom", message: FORM_CHANGED, path: [key] });
      return z.NEVER;
    }
    const index = /^period-(\d{1,4})$/.exec(key)?.[1];
    if (index === undefined) continue;
    const field = (name: string) => posted[`${name}-${index}`];
    const row = gridRow.safeParse({
      period: field("period"),
      value: field("value"),
      numerator: field("numerator"),
      denominator: field("denominator"),
      note: field("note"),
      shown: field("shown"),
    });
    if (!row.success) {
      ctx.addIssue({ code: "custom", message: FORM_CHANGED, path: [`value-${index}`] });
      return z.NEVER;
    }
    rows.push({ ...row.data, index: Number(index) });
  }
  // "Show earlier periods" posts the grid too, so that what was typed comes back with the new rows; it saves nothing.
  const intent = posted.intent === "earlier" ? ("earlier" as const) : ("save" as const);
  if (intent === "save" && rows.length > MAX_GRID_ROWS) {
    ctx.addIssue({
      code: "custom",
      message: `The grid has ${rows.length} rows and saves at most ${MAX_GRID_ROWS} at a time: nothing has been saved. Paste fewer rows, or import them as a CSV file from the measure page`,
      path: [GRID_FIELD],
    });
    return z.NEVER;
  }
  return {
    projectId: posted.projectId,
    measureId: posted.measureId,
    intent,
    rows: rows.sort((a, b) => a.index - b.index),
  };
});
export type ValuesGridInput = z.output<typeof valuesGridSchema>;
