"use server";
// Thin adapters from forms to the project domain: parse, find the viewer, call, revalidate, respond.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formObject, invalid, runButton, runForm, type FormState } from "@/lib/forms";
import { idField } from "@/lib/schema-fields";
import { withConflicts } from "./conflict";
import { addChangeIdea, addDriver, deleteChangeIdea, deleteDriver, moveDriver, renameDriver, reparentDriver, updateChangeIdea } from "./driver-mutations";
import { createPdsaCycle, deletePdsaCycle, updatePdsaCycle } from "./cycle-mutations";
import { addTeamMember, changeProjectStatus, createProject, deleteProject, removeTeamMember, updateProject } from "./mutations";
import { createPathwayStage, deletePathwayStage, updatePathwayStage } from "./pathway-stages";
import {
  PDSA_FORM_DATES,
  PROJECT_FORM_ARRAYS,
  PROJECT_FORM_DATES,
  addChangeIdeaSchema,
  addDriverSchema,
  addTeamMemberSchema,
  changeStatusSchema,
  createPdsaSchema,
  createProjectSchema,
  deleteChangeIdeaSchema,
  deleteDriverSchema,
  deletePathwayStageSchema,
  deletePdsaSchema,
  moveDriverSchema,
  pathwayStageSchema,
  removeTeamMemberSchema,
  renameDriverSchema,
  reparentDriverSchema,
  updateChangeIdeaSchema,
  updatePathwayStageSchema,
  updatePdsaSchema,
  updateProjectSchema,
} from "./schemas";

const projectPath = (id: string) => `/projects/${id}`;

export async function createProjectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = createProjectSchema.safeParse(formObject(formData, { arrays: PROJECT_FORM_ARRAYS, dates: PROJECT_FORM_DATES }));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let id = "";
  const state = await runForm(formData, async () => {
    id = (await createProject(viewer, parsed.data)).id;
  });
  if (!state.ok) return state;
  revalidatePath("/projects");
  redirect(projectPath(id));
}

export async function updateProjectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updateProjectSchema.safeParse(formObject(formData, { arrays: PROJECT_FORM_ARRAYS, dates: PROJECT_FORM_DATES }));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => withConflicts(formData, () => updateProject(viewer, parsed.data)));
  if (!state.ok) return state;
  revalidatePath("/projects");
  revalidatePath(projectPath(parsed.data.id));
  redirect(projectPath(parsed.data.id));
}

export async function changeStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = changeStatusSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => withConflicts(formData, () => changeProjectStatus(viewer, parsed.data)));
  if (!state.ok) return state;
  revalidatePath("/projects");
  revalidatePath(projectPath(parsed.data.id));
  redirect(projectPath(parsed.data.id));
}

export async function deleteProjectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = idField.safeParse(formObject(formData).id);
  if (!parsed.success) return { ok: false, message: "We could not find that project." };
  if (formData.get("confirm") !== "yes") return { ok: false, fieldErrors: { confirm: "Confirm that you want to delete the project and all its data" }, values: { confirm: "" } };
  const viewer = await getViewer();
  const state = await runForm(formData, () => deleteProject(viewer, parsed.data));
  if (!state.ok) return state;
  revalidatePath("/projects");
  redirect("/projects?deleted=1");
}

export async function addTeamMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = addTeamMemberSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => addTeamMember(viewer, parsed.data));
  if (state.ok) revalidatePath(projectPath(parsed.data.projectId), "layout");
  return state.ok ? { ok: true, message: "Added to the team." } : state;
}

export async function removeTeamMemberAction(formData: FormData): Promise<void> {
  await runButton(formData, removeTeamMemberSchema, async (input) => {
    await removeTeamMember(await getViewer(), input);
    revalidatePath(projectPath(input.projectId), "layout");
  });
}

// ─── Driver diagram ────────────────────────────────────────────────────────────

export async function addDriverAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = addDriverSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await addDriver(viewer, parsed.data);
  });
  if (state.ok) revalidatePath(projectPath(parsed.data.projectId), "layout");
  return state;
}

export async function renameDriverAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = renameDriverSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => renameDriver(viewer, parsed.data));
  if (state.ok) revalidatePath(projectPath(parsed.data.projectId), "layout");
  return state;
}

export async function moveDriverAction(formData: FormData): Promise<void> {
  await runButton(formData, moveDriverSchema, async (input) => {
    await moveDriver(await getViewer(), input);
    revalidatePath(projectPath(input.projectId), "layout");
  });
}

export async function reparentDriverAction(formData: FormData): Promise<void> {
  await runButton(formData, reparentDriverSchema, async (input) => {
    await reparentDriver(await getViewer(), input);
    revalidatePath(projectPath(input.projectId), "layout");
  });
}

export async function deleteDriverAction(formData: FormData): Promise<void> {
  await runButton(formData, deleteDriverSchema, async (input) => {
    await deleteDriver(await getViewer(), input);
    revalidatePath(projectPath(input.projectId), "layout");
  });
}

export async function addChangeIdeaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = addChangeIdeaSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await addChangeIdea(viewer, parsed.data);
  });
  if (state.ok) revalidatePath(projectPath(parsed.data.projectId), "layout");
  return state;
}

export async function updateChangeIdeaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updateChangeIdeaSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => updateChangeIdea(viewer, parsed.data));
  if (state.ok) revalidatePath(projectPath(parsed.data.projectId), "layout");
  return state;
}

export async function deleteChangeIdeaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = deleteChangeIdeaSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => deleteChangeIdea(viewer, parsed.data));
  if (state.ok) revalidatePath(projectPath(parsed.data.projectId), "layout");
  return state;
}

// ─── PDSA cycles ───────────────────────────────────────────────────────────────

export async function createPdsaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = createPdsaSchema.safeParse(formObject(formData, { dates: PDSA_FORM_DATES }));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let id = "";
  const state = await runForm(formData, async () => {
    id = (await createPdsaCycle(viewer, parsed.data)).id;
  });
  if (!state.ok) return state;
  revalidatePath(projectPath(parsed.data.projectId), "layout");
  redirect(`${projectPath(parsed.data.projectId)}/cycles/${id}`);
}

export async function updatePdsaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updatePdsaSchema.safeParse(formObject(formData, { dates: PDSA_FORM_DATES }));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => withConflicts(formData, () => updatePdsaCycle(viewer, parsed.data)));
  if (!state.ok) return state;
  revalidatePath(projectPath(parsed.data.projectId), "layout");
  redirect(`${projectPath(parsed.data.projectId)}/cycles/${parsed.data.id}`);
}

export async function deletePdsaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = deletePdsaSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  if (formData.get("confirm") !== "yes") return { ok: false, fieldErrors: { confirm: "Confirm that you want to delete the cycle" } };
  const viewer = await getViewer();
  const state = await runForm(formData, () => deletePdsaCycle(viewer, parsed.data));
  if (!state.ok) return state;
  revalidatePath(projectPath(parsed.data.projectId), "layout");
  redirect(projectPath(parsed.data.projectId));
}

// ─── Pathway stages (admin) ──────────────────────────────────────────────────────

export async function createPathwayStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = pathwayStageSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => createPathwayStage(viewer, parsed.data));
  if (state.ok) revalidatePath("/admin/pathway-stages");
  return state.ok ? { ok: true, message: `Added “${parsed.data.name}”.` } : state;
}

export async function updatePathwayStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updatePathwayStageSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => updatePathwayStage(viewer, parsed.data));
  if (state.ok) revalidatePath("/admin/pathway-stages");
  return state.ok ? { ok: true, message: `Saved “${parsed.data.name}”.` } : state;
}

export async function deletePathwayStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = deletePathwayStageSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => deletePathwayStage(viewer, parsed.data.id));
  if (state.ok) revalidatePath("/admin/pathway-stages");
  return state.ok ? { ok: true, message: "Stage deleted." } : state;
}
