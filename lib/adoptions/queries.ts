/** Reads for the adoption forms. */
import "server-only";
import { db } from "@/lib/db";
import { authorize, can, collaborativeIdsWhere, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { learningResource } from "@/lib/learning/queries";
import { readableProjectsWhere } from "@/lib/projects/access";
import { nextAdoptionStatuses } from "./status";

async function adopterChoices(viewer: Viewer, collaborativeIds: string[]) {
  const [collaboratives, organisations, projects] = await Promise.all([
    db.collaborative.findMany({
      where: { id: { in: collaborativeIds } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.organisation.findMany({
      where: { collaborativeId: { in: collaborativeIds }, active: true },
      select: { id: true, name: true, collaborativeId: true },
      orderBy: { name: "asc" },
    }),
    db.project.findMany({
      where: { AND: [{ collaborativeId: { in: collaborativeIds } }, readableProjectsWhere(viewer)] },
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
    organisations,
    projects: projects.map(({ measures: _m, ...p }) => p),
    measures: projects.flatMap((p) =>
      p.measures.map((m) => ({
        id: m.id,
        label: `${p.title}: ${m.name}`,
        projectId: p.id,
        collaborativeId: p.collaborativeId,
      })),
    ),
  };
}

/** The change idea and the viewer's choices for "we are adopting this" (only collaboratives other than its origin). */
export async function getAdoptionFormOptions(viewer: Viewer, slug: string) {
  const item = await db.learningItem.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      type: true,
      status: true,
      collaborativeId: true,
      authorId: true,
      collaborative: { select: { name: true } },
    },
  });
  if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();
  const eligible = collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]).filter((id) =>
    can(viewer, "adoption.create", { collaborativeId: id, originCollaborativeId: item.collaborativeId }),
  );
  // With no eligible membership this throws Forbidden, as the policy says.
  if (eligible.length === 0)
    authorize(viewer, "adoption.create", { collaborativeId: null, originCollaborativeId: item.collaborativeId });
  const existing = await db.adoption.findMany({
    where: { learningItemId: item.id, collaborativeId: { in: eligible } },
    select: { id: true },
  });
  return {
    item: {
      id: item.id,
      slug: item.slug,
      title: item.title,
      type: item.type,
      status: item.status,
      originName: item.collaborative?.name ?? "the national team",
    },
    existingAdoptionIds: existing.map((a) => a.id),
    ...(await adopterChoices(viewer, eligible)),
  };
}

/** One adoption for its update form, if the viewer is staff of the adopting collaborative. */
export async function getAdoptionForUpdate(viewer: Viewer, id: string) {
  const adoption = await db.adoption.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      status: true,
      notAdoptedReason: true,
      projectId: true,
      measureId: true,
      collaborativeId: true,
      collaborative: { select: { name: true } },
      organisation: { select: { name: true } },
      learningItem: { select: { slug: true, title: true } },
    },
  });
  if (!adoption) throw new NotFoundError();
  authorize(viewer, "adoption.update", { collaborativeId: adoption.collaborativeId });
  const choices = await adopterChoices(viewer, [adoption.collaborativeId]);
  return {
    adoption: {
      id: adoption.id,
      version: adoption.version,
      status: adoption.status,
      notAdoptedReason: adoption.notAdoptedReason ?? "",
      projectId: adoption.projectId,
      measureId: adoption.measureId,
      adopterName: adoption.organisation?.name ?? adoption.collaborative.name,
      collaborativeName: adoption.collaborative.name,
      item: adoption.learningItem,
    },
    statuses: [adoption.status, ...nextAdoptionStatuses(adoption.status)],
    projects: choices.projects,
    measures: choices.measures,
  };
}
