"use server";
// Thin adapters from the adoption forms to the domain: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { createAdoption, updateAdoption } from "./mutations";
import { createAdoptionSchema, updateAdoptionSchema } from "./schemas";

export const createAdoptionAction = formAction({
  schema: createAdoptionSchema,
  handler: async ({ input, viewer }) => {
    const { slug } = await createAdoption(viewer, input);
    revalidatePath(`/learning/${slug}`);
    redirect(`/learning/${slug}?done=adoption-recorded#spread`);
  },
});

export const updateAdoptionAction = formAction({
  schema: updateAdoptionSchema,
  handler: async ({ input, viewer }) => {
    const { slug } = await updateAdoption(viewer, input);
    revalidatePath(`/learning/${slug}`);
    redirect(`/learning/${slug}?done=adoption-updated#spread`);
  },
});
