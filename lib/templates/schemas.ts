import { z } from "zod";
import { NATIONAL_METRICS } from "@/lib/dashboard/national-metrics";
import { directions, measureKinds, periods, valueTypes } from "@/lib/measures/schemas";
import { dateField, idField, idOrEmpty, optionalText, requiredText, versionField } from "@/lib/schema-fields";
import { parseSkeleton, type Skeleton } from "./skeleton";

// Field names are the forms' input names. Messages follow the NHS error message style.

export const NATIONAL_METRIC_KEYS = NATIONAL_METRICS.map((m) => m.key) as [string, ...string[]];
export const RATE_MULTIPLIER_VALUES = ["1", "100", "1000", "10000"] as const;

/** One standard measure as a template stores it (ProjectTemplate.measures is an array of these). */
export const templateMeasureSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(measureKinds),
  definition: z.string().trim().min(1).max(2000),
  unit: z.string().trim().max(60),
  direction: z.enum(directions),
  period: z.enum(periods).default("MONTH"),
  valueType: z.enum(valueTypes),
  rateMultiplier: z.number().refine((n) => RATE_MULTIPLIER_VALUES.includes(String(n) as "1")),
  nationalMetric: z.enum(NATIONAL_METRIC_KEYS).nullable(),
});
export type TemplateMeasure = z.infer<typeof templateMeasureSchema>;
export const templateMeasuresSchema = z.array(templateMeasureSchema).max(12);

/** How many measure rows the edit form offers (the filled ones and one blank, at most this many). */
export const MAX_TEMPLATE_MEASURES = 12;
export const MEASURE_ROW_FIELDS = [
  "name",
  "kind",
  "definition",
  "unit",
  "direction",
  "valueType",
  "rateMultiplier",
  "nationalMetric",
] as const;
/** A measure row's input name: m3_definition. */
export const measureField = (row: number, field: (typeof MEASURE_ROW_FIELDS)[number]) => `m${row}_${field}`;

const rowFields = (row: number) => ({
  [measureField(row, "name")]: optionalText(200, `Measure ${row + 1}: name`),
  [measureField(row, "kind")]: z.union([z.enum(measureKinds), z.literal("")]).default(""),
  [measureField(row, "definition")]: optionalText(2000, `Measure ${row + 1}: definition`),
  [measureField(row, "unit")]: optionalText(60, `Measure ${row + 1}: unit`),
  [measureField(row, "direction")]: z.union([z.enum(directions), z.literal("")]).default(""),
  [measureField(row, "valueType")]: z.union([z.enum(valueTypes), z.literal("")]).default(""),
  [measureField(row, "rateMultiplier")]: z.union([z.enum(RATE_MULTIPLIER_VALUES), z.literal("")]).default(""),
  [measureField(row, "nationalMetric")]: z.union([z.enum(NATIONAL_METRIC_KEYS), z.literal("")]).default(""),
});
const measureRows = Object.assign(
  {},
  ...Array.from({ length: MAX_TEMPLATE_MEASURES }, (_, i) => rowFields(i)),
) as Record<string, z.ZodType<string, string | undefined>>;

/**
 * The rows of the edit form as measures: a row with neither name nor definition is left out (that is how
 * a measure is removed); a row with one needs the other and its choices.
 */
function rowsToMeasures(v: Record<string, string>, ctx: z.RefinementCtx): TemplateMeasure[] {
  const measures: TemplateMeasure[] = [];
  for (let row = 0; row < MAX_TEMPLATE_MEASURES; row++) {
    const get = (f: (typeof MEASURE_ROW_FIELDS)[number]) => v[measureField(row, f)] ?? "";
    if (get("name") === "" && get("definition") === "") continue;
    const missing = (f: (typeof MEASURE_ROW_FIELDS)[number], message: string) => {
      if (get(f) !== "") return false;
      ctx.addIssue({ code: "custom", message: `Measure ${row + 1}: ${message}`, path: [measureField(row, f)] });
      return true;
    };
    const problems = [
      missing("name", "enter its name"),
      missing("definition", "define exactly what is counted, and where the data come from"),
      missing("kind", "select outcome, process or balancing"),
      missing("direction", "select which way is better"),
      missing("valueType", "select whether it is a number or a numerator and denominator"),
    ];
    if (problems.some(Boolean)) continue;
    const valueType = get("valueType") as TemplateMeasure["valueType"];
    measures.push({
      name: get("name"),
      kind: get("kind") as TemplateMeasure["kind"],
      definition: get("definition"),
      unit: get("unit"),
      direction: get("direction") as TemplateMeasure["direction"],
      period: "MONTH",
      valueType,
      rateMultiplier: valueType === "RATE" ? Number(get("rateMultiplier") || "100") : 1,
      nationalMetric: get("nationalMetric") || null,
    });
  }
  return measures;
}

const templateFields = {
  name: requiredText(200, "Name", "Enter the template’s name"),
  description: optionalText(2000, "Description"),
  priorityAreaId: idOrEmpty,
  drivers: optionalText(20_000, "The driver diagram"),
};

const editFields = z.object({ ...templateFields, ...measureRows });
type EditFields = z.infer<typeof editFields>;

/** The edit form's fields as a template: measure rows to measures, the driver lines to a skeleton. */
function toTemplate(v: EditFields, ctx: z.RefinementCtx) {
  const measures = rowsToMeasures(v as unknown as Record<string, string>, ctx);
  const parsed = parseSkeleton(v.drivers);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message, path: ["drivers"] });
  const drivers: Skeleton = parsed.ok ? parsed.skeleton : [];
  return {
    name: v.name,
    description: v.description,
    priorityAreaId: v.priorityAreaId || null,
    measures,
    drivers,
  };
}
export type TemplateFields = ReturnType<typeof toTemplate>;

export const createTemplateSchema = editFields
  .extend({
    key: requiredText(60, "Identifier", "Enter an identifier, like falls").pipe(
      z
        .string()
        .regex(
          /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
          "Identifier must use only small letters, numbers and hyphens, like falls-community",
        ),
    ),
  })
  .transform((v, ctx) => ({ key: v.key, ...toTemplate(v, ctx) }));
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;
export const updateTemplateSchema = editFields
  .extend({ id: idField, version: versionField })
  .transform((v, ctx) => ({ id: v.id, version: v.version, ...toTemplate(v, ctx) }));
export type UpdateTemplateInput = z.infer<typeof updateTemplateSchema>;

/** The only question a template asks besides the title: the grid helper's start-date wording. */
export const createFromTemplateSchema = z.object({
  templateKey: z.string().trim().min(1).max(60),
  collaborativeId: idField,
  title: requiredText(200, "Title", "Enter a title for the project"),
  startDate: dateField("the date the change work started (or will start)", { required: true }),
});
export type CreateFromTemplateInput = z.infer<typeof createFromTemplateSchema>;
export const TEMPLATE_FORM_DATES = ["startDate"] as const;

/** "Start a project from this": a published learning item or a closed project, into one of the person's collaboratives. */
export const startFromSchema = z.object({
  source: z.enum(["learning", "project"], "This form has changed since you opened it. Reload the page and try again."),
  sourceId: idField,
  collaborativeId: z.string().trim().min(1, "Select the collaborative the project is part of").max(40),
});
export type StartFromInput = z.infer<typeof startFromSchema>;

/** A template's fields as the form's initial values. */
export function templateFormValues(t: {
  name: string;
  description: string;
  priorityAreaId: string;
  drivers: string;
  version?: number;
  measures: readonly TemplateMeasure[];
}): Record<string, string> {
  const values: Record<string, string> = {
    name: t.name,
    description: t.description,
    priorityAreaId: t.priorityAreaId,
    drivers: t.drivers,
    ...(t.version ? { version: String(t.version) } : {}),
  };
  t.measures.forEach((m, row) => {
    values[measureField(row, "name")] = m.name;
    values[measureField(row, "kind")] = m.kind;
    values[measureField(row, "definition")] = m.definition;
    values[measureField(row, "unit")] = m.unit;
    values[measureField(row, "direction")] = m.direction;
    values[measureField(row, "valueType")] = m.valueType;
    values[measureField(row, "rateMultiplier")] = String(m.rateMultiplier);
    values[measureField(row, "nationalMetric")] = m.nationalMetric ?? "";
  });
  return values;
}
