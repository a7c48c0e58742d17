import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { requireCollaborative } from "@/lib/collaboratives/queries";

/** Upcoming and past events of a collaborative, with places taken. Events are public. */
export async function listEvents(viewer: Viewer, slug: string, now = new Date()) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "collaborative.read", { collaborativeId: collaborative.id });
  const select = {
    id: true,
    title: true,
    startsAt: true,
    endsAt: true,
    location: true,
    onlineUrl: true,
    capacity: true,
    cancelledAt: true,
    _count: { select: { registrations: true, outputs: { where: { status: "PUBLISHED" as const } } } },
  };
  const [upcoming, past] = await Promise.all([
    db.event.findMany({
      where: { collaborativeId: collaborative.id, endsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      select,
    }),
    db.event.findMany({
      where: { collaborativeId: collaborative.id, endsAt: { lt: now } },
      orderBy: { startsAt: "desc" },
      take: 30,
      select,
    }),
  ]);
  const shape = (e: (typeof upcoming)[number]) => ({
    id: e.id,
    title: e.title,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    location: e.location,
    online: e.onlineUrl !== null,
    capacity: e.capacity,
    cancelled: e.cancelledAt !== null,
    registrations: e._count.registrations,
    publishedOutputs: e._count.outputs,
  });
  return {
    collaborative,
    upcoming: upcoming.map(shape),
    past: past.map(shape),
    canManage: can(viewer, "event.manage", { collaborativeId: collaborative.id }),
  };
}

/** What the event page and its edit form both show of an event. */
const EVENT_FIELDS = {
  id: true,
  title: true,
  description: true,
  agenda: true,
  startsAt: true,
  endsAt: true,
  location: true,
  onlineUrl: true,
  capacity: true,
  cancelledAt: true,
  version: true,
} satisfies Prisma.EventSelect;

export type EventPage = Awaited<ReturnType<typeof getEvent>>;

/**
 * One event. The online link goes only to people who have signed up (and the leads), so that a
 * public page does not invite strangers into a meeting; the attendee list is for the leads.
 */
export async function getEvent(viewer: Viewer, slug: string, eventId: string, now = new Date()) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "collaborative.read", { collaborativeId: collaborative.id });
  const event = await db.event.findFirst({
    where: { id: eventId, collaborativeId: collaborative.id },
    select: {
      ...EVENT_FIELDS,
      _count: { select: { registrations: true } },
      outputs: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          type: true,
          status: true,
          summary: true,
          authorId: true,
          collaborativeId: true,
        },
      },
    },
  });
  if (!event) throw new NotFoundError();
  const resource = { collaborativeId: collaborative.id };
  const canManage = can(viewer, "event.manage", resource);
  const registration = viewer.userId
    ? await db.eventRegistration.findUnique({
        where: { eventId_userId: { eventId, userId: viewer.userId } },
        select: { createdAt: true },
      })
    : null;
  const attendees = canManage
    ? (
        await db.eventRegistration.findMany({
          where: { eventId },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            createdAt: true,
            user: {
              select: {
                name: true,
                memberships: {
                  where: { collaborativeId: collaborative.id },
                  select: { role: true, organisation: { select: { name: true } } },
                },
              },
            },
          },
        })
      ).map((r) => ({
        id: r.id,
        name: r.user.name,
        registeredAt: r.createdAt,
        organisation: r.user.memberships[0]?.organisation?.name ?? null,
      }))
    : null;
  const taken = event._count.registrations;
  const started = event.startsAt <= now;
  const full = event.capacity !== null && taken >= event.capacity;
  const cancelled = event.cancelledAt !== null;

  return {
    collaborative,
    event: {
      id: event.id,
      title: event.title,
      description: event.description,
      agenda: event.agenda,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      location: event.location,
      online: event.onlineUrl !== null,
      onlineUrl: registration || canManage ? event.onlineUrl : null,
      capacity: event.capacity,
      cancelled,
      version: event.version,
      registrations: taken,
      placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - taken),
      past: event.endsAt < now,
    },
    registered: registration !== null,
    attendees,
    outputs: event.outputs
      .filter((o) =>
        can(viewer, "learning.read", {
          collaborativeId: o.collaborativeId,
          status: o.status,
          ownerId: o.authorId,
          visibility: o.status === "PUBLISHED" ? "PUBLIC" : "DRAFT",
        }),
      )
      .map((o) => ({ id: o.id, slug: o.slug, title: o.title, type: o.type, status: o.status, summary: o.summary })),
    can: {
      register:
        !cancelled &&
        !started &&
        !full &&
        viewer.userId !== null &&
        registration === null &&
        can(viewer, "event.register", resource),
      cancelRegistration: registration !== null && !started,
      manage: canManage,
      publishOutputs: canManage && can(viewer, "learning.create", resource),
    },
    signedIn: viewer.userId !== null,
    full,
    started,
  };
}

/** The event as its edit form needs it. */
export async function getEventForEditing(viewer: Viewer, slug: string, eventId: string) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "event.manage", { collaborativeId: collaborative.id });
  const event = await db.event.findFirst({
    where: { id: eventId, collaborativeId: collaborative.id },
    select: EVENT_FIELDS,
  });
  if (!event) throw new NotFoundError();
  return { collaborative, event };
}

/** The collaborative a new event is for, if the viewer may add events to it. */
export async function getEventCreation(viewer: Viewer, slug: string) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "event.manage", { collaborativeId: collaborative.id });
  return { collaborative };
}
