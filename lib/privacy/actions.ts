"use server";
// Thin adapter from the erasure form: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { requestIp } from "@/lib/auth/request-ip";
import { formAction } from "@/lib/forms/action";
import { erasePerson } from "./erase-person";
import { eraseSchema } from "./schemas";

export const erasePersonAction = formAction({
  schema: eraseSchema,
  handler: async ({ input, viewer }) => {
    const summary = await erasePerson(viewer, input.userId, { ip: await requestIp() });
    revalidatePath(`/admin/people/${input.userId}`);
    revalidatePath("/admin");
    if (summary.alreadyErased) return { ok: true, message: "This person's details had already been erased." };
    return {
      ok: true,
      message: `Erased. Their name, email address, password and sign-in sessions are gone; ${summary.concernContactsErased} ${summary.concernContactsErased === 1 ? "concern's" : "concerns'"} contact details were erased and ${summary.membershipsRemoved} ${summary.membershipsRemoved === 1 ? "membership was" : "memberships were"} removed. Their de-identified work stays.`,
    };
  },
});
