// UK GDPR erasure: a person's identifying details go, the de-identified record of what was done
// stays (concerns, projects, learning, ballots keep their meaning and their counts). One transaction:
// a failure part-way leaves the person exactly as they were.
import "server-only";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";

/** What an erased person is shown as wherever their name appeared. */
export const ERASED_NAME = "Erased user";
/** Unique (the column is) and undeliverable (.invalid is reserved), so no email can reach anyone. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

export type ErasureSummary = {
  concernContactsErased: number;
  membershipsRemoved: number;
  sessionsEnded: number;
  alreadyErased: boolean;
};

export async function erasePerson(
  viewer: Viewer,
  userId: string,
  context: { ip?: string | null; now?: Date } = {},
): Promise<ErasureSummary> {
  authorize(viewer, "user.erase");
  if (viewer.userId === userId) throw new DomainError("You cannot erase your own account. Ask another administrator.");
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    // Locks the row: two administrators erasing at once do the work once.
    const [user] = await tx.$queryRaw<{ id: string; email: string; erasedAt: Date | null }[]>`
      SELECT id, email, "erasedAt" FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (!user) throw new NotFoundError();
    if (user.erasedAt)
      return { concernContactsErased: 0, membershipsRemoved: 0, sessionsEnded: 0, alreadyErased: true };

    // Concerns they reported stay (de-identified); the link to them and their contact details go.
    const concerns = await tx.concern.findMany({
      where: { reporterId: userId },
      select: { id: true, collaborativeId: true, contactEncrypted: true },
    });
    for (const concern of concerns) {
      await tx.concern.update({
        where: { id: concern.id },
        data: {
          reporterId: null,
          contactEncrypted: null,
          contactConsent: false,
          ...(concern.contactEncrypted ? { contactErasedAt: now } : {}),
        },
      });
      if (concern.contactEncrypted) {
        await recordAudit(tx, {
          action: "concern.contact_erased",
          subjectType: "Concern",
          subjectId: concern.id,
          actorId: viewer.userId,
          collaborativeId: concern.collaborativeId,
          details: { reason: "erasure_request" },
        });
      }
    }
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await tx.account.deleteMany({ where: { userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    // Notifications addressed to them (sent or waiting) and their settings.
    await tx.notification.deleteMany({ where: { userId } });
    await tx.notificationPreference.deleteMany({ where: { userId } });
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    // Invitations were addressed to them: unanswered ones go, answered ones keep the fact but not the address.
    await tx.invitation.deleteMany({ where: { email: user.email, acceptedAt: null } });
    await tx.invitation.updateMany({ where: { email: user.email }, data: { email: erasedEmail(userId) } });
    const memberships = await tx.membership.deleteMany({ where: { userId } });
    // Personal conveniences with no value to anyone else.
    await tx.follow.deleteMany({ where: { userId } });
    await tx.learningDigest.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        name: ERASED_NAME,
        email: erasedEmail(userId),
        emailVerified: null,
        image: null,
        passwordHash: null,
        globalRole: "NONE",
        erasedAt: now,
        // Any session token still held stops working at once.
        sessionVersion: { increment: 1 },
      },
    });
    const summary = {
      concernContactsErased: concerns.filter((c) => c.contactEncrypted).length,
      membershipsRemoved: memberships.count,
      sessionsEnded: sessions.count,
      alreadyErased: false,
    };
    await recordAudit(tx, {
      action: "user.erased",
      subjectType: "User",
      subjectId: userId,
      actorId: viewer.userId,
      ip: context.ip ?? null,
      details: {
        concerns: concerns.length,
        concernContactsErased: summary.concernContactsErased,
        membershipsRemoved: summary.membershipsRemoved,
      },
    });
    return summary;
  });
}
