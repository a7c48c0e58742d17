/** Reads for the project screens, scoped by the viewer and shaped for the page. */
import "server-only";
import { cache } from "react";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { authorize, can, collaborativeIdsWhere, isNational, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { measureChart, type MeasureChartView } from "@/lib/measures/chart";
import { readableProjectsWhere, requireProject } from "./access";
import { buildDriverTree, type DriverTree } from "./driver-tree";
import { LOCAL_PRIORITIES, PAGE_SIZE, type ProjectFilters } from "./schemas";
import { STATUS_LABELS } from "./status";

/** A project's problem and aim, as both its page and its edit form read them. */
const PROJECT_AIM_FIELDS = {
  id: true,
  collaborativeId: true,
  title: true,
  problem: true,
  aimWhat: true,
  aimHowMuch: true,
  aimByWhen: true,
  startDate: true,
} satisfies Prisma.ProjectSelect;

/** A PDSA cycle as the project page and the cycle page show it. */
const CYCLE_FIELDS = {
  id: true,
  title: true,
  plan: true,
  prediction: true,
  doNotes: true,
  study: true,
  act: true,
  actNotes: true,
  startDate: true,
  endDate: true,
  changeIdeaId: true,
  changeIdea: { select: { title: true } },
} satisfies Prisma.PdsaCycleSelect;

export type ProjectCard = {
  id: string;
  title: string;
  status: ProjectStatus;
  visibility: "DRAFT" | "PORTAL" | "PUBLIC";
  problem: string;
  collaborative: string;
  organisations: string[];
  priorities: string[];
  stages: string[];
  measureCount: number;
  updatedAt: Date;
};

export type ProjectList = { items: ProjectCard[]; total: number; page: number; pageCount: number };

export async function listProjects(viewer: Viewer, filters: ProjectFilters): Promise<ProjectList> {
  const and: Prisma.ProjectWhereInput[] = [readableProjectsWhere(viewer)];
  if (filters.collaborative) and.push({ collaborative: { slug: filters.collaborative } });
  if (filters.priority === LOCAL_PRIORITIES) and.push({ priorities: { some: { priorityArea: { kind: "LOCAL" } } } });
  else if (filters.priority) and.push({ priorities: { some: { priorityArea: { slug: filters.priority } } } });
  if (filters.status) and.push({ status: filters.status });
  if (filters.stage) and.push({ pathwayStages: { some: { pathwayStage: { slug: filters.stage } } } });
  if (filters.organisation) and.push({ organisations: { some: { organisationId: filters.organisation } } });
  if (filters.q) {
    const contains = { contains: filters.q, mode: "insensitive" as const };
    and.push({
      OR: [
        { title: contains },
        { problem: contains },
        { aimWhat: contains },
        { changeIdeas: { some: { title: contains } } },
      ],
    });
  }
  const where: Prisma.ProjectWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        visibility: true,
        problem: true,
        updatedAt: true,
        collaborative: { select: { name: true } },
        organisations: { select: { organisation: { select: { name: true } } } },
        priorities: { select: { priorityArea: { select: { name: true } } } },
        pathwayStages: { select: { pathwayStage: { select: { name: true, sortOrder: true } } } },
      },
    }),
  ]);
  // Measures counted for this page's projects only (Prisma's `_count` groups the whole Measure table).
  const measureCounts = new Map(
    (
      await db.measure.groupBy({
        by: ["projectId"],
        where: { projectId: { in: rows.map((r) => r.id) }, archivedAt: null },
        _count: { _all: true },
      })
    ).map((g) => [g.projectId, g._count._all]),
  );
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      visibility: r.visibility,
      problem: r.problem.length > 240 ? `${r.problem.slice(0, 237).trimEnd()}…` : r.problem,
      collaborative: r.collaborative.name,
      organisations: r.organisations.map((o) => o.organisation.name).sort(),
      priorities: r.priorities.map((p) => p.priorityArea.name).sort(),
      stages: r.pathwayStages
        .sort((a, b) => a.pathwayStage.sortOrder - b.pathwayStage.sortOrder)
        .map((s) => s.pathwayStage.name),
      measureCount: measureCounts.get(r.id) ?? 0,
      updatedAt: r.updatedAt,
    })),
  };
}

export type Choice = { value: string; label: string; hint?: string };

/** Choices for the list's filter form; organisations only once a collaborative is chosen (there are hundreds). */
export async function getProjectFilterOptions(viewer: Viewer, collaborativeSlug?: string) {
  const [collaboratives, priorities, stages] = await Promise.all([
    db.collaborative.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true, id: true } }),
    db.priorityArea.findMany({
      where: {
        status: { not: "RETIRED" },
        OR: [{ kind: "NATIONAL" }, ...(collaborativeSlug ? [{ collaborative: { slug: collaborativeSlug } }] : [])],
      },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { slug: true, name: true, kind: true },
    }),
    listPathwayStages(),
  ]);
  const chosen = collaboratives.find((c) => c.slug === collaborativeSlug);
  const organisations = chosen
    ? await db.organisation.findMany({
        where: { collaborativeId: chosen.id, active: true },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      })
    : [];
  return {
    collaboratives: collaboratives.map((c) => ({ value: c.slug, label: c.name })),
    priorities: [
      ...priorities.map((p) => ({ value: p.slug, label: p.kind === "NATIONAL" ? `${p.name} (national)` : p.name })),
      { value: LOCAL_PRIORITIES, label: "Any local priority" },
    ],
    stages: stages.map((s) => ({ value: s.slug, label: s.name })),
    organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    /** The viewer's own collaborative, as a sensible default for staff. */
    home: viewer.memberships.find((m) => m.role !== "PATIENT")?.collaborativeSlug ?? null,
    canSeeAll: isNational(viewer),
  };
}

export const listPathwayStages = cache(async () =>
  db.pathwayStage.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, sortOrder: true },
  }),
);

/** Collaboratives in which the viewer may start a project. */
export async function listCollaborativesForNewProject(viewer: Viewer) {
  const ids = collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]);
  return db.collaborative.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
}

/** What the project form offers for one collaborative: its organisations, priorities and the pathway. */
export async function getProjectFormOptions(viewer: Viewer, collaborativeId: string) {
  authorize(viewer, "project.create", { collaborativeId });
  return projectFormOptions(collaborativeId);
}

async function projectFormOptions(
  collaborativeId: string,
  include: { organisationIds?: string[]; priorityAreaIds?: string[] } = {},
) {
  const [collaborative, organisations, priorities, stages] = await Promise.all([
    db.collaborative.findUniqueOrThrow({
      where: { id: collaborativeId },
      select: { id: true, name: true, slug: true },
    }),
    db.organisation.findMany({
      where: { collaborativeId, OR: [{ active: true }, { id: { in: include.organisationIds ?? [] } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.priorityArea.findMany({
      where: {
        OR: [
          { kind: "NATIONAL", status: { not: "RETIRED" } },
          { collaborativeId, status: { not: "RETIRED" } },
          { id: { in: include.priorityAreaIds ?? [] } },
        ],
      },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true },
    }),
    listPathwayStages(),
  ]);
  return {
    collaborative,
    organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    priorities: priorities.map((p) => ({
      value: p.id,
      label: p.name,
      hint: p.kind === "NATIONAL" ? "National priority" : "Local priority",
    })),
    stages: stages.map((s) => ({ value: s.id, label: s.name })),
  };
}

export type ProjectFormOptions = Awaited<ReturnType<typeof projectFormOptions>>;

/** The project's editable fields with the form's choices; only for people who may update it. */
export async function getProjectForEdit(viewer: Viewer, projectId: string) {
  await requireProject(viewer, projectId, "project.update");
  const p = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      ...PROJECT_AIM_FIELDS,
      collaborative: { select: { name: true } },
      visibility: true,
      learningSummary: true,
      status: true,
      closedReason: true,
      version: true,
      organisations: { select: { organisationId: true } },
      priorities: { select: { priorityAreaId: true } },
      pathwayStages: { select: { pathwayStageId: true } },
    },
  });
  const organisationIds = p.organisations.map((o) => o.organisationId);
  const priorityAreaIds = p.priorities.map((o) => o.priorityAreaId);
  return {
    project: { ...p, organisationIds, priorityAreaIds, pathwayStageIds: p.pathwayStages.map((s) => s.pathwayStageId) },
    options: await projectFormOptions(p.collaborativeId, { organisationIds, priorityAreaIds }),
    canArchive: can(viewer, "project.archive", p),
  };
}

export type StoryMeasure = {
  id: string;
  name: string;
  kind: "OUTCOME" | "PROCESS" | "BALANCING";
  definition: string;
  unit: string;
  direction: "INCREASE" | "DECREASE" | "NEITHER";
  target: number | null;
  period: "DAY" | "WEEK" | "MONTH";
  valueType: "NUMBER" | "RATE";
  chart: MeasureChartView;
};

export type StoryCycle = {
  id: string;
  number: number;
  title: string;
  changeIdeaId: string;
  changeIdea: string;
  plan: string;
  prediction: string;
  doNotes: string;
  study: string;
  act: "ADOPT" | "ADAPT" | "ABANDON" | null;
  actNotes: string;
  startDate: Date;
  endDate: Date | null;
};

export type TimelineEntry = { date: Date; kind: "status" | "cycle"; text: string; href?: string };

export type ProjectStory = Awaited<ReturnType<typeof loadProjectStory>>;

/** Everything the project page shows, as a story: problem, aim, measures with charts, cycles, learning. */
export const getProjectStory = cache(async (viewer: Viewer, projectId: string) => {
  await requireProject(viewer, projectId, "project.read");
  return loadProjectStory(viewer, projectId);
});

async function loadProjectStory(viewer: Viewer, projectId: string) {
  // One query per part, all at once: Prisma would otherwise run a nested select's relations one after another.
  const where = { projectId };
  const liveMeasures = { projectId, archivedAt: null };
  const [core, team, statusChanges, driverNodes, changeIdeas, pdsaCycles, measureRows, points, concerns, archived] =
    await Promise.all([
      db.project.findUnique({
        where: { id: projectId },
        select: {
          ...PROJECT_AIM_FIELDS,
          status: true,
          closedReason: true,
          visibility: true,
          learningSummary: true,
          version: true,
          createdAt: true,
          updatedAt: true,
          archivedAt: true,
          archivedBy: { select: { name: true } },
          collaborative: { select: { name: true, slug: true } },
          organisations: { select: { organisation: { select: { id: true, name: true } } } },
          priorities: { select: { priorityArea: { select: { id: true, slug: true, name: true, kind: true } } } },
          pathwayStages: { select: { pathwayStage: { select: { id: true, name: true, sortOrder: true } } } },
        },
      }),
      db.projectTeamMember.findMany({
        where,
        orderBy: { id: "asc" },
        select: { id: true, name: true, role: true, user: { select: { name: true, erasedAt: true } } },
      }),
      db.projectStatusChange.findMany({
        where,
        orderBy: { changedAt: "asc" },
        select: { id: true, fromStatus: true, toStatus: true, reason: true, changedAt: true },
      }),
      db.driverNode.findMany({ where, select: { id: true, parentId: true, kind: true, text: true, sortOrder: true } }),
      db.changeIdea.findMany({
        where,
        select: { id: true, driverNodeId: true, title: true, description: true, sortOrder: true },
      }),
      db.pdsaCycle.findMany({
        where,
        orderBy: [{ startDate: "asc" }, { id: "asc" }],
        select: CYCLE_FIELDS,
      }),
      db.measure.findMany({
        where: liveMeasures,
        orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          name: true,
          kind: true,
          definition: true,
          unit: true,
          direction: true,
          target: true,
          period: true,
          valueType: true,
          rateMultiplier: true,
          screenOutlierMovingRanges: true,
          chartType: true,
          rebaseDates: true,
        },
      }),
      db.measurePoint.findMany({
        where: { measure: liveMeasures },
        orderBy: [{ measureId: "asc" }, { periodStart: "asc" }],
        select: {
          id: true,
          measureId: true,
          periodStart: true,
          value: true,
          numerator: true,
          denominator: true,
          note: true,
        },
      }),
      db.concern.count({ where: { linkedProjectId: projectId } }),
      db.measure.findMany({
        where: { projectId, archivedAt: { not: null } },
        orderBy: { archivedAt: "desc" },
        select: { id: true, name: true, archivedAt: true },
      }),
    ]);
  const pointsByMeasure = new Map<string, typeof points>();
  for (const point of points) {
    let list = pointsByMeasure.get(point.measureId);
    if (!list) pointsByMeasure.set(point.measureId, (list = []));
    list.push(point);
  }
  const p = core && {
    ...core,
    team,
    statusChanges,
    driverNodes,
    changeIdeas,
    pdsaCycles,
    measures: measureRows.map((m) => ({ ...m, points: pointsByMeasure.get(m.id) ?? [] })),
  };
  if (!p) throw new NotFoundError();

  const cycles: StoryCycle[] = p.pdsaCycles.map((c, i) => ({
    id: c.id,
    number: i + 1,
    title: c.title,
    changeIdeaId: c.changeIdeaId,
    changeIdea: c.changeIdea.title,
    plan: c.plan,
    prediction: c.prediction,
    doNotes: c.doNotes,
    study: c.study,
    act: c.act,
    actNotes: c.actNotes,
    startDate: c.startDate,
    endDate: c.endDate,
  }));
  const chartCycles = cycles.map((c) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    startDate: c.startDate,
    act: c.act,
  }));

  const measures: StoryMeasure[] = p.measures.map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    definition: m.definition,
    unit: m.unit,
    direction: m.direction,
    target: m.target,
    period: m.period,
    valueType: m.valueType,
    chart: measureChart(m, m.points, chartCycles, { projectStart: p.startDate }),
  }));

  const statusHistory = p.statusChanges.map((s) => ({
    id: s.id,
    from: s.fromStatus,
    to: s.toStatus,
    reason: s.reason,
    at: s.changedAt,
  }));

  const timeline: TimelineEntry[] = [
    { date: p.startDate, kind: "status" as const, text: "Project started" },
    ...statusHistory.map((s) => ({
      date: s.at,
      kind: "status" as const,
      text: s.from
        ? `Moved from ${STATUS_LABELS[s.from]} to ${STATUS_LABELS[s.to]}${s.reason ? `: ${s.reason}` : ""}`
        : `Logged on the portal at the “${STATUS_LABELS[s.to]}” stage`,
    })),
    ...cycles.map((c) => ({
      date: c.startDate,
      kind: "cycle" as const,
      text: `PDSA cycle ${c.number} began: ${c.title}${c.endDate ? ` (until ${formatDate(c.endDate)})` : ""}${c.act ? ` – ${c.act === "ADOPT" ? "adopted" : c.act === "ADAPT" ? "adapted" : "abandoned"}` : ""}`,
      href: `/projects/${p.id}/cycles/${c.id}`,
    })),
  ].sort((a, b) => a.date.getTime() - b.date.getTime());

  return {
    id: p.id,
    collaborativeId: p.collaborativeId,
    title: p.title,
    problem: p.problem,
    aimWhat: p.aimWhat,
    aimHowMuch: p.aimHowMuch,
    aimByWhen: p.aimByWhen,
    startDate: p.startDate,
    status: p.status,
    closedReason: p.closedReason,
    visibility: p.visibility,
    learningSummary: p.learningSummary,
    version: p.version,
    updatedAt: p.updatedAt,
    collaborative: p.collaborative,
    organisations: p.organisations.map((o) => o.organisation).sort((a, b) => a.name.localeCompare(b.name)),
    priorities: p.priorities.map((x) => x.priorityArea).sort((a, b) => a.name.localeCompare(b.name)),
    stages: p.pathwayStages.map((s) => s.pathwayStage).sort((a, b) => a.sortOrder - b.sortOrder),
    team: p.team.map((t) => ({
      id: t.id,
      name: t.user ? (t.user.erasedAt ? "A former member" : t.user.name) : (t.name ?? ""),
      role: t.role,
      portalUser: t.user !== null,
    })),
    concernsCount: concerns,
    driverTree: buildDriverTree(p.driverNodes, p.changeIdeas) as DriverTree,
    cycles,
    statusHistory,
    timeline,
    measures,
    // Only the project's editors learn what was archived (they can restore it).
    archivedMeasures: can(viewer, "project.update", p)
      ? archived.map((m) => ({ id: m.id, name: m.name, archivedAt: m.archivedAt! }))
      : [],
    archivedAt: p.archivedAt,
    archivedBy: p.archivedBy?.name ?? null,
    // An archived project changes only by being restored.
    canUpdate: p.archivedAt === null && can(viewer, "project.update", p),
    canRestore: p.archivedAt !== null && can(viewer, "project.restore", p),
  };
}

/** The team with the collaborative's members who could join it (names only). */
export async function getProjectTeam(viewer: Viewer, projectId: string) {
  const project = await requireProject(viewer, projectId, "project.update");
  const [p, members] = await Promise.all([
    db.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        id: true,
        title: true,
        collaborative: { select: { name: true } },
        team: {
          orderBy: { id: "asc" },
          select: { id: true, name: true, role: true, userId: true, user: { select: { name: true } } },
        },
        // Invited from this page and not yet accepted (accepted ones join the team: lib/accounts/mutations.ts).
        invitations: {
          where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          orderBy: { createdAt: "asc" },
          select: { id: true, email: true, role: true, expiresAt: true },
        },
      },
    }),
    db.membership.findMany({
      where: { collaborativeId: project.collaborativeId, status: "ACTIVE", user: { erasedAt: null } },
      orderBy: { user: { name: "asc" } },
      select: { userId: true, role: true, jobTitle: true, user: { select: { name: true } } },
    }),
  ]);
  const onTeam = new Set(p.team.map((t) => t.userId).filter(Boolean));
  return {
    id: p.id,
    title: p.title,
    collaborativeName: p.collaborative.name,
    invitations: p.invitations,
    team: p.team.map((t) => ({
      id: t.id,
      name: t.user?.name ?? t.name ?? "",
      role: t.role,
      portalUser: t.userId !== null,
    })),
    candidates: members
      .filter((m) => !onTeam.has(m.userId))
      .map((m) => ({ value: m.userId, label: m.jobTitle ? `${m.user.name} (${m.jobTitle})` : m.user.name })),
  };
}

/** The driver diagram with the flat lists its editing forms need. */
export async function getDriverDiagram(viewer: Viewer, projectId: string) {
  await requireProject(viewer, projectId, "project.update");
  const p = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      id: true,
      title: true,
      aimWhat: true,
      aimHowMuch: true,
      aimByWhen: true,
      driverNodes: { select: { id: true, parentId: true, kind: true, text: true, sortOrder: true } },
      changeIdeas: {
        select: {
          id: true,
          driverNodeId: true,
          title: true,
          description: true,
          sortOrder: true,
          _count: { select: { pdsaCycles: true } },
        },
      },
    },
  });
  return {
    id: p.id,
    title: p.title,
    aimWhat: p.aimWhat,
    aimHowMuch: p.aimHowMuch,
    aimByWhen: p.aimByWhen,
    tree: buildDriverTree(p.driverNodes, p.changeIdeas),
    cycleCounts: Object.fromEntries(p.changeIdeas.map((i) => [i.id, i._count.pdsaCycles])) as Record<string, number>,
  };
}

/** A PDSA cycle with its project's change ideas (for the form). `cycleId` null: a new cycle. */
export async function getPdsaCycle(
  viewer: Viewer,
  projectId: string,
  cycleId: string | null,
  action: "project.read" | "project.update" = "project.read",
) {
  await requireProject(viewer, projectId, action);
  const [project, cycle] = await Promise.all([
    db.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        id: true,
        title: true,
        collaborativeId: true,
        visibility: true,
        changeIdeas: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }], select: { id: true, title: true } },
      },
    }),
    cycleId
      ? db.pdsaCycle.findFirst({
          where: { id: cycleId, projectId },
          select: { ...CYCLE_FIELDS, version: true },
        })
      : null,
  ]);
  if (cycleId && !cycle) throw new NotFoundError();
  const number = cycle
    ? await db.pdsaCycle.count({
        where: {
          projectId,
          OR: [{ startDate: { lt: cycle.startDate } }, { startDate: cycle.startDate, id: { lte: cycle.id } }],
        },
      })
    : null;
  return {
    project: { id: project.id, title: project.title },
    changeIdeas: project.changeIdeas.map((i) => ({ value: i.id, label: i.title })),
    cycle: cycle ? { ...cycle, number } : null,
    canUpdate: can(viewer, "project.update", project),
  };
}
