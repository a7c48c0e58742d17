/** The editable list of stages on the patient's pathway (admins manage it; projects, concerns and learning use it). */
import "server-only";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";

type StageInput = { name: string; slug: string; sortOrder: number };

export async function listPathwayStagesForAdmin(viewer: Viewer) {
  authorize(viewer, "pathway.manage");
  const stages = await db.pathwayStage.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      sortOrder: true,
      _count: { select: { projects: true, concerns: true, learningItems: true } },
    },
  });
  return stages.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    sortOrder: s.sortOrder,
    uses: s._count.projects + s._count.concerns + s._count.learningItems,
  }));
}

async function checkSlugFree(slug: string, exceptId?: string) {
  const other = await db.pathwayStage.findFirst({
    where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other)
    throw new DomainError("Another stage already uses that identifier", {
      slug: "Another stage already uses that identifier",
    });
}

export async function createPathwayStage(viewer: Viewer, input: StageInput): Promise<void> {
  authorize(viewer, "pathway.manage");
  await checkSlugFree(input.slug);
  await db.$transaction(async (tx) => {
    const stage = await tx.pathwayStage.create({ data: input, select: { id: true } });
    await recordAudit(tx, {
      action: "pathway_stage.created",
      subjectType: "PathwayStage",
      subjectId: stage.id,
      actorId: viewer.userId,
      details: { slug: input.slug },
    });
  });
}

export async function updatePathwayStage(viewer: Viewer, input: StageInput & { id: string }): Promise<void> {
  authorize(viewer, "pathway.manage");
  await checkSlugFree(input.slug, input.id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.pathwayStage.updateMany({
      where: { id: input.id },
      data: { name: input.name, slug: input.slug, sortOrder: input.sortOrder },
    });
    if (count === 0) throw new NotFoundError();
    await recordAudit(tx, {
      action: "pathway_stage.updated",
      subjectType: "PathwayStage",
      subjectId: input.id,
      actorId: viewer.userId,
      details: { slug: input.slug },
    });
  });
}

/** Only a stage nothing uses can go (renaming keeps the links of one that is in use). */
export async function deletePathwayStage(viewer: Viewer, id: string): Promise<void> {
  authorize(viewer, "pathway.manage");
  await db.$transaction(async (tx) => {
    const stage = await tx.pathwayStage.findUnique({
      where: { id },
      select: { id: true, slug: true, _count: { select: { projects: true, concerns: true, learningItems: true } } },
    });
    if (!stage) throw new NotFoundError();
    const uses = stage._count.projects + stage._count.concerns + stage._count.learningItems;
    if (uses > 0)
      throw new DomainError(
        `This stage is used by ${uses} projects, concerns or learning items: rename it instead of deleting it.`,
      );
    await tx.pathwayStage.delete({ where: { id } });
    await recordAudit(tx, {
      action: "pathway_stage.deleted",
      subjectType: "PathwayStage",
      subjectId: id,
      actorId: viewer.userId,
      details: { slug: stage.slug },
    });
  });
}
