import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getEventCreation } from "@/lib/events/queries";
import { orNotFound } from "@/lib/route-errors";
import { BackLink } from "@/components/ui/Panels";
import { EventForm } from "@/components/events/EventForm";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Add an event" };

export default async function NewEventPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/events/new`);
  const { collaborative } = await orNotFound(getEventCreation(viewer, slug));
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/events`}>Events</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Add an event</h1>
      <EventForm collaborativeId={collaborative.id} collaborativeSlug={collaborative.slug} />
    </>
  );
}
