import { db } from "@/lib/db";
import type { GlobalRole, MembershipRole } from "@/lib/generated/prisma/enums";
import { ANONYMOUS, type Viewer } from "./viewer-types";

type ViewerRow = {
  id: string;
  name: string;
  email: string;
  globalRole: GlobalRole;
  sessionVersion: number;
  erasedAt: Date | null;
  memberships: { collaborativeId: string; collaborativeSlug: string; role: MembershipRole; organisationId: string | null }[];
};

/**
 * Builds the viewer from the database. A session whose version is older than the user's (password
 * changed, "sign out everywhere", role removed) or whose user was erased counts as signed out.
 * Every signed-in request runs this, so it is one SQL statement (the person and their active
 * memberships) rather than a nested Prisma query (three statements, each compiled per request).
 */
export async function loadViewer(userId: string, sessionVersion: number): Promise<Viewer> {
  const [user] = await db.$queryRaw<ViewerRow[]>`
    SELECT u.id, u.name, u.email, u."globalRole", u."sessionVersion", u."erasedAt",
           coalesce(json_agg(json_build_object(
             'collaborativeId', m."collaborativeId", 'collaborativeSlug', c.slug, 'role', m.role, 'organisationId', m."organisationId")
             ORDER BY m."createdAt", m.id) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u.id AND m.status = 'ACTIVE'
    LEFT JOIN "Collaborative" c ON c.id = m."collaborativeId"
    WHERE u.id = ${userId}
    GROUP BY u.id`;
  if (!user || user.erasedAt || user.sessionVersion !== sessionVersion) return ANONYMOUS;
  return { userId: user.id, name: user.name, email: user.email, globalRole: user.globalRole, memberships: user.memberships };
}
