import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { listEvents } from "@/lib/events/queries";
import { orNotFound } from "@/lib/route-errors";
import { formatDateTime, pluralise } from "@/lib/format";
import { ButtonLink } from "@/components/ui/Button";
import { BackLink, Tag } from "@/components/ui/Panels";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Events" };

type Listed = Awaited<ReturnType<typeof listEvents>>["upcoming"][number];

function EventItem({ event, slug }: { event: Listed; slug: string }) {
  const where = [event.location, event.online ? "online" : null].filter(Boolean).join(" and ");
  return (
    <li className="bg-white p-4">
      <h3 className="mb-1 text-lg sm:text-xl">
        <Link href={`/collaboratives/${slug}/events/${event.id}`}>{event.title}</Link>{" "}
        {event.cancelled && <Tag colour="red">Cancelled</Tag>}
      </h3>
      <p className="mb-0 text-base">
        {formatDateTime(event.startsAt)}, {where}.{" "}
        {event.capacity !== null
          ? `${pluralise(event.registrations, "place")} taken of ${event.capacity}.`
          : `${pluralise(event.registrations, "person", "people")} signed up.`}
        {event.publishedOutputs > 0 && ` ${pluralise(event.publishedOutputs, "published output")}.`}
      </p>
    </li>
  );
}

export default async function EventsPage({ params }: Props) {
  const { slug } = await params;
  const { collaborative, upcoming, past, canManage } = await orNotFound(listEvents(await getViewer(), slug));
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</BackLink>
      <h1>Events</h1>
      <p className="max-w-3xl">
        Learning events and workshops where members share what they have tried. Notes and outputs are published
        afterwards as shared learning.
      </p>
      {canManage && <ButtonLink href={`/collaboratives/${collaborative.slug}/events/new`}>Add an event</ButtonLink>}
      <h2>Coming up</h2>
      {upcoming.length === 0 ? (
        <p>No events are planned at the moment.</p>
      ) : (
        <ul className="mb-8 space-y-3">
          {upcoming.map((e) => (
            <EventItem key={e.id} event={e} slug={collaborative.slug} />
          ))}
        </ul>
      )}
      <h2>Past events</h2>
      {past.length === 0 ? (
        <p>No past events yet.</p>
      ) : (
        <ul className="space-y-3">
          {past.map((e) => (
            <EventItem key={e.id} event={e} slug={collaborative.slug} />
          ))}
        </ul>
      )}
    </>
  );
}
