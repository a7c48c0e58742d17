import "server-only";
import { db, type Prisma } from "@/lib/db";
import { can, isNational, type Viewer } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { readableProjectsWhere } from "@/lib/projects/access";
import { overdueReceivedBefore } from "@/lib/concerns/service-level";
import { formatPeriod, nextPeriodDue } from "@/lib/measures/periods";
import { formatDecimal } from "@/lib/format";
import type { Assurance, Variation } from "@/lib/spc";
import type { MeasurePeriod, MembershipRole, ProjectStatus } from "@/lib/generated/prisma/enums";

/** How many of their projects the home lists (most recently updated first); the rest are on /projects. */
export const HOME_PROJECT_LIMIT = 12;

export type HomeMeasure = {
  id: string;
  name: string;
  variation: Variation | null;
  assurance: Assurance | null;
  hasTarget: boolean;
  /** The last value entered: its period and the value as shown (with its unit), or null before any. */
  latest: { period: string; value: string } | null;
  /** The period due next; `open` is false while it has not started (nothing to enter yet). */
  nextDue: { period: string; open: boolean };
  href: string;
  /** Where the values are entered: the values grid (one page load from home). */
  enterHref: string;
};

export type HomeProject = {
  id: string;
  title: string;
  status: ProjectStatus;
  collaborativeName: string;
  measures: HomeMeasure[];
};

export type HomeCollaborative = {
  slug: string;
  name: string;
  role: MembershipRole;
  workspaceHref: string;
  dashboardHref: string | null;
  /** What waits for the collaborative's leads; null for everyone else. */
  lead: {
    openConcerns: number;
    overdueConcerns: number;
    heldConcerns: number;
    pendingMembers: number;
    triageHref: string;
    heldHref: string;
    membersHref: string;
  } | null;
};

export type HomeRound = {
  id: string;
  title: string;
  href: string;
  collaborativeName: string;
  closesAt: Date | null;
  /** Whether the viewer has already ranked in it. */
  ranked: boolean;
};

export type HomeLearning = { slug: string; title: string; unanswered: number };

export type Home = {
  name: string;
  projects: HomeProject[];
  moreProjects: boolean;
  collaboratives: HomeCollaborative[];
  rounds: HomeRound[];
  learning: HomeLearning[];
  national: boolean;
  admin: boolean;
};

const countsBy = (rows: { collaborativeId: string; _count: { _all: number } }[]) =>
  new Map(rows.map((r) => [r.collaborativeId, r._count._all]));

/**
 * The signed-in person's home: their projects with each measure's latest status and next period due,
 * and what waits for them by role. Every part is scoped through the policy; the whole page is two
 * rounds of batched statements, whatever the number of projects, measures or collaboratives.
 */
export async function getHome(viewer: Viewer, now = new Date()): Promise<Home> {
  const userId = viewer.userId;
  if (!userId) throw new ForbiddenError();
  const memberOf = viewer.memberships.map((m) => m.collaborativeId);
  // Each lead-only figure asks the policy for its own permission, so a change of rule there changes the home.
  const triageIds = memberOf.filter((id) => can(viewer, "concern.triage", { collaborativeId: id }));
  const approveIds = memberOf.filter((id) => can(viewer, "member.approve", { collaborativeId: id }));
  const roundIds = memberOf.filter((id) => can(viewer, "round.participate", { collaborativeId: id }));

  const projectWhere: Prisma.ProjectWhereInput = {
    AND: [
      readableProjectsWhere(viewer),
      { status: { not: "CLOSED" } },
      { OR: [{ createdById: userId }, { team: { some: { userId } } }] },
    ],
  };
  const unanswered: Prisma.CommentWhereInput = {
    parentId: null,
    hiddenAt: null,
    authorId: { not: userId },
    replies: { none: { authorId: userId } },
  };

  const [collaboratives, projects, openConcerns, heldConcerns, pendingMembers, rounds, learning] = await Promise.all([
    memberOf.length === 0
      ? []
      : db.collaborative.findMany({
          where: { id: { in: memberOf } },
          orderBy: { name: "asc" },
          select: { id: true, slug: true, name: true, acknowledgementDays: true },
        }),
    db.project.findMany({
      where: projectWhere,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: HOME_PROJECT_LIMIT + 1,
      select: {
        id: true,
        title: true,
        status: true,
        startDate: true,
        collaborative: { select: { name: true } },
        measures: {
          where: { archivedAt: null },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            name: true,
            unit: true,
            period: true,
            target: true,
            spcVariation: true,
            spcAssurance: true,
            spcLatestPeriod: true,
          },
        },
      },
    }),
    triageIds.length === 0
      ? []
      : db.concern.groupBy({
          by: ["collaborativeId"],
          where: { collaborativeId: { in: triageIds }, heldAt: null, status: { not: "CLOSED" } },
          _count: { _all: true },
        }),
    triageIds.length === 0
      ? []
      : db.concern.groupBy({
          by: ["collaborativeId"],
          where: { collaborativeId: { in: triageIds }, heldAt: { not: null } },
          _count: { _all: true },
        }),
    approveIds.length === 0
      ? []
      : db.membership.groupBy({
          by: ["collaborativeId"],
          where: { collaborativeId: { in: approveIds }, status: "PENDING", user: { erasedAt: null } },
          _count: { _all: true },
        }),
    roundIds.length === 0
      ? []
      : db.priorityRound.findMany({
          where: { collaborativeId: { in: roundIds }, status: "OPEN" },
          orderBy: [{ closesAt: { sort: "asc", nulls: "last" } }, { openedAt: "desc" }],
          take: 10,
          select: {
            id: true,
            title: true,
            closesAt: true,
            collaborative: { select: { slug: true, name: true } },
            ballots: { where: { userId }, select: { id: true } },
          },
        }),
    db.learningItem.findMany({
      where: { authorId: userId, comments: { some: unanswered } },
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: { slug: true, title: true, _count: { select: { comments: { where: unanswered } } } },
    }),
  ]);

  const measures = projects.flatMap((p) => p.measures);
  const withLatest = measures.filter((m) => m.spcLatestPeriod !== null);
  // Overdue counts need each collaborative's own acknowledgement time: one statement for them all.
  const overdueWhere = collaboratives
    .filter((c) => triageIds.includes(c.id))
    .map((c) => ({ collaborativeId: c.id, receivedAt: { lt: overdueReceivedBefore(now, c.acknowledgementDays) } }));
  const [latestPoints, overdueConcerns] = await Promise.all([
    withLatest.length === 0
      ? []
      : db.measurePoint.findMany({
          where: { OR: withLatest.map((m) => ({ measureId: m.id, periodStart: m.spcLatestPeriod! })) },
          select: { measureId: true, value: true },
        }),
    overdueWhere.length === 0
      ? []
      : db.concern.groupBy({
          by: ["collaborativeId"],
          where: { heldAt: null, acknowledgedAt: null, OR: overdueWhere },
          _count: { _all: true },
        }),
  ]);

  const latestValue = new Map(latestPoints.map((p) => [p.measureId, p.value]));
  const open = countsBy(openConcerns);
  const held = countsBy(heldConcerns);
  const pending = countsBy(pendingMembers);
  const overdue = countsBy(overdueConcerns);
  const roleIn = new Map(viewer.memberships.map((m) => [m.collaborativeId, m.role]));

  return {
    name: viewer.name ?? "",
    moreProjects: projects.length > HOME_PROJECT_LIMIT,
    projects: projects.slice(0, HOME_PROJECT_LIMIT).map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      collaborativeName: p.collaborative.name,
      measures: p.measures.map((m) => {
        const period = m.period as MeasurePeriod;
        const due = nextPeriodDue(m.spcLatestPeriod, period, { projectStart: p.startDate, today: now });
        const value = latestValue.get(m.id);
        return {
          id: m.id,
          name: m.name,
          variation: m.spcVariation as Variation | null,
          assurance: m.spcAssurance as Assurance | null,
          hasTarget: m.target !== null,
          latest:
            m.spcLatestPeriod && value !== undefined
              ? {
                  period: formatPeriod(m.spcLatestPeriod, period),
                  value: `${formatDecimal(value, 2)}${m.unit ? ` ${m.unit}` : ""}`,
                }
              : null,
          nextDue: { period: formatPeriod(due.start, period), open: due.open },
          href: `/projects/${p.id}/measures/${m.id}`,
          enterHref: `/projects/${p.id}/measures/${m.id}/values`,
        };
      }),
    })),
    collaboratives: collaboratives.map((c) => {
      const resource = { collaborativeId: c.id };
      const base = `/collaboratives/${c.slug}`;
      return {
        slug: c.slug,
        name: c.name,
        role: roleIn.get(c.id)!,
        workspaceHref: base,
        dashboardHref: can(viewer, "collaborative.dashboard", resource) ? `${base}/dashboard` : null,
        lead: triageIds.includes(c.id)
          ? {
              openConcerns: open.get(c.id) ?? 0,
              overdueConcerns: overdue.get(c.id) ?? 0,
              heldConcerns: held.get(c.id) ?? 0,
              pendingMembers: pending.get(c.id) ?? 0,
              triageHref: `${base}/concerns`,
              heldHref: `${base}/concerns#held`,
              membersHref: `${base}/members`,
            }
          : null,
      };
    }),
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      href: `/collaboratives/${r.collaborative.slug}/rounds/${r.id}`,
      collaborativeName: r.collaborative.name,
      closesAt: r.closesAt,
      ranked: r.ballots.length > 0,
    })),
    learning: learning.map((l) => ({ slug: l.slug, title: l.title, unanswered: l._count.comments })),
    national: isNational(viewer),
    admin: can(viewer, "audit.read"),
  };
}
