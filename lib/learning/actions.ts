"use server";
// Thin adapters from the learning forms to the domain: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import {
  archiveLearningItem,
  createComment,
  createLearningItem,
  follow,
  publishLearningItem,
  setCommentHidden,
  setLearningItemFeatured,
  unfollow,
  updateLearningItem,
} from "./mutations";
import {
  LEARNING_FORM_ARRAYS,
  commentSchema,
  createLearningItemSchema,
  featureSchema,
  followFormSchema,
  itemIdSchema,
  moderateCommentSchema,
  previewLearningItemSchema,
  updateLearningItemSchema,
} from "./schemas";

/**
 * One form for writing and editing learning (an id means editing). "Preview" sends the form back with
 * the Markdown to show (rendered by the same sanitising component as the published page), so it works
 * without JavaScript.
 */
export const saveLearningItemAction = formAction({
  schema: (posted) =>
    posted.intent === "preview"
      ? previewLearningItemSchema
      : posted.id
        ? updateLearningItemSchema
        : createLearningItemSchema,
  arrays: LEARNING_FORM_ARRAYS,
  handler: async ({ input, viewer, values }) => {
    if ("intent" in input) return { ok: false, values, data: { preview: input.body } };
    const { slug } = "id" in input ? await updateLearningItem(viewer, input) : await createLearningItem(viewer, input);
    revalidatePath("/learning");
    redirect(`/learning/${slug}?saved=1`);
  },
});

/** After a change to an item: refresh it and the list, and say what was done on its page. */
function showItem(slug: string, done: string): never {
  revalidatePath("/learning");
  revalidatePath(`/learning/${slug}`);
  redirect(`/learning/${slug}?done=${done}`);
}

export const publishLearningItemAction = formAction({
  schema: itemIdSchema,
  handler: async ({ input, viewer }) => showItem((await publishLearningItem(viewer, input.id)).slug, "published"),
});

export const archiveLearningItemAction = formAction({
  schema: itemIdSchema,
  handler: async ({ input, viewer }) => showItem((await archiveLearningItem(viewer, input.id)).slug, "archived"),
});

export const featureLearningItemAction = formAction({
  schema: featureSchema,
  handler: async ({ input, viewer }) =>
    showItem(
      (await setLearningItemFeatured(viewer, input.id, input.featured)).slug,
      input.featured ? "featured" : "unfeatured",
    ),
});

export const commentAction = formAction({
  schema: commentSchema,
  handler: async ({ input, viewer }) => {
    const { id, slug } = await createComment(viewer, input);
    revalidatePath(`/learning/${slug}`);
    redirect(`/learning/${slug}#comment-${id}`);
  },
});

export const moderateCommentAction = formAction({
  schema: moderateCommentSchema,
  handler: async ({ input, viewer }) => {
    const { slug } = await setCommentHidden(viewer, input.id, input.hidden);
    revalidatePath(`/learning/${slug}`);
    redirect(`/learning/${slug}#comment-${input.id}`);
  },
});

/** Follow or stop following, then back to the learning page it was asked from. */
export const followAction = formAction({
  schema: followFormSchema,
  handler: async ({ input: { intent, returnTo, ...target }, viewer }) => {
    if (intent === "unfollow") await unfollow(viewer, target);
    else await follow(viewer, target);
    revalidatePath("/learning/following");
    redirect(returnTo);
  },
});
