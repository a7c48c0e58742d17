/** "We are adopting this": recorded by staff of another collaborative, then kept up to date by them. */
import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { isUniqueViolationOf } from "@/lib/db-errors";
import { learningResource } from "@/lib/learning/queries";
import { adoptionStatusLabel } from "@/lib/learning/labels";
import { canMoveAdoption } from "./status";
import type { CreateAdoptionInput, UpdateAdoptionInput } from "./schemas";

/** The adopter's organisation, project and measure must all be the adopting collaborative's own. */
async function checkAdopterLinks(
  tx: Tx,
  collaborativeId: string,
  links: { organisationId?: string | null; projectId: string | null; measureId: string | null },
) {
  const errors: Record<string, string> = {};
  if (links.organisationId) {
    const organisation = await tx.organisation.findUnique({
      where: { id: links.organisationId },
      select: { collaborativeId: true },
    });
    if (!organisation || organisation.collaborativeId !== collaborativeId)
      errors.organisationId = "Select an organisation in your collaborative";
  }
  let projectId = links.projectId;
  if (links.measureId) {
    const measure = await tx.measure.findUnique({
      where: { id: links.measureId },
      select: { projectId: true, project: { select: { collaborativeId: true } } },
    });
    if (!measure || measure.project.collaborativeId !== collaborativeId)
      errors.measureId = "Select a measure from one of your projects";
    else if (projectId && measure.projectId !== projectId)
      errors.measureId = "Select a measure from the project you chose";
    else projectId = measure.projectId;
  }
  if (projectId && !errors.measureId) {
    const project = await tx.project.findUnique({ where: { id: projectId }, select: { collaborativeId: true } });
    if (!project || project.collaborativeId !== collaborativeId)
      errors.projectId = "Select one of your collaborative’s projects";
  }
  if (Object.keys(errors).length > 0) throw new DomainError("Check the highlighted answers", errors);
  return { projectId, measureId: links.measureId };
}

const alreadyAdopted = () =>
  new DomainError("Your team has already recorded this adoption. Update its status instead.", {
    organisationId: "An adoption is already recorded for this organisation",
  });

export async function createAdoption(viewer: Viewer, input: CreateAdoptionInput) {
  // The unique index (organisation NULLs not distinct) catches the duplicate the look below misses in a race.
  return db
    .$transaction(async (tx) => {
      const item = await tx.learningItem.findUnique({
        where: { id: input.learningItemId },
        select: { id: true, slug: true, type: true, status: true, collaborativeId: true, authorId: true },
      });
      if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();
      authorize(viewer, "adoption.create", {
        collaborativeId: input.collaborativeId,
        originCollaborativeId: item.collaborativeId,
      });
      if (item.type !== "CHANGE_IDEA" || item.status !== "PUBLISHED")
        throw new DomainError("Only published change ideas can be adopted");

      const links = await checkAdopterLinks(tx, input.collaborativeId, input);
      const duplicate = await tx.adoption.findFirst({
        where: {
          learningItemId: item.id,
          collaborativeId: input.collaborativeId,
          organisationId: input.organisationId,
        },
        select: { id: true },
      });
      if (duplicate) throw alreadyAdopted();
      const adoption = await tx.adoption.create({
        data: {
          learningItemId: item.id,
          collaborativeId: input.collaborativeId,
          organisationId: input.organisationId,
          ...links,
          status: input.status,
          notAdoptedReason: input.status === "NOT_ADOPTED" ? input.notAdoptedReason : null,
          recordedById: viewer.userId!,
          statusChanges: {
            create: {
              fromStatus: null,
              toStatus: input.status,
              reason: input.status === "NOT_ADOPTED" ? input.notAdoptedReason : "",
              changedById: viewer.userId,
            },
          },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: "adoption.created",
        subjectType: "Adoption",
        subjectId: adoption.id,
        actorId: viewer.userId,
        collaborativeId: input.collaborativeId,
        details: { learningItemId: item.id, status: input.status },
      });
      return { id: adoption.id, slug: item.slug };
    })
    .catch((error: unknown) => {
      if (isUniqueViolationOf(error, "Adoption_learningItemId_collaborativeId_organisationId_key"))
        throw alreadyAdopted();
      throw error;
    });
}

export async function updateAdoption(viewer: Viewer, input: UpdateAdoptionInput) {
  return db.$transaction(async (tx) => {
    const adoption = await tx.adoption.findUnique({
      where: { id: input.id },
      select: { id: true, status: true, collaborativeId: true, learningItem: { select: { slug: true } } },
    });
    if (!adoption) throw new NotFoundError();
    authorize(viewer, "adoption.update", { collaborativeId: adoption.collaborativeId });
    if (!canMoveAdoption(adoption.status, input.status)) {
      throw new DomainError("Check the highlighted answers", {
        status: `An adoption that is ${adoptionStatusLabel[adoption.status].toLowerCase()} cannot move to ${adoptionStatusLabel[input.status].toLowerCase()}`,
      });
    }
    const links = await checkAdopterLinks(tx, adoption.collaborativeId, input);
    const { count } = await tx.adoption.updateMany({
      where: { id: adoption.id, version: input.version },
      data: {
        ...links,
        status: input.status,
        notAdoptedReason: input.status === "NOT_ADOPTED" ? input.notAdoptedReason : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError();
    if (adoption.status !== input.status) {
      await tx.adoptionStatusChange.create({
        data: {
          adoptionId: adoption.id,
          fromStatus: adoption.status,
          toStatus: input.status,
          reason: input.status === "NOT_ADOPTED" ? input.notAdoptedReason : input.note,
          changedById: viewer.userId,
        },
      });
    }
    await recordAudit(tx, {
      action: adoption.status !== input.status ? "adoption.status_changed" : "adoption.updated",
      subjectType: "Adoption",
      subjectId: adoption.id,
      actorId: viewer.userId,
      collaborativeId: adoption.collaborativeId,
      details: { from: adoption.status, to: input.status },
    });
    return { id: adoption.id, slug: adoption.learningItem.slug };
  });
}
