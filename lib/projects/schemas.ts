import { z } from "zod";
import {
  dateField,
  idField,
  idOrEmpty,
  pageNumber,
  optionalText,
  requiredText,
  versionField,
} from "@/lib/schema-fields";
import { PROJECT_STATUSES } from "./status";

// Field names are the forms' input names. Messages follow the NHS error message style.

export const visibilities = ["DRAFT", "PORTAL", "PUBLIC"] as const;

const projectFields = {
  title: requiredText(200, "Title", "Enter a title for the project"),
  problem: requiredText(5000, "The problem", "Describe the problem in plain words"),
  aimWhat: optionalText(1000, "What you are trying to accomplish"),
  aimHowMuch: optionalText(500, "How much"),
  aimByWhen: dateField("the date you aim to achieve this by"),
  startDate: dateField("the date the change work started (or will start)", { required: true }),
  organisationIds: z.array(idField).min(1, "Select at least one organisation taking part").max(50),
  priorityAreaIds: z.array(idField).min(1, "Select at least one priority area").max(20),
  pathwayStageIds: z.array(idField).min(1, "Select at least one stage of the patient’s pathway").max(20),
  visibility: z.enum(visibilities, "Select who can see the project"),
};

/** The multi-value and date fields of the project form, for formObject(). */
export const PROJECT_FORM_ARRAYS = ["organisationIds", "priorityAreaIds", "pathwayStageIds"] as const;
export const PROJECT_FORM_DATES = ["aimByWhen", "startDate"] as const;

const aimDateAfterStart = (v: { aimByWhen: Date | null; startDate: Date }) =>
  v.aimByWhen === null || v.aimByWhen >= v.startDate;
const aimDateMessage = { message: "The aim date must be on or after the start date", path: ["aimByWhen"] };

export const createProjectSchema = z
  .object({ collaborativeId: idField, ...projectFields })
  .refine(aimDateAfterStart, aimDateMessage);
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .object({
    id: idField,
    version: versionField,
    ...projectFields,
    learningSummary: optionalText(5000, "What you learned"),
  })
  .refine(aimDateAfterStart, aimDateMessage);
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const changeStatusSchema = z.object({
  id: idField,
  version: versionField,
  status: z.enum(PROJECT_STATUSES, "Select the project’s new stage"),
  reason: optionalText(1000, "The reason"),
});
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;

export const archiveProjectSchema = z.object({
  id: idField,
  confirm: z.literal("yes", "Confirm that you want to archive the project"),
});

export const restoreProjectSchema = z.object({ id: idField });

export const addTeamMemberSchema = z
  .object({
    projectId: idField,
    userId: idOrEmpty,
    name: optionalText(200, "Name"),
    role: optionalText(200, "Role"),
  })
  .refine((v) => (v.userId === "") !== (v.name === ""), {
    message: "Select a portal member or type a name (not both)",
    path: ["userId"],
  });
export type AddTeamMemberInput = z.infer<typeof addTeamMemberSchema>;

export const removeTeamMemberSchema = z.object({ projectId: idField, memberId: idField });

const driverText = requiredText(300, "Driver", "Enter the driver’s text");

export const addDriverSchema = z.object({ projectId: idField, parentId: idOrEmpty, text: driverText });
export const renameDriverSchema = z.object({ projectId: idField, nodeId: idField, text: driverText });
export const moveDriverSchema = z.object({ projectId: idField, nodeId: idField, direction: z.enum(["up", "down"]) });
export const reparentDriverSchema = z.object({ projectId: idField, nodeId: idField, parentId: idField });
export const deleteDriverSchema = z.object({ projectId: idField, nodeId: idField });

const changeIdeaFields = {
  title: requiredText(300, "Change idea", "Enter the change idea"),
  description: optionalText(2000, "Description"),
  driverNodeId: idOrEmpty,
};
export const addChangeIdeaSchema = z.object({ projectId: idField, ...changeIdeaFields });
export const updateChangeIdeaSchema = z.object({ projectId: idField, ideaId: idField, ...changeIdeaFields });
export const deleteChangeIdeaSchema = z.object({ projectId: idField, ideaId: idField });
export type ChangeIdeaInput = z.infer<typeof addChangeIdeaSchema>;

export const pdsaDecisions = ["ADOPT", "ADAPT", "ABANDON"] as const;
export const PDSA_FORM_DATES = ["startDate", "endDate"] as const;

const pdsaFields = {
  changeIdeaId: idOrEmpty,
  /** A change idea typed on the cycle form, created with the cycle when none is selected. */
  newChangeIdea: optionalText(300, "The new change idea"),
  title: requiredText(200, "Title", "Enter a short title for the cycle"),
  plan: requiredText(5000, "Plan", "Describe the plan: what you will test, who, where and when"),
  prediction: requiredText(2000, "Prediction", "Write down what you predict will happen"),
  doNotes: optionalText(5000, "Do"),
  study: optionalText(5000, "Study"),
  act: z.union([z.enum(pdsaDecisions), z.literal("")], "Select adopt, adapt or abandon").default(""),
  actNotes: optionalText(2000, "Act notes"),
  startDate: dateField("the date the cycle started", { required: true }),
  endDate: dateField("the date the cycle ended"),
};

type PdsaShape = {
  startDate: Date;
  endDate: Date | null;
  act: string;
  study: string;
  changeIdeaId: string;
  newChangeIdea: string;
};
function checkPdsa(v: PdsaShape, ctx: z.RefinementCtx) {
  if (v.changeIdeaId === "" && v.newChangeIdea === "")
    ctx.addIssue({
      code: "custom",
      message: "Select the change idea this cycle tests, or describe a new one",
      path: ["changeIdeaId"],
    });
  if (v.changeIdeaId !== "" && v.newChangeIdea !== "")
    ctx.addIssue({
      code: "custom",
      message: "Select a change idea or describe a new one, not both",
      path: ["newChangeIdea"],
    });
  if (v.endDate && v.endDate < v.startDate)
    ctx.addIssue({ code: "custom", message: "The end date must be on or after the start date", path: ["endDate"] });
  if (v.act !== "" && v.study.trim() === "")
    ctx.addIssue({
      code: "custom",
      message: "Write what you learned (study) before deciding to adopt, adapt or abandon",
      path: ["study"],
    });
}

export const createPdsaSchema = z.object({ projectId: idField, ...pdsaFields }).superRefine(checkPdsa);
export const updatePdsaSchema = z
  .object({ projectId: idField, id: idField, version: versionField, ...pdsaFields })
  .superRefine(checkPdsa);
export type PdsaInput = z.infer<typeof createPdsaSchema>;
export type UpdatePdsaInput = z.infer<typeof updatePdsaSchema>;
export const deletePdsaSchema = z.object({
  projectId: idField,
  id: idField,
  confirm: z.literal("yes", "Confirm that you want to delete the cycle"),
});

export const PAGE_SIZE = 20;
/** The project list's `priority` value for "any local priority" (the dashboard's "local" column links to it). */
export const LOCAL_PRIORITIES = "local";

/** The project list's filters, from the URL query (a GET form): unknown or bad values are dropped. */
export const projectFiltersSchema = z.object({
  collaborative: z.string().trim().max(80).optional().catch(undefined),
  priority: z.string().trim().max(120).optional().catch(undefined),
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
  stage: z.string().trim().max(80).optional().catch(undefined),
  organisation: z.string().trim().max(40).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: pageNumber,
});
export type ProjectFilters = z.infer<typeof projectFiltersSchema>;

export const pathwayStageSchema = z.object({
  name: requiredText(120, "Name", "Enter the stage’s name"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter a short identifier, like care-home")
    .max(60, "Identifier must be 60 characters or fewer")
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "Identifier must use lower-case letters, numbers and hyphens only, like care-home",
    ),
  sortOrder: z.coerce
    .number({ error: "Position must be a whole number" })
    .int("Position must be a whole number")
    .min(0)
    .max(10_000),
});
export const updatePathwayStageSchema = pathwayStageSchema.extend({ id: idField });
export const deletePathwayStageSchema = z.object({ id: idField });
