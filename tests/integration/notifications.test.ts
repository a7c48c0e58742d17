// Notifications (issue 16): the outbox, settings, one-click unsubscribe and delivery through real SMTP
// to a local mail capture (stopped to play an email outage).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/env is first read: mail goes to this file's own capture server.
vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${29000 + Math.floor(Math.random() * 2000)}`;
  process.env.NEXTAUTH_URL = "http://portal.test";
});

import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { ANONYMOUS, collaborative, createUser } from "@/tests/fixtures/factories";
import { rejection, startMailbox } from "@/tests/fixtures/accounts";
import {
  MAX_ATTEMPTS,
  deleteOldNotifications,
  deliverNotifications as deliverAll,
  queueDigests,
  queueNotification,
  saveNotificationSettings,
  unsubscribe,
} from "@/lib/notifications/mutations";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { deliverAccountEmails, requestAccountEmail } from "@/lib/accounts/outbox";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  mailbox = await startMailbox();
});

afterAll(async () => {
  await mailbox.stop();
});

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** This file's people: other test files share the database and send their own. */
const people: string[] = [];
async function person() {
  await collaborative("wessex");
  const created = await createUser({ memberships: { wessex: "LEAD" } });
  people.push(created.user.id);
  return created;
}
const deliverNotifications = (now?: Date) => deliverAll(now, { userIds: people });

function received(userId: string, extra: { dedupeKey?: string; subject?: string } = {}) {
  return {
    userId,
    kind: "concern.received" as const,
    subject: extra.subject ?? "A safety concern has arrived in Wessex",
    text: "A safety concern has arrived in Wessex (reference PSC-TEST-0001).",
    url: "/concerns/triage/abc",
    dedupeKey: extra.dedupeKey,
  };
}

describe("queueing", () => {
  it("queues nothing when the cause's transaction rolls back", async () => {
    const { user } = await person();
    await db
      .$transaction(async (tx) => {
        await queueNotification(tx, received(user.id));
        throw new Error("the cause failed");
      })
      .catch(() => undefined);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  });

  it("queues a dedupeKey once per person, and a repeat is no error", async () => {
    const { user } = await person();
    const { user: other } = await person();
    await db.$transaction((tx) => queueNotification(tx, received(user.id, { dedupeKey: "concern:1" })));
    await db.$transaction((tx) => queueNotification(tx, received(user.id, { dedupeKey: "concern:1" })));
    await queueNotification(db, received(other.id, { dedupeKey: "concern:1" }));
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: other.id } })).toBe(1);
    await deliverNotifications();
    expect(mailbox.messagesTo(user.email)).toHaveLength(1);
  });

  it("refuses a link off the portal", async () => {
    const { user } = await person();
    await expect(queueNotification(db, { ...received(user.id), url: "https://evil.example/x" })).rejects.toThrow();
    await expect(queueNotification(db, { ...received(user.id), url: "//evil.example/x" })).rejects.toThrow();
  });
});

describe("sending", () => {
  it("sends with the link, the settings link and the RFC 8058 headers; security emails have none", async () => {
    const { user } = await person();
    await queueNotification(db, received(user.id));
    expect(await deliverNotifications()).toBeGreaterThanOrEqual(1);
    const [mail] = mailbox.messagesTo(user.email);
    expect(mail!.subject).toBe("A safety concern has arrived in Wessex");
    expect(mail!.text).toContain("http://portal.test/concerns/triage/abc");
    expect(mail!.text).toContain("http://portal.test/account/notifications");
    const token = unsubscribeToken(user.id, "concern.received");
    expect(mail!.text).toContain(`http://portal.test/notifications/unsubscribe/${token}`);
    expect(mail!.listUnsubscribe).toBe(`<http://portal.test/notifications/unsubscribe/${token}>`);
    expect(mail!.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
    const row = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.sentAt).not.toBeNull();

    await requestAccountEmail("password-reset", user.email);
    await deliverAccountEmails();
    const reset = mailbox.messagesTo(user.email).find((m) => m.subject.includes("Reset"));
    expect(reset).toBeDefined();
    expect(reset!.listUnsubscribe).toBeNull();
    expect(reset!.listUnsubscribePost).toBeNull();
    expect(reset!.text).not.toContain("unsubscribe");
  });

  it("sends urgent concerns whatever the setting, with no unsubscribe that could not work", async () => {
    const { user, viewer } = await person();
    await saveNotificationSettings(viewer, { "concern.received": "OFF" });
    await queueNotification(db, {
      ...received(user.id),
      kind: "concern.urgent",
      subject: "Urgent: a concern in Wessex may describe someone in danger now",
    });
    await deliverNotifications();
    const [mail] = mailbox.messagesTo(user.email);
    expect(mail!.subject).toContain("danger now");
    expect(mail!.listUnsubscribe).toBeNull();
    expect(mail!.text).toContain("cannot be turned off");
  });

  it("sends nothing when the person turned the kind off, even one queued before", async () => {
    const { user, viewer } = await person();
    await queueNotification(db, received(user.id));
    await saveNotificationSettings(viewer, { "concern.received": "OFF" });
    await deliverNotifications();
    expect(mailbox.messagesTo(user.email)).toHaveLength(0);
    const row = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.skippedAt).not.toBeNull();
    expect(row.sentAt).toBeNull();
  });

  it("retries after the mail server fails, records the failure, and sends once it is back", async () => {
    const { user } = await person();
    await mailbox.stop();
    try {
      await queueNotification(db, received(user.id));
      expect(await deliverNotifications()).toBe(0);
      const failed = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
      expect(failed).toMatchObject({ attempts: 1, sentAt: null });
      expect(failed.failedAt).not.toBeNull();
      expect(failed.lastError).toBeTruthy();
      // Not again before its delay is up.
      await deliverNotifications();
      expect((await db.notification.findFirstOrThrow({ where: { userId: user.id } })).attempts).toBe(1);
      // Still down at the next try: the delay grows.
      await deliverNotifications(later(2));
      const twice = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
      expect(twice.attempts).toBe(2);
      expect(twice.failedAt).toEqual(failed.failedAt);
      expect(twice.nextAttemptAt.getTime()).toBeGreaterThan(later(3).getTime());
    } finally {
      mailbox = await startMailbox();
    }
    await deliverNotifications(later(10));
    const sent = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(sent.sentAt).not.toBeNull();
    expect(mailbox.messagesTo(user.email)).toHaveLength(1);
  });

  it("gives up after the last attempt, and keeps the row until retention removes it", async () => {
    const { user } = await person();
    await queueNotification(db, received(user.id));
    await db.notification.updateMany({
      where: { userId: user.id },
      data: { attempts: MAX_ATTEMPTS, failedAt: new Date("2026-01-01"), createdAt: new Date("2026-01-01") },
    });
    await deliverNotifications(later(100));
    expect(mailbox.messagesTo(user.email)).toHaveLength(0);
    await deleteOldNotifications(new Date("2026-06-01"));
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the daily summary", () => {
  it("holds a kind set to the summary, then sends one email listing them", async () => {
    const { user, viewer } = await person();
    await saveNotificationSettings(viewer, { "concern.received": "DIGEST" });
    await queueNotification(db, received(user.id, { subject: "First concern", dedupeKey: "d1" }));
    await queueNotification(db, received(user.id, { subject: "Second concern", dedupeKey: "d2" }));
    await deliverNotifications();
    expect(mailbox.messagesTo(user.email)).toHaveLength(0);

    await queueDigests(new Date("2031-05-06T06:30:00Z"));
    await queueDigests(new Date("2031-05-06T06:31:00Z")); // a retried run: no second summary
    await deliverNotifications();
    const mails = mailbox.messagesTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Your daily summary: 2 new items");
    expect(mails[0]!.text).toContain("First concern");
    expect(mails[0]!.text).toContain("Second concern");
    expect(mails[0]!.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");

    // Unsubscribing from the summary turns off what went into it.
    expect(await unsubscribe(ANONYMOUS, unsubscribeToken(user.id, "concern.digest"))).toEqual({
      kind: "concern.digest",
    });
    const setting = await db.notificationPreference.findUniqueOrThrow({
      where: { userId_kind: { userId: user.id, kind: "concern.received" } },
    });
    expect(setting.delivery).toBe("OFF");
  });
});

describe("settings and unsubscribing", () => {
  it("a person changes only their own settings", async () => {
    const { user, viewer } = await person();
    await saveNotificationSettings(viewer, { "concern.received": "DIGEST", "round.opened": "OFF" });
    const rows = await db.notificationPreference.findMany({ where: { userId: user.id }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.delivery])).toEqual([
      ["concern.received", "DIGEST"],
      ["round.opened", "OFF"],
    ]);
    await rejection(saveNotificationSettings(ANONYMOUS, { "concern.received": "OFF" }), ForbiddenError);
  });

  it("refuses a choice a kind does not allow", async () => {
    const { viewer } = await person();
    await expect(saveNotificationSettings(viewer, { "membership.decided": "DIGEST" })).rejects.toThrow(/cannot be set/);
  });

  it("turns a kind off from a token, and refuses a wrong or altered one", async () => {
    const { user } = await person();
    const { user: other } = await person();
    const token = unsubscribeToken(user.id, "concern.received");
    expect(await unsubscribe(ANONYMOUS, token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"))).toBeNull();
    // Someone else's id with this person's signature.
    const forged = `${Buffer.from(`${other.id}:concern.received`).toString("base64url")}.${token.split(".")[1]}`;
    expect(await unsubscribe(ANONYMOUS, forged)).toBeNull();
    expect(await unsubscribe(ANONYMOUS, "nonsense")).toBeNull();
    expect(await db.notificationPreference.count({ where: { userId: { in: [user.id, other.id] } } })).toBe(0);

    expect(await unsubscribe(ANONYMOUS, token)).toEqual({ kind: "concern.received" });
    await queueNotification(db, received(user.id));
    await deliverNotifications();
    expect(mailbox.messagesTo(user.email)).toHaveLength(0);
  });

  it("leaves urgent concerns on, whatever token is presented", async () => {
    const { user } = await person();
    await unsubscribe(ANONYMOUS, unsubscribeToken(user.id, "concern.urgent"));
    expect(await db.notificationPreference.count({ where: { userId: user.id } })).toBe(0);
  });
});
