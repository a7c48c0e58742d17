// Server-side record of each signed-in browser. The session JWT carries its id (`sid`); the viewer's
// SQL statement (lib/auth/load-viewer.ts) and next-auth's jwt callback accept a token only while its
// row is live, so signing out ends that session even for a copy of the cookie. "Sign out everywhere"
// and the other whole-account endings still work through the user's session version.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { ENDED_SESSION_HOURS, hoursMs } from "@/lib/privacy/retention-schedule";

/** How long a session lasts without being renewed (also the cookie's and the JWT's lifetime). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const lifetime = () => new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);

/** Records a new session for the user and returns its id (128 random bits) for the JWT. */
export async function startSession(userId: string): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  await db.session.create({ data: { id, userId, expiresAt: lifetime() } });
  return id;
}

/** Ends one session (signing out). Ending an unknown or ended session is harmless. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** Ends every session of the user (with the session version bump that goes with it). */
export async function endAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
}

/**
 * For next-auth's jwt callback when it re-reads a token (/api/auth/session): true while the session
 * is live and its user's session version matches, and then its expiry moves on with the re-issued
 * cookie. One statement: the check and the extension.
 */
export async function renewSession(claims: Record<string, unknown>): Promise<boolean> {
  if (typeof claims.sid !== "string" || typeof claims.uid !== "string" || typeof claims.sv !== "number") return false;
  const renewed = await db.$executeRaw`
    UPDATE "Session" s SET "expiresAt" = ${lifetime()}
    FROM "User" u
    WHERE s.id = ${claims.sid} AND s."userId" = ${claims.uid} AND s."endedAt" IS NULL AND s."expiresAt" > now()
      AND u.id = s."userId" AND u."sessionVersion" = ${claims.sv} AND u."erasedAt" IS NULL`;
  return renewed === 1;
}

/** Housekeeping: sessions that ended or expired more than a day ago. */
export async function deleteOldSessions(now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - hoursMs(ENDED_SESSION_HOURS));
  const deleted = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lt: dayAgo } }, { endedAt: { lt: dayAgo } }] },
  });
  return deleted.count;
}
