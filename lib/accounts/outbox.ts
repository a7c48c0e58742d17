// Account emails go through the job queue, so asking for one does the same work whatever the address:
// the request adds a row (AccountEmailRequest) and answers; the accounts.send-emails job (woken at
// once by a trigger, and every minute) looks the address up and sends what fits, or nothing. Neither
// the answer nor its timing says whether an account exists.
import "server-only";
import { db } from "@/lib/db";
import { ACCOUNT_EMAIL_REQUEST_MINUTES } from "@/lib/privacy/retention-schedule";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { recordAudit } from "@/lib/audit";
import { newLinkToken, nextAuthVerificationHash } from "./tokens";
import {
  portalUrl,
  sendConfirmAddressEmail,
  sendPasswordResetEmail,
  sendRegistrationAttemptEmail,
  sendSignInLinkEmail,
} from "./emails";

export type AccountEmailKind = "password-reset" | "sign-in-link" | "registration-welcome" | "registration-attempt";

const LINK_LIFETIME_MS = 60 * 60 * 1000;
/** A request older than this is dropped: a link sent an hour late would be a surprise, not a help. */
const STALE_AFTER_MS = ACCOUNT_EMAIL_REQUEST_MINUTES * 60 * 1000;

export async function requestAccountEmail(
  kind: AccountEmailKind,
  email: string,
  options: { ip?: string; callbackUrl?: string } = {},
): Promise<void> {
  await db.accountEmailRequest.create({
    data: { kind, email, ip: options.ip ?? null, callbackUrl: options.callbackUrl ?? null },
  });
}

type Request = {
  id: string;
  kind: string;
  email: string;
  callbackUrl: string | null;
  ip: string | null;
  createdAt: Date;
};

/** The job: claims waiting requests (each once, even with several workers) and sends their emails. */
export async function deliverAccountEmails(now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await db.$queryRaw<Request[]>`
      DELETE FROM "AccountEmailRequest" WHERE id IN (
        SELECT id FROM "AccountEmailRequest" ORDER BY "createdAt" LIMIT 50 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, email, "callbackUrl", ip, "createdAt"`;
    if (claimed.length === 0) return sent;
    for (const request of claimed) {
      if (now.getTime() - request.createdAt.getTime() > STALE_AFTER_MS) continue;
      try {
        if (await deliver(request)) sent += 1;
      } catch (error) {
        // Logged, never shown: the person was already told to check their email.
        console.error(`[accounts] could not send the ${request.kind} email`, error);
      }
    }
  }
}

/** Housekeeping for when the worker was down: requests too old to send hold an address for nothing. */
export async function deleteStaleAccountEmailRequests(now = new Date()): Promise<number> {
  const deleted = await db.accountEmailRequest.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
  });
  return deleted.count;
}

async function activeUserByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, erasedAt: true } });
  return user && !user.erasedAt ? user : null;
}

async function deliver(request: Request): Promise<boolean> {
  const user = await activeUserByEmail(request.email);
  if (!user) return false;
  if (request.kind === "password-reset") {
    const { token, tokenHash } = newLinkToken();
    await db.$transaction(async (tx) => {
      // Only the newest link works.
      await tx.passwordResetToken.updateMany({
        where: { userId: user.id, usedAt: null },
        data: { usedAt: new Date() },
      });
      await tx.passwordResetToken.create({
        data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) },
      });
      await recordAudit(tx, {
        action: "auth.password_reset_requested",
        subjectType: "User",
        subjectId: user.id,
        ip: request.ip,
      });
    });
    await sendPasswordResetEmail(user.email, portalUrl(`/reset-password?token=${encodeURIComponent(token)}`));
    return true;
  }
  if (request.kind === "sign-in-link" || request.kind === "registration-welcome") {
    const secret = env().NEXTAUTH_SECRET;
    if (!secret) throw new Error("Configuration error: NEXTAUTH_SECRET is not set.");
    const { token } = newLinkToken();
    await db.$transaction(async (tx) => {
      await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
      await tx.verificationToken.create({
        data: {
          identifier: user.email,
          token: nextAuthVerificationHash(token, secret),
          expires: new Date(Date.now() + LINK_LIFETIME_MS),
        },
      });
      await recordAudit(tx, {
        action: "auth.sign_in_link_sent",
        subjectType: "User",
        subjectId: user.id,
        ip: request.ip,
      });
    });
    const query = new URLSearchParams({
      callbackUrl: portalUrl(safeCallbackUrl(request.callbackUrl ?? undefined)),
      token,
      email: user.email,
    });
    const url = portalUrl(`/api/auth/callback/email?${query.toString()}`);
    if (request.kind === "registration-welcome") await sendConfirmAddressEmail(user.email, url);
    else await sendSignInLinkEmail(user.email, url);
    return true;
  }
  if (request.kind === "registration-attempt") {
    await recordAudit(db, {
      action: "account.registration_attempted",
      subjectType: "User",
      subjectId: user.id,
      ip: request.ip,
    });
    await sendRegistrationAttemptEmail(user.email);
    return true;
  }
  return false;
}
