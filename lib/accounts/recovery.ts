// Getting back into an account: password reset and email sign-in links. Both answer the same way
// whether or not the account exists, are throttled per account and per IP, and use single-use,
// hashed, one-hour tokens.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { hashPassword } from "@/lib/auth/passwords";
import { limits, takeSlots } from "@/lib/auth/throttle";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { recordAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { normaliseEmail } from "./schemas";
import { hashLinkToken, newLinkToken, nextAuthVerificationHash } from "./tokens";
import { portalUrl, sendPasswordResetEmail, sendSignInLinkEmail } from "./emails";

const LINK_LIFETIME_MS = 60 * 60 * 1000;
export const RESET_LINK_INVALID =
  "This link to reset your password has expired or has already been used. Ask for a new link.";

/** Mail failures are logged, never shown: a different answer would reveal that the account exists. */
async function deliver(send: () => Promise<void>) {
  try {
    await send();
  } catch (error) {
    console.error("[accounts] could not send email", error);
  }
}

async function activeUserByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, erasedAt: true } });
  return user && !user.erasedAt ? user : null;
}

export async function requestPasswordReset(viewer: Viewer, input: { email: string }, ip: string): Promise<void> {
  authorize(viewer, "account.recover");
  const email = normaliseEmail(input.email);
  await takeSlots([limits.resetAccount(email), limits.resetIp(ip)]);
  const user = await activeUserByEmail(email);
  if (!user) return;
  const { token, tokenHash } = newLinkToken();
  await db.$transaction(async (tx) => {
    // Only the newest link works.
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) },
    });
    await recordAudit(tx, { action: "auth.password_reset_requested", subjectType: "User", subjectId: user.id, ip });
  });
  await deliver(() =>
    sendPasswordResetEmail(user.email, portalUrl(`/reset-password?token=${encodeURIComponent(token)}`)),
  );
}

/** Whether a reset link is still usable, so the page can say so before the person types a password. */
export async function isResetTokenUsable(viewer: Viewer, token: string): Promise<boolean> {
  authorize(viewer, "account.recover");
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date());
}

/** Sets the new password, uses the token up and ends every existing session of the account. */
export async function resetPassword(
  viewer: Viewer,
  input: { token: string; password: string },
  ip: string,
): Promise<void> {
  authorize(viewer, "account.recover");
  await takeSlots([limits.resetIp(ip)]);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({
      where: { tokenHash: hashLinkToken(input.token) },
      select: { id: true, userId: true },
    });
    if (!row) throw new DomainError(RESET_LINK_INVALID);
    // The conditional update is the single-use check: of two simultaneous uses only one counts.
    const used = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count === 0) throw new DomainError(RESET_LINK_INVALID);
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { erasedAt: true },
    });
    if (user.erasedAt) throw new DomainError(RESET_LINK_INVALID);
    await tx.passwordResetToken.updateMany({
      where: { userId: row.userId, usedAt: null },
      data: { usedAt: new Date() },
    });
    await recordAudit(tx, {
      action: "auth.password_reset",
      subjectType: "User",
      subjectId: row.userId,
      actorId: row.userId,
      ip,
    });
  });
}

/**
 * Emails a one-hour sign-in link to an existing account. The token is stored the way next-auth's
 * email provider checks it, so /api/auth/callback/email completes the sign-in and sets the session.
 */
export async function requestEmailSignInLink(
  viewer: Viewer,
  input: { email: string; callbackUrl?: string },
  ip: string,
): Promise<void> {
  authorize(viewer, "account.signIn");
  const email = normaliseEmail(input.email);
  await takeSlots([limits.emailLinkAccount(email), limits.resetIp(ip)]);
  const user = await activeUserByEmail(email);
  if (!user) return;
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("Configuration error: NEXTAUTH_SECRET is not set.");
  const { token } = newLinkToken();
  await db.$transaction(async (tx) => {
    await tx.verificationToken.deleteMany({ where: { identifier: email } });
    await tx.verificationToken.create({
      data: {
        identifier: email,
        token: nextAuthVerificationHash(token, secret),
        expires: new Date(Date.now() + LINK_LIFETIME_MS),
      },
    });
    await recordAudit(tx, { action: "auth.sign_in_link_sent", subjectType: "User", subjectId: user.id, ip });
  });
  const query = new URLSearchParams({ callbackUrl: portalUrl(safeCallbackUrl(input.callbackUrl)), token, email });
  await deliver(() => sendSignInLinkEmail(email, portalUrl(`/api/auth/callback/email?${query.toString()}`)));
}

/** Housekeeping: links that can no longer be used (expired, or used more than a day ago). */
export async function deleteExpiredLinkTokens(now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [resets, links] = await Promise.all([
    db.passwordResetToken.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] } }),
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
  ]);
  return resets.count + links.count;
}
