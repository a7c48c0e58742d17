"use server";
// Thin adapters from the member organisation forms to lib/collaboratives: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { formAction, withCollaborativeSlug } from "@/lib/forms/action";
import { createOrganisation, updateOrganisation } from "./mutations";
import { createOrganisationSchema, updateOrganisationSchema } from "./schemas";

function refresh(slug: string) {
  if (!slug) return;
  revalidatePath(`/collaboratives/${slug}`);
  revalidatePath(`/collaboratives/${slug}/organisations`);
}

export const createOrganisationAction = formAction({
  schema: withCollaborativeSlug(createOrganisationSchema),
  handler: async ({ input: { collaborativeSlug, ...input }, viewer }) => {
    const organisation = await createOrganisation(viewer, input);
    refresh(collaborativeSlug);
    return { ok: true, message: `${organisation.name} has been added.` };
  },
});

export const updateOrganisationAction = formAction({
  schema: withCollaborativeSlug(updateOrganisationSchema),
  handler: async ({ input: { collaborativeSlug, ...input }, viewer }) => {
    await updateOrganisation(viewer, input);
    refresh(collaborativeSlug);
    return { ok: true, message: `${input.name} has been updated.` };
  },
});
