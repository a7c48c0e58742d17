import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getEvent } from "@/lib/events/queries";
import { orNotFound } from "@/lib/route-errors";
import { formatDate } from "@/lib/format";
import { BackLink } from "@/components/ui/Panels";
import { EventOutputForm } from "@/components/events/EventOutputForm";

type Props = { params: Promise<{ slug: string; eventId: string }> };

export const metadata: Metadata = { title: "Publish notes or outputs as learning" };

export default async function NewEventOutputPage({ params }: Props) {
  const { slug, eventId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/events/${eventId}/outputs/new`);
  const { collaborative, event, can } = await orNotFound(getEvent(viewer, slug, eventId));
  if (!can.publishOutputs) notFound();
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/events/${event.id}`}>{event.title}</BackLink>
      <h1>Publish notes or outputs as learning</h1>
      <p className="max-w-3xl">
        This saves a draft learning item linked to the event. Review it in shared learning and publish it when it is
        ready; it then appears here and in the learning library for every collaborative.
      </p>
      <EventOutputForm
        eventId={event.id}
        collaborativeSlug={collaborative.slug}
        defaultTitle={`${event.title}: notes from ${formatDate(event.startsAt)}`}
      />
    </>
  );
}
