import "server-only";
import { db } from "@/lib/db";
import type { GlobalRole, MembershipRole } from "@/lib/generated/prisma/enums";
import { isDatabaseUnavailableError, markDatabaseDown } from "@/lib/db-availability";
import { ANONYMOUS, type Viewer } from "./viewer-types";

type ViewerRow = {
  id: string;
  name: string;
  email: string;
  globalRole: GlobalRole;
  sessionVersion: number;
  erasedAt: Date | null;
  memberships: {
    collaborativeId: string;
    collaborativeSlug: string;
    role: MembershipRole;
    organisationId: string | null;
  }[];
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
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    globalRole: user.globalRole,
    memberships: user.memberships,
  };
}

/**
 * The viewer, or — when the database cannot be reached to load it — a stand-in that throws that
 * same error wherever it is first used. Actions get the viewer before calling runForm, so a failure
 * here would escape the form as an error page; deferred, it is raised inside runForm (where every
 * domain call first reads the viewer) and the person gets "the service is unavailable" with what
 * they typed kept. Pages fail where they used it, as before (503). Other errors are not deferred.
 */
export async function deferDatabaseOutage(load: Promise<Viewer>): Promise<Viewer> {
  try {
    return await load;
  } catch (error) {
    if (!isDatabaseUnavailableError(error)) throw error;
    markDatabaseDown();
    const fail = () => {
      throw error;
    };
    // Every way of reading it throws (spreading or `in` too), so it can never pass for a signed-out viewer.
    // `then` is undefined so that awaiting it is harmless.
    return new Proxy({} as Viewer, {
      get: (_target, property) => (property === "then" ? undefined : fail()),
      has: fail,
      ownKeys: fail,
      getOwnPropertyDescriptor: fail,
    });
  }
}
