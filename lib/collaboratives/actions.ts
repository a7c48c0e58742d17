"use server";
// Thin adapters from the member organisation forms to lib/collaboratives: parse, find the viewer, call, respond.
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { formObject, invalid, runForm, type FormState } from "@/lib/forms";
import { withConflicts } from "@/lib/projects/conflict";
import { createOrganisation, updateOrganisation } from "./mutations";
import { createOrganisationSchema, updateOrganisationSchema } from "./schemas";

function refresh(formData: FormData) {
  const slug = String(formData.get("collaborativeSlug") ?? "");
  if (!/^[a-z0-9-]+$/.test(slug)) return;
  revalidatePath(`/collaboratives/${slug}`);
  revalidatePath(`/collaboratives/${slug}/organisations`);
}

export async function createOrganisationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = createOrganisationSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    const organisation = await createOrganisation(viewer, parsed.data);
    return { ok: true, message: `${organisation.name} has been added.` };
  });
  if (state.ok) refresh(formData);
  return state;
}

export async function updateOrganisationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updateOrganisationSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () =>
    withConflicts(formData, async () => {
      await updateOrganisation(viewer, parsed.data);
      return { ok: true, message: `${parsed.data.name} has been updated.` };
    }),
  );
  if (state.ok) refresh(formData);
  return state;
}
