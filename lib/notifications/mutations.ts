// Notifications (issue 16): an outbox. A cause (a concern arriving, a question answered) queues a row
// in its own transaction, so a notification exists exactly when its cause committed; the
// notifications.send job (woken at once by a trigger on the table, and every minute) sends what is
// waiting through lib/mail/send.ts. A failure is recorded on the row (attempts, lastError, failedAt)
// and retried with growing delays. The person's setting is read when a row is sent, so turning a
// kind off stops ones already queued. Security emails (lib/accounts) are never notifications.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer-types";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { sendEmail } from "@/lib/mail/send";
import { portalUrl } from "@/lib/accounts/emails";
import { KINDS, SETTABLE_KINDS, effectiveDelivery, type Delivery, type NotificationKind } from "./kinds";
import { notificationEmail } from "./emails";
import { readUnsubscribeToken } from "./unsubscribe-token";
import { DAY_MS, NOTIFICATION_RETENTION_DAYS } from "@/lib/privacy/retention-schedule";

export type { NotificationKind } from "./kinds";

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  subject: string;
  text: string;
  /** A path on the portal, e.g. /concerns/triage/abc: the email links to it. */
  url: string;
  /** The same key for the same person is queued once: a retried cause never sends twice. */
  dedupeKey?: string;
  /** The collaborative it is about: its leads see how many of its notifications could not be delivered. */
  collaborativeId?: string;
};

/** Queues a notification in the caller's transaction (or on its own with the db client). */
export async function queueNotification(tx: Tx, n: NewNotification): Promise<void> {
  await queueNotifications(tx, [n]);
}

/** Several at once (one per lead, say); repeats of a dedupeKey are dropped, never an error. */
export async function queueNotifications(tx: Tx, list: NewNotification[]): Promise<void> {
  if (list.length === 0) return;
  for (const n of list) {
    if (!n.url.startsWith("/") || n.url.startsWith("//"))
      throw new Error(`A notification's url is a path on the portal, not ${n.url}`);
    if (!(n.kind in KINDS)) throw new Error(`Unknown notification kind ${String(n.kind)}`);
  }
  await tx.notification.createMany({
    data: list.map((n) => ({
      userId: n.userId,
      kind: n.kind,
      subject: n.subject.slice(0, 200),
      text: n.text,
      url: n.url,
      dedupeKey: n.dedupeKey ?? null,
      collaborativeId: n.collaborativeId ?? null,
    })),
    skipDuplicates: true,
  });
}

/** Up to this many attempts (about a day and a half with the delays below), then it stays failed. */
export const MAX_ATTEMPTS = 30;
/** A claimed row is not claimed again for this long (a worker that died mid-send is retried after it). */
const LEASE_MS = 5 * 60_000;

/** Minutes before the next try: 1, 2, 4 … up to an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 60) * 60_000;
}

type Claimed = { id: string };

/** The job: sends every notification due (each once, even with several workers). Returns how many were sent. */
export async function deliverNotifications(
  now = new Date(),
  /** Only these people's (tests running side by side on one database each send their own). */
  options: { userIds?: string[] } = {},
): Promise<number> {
  const only = options.userIds ?? null;
  let sent = 0;
  for (;;) {
    const claimed = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Claimed[]>`
        SELECT id FROM "Notification"
        WHERE "sentAt" IS NULL AND "skippedAt" IS NULL AND "digestAt" IS NULL
          AND attempts < ${MAX_ATTEMPTS} AND "nextAttemptAt" <= ${now}
          AND (${only}::text[] IS NULL OR "userId" = ANY(${only}::text[]))
        ORDER BY "createdAt" LIMIT 25 FOR UPDATE SKIP LOCKED`;
      if (rows.length > 0)
        await tx.notification.updateMany({
          where: { id: { in: rows.map((r) => r.id) } },
          data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
        });
      return rows;
    });
    if (claimed.length === 0) return sent;
    const rows = await db.notification.findMany({
      where: { id: { in: claimed.map((c) => c.id) } },
      orderBy: { createdAt: "asc" },
      include: {
        user: {
          select: { email: true, erasedAt: true, notificationSettings: { select: { kind: true, delivery: true } } },
        },
      },
    });
    for (const row of rows) {
      const kind = row.kind as NotificationKind;
      const chosen = row.user.notificationSettings.find((s) => s.kind === kind)?.delivery;
      const delivery = kind in KINDS ? effectiveDelivery(kind, chosen) : "OFF";
      if (row.user.erasedAt || delivery === "OFF") {
        await db.notification.update({ where: { id: row.id }, data: { skippedAt: now } });
        continue;
      }
      if (delivery === "DIGEST") {
        await db.notification.update({ where: { id: row.id }, data: { digestAt: now } });
        continue;
      }
      try {
        await sendEmail(notificationEmail(row.user.email, { ...row, kind }));
        await db.notification.update({ where: { id: row.id }, data: { sentAt: new Date(), lastError: null } });
        sent += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        await db.notification.update({
          where: { id: row.id },
          data: {
            attempts,
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
            failedAt: row.failedAt ?? now,
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          },
        });
        console.error(`[notifications] could not send a ${row.kind} notification (attempt ${attempts})`);
      }
    }
  }
}

/**
 * The daily summary (07:30 UK time): for each person, everything waiting for their summary goes into
 * one notification of kind concern.digest, queued in the same transaction that marks them sent, and
 * sent by the send job. Safe to run again: a day's summary has one dedupeKey per person.
 */
export async function queueDigests(now = new Date()): Promise<number> {
  const waiting = await db.notification.findMany({
    where: { digestAt: { not: null }, sentAt: null, skippedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, kind: true, subject: true, url: true, createdAt: true },
  });
  const byUser = new Map<string, typeof waiting>();
  for (const row of waiting) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  const day = now.toISOString().slice(0, 10);
  let queued = 0;
  for (const [userId, rows] of byUser) {
    const done = await db.$transaction(async (tx) => {
      const dedupeKey = `digest:${day}`;
      // Already summarised today (a retried run): what came since waits for tomorrow's.
      if (await tx.notification.findUnique({ where: { userId_dedupeKey: { userId, dedupeKey } } })) return false;
      const lines = rows.map((row) => `- ${row.subject}\n  ${portalUrl(row.url)}`);
      const digest = await tx.notification.create({
        data: {
          userId,
          kind: "concern.digest",
          subject:
            rows.length === 1 ? "Your daily summary: 1 new item" : `Your daily summary: ${rows.length} new items`,
          text: `Since your last summary:\n\n${lines.join("\n\n")}`,
          url: "/account/notifications",
          dedupeKey,
        },
      });
      await tx.notification.updateMany({
        where: { id: { in: rows.map((r) => r.id) }, sentAt: null },
        data: { sentAt: now, digestId: digest.id },
      });
      return true;
    });
    if (done) queued += 1;
  }
  return queued;
}

/** Retention: notifications sent or skipped more than NOTIFICATION_RETENTION_DAYS ago are deleted (their causes remain). */
export async function deleteOldNotifications(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * DAY_MS);
  const deleted = await db.notification.deleteMany({
    where: {
      createdAt: { lt: before },
      OR: [{ sentAt: { not: null } }, { skippedAt: { not: null } }, { attempts: { gte: MAX_ATTEMPTS } }],
    },
  });
  return deleted.count;
}

/** The settings page's form: one choice per kind the person may set. */
export async function saveNotificationSettings(
  viewer: Viewer,
  choices: Partial<Record<NotificationKind, Delivery>>,
): Promise<void> {
  // A person's own settings, part of their account: the form takes no one's id.
  authorize(viewer, "account.manage");
  const userId = viewer.userId;
  if (!userId) return;
  await db.$transaction(async (tx) => {
    for (const kind of SETTABLE_KINDS) {
      const delivery = choices[kind];
      if (!delivery) continue;
      if (!KINDS[kind].choices.includes(delivery)) throw new DomainError(`${KINDS[kind].label} cannot be set to that.`);
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, delivery },
        update: { delivery },
      });
    }
    await recordAudit(tx, {
      action: "notifications.settings_changed",
      subjectType: "User",
      subjectId: userId,
      actorId: userId,
    });
  });
}

export type UnsubscribeResult = { kind: NotificationKind } | null;

/**
 * One-click unsubscribe (RFC 8058), from the email's link or its List-Unsubscribe header, without
 * signing in: the token names the person and kind. The daily summary's token turns off everything the
 * person had put in their summary. A kind that cannot be turned off is left as it is. Null: not a token.
 */
export async function unsubscribe(viewer: Viewer, token: string): Promise<UnsubscribeResult> {
  authorize(viewer, "notifications.unsubscribe");
  const subject = readUnsubscribeToken(token);
  if (!subject) return null;
  const { userId, kind } = subject;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { erasedAt: true, notificationSettings: { select: { kind: true, delivery: true } } },
  });
  if (!user || user.erasedAt) return null;
  const kinds =
    kind === "concern.digest"
      ? SETTABLE_KINDS.filter(
          (k) => effectiveDelivery(k, user.notificationSettings.find((s) => s.kind === k)?.delivery) === "DIGEST",
        )
      : KINDS[kind].choices.includes("OFF")
        ? [kind]
        : [];
  await db.$transaction(async (tx) => {
    for (const k of kinds)
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind: k } },
        create: { userId, kind: k, delivery: "OFF" },
        update: { delivery: "OFF" },
      });
    await recordAudit(tx, {
      action: "notifications.unsubscribed",
      subjectType: "User",
      subjectId: userId,
      actorId: null,
      details: { kind },
    });
  });
  return { kind };
}
