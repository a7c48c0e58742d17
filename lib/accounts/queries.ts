// Reads for accounts, members, invitations and administration, shaped for the screens.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { hashLinkToken } from "./tokens";

// ─── Registration ─────────────────────────────────────────────────────────────

/** The 15 collaboratives, for choosing one when registering (public facts only). */
export const listCollaborativeChoices = cache(async (viewer: Viewer) => {
  authorize(viewer, "collaborative.read");
  return db.collaborative.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, region: true, allowedEmailDomains: true },
  });
});

/** The default guess for a postcode (its area's collaborative), with the others it may fall in. */
export async function findCollaborativesForPostcode(viewer: Viewer, postcode: string) {
  authorize(viewer, "collaborative.read");
  const area = postcode
    .trim()
    .toUpperCase()
    .match(/^[A-Z]{1,2}(?=[0-9])/)?.[0];
  if (!area) return null;
  const row = await db.postcodeArea.findUnique({
    where: { code: area },
    select: { code: true, place: true, alsoPossible: true, collaborative: { select: { id: true, name: true } } },
  });
  if (!row) return null;
  const others = row.alsoPossible.length
    ? await db.collaborative.findMany({
        where: { slug: { in: row.alsoPossible } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      })
    : [];
  return { area: row.code, place: row.place, likely: row.collaborative, alsoPossible: others };
}

export async function listOrganisationChoices(viewer: Viewer, collaborativeId: string) {
  authorize(viewer, "collaborative.read", { collaborativeId });
  return db.organisation.findMany({
    where: { collaborativeId, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

// ─── Invitations ──────────────────────────────────────────────────────────────

/**
 * What the accept page needs for a link: the invitation (if still open) and whether its email already
 * has an account. The token is the proof: without it nothing is found.
 */
export async function getInvitationForToken(viewer: Viewer, token: string) {
  authorize(viewer, "account.register");
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      collaborative: { select: { name: true, slug: true } },
      organisation: { select: { name: true } },
      invitedBy: { select: { name: true } },
      project: { select: { title: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    role: invitation.role,
    collaborativeName: invitation.collaborative.name,
    collaborativeSlug: invitation.collaborative.slug,
    organisationName: invitation.organisation?.name ?? null,
    inviterName: invitation.invitedBy.name,
    /** Sent from a project's team page: they join its team once they are a member. */
    projectTitle: invitation.project?.title ?? null,
    expiresAt: invitation.expiresAt,
    hasAccount: account !== null,
    isViewer: account !== null && account.id === viewer.userId,
  };
}

// ─── Own account ──────────────────────────────────────────────────────────────

export async function getAccount(viewer: Viewer) {
  authorize(viewer, "account.manage");
  const user = await db.user.findUnique({
    where: { id: viewer.userId! },
    select: {
      name: true,
      email: true,
      globalRole: true,
      createdAt: true,
      passwordHash: true,
      accounts: { select: { provider: true } },
      memberships: {
        orderBy: { collaborative: { name: "asc" } },
        select: {
          id: true,
          role: true,
          status: true,
          jobTitle: true,
          collaborativeId: true,
          collaborative: { select: { name: true, slug: true } },
          organisation: { select: { name: true } },
        },
      },
    },
  });
  if (!user) throw new NotFoundError();
  return {
    name: user.name,
    email: user.email,
    globalRole: user.globalRole,
    createdAt: user.createdAt,
    hasPassword: user.passwordHash !== null,
    usesMicrosoft: user.accounts.some((a) => a.provider === "azure-ad"),
    memberships: user.memberships.map((m) => ({
      id: m.id,
      role: m.role,
      pending: m.status === "PENDING",
      jobTitle: m.jobTitle,
      collaborativeName: m.collaborative.name,
      collaborativeSlug: m.collaborative.slug,
      organisationName: m.organisation?.name ?? null,
      canManageMembers: can(viewer, "member.list", { collaborativeId: m.collaborativeId }),
    })),
  };
}

// ─── Members of a collaborative ───────────────────────────────────────────────

export type MemberRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  jobTitle: string | null;
  organisationName: string | null;
  joinedAt: Date;
};

/** Everything the members page shows; leads of the collaborative and administrators only. */
export async function getMembersPage(viewer: Viewer, slug: string) {
  const collaborative = await db.collaborative.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, allowedEmailDomains: true },
  });
  // Not a lead here: the page does not exist for them, whatever the slug.
  if (!collaborative || !can(viewer, "member.list", { collaborativeId: collaborative.id })) throw new NotFoundError();
  authorize(viewer, "member.list", { collaborativeId: collaborative.id });
  const [memberships, invitations, organisations] = await Promise.all([
    db.membership.findMany({
      where: { collaborativeId: collaborative.id },
      orderBy: [{ user: { name: "asc" } }],
      select: {
        id: true,
        role: true,
        status: true,
        jobTitle: true,
        createdAt: true,
        approvedAt: true,
        user: { select: { id: true, name: true, email: true } },
        organisation: { select: { name: true } },
      },
    }),
    db.invitation.findMany({
      where: { collaborativeId: collaborative.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        organisation: { select: { name: true } },
        invitedBy: { select: { name: true } },
      },
    }),
    db.organisation.findMany({
      where: { collaborativeId: collaborative.id, active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const toRow = (m: (typeof memberships)[number]): MemberRow => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    jobTitle: m.jobTitle,
    organisationName: m.organisation?.name ?? null,
    joinedAt: m.approvedAt ?? m.createdAt,
  });
  const active = memberships.filter((m) => m.status === "ACTIVE").map(toRow);
  const byOrganisation = new Map<string, MemberRow[]>();
  for (const row of active) {
    const key = row.organisationName ?? (row.role === "PATIENT" ? "Patients and carers" : "No organisation recorded");
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), row]);
  }
  return {
    collaborative: {
      id: collaborative.id,
      slug: collaborative.slug,
      name: collaborative.name,
      allowedEmailDomains: collaborative.allowedEmailDomains,
    },
    counts: {
      PATIENT: active.filter((m) => m.role === "PATIENT").length,
      STAFF: active.filter((m) => m.role === "STAFF").length,
      LEAD: active.filter((m) => m.role === "LEAD").length,
    },
    groups: [...byOrganisation.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([organisationName, members]) => ({ organisationName, members })),
    pending: memberships.filter((m) => m.status === "PENDING").map(toRow),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt,
      organisationName: i.organisation?.name ?? null,
      invitedBy: i.invitedBy.name,
    })),
    organisations,
  };
}

// ─── Administration ───────────────────────────────────────────────────────────

const USERS_PAGE_SIZE = 50;

export async function listUsers(viewer: Viewer, input: { q?: string; page: number }) {
  authorize(viewer, "user.list");
  const q = input.q?.trim();
  const where = q
    ? {
        OR: [
          { name: { contains: q, mode: "insensitive" as const } },
          { email: { contains: q, mode: "insensitive" as const } },
        ],
      }
    : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        globalRole: true,
        erasedAt: true,
        memberships: {
          orderBy: { collaborative: { name: "asc" } },
          select: { role: true, status: true, collaborative: { select: { name: true } } },
        },
      },
    }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      globalRole: u.globalRole,
      erased: u.erasedAt !== null,
      memberships: u.memberships.map((m) => ({
        role: m.role,
        pending: m.status === "PENDING",
        collaborativeName: m.collaborative.name,
      })),
    })),
  };
}

const AUDIT_PAGE_SIZE = 50;

/**
 * The distinct actions in the audit log, read as a loose index scan of AuditEvent(action, id): one
 * index probe per action rather than every row (Prisma's `distinct` fetches every row and removes
 * repeats in memory: 2.5 s at a million events, 0.6 ms this way).
 */
export const auditActionsSql = Prisma.sql`
  WITH RECURSIVE actions AS (
    (SELECT action FROM "AuditEvent" ORDER BY action LIMIT 1)
    UNION ALL
    SELECT (SELECT e.action FROM "AuditEvent" e WHERE e.action > a.action ORDER BY e.action LIMIT 1)
    FROM actions a WHERE a.action IS NOT NULL
  )
  SELECT action FROM actions WHERE action IS NOT NULL`;

export async function listAuditEvents(viewer: Viewer, input: { action?: string; page: number }) {
  authorize(viewer, "audit.read");
  const where = input.action ? { action: input.action } : {};
  const [total, events, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (input.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.$queryRaw<{ action: string }[]>(auditActionsSql),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const collaborativeIds = [...new Set(events.map((e) => e.collaborativeId).filter((id): id is string => id !== null))];
  const [actors, collaboratives] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db.collaborative.findMany({ where: { id: { in: collaborativeIds } }, select: { id: true, name: true } }),
  ]);
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const collaborativeName = new Map(collaboratives.map((c) => [c.id, c.name]));
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((a) => a.action),
    events: events.map((e) => ({
      id: e.id.toString(),
      at: e.at,
      action: e.action,
      subject: `${e.subjectType}${e.subjectId ? ` ${e.subjectId}` : ""}`,
      actor: e.actorId ? (actorName.get(e.actorId) ?? "Deleted user") : "Not signed in",
      collaborative: e.collaborativeId ? (collaborativeName.get(e.collaborativeId) ?? null) : null,
      ip: e.ip,
      details: e.details === null ? "" : JSON.stringify(e.details),
    })),
  };
}

export async function listCollaborativeSettings(viewer: Viewer) {
  authorize(viewer, "collaborative.manage");
  return db.collaborative.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, allowedEmailDomains: true },
  });
}
