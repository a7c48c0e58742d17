import { db } from "@/lib/db";
import { ANONYMOUS, type Viewer } from "./viewer-types";

/**
 * Builds the viewer from the database. A session whose version is older than the user's (password
 * changed, "sign out everywhere", role removed) or whose user was erased counts as signed out.
 */
export async function loadViewer(userId: string, sessionVersion: number): Promise<Viewer> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      globalRole: true,
      sessionVersion: true,
      erasedAt: true,
      memberships: {
        where: { status: "ACTIVE" },
        select: { collaborativeId: true, role: true, organisationId: true, collaborative: { select: { slug: true } } },
      },
    },
  });
  if (!user || user.erasedAt || user.sessionVersion !== sessionVersion) return ANONYMOUS;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    globalRole: user.globalRole,
    memberships: user.memberships.map((m) => ({
      collaborativeId: m.collaborativeId,
      collaborativeSlug: m.collaborative.slug,
      role: m.role,
      organisationId: m.organisationId,
    })),
  };
}
