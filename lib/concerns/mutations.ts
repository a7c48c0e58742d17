// Writes for concerns. A submission and its first status entry commit together, so an acknowledged
// reference always exists; triage changes are versioned and audited in the same transaction.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { takeSlots, type Limit } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit";
import { ConflictError, DomainError, NotFoundError, RateLimitError } from "@/lib/errors";
import { sendEmail, type Email } from "@/lib/mail/send";
import { queueNotifications } from "@/lib/notifications/mutations";
import {
  decryptContact,
  encryptContact,
  idempotencySecret,
  openText,
  sealText,
  trackingSecret,
  type ContactDetails,
} from "./contact-crypto";
import { generateReference } from "./reference";
import { TRACKING_TOKEN_PATTERN, hashTrackingToken, idempotencyKeyHash, trackingTokenFor } from "./tracking-token";
import { decideRouting, postcodeAreaOf, type PostcodeRoute } from "./routing";
import { NOT_SURE, SOMETHING_ELSE, type ConcernFormInput, type ReplyAnswerValue } from "./schemas";
import { STATUS_LABELS, countsAsAcknowledged, manualNextStatuses, statusAfter } from "./triage";
import { DAY_MS, HELD_CONCERN_DAYS } from "@/lib/privacy/retention-schedule";
import { submissionMayDescribeImmediateRisk } from "./urgency";
import { acknowledgementDueDay, addWorkingDays, dateOfDay, londonDay } from "./service-level";
import { formatDate } from "@/lib/format";

// ─── Submitting ───────────────────────────────────────────────────────────────

/** Per address: generous enough for a family sharing a connection, tight enough to stop a flood. */
export const concernSubmissionLimit = (ip: string): Limit => ({
  key: `concern:ip:${ip}`,
  limit: 10,
  windowSeconds: 15 * 60,
});

export class ConcernThrottledError extends RateLimitError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    this.message = `A lot of concerns have been sent from your connection in a short time. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}. Nothing has been sent yet, and what you wrote is still here.`;
  }
}

export type SubmittedConcern = {
  kind: "submitted";
  reference: string;
  /**
   * The tracking token; null when a retried post finds the link was replaced since ("I lost my link"):
   * the retry can only derive the old token, and is never given the new one.
   */
  token: string | null;
  collaborativeName: string;
  duplicate: boolean;
  /** A copy of the reference and link is emailed (the person gave an email address). */
  emailed: boolean;
  /** What they wrote suggests someone may be in danger now: they are shown urgent help first. */
  urgent: boolean;
};
export type RoutingQuestion = {
  kind: "confirm";
  reason: "postcode" | "conflict";
  suggested: string;
  options: string[];
  postcodeArea: string | null;
  place: string | null;
};

/**
 * Saves a concern from the public form, or asks the person to confirm where it should go. Submitting
 * the same form twice (double click, retry after a lost response) returns the first submission.
 */
export async function submitConcern(
  viewer: Viewer,
  input: ConcernFormInput,
  context: { ip: string },
): Promise<SubmittedConcern | RoutingQuestion> {
  authorize(viewer, "concern.create");
  const keyHash = idempotencyKeyHash(input.idempotencyKey, idempotencySecret());
  const earlier = await findSubmission(input.idempotencyKey, keyHash);
  if (earlier) return earlier;

  const [route, priorityAreaId, pathwayStageId] = await Promise.all([
    resolveRoute(input),
    priorityAreaIdFor(input.priorityArea),
    pathwayStageIdFor(input.pathwayStage),
  ]);
  if (route.kind === "confirm") return route;

  try {
    await takeSlots([concernSubmissionLimit(context.ip)]);
  } catch (error) {
    if (error instanceof RateLimitError) throw new ConcernThrottledError(error.retryAfterSeconds);
    throw error;
  }

  const contact = contactFrom(input);
  const token = trackingTokenFor(input.idempotencyKey, trackingSecret());
  const data = {
    trackingTokenHash: hashTrackingToken(token),
    trackingTokenSealed: sealText(token),
    idempotencyKeyHash: keyHash,
    collaborativeId: route.collaborative.id,
    organisationId: route.organisationId,
    organisationText: route.organisationId ? "" : input.organisationText,
    // The area only: the full postcode could help identify the reporter.
    postcodeArea: route.postcodeArea,
    happenedWhen: input.happenedWhen,
    priorityAreaId,
    pathwayStageId,
    whatHappened: input.whatHappened,
    impact: input.impact,
    whatWouldHaveHelped: input.whatWouldHaveHelped,
    reporterRelation: input.reporterRelation,
    kind: input.kind,
    publicSummaryConsent: input.publicSummaryConsent ? input.publicSummaryConsent === "yes" : null,
    contactEncrypted: contact ? encryptContact(contact) : null,
    contactConsent: contact !== null,
    reporterId: viewer.userId && input.linkToAccount === "yes" ? viewer.userId : null,
    // The hidden field is filled in by robots, but also by some browsers and password managers: the
    // person is told nothing different, and a lead decides (see releaseHeldConcern).
    heldAt: input.website ? new Date() : null,
    // The copy of the reference and tracking link, in the concern's own insert: a retried or doubled
    // post finds the first concern (or loses the race and rolls back), so there is one per concern.
    // A held concern gets it too: its sender is told exactly what anyone is (the hidden field is also
    // filled by browsers' autofill), and the copy holds nothing of what was written. A robot that
    // filled it in gets an email sent only to the address it typed, as for any concern.
    emailRequests: contact?.email ? { create: { kind: "confirmation" } } : undefined,
  } satisfies Omit<Prisma.ConcernUncheckedCreateInput, "reference">;

  for (let attempt = 1; ; attempt += 1) {
    try {
      // The concern, its first status entry and its leads' notifications commit together.
      const created = await db.$transaction(async (tx) => {
        const concern = await tx.concern.create({
          data: {
            ...data,
            reference: generateReference(),
            statusChanges: { create: { toStatus: "RECEIVED", reason: "Sent by the reporter" } },
          },
          select: { id: true, reference: true, heldAt: true },
        });
        // A held concern (possibly automated) tells nobody until a lead releases it.
        if (!concern.heldAt) await notifyLeadsOfConcern(tx, concern.id);
        return concern;
      });
      return {
        kind: "submitted",
        reference: created.reference,
        token,
        collaborativeName: route.collaborative.name,
        duplicate: false,
        emailed: Boolean(contact?.email),
        urgent: submissionMayDescribeImmediateRisk(input),
      };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      // Either the same submission arrived twice at once (the other one won), or the reference was taken.
      const winner = await findSubmission(input.idempotencyKey, keyHash);
      if (winner) return winner;
      if (attempt >= 5) throw error;
    }
  }
}

/** The earlier submission of this form, by the keyed hash (or, for a concern sent before keys were hashed and not yet converted, the clear key). */
async function findSubmission(idempotencyKey: string, keyHash: string): Promise<SubmittedConcern | null> {
  const found = await db.concern.findFirst({
    where: { OR: [{ idempotencyKeyHash: keyHash }, { idempotencyKey }] },
    select: {
      reference: true,
      trackingTokenHash: true,
      contactEncrypted: true,
      whatHappened: true,
      impact: true,
      whatWouldHaveHelped: true,
      collaborative: { select: { name: true } },
    },
  });
  if (!found) return null;
  const token = trackingTokenFor(idempotencyKey, trackingSecret());
  return {
    kind: "submitted",
    reference: found.reference,
    // Replaced since ("I lost my link"): the old token no longer opens anything, and the new one is not ours to give.
    token: hashTrackingToken(token) === found.trackingTokenHash ? token : null,
    collaborativeName: found.collaborative.name,
    duplicate: true,
    emailed: Boolean(found.contactEncrypted && decryptContact(found.contactEncrypted).email),
    urgent: submissionMayDescribeImmediateRisk(found),
  };
}

function contactFrom(input: ConcernFormInput): ContactDetails | null {
  if (input.contactPreference !== "contact") return null;
  const contact: ContactDetails = {};
  if (input.contactName) contact.name = input.contactName;
  if (input.contactEmail) contact.email = input.contactEmail;
  if (input.contactPhone) contact.phone = input.contactPhone;
  return contact;
}

type Route =
  | {
      kind: "routed";
      collaborative: { id: string; name: string };
      organisationId: string | null;
      postcodeArea: string | null;
    }
  | RoutingQuestion;

async function resolveRoute(input: ConcernFormInput): Promise<Route> {
  let postcode: (PostcodeRoute & { place: string }) | null = null;
  if (input.postcode) {
    const area = postcodeAreaOf(input.postcode);
    if (!area) throw new DomainError("", { postcode: "Enter a postcode in the right format, like SO16 6YD or SO16" });
    const row = await db.postcodeArea.findUnique({
      where: { code: area },
      select: { place: true, alsoPossible: true, collaborative: { select: { slug: true } } },
    });
    if (!row)
      throw new DomainError("", {
        postcode:
          "We do not recognise that postcode as one in England. Check it, or choose the part of England from the list",
      });
    postcode = { area, usual: row.collaborative.slug, alsoPossible: row.alsoPossible, place: row.place };
  }
  const organisations = input.organisationText
    ? await db.organisation.findMany({
        where: { active: true, name: { equals: input.organisationText, mode: "insensitive" } },
        select: { id: true, collaborative: { select: { slug: true } } },
      })
    : [];
  const organisationCollaboratives = [...new Set(organisations.map((o) => o.collaborative.slug))];

  const decision = decideRouting({
    postcode,
    organisationCollaborative: organisationCollaboratives.length === 1 ? organisationCollaboratives[0]! : null,
    region: input.region ?? null,
    confirmed: input.collaborative ?? null,
  });
  if (decision.kind === "missing") {
    throw new DomainError("", {
      postcode: "Enter the postcode where it happened, or choose the part of England from the list",
    });
  }
  if (decision.kind === "confirm") {
    return {
      kind: "confirm",
      reason: decision.reason,
      suggested: decision.suggested,
      options: decision.options,
      postcodeArea: postcode?.area ?? null,
      place: postcode?.place ?? null,
    };
  }
  const collaborative = await db.collaborative.findUnique({
    where: { slug: decision.collaborative },
    select: { id: true, name: true },
  });
  if (!collaborative) throw new DomainError("", { region: "Select the part of England where it happened" });
  const organisationId = organisations.find((o) => o.collaborative.slug === decision.collaborative)?.id ?? null;
  return { kind: "routed", collaborative, organisationId, postcodeArea: postcode?.area ?? null };
}

async function priorityAreaIdFor(slug: string): Promise<string | null> {
  if (slug === SOMETHING_ELSE) return null;
  const area = await db.priorityArea.findFirst({ where: { slug, kind: "NATIONAL" }, select: { id: true } });
  if (!area) throw new DomainError("", { priorityArea: "Select what the concern is about" });
  return area.id;
}

async function pathwayStageIdFor(slug: string): Promise<string | null> {
  if (slug === NOT_SURE) return null;
  const stage = await db.pathwayStage.findUnique({ where: { slug }, select: { id: true } });
  if (!stage) throw new DomainError("", { pathwayStage: "Select where in their care it happened" });
  return stage.id;
}

// ─── Triage ───────────────────────────────────────────────────────────────────

type TriageAccess = {
  id: string;
  collaborativeId: string;
  status: ConcernStatus;
  version: number;
  acknowledgedAt: Date | null;
  contactEncrypted: string | null;
  contactConsent: boolean;
};

/** The concern, for its collaborative's leads; everyone else is told it does not exist. A held concern is released first. */
async function requireTriage(viewer: Viewer, concernId: string, client: Tx | typeof db = db): Promise<TriageAccess> {
  const concern = await client.concern.findUnique({
    where: { id: concernId, heldAt: null },
    select: {
      id: true,
      collaborativeId: true,
      status: true,
      version: true,
      acknowledgedAt: true,
      contactEncrypted: true,
      contactConsent: true,
    },
  });
  if (!concern || !can(viewer, "concern.triage", concern)) throw new NotFoundError();
  return concern;
}

// ─── Telling the leads ─────────────────────────────────────────────────────────

/**
 * Queues, in the concern's transaction, an email to each of its collaborative's leads: "a concern has
 * arrived" (each lead's setting: straight away, daily summary or off), or, when its words suggest
 * someone may be in danger now (issue 23), an urgent one that goes straight away whatever the setting.
 * Never the concern's words or who sent it: the collaborative, reference and area, and the triage link.
 */
async function notifyLeadsOfConcern(tx: Tx, concernId: string): Promise<void> {
  const concern = await tx.concern.findUniqueOrThrow({
    where: { id: concernId },
    select: {
      id: true,
      reference: true,
      collaborativeId: true,
      whatHappened: true,
      impact: true,
      whatWouldHaveHelped: true,
      collaborative: { select: { name: true, slug: true } },
      priorityArea: { select: { name: true } },
    },
  });
  const leads = await tx.membership.findMany({
    where: { collaborativeId: concern.collaborativeId, role: "LEAD", status: "ACTIVE", user: { erasedAt: null } },
    select: { userId: true },
  });
  const urgent = submissionMayDescribeImmediateRisk(concern);
  const area = concern.priorityArea?.name ?? "Something else";
  const where = concern.collaborative.name;
  await queueNotifications(
    tx,
    leads.map(({ userId }) =>
      urgent
        ? {
            userId,
            kind: "concern.urgent" as const,
            subject: `Urgent: a safety concern in ${where} may describe someone in danger now`,
            text: `A safety concern has arrived in ${where} that may describe someone in danger now. Please read it today.\n\nReference: ${concern.reference}\nArea: ${area}\n\nRead it on the triage page:`,
            url: `/collaboratives/${concern.collaborative.slug}/concerns/${concern.id}`,
            dedupeKey: `concern.arrived:${concern.id}`,
            collaborativeId: concern.collaborativeId,
          }
        : {
            userId,
            kind: "concern.received" as const,
            subject: `A safety concern has arrived in ${where}`,
            text: `A safety concern has arrived in ${where}.\n\nReference: ${concern.reference}\nArea: ${area}\n\nRead it on the triage page:`,
            url: `/collaboratives/${concern.collaborative.slug}/concerns/${concern.id}`,
            dedupeKey: `concern.arrived:${concern.id}`,
            collaborativeId: concern.collaborativeId,
          },
    ),
  );
}

/**
 * "Read" (issue 23's count of urgent concerns unread after a working day): the first time one of the
 * concern's own leads opens its triage page. The national team and administrators opening it do not
 * count. Once set, never changed.
 */
export async function markConcernRead(
  viewer: Viewer,
  concern: { id: string; collaborativeId: string },
  now = new Date(),
) {
  if (!can(viewer, "concern.triage", { collaborativeId: concern.collaborativeId })) return;
  await db.concern.updateMany({
    where: { id: concern.id, firstReadAt: null, heldAt: null },
    data: { firstReadAt: now },
  });
}

/**
 * The hourly reminder: a working day before an unacknowledged concern falls overdue (its due day is
 * today or the next working day), each of its leads is emailed once (kind concern.ack-due, one
 * dedupeKey per concern and lead, so running again queues nothing new).
 */
export async function queueAcknowledgementReminders(now = new Date()): Promise<number> {
  const today = londonDay(now);
  const candidates = await db.concern.findMany({
    where: {
      acknowledgedAt: null,
      heldAt: null,
      status: "RECEIVED",
      // Due within a few weeks of arriving at most (acknowledgementDays is capped): older ones are long overdue.
      receivedAt: { gte: new Date(now.getTime() - 60 * 86_400_000) },
    },
    select: {
      id: true,
      reference: true,
      receivedAt: true,
      collaborativeId: true,
      collaborative: { select: { name: true, slug: true, acknowledgementDays: true } },
      priorityArea: { select: { name: true } },
    },
  });
  const due = candidates.filter((c) => {
    const dueDay = acknowledgementDueDay(c.receivedAt, c.collaborative.acknowledgementDays);
    return today <= dueDay && addWorkingDays(today, 1) >= dueDay;
  });
  let queued = 0;
  for (const c of due) {
    await db.$transaction(async (tx) => {
      const leads = await tx.membership.findMany({
        where: { collaborativeId: c.collaborativeId, role: "LEAD", status: "ACTIVE", user: { erasedAt: null } },
        select: { userId: true },
      });
      const dueDate = formatDate(dateOfDay(acknowledgementDueDay(c.receivedAt, c.collaborative.acknowledgementDays)));
      await queueNotifications(
        tx,
        leads.map(({ userId }) => ({
          userId,
          kind: "concern.ack-due" as const,
          subject: `Concern ${c.reference} needs acknowledging by ${dueDate}`,
          text: `The safety concern ${c.reference} in ${c.collaborative.name} has not been acknowledged. It falls overdue after ${dueDate}.\n\nArea: ${c.priorityArea?.name ?? "Something else"}\n\nAcknowledge it on the triage page:`,
          url: `/collaboratives/${c.collaborative.slug}/concerns/${c.id}`,
          dedupeKey: `concern.ack-due:${c.id}`,
          collaborativeId: c.collaborativeId,
        })),
      );
    });
    queued += 1;
  }
  return queued;
}

// ─── Held as possibly automated ───────────────────────────────────────────────

export { HELD_CONCERN_DAYS };

/** A held concern, for its collaborative's leads; anything else (not held, not theirs) does not exist. */
async function requireHeld(viewer: Viewer, action: "concern.release" | "concern.discard", concernId: string, tx: Tx) {
  const concern = await tx.concern.findFirst({
    where: { id: concernId, heldAt: { not: null } },
    select: { id: true, collaborativeId: true, reference: true },
  });
  if (!concern || !can(viewer, action, concern)) throw new NotFoundError();
  return concern;
}

/**
 * A lead judged a held concern genuine: it becomes an ordinary new concern. Its receivedAt is kept, so
 * the service-level clock runs from when the person sent it (what they were told to expect), and any
 * time spent held shows as lateness rather than disappearing.
 */
export async function releaseHeldConcern(
  viewer: Viewer,
  input: { concernId: string },
): Promise<{ reference: string; collaborativeId: string }> {
  return db.$transaction(async (tx) => {
    const concern = await requireHeld(viewer, "concern.release", input.concernId, tx);
    const released = await tx.concern.updateMany({
      where: { id: concern.id, heldAt: { not: null } },
      data: { heldAt: null, version: { increment: 1 } },
    });
    if (released.count === 0) throw new NotFoundError();
    await notifyLeadsOfConcern(tx, concern.id);
    await recordAudit(tx, {
      action: "concern.released",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { reference: concern.reference },
    });
    return { reference: concern.reference, collaborativeId: concern.collaborativeId };
  });
}

/** A lead judged a held concern automated: it is erased (its history with it), and the decision audited. */
export async function discardHeldConcern(
  viewer: Viewer,
  input: { concernId: string },
): Promise<{ reference: string; collaborativeId: string }> {
  return db.$transaction(async (tx) => {
    const concern = await requireHeld(viewer, "concern.discard", input.concernId, tx);
    const deleted = await tx.concern.deleteMany({ where: { id: concern.id, heldAt: { not: null } } });
    if (deleted.count === 0) throw new NotFoundError();
    await recordAudit(tx, {
      action: "concern.discarded",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { reference: concern.reference },
    });
    return { reference: concern.reference, collaborativeId: concern.collaborativeId };
  });
}

/** Optimistic concurrency: the change applies only to the version the lead was looking at. */
async function updateVersion(
  tx: Tx,
  concern: TriageAccess,
  expectedVersion: number,
  data: Prisma.ConcernUncheckedUpdateManyInput,
) {
  const result = await tx.concern.updateMany({
    where: { id: concern.id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 0) {
    throw new ConflictError(
      `Someone else changed this concern while you were looking at it (it is now "${STATUS_LABELS[concern.status]}"). Check the latest details below, then make your change again.`,
      { status: concern.status, version: concern.version },
    );
  }
}

export async function changeConcernStatus(
  viewer: Viewer,
  input: { concernId: string; version: number; status: ConcernStatus; reason: string; outcome: string },
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const concern = await requireTriage(viewer, input.concernId, tx);
    if (!manualNextStatuses(concern.status).includes(input.status)) {
      throw new DomainError("", {
        status: `A concern that is "${STATUS_LABELS[concern.status]}" cannot be moved to "${STATUS_LABELS[input.status]}"`,
      });
    }
    const reopening = concern.status === "CLOSED";
    if (reopening && !input.reason) throw new DomainError("", { reason: "Enter why you are reopening this concern" });
    await updateVersion(tx, concern, input.version, {
      status: input.status,
      acknowledgedAt: concern.acknowledgedAt ?? (countsAsAcknowledged(input.status) ? now : null),
      closedAt: input.status === "CLOSED" ? now : null,
      outcome: input.status === "CLOSED" ? input.outcome : null,
      // Closing is the team's last word (the outcome is shown to the reporter): no reply is left waiting.
      ...(input.status === "CLOSED" ? { replyWaitingAt: null } : {}),
    });
    await tx.concernStatusChange.create({
      data: {
        concernId: concern.id,
        fromStatus: concern.status,
        toStatus: input.status,
        reason: input.reason,
        changedById: viewer.userId,
        changedAt: now,
      },
    });
    await recordAudit(tx, {
      action: "concern.status_changed",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { from: concern.status, to: input.status },
    });
  });
}

export async function assignConcern(
  viewer: Viewer,
  input: { concernId: string; version: number; assigneeId: string | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const concern = await requireTriage(viewer, input.concernId, tx);
    if (input.assigneeId) {
      const lead = await tx.membership.findFirst({
        where: {
          userId: input.assigneeId,
          collaborativeId: concern.collaborativeId,
          role: "LEAD",
          status: "ACTIVE",
          user: { erasedAt: null },
        },
        select: { id: true },
      });
      if (!lead) throw new DomainError("", { assigneeId: "Select a lead of this collaborative" });
    }
    await updateVersion(tx, concern, input.version, { assignedToId: input.assigneeId });
    await recordAudit(tx, {
      action: "concern.assigned",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { assigneeId: input.assigneeId },
    });
  });
}

/** Internal notes: for the team only, never shown to the reporter. */
export async function addConcernNote(viewer: Viewer, input: { concernId: string; note: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const concern = await requireTriage(viewer, input.concernId, tx);
    const note = await tx.concernNote.create({
      data: { concernId: concern.id, authorId: viewer.userId!, body: input.note },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "concern.note_added",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { noteId: note.id },
    });
  });
}

/**
 * A public response: shown on the tracking page at once, and emailed when the reporter gave an
 * email address and agreed to be contacted (sent after the commit: see deliverResponseEmail).
 */
export async function respondToConcern(
  viewer: Viewer,
  input: { concernId: string; response: string },
  now = new Date(),
): Promise<{ responseId: string; mayEmail: boolean }> {
  return db.$transaction(async (tx) => {
    const concern = await requireTriage(viewer, input.concernId, tx);
    const response = await tx.concernResponse.create({
      data: { concernId: concern.id, authorId: viewer.userId!, body: input.response, createdAt: now },
      select: { id: true },
    });
    // A response answers any reply that was waiting (not versioned, like the reply that set it).
    await tx.concern.update({ where: { id: concern.id }, data: { replyWaitingAt: null } });
    const next = statusAfter(concern.status, "RESPONDED");
    if (next !== concern.status) {
      const moved = await tx.concern.updateMany({
        where: { id: concern.id, status: concern.status },
        data: { status: next, acknowledgedAt: concern.acknowledgedAt ?? now, version: { increment: 1 } },
      });
      if (moved.count === 0) throw new ConflictError();
      await tx.concernStatusChange.create({
        data: {
          concernId: concern.id,
          fromStatus: concern.status,
          toStatus: next,
          reason: "Public response sent",
          changedById: viewer.userId,
          changedAt: now,
        },
      });
    }
    const mayEmail = concern.contactConsent && concern.contactEncrypted !== null;
    await recordAudit(tx, {
      action: "concern.responded",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { responseId: response.id, mayEmail },
    });
    return { responseId: response.id, mayEmail };
  });
}

// ─── The reporter's reply ─────────────────────────────────────────────────────

const REPLY_ANSWER_WORDS: Record<ReplyAnswerValue, string> = { YES: "yes", PARTLY: "partly", NO: "no" };

/**
 * Who is told of a reply: the lead the concern is assigned to, while they are still an active lead of
 * its collaborative; otherwise every active lead of the collaborative (someone must read it).
 */
async function replyRecipients(
  tx: Tx,
  concern: { collaborativeId: string; assignedToId: string | null },
): Promise<string[]> {
  const leads = await tx.membership.findMany({
    where: { collaborativeId: concern.collaborativeId, role: "LEAD", status: "ACTIVE", user: { erasedAt: null } },
    select: { userId: true },
  });
  const ids = leads.map((m) => m.userId);
  return concern.assignedToId && ids.includes(concern.assignedToId) ? [concern.assignedToId] : ids;
}

/** Per address, like the concern form: enough for a conversation, not for a flood. */
export const concernReplyLimit = (ip: string): Limit => ({
  key: `concern-reply:ip:${ip}`,
  limit: 10,
  windowSeconds: 15 * 60,
});

export class ReplyThrottledError extends RateLimitError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    this.message = `A lot of replies have been sent from your connection in a short time. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}. Nothing has been sent yet, and what you wrote is still here.`;
  }
}

/** How the reporter reached their concern: its private tracking link, or "My concerns" while signed in. */
export type ReplyAccess = { kind: "token"; token: string } | { kind: "own"; concernId: string };

/**
 * The reporter's reply to the team's responses, with or without a rating of the latest response. It
 * needs a response to reply to. The concern's status is left as it is (a reply is not a new concern,
 * and "responded" or "closed" stays true); instead `replyWaitingAt` puts it back in front of the team:
 * the open list of the triage queue includes it, tagged "Reply waiting", until a lead responds again
 * (or closes it). Only the concern the access names is ever found: a token opens its own concern alone.
 */
export async function replyToConcern(
  viewer: Viewer,
  access: ReplyAccess,
  input: { answered?: ReplyAnswerValue; reply: string },
  context: { ip: string },
  now = new Date(),
): Promise<{ replyId: string; concernId: string }> {
  const where =
    access.kind === "token"
      ? TRACKING_TOKEN_PATTERN.test(access.token)
        ? { trackingTokenHash: hashTrackingToken(access.token) }
        : null
      : { id: access.concernId };
  const concern = where
    ? await db.concern.findUnique({
        where,
        select: {
          id: true,
          reference: true,
          collaborativeId: true,
          reporterId: true,
          assignedToId: true,
          collaborative: { select: { slug: true } },
          _count: { select: { responses: true } },
        },
      })
    : null;
  if (!concern) throw new NotFoundError();
  if (access.kind === "token") authorize(viewer, "concern.replyTracked", { collaborativeId: concern.collaborativeId });
  else if (!can(viewer, "concern.replyOwn", { ownerId: concern.reporterId })) throw new NotFoundError();
  if (concern._count.responses === 0)
    throw new DomainError("You can reply once the team has responded to your concern.");
  try {
    await takeSlots([concernReplyLimit(context.ip)], now);
  } catch (error) {
    if (error instanceof RateLimitError) throw new ReplyThrottledError(error.retryAfterSeconds);
    throw error;
  }
  return db.$transaction(async (tx) => {
    const latest = await tx.concernResponse.findFirst({
      where: { concernId: concern.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const reply = await tx.concernReply.create({
      data: {
        concernId: concern.id,
        responseId: latest?.id ?? null,
        body: input.reply,
        answered: input.answered ?? null,
        createdAt: now,
        // Queued below in this transaction: the notification exists exactly when the reply does.
        notifiedAt: now,
      },
      select: { id: true },
    });
    await tx.concern.update({ where: { id: concern.id }, data: { replyWaitingAt: now } });
    await queueNotifications(
      tx,
      (await replyRecipients(tx, concern)).map((userId) => ({
        userId,
        kind: "concern.reply" as const,
        subject: `A reply about safety concern ${concern.reference}`,
        // Never the reporter's words in an email: they are read in the portal, by the concern's leads.
        text: [
          `The person who raised safety concern ${concern.reference} has replied to your collaborative's response.`,
          input.answered
            ? `Asked whether the response answered their concern, they said: ${REPLY_ANSWER_WORDS[input.answered]}.`
            : "They did not say whether the response answered their concern.",
          input.reply ? "They also wrote a reply: read it on the concern's page." : "",
        ]
          .filter(Boolean)
          .join("\n\n"),
        url: `/collaboratives/${concern.collaborative.slug}/concerns/${concern.id}`,
        dedupeKey: `concern.reply:${reply.id}`,
      })),
    );
    await recordAudit(tx, {
      action: "concern.replied",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { replyId: reply.id, answered: input.answered ?? null, via: access.kind },
    });
    return { replyId: reply.id, concernId: concern.id };
  });
}

export async function linkConcern(
  viewer: Viewer,
  input: { concernId: string; version: number; target: string; linkReason: string },
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const concern = await requireTriage(viewer, input.concernId, tx);
    const [kind, targetId] = input.target.split(":") as ["priority" | "project", string];
    // Only the collaborative's own local priorities and projects: a link never crosses collaboratives.
    const target =
      kind === "priority"
        ? await tx.priorityArea.findFirst({
            where: { id: targetId, collaborativeId: concern.collaborativeId, kind: "LOCAL" },
            select: { id: true, name: true },
          })
        : await tx.project
            .findFirst({
              where: { id: targetId, collaborativeId: concern.collaborativeId, archivedAt: null },
              select: { id: true, title: true },
            })
            .then((p) => p && { id: p.id, name: p.title });
    if (!target)
      throw new DomainError("", { target: "Select one of this collaborative's local priorities or projects" });
    const next = statusAfter(concern.status, "LINKED");
    await updateVersion(tx, concern, input.version, {
      ...(kind === "priority" ? { linkedPriorityId: target.id } : { linkedProjectId: target.id }),
      status: next,
      acknowledgedAt: concern.acknowledgedAt ?? now,
    });
    if (next !== concern.status) {
      const why = `Linked to ${kind === "priority" ? "the local priority" : "the project"} "${target.name}"`;
      await tx.concernStatusChange.create({
        data: {
          concernId: concern.id,
          fromStatus: concern.status,
          toStatus: next,
          reason: input.linkReason ? `${why}: ${input.linkReason}` : why,
          changedById: viewer.userId,
          changedAt: now,
        },
      });
    }
    await recordAudit(tx, {
      action: "concern.linked",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: kind === "priority" ? { priorityAreaId: target.id } : { projectId: target.id },
    });
  });
}

/** Whether the free text may be seen outside the collaborative (national team, dashboard). */
export async function setConcernShareable(
  viewer: Viewer,
  input: { concernId: string; version: number; shareable: "yes" | "no" },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const concern = await requireTriage(viewer, input.concernId, tx);
    await updateVersion(tx, concern, input.version, { shareable: input.shareable === "yes" });
    await recordAudit(tx, {
      action: "concern.shareable_changed",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { shareable: input.shareable === "yes" },
    });
  });
}

/**
 * Passes a concern that was routed to the wrong collaborative to the right one. Links, the
 * assignment and the member organisation belong to the old collaborative, so they are cleared
 * (the organisation's name is kept as text); the new team starts from "received".
 */
export async function transferConcern(
  viewer: Viewer,
  input: { concernId: string; version: number; collaborative: string; transferReason: string },
  now = new Date(),
): Promise<{ fromSlug: string }> {
  return db.$transaction(async (tx) => {
    const concern = await requireTriage(viewer, input.concernId, tx);
    const [target, current] = await Promise.all([
      tx.collaborative.findUnique({ where: { slug: input.collaborative }, select: { id: true, name: true } }),
      tx.concern.findUniqueOrThrow({
        where: { id: concern.id },
        select: {
          organisationText: true,
          organisation: { select: { name: true } },
          collaborative: { select: { name: true, slug: true } },
        },
      }),
    ]);
    if (!target || target.id === concern.collaborativeId)
      throw new DomainError("", { collaborative: "Select another collaborative" });
    if (concern.status === "CLOSED") throw new DomainError("Reopen this concern before passing it on.");
    await updateVersion(tx, concern, input.version, {
      collaborativeId: target.id,
      organisationId: null,
      organisationText: current.organisation?.name ?? current.organisationText,
      assignedToId: null,
      linkedPriorityId: null,
      linkedProjectId: null,
      shareable: false,
      status: "RECEIVED",
    });
    await tx.concernStatusChange.create({
      data: {
        concernId: concern.id,
        fromStatus: concern.status,
        toStatus: "RECEIVED",
        reason: `Passed on from ${current.collaborative.name} to ${target.name}: ${input.transferReason}`,
        changedById: viewer.userId,
        changedAt: now,
      },
    });
    await recordAudit(tx, {
      action: "concern.transferred",
      subjectType: "Concern",
      subjectId: concern.id,
      actorId: viewer.userId,
      collaborativeId: concern.collaborativeId,
      details: { fromCollaborativeId: concern.collaborativeId, toCollaborativeId: target.id },
    });
    return { fromSlug: current.collaborative.slug };
  });
}

/** Decrypts the reporter's contact details for a lead of the concern's collaborative, and audits it first. */
export async function revealContact(
  viewer: Viewer,
  concernId: string,
  ip: string | null = null,
): Promise<ContactDetails> {
  const concern = await requireTriage(viewer, concernId);
  authorize(viewer, "concern.revealContact", concern);
  if (!concern.contactEncrypted)
    throw new DomainError(
      "There are no contact details for this concern: the reporter stayed anonymous, or the details have been erased.",
    );
  await recordAudit(db, {
    action: "concern.contact_revealed",
    subjectType: "Concern",
    subjectId: concern.id,
    actorId: viewer.userId,
    collaborativeId: concern.collaborativeId,
    ip,
  });
  return decryptContact(concern.contactEncrypted);
}

/** A collaborative's service level and retention period. */
export async function updateConcernSettings(
  viewer: Viewer,
  input: { collaborativeId: string; acknowledgementDays: number; contactRetentionMonths: number },
): Promise<void> {
  authorize(viewer, "concern.triage", { collaborativeId: input.collaborativeId });
  await db.$transaction(async (tx) => {
    await tx.collaborative.update({
      where: { id: input.collaborativeId },
      data: { acknowledgementDays: input.acknowledgementDays, contactRetentionMonths: input.contactRetentionMonths },
    });
    await recordAudit(tx, {
      action: "collaborative.concern_settings_changed",
      subjectType: "Collaborative",
      subjectId: input.collaborativeId,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { acknowledgementDays: input.acknowledgementDays, contactRetentionMonths: input.contactRetentionMonths },
    });
  });
}

// ─── Run by the system (after a commit, or by scheduled jobs) ─────────────────

export type EmailOutcome = "sent" | "no-consent" | "no-email" | "already-sent";

/**
 * Emails a public response to the reporter when they gave an email address and agreed to be
 * contacted. The response is claimed (emailedAt set) before sending, so a retry never emails twice;
 * a failed send gives the claim back for the retry job.
 */
export async function deliverResponseEmail(
  responseId: string,
  send: (email: Email) => Promise<void> = sendEmail,
  now = new Date(),
): Promise<EmailOutcome> {
  const response = await db.concernResponse.findUniqueOrThrow({
    where: { id: responseId },
    select: {
      body: true,
      emailedAt: true,
      concern: {
        select: {
          reference: true,
          idempotencyKey: true,
          trackingTokenSealed: true,
          contactEncrypted: true,
          contactConsent: true,
          collaborative: { select: { name: true } },
        },
      },
    },
  });
  const { concern } = response;
  if (response.emailedAt) return "already-sent";
  if (!concern.contactConsent || !concern.contactEncrypted) return "no-consent";
  const email = decryptContact(concern.contactEncrypted).email;
  if (!email) return "no-email";
  const claimed = await db.concernResponse.updateMany({
    where: { id: responseId, emailedAt: null },
    data: { emailedAt: now },
  });
  if (claimed.count === 0) return "already-sent";
  // New concerns keep the token sealed; one not yet converted from a clear key derives it from that.
  const token = concern.trackingTokenSealed
    ? openText(concern.trackingTokenSealed)
    : concern.idempotencyKey
      ? trackingTokenFor(concern.idempotencyKey, trackingSecret())
      : null;
  const trackingUrl = token
    ? `${(env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "")}/concerns/track/${token}`
    : "the private tracking link you were given when you raised it";
  try {
    await send({
      to: email,
      subject: `A response to your safety concern ${concern.reference}`,
      text: [
        `The ${concern.collaborative.name} has responded to the safety concern you raised (reference ${concern.reference}):`,
        "",
        response.body,
        "",
        `You can see the progress of your concern at any time on its private tracking page:`,
        trackingUrl,
        "",
        "Please do not reply to this email. If you need medical help now, call 999 in an emergency or 111 for NHS 111.",
      ].join("\n"),
    });
  } catch (error) {
    await db.concernResponse.update({ where: { id: responseId }, data: { emailedAt: null } });
    throw error;
  }
  return "sent";
}

/** Retry job: responses from the last week whose email has not gone yet (e.g. the mail server was down). */
export async function deliverPendingResponseEmails(now = new Date()): Promise<number> {
  const pending = await db.concernResponse.findMany({
    where: {
      emailedAt: null,
      createdAt: { gte: new Date(now.getTime() - 7 * 86_400_000) },
      concern: { contactConsent: true, contactEncrypted: { not: null } },
    },
    select: { id: true },
    take: 200,
  });
  let sent = 0;
  for (const { id } of pending) {
    try {
      if ((await deliverResponseEmail(id, sendEmail, now)) === "sent") sent += 1;
    } catch (error) {
      console.error(`[concerns] response email ${id} not sent`, error);
    }
  }
  return sent;
}

/** Erases concerns held for longer than HELD_CONCERN_DAYS without a lead's decision, each audited. Safe to run again. */
export async function purgeExpiredHeldConcerns(now = new Date()): Promise<number> {
  const due = await db.concern.findMany({
    where: { heldAt: { lte: new Date(now.getTime() - HELD_CONCERN_DAYS * DAY_MS) } },
    select: { id: true, collaborativeId: true, reference: true },
    take: 1000,
  });
  let purged = 0;
  for (const row of due) {
    purged += await db.$transaction(async (tx) => {
      // Re-checked in the delete: a concern released since the read is kept.
      const deleted = await tx.concern.deleteMany({ where: { id: row.id, heldAt: { not: null } } });
      if (deleted.count === 0) return 0;
      await recordAudit(tx, {
        action: "concern.held_expired",
        subjectType: "Concern",
        subjectId: row.id,
        collaborativeId: row.collaborativeId,
        details: { reference: row.reference, days: HELD_CONCERN_DAYS },
      });
      return 1;
    });
  }
  return purged;
}

/** A concern `k` (joined to its collaborative `c`) whose contact details are past retention at `now`. */
const contactExpired = (now: Date) => Prisma.sql`
  k."contactEncrypted" IS NOT NULL
  AND GREATEST(
        k."closedAt", k."receivedAt",
        (SELECT max(s."changedAt") FROM "ConcernStatusChange" s WHERE s."concernId" = k.id),
        (SELECT max(n."createdAt") FROM "ConcernNote" n WHERE n."concernId" = k.id),
        (SELECT max(r."createdAt") FROM "ConcernResponse" r WHERE r."concernId" = k.id),
        (SELECT max(p."createdAt") FROM "ConcernReply" p WHERE p."concernId" = k.id)
      ) + make_interval(months => c."contactRetentionMonths") <= ${now}`;

/**
 * Retention: erases reporters' contact details N months (Collaborative.contactRetentionMonths) after
 * the concern closed, or after its last activity (received, a status change, a note, a response or a reply)
 * when it was left open — a concern left at "responded" does not keep them for ever. Each erasure has
 * an audit event. Safe to run again.
 */
export async function eraseExpiredContactDetails(now = new Date()): Promise<number> {
  const due = await db.$queryRaw<{ id: string; collaborativeId: string; months: number; closed: boolean }[]>`
    SELECT k.id, k."collaborativeId", c."contactRetentionMonths" AS months, k.status = 'CLOSED' AS closed
    FROM "Concern" k JOIN "Collaborative" c ON c.id = k."collaborativeId"
    WHERE ${contactExpired(now)}`;
  let erased = 0;
  for (let start = 0; start < due.length; start += 200) {
    const batch = due.slice(start, start + 200);
    erased += await db.$transaction(async (tx) => {
      let count = 0;
      for (const row of batch) {
        // Re-checked in the update: a concern reopened or touched since the read keeps its details.
        const updated = await tx.$executeRaw`
          UPDATE "Concern" k SET "contactEncrypted" = NULL, "contactErasedAt" = ${now}
          FROM "Collaborative" c
          WHERE k.id = ${row.id} AND c.id = k."collaborativeId" AND ${contactExpired(now)}`;
        if (updated === 0) continue;
        count += 1;
        await recordAudit(tx, {
          action: "concern.contact_erased",
          subjectType: "Concern",
          subjectId: row.id,
          collaborativeId: row.collaborativeId,
          details: { retentionMonths: row.months, from: row.closed ? "closure" : "last_activity" },
        });
      }
      return count;
    });
  }
  return erased;
}

/**
 * Upgrade: concerns sent before idempotency keys were hashed hold the key in clear. Hashing needs the
 * secret, so a migration cannot; this job does, sealing the tracking token for response emails, and
 * empties the clear key. Each row is converted in one conditional update, so running twice is harmless.
 */
export async function hashLegacyIdempotencyKeys(): Promise<number> {
  let converted = 0;
  for (;;) {
    const batch = await db.concern.findMany({
      where: { idempotencyKey: { not: null } },
      select: { id: true, idempotencyKey: true, trackingTokenSealed: true },
      take: 500,
    });
    if (batch.length === 0) return converted;
    for (const row of batch) {
      const key = row.idempotencyKey!;
      const result = await db.concern.updateMany({
        where: { id: row.id, idempotencyKey: key },
        data: {
          idempotencyKeyHash: idempotencyKeyHash(key, idempotencySecret()),
          trackingTokenSealed: row.trackingTokenSealed ?? sealText(trackingTokenFor(key, trackingSecret())),
          idempotencyKey: null,
        },
      });
      converted += result.count;
    }
  }
}
