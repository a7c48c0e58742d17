/**
 * Who may see and change a project: the policy's `project.*` rows applied to the row itself, and
 * the same rule as a query filter for lists. Measures, PDSA cycles and the driver diagram are
 * parts of a project, so their functions go through here too.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, can, readableWhere, type Action, type Viewer } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db";

export type ProjectAccess = {
  id: string;
  collaborativeId: string;
  visibility: "DRAFT" | "PORTAL" | "PUBLIC";
  version: number;
  status: string;
  startDate: Date;
  archivedAt: Date | null;
};

/**
 * The `project.read` rule as a where clause, derived from the policy's read filter, for lists:
 * archived projects are in no list (their own page stays open to those who may restore them).
 */
export function readableProjectsWhere(viewer: Viewer): Prisma.ProjectWhereInput {
  return {
    AND: [
      readableWhere(viewer, "project.read", { collaborativeId: "collaborativeId", visibility: "visibility" }),
      { archivedAt: null },
    ],
  } as Prisma.ProjectWhereInput;
}

/** What may still be done to an archived project: read it (as its editors) and restore it. */
const ARCHIVED_ACTIONS: readonly Action[] = ["project.read", "project.restore"];

/**
 * Loads the project's access facts and checks `action`. A project the viewer may not read is
 * "not found" (its existence is not revealed); one they can read but not change is forbidden.
 */
export async function requireProject(
  viewer: Viewer,
  projectId: string,
  action: Action,
  client: Tx | typeof db = db,
): Promise<ProjectAccess> {
  const project = await client.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      collaborativeId: true,
      visibility: true,
      version: true,
      status: true,
      startDate: true,
      archivedAt: true,
    },
  });
  if (!project || !can(viewer, "project.read", project)) throw new NotFoundError();
  if (project.archivedAt) {
    // Archived: only those who could edit it still see it (to restore it); nothing changes until restored.
    if (!can(viewer, "project.update", project)) throw new NotFoundError();
    // Not found for its edit pages (orNotFound); the message for a form posted from an old page.
    if (!ARCHIVED_ACTIONS.includes(action))
      throw new NotFoundError("This project is archived. A lead of its collaborative can restore it first.");
  }
  authorize(viewer, action, project);
  return project;
}
