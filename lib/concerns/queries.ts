// Reads for the concern pages, shaped for each screen. Free text and contact details leave this
// module only for the team that owns the concern (and never contact details without a reveal).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConcernKind, ConcernStatus, ReplyAnswer, ReporterRelation } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { authorize, can, collaborativeIdsWhere, isNational, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { QueueFilters } from "./schemas";
import { SOMETHING_ELSE } from "./schemas";
import { hashTrackingToken, TRACKING_TOKEN_PATTERN } from "./tracking-token";
import { normaliseReference } from "./reference";
import { URGENT_PATTERN, submissionMayDescribeImmediateRisk } from "./urgency";
import {
  acknowledgementDueDay,
  daysSince,
  isAcknowledgementOverdue,
  overdueReceivedBefore,
  type Day,
} from "./service-level";
import { manualNextStatuses } from "./triage";
import { HELD_CONCERN_DAYS } from "./held";

// ─── The public form ──────────────────────────────────────────────────────────

export type ConcernFormOptions = {
  collaboratives: { slug: string; name: string; region: string }[];
  organisations: { name: string; collaborativeName: string }[];
  priorityAreas: { slug: string; name: string }[];
  pathwayStages: { slug: string; name: string }[];
};

/** Everything the form offers: regions, member organisations (for the searchable list), areas, stages. */
export async function getConcernFormOptions(viewer: Viewer): Promise<ConcernFormOptions> {
  authorize(viewer, "concern.create");
  const [collaboratives, organisations, priorityAreas, pathwayStages] = await Promise.all([
    db.collaborative.findMany({ orderBy: { region: "asc" }, select: { slug: true, name: true, region: true } }),
    db.organisation.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { name: true, collaborative: { select: { name: true } } },
    }),
    db.priorityArea.findMany({
      where: { kind: "NATIONAL" },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
    db.pathwayStage.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { slug: true, name: true } }),
  ]);
  return {
    collaboratives,
    organisations: organisations.map((o) => ({ name: o.name, collaborativeName: o.collaborative.name })),
    priorityAreas,
    pathwayStages,
  };
}

// ─── What the reporter sees ───────────────────────────────────────────────────

export type ReporterView = {
  id: string;
  reference: string;
  receivedAt: Date;
  collaborativeName: string;
  acknowledgementDays: number;
  areaName: string | null;
  status: ConcernStatus;
  /** Dates of each status reached; the team's reasons are internal. */
  history: { status: ConcernStatus; at: Date }[];
  responses: { id: string; body: string; createdAt: Date }[];
  /** The reporter's own replies (their words back to them, with how they rated the response). */
  replies: { id: string; body: string; answered: ReplyAnswer | null; createdAt: Date }[];
  /** A reply needs a response to answer. */
  mayReply: boolean;
  outcome: string | null;
};

const reporterViewSelect = {
  id: true,
  reference: true,
  receivedAt: true,
  status: true,
  outcome: true,
  collaborative: { select: { name: true, acknowledgementDays: true } },
  priorityArea: { select: { name: true } },
  statusChanges: { orderBy: { changedAt: "asc" }, select: { toStatus: true, changedAt: true } },
  responses: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true } },
  replies: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, answered: true, createdAt: true } },
} satisfies Prisma.ConcernSelect;

function toReporterView(c: Prisma.ConcernGetPayload<{ select: typeof reporterViewSelect }>): ReporterView {
  return {
    id: c.id,
    reference: c.reference,
    receivedAt: c.receivedAt,
    collaborativeName: c.collaborative.name,
    acknowledgementDays: c.collaborative.acknowledgementDays,
    areaName: c.priorityArea?.name ?? null,
    status: c.status,
    history: c.statusChanges.map((s) => ({ status: s.toStatus, at: s.changedAt })),
    responses: c.responses,
    replies: c.replies,
    mayReply: c.responses.length > 0,
    outcome: c.status === "CLOSED" ? c.outcome : null,
  };
}

/** The tracking page: whoever holds the private link. Null for anything that is not a live token. */
export async function getConcernByTrackingToken(viewer: Viewer, token: string): Promise<ReporterView | null> {
  authorize(viewer, "concern.track");
  if (!TRACKING_TOKEN_PATTERN.test(token)) return null;
  const concern = await db.concern.findUnique({
    where: { trackingTokenHash: hashTrackingToken(token) },
    select: reporterViewSelect,
  });
  return concern ? toReporterView(concern) : null;
}

/**
 * The confirmation (and urgent-help) page: the concern named by the browser's confirmation cookie
 * (lib/concerns/confirmation-cookie.ts). By its token and reference; by the reference alone only when
 * the cookie holds the server's keyed receipt for it (a retried post after the link was replaced).
 */
export async function getSubmittedConcern(
  viewer: Viewer,
  sent: { reference: string; token: string | null },
): Promise<ReporterView | null> {
  authorize(viewer, "concern.track");
  if (sent.token && !TRACKING_TOKEN_PATTERN.test(sent.token)) return null;
  const concern = await db.concern.findFirst({
    where: sent.token
      ? { reference: sent.reference, trackingTokenHash: hashTrackingToken(sent.token) }
      : { reference: sent.reference },
    select: reporterViewSelect,
  });
  return concern ? toReporterView(concern) : null;
}

/** Whether a reference and a tracking token belong together (the "find your concern" form). */
export async function referenceMatchesToken(viewer: Viewer, typedReference: string, token: string): Promise<boolean> {
  authorize(viewer, "concern.track");
  const reference = normaliseReference(typedReference);
  if (!reference) return false;
  const found = await db.concern.findFirst({
    where: { reference, trackingTokenHash: hashTrackingToken(token) },
    select: { id: true },
  });
  return found !== null;
}

/** "My concerns": those a registered patient or carer raised while signed in. */
export async function listMyConcerns(viewer: Viewer): Promise<ReporterView[]> {
  authorize(viewer, "concern.readOwn", { ownerId: viewer.userId });
  const concerns = await db.concern.findMany({
    where: { reporterId: viewer.userId! },
    orderBy: { receivedAt: "desc" },
    select: reporterViewSelect,
  });
  return concerns.map(toReporterView);
}

export async function getMyConcern(viewer: Viewer, concernId: string): Promise<ReporterView> {
  const owner = await db.concern.findUnique({ where: { id: concernId }, select: { reporterId: true } });
  if (!owner || !can(viewer, "concern.readOwn", { ownerId: owner.reporterId })) throw new NotFoundError();
  return toReporterView(await db.concern.findUniqueOrThrow({ where: { id: concernId }, select: reporterViewSelect }));
}

// ─── The team's queue ─────────────────────────────────────────────────────────

export const QUEUE_PAGE_SIZE = 25;

export type QueueRow = {
  id: string;
  reference: string;
  receivedAt: Date;
  status: ConcernStatus;
  areaName: string | null;
  organisationName: string | null;
  assignedToName: string | null;
  extract: string;
  daysSinceReceived: number;
  acknowledgementDue: Day;
  overdue: boolean;
  mayBeUrgent: boolean;
  kind: ConcernKind;
  /** The reporter replied after the team's last response. */
  replyWaiting: boolean;
};

export type TriageCollaborative = {
  id: string;
  slug: string;
  name: string;
  acknowledgementDays: number;
  contactRetentionMonths: number;
};

export type TriageQueue = {
  collaborative: TriageCollaborative;
  rows: QueueRow[];
  total: number;
  page: number;
  pageCount: number;
  /** New concerns whose words suggest someone may be in danger now: shown first, whatever the filters. */
  urgentUnread: { id: string; reference: string; receivedAt: Date }[];
  overdueCount: number;
  /** Concerns whose reporter has replied since the team last responded (any status). */
  replyWaitingCount: number;
  filterOptions: { areas: { value: string; label: string }[]; organisations: { value: string; label: string }[] };
};

/** The collaborative a lead triages for; anyone else gets "not found". */
async function requireTriageCollaborative(viewer: Viewer, slug: string): Promise<TriageCollaborative> {
  const collaborative = await db.collaborative.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, acknowledgementDays: true, contactRetentionMonths: true },
  });
  if (!collaborative || !can(viewer, "concern.triage", { collaborativeId: collaborative.id }))
    throw new NotFoundError();
  return collaborative;
}

const DAY_MS = 86_400_000;

export async function getTriageQueue(
  viewer: Viewer,
  slug: string,
  filters: QueueFilters,
  now = new Date(),
): Promise<TriageQueue> {
  const collaborative = await requireTriageCollaborative(viewer, slug);
  const overdueBefore = overdueReceivedBefore(now, collaborative.acknowledgementDays);
  // Held concerns ("possibly automated") are listed apart (listHeldConcerns) and counted nowhere until released.
  const where: Prisma.ConcernWhereInput = { collaborativeId: collaborative.id, heldAt: null };
  // Open work includes a closed concern whose reporter has replied since: the team has it to read.
  if (filters.status === "open") where.OR = [{ status: { not: "CLOSED" } }, { replyWaitingAt: { not: null } }];
  else if (filters.status === "reply") where.replyWaitingAt = { not: null };
  else if (filters.status !== "all") where.status = filters.status;
  if (filters.area === SOMETHING_ELSE) where.priorityAreaId = null;
  else if (filters.area) where.priorityArea = { slug: filters.area };
  if (filters.organisation) where.organisationId = filters.organisation;
  if (filters.age === "overdue") Object.assign(where, { acknowledgedAt: null, receivedAt: { lt: overdueBefore } });
  if (filters.age === "week") where.receivedAt = { gte: new Date(now.getTime() - 7 * DAY_MS) };
  if (filters.age === "month")
    where.receivedAt = { lt: new Date(now.getTime() - 7 * DAY_MS), gte: new Date(now.getTime() - 30 * DAY_MS) };
  if (filters.age === "older") where.receivedAt = { lt: new Date(now.getTime() - 30 * DAY_MS) };
  // Open work oldest first (longest waiting at the top); history newest first.
  const oldestFirst = filters.status !== "all" && filters.status !== "CLOSED";

  const [total, concerns, urgentUnread, overdueCount, replyWaitingCount, areas, organisations] = await Promise.all([
    db.concern.count({ where }),
    db.concern.findMany({
      where,
      orderBy: { receivedAt: oldestFirst ? "asc" : "desc" },
      skip: (filters.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        receivedAt: true,
        acknowledgedAt: true,
        status: true,
        kind: true,
        replyWaitingAt: true,
        whatHappened: true,
        impact: true,
        whatWouldHaveHelped: true,
        organisationText: true,
        priorityArea: { select: { name: true } },
        organisation: { select: { name: true } },
        assignedTo: { select: { name: true } },
      },
    }),
    db.$queryRaw<{ id: string; reference: string; receivedAt: Date }[]>`
      SELECT id, reference, "receivedAt" FROM "Concern"
      WHERE "collaborativeId" = ${collaborative.id} AND status = 'RECEIVED' AND "heldAt" IS NULL
        AND concat_ws(E'\n', "whatHappened", impact, "whatWouldHaveHelped") ~* ${URGENT_PATTERN}
      ORDER BY "receivedAt" LIMIT 20`,
    db.concern.count({
      where: {
        collaborativeId: collaborative.id,
        heldAt: null,
        acknowledgedAt: null,
        receivedAt: { lt: overdueBefore },
      },
    }),
    db.concern.count({ where: { collaborativeId: collaborative.id, heldAt: null, replyWaitingAt: { not: null } } }),
    db.priorityArea.findMany({
      where: { kind: "NATIONAL" },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
    db.organisation.findMany({
      where: { collaborativeId: collaborative.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);

  return {
    collaborative,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    urgentUnread,
    overdueCount,
    replyWaitingCount,
    rows: concerns.map((c) => ({
      id: c.id,
      reference: c.reference,
      receivedAt: c.receivedAt,
      status: c.status,
      areaName: c.priorityArea?.name ?? null,
      organisationName: c.organisation?.name ?? (c.organisationText || null),
      assignedToName: c.assignedTo?.name ?? null,
      extract: c.whatHappened.length > 140 ? `${c.whatHappened.slice(0, 140).trimEnd()}…` : c.whatHappened,
      daysSinceReceived: daysSince(c.receivedAt, now),
      acknowledgementDue: acknowledgementDueDay(c.receivedAt, collaborative.acknowledgementDays),
      overdue: isAcknowledgementOverdue(c, collaborative.acknowledgementDays, now),
      mayBeUrgent: c.status === "RECEIVED" && submissionMayDescribeImmediateRisk(c),
      kind: c.kind,
      replyWaiting: c.replyWaitingAt !== null,
    })),
    filterOptions: {
      areas: [
        ...areas.map((a) => ({ value: a.slug, label: a.name })),
        { value: SOMETHING_ELSE, label: "Something else" },
      ],
      organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    },
  };
}

export type HeldConcern = {
  id: string;
  reference: string;
  receivedAt: Date;
  /** When it is erased if no lead decides. */
  expiresAt: Date;
  whatHappened: string;
  impact: string;
  areaName: string | null;
};

/**
 * Concerns held as possibly automated (the form's hidden field was filled in), for a lead to release
 * or discard: the whole of what was written, so they can judge it, newest first.
 */
export async function listHeldConcerns(viewer: Viewer, slug: string): Promise<HeldConcern[]> {
  const collaborative = await db.collaborative.findUnique({ where: { slug }, select: { id: true } });
  if (!collaborative || !can(viewer, "concern.release", { collaborativeId: collaborative.id }))
    throw new NotFoundError();
  const rows = await db.concern.findMany({
    where: { collaborativeId: collaborative.id, heldAt: { not: null } },
    orderBy: { heldAt: "desc" },
    take: 200,
    select: {
      id: true,
      reference: true,
      receivedAt: true,
      heldAt: true,
      whatHappened: true,
      impact: true,
      priorityArea: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedAt: r.receivedAt,
    expiresAt: new Date(r.heldAt!.getTime() + HELD_CONCERN_DAYS * DAY_MS),
    whatHappened: r.whatHappened,
    impact: r.impact,
    areaName: r.priorityArea?.name ?? null,
  }));
}

// ─── One concern, for the team ────────────────────────────────────────────────

export type ConcernDetail = {
  id: string;
  reference: string;
  version: number;
  collaborative: TriageCollaborative;
  status: ConcernStatus;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
  shareable: boolean;
  whatHappened: string;
  impact: string;
  whatWouldHaveHelped: string;
  happenedWhen: string;
  organisationName: string | null;
  organisationText: string;
  postcodeArea: string | null;
  areaName: string | null;
  pathwayStageName: string | null;
  reporterRelation: ReporterRelation;
  kind: ConcernKind;
  /** The reporter's answer about a public summary ("You said, we did"); null when never asked. */
  publicSummaryConsent: boolean | null;
  contact: { held: boolean; consent: boolean; erasedAt: Date | null };
  assignedTo: { id: string; name: string } | null;
  linkedPriority: { id: string; name: string } | null;
  linkedProject: { id: string; title: string } | null;
  daysSinceReceived: number;
  acknowledgementDue: Day;
  overdue: boolean;
  mayBeUrgent: boolean;
  history: {
    id: string;
    fromStatus: ConcernStatus | null;
    toStatus: ConcernStatus;
    reason: string;
    at: Date;
    by: string | null;
  }[];
  notes: { id: string; body: string; createdAt: Date; author: string | null }[];
  responses: { id: string; body: string; createdAt: Date; emailedAt: Date | null; author: string | null }[];
  replies: { id: string; body: string; answered: ReplyAnswer | null; createdAt: Date }[];
  /** When the reporter's latest unanswered reply arrived (null: nothing waiting). */
  replyWaitingAt: Date | null;
  options: {
    nextStatuses: ConcernStatus[];
    assignees: { value: string; label: string }[];
    linkTargets: { group: string; options: { value: string; label: string }[] }[];
    collaboratives: { value: string; label: string }[];
  };
};

/** A concern for its collaborative's leads; "not found" for everyone else. */
export async function getConcernForTriage(viewer: Viewer, concernId: string, now = new Date()): Promise<ConcernDetail> {
  const access = await db.concern.findUnique({
    where: { id: concernId, heldAt: null },
    select: { collaborativeId: true },
  });
  if (!access || !can(viewer, "concern.triage", access)) throw new NotFoundError();
  const c = await db.concern.findUniqueOrThrow({
    where: { id: concernId },
    select: {
      id: true,
      reference: true,
      version: true,
      status: true,
      receivedAt: true,
      acknowledgedAt: true,
      closedAt: true,
      outcome: true,
      shareable: true,
      whatHappened: true,
      impact: true,
      whatWouldHaveHelped: true,
      happenedWhen: true,
      organisationText: true,
      postcodeArea: true,
      reporterRelation: true,
      kind: true,
      publicSummaryConsent: true,
      contactEncrypted: true,
      contactConsent: true,
      contactErasedAt: true,
      replyWaitingAt: true,
      collaborative: {
        select: { id: true, slug: true, name: true, acknowledgementDays: true, contactRetentionMonths: true },
      },
      organisation: { select: { name: true } },
      priorityArea: { select: { name: true } },
      pathwayStage: { select: { name: true } },
      assignedTo: { select: { id: true, name: true } },
      linkedPriority: { select: { id: true, name: true } },
      linkedProject: { select: { id: true, title: true } },
      statusChanges: {
        orderBy: { changedAt: "asc" },
        select: { id: true, fromStatus: true, toStatus: true, reason: true, changedAt: true, changedById: true },
      },
      notes: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, authorId: true } },
      responses: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, emailedAt: true, authorId: true },
      },
      replies: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, answered: true, createdAt: true },
      },
    },
  });
  const peopleIds = [
    ...new Set(
      [
        ...c.statusChanges.map((s) => s.changedById),
        ...c.notes.map((n) => n.authorId),
        ...c.responses.map((r) => r.authorId),
      ].filter((id): id is string => Boolean(id)),
    ),
  ];
  const [people, leads, priorities, projects, collaboratives] = await Promise.all([
    db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } }),
    db.membership.findMany({
      where: { collaborativeId: c.collaborative.id, role: "LEAD", status: "ACTIVE", user: { erasedAt: null } },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    }),
    db.priorityArea.findMany({
      where: { collaborativeId: c.collaborative.id, kind: "LOCAL", status: "ACTIVE" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.project.findMany({
      where: { collaborativeId: c.collaborative.id, status: { not: "CLOSED" }, archivedAt: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db.collaborative.findMany({
      where: { id: { not: c.collaborative.id } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return {
    id: c.id,
    reference: c.reference,
    version: c.version,
    collaborative: c.collaborative,
    status: c.status,
    receivedAt: c.receivedAt,
    acknowledgedAt: c.acknowledgedAt,
    closedAt: c.closedAt,
    outcome: c.outcome,
    shareable: c.shareable,
    whatHappened: c.whatHappened,
    impact: c.impact,
    whatWouldHaveHelped: c.whatWouldHaveHelped,
    happenedWhen: c.happenedWhen,
    organisationName: c.organisation?.name ?? null,
    organisationText: c.organisationText,
    postcodeArea: c.postcodeArea,
    areaName: c.priorityArea?.name ?? null,
    pathwayStageName: c.pathwayStage?.name ?? null,
    reporterRelation: c.reporterRelation,
    kind: c.kind,
    publicSummaryConsent: c.publicSummaryConsent,
    // Whether details are held, never the details: those need the audited reveal.
    contact: { held: c.contactEncrypted !== null, consent: c.contactConsent, erasedAt: c.contactErasedAt },
    assignedTo: c.assignedTo,
    linkedPriority: c.linkedPriority,
    linkedProject: c.linkedProject,
    daysSinceReceived: daysSince(c.receivedAt, now),
    acknowledgementDue: acknowledgementDueDay(c.receivedAt, c.collaborative.acknowledgementDays),
    overdue: isAcknowledgementOverdue(c, c.collaborative.acknowledgementDays, now),
    mayBeUrgent: submissionMayDescribeImmediateRisk(c),
    history: c.statusChanges.map((s) => ({
      id: s.id,
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      reason: s.reason,
      at: s.changedAt,
      by: s.changedById ? (nameOf.get(s.changedById) ?? null) : null,
    })),
    notes: c.notes.map((n) => ({
      id: n.id,
      body: n.body,
      createdAt: n.createdAt,
      author: nameOf.get(n.authorId) ?? null,
    })),
    responses: c.responses.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.createdAt,
      emailedAt: r.emailedAt,
      author: nameOf.get(r.authorId) ?? null,
    })),
    replies: c.replies,
    replyWaitingAt: c.replyWaitingAt,
    options: {
      nextStatuses: manualNextStatuses(c.status),
      assignees: leads.map((m) => ({ value: m.user.id, label: m.user.name })),
      linkTargets: [
        { group: "Local priorities", options: priorities.map((p) => ({ value: `priority:${p.id}`, label: p.name })) },
        { group: "Improvement projects", options: projects.map((p) => ({ value: `project:${p.id}`, label: p.title })) },
      ],
      collaboratives: collaboratives.map((x) => ({ value: x.slug, label: x.name })),
    },
  };
}

/** Where a lead's triage of a concern is (after an action, to land back on it); "not found" for anyone else. */
export async function concernTriagePath(viewer: Viewer, concernId: string): Promise<string> {
  const concern = await db.concern.findUnique({
    where: { id: concernId, heldAt: null },
    select: { id: true, collaborativeId: true, collaborative: { select: { slug: true } } },
  });
  if (!concern || !can(viewer, "concern.triage", concern)) throw new NotFoundError();
  return `/collaboratives/${concern.collaborative.slug}/concerns/${concern.id}`;
}

/** A collaborative's triage queue, for its leads (after an action on the queue page, to land back on it). */
export async function triageQueuePath(viewer: Viewer, collaborativeId: string): Promise<string> {
  const collaborative = await db.collaborative.findUnique({ where: { id: collaborativeId }, select: { slug: true } });
  if (!collaborative || !can(viewer, "concern.triage", { collaborativeId })) throw new NotFoundError();
  return `/collaboratives/${collaborative.slug}/concerns`;
}

// ─── De-identified, for the national team and the dashboard ───────────────────

export type DeidentifiedConcern = {
  collaborativeSlug: string;
  receivedMonth: string; // yyyy-mm: the day could help identify someone
  status: ConcernStatus;
  areaSlug: string | null;
  pathwayStageSlug: string | null;
  reporterRelation: ReporterRelation;
  linkedToPriorityOrProject: boolean;
  /** Only what the lead has marked shareable; otherwise null. */
  whatHappened: string | null;
  whatWouldHaveHelped: string | null;
};

/**
 * Concerns without anything that could identify the reporter: no contact details, no account, no
 * reference, no organisation, no free text unless the lead marked it shareable. National sees all
 * collaboratives; a lead sees their own.
 */
export async function listDeidentifiedConcerns(
  viewer: Viewer,
  options: { collaborativeSlug?: string; take?: number } = {},
): Promise<DeidentifiedConcern[]> {
  const national = isNational(viewer);
  const leadOf = collaborativeIdsWhere(viewer, ["LEAD"]);
  authorize(viewer, "concern.readDeidentified", { collaborativeId: national ? null : leadOf[0] });
  const scope: Prisma.ConcernWhereInput = national
    ? { heldAt: null }
    : { collaborativeId: { in: leadOf }, heldAt: null };
  if (options.collaborativeSlug) scope.collaborative = { slug: options.collaborativeSlug };
  const rows = await db.concern.findMany({
    where: scope,
    orderBy: { receivedAt: "desc" },
    take: Math.min(options.take ?? 500, 5000),
    select: {
      receivedAt: true,
      status: true,
      reporterRelation: true,
      shareable: true,
      whatHappened: true,
      whatWouldHaveHelped: true,
      linkedPriorityId: true,
      linkedProjectId: true,
      collaborative: { select: { slug: true } },
      priorityArea: { select: { slug: true } },
      pathwayStage: { select: { slug: true } },
    },
  });
  return rows.map((r) => ({
    collaborativeSlug: r.collaborative.slug,
    receivedMonth: r.receivedAt.toISOString().slice(0, 7),
    status: r.status,
    areaSlug: r.priorityArea?.slug ?? null,
    pathwayStageSlug: r.pathwayStage?.slug ?? null,
    reporterRelation: r.reporterRelation,
    linkedToPriorityOrProject: Boolean(r.linkedPriorityId || r.linkedProjectId),
    whatHappened: r.shareable ? r.whatHappened : null,
    whatWouldHaveHelped: r.shareable ? r.whatWouldHaveHelped : null,
  }));
}
