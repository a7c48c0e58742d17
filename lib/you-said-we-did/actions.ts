"use server";
// Thin adapters from the "You said, we did" forms to lib/you-said-we-did: schema, domain call, what to
// revalidate, where to go.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, withCollaborativeSlug } from "@/lib/forms/action";
import { withDone, type DoneKey } from "@/lib/forms/done";
import {
  approveYouSaidItem,
  createYouSaidItem,
  sendBackYouSaidItem,
  submitYouSaidItem,
  updateYouSaidItem,
  withdrawYouSaidItem,
} from "./mutations";
import { createItemSchema, itemStepSchema, sendBackSchema, updateItemSchema, withdrawSchema } from "./schemas";

function afterChange(slug: string, itemId: string, done: DoneKey): never {
  revalidatePath(`/collaboratives/${slug}`, "layout");
  redirect(withDone(`/collaboratives/${slug}/you-said-we-did/manage/${itemId}`, done));
}

export const createYouSaidAction = formAction({
  schema: withCollaborativeSlug(createItemSchema),
  arrays: ["concernIds"],
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    const { id } = await createYouSaidItem(viewer, input);
    afterChange(slug, id, "yousaid-created");
  },
});

export const updateYouSaidAction = formAction({
  schema: withCollaborativeSlug(updateItemSchema),
  arrays: ["concernIds"],
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await updateYouSaidItem(viewer, input);
    afterChange(slug, input.itemId, "yousaid-saved");
  },
});

export const submitYouSaidAction = formAction({
  schema: withCollaborativeSlug(itemStepSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await submitYouSaidItem(viewer, input);
    afterChange(slug, input.itemId, "yousaid-submitted");
  },
});

export const approveYouSaidAction = formAction({
  schema: withCollaborativeSlug(itemStepSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await approveYouSaidItem(viewer, input);
    afterChange(slug, input.itemId, "yousaid-published");
  },
});

export const sendBackYouSaidAction = formAction({
  schema: withCollaborativeSlug(sendBackSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await sendBackYouSaidItem(viewer, input);
    afterChange(slug, input.itemId, "yousaid-sent-back");
  },
});

export const withdrawYouSaidAction = formAction({
  schema: withCollaborativeSlug(withdrawSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await withdrawYouSaidItem(viewer, input);
    afterChange(slug, input.itemId, "yousaid-withdrawn");
  },
});
