"use server";
// Thin adapters from the adoption forms to the domain.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formObject, invalid, runForm, type FormState } from "@/lib/forms";
import { createAdoption, updateAdoption } from "./mutations";
import { createAdoptionSchema, updateAdoptionSchema } from "./schemas";

export async function createAdoptionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = createAdoptionSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let slug = "";
  const state = await runForm(formData, async () => {
    slug = (await createAdoption(viewer, parsed.data)).slug;
  });
  if (!state.ok) return state;
  revalidatePath(`/learning/${slug}`);
  redirect(`/learning/${slug}?done=adoption-recorded#spread`);
}

export async function updateAdoptionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updateAdoptionSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  let slug = "";
  const state = await runForm(formData, async () => {
    slug = (await updateAdoption(viewer, parsed.data)).slug;
  });
  if (!state.ok) return state;
  revalidatePath(`/learning/${slug}`);
  redirect(`/learning/${slug}?done=adoption-updated#spread`);
}
