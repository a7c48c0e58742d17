// Reads for "You said, we did". The public reads return the team's summaries only: never a concern's
// text, its reference or anyone's name, and a project (with its chart) only while the project is public
// and not archived, so a draft or portal-only project is never linked publicly.
import "server-only";
import { db } from "@/lib/db";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { YouSaidStatus } from "@/lib/generated/prisma/enums";
import { measureChart, type MeasureChartView } from "@/lib/measures/chart";
import { reportChartKind } from "@/lib/projects/report";
import { requireCollaborative } from "@/lib/collaboratives/queries";

export const PUBLIC_PAGE_SIZE = 10;

export type PublicItem = {
  id: string;
  youSaid: string;
  weDid: string;
  publishedAt: Date;
  priority: { slug: string; name: string } | null;
  project: { id: string; title: string } | null;
  chart: { measureId: string; name: string; unit: string; chart: MeasureChartView; kind: "xmr" | "run" } | null;
};

const publicSelect = {
  id: true,
  youSaid: true,
  weDid: true,
  publishedAt: true,
  priority: { select: { slug: true, name: true, kind: true } },
  project: { select: { id: true, title: true, visibility: true, archivedAt: true } },
  measure: {
    select: {
      id: true,
      projectId: true,
      name: true,
      unit: true,
      direction: true,
      target: true,
      period: true,
      screenOutlierMovingRanges: true,
      rebaseDates: true,
      archivedAt: true,
      points: {
        select: { id: true, periodStart: true, value: true, numerator: true, denominator: true, note: true },
        orderBy: { periodStart: "asc" as const },
      },
    },
  },
} as const;

type PublicRow = {
  id: string;
  youSaid: string;
  weDid: string;
  publishedAt: Date | null;
  priority: { slug: string; name: string; kind: string } | null;
  project: { id: string; title: string; visibility: string; archivedAt: Date | null; startDate?: Date } | null;
  measure:
    | ({
        id: string;
        projectId: string;
        name: string;
        unit: string;
        archivedAt: Date | null;
        points: {
          id: string;
          periodStart: Date;
          value: number;
          numerator: number | null;
          denominator: number | null;
          note: string;
        }[];
      } & Parameters<typeof measureChart>[0])
    | null;
};

/** Only what the public may see of a published item. */
export function toPublicItem(row: PublicRow): PublicItem {
  const project =
    row.project && row.project.visibility === "PUBLIC" && row.project.archivedAt === null ? row.project : null;
  const measure =
    project &&
    row.measure &&
    row.measure.archivedAt === null &&
    row.measure.projectId === project.id &&
    row.measure.points.length > 0
      ? row.measure
      : null;
  const chart = measure ? measureChart(measure, measure.points) : null;
  return {
    id: row.id,
    youSaid: row.youSaid,
    weDid: row.weDid,
    publishedAt: row.publishedAt!,
    priority: row.priority?.kind === "LOCAL" ? { slug: row.priority.slug, name: row.priority.name } : null,
    project: project && { id: project.id, title: project.title },
    chart:
      measure && chart
        ? { measureId: measure.id, name: measure.name, unit: measure.unit, chart, kind: reportChartKind(chart) }
        : null,
  };
}

/** A collaborative's published items, newest first, a page at a time. */
export async function listPublishedYouSaid(viewer: Viewer, slug: string, page: number) {
  const collaborative = await requireCollaborative(slug);
  authorize(viewer, "yousaid.read", { collaborativeId: collaborative.id, status: "PUBLISHED" });
  const where = { collaborativeId: collaborative.id, status: "PUBLISHED" as const };
  const [total, rows] = await Promise.all([
    db.youSaidWeDid.count({ where }),
    db.youSaidWeDid.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PUBLIC_PAGE_SIZE,
      take: PUBLIC_PAGE_SIZE,
      select: publicSelect,
    }),
  ]);
  return {
    collaborative,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)),
    items: rows.map(toPublicItem),
  };
}

/** The published items linked to a local priority, for its page. */
export async function listPublishedForPriority(viewer: Viewer, collaborativeId: string, priorityId: string) {
  authorize(viewer, "yousaid.read", { collaborativeId, status: "PUBLISHED" });
  const rows = await db.youSaidWeDid.findMany({
    where: { collaborativeId, priorityId, status: "PUBLISHED" },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 20,
    select: publicSelect,
  });
  return rows.map(toPublicItem);
}

// ─── The leads' pages ─────────────────────────────────────────────────────────

export const STATUS_WORDS: Record<YouSaidStatus, string> = {
  DRAFT: "Draft",
  AWAITING_APPROVAL: "Awaiting approval",
  PUBLISHED: "Published",
  WITHDRAWN: "Withdrawn",
};

/** Every item of the collaborative, for its leads and the national team. */
export async function listYouSaidForTeam(viewer: Viewer, slug: string) {
  const collaborative = await requireCollaborative(slug);
  const resource = { collaborativeId: collaborative.id, status: "DRAFT" };
  if (!can(viewer, "yousaid.read", resource)) throw new NotFoundError();
  const items = await db.youSaidWeDid.findMany({
    where: { collaborativeId: collaborative.id },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      youSaid: true,
      status: true,
      updatedAt: true,
      authorId: true,
      author: { select: { name: true } },
    },
  });
  return {
    collaborative,
    canWrite: can(viewer, "yousaid.write", { collaborativeId: collaborative.id }),
    items: items.map((i) => ({
      id: i.id,
      youSaid: i.youSaid,
      status: i.status,
      updatedAt: i.updatedAt,
      author: i.author.name,
      awaitsViewer:
        i.status === "AWAITING_APPROVAL" &&
        can(viewer, "yousaid.approve", { collaborativeId: collaborative.id, ownerId: i.authorId }),
    })),
  };
}

/**
 * What the item form offers: the collaborative's concerns whose reporters agreed to a public summary
 * (by reference and area only), its local priorities, and its projects with their measures.
 */
export async function getYouSaidFormOptions(viewer: Viewer, collaborativeId: string) {
  authorize(viewer, "yousaid.write", { collaborativeId });
  const [concerns, priorities, projects] = await Promise.all([
    db.concern.findMany({
      where: { collaborativeId, heldAt: null, publicSummaryConsent: true },
      orderBy: { receivedAt: "desc" },
      take: 200,
      select: { id: true, reference: true, kind: true, receivedAt: true, priorityArea: { select: { name: true } } },
    }),
    db.priorityArea.findMany({
      where: { collaborativeId, kind: "LOCAL" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.project.findMany({
      where: { collaborativeId, archivedAt: null },
      orderBy: { title: "asc" },
      select: {
        id: true,
        title: true,
        visibility: true,
        measures: { where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    concerns: concerns.map((c) => ({
      id: c.id,
      reference: c.reference,
      kind: c.kind,
      receivedAt: c.receivedAt,
      area: c.priorityArea?.name ?? "Something else",
    })),
    priorities,
    projects,
  };
}

export type YouSaidFormOptions = Awaited<ReturnType<typeof getYouSaidFormOptions>>;

/** One item for the team: what it says and links to, and which steps the viewer may take. */
export async function getYouSaidForTeam(viewer: Viewer, itemId: string) {
  const item = await db.youSaidWeDid.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      collaborativeId: true,
      collaborative: { select: { slug: true, name: true } },
      authorId: true,
      author: { select: { name: true } },
      approvedBy: { select: { name: true } },
      status: true,
      version: true,
      youSaid: true,
      weDid: true,
      priorityId: true,
      projectId: true,
      measureId: true,
      sentBackReason: true,
      withdrawnReason: true,
      publishedAt: true,
      withdrawnAt: true,
      createdAt: true,
      priority: { select: { name: true } },
      project: { select: { id: true, title: true, visibility: true } },
      measure: { select: { name: true } },
      concerns: {
        select: { concern: { select: { id: true, reference: true, publicSummaryConsent: true } } },
        orderBy: { concern: { receivedAt: "desc" } },
      },
    },
  });
  const resource = item && { collaborativeId: item.collaborativeId, ownerId: item.authorId, status: item.status };
  // Team pages: a published item's public page is elsewhere; here only its leads and the national team.
  if (!item || !can(viewer, "yousaid.read", { ...resource!, status: "DRAFT" })) throw new NotFoundError();
  const { authorId: _author, ...rest } = item;
  return {
    ...rest,
    concerns: item.concerns.map((c) => c.concern),
    may: {
      edit: item.status === "DRAFT" && can(viewer, "yousaid.edit", resource!),
      approve: item.status === "AWAITING_APPROVAL" && can(viewer, "yousaid.approve", resource!),
      withdraw: item.status === "PUBLISHED" && can(viewer, "yousaid.withdraw", resource!),
      triage: can(viewer, "concern.triage", resource!),
    },
  };
}
