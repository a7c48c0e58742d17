"use server";
// Thin adapters from forms to measures and their data: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer-types";
import { DomainError } from "@/lib/errors";
import { buttonAction, formAction } from "@/lib/forms/action";
import {
  addRebase,
  correctPoint,
  createMeasure,
  deleteMeasure,
  deletePoint,
  importMeasureCsv,
  removeRebase,
  saveValues,
  updateMeasure,
} from "./mutations";
import { getValuesGrid, previewMeasureImport } from "./queries";
import {
  correctPointSchema,
  createMeasureSchema,
  deleteMeasureSchema,
  deletePointSchema,
  importFormSchema,
  rebaseSchema,
  updateMeasureSchema,
  MAX_GRID_ROWS,
  valuesGridSchema,
  type ValuesGridInput,
} from "./schemas";
import { gridRowFields } from "./values";

const measurePath = (projectId: string, measureId: string) => `/projects/${projectId}/measures/${measureId}`;

function revalidateMeasure(projectId: string) {
  // The project page, the measure pages under it and the list's measure counts.
  revalidatePath(`/projects/${projectId}`, "layout");
}

export const createMeasureAction = formAction({
  schema: createMeasureSchema,
  handler: async ({ input, viewer }) => {
    const { id } = await createMeasure(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(measurePath(input.projectId, id));
  },
});

export const updateMeasureAction = formAction({
  schema: updateMeasureSchema,
  handler: async ({ input, viewer }) => {
    await updateMeasure(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(measurePath(input.projectId, input.id));
  },
});

export const deleteMeasureAction = formAction({
  schema: deleteMeasureSchema,
  handler: async ({ input, viewer }) => {
    await deleteMeasure(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(`/projects/${input.projectId}`);
  },
});

export const correctPointAction = formAction({
  schema: correctPointSchema,
  handler: async ({ input, viewer }) => {
    await correctPoint(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(`${measurePath(input.projectId, input.measureId)}?saved=corrected#data`);
  },
});

export const deletePointAction = formAction({
  schema: deletePointSchema,
  handler: async ({ input, viewer }) => {
    await deletePoint(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(`${measurePath(input.projectId, input.measureId)}?saved=deleted#data`);
  },
});

/** The values grid: every row saved in one submit, or none; then the measure page says how many. */
export const saveValuesAction = formAction({
  schema: valuesGridSchema,
  handler: async ({ input, viewer, values }) => {
    if (input.intent === "earlier") return showEarlierPeriods(viewer, input, values);
    const { saved } = await saveValues(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(`${measurePath(input.projectId, input.measureId)}?entered=${saved}`);
  },
});

/**
 * "Show earlier periods": the grid again, with every cell as posted (typed, pasted, and what each row
 * showed, so conflicts are still caught on save) and the earlier rows added, numbered after the posted
 * ones. Nothing is checked or saved.
 */
async function showEarlierPeriods(viewer: Viewer, input: ValuesGridInput, values: Record<string, string>) {
  const posted = new Set(input.rows.map((row) => row.period));
  const earliest = [...posted].sort()[0];
  const grid = await getValuesGrid(viewer, input.projectId, input.measureId, earliest && { before: earliest });
  const added = grid.rows.filter((row) => !posted.has(row.key));
  let index = Math.max(-1, ...input.rows.map((row) => row.index));
  const fields = Object.assign({}, ...added.map((row) => gridRowFields(row, ++index))) as Record<string, string>;
  const earlier =
    added.length === 0
      ? `No earlier periods to add: the grid shows at most ${MAX_GRID_ROWS}.`
      : `Added ${added.length} earlier ${added.length === 1 ? "period" : "periods"}, ${added[0]!.label} to ${added.at(-1)!.label}. Nothing has been saved yet.`;
  return { ok: false, values: { ...values, ...fields }, data: { earlier } };
}

/**
 * Two steps in one action: "preview" checks the file and returns every row with its problems
 * (nothing is saved); "confirm" imports the same text, checked again, all or nothing. The text
 * travels in a hidden field between the steps.
 */
export const importMeasureAction = formAction({
  schema: importFormSchema,
  files: ["file"],
  handler: async ({ input, viewer }) => {
    const values = { csv: input.csv };
    if (input.step === "preview") {
      const preview = await previewMeasureImport(viewer, input);
      return { ok: false, values, data: { preview: JSON.stringify(preview) } };
    }
    let imported: number;
    try {
      ({ imported } = await importMeasureCsv(viewer, input));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Show the rows again with their problems (the data may have changed since the preview).
      const preview = await previewMeasureImport(viewer, input).catch(() => null);
      return {
        ok: false,
        message: error.message,
        fieldErrors: error.fieldErrors,
        values,
        data: preview ? { preview: JSON.stringify(preview) } : undefined,
      };
    }
    revalidateMeasure(input.projectId);
    redirect(`${measurePath(input.projectId, input.measureId)}?imported=${imported}`);
  },
});

export const addRebaseAction = formAction({
  schema: rebaseSchema,
  handler: async ({ input, viewer }) => {
    await addRebase(viewer, input);
    revalidateMeasure(input.projectId);
    return { ok: true, message: "The limits have been recalculated." };
  },
});

export const removeRebaseAction = buttonAction({
  schema: rebaseSchema,
  handler: async ({ input, viewer }) => {
    await removeRebase(viewer, input);
    revalidateMeasure(input.projectId);
  },
});
