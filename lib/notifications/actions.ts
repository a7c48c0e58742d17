"use server";
// Thin adapters from forms to the notifications domain.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { buttonAction, formAction } from "@/lib/forms/action";
import { notificationSettingsSchema, unsubscribeSchema } from "./schemas";
import { saveNotificationSettings, unsubscribe } from "./mutations";

export const saveNotificationSettingsAction = formAction({
  schema: notificationSettingsSchema,
  handler: async ({ input, viewer }) => {
    await saveNotificationSettings(viewer, input);
    revalidatePath("/account/notifications");
    return { ok: true, message: "Your notification settings have been saved." };
  },
});

/** The unsubscribe page's button (the email's link opens the page; opening it changes nothing). */
export const unsubscribeAction = buttonAction({
  schema: unsubscribeSchema,
  handler: async ({ input, viewer }) => {
    const done = await unsubscribe(viewer, input.token);
    if (!done) redirect("/notifications/unsubscribed?result=invalid");
    redirect(`/notifications/unsubscribed?kind=${encodeURIComponent(done.kind)}`);
  },
});
