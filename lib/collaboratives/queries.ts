import "server-only";
import { countedProjectWhere } from "@/lib/projects/counted";
import { cache } from "react";
import { db, type Db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type {
  MembershipRole,
  OrganisationType,
  PriorityStatus,
  ProjectStatus,
  Visibility,
} from "@/lib/generated/prisma/enums";

export type CollaborativeSummary = {
  id: string;
  slug: string;
  name: string;
  leadAhsn2014: string;
  nameSince2023: string;
  region: string;
  activeProjects: number;
  concerns: number;
  publishedLearning: number;
};

/** The 15 collaboratives with public counts, aggregated in one SQL statement. */
export async function listCollaboratives(viewer: Viewer): Promise<CollaborativeSummary[]> {
  authorize(viewer, "collaborative.read");
  return db.$queryRaw<CollaborativeSummary[]>`
    SELECT c.id, c.slug, c.name, c."leadAhsn2014", c."nameSince2023", c.region,
      (SELECT count(*)::int FROM "Project" p WHERE p."collaborativeId" = c.id AND p.status <> 'CLOSED' AND psc_project_counted(p.visibility, p."archivedAt")) AS "activeProjects",
      (SELECT count(*)::int FROM "Concern" k WHERE k."collaborativeId" = c.id AND k."heldAt" IS NULL AND k.kind = 'CONCERN') AS concerns,
      (SELECT count(*)::int FROM "LearningItem" l WHERE l."collaborativeId" = c.id AND l.status = 'PUBLISHED') AS "publishedLearning"
    FROM "Collaborative" c
    ORDER BY c.name`;
}

export const getCollaborativeBySlug = cache(async (viewer: Viewer, slug: string) => {
  authorize(viewer, "collaborative.read");
  return db.collaborative.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      leadAhsn2014: true,
      nameSince2023: true,
      region: true,
      description: true,
      localPriorities: {
        where: { status: { not: "RETIRED" } },
        orderBy: { name: "asc" },
        select: { id: true, slug: true, name: true, description: true, status: true },
      },
    },
  });
});

/** The collaborative for a route, or NotFoundError: the first step of every per-collaborative query. */
export async function requireCollaborative(slug: string) {
  const collaborative = await db.collaborative.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!collaborative) throw new NotFoundError();
  return collaborative;
}

// ─── Concerns: de-identified counts only ─────────────────────────────────────

/** How far back concern evidence looks, for the workspace summary and for candidate priorities. */
export const EVIDENCE_MONTHS = 12;

export type AreaCount = {
  priorityAreaId: string | null;
  slug: string | null;
  name: string | null;
  kind: "NATIONAL" | "LOCAL" | null;
  count: number;
};

/**
 * Concerns received in a collaborative since a date, counted by the area the reporter chose (null:
 * "something else"). "What went well" is not a concern: it is counted on its own, never here. A building block: callers have already authorized the viewer.
 */
export async function countConcernsByArea(client: Db | Tx, collaborativeId: string, since: Date): Promise<AreaCount[]> {
  return client.$queryRaw<AreaCount[]>`
    SELECT k."priorityAreaId", a.slug, a.name, a.kind::text AS kind, count(*)::int AS count
    FROM "Concern" k
    LEFT JOIN "PriorityArea" a ON a.id = k."priorityAreaId"
    WHERE k."collaborativeId" = ${collaborativeId} AND k."receivedAt" >= ${since} AND k."heldAt" IS NULL
      AND k.kind = 'CONCERN'
    GROUP BY k."priorityAreaId", a.slug, a.name, a.kind
    ORDER BY count(*) DESC, a.name`;
}

export function evidenceSince(now = new Date()): Date {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - EVIDENCE_MONTHS);
  return since;
}

export type ConcernsSummary = {
  since: Date;
  total: number;
  byArea: AreaCount[];
  /** One row per month (UK time), oldest first, months with none included. */
  byMonth: { month: Date; count: number }[];
};

/**
 * Concerns received per month (UK time) over the 12 months to `now`'s, months with none included.
 * Bounded by date so it reads one year of the collaborative's concerns from the index
 * Concern(collaborativeId, receivedAt, heldAt) alone, not every concern it ever had.
 */
export function concernsPerMonthSql(collaborativeId: string, now: Date) {
  // The first day of now's month in UK time, as a timestamp without zone.
  const last = Prisma.sql`date_trunc('month', ${now.toISOString()}::timestamptz AT TIME ZONE 'Europe/London')`;
  // receivedAt is UTC without a zone: a UK month's start, in UTC (a constant, so the index can range over it).
  const utcStart = (local: Prisma.Sql) => Prisma.sql`((${local}) AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC'`;
  return Prisma.sql`
    WITH months AS (
      SELECT generate_series(${last} - interval '11 months', ${last}, interval '1 month') AS month
    ), counts AS (
      SELECT date_trunc('month', (k."receivedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London') AS month, count(*)::int AS count
      FROM "Concern" k
      WHERE k."collaborativeId" = ${collaborativeId}
        AND k."heldAt" IS NULL
        AND k.kind = 'CONCERN'
        AND k."receivedAt" >= ${utcStart(Prisma.sql`${last} - interval '11 months'`)}
        AND k."receivedAt" < ${utcStart(Prisma.sql`${last} + interval '1 month'`)}
      GROUP BY 1
    )
    SELECT m.month::date AS month, coalesce(c.count, 0)::int AS count
    FROM months m LEFT JOIN counts c USING (month)
    ORDER BY m.month`;
}

/**
 * What the workspace shows about concerns: counts by area and per month over the last 12 months.
 * Aggregates only, never free text or references, so they are public like the collaborative's total.
 */
export async function getConcernsSummary(
  viewer: Viewer,
  collaborativeId: string,
  now = new Date(),
): Promise<ConcernsSummary> {
  authorize(viewer, "collaborative.read", { collaborativeId });
  const since = evidenceSince(now);
  const [byArea, byMonth] = await Promise.all([
    countConcernsByArea(db, collaborativeId, since),
    db.$queryRaw<{ month: Date; count: number }[]>(concernsPerMonthSql(collaborativeId, now)),
  ]);
  return { since, total: byArea.reduce((sum, a) => sum + a.count, 0), byArea, byMonth };
}

// ─── The workspace ───────────────────────────────────────────────────────────

export type Workspace = NonNullable<Awaited<ReturnType<typeof getWorkspace>>>;

const PRIORITY_STATUS_ORDER: Record<PriorityStatus, number> = { ACTIVE: 0, ACHIEVED: 1, RETIRED: 2 };

/**
 * Everything the collaborative's page shows, scoped to the viewer: the public see public projects
 * and published learning; members see more; leads also see the membership summary.
 */
export async function getWorkspace(viewer: Viewer, slug: string, now = new Date()) {
  authorize(viewer, "collaborative.read");
  const collaborative = await db.collaborative.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      leadAhsn2014: true,
      nameSince2023: true,
      region: true,
      description: true,
    },
  });
  if (!collaborative) return null;
  const collaborativeId = collaborative.id;
  const resource = { collaborativeId };
  // The policy decides which project visibilities this viewer may read; the query asks for those only.
  const visibilities = (["DRAFT", "PORTAL", "PUBLIC"] as const).filter((visibility) =>
    can(viewer, "project.read", { collaborativeId, visibility }),
  );

  const [
    organisations,
    leads,
    localPriorities,
    priorityProjects,
    priorityConcerns,
    projects,
    closedProjects,
    concerns,
    learning,
    events,
    rounds,
    membership,
  ] = await Promise.all([
    db.organisation.findMany({
      where: { collaborativeId, active: true },
      orderBy: [{ type: "asc" }, { name: "asc" }],
      select: { id: true, name: true, type: true, odsCode: true },
    }),
    db.membership.findMany({
      where: { collaborativeId, role: "LEAD", status: "ACTIVE", user: { erasedAt: null } },
      orderBy: { user: { name: "asc" } },
      select: { id: true, jobTitle: true, user: { select: { name: true } }, organisation: { select: { name: true } } },
    }),
    // Its own priorities, and the national areas its rounds chose (linked to, not copied: issue 16).
    db.priorityArea.findMany({
      where: {
        OR: [
          { collaborativeId, kind: "LOCAL" },
          { kind: "NATIONAL", chosenBy: { some: { round: { collaborativeId, status: "CLOSED" } } } },
        ],
      },
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        status: true,
        kind: true,
        round: { select: { id: true, title: true, closedAt: true } },
        chosenBy: {
          where: { round: { collaborativeId, status: "CLOSED" } },
          orderBy: { round: { closedAt: "desc" } },
          take: 1,
          select: { round: { select: { id: true, title: true, closedAt: true } } },
        },
      },
    }),
    // This collaborative's projects on each (local or national: projects link through ProjectPriority),
    // counted as every figure counts them: shared and not archived.
    db.projectPriority.groupBy({
      by: ["priorityAreaId"],
      where: {
        project: { collaborativeId, ...countedProjectWhere },
        priorityArea: {
          OR: [
            { collaborativeId, kind: "LOCAL" },
            { kind: "NATIONAL", chosenBy: { some: { round: { collaborativeId, status: "CLOSED" } } } },
          ],
        },
      },
      _count: { _all: true },
    }),
    db.concern.groupBy({
      by: ["linkedPriorityId"],
      where: { linkedPriority: { collaborativeId, kind: "LOCAL" } },
      _count: { _all: true },
    }),
    db.project.findMany({
      where: { collaborativeId, visibility: { in: visibilities }, archivedAt: null, status: { not: "CLOSED" } },
      orderBy: { updatedAt: "desc" },
      take: 12,
      select: {
        id: true,
        title: true,
        status: true,
        visibility: true,
        updatedAt: true,
        priorities: { select: { priorityArea: { select: { name: true } } } },
      },
    }),
    db.project.count({
      where: { collaborativeId, visibility: { in: visibilities }, archivedAt: null, status: "CLOSED" },
    }),
    getConcernsSummary(viewer, collaborativeId, now),
    db.learningItem.findMany({
      where: { collaborativeId, status: "PUBLISHED" },
      orderBy: { publishedAt: "desc" },
      take: 6,
      select: { id: true, slug: true, title: true, type: true, summary: true, publishedAt: true },
    }),
    db.event.findMany({
      where: { collaborativeId, cancelledAt: null, endsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      take: 5,
      select: { id: true, title: true, startsAt: true, endsAt: true, location: true, onlineUrl: true },
    }),
    // Rounds people can see: a draft or scheduled round is only on the rounds page, for the leads.
    db.priorityRound.findMany({
      where: { collaborativeId, status: { in: ["OPEN", "CLOSED"] } },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: {
        id: true,
        title: true,
        status: true,
        openedAt: true,
        closesAt: true,
        closedAt: true,
        _count: { select: { ballots: true, candidates: true } },
      },
    }),
    can(viewer, "member.list", resource) ? getMembershipSummary(viewer, collaborativeId, now) : Promise.resolve(null),
  ]);

  const projectCounts = new Map(priorityProjects.map((g) => [g.priorityAreaId, g._count._all]));
  const concernCounts = new Map(priorityConcerns.map((g) => [g.linkedPriorityId, g._count._all]));
  return {
    collaborative,
    organisations: organisations.map((o) => ({ ...o, type: o.type as OrganisationType })),
    leads: leads.map((l) => ({
      id: l.id,
      name: l.user.name,
      jobTitle: l.jobTitle,
      organisation: l.organisation?.name ?? null,
    })),
    localPriorities: localPriorities
      .sort(
        (a, b) =>
          PRIORITY_STATUS_ORDER[a.status] - PRIORITY_STATUS_ORDER[b.status] || a.name.localeCompare(b.name, "en-GB"),
      )
      .map((p) => ({
        id: p.id,
        slug: p.slug,
        name: p.name,
        description: p.description,
        status: p.status,
        national: p.kind === "NATIONAL",
        round: p.round ?? p.chosenBy[0]?.round ?? null,
        projectCount: projectCounts.get(p.id) ?? 0,
        linkedConcernCount: concernCounts.get(p.id) ?? 0,
      })),
    projects: projects.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status as ProjectStatus,
      visibility: p.visibility as Visibility,
      updatedAt: p.updatedAt,
      priorities: p.priorities.map((x) => x.priorityArea.name),
    })),
    closedProjects,
    concerns,
    learning,
    events,
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      openedAt: r.openedAt,
      closesAt: r.closesAt,
      closedAt: r.closedAt,
      ballots: r._count.ballots,
      candidates: r._count.candidates,
    })),
    membership,
    can: {
      manageOrganisations: can(viewer, "organisation.manage", resource),
      openRound: can(viewer, "round.open", resource),
      manageEvents: can(viewer, "event.manage", resource),
      listMembers: can(viewer, "member.list", resource),
    },
  };
}

export type MembershipSummary = {
  active: number;
  pending: number;
  openInvitations: number;
  byOrganisation: {
    organisationId: string | null;
    organisation: string;
    counts: Record<MembershipRole, number>;
    total: number;
  }[];
};

/** Members by organisation and role, pending requests and open invitations: for the collaborative's leads. */
export async function getMembershipSummary(
  viewer: Viewer,
  collaborativeId: string,
  now = new Date(),
): Promise<MembershipSummary> {
  authorize(viewer, "member.list", { collaborativeId });
  const [groups, pending, openInvitations] = await Promise.all([
    db.membership.groupBy({
      by: ["organisationId", "role"],
      where: { collaborativeId, status: "ACTIVE", user: { erasedAt: null } },
      _count: { _all: true },
    }),
    db.membership.count({ where: { collaborativeId, status: "PENDING", user: { erasedAt: null } } }),
    db.invitation.count({ where: { collaborativeId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
  ]);
  const organisationIds = [...new Set(groups.map((g) => g.organisationId).filter((id): id is string => id !== null))];
  const names = new Map(
    (
      await db.organisation.findMany({
        where: { id: { in: organisationIds }, collaborativeId },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  const rows = new Map<string | null, MembershipSummary["byOrganisation"][number]>();
  for (const g of groups) {
    const row = rows.get(g.organisationId) ?? {
      organisationId: g.organisationId,
      organisation: g.organisationId
        ? (names.get(g.organisationId) ?? "Unknown organisation")
        : "No organisation given",
      counts: { PATIENT: 0, STAFF: 0, LEAD: 0 },
      total: 0,
    };
    row.counts[g.role] += g._count._all;
    row.total += g._count._all;
    rows.set(g.organisationId, row);
  }
  const byOrganisation = [...rows.values()].sort((a, b) =>
    a.organisationId === null
      ? 1
      : b.organisationId === null
        ? -1
        : a.organisation.localeCompare(b.organisation, "en-GB"),
  );
  return { active: byOrganisation.reduce((sum, r) => sum + r.total, 0), pending, openInvitations, byOrganisation };
}

// ─── Member organisations ────────────────────────────────────────────────────

/** Every organisation of the collaborative, former members included: for the leads' management page. */
export async function listOrganisationsForManagement(viewer: Viewer, slug: string) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "organisation.manage", { collaborativeId: collaborative.id });
  // Counted for this collaborative's organisations only (Prisma's `_count` groups the whole tables).
  const ofThisCollaborative = { organisation: { collaborativeId: collaborative.id } };
  const [organisations, memberships, projects, concerns] = await Promise.all([
    db.organisation.findMany({
      where: { collaborativeId: collaborative.id },
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: { id: true, name: true, type: true, odsCode: true, active: true, version: true },
    }),
    db.membership.groupBy({ by: ["organisationId"], where: ofThisCollaborative, _count: { _all: true } }),
    db.projectOrganisation.groupBy({ by: ["organisationId"], where: ofThisCollaborative, _count: { _all: true } }),
    db.concern.groupBy({
      by: ["organisationId"],
      where: { ...ofThisCollaborative, heldAt: null },
      _count: { _all: true },
    }),
  ]);
  const byOrganisation = (groups: { organisationId: string | null; _count: { _all: number } }[]) =>
    new Map(groups.map((g) => [g.organisationId, g._count._all]));
  const [memberCounts, projectCounts, concernCounts] = [
    byOrganisation(memberships),
    byOrganisation(projects),
    byOrganisation(concerns),
  ];
  return {
    collaborative,
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      odsCode: o.odsCode,
      active: o.active,
      version: o.version,
      members: memberCounts.get(o.id) ?? 0,
      projects: projectCounts.get(o.id) ?? 0,
      concerns: concernCounts.get(o.id) ?? 0,
    })),
  };
}

/** Active member organisations for pickers (projects, the concern form): public names, types and codes. */
export async function listActiveOrganisations(viewer: Viewer, collaborativeId: string) {
  authorize(viewer, "collaborative.read", { collaborativeId });
  return db.organisation.findMany({
    where: { collaborativeId, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, type: true, odsCode: true },
  });
}
