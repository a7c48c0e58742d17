import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getEventForEditing } from "@/lib/events/queries";
import { londonTimeOfDay, londonWallTime } from "@/lib/events/schedule";
import { orNotFound } from "@/lib/route-errors";
import { BackLink } from "@/components/ui/Panels";
import { EventForm } from "@/components/events/EventForm";

type Props = { params: Promise<{ slug: string; eventId: string }> };

export const metadata: Metadata = { title: "Change the event" };

export default async function EditEventPage({ params }: Props) {
  const { slug, eventId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/events/${eventId}/edit`);
  const { collaborative, event } = await orNotFound(getEventForEditing(viewer, slug, eventId));
  const day = londonWallTime(event.startsAt);
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/events/${event.id}`}>{event.title}</BackLink>
      <h1>Change the event</h1>
      <EventForm
        collaborativeId={collaborative.id}
        collaborativeSlug={collaborative.slug}
        eventId={event.id}
        version={event.version}
        initial={{
          title: event.title,
          description: event.description,
          agenda: event.agenda,
          "date-day": String(day.day),
          "date-month": String(day.month),
          "date-year": String(day.year),
          startTime: londonTimeOfDay(event.startsAt),
          endTime: londonTimeOfDay(event.endsAt),
          location: event.location ?? "",
          onlineUrl: event.onlineUrl ?? "",
          capacity: event.capacity === null ? "" : String(event.capacity),
        }}
      />
    </>
  );
}
