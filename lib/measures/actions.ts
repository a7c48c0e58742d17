"use server";
// Thin adapters from forms to measures and their data: parse, find the viewer, call, revalidate, respond.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formObject, formValues, invalid, runButton, runForm, storableText, type FormState } from "@/lib/forms";
import { withConflicts } from "@/lib/projects/conflict";
import { addPoint, addRebase, correctPoint, createMeasure, deleteMeasure, deletePoint, importMeasureCsv, removeRebase, updateMeasure } from "./mutations";
import { previewMeasureImport } from "./queries";
import {
  MAX_CSV_BYTES,
  POINT_FORM_DATES,
  addPointSchema,
  correctPointSchema,
  createMeasureSchema,
  deleteMeasureSchema,
  deletePointSchema,
  importSchema,
  rebaseSchema,
  updateMeasureSchema,
} from "./schemas";

const measurePath = (projectId: string, measureId: string) => `/projects/${projectId}/measures/${measureId}`;

function revalidateMeasure(projectId: string) {
  // The project page, the measure pages under it and the list's measure counts.
  revalidatePath(`/projects/${projectId}`, "layout");
}

export async function createMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = createMeasureSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let id = "";
  const state = await runForm(formData, async () => {
    id = (await createMeasure(viewer, parsed.data)).id;
  });
  if (!state.ok) return state;
  revalidateMeasure(parsed.data.projectId);
  redirect(measurePath(parsed.data.projectId, id));
}

export async function updateMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updateMeasureSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => withConflicts(formData, () => updateMeasure(viewer, parsed.data)));
  if (!state.ok) return state;
  revalidateMeasure(parsed.data.projectId);
  redirect(measurePath(parsed.data.projectId, parsed.data.id));
}

export async function deleteMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = deleteMeasureSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  if (formData.get("confirm") !== "yes") return { ok: false, fieldErrors: { confirm: "Confirm that you want to delete the measure and all its data" } };
  const viewer = await getViewer();
  const state = await runForm(formData, () => deleteMeasure(viewer, parsed.data));
  if (!state.ok) return state;
  revalidateMeasure(parsed.data.projectId);
  redirect(`/projects/${parsed.data.projectId}`);
}

export async function addPointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = addPointSchema.safeParse(formObject(formData, { dates: POINT_FORM_DATES }));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let label = "";
  const state = await runForm(formData, async () => {
    label = (await addPoint(viewer, parsed.data)).label;
  });
  if (!state.ok) return state;
  revalidateMeasure(parsed.data.projectId);
  return { ok: true, message: `Saved the value for ${label}.` };
}

export async function correctPointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = correctPointSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => correctPoint(viewer, parsed.data));
  if (!state.ok) return state;
  revalidateMeasure(parsed.data.projectId);
  redirect(`${measurePath(parsed.data.projectId, parsed.data.measureId)}?saved=corrected#data`);
}

export async function deletePointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = deletePointSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => deletePoint(viewer, parsed.data));
  if (!state.ok) return state;
  revalidateMeasure(parsed.data.projectId);
  redirect(`${measurePath(parsed.data.projectId, parsed.data.measureId)}?saved=deleted#data`);
}

/**
 * Two steps in one action: "preview" checks the file and returns every row with its problems
 * (nothing is saved); "confirm" imports the same text, checked again, all or nothing. The text
 * travels in a hidden field between the steps.
 */
export async function importMeasureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const file = formData.get("file");
  let csv = String(formData.get("csv") ?? "");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { ok: false, fieldErrors: { file: "The file is too large: import at most 5,000 rows at a time" } };
    csv = await file.text();
  }
  const parsed = importSchema.safeParse({ ...formObject(formData), csv: storableText(csv) });
  if (!parsed.success) return invalid(parsed.error, formData);
  if (parsed.data.csv.trim() === "") {
    return { ok: false, fieldErrors: { csv: "Choose a CSV file, or paste the data into the box" }, values: formValues(formData) };
  }
  const viewer = await getViewer();
  const values = { csv: parsed.data.csv };
  if (parsed.data.step === "preview") {
    return runForm(formData, async () => {
      const preview = await previewMeasureImport(viewer, parsed.data);
      return { ok: false, values, data: { preview: JSON.stringify(preview) } };
    });
  }
  let imported = 0;
  const state = await runForm(formData, async () => {
    imported = (await importMeasureCsv(viewer, parsed.data)).imported;
  });
  if (!state.ok) {
    // Show the rows again with their problems (the data may have changed since the preview).
    const preview = await previewMeasureImport(viewer, parsed.data).catch(() => null);
    return { ...state, values, data: preview ? { preview: JSON.stringify(preview) } : undefined };
  }
  revalidateMeasure(parsed.data.projectId);
  redirect(`${measurePath(parsed.data.projectId, parsed.data.measureId)}?imported=${imported}`);
}

export async function addRebaseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = rebaseSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => addRebase(viewer, parsed.data));
  if (!state.ok) return state;
  revalidateMeasure(parsed.data.projectId);
  return { ok: true, message: "The limits have been recalculated." };
}

export async function removeRebaseAction(formData: FormData): Promise<void> {
  await runButton(formData, rebaseSchema, async (input) => {
    await removeRebase(await getViewer(), input);
    revalidateMeasure(input.projectId);
  });
}
