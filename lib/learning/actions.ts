"use server";
// Thin adapters from the learning forms to the domain: parse, find the viewer, call, revalidate, respond.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formObject, formValues, invalid, runForm, type FormState } from "@/lib/forms";
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
  followSchema,
  itemIdSchema,
  moderateCommentSchema,
  updateLearningItemSchema,
} from "./schemas";

/**
 * One form for writing and editing learning. "Preview" sends the form back with the Markdown to show
 * (rendered by the same sanitising component as the published page), so it works without JavaScript.
 */
export async function saveLearningItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (formData.get("intent") === "preview") {
    return { ok: false, values: formValues(formData), data: { preview: String(formData.get("body") ?? "") } };
  }
  const input = formObject(formData, { arrays: LEARNING_FORM_ARRAYS });
  const editing = typeof input.id === "string" && input.id !== "";
  const viewer = await getViewer();
  let slug = "";
  if (editing) {
    const parsed = updateLearningItemSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error, formData);
    const state = await runForm(formData, async () => {
      slug = (await updateLearningItem(viewer, parsed.data)).slug;
    });
    if (!state.ok) return state;
  } else {
    const parsed = createLearningItemSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error, formData);
    const state = await runForm(formData, async () => {
      slug = (await createLearningItem(viewer, parsed.data)).slug;
    });
    if (!state.ok) return state;
  }
  revalidatePath("/learning");
  redirect(`/learning/${slug}?saved=1`);
}

async function itemAction(formData: FormData, work: (id: string) => Promise<{ slug: string }>, done: string): Promise<FormState> {
  const parsed = itemIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  let slug = "";
  const state = await runForm(formData, async () => {
    slug = (await work(parsed.data.id)).slug;
  });
  if (!state.ok) return state;
  revalidatePath("/learning");
  revalidatePath(`/learning/${slug}`);
  redirect(`/learning/${slug}?done=${done}`);
}

export async function publishLearningItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  return itemAction(formData, (id) => publishLearningItem(viewer, id), "published");
}

export async function archiveLearningItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  return itemAction(formData, (id) => archiveLearningItem(viewer, id), "archived");
}

export async function featureLearningItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = featureSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  return itemAction(formData, (id) => setLearningItemFeatured(viewer, id, parsed.data.featured), parsed.data.featured ? "featured" : "unfeatured");
}

export async function commentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = commentSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let result = { id: "", slug: "" };
  const state = await runForm(formData, async () => {
    result = await createComment(viewer, parsed.data);
  });
  if (!state.ok) return state;
  revalidatePath(`/learning/${result.slug}`);
  redirect(`/learning/${result.slug}#comment-${result.id}`);
}

export async function moderateCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = moderateCommentSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let slug = "";
  const state = await runForm(formData, async () => {
    slug = (await setCommentHidden(viewer, parsed.data.id, parsed.data.hidden)).slug;
  });
  if (!state.ok) return state;
  revalidatePath(`/learning/${slug}`);
  redirect(`/learning/${slug}#comment-${parsed.data.id}`);
}

/** Follow or stop following; `returnTo` is one of our own paths (anything else goes to the following page). */
export async function followAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = followSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const stop = formData.get("intent") === "unfollow";
  const state = await runForm(formData, async () => {
    if (stop) await unfollow(viewer, parsed.data);
    else await follow(viewer, parsed.data);
  });
  if (!state.ok) return state;
  const returnTo = String(formData.get("returnTo") ?? "");
  const safe = /^\/learning(\/[a-z0-9-]+)?(\?[a-z0-9=&+%-]*)?$/i.test(returnTo) ? returnTo : "/learning/following";
  revalidatePath("/learning/following");
  redirect(safe);
}
