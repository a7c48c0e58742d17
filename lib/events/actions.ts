"use server";
// Thin adapters from the event forms to lib/events: parse, find the viewer, call, respond.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { formObject, invalid, runForm, type FormState } from "@/lib/forms";
import { withConflicts } from "@/lib/projects/conflict";
import { cancelEvent, cancelRegistration, createEvent, createEventOutput, registerForEvent, updateEvent } from "./mutations";
import { cancelEventSchema, createEventSchema, eventOutputSchema, registrationSchema, updateEventSchema } from "./schemas";

/** Only used to build paths to refresh and redirect to; the domain functions never trust it. */
function slugFrom(formData: FormData): string {
  const slug = String(formData.get("collaborativeSlug") ?? "");
  return /^[a-z0-9-]+$/.test(slug) ? slug : "";
}

function refreshEvents(slug: string, eventId?: string) {
  revalidatePath(`/collaboratives/${slug}`);
  revalidatePath(`/collaboratives/${slug}/events`);
  if (eventId) revalidatePath(`/collaboratives/${slug}/events/${eventId}`);
}

export async function createEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = createEventSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  let eventId = "";
  const state = await runForm(formData, async () => {
    eventId = (await createEvent(viewer, parsed.data)).id;
  });
  if (!state.ok) return state;
  refreshEvents(slug);
  redirect(`/collaboratives/${slug}/events/${eventId}`);
}

export async function updateEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = updateEventSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  const state = await runForm(formData, () => withConflicts(formData, () => updateEvent(viewer, parsed.data)));
  if (!state.ok) return state;
  refreshEvents(slug, parsed.data.eventId);
  redirect(`/collaboratives/${slug}/events/${parsed.data.eventId}`);
}

export async function cancelEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = cancelEventSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await cancelEvent(viewer, parsed.data);
    return { ok: true, message: "The event has been cancelled." };
  });
  if (state.ok) refreshEvents(slugFrom(formData), parsed.data.eventId);
  return state;
}

export async function registerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = registrationSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  if (!viewer.userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/collaboratives/${slug}/events/${parsed.data.eventId}`)}`);
  const state = await runForm(formData, async () => {
    await registerForEvent(viewer, parsed.data.eventId);
    return { ok: true, message: "You are signed up for this event." };
  });
  if (state.ok) refreshEvents(slug, parsed.data.eventId);
  return state;
}

export async function cancelRegistrationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = registrationSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await cancelRegistration(viewer, parsed.data.eventId);
    return { ok: true, message: "Your place has been cancelled." };
  });
  if (state.ok) refreshEvents(slugFrom(formData), parsed.data.eventId);
  return state;
}

export async function createEventOutputAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = eventOutputSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const slug = slugFrom(formData);
  const state = await runForm(formData, async () => {
    const item = await createEventOutput(viewer, parsed.data);
    return { ok: true, data: { slug: item.slug } };
  });
  if (!state.ok) return state;
  refreshEvents(slug, parsed.data.eventId);
  redirect(`/collaboratives/${slug}/events/${parsed.data.eventId}?output=${state.data!.slug}`);
}
