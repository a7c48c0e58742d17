"use server";
// Thin adapters from the template forms and "start a project from this" to the domain.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { withDone } from "@/lib/forms/done";
import { createProjectFromTemplate, createTemplate, startProjectFrom, updateTemplate } from "./mutations";
import {
  TEMPLATE_FORM_DATES,
  createFromTemplateSchema,
  createTemplateSchema,
  startFromSchema,
  updateTemplateSchema,
} from "./schemas";

export const createProjectFromTemplateAction = formAction({
  schema: createFromTemplateSchema,
  dates: TEMPLATE_FORM_DATES,
  handler: async ({ input, viewer }) => {
    const { id } = await createProjectFromTemplate(viewer, input);
    revalidatePath("/projects");
    redirect(withDone(`/projects/${id}`, "project-from-template"));
  },
});

export const startProjectFromAction = formAction({
  schema: startFromSchema,
  handler: async ({ input, viewer }) => {
    const { id, adoption } = await startProjectFrom(viewer, input);
    revalidatePath("/projects");
    if (adoption) revalidatePath("/learning", "layout");
    redirect(withDone(`/projects/${id}`, adoption ? "project-started-adopted" : "project-started-from"));
  },
});

export const createTemplateAction = formAction({
  schema: createTemplateSchema,
  handler: async ({ input, viewer }) => {
    await createTemplate(viewer, input);
    revalidatePath("/admin/templates");
    redirect(withDone("/admin/templates", "template-created"));
  },
});

export const updateTemplateAction = formAction({
  schema: updateTemplateSchema,
  handler: async ({ input, viewer }) => {
    await updateTemplate(viewer, input);
    revalidatePath("/admin/templates");
    redirect(withDone("/admin/templates", "template-updated"));
  },
});
