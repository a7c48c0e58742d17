// Signing in with a password: throttled (lib/auth/throttle.ts signInLimits) so that guessing is slow
// but the owner is never locked out from an address they use, one error for every failure (no
// account enumeration), audited. Used by the sign-in form and by next-auth's credentials provider.
import "server-only";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { verifyPassword } from "@/lib/auth/passwords";
import { returnSlots, signInLimits, takeSlots } from "@/lib/auth/throttle";
import type { SessionUser } from "@/lib/auth/session-cookie";
import { recordAudit } from "@/lib/audit";
import { DomainError, RateLimitError } from "@/lib/errors";
import { normaliseEmail } from "./schemas";

export const SIGN_IN_ERROR = "Enter a correct email address and password";

/** How long a successful sign-in makes its address a known one for the account. */
const KNOWN_ADDRESS_DAYS = 30;

/** Whether the account signed in with its password from this address recently (from the audit log, which cannot be forged). */
async function isKnownAddress(userId: string, ip: string): Promise<boolean> {
  if (ip === "unknown") return false;
  const since = new Date(Date.now() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60 * 1000);
  const event = await db.auditEvent.findFirst({
    where: { subjectType: "User", subjectId: userId, action: "auth.signed_in", ip, at: { gt: since } },
    select: { id: true },
  });
  return event !== null;
}

export async function signInWithPassword(
  viewer: Viewer,
  input: { email: string; password: string },
  ip: string,
): Promise<SessionUser> {
  authorize(viewer, "account.signIn");
  const email = normaliseEmail(input.email);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      erasedAt: true,
      sessionVersion: true,
      emailVerified: true,
    },
  });
  let slots;
  try {
    slots = await takeSlots(signInLimits(email, ip, user ? await isKnownAddress(user.id, ip) : false));
  } catch (error) {
    if (error instanceof RateLimitError) {
      await recordAudit(db, {
        action: "auth.sign_in_failed",
        subjectType: "User",
        subjectId: user?.id ?? null,
        ip,
        details: { method: "password", reason: "throttled" },
      });
    }
    throw error;
  }
  // Same work whether or not the account exists, so timing does not reveal accounts either.
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  // An address not yet confirmed (a registration whose emailed link was not followed) cannot sign in with
  // a password, and gets the one error: otherwise registering an address, then signing in with the
  // password chosen, would tell a new address (it works) from one that has an account (it does not).
  if (!user || user.erasedAt || !ok || !user.emailVerified) {
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
