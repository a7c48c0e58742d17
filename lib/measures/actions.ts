"use server";
// Thin adapters from forms to measures and their data: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { DomainError } from "@/lib/errors";
import { buttonAction, formAction } from "@/lib/forms/action";
import {
  addPoint,
  addRebase,
  correctPoint,
  createMeasure,
  deleteMeasure,
  deletePoint,
  importMeasureCsv,
  removeRebase,
  updateMeasure,
} from "./mutations";
import { previewMeasureImport } from "./queries";
import {
  POINT_FORM_DATES,
  addPointSchema,
  correctPointSchema,
  createMeasureSchema,
  deleteMeasureSchema,
  deletePointSchema,
  importFormSchema,
  rebaseSchema,
  updateMeasureSchema,
} from "./schemas";

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

export const addPointAction = formAction({
  schema: addPointSchema,
  dates: POINT_FORM_DATES,
  handler: async ({ input, viewer }) => {
    const { label } = await addPoint(viewer, input);
    revalidateMeasure(input.projectId);
    return { ok: true, message: `Saved the value for ${label}.` };
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
