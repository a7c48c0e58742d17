/** Reads for the learning screens, checked against the policy and shaped for the page. */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LearningStatus, LearningType, MeasureKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { authorize, can, collaborativeIdsWhere, readableWhere, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { measureChart, type MeasureChartView } from "@/lib/measures/chart";
import { showsImprovement } from "@/lib/measures/spc-status";
import { readableProjectsWhere } from "@/lib/projects/access";
import { isCountedMeasure } from "@/lib/projects/counted";
import { buildSpread, type Spread } from "@/lib/adoptions/spread";

/** What the policy needs to know about an item. */
export function learningResource(item: {
  collaborativeId: string | null;
  authorId: string;
  status: LearningStatus;
  type: LearningType;
}) {
  return {
    collaborativeId: item.collaborativeId,
    ownerId: item.authorId,
    status: item.status,
    learningType: item.type,
  };
}

/** The `learning.read` rule as a where clause, derived from the policy's read filter (columns as in learningResource). */
export function readableLearningWhere(viewer: Viewer): Prisma.LearningItemWhereInput {
  return readableWhere(viewer, "learning.read", {
    collaborativeId: "collaborativeId",
    ownerId: "authorId",
    status: "status",
    learningType: "type",
    visibility: null,
  }) as Prisma.LearningItemWhereInput;
}

export type CommentView = {
  id: string;
  authorName: string;
  authorCollaborative: string | null;
  body: string | null; // null when hidden and the viewer may not moderate
  hidden: boolean;
  createdAt: Date;
  replies: CommentView[];
};

export type EvidenceView = {
  project: { id: string; title: string; readable: boolean } | null;
  measure: {
    id: string;
    name: string;
    unit: string;
    kind: MeasureKind;
    valueType: "NUMBER" | "RATE";
    direction: string;
    spcVariation: string | null;
    spcLatestSpecialCause: string | null;
    spcPointCount: number;
    showsImprovement: boolean;
    chart: MeasureChartView;
  } | null;
};

export type LearningItemView = {
  id: string;
  slug: string;
  type: LearningType;
  status: LearningStatus;
  title: string;
  summary: string;
  body: string;
  resourceUrl: string | null;
  tags: string[];
  featured: boolean;
  hasImprovementEvidence: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
  version: number;
  authorId: string;
  collaborativeId: string | null;
  collaborative: { id: string; slug: string; name: string } | null;
  priorities: { id: string; slug: string; name: string }[];
  stages: { id: string; slug: string; name: string }[];
  evidence: EvidenceView;
  /** For the spread view (change ideas). */
  spread: Spread | null;
  /** Shown to those who may take part (staff anywhere, the national team); others see a count. */
  comments: CommentView[] | null;
  commentCount: number;
  viewerFollows: boolean;
  /** Adoptions the viewer can update (staff of the adopting collaborative). */
  viewerAdoptions: { id: string; label: string }[];
};

/** What both the item page and its edit form read of a learning item's own text. */
const ITEM_TEXT_FIELDS = {
  id: true,
  slug: true,
  type: true,
  status: true,
  title: true,
  summary: true,
  body: true,
  resourceUrl: true,
  tags: true,
} satisfies Prisma.LearningItemSelect;

/** One learning item, if the viewer may read it (otherwise "not found": drafts are not revealed). */
export async function getLearningItem(viewer: Viewer, slug: string): Promise<LearningItemView> {
  const item = await db.learningItem.findUnique({
    where: { slug },
    select: {
      ...ITEM_TEXT_FIELDS,
      featured: true,
      hasImprovementEvidence: true,
      publishedAt: true,
      updatedAt: true,
      version: true,
      authorId: true,
      collaborativeId: true,
      collaborative: { select: { id: true, slug: true, name: true } },
      priorities: { select: { priorityArea: { select: { id: true, slug: true, name: true } } } },
      pathwayStages: { select: { pathwayStage: { select: { id: true, slug: true, name: true, sortOrder: true } } } },
      project: { select: { id: true, title: true, collaborativeId: true, visibility: true, archivedAt: true } },
      measure: {
        select: {
          id: true,
          name: true,
          unit: true,
          kind: true,
          valueType: true,
          direction: true,
          target: true,
          period: true,
          screenOutlierMovingRanges: true,
          rebaseDates: true,
          spcVariation: true,
          spcLatestSpecialCause: true,
          spcPointCount: true,
          archivedAt: true,
          project: { select: { collaborativeId: true, visibility: true, archivedAt: true } },
          points: {
            select: { id: true, periodStart: true, value: true, numerator: true, denominator: true, note: true },
            orderBy: { periodStart: "asc" },
          },
        },
      },
    },
  });
  if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();

  const canTalk = can(viewer, "comment.create");
  const [spread, comments, commentCount, follow, viewerAdoptions] = await Promise.all([
    item.type === "CHANGE_IDEA"
      ? loadSpread(item.id, item.publishedAt, item.collaborative?.slug ?? null)
      : Promise.resolve(null),
    canTalk ? loadComments(viewer, item.id, item.collaborativeId) : Promise.resolve(null),
    db.comment.count({ where: { learningItemId: item.id, hiddenAt: null } }),
    viewer.userId
      ? db.follow.findFirst({ where: { userId: viewer.userId, learningItemId: item.id }, select: { id: true } })
      : Promise.resolve(null),
    loadViewerAdoptions(viewer, item.id),
  ]);

  // Evidence is a shared, unarchived measure (lib/projects/counted.ts); a draft's own staff still see
  // their draft's chart, nobody sees an archived one.
  const measure =
    item.measure &&
    (isCountedMeasure(item.measure) ||
      (item.measure.archivedAt === null &&
        item.measure.project.archivedAt === null &&
        can(viewer, "project.read", item.measure.project)))
      ? item.measure
      : null;
  return {
    id: item.id,
    slug: item.slug,
    type: item.type,
    status: item.status,
    title: item.title,
    summary: item.summary,
    body: item.body,
    resourceUrl: item.resourceUrl,
    tags: item.tags,
    featured: item.featured,
    hasImprovementEvidence: item.hasImprovementEvidence,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    version: item.version,
    authorId: item.authorId,
    collaborativeId: item.collaborativeId,
    collaborative: item.collaborative,
    priorities: item.priorities.map((p) => p.priorityArea).sort((a, b) => a.name.localeCompare(b.name)),
    stages: item.pathwayStages
      .map((s) => s.pathwayStage)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ sortOrder: _s, ...s }) => s),
    evidence: {
      project: item.project
        ? {
            id: item.project.id,
            title: item.project.title,
            // An archived project's page is open to its editors only: others get no link to it.
            readable: item.project.archivedAt === null && can(viewer, "project.read", item.project),
          }
        : null,
      // The evidence chart is part of what the lead published with the item, so it is shown to
      // everyone who can read the item; the project itself is linked only for those who can read it.
      measure: measure
        ? {
            id: measure.id,
            name: measure.name,
            unit: measure.unit,
            kind: measure.kind,
            valueType: measure.valueType,
            direction: measure.direction,
            spcVariation: measure.spcVariation,
            spcLatestSpecialCause: measure.spcLatestSpecialCause,
            spcPointCount: measure.spcPointCount,
            showsImprovement: showsImprovement(measure),
            chart: measureChart(measure, measure.points),
          }
        : null,
    },
    spread,
    comments,
    commentCount,
    viewerFollows: follow !== null,
    viewerAdoptions,
  };
}

async function loadSpread(
  learningItemId: string,
  publishedAt: Date | null,
  originSlug: string | null,
): Promise<Spread> {
  const adoptions = await db.adoption.findMany({
    where: { learningItemId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      notAdoptedReason: true,
      createdAt: true,
      collaborative: { select: { slug: true, name: true } },
      organisation: { select: { id: true, name: true } },
      measure: { select: { spcLatestSpecialCause: true } },
      statusChanges: {
        select: { fromStatus: true, toStatus: true, reason: true, changedAt: true },
        orderBy: { changedAt: "asc" },
      },
    },
  });
  return buildSpread({
    publishedAt,
    originSlug,
    adoptions: adoptions.map((a) => ({
      id: a.id,
      status: a.status,
      notAdoptedReason: a.notAdoptedReason,
      createdAt: a.createdAt,
      collaborativeSlug: a.collaborative.slug,
      collaborativeName: a.collaborative.name,
      organisationId: a.organisation?.id ?? null,
      organisationName: a.organisation?.name ?? null,
      hasMeasure: a.measure !== null,
      showsImprovement: a.measure !== null && showsImprovement(a.measure),
      changes: a.statusChanges,
    })),
  });
}

async function loadComments(
  viewer: Viewer,
  learningItemId: string,
  collaborativeId: string | null,
): Promise<CommentView[]> {
  const moderator = can(viewer, "comment.moderate", { collaborativeId });
  const rows = await db.comment.findMany({
    where: { learningItemId },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: {
      id: true,
      parentId: true,
      body: true,
      hiddenAt: true,
      createdAt: true,
      author: {
        select: {
          name: true,
          erasedAt: true,
          memberships: { where: { status: "ACTIVE" }, select: { collaborative: { select: { name: true } } }, take: 1 },
        },
      },
    },
  });
  const views = new Map<string, CommentView>();
  for (const r of rows) {
    views.set(r.id, {
      id: r.id,
      authorName: r.author.erasedAt ? "Former member" : r.author.name,
      authorCollaborative: r.author.memberships[0]?.collaborative.name ?? null,
      body: r.hiddenAt && !moderator ? null : r.body,
      hidden: r.hiddenAt !== null,
      createdAt: r.createdAt,
      replies: [],
    });
  }
  const roots: CommentView[] = [];
  for (const r of rows) {
    const view = views.get(r.id)!;
    const parent = r.parentId ? views.get(r.parentId) : undefined;
    if (parent) parent.replies.push(view);
    else roots.push(view);
  }
  return roots;
}

async function loadViewerAdoptions(viewer: Viewer, learningItemId: string) {
  const staffOf = collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]);
  if (staffOf.length === 0) return [];
  const rows = await db.adoption.findMany({
    where: { learningItemId, collaborativeId: { in: staffOf } },
    select: { id: true, collaborative: { select: { name: true } }, organisation: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, label: r.organisation?.name ?? r.collaborative.name }));
}

export type LearningFormOptions = {
  collaboratives: { id: string; name: string }[];
  priorityAreas: { id: string; name: string; hint?: string }[];
  stages: { id: string; name: string }[];
  projects: { id: string; title: string; collaborativeId: string }[];
  measures: { id: string; label: string; projectId: string }[];
  canWriteNationalNotes: boolean;
};

/**
 * Choices for the learning form: the collaboratives the viewer can write for, national priorities and
 * those collaboratives' local ones, pathway stages, and their projects and measures (as evidence).
 */
export async function getLearningFormOptions(viewer: Viewer): Promise<LearningFormOptions> {
  const staffOf = collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]);
  const canWriteNationalNotes = can(viewer, "learning.create", {
    collaborativeId: null,
    learningType: "NATIONAL_NOTE",
  });
  if (staffOf.length === 0 && !canWriteNationalNotes) authorize(viewer, "learning.create", {});
  const [collaboratives, priorityAreas, stages, projects] = await Promise.all([
    db.collaborative.findMany({
      where: { id: { in: staffOf } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.priorityArea.findMany({
      where: { status: { not: "RETIRED" }, OR: [{ kind: "NATIONAL" }, { collaborativeId: { in: staffOf } }] },
      select: { id: true, name: true, kind: true, collaborative: { select: { name: true } } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
    db.pathwayStage.findMany({ select: { id: true, name: true }, orderBy: { sortOrder: "asc" } }),
    db.project.findMany({
      where: { AND: [{ collaborativeId: { in: staffOf } }, readableProjectsWhere(viewer)] },
      select: {
        id: true,
        title: true,
        collaborativeId: true,
        measures: { where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } },
      },
      orderBy: { title: "asc" },
      take: 500,
    }),
  ]);
  return {
    collaboratives,
    priorityAreas: priorityAreas.map((p) => ({
      id: p.id,
      name: p.name,
      hint: p.kind === "LOCAL" ? `Local priority: ${p.collaborative?.name ?? ""}` : undefined,
    })),
    stages,
    projects: projects.map(({ measures: _m, ...p }) => p),
    measures: projects.flatMap((p) =>
      p.measures.map((m) => ({ id: m.id, label: `${p.title}: ${m.name}`, projectId: p.id })),
    ),
    canWriteNationalNotes,
  };
}

/** The item as the edit form needs it, if the viewer may change it. */
export async function getLearningItemForEdit(viewer: Viewer, slug: string) {
  const item = await db.learningItem.findUnique({
    where: { slug },
    select: {
      ...ITEM_TEXT_FIELDS,
      version: true,
      authorId: true,
      collaborativeId: true,
      projectId: true,
      measureId: true,
      priorities: { select: { priorityAreaId: true } },
      pathwayStages: { select: { pathwayStageId: true } },
    },
  });
  if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();
  authorize(viewer, "learning.update", learningResource(item));
  return {
    ...item,
    priorityAreaIds: item.priorities.map((p) => p.priorityAreaId),
    pathwayStageIds: item.pathwayStages.map((s) => s.pathwayStageId),
  };
}

export type DraftCard = {
  slug: string;
  title: string;
  type: LearningType;
  collaborativeName: string | null;
  updatedAt: Date;
};

/** Unpublished items the viewer may see (their collaboratives' drafts, their own, or all for the national team). */
export async function listDraftsForViewer(viewer: Viewer, limit = 20): Promise<DraftCard[]> {
  if (!viewer.userId) return [];
  const rows = await db.learningItem.findMany({
    where: { AND: [{ status: "DRAFT" }, readableLearningWhere(viewer)] },
    select: { slug: true, title: true, type: true, updatedAt: true, collaborative: { select: { name: true } } },
    orderBy: { updatedAt: "desc" },
    take: limit,
  });
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    type: r.type,
    collaborativeName: r.collaborative?.name ?? null,
    updatedAt: r.updatedAt,
  }));
}

export type FollowView = { id: string; kind: "area" | "item"; targetId: string; name: string; href: string };

export async function listFollows(viewer: Viewer): Promise<FollowView[]> {
  authorize(viewer, "follow.manage");
  const rows = await db.follow.findMany({
    where: { userId: viewer.userId! },
    select: {
      id: true,
      priorityArea: { select: { id: true, slug: true, name: true } },
      learningItem: { select: { id: true, slug: true, title: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((r): FollowView[] => {
    if (r.priorityArea)
      return [
        {
          id: r.id,
          kind: "area",
          targetId: r.priorityArea.id,
          name: r.priorityArea.name,
          href: `/learning?area=${r.priorityArea.slug}`,
        },
      ];
    if (r.learningItem)
      return [
        {
          id: r.id,
          kind: "item",
          targetId: r.learningItem.id,
          name: r.learningItem.title,
          href: `/learning/${r.learningItem.slug}`,
        },
      ];
    return [];
  });
}

/** Priority areas a person can follow, with whether they already do. */
export async function listFollowableAreas(viewer: Viewer) {
  authorize(viewer, "follow.manage");
  const [areas, follows] = await Promise.all([
    db.priorityArea.findMany({
      where: { status: { not: "RETIRED" } },
      select: { id: true, slug: true, name: true, kind: true, collaborative: { select: { name: true } } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
    db.follow.findMany({
      where: { userId: viewer.userId!, priorityAreaId: { not: null } },
      select: { priorityAreaId: true },
    }),
  ]);
  const followed = new Set(follows.map((f) => f.priorityAreaId));
  return areas.map((a) => ({
    id: a.id,
    slug: a.slug,
    name: a.name,
    local: a.kind === "LOCAL" ? (a.collaborative?.name ?? null) : null,
    followed: followed.has(a.id),
  }));
}
