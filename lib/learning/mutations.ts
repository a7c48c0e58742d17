/** Writes for shared learning: each checks the policy first and commits with its audit row. */
import "server-only";
import { queueNotification } from "@/lib/notifications/mutations";
import { randomBytes } from "node:crypto";
import type { LearningType } from "@/lib/generated/prisma/enums";
import { db, type Tx } from "@/lib/db";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { isUniqueViolationOf } from "@/lib/db-errors";
import { showsImprovement } from "@/lib/measures/spc-status";
import { isCountedMeasure } from "@/lib/projects/counted";
import { learningResource } from "./queries";
import type { CommentInput, CreateLearningItemInput, FollowInput, UpdateLearningItemInput } from "./schemas";

/** "Falls: the Baywatch bay!" → "falls-the-baywatch-bay-k3x9q2" (the suffix keeps slugs unique). */
export function learningSlug(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const suffix = randomBytes(4).readUInt32BE(0).toString(36).padStart(6, "0").slice(0, 6);
  return base ? `${base}-${suffix}` : `item-${suffix}`;
}

type Links = Pick<CreateLearningItemInput, "priorityAreaIds" | "pathwayStageIds" | "projectId" | "measureId">;

/**
 * Priority areas must be national or the collaborative's own; the evidence project must belong to the
 * collaborative and the measure to that project (a measure alone brings its project).
 * Returns the evidence to store, with whether the measure shows special-cause improvement.
 */
async function checkLinks(tx: Tx, collaborativeId: string | null, type: LearningType, links: Links) {
  const errors: Record<string, string> = {};
  const areas = await tx.priorityArea.findMany({
    where: { id: { in: links.priorityAreaIds } },
    select: { id: true, kind: true, collaborativeId: true },
  });
  if (
    areas.length !== links.priorityAreaIds.length ||
    areas.some((a) => a.kind === "LOCAL" && a.collaborativeId !== collaborativeId)
  ) {
    errors.priorityAreaIds = "Select priority areas from the list";
  }
  const stageCount = await tx.pathwayStage.count({ where: { id: { in: links.pathwayStageIds } } });
  if (stageCount !== links.pathwayStageIds.length)
    errors.pathwayStageIds = "Select stages of the pathway from the list";

  let projectId = links.projectId;
  let hasImprovementEvidence = false;
  if (links.measureId) {
    const measure = await tx.measure.findUnique({
      where: { id: links.measureId },
      select: {
        projectId: true,
        spcLatestSpecialCause: true,
        archivedAt: true,
        project: { select: { collaborativeId: true, visibility: true, archivedAt: true } },
      },
    });
    if (!measure || measure.project.collaborativeId !== collaborativeId)
      errors.measureId = "Select a measure from one of your collaborative’s projects";
    else if (projectId && measure.projectId !== projectId)
      errors.measureId = "Select a measure from the project you chose";
    else {
      projectId = measure.projectId;
      // A draft's or an archived measure's improvement is not evidence until it is shared (lib/projects/counted.ts).
      hasImprovementEvidence = showsImprovement(measure) && isCountedMeasure(measure);
    }
  }
  if (projectId && !errors.measureId) {
    const project = await tx.project.findUnique({ where: { id: projectId }, select: { collaborativeId: true } });
    if (!project || project.collaborativeId !== collaborativeId)
      errors.projectId = "Select a project from your collaborative";
  }
  if (type === "NATIONAL_NOTE" && (projectId || links.measureId))
    errors.projectId = "National notes do not link to a project";
  if (Object.keys(errors).length > 0) throw new DomainError("Check the highlighted answers", errors);
  return { projectId, measureId: links.measureId, hasImprovementEvidence };
}

/** Staff draft learning for their collaborative; the national team writes national notes. */
export async function createLearningItem(viewer: Viewer, input: CreateLearningItemInput) {
  const collaborativeId = input.type === "NATIONAL_NOTE" ? null : input.collaborativeId;
  if (input.type !== "NATIONAL_NOTE" && !collaborativeId) {
    throw new DomainError("Check the highlighted answers", {
      collaborativeId: "Select the collaborative this learning comes from",
    });
  }
  authorize(viewer, "learning.create", { collaborativeId, learningType: input.type });
  return db.$transaction(async (tx) => {
    const evidence = await checkLinks(tx, collaborativeId, input.type, input);
    const item = await tx.learningItem.create({
      data: {
        slug: learningSlug(input.title),
        type: input.type,
        title: input.title,
        summary: input.summary,
        body: input.body,
        resourceUrl: input.resourceUrl,
        tags: input.tags,
        collaborativeId,
        authorId: viewer.userId!,
        ...evidence,
        priorities: { create: input.priorityAreaIds.map((priorityAreaId) => ({ priorityAreaId })) },
        pathwayStages: { create: input.pathwayStageIds.map((pathwayStageId) => ({ pathwayStageId })) },
      },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      action: "learning.created",
      subjectType: "LearningItem",
      subjectId: item.id,
      actorId: viewer.userId,
      collaborativeId,
      details: { type: input.type },
    });
    return item;
  });
}

/** Loads an item for a write: "not found" when the viewer may not read it, forbidden when they may not do `action`. */
async function requireItem(
  tx: Tx,
  viewer: Viewer,
  id: string,
  action: "learning.update" | "learning.publish" | "learning.feature",
) {
  const item = await tx.learningItem.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      type: true,
      status: true,
      collaborativeId: true,
      authorId: true,
      version: true,
      publishedAt: true,
      featured: true,
    },
  });
  if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();
  authorize(viewer, action, learningResource(item));
  return item;
}

export async function updateLearningItem(viewer: Viewer, input: UpdateLearningItemInput) {
  return db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, input.id, "learning.update");
    if ((item.type === "NATIONAL_NOTE") !== (input.type === "NATIONAL_NOTE")) {
      throw new DomainError("Check the highlighted answers", {
        type: "A national note cannot become another kind of learning, or the other way round",
      });
    }
    const evidence = await checkLinks(tx, item.collaborativeId, input.type, input);
    const { count } = await tx.learningItem.updateMany({
      where: { id: item.id, version: input.version },
      data: {
        type: input.type,
        title: input.title,
        summary: input.summary,
        body: input.body,
        resourceUrl: input.resourceUrl,
        tags: input.tags,
        ...evidence,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError();
    await tx.learningItemPriority.deleteMany({ where: { learningItemId: item.id } });
    await tx.learningItemPriority.createMany({
      data: input.priorityAreaIds.map((priorityAreaId) => ({ learningItemId: item.id, priorityAreaId })),
    });
    await tx.learningItemPathwayStage.deleteMany({ where: { learningItemId: item.id } });
    await tx.learningItemPathwayStage.createMany({
      data: input.pathwayStageIds.map((pathwayStageId) => ({ learningItemId: item.id, pathwayStageId })),
    });
    await recordAudit(tx, {
      action: "learning.updated",
      subjectType: "LearningItem",
      subjectId: item.id,
      actorId: viewer.userId,
      collaborativeId: item.collaborativeId,
    });
    return { id: item.id, slug: item.slug };
  });
}

/** The collaborative's lead publishes (the national team, national notes). Publishing again is a no-op. */
export async function publishLearningItem(viewer: Viewer, id: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, id, "learning.publish");
    if (item.status === "PUBLISHED") return { slug: item.slug };
    await tx.learningItem.update({
      where: { id },
      // The first publication date is kept when an archived item comes back: spread is measured from it.
      data: {
        status: "PUBLISHED",
        publishedAt: item.publishedAt ?? now,
        publishedById: viewer.userId,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      action: "learning.published",
      subjectType: "LearningItem",
      subjectId: id,
      actorId: viewer.userId,
      collaborativeId: item.collaborativeId,
    });
    return { slug: item.slug };
  });
}

/** Withdraws a published item from the library (it stays readable by its collaborative). */
export async function archiveLearningItem(viewer: Viewer, id: string) {
  return db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, id, "learning.publish");
    if (item.status !== "PUBLISHED") throw new DomainError("Only published learning can be archived");
    await tx.learningItem.update({
      where: { id },
      data: { status: "ARCHIVED", featured: false, featuredAt: null, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      action: "learning.archived",
      subjectType: "LearningItem",
      subjectId: id,
      actorId: viewer.userId,
      collaborativeId: item.collaborativeId,
    });
    return { slug: item.slug };
  });
}

/** The national team features published learning nationally (first in the library). */
export async function setLearningItemFeatured(viewer: Viewer, id: string, featured: boolean, now = new Date()) {
  return db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, id, "learning.feature");
    if (featured && item.status !== "PUBLISHED") throw new DomainError("Publish the learning before featuring it");
    if (item.featured === featured) return { slug: item.slug };
    await tx.learningItem.update({ where: { id }, data: { featured, featuredAt: featured ? now : null } });
    await recordAudit(tx, {
      action: featured ? "learning.featured" : "learning.unfeatured",
      subjectType: "LearningItem",
      subjectId: id,
      actorId: viewer.userId,
      collaborativeId: item.collaborativeId,
    });
    return { slug: item.slug };
  });
}

/** Questions and answers between staff of any collaborative (and the national team), on published items. */
export async function createComment(viewer: Viewer, input: CommentInput) {
  authorize(viewer, "comment.create");
  return db.$transaction(async (tx) => {
    const item = await tx.learningItem.findUnique({
      where: { id: input.learningItemId },
      select: { id: true, slug: true, title: true, type: true, status: true, collaborativeId: true, authorId: true },
    });
    if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();
    if (item.status !== "PUBLISHED") throw new DomainError("Questions can be asked once the learning is published");
    let parent: { learningItemId: string; hiddenAt: Date | null; authorId: string } | null = null;
    if (input.parentId) {
      parent = await tx.comment.findUnique({
        where: { id: input.parentId },
        select: { learningItemId: true, hiddenAt: true, authorId: true },
      });
      if (!parent || parent.learningItemId !== item.id) throw new NotFoundError();
      if (parent.hiddenAt) throw new DomainError("You cannot reply to a hidden comment");
    }
    const comment = await tx.comment.create({
      data: { learningItemId: item.id, parentId: input.parentId, authorId: viewer.userId!, body: input.body },
      select: { id: true },
    });
    // An answer to someone else's question: they are told (never the answer's words, only where it is).
    if (parent && parent.authorId !== viewer.userId)
      await queueNotification(tx, {
        userId: parent.authorId,
        kind: "learning.answered",
        subject: `Your question about “${item.title.slice(0, 80)}” has an answer`,
        text: `Someone has answered the question you asked about the shared learning “${item.title}”. Read the answer:`,
        url: `/learning/${item.slug}#comment-${comment.id}`,
        dedupeKey: `learning.answered:${comment.id}`,
      });
    await recordAudit(tx, {
      action: "comment.created",
      subjectType: "Comment",
      subjectId: comment.id,
      actorId: viewer.userId,
      collaborativeId: item.collaborativeId,
      details: { learningItemId: item.id, reply: input.parentId !== null },
    });
    return { id: comment.id, slug: item.slug };
  });
}

/** Leads of the item's collaborative (and admins) hide or restore a comment; the text is kept for review. */
export async function setCommentHidden(viewer: Viewer, id: string, hidden: boolean, now = new Date()) {
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id },
      select: {
        id: true,
        hiddenAt: true,
        learningItem: {
          select: { id: true, slug: true, type: true, status: true, collaborativeId: true, authorId: true },
        },
      },
    });
    if (!comment || !can(viewer, "learning.read", learningResource(comment.learningItem))) throw new NotFoundError();
    authorize(viewer, "comment.moderate", { collaborativeId: comment.learningItem.collaborativeId });
    if ((comment.hiddenAt !== null) !== hidden) {
      await tx.comment.update({
        where: { id },
        data: hidden ? { hiddenAt: now, hiddenById: viewer.userId } : { hiddenAt: null, hiddenById: null },
      });
      await recordAudit(tx, {
        action: hidden ? "comment.hidden" : "comment.restored",
        subjectType: "Comment",
        subjectId: id,
        actorId: viewer.userId,
        collaborativeId: comment.learningItem.collaborativeId,
      });
    }
    return { slug: comment.learningItem.slug };
  });
}

/** Follow a priority area or a learning item (for the weekly digest). Following twice changes nothing. */
export async function follow(viewer: Viewer, input: FollowInput) {
  authorize(viewer, "follow.manage");
  const userId = viewer.userId!;
  return db
    .$transaction(async (tx) => {
      if (input.learningItemId) {
        const item = await tx.learningItem.findUnique({
          where: { id: input.learningItemId },
          select: { type: true, status: true, collaborativeId: true, authorId: true },
        });
        if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();
      } else if (!(await tx.priorityArea.findUnique({ where: { id: input.priorityAreaId! }, select: { id: true } }))) {
        throw new NotFoundError();
      }
      const existing = await tx.follow.findFirst({
        where: { userId, learningItemId: input.learningItemId, priorityAreaId: input.priorityAreaId },
        select: { id: true },
      });
      if (existing) return existing;
      return tx.follow.create({
        data: { userId, learningItemId: input.learningItemId, priorityAreaId: input.priorityAreaId },
        select: { id: true },
      });
    })
    .catch(async (error: unknown) => {
      // Followed at the same moment elsewhere (the unique index, NULLs not distinct): that follow stands.
      if (!isUniqueViolationOf(error, "Follow_userId_target_key")) throw error;
      return db.follow.findFirstOrThrow({
        where: { userId, learningItemId: input.learningItemId, priorityAreaId: input.priorityAreaId },
        select: { id: true },
      });
    });
}

export async function unfollow(viewer: Viewer, input: FollowInput) {
  authorize(viewer, "follow.manage");
  await db.follow.deleteMany({
    where: { userId: viewer.userId!, learningItemId: input.learningItemId, priorityAreaId: input.priorityAreaId },
  });
}
