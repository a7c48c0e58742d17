"use server";
// Thin adapters from forms to measures and their data: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer-types";
import { DomainError } from "@/lib/errors";
import { buttonAction, formAction } from "@/lib/forms/action";
import { withDone } from "@/lib/forms/done";
import {
  addRebase,
  correctPoint,
  createMeasure,
  archiveMeasure,
  deletePoint,
  importMeasureCsv,
  removeRebase,
  restoreMeasure,
  saveValues,
  updateMeasure,
  type ImportResult,
} from "./mutations";
import { getValuesGrid, previewMeasureImport } from "./queries";
import {
  correctPointSchema,
  createMeasureSchema,
  archiveMeasureSchema,
  deletePointSchema,
  importFormSchema,
  rebaseSchema,
  restoreMeasureSchema,
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
    redirect(withDone(measurePath(input.projectId, id), "measure-created"));
  },
});

export const updateMeasureAction = formAction({
  schema: updateMeasureSchema,
  handler: async ({ input, viewer }) => {
    await updateMeasure(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(withDone(measurePath(input.projectId, input.id), "measure-updated"));
  },
});

export const archiveMeasureAction = formAction({
  schema: archiveMeasureSchema,
  handler: async ({ input, viewer }) => {
    await archiveMeasure(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(withDone(`/projects/${input.projectId}`, "measure-archived"));
  },
});

export const restoreMeasureAction = formAction({
  schema: restoreMeasureSchema,
  handler: async ({ input, viewer }) => {
    await restoreMeasure(viewer, input);
    revalidateMeasure(input.projectId);
    redirect(withDone(measurePath(input.projectId, input.id), "measure-restored"));
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
 * Two steps in one action: "preview" checks the file and returns every row with what will happen
 * to it (nothing is saved); "confirm" imports the same text with the same choices, checked again,
 * all or nothing. The text, the columns, the keep-or-replace choice and the preview's fingerprint
 * travel in hidden fields between the steps.

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
    let result: ImportResult;
    try {
      // The form always carries a fingerprint (empty when tampered with): confirming checks it.
      result = await importMeasureCsv(viewer, input);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Show the rows again with what would happen now (the data may have changed since the preview).
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
    const replaced = result.replaced > 0 ? `&replaced=${result.replaced}` : "";
    redirect(`${measurePath(input.projectId, input.measureId)}?imported=${result.added + result.replaced}${replaced}`);
  },
});

export const addRebaseAction = formAction({
  schema: rebaseSchema,
  handler: async ({ input, viewer }) => {
    await addRebase(viewer, input);
    revalidateMeasure(input.projectId);
    // Which recalculation the message announces: the form hides it once that one is undone.
    return { ok: true, message: "The limits have been recalculated.", data: { rebasedFrom: input.from } };
  },
});

export const removeRebaseAction = buttonAction({
  schema: rebaseSchema,
  handler: async ({ input, viewer }) => {
    await removeRebase(viewer, input);
    revalidateMeasure(input.projectId);
  },
});
