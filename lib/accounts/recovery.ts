// Getting back into an account: password reset and email sign-in links. Both answer the same way
// whether or not the account exists, are throttled per account and per IP, and use single-use,
// hashed, one-hour tokens.
import "server-only";
import { db } from "@/lib/db";
import { USED_LINK_HOURS, hoursMs } from "@/lib/privacy/retention-schedule";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { hashPassword } from "@/lib/auth/passwords";
import { limits, takeSlots } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { normaliseEmail } from "./schemas";
import { hashLinkToken } from "./tokens";
import { requestAccountEmail } from "./outbox";

export const RESET_LINK_INVALID =
  "This link to reset your password has expired or has already been used. Ask for a new link.";

/**
 * Asks for a reset link. The answer is the same, after the same work, whatever the address: the email
 * (or none, for an address without an account) is sent by the job queue (lib/accounts/outbox.ts).
 */
export async function requestPasswordReset(viewer: Viewer, input: { email: string }, ip: string): Promise<void> {
  authorize(viewer, "account.recover");
  const email = normaliseEmail(input.email);
  await takeSlots([limits.resetAccount(email), limits.resetIp(ip)]);
  await requestAccountEmail("password-reset", email, { ip });
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
    // The emailed link proves the address is theirs, as the sign-in link does.
    await tx.user.updateMany({ where: { id: row.userId, emailVerified: null }, data: { emailVerified: new Date() } });
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
 * Emails a one-hour sign-in link to an existing account (through the job queue, like a reset). The
 * token is stored the way next-auth's email provider checks it, so /api/auth/callback/email completes
 * the sign-in and sets the session.
 */
export async function requestEmailSignInLink(
  viewer: Viewer,
  input: { email: string; callbackUrl?: string },
  ip: string,
): Promise<void> {
  authorize(viewer, "account.signIn");
  const email = normaliseEmail(input.email);
  await takeSlots([limits.emailLinkAccount(email), limits.resetIp(ip)]);
  await requestAccountEmail("sign-in-link", email, { ip, callbackUrl: input.callbackUrl });
}

/** Housekeeping: links that can no longer be used (expired, or used more than a day ago). */
export async function deleteExpiredLinkTokens(now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - hoursMs(USED_LINK_HOURS));
  const [resets, links] = await Promise.all([
    db.passwordResetToken.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] } }),
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
  ]);
  return resets.count + links.count;
}
