// Signing in with a password: throttled per account and per IP, one error for every failure (no
// account enumeration), audited. Used by the sign-in form and by next-auth's credentials provider.
import "server-only";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { verifyPassword } from "@/lib/auth/passwords";
import { limits, returnSlots, takeSlots } from "@/lib/auth/throttle";
import type { SessionUser } from "@/lib/auth/session-cookie";
import { recordAudit } from "@/lib/audit";
import { DomainError, RateLimitError } from "@/lib/errors";
import { normaliseEmail } from "./schemas";

export const SIGN_IN_ERROR = "Enter a correct email address and password";

export async function signInWithPassword(
  viewer: Viewer,
  input: { email: string; password: string },
  ip: string,
): Promise<SessionUser> {
  authorize(viewer, "account.signIn");
  const email = normaliseEmail(input.email);
  let slots;
  try {
    slots = await takeSlots([limits.signInAccount(email), limits.signInIp(ip)]);
  } catch (error) {
    if (error instanceof RateLimitError) {
      await recordAudit(db, {
        action: "auth.sign_in_failed",
        subjectType: "User",
        ip,
        details: { method: "password", reason: "throttled" },
      });
    }
    throw error;
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, erasedAt: true, sessionVersion: true },
  });
  // Same work whether or not the account exists, so timing does not reveal accounts either.
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || user.erasedAt || !ok) {
    await recordAudit(db, {
      action: "auth.sign_in_failed",
      subjectType: "User",
      subjectId: user?.id ?? null,
      ip,
      details: { method: "password" },
    });
    throw new DomainError(SIGN_IN_ERROR, { email: SIGN_IN_ERROR });
  }
  await returnSlots(slots);
  await recordAudit(db, {
    action: "auth.signed_in",
    subjectType: "User",
    subjectId: user.id,
    actorId: user.id,
    ip,
    details: { method: "password" },
  });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
