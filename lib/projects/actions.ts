"use server";
// Thin adapters from forms to the project domain: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { buttonAction, formAction } from "@/lib/forms/action";
import { withDone } from "@/lib/forms/done";
import {
  addChangeIdea,
  addDriver,
  deleteChangeIdea,
  deleteDriver,
  moveDriver,
  renameDriver,
  reparentDriver,
  updateChangeIdea,
} from "./driver-mutations";
import { createPdsaCycle, deletePdsaCycle, updatePdsaCycle } from "./cycle-mutations";
import {
  addTeamMember,
  changeProjectStatus,
  createProject,
  archiveProject,
  removeTeamMember,
  restoreProject,
  updateProject,
} from "./mutations";
import { inviteToProjectTeam } from "@/lib/accounts/mutations";
import { inviteToTeamSchema } from "@/lib/accounts/schemas";
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
  archiveProjectSchema,
  moveDriverSchema,
  pathwayStageSchema,
  removeTeamMemberSchema,
  restoreProjectSchema,
  renameDriverSchema,
  reparentDriverSchema,
  updateChangeIdeaSchema,
  updatePathwayStageSchema,
  updatePdsaSchema,
  updateProjectSchema,
} from "./schemas";

const projectPath = (id: string) => `/projects/${id}`;
/** The project page and everything under it (drivers, cycles, team, measures). */
const refreshProject = (id: string) => revalidatePath(projectPath(id), "layout");

export const createProjectAction = formAction({
  schema: createProjectSchema,
  arrays: PROJECT_FORM_ARRAYS,
  dates: PROJECT_FORM_DATES,
  handler: async ({ input, viewer }) => {
    const { id } = await createProject(viewer, input);
    revalidatePath("/projects");
    redirect(withDone(projectPath(id), "project-created"));
  },
});

export const updateProjectAction = formAction({
  schema: updateProjectSchema,
  arrays: PROJECT_FORM_ARRAYS,
  dates: PROJECT_FORM_DATES,
  handler: async ({ input, viewer }) => {
    await updateProject(viewer, input);
    revalidatePath("/projects");
    revalidatePath(projectPath(input.id));
    redirect(withDone(projectPath(input.id), "project-updated"));
  },
});

export const changeStatusAction = formAction({
  schema: changeStatusSchema,
  handler: async ({ input, viewer }) => {
    await changeProjectStatus(viewer, input);
    revalidatePath("/projects");
    revalidatePath(projectPath(input.id));
    redirect(projectPath(input.id));
  },
});

export const archiveProjectAction = formAction({
  schema: archiveProjectSchema,
  handler: async ({ input, viewer }) => {
    await archiveProject(viewer, input.id);
    revalidatePath("/projects");
    refreshProject(input.id);
    redirect(withDone(projectPath(input.id), "project-archived"));
  },
});

export const restoreProjectAction = formAction({
  schema: restoreProjectSchema,
  handler: async ({ input, viewer }) => {
    await restoreProject(viewer, input.id);
    revalidatePath("/projects");
    refreshProject(input.id);
    redirect(withDone(projectPath(input.id), "project-restored"));
  },
});

export const addTeamMemberAction = formAction({
  schema: addTeamMemberSchema,
  handler: async ({ input, viewer }) => {
    await addTeamMember(viewer, input);
    refreshProject(input.projectId);
    return { ok: true, message: "Added to the team." };
  },
});

export const inviteToTeamAction = formAction({
  schema: inviteToTeamSchema,
  handler: async ({ input, viewer }) => {
    const { invited } = await inviteToProjectTeam(viewer, input);
    refreshProject(input.projectId);
    return { ok: true, message: invited ? `Invitation sent to ${input.email}.` : "Added to the team." };
  },
});

export const removeTeamMemberAction = buttonAction({
  schema: removeTeamMemberSchema,
  handler: async ({ input, viewer }) => {
    await removeTeamMember(viewer, input);
    refreshProject(input.projectId);
  },
});

// ─── Driver diagram ────────────────────────────────────────────────────────────

export const addDriverAction = formAction({
  schema: addDriverSchema,
  handler: async ({ input, viewer }) => {
    await addDriver(viewer, input);
    refreshProject(input.projectId);
  },
});

export const renameDriverAction = formAction({
  schema: renameDriverSchema,
  handler: async ({ input, viewer }) => {
    await renameDriver(viewer, input);
    refreshProject(input.projectId);
  },
});

export const moveDriverAction = buttonAction({
  schema: moveDriverSchema,
  handler: async ({ input, viewer }) => {
    await moveDriver(viewer, input);
    refreshProject(input.projectId);
  },
});

export const reparentDriverAction = buttonAction({
  schema: reparentDriverSchema,
  handler: async ({ input, viewer }) => {
    await reparentDriver(viewer, input);
    refreshProject(input.projectId);
  },
});

export const deleteDriverAction = buttonAction({
  schema: deleteDriverSchema,
  handler: async ({ input, viewer }) => {
    await deleteDriver(viewer, input);
    refreshProject(input.projectId);
  },
});

export const addChangeIdeaAction = formAction({
  schema: addChangeIdeaSchema,
  handler: async ({ input, viewer }) => {
    await addChangeIdea(viewer, input);
    refreshProject(input.projectId);
  },
});

export const updateChangeIdeaAction = formAction({
  schema: updateChangeIdeaSchema,
  handler: async ({ input, viewer }) => {
    await updateChangeIdea(viewer, input);
    refreshProject(input.projectId);
  },
});

export const deleteChangeIdeaAction = formAction({
  schema: deleteChangeIdeaSchema,
  handler: async ({ input, viewer }) => {
    await deleteChangeIdea(viewer, input);
    refreshProject(input.projectId);
  },
});

// ─── PDSA cycles ───────────────────────────────────────────────────────────────

export const createPdsaAction = formAction({
  schema: createPdsaSchema,
  dates: PDSA_FORM_DATES,
  handler: async ({ input, viewer }) => {
    const { id } = await createPdsaCycle(viewer, input);
    refreshProject(input.projectId);
    redirect(withDone(`${projectPath(input.projectId)}/cycles/${id}`, "cycle-created"));
  },
});

export const updatePdsaAction = formAction({
  schema: updatePdsaSchema,
  dates: PDSA_FORM_DATES,
  handler: async ({ input, viewer }) => {
    await updatePdsaCycle(viewer, input);
    refreshProject(input.projectId);
    redirect(withDone(`${projectPath(input.projectId)}/cycles/${input.id}`, "cycle-updated"));
  },
});

export const deletePdsaAction = formAction({
  schema: deletePdsaSchema,
  handler: async ({ input, viewer }) => {
    await deletePdsaCycle(viewer, input);
    refreshProject(input.projectId);
    redirect(projectPath(input.projectId));
  },
});

// ─── Pathway stages (admin) ──────────────────────────────────────────────────────

export const createPathwayStageAction = formAction({
  schema: pathwayStageSchema,
  handler: async ({ input, viewer }) => {
    await createPathwayStage(viewer, input);
    revalidatePath("/admin/pathway-stages");
    return { ok: true, message: `Added “${input.name}”.` };
  },
});

export const updatePathwayStageAction = formAction({
  schema: updatePathwayStageSchema,
  handler: async ({ input, viewer }) => {
    await updatePathwayStage(viewer, input);
    revalidatePath("/admin/pathway-stages");
    return { ok: true, message: `Saved “${input.name}”.` };
  },
});

export const deletePathwayStageAction = formAction({
  schema: deletePathwayStageSchema,
  handler: async ({ input, viewer }) => {
    await deletePathwayStage(viewer, input.id);
    revalidatePath("/admin/pathway-stages");
    return { ok: true, message: "Stage deleted." };
  },
});
