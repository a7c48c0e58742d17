"use server";
// Thin adapters from the event forms to lib/events: schema, domain call, what to revalidate, response.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, withCollaborativeSlug } from "@/lib/forms/action";
import {
  cancelEvent,
  cancelRegistration,
  createEvent,
  createEventOutput,
  registerForEvent,
  updateEvent,
} from "./mutations";
import {
  cancelEventSchema,
  createEventSchema,
  eventOutputSchema,
  registrationSchema,
  updateEventSchema,
} from "./schemas";

function refreshEvents(slug: string, eventId?: string) {
  revalidatePath(`/collaboratives/${slug}`);
  revalidatePath(`/collaboratives/${slug}/events`);
  if (eventId) revalidatePath(`/collaboratives/${slug}/events/${eventId}`);
}

export const createEventAction = formAction({
  schema: withCollaborativeSlug(createEventSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    const { id } = await createEvent(viewer, input);
    refreshEvents(slug);
    redirect(`/collaboratives/${slug}/events/${id}`);
  },
});

export const updateEventAction = formAction({
  schema: withCollaborativeSlug(updateEventSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await updateEvent(viewer, input);
    refreshEvents(slug, input.eventId);
    redirect(`/collaboratives/${slug}/events/${input.eventId}`);
  },
});

export const cancelEventAction = formAction({
  schema: withCollaborativeSlug(cancelEventSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    await cancelEvent(viewer, input);
    refreshEvents(slug, input.eventId);
    return { ok: true, message: "The event has been cancelled." };
  },
});

export const registerAction = formAction({
  schema: withCollaborativeSlug(registrationSchema),
  handler: async ({ input: { collaborativeSlug: slug, eventId }, viewer }) => {
    if (!viewer.userId)
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/collaboratives/${slug}/events/${eventId}`)}`);
    await registerForEvent(viewer, eventId);
    refreshEvents(slug, eventId);
    return { ok: true, message: "You are signed up for this event." };
  },
});

export const cancelRegistrationAction = formAction({
  schema: withCollaborativeSlug(registrationSchema),
  handler: async ({ input: { collaborativeSlug: slug, eventId }, viewer }) => {
    await cancelRegistration(viewer, eventId);
    refreshEvents(slug, eventId);
    return { ok: true, message: "Your place has been cancelled." };
  },
});

export const createEventOutputAction = formAction({
  schema: withCollaborativeSlug(eventOutputSchema),
  handler: async ({ input: { collaborativeSlug: slug, ...input }, viewer }) => {
    const item = await createEventOutput(viewer, input);
    refreshEvents(slug, input.eventId);
    redirect(`/collaboratives/${slug}/events/${input.eventId}?output=${item.slug}`);
  },
});
