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
};

/** The `project.read` rule as a where clause, derived from the policy's read filter. */
export function readableProjectsWhere(viewer: Viewer): Prisma.ProjectWhereInput {
  return readableWhere(viewer, "project.read", {
    collaborativeId: "collaborativeId",
    visibility: "visibility",
  }) as Prisma.ProjectWhereInput;
}

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
    select: { id: true, collaborativeId: true, visibility: true, version: true, status: true, startDate: true },
  });
  if (!project || !can(viewer, "project.read", project)) throw new NotFoundError();
  authorize(viewer, action, project);
  return project;
}
