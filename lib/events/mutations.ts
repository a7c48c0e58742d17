import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { DomainError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { formatDateTime } from "@/lib/format";
import { kebab } from "@/lib/slug";
import { changedFields, EditConflictError } from "@/lib/forms/conflict";
import type { CancelEventInput, CreateEventInput, EventOutputInput, UpdateEventInput } from "./schemas";

export const EVENT_FULL = "Sorry, this event is full.";

async function findEvent(eventId: string) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, collaborativeId: true } });
  if (!event) throw new NotFoundError();
  return event;
}

type LockedEvent = {
  id: string;
  collaborativeId: string;
  startsAt: Date;
  capacity: number | null;
  cancelledAt: Date | null;
};

/** Locks the event row so that sign-ups for the last places are counted one at a time. */
async function lockEvent(tx: Tx, eventId: string): Promise<LockedEvent> {
  const [event] = await tx.$queryRaw<
    LockedEvent[]
  >`SELECT id, "collaborativeId", "startsAt", capacity, "cancelledAt" FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
  if (!event) throw new NotFoundError();
  return event;
}

export async function createEvent(viewer: Viewer, input: CreateEventInput) {
  authorize(viewer, "event.manage", { collaborativeId: input.collaborativeId });
  return db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        collaborativeId: input.collaborativeId,
        title: input.title,
        description: input.description,
        agenda: input.agenda,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        location: input.location,
        onlineUrl: input.onlineUrl,
        capacity: input.capacity,
        createdById: viewer.userId!,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "event.created",
      subjectType: "Event",
      subjectId: event.id,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { startsAt: input.startsAt.toISOString(), capacity: input.capacity },
    });
    return event;
  });
}

const EVENT_LABELS = {
  title: "Title",
  description: "Description",
  agenda: "Agenda",
  startsAt: "Starts",
  endsAt: "Finishes",
  location: "Place",
  onlineUrl: "Online link",
  capacity: "Places",
};

function comparable(e: {
  title: string;
  description: string;
  agenda: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
}) {
  return {
    title: e.title,
    description: e.description,
    agenda: e.agenda,
    startsAt: formatDateTime(e.startsAt),
    endsAt: formatDateTime(e.endsAt),
    location: e.location ?? "",
    onlineUrl: e.onlineUrl ?? "",
    capacity: e.capacity === null ? "No limit" : String(e.capacity),
  };
}

export async function updateEvent(viewer: Viewer, input: UpdateEventInput) {
  const found = await findEvent(input.eventId);
  if (found.collaborativeId !== input.collaborativeId) throw new NotFoundError();
  authorize(viewer, "event.manage", { collaborativeId: found.collaborativeId });
  await db.$transaction(async (tx) => {
    const locked = await lockEvent(tx, input.eventId);
    if (locked.cancelledAt) throw new DomainError("This event has been cancelled and can no longer be changed.");
    const taken = await tx.eventRegistration.count({ where: { eventId: input.eventId } });
    if (input.capacity !== null && input.capacity < taken) {
      throw new DomainError("Check the number of places.", {
        capacity: `${taken} people have already signed up: the number of places cannot be lower than that`,
      });
    }
    const { count } = await tx.event.updateMany({
      where: { id: input.eventId, version: input.version },
      data: {
        title: input.title,
        description: input.description,
        agenda: input.agenda,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        location: input.location,
        onlineUrl: input.onlineUrl,
        capacity: input.capacity,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.event.findUniqueOrThrow({ where: { id: input.eventId } });
      throw new EditConflictError({
        version: current.version,
        changes: changedFields(EVENT_LABELS, comparable(current), comparable(input)),
      });
    }
    await recordAudit(tx, {
      action: "event.updated",
      subjectType: "Event",
      subjectId: input.eventId,
      actorId: viewer.userId,
      collaborativeId: found.collaborativeId,
    });
  });
}

export async function cancelEvent(viewer: Viewer, input: CancelEventInput) {
  const found = await findEvent(input.eventId);
  authorize(viewer, "event.manage", { collaborativeId: found.collaborativeId });
  await db.$transaction(async (tx) => {
    const { count } = await tx.event.updateMany({
      where: { id: input.eventId, version: input.version, cancelledAt: null },
      data: { cancelledAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0)
      throw new DomainError(
        "This event was changed or cancelled by someone else while you were looking at it. Check it again.",
      );
    await recordAudit(tx, {
      action: "event.cancelled",
      subjectType: "Event",
      subjectId: input.eventId,
      actorId: viewer.userId,
      collaborativeId: found.collaborativeId,
    });
  });
}

/**
 * Signs the viewer up. The event row is locked while the places are counted, so two people
 * cannot both take the last place; signing up twice is harmless (the unique constraint).
 */
export async function registerForEvent(viewer: Viewer, eventId: string, now = new Date()) {
  const found = await findEvent(eventId);
  authorize(viewer, "event.register", { collaborativeId: found.collaborativeId });
  const userId = viewer.userId!;
  try {
    await db.$transaction(async (tx) => {
      const event = await lockEvent(tx, eventId);
      if (event.cancelledAt) throw new DomainError("Sorry, this event has been cancelled.");
      if (event.startsAt <= now) throw new DomainError("Sign-up has closed: this event has already started.");
      if (
        await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { id: true } })
      )
        return;
      if (event.capacity !== null && (await tx.eventRegistration.count({ where: { eventId } })) >= event.capacity)
        throw new DomainError(EVENT_FULL);
      await tx.eventRegistration.create({ data: { eventId, userId } });
      await recordAudit(tx, {
        action: "event.registered",
        subjectType: "Event",
        subjectId: eventId,
        actorId: userId,
        collaborativeId: found.collaborativeId,
      });
    });
  } catch (error) {
    // The same person signing up twice at the same moment: they are signed up once, which is what they wanted.
    if (isUniqueViolation(error)) return;
    throw error;
  }
}

export async function cancelRegistration(viewer: Viewer, eventId: string, now = new Date()) {
  const found = await findEvent(eventId);
  authorize(viewer, "event.register", { collaborativeId: found.collaborativeId });
  const userId = viewer.userId!;
  await db.$transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (event.startsAt <= now)
      throw new DomainError("This event has already started, so your place can no longer be cancelled here.");
    const { count } = await tx.eventRegistration.deleteMany({ where: { eventId, userId } });
    if (count > 0)
      await recordAudit(tx, {
        action: "event.registration_cancelled",
        subjectType: "Event",
        subjectId: eventId,
        actorId: userId,
        collaborativeId: found.collaborativeId,
      });
  });
}

/**
 * Turns an event's notes or outputs into a DRAFT learning item linked to the event. A lead then
 * reviews and publishes it through the shared learning flow, like any other learning.
 */
export async function createEventOutput(viewer: Viewer, input: EventOutputInput) {
  const found = await findEvent(input.eventId);
  const resource = { collaborativeId: found.collaborativeId };
  authorize(viewer, "event.manage", resource);
  authorize(viewer, "learning.create", resource);
  return db.$transaction(async (tx) => {
    const slug = `${kebab(input.title, "event-notes")}-${randomBytes(3).toString("hex")}`;
    const item = await tx.learningItem.create({
      data: {
        slug,
        type: input.type,
        title: input.title,
        summary: input.summary,
        body: input.body,
        resourceUrl: input.resourceUrl,
        status: "DRAFT",
        collaborativeId: found.collaborativeId,
        authorId: viewer.userId!,
        eventId: input.eventId,
      },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      action: "learning.created",
      subjectType: "LearningItem",
      subjectId: item.id,
      actorId: viewer.userId,
      collaborativeId: found.collaborativeId,
      details: { type: input.type, eventId: input.eventId },
    });
    return item;
  });
}
