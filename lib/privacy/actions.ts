"use server";
// Thin adapter from the erasure form: parse, find the viewer, call, respond.
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { requestIp } from "@/lib/auth/request-ip";
import { formObject, invalid, runForm, type FormState } from "@/lib/forms";
import { erasePerson } from "./erase-person";
import { eraseSchema } from "./schemas";

export async function erasePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = eraseSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, async () => {
    const summary = await erasePerson(viewer, parsed.data.userId, { ip });
    if (summary.alreadyErased) return { ok: true, message: "This person's details had already been erased." };
    return {
      ok: true,
      message: `Erased. Their name, email address, password and sign-in sessions are gone; ${summary.concernContactsErased} ${summary.concernContactsErased === 1 ? "concern's" : "concerns'"} contact details were erased and ${summary.membershipsRemoved} ${summary.membershipsRemoved === 1 ? "membership was" : "memberships were"} removed. Their de-identified work stays.`,
    };
  });
  if (state.ok) {
    revalidatePath(`/admin/people/${parsed.data.userId}`);
    revalidatePath("/admin");
  }
  return state;
}
