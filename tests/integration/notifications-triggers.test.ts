// What queues a notification (issue 16) and the safety controls of issue 23: leads hear about every
// concern (urgent ones at once, whatever their setting; held ones only when released), a reminder a
// working day before acknowledgement falls overdue, answers to questions, and failures that leads and
// administrators can see, without the notifications' content.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${31000 + Math.floor(Math.random() * 2000)}`;
  process.env.NEXTAUTH_URL = "http://portal.test";
});

import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { createCast, createUser, type Cast } from "@/tests/fixtures/factories";
import { rejection, startMailbox } from "@/tests/fixtures/accounts";
import { concernForm, createConcern, submitOrThrow } from "@/tests/fixtures/concerns";
import { insertLearningItem, nonsenseWord } from "@/tests/fixtures/learning";
import { markConcernRead, queueAcknowledgementReminders, releaseHeldConcern } from "@/lib/concerns/mutations";
import { getConcernForTriage } from "@/lib/concerns/queries";
import { createComment } from "@/lib/learning/mutations";
import { deliverNotifications as deliverAll, saveNotificationSettings } from "@/lib/notifications/mutations";
import { notDeliveredNotifications } from "@/lib/notifications/queries";
import { getConcerns, getDashboardReference, knownValues } from "@/lib/dashboard/queries";
import { parseDashboardFilters } from "@/lib/dashboard/filters";

let cast: Cast;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  cast = await createCast();
  for (const v of Object.values(cast.viewers)) if (v.email) emails.add(v.email);
  mailbox = await startMailbox();
});

afterAll(async () => {
  await mailbox.stop();
});

/** This file's people only: other test files share the database and send their own. */
const deliverNotifications = async () =>
  deliverAll(new Date(), {
    userIds: (await db.user.findMany({ where: { email: { in: [...emails] } }, select: { id: true } })).map((u) => u.id),
  });
const emails = new Set<string>();

const forLead = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("a concern arriving", () => {
  it("queues one email per lead of its collaborative, in its transaction, without its words or reporter", async () => {
    const leadA = cast.viewers.leadA;
    const sent = await submitOrThrow(
      concernForm({ whatHappened: "My dad fell on the ward at night; the buzzer was out of reach." }),
    );
    const concern = await db.concern.findUniqueOrThrow({ where: { reference: sent.reference } });
    const rows = (await forLead(leadA.userId!)).filter((n) => n.dedupeKey === `concern.arrived:${concern.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "concern.received",
      url: `/collaboratives/wessex/concerns/${concern.id}`,
      collaborativeId: concern.collaborativeId,
    });
    // Nobody in another collaborative.
    expect((await forLead(cast.viewers.leadB.userId!)).some((n) => n.dedupeKey?.includes(concern.id))).toBe(false);

    await deliverNotifications();
    const mail = mailbox.messagesTo(leadA.email!).find((m) => m.text.includes(sent.reference))!;
    expect(mail.subject).toMatch(/^A safety concern has arrived in Wessex/);
    expect(mail.text).toContain("Area: Falls");
    expect(mail.text).toContain(`http://portal.test/collaboratives/wessex/concerns/${concern.id}`);
    expect(mail.text).not.toContain("buzzer");
    expect(mail.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
  });

  it("emails urgent concerns at once even to a lead on the daily summary, and says why", async () => {
    const { user, viewer } = await createUser({ memberships: { wessex: "LEAD" } });
    emails.add(user.email);
    await saveNotificationSettings(viewer, { "concern.received": "DIGEST" });
    const sent = await submitOrThrow(
      concernForm({ whatHappened: "The carer is hitting my mother and it is still happening." }),
    );
    await deliverNotifications();
    const mail = mailbox.messagesTo(user.email).find((m) => m.text.includes(sent.reference))!;
    expect(mail.subject).toContain("may describe someone in danger now");
    expect(mail.text).not.toContain("hitting");
    expect(mail.listUnsubscribe).toBeNull();
  });

  it("treats danger written only under 'what would have helped' as urgent everywhere: the sender's help page, the leads' email and triage", async () => {
    // One rule for every answer: the sender was shown urgent help, so the leads must hear at once too.
    const { user, viewer } = await createUser({ memberships: { wessex: "LEAD" } });
    emails.add(user.email);
    await saveNotificationSettings(viewer, { "concern.received": "DIGEST" });
    const form = concernForm({
      whatHappened: "My father was moved to another ward at night.",
      impact: "He was confused.",
      whatWouldHaveHelped: "Someone checking on him: he is not safe on his own.",
    });
    const sent = await submitOrThrow(form);
    expect(sent.urgent).toBe(true);
    await deliverNotifications();
    const mail = mailbox.messagesTo(user.email).find((m) => m.text.includes(sent.reference))!;
    expect(mail.subject).toContain("may describe someone in danger now");
    const concern = await db.concern.findUniqueOrThrow({ where: { reference: sent.reference } });
    expect((await getConcernForTriage(viewer, concern.id)).mayBeUrgent).toBe(true);
  });

  it("tells nobody about a held concern until a lead releases it", async () => {
    const { user, viewer } = await createUser({ memberships: { wessex: "LEAD" } });
    const sent = await submitOrThrow(concernForm({ website: "https://autofill.example" }));
    const concern = await db.concern.findUniqueOrThrow({ where: { reference: sent.reference } });
    expect(await db.notification.count({ where: { dedupeKey: `concern.arrived:${concern.id}` } })).toBe(0);
    await releaseHeldConcern(viewer, { concernId: concern.id });
    expect(
      await db.notification.count({ where: { userId: user.id, dedupeKey: `concern.arrived:${concern.id}` } }),
    ).toBe(1);
  });
});

describe("the acknowledgement reminder", () => {
  it("reminds each lead once, a working day before the concern falls overdue", async () => {
    const { user } = await createUser({ memberships: { wessex: "LEAD" } });
    const wessex = await db.collaborative.findUniqueOrThrow({ where: { slug: "wessex" } });
    // Received Monday 2 March 2026; 5 working days: due Monday 9 March, overdue from Tuesday 10 March.
    const concern = await createConcern(wessex.id, { receivedAt: new Date("2026-03-02T10:00:00Z") });
    const acknowledged = await createConcern(wessex.id, {
      receivedAt: new Date("2026-03-02T10:00:00Z"),
      status: "ACKNOWLEDGED",
      acknowledgedAt: new Date("2026-03-03T10:00:00Z"),
    });
    const mine = async () =>
      (await forLead(user.id)).filter((n) => n.kind === "concern.ack-due").map((n) => n.dedupeKey);

    await queueAcknowledgementReminders(new Date("2026-03-05T09:00:00Z")); // Thursday: too early
    expect(await mine()).toEqual([]);
    await queueAcknowledgementReminders(new Date("2026-03-06T09:00:00Z")); // Friday: the working day before
    await queueAcknowledgementReminders(new Date("2026-03-06T10:00:00Z")); // the next hour: nothing new
    await queueAcknowledgementReminders(new Date("2026-03-09T09:00:00Z")); // the due day: nothing new
    expect(await mine()).toEqual([`concern.ack-due:${concern.id}`]);
    expect(await mine()).not.toContain(`concern.ack-due:${acknowledged.id}`);
  });
});

describe("an answer to a question", () => {
  it("tells the person who asked, not the person who answered", async () => {
    const { user: asker, viewer: askerViewer } = await createUser({ memberships: { oxford: "STAFF" } });
    const item = await insertLearningItem({
      authorId: cast.viewers.staffA.userId!,
      collaborativeId: cast.collaborativeA.id,
      title: `Answered ${nonsenseWord()}`,
      publishedAt: new Date("2026-01-01"),
    });
    const question = await createComment(askerViewer, {
      learningItemId: item.id,
      parentId: null,
      body: "How did you get night staff on board?",
    });
    await createComment(askerViewer, { learningItemId: item.id, parentId: question.id, body: "Adding detail." });
    expect(await db.notification.count({ where: { userId: asker.id } })).toBe(0);
    const answer = await createComment(cast.viewers.staffA, {
      learningItemId: item.id,
      parentId: question.id,
      body: "We asked them to choose the change.",
    });
    const [row] = await forLead(asker.id);
    expect(row).toMatchObject({ kind: "learning.answered", url: `/learning/${item.slug}#comment-${answer.id}` });
    expect(row!.text).not.toContain("choose the change");
  });
});

describe("failures are visible, never their content", () => {
  it("counts failed notifications by kind for the collaborative's leads and for administrators", async () => {
    const wessex = cast.collaborativeA;
    const { user } = await createUser({ memberships: { wessex: "LEAD" } });
    await db.notification.create({
      data: {
        userId: user.id,
        kind: "concern.urgent",
        subject: "s",
        text: "t",
        url: "/x",
        collaborativeId: wessex.id,
        attempts: 3,
        failedAt: new Date("2026-12-01T09:00:00Z"),
        lastError: "connect ECONNREFUSED",
      },
    });
    const forA = await notDeliveredNotifications(cast.viewers.leadA, wessex.id);
    expect(forA.find((f) => f.kind === "concern.urgent")).toMatchObject({ count: 1 });
    expect(Object.keys(forA[0]!).sort()).toEqual(["count", "kind", "since"]);
    expect(await notDeliveredNotifications(cast.viewers.leadB, cast.collaborativeB.id)).toEqual([]);
    expect((await notDeliveredNotifications(cast.viewers.admin)).length).toBeGreaterThan(0);
    await rejection(notDeliveredNotifications(cast.viewers.leadB, wessex.id), ForbiddenError);
    await rejection(notDeliveredNotifications(cast.viewers.staffA, wessex.id), ForbiddenError);
    await rejection(notDeliveredNotifications(cast.viewers.leadA), ForbiddenError);
  });
});

describe("urgent concerns unread after a working day (the national dashboard)", () => {
  it("counts those no lead opened by the end of the next working day", async () => {
    const oxford = cast.collaborativeB;
    const urgent = "She said she is not safe at home.";
    // Thursday 5 November 2026: read by the end of Friday 6 November counts as read in time.
    const readInTime = await createConcern(oxford.id, {
      receivedAt: new Date("2026-11-05T10:00:00Z"),
      whatHappened: urgent,
    });
    const readLate = await createConcern(oxford.id, {
      receivedAt: new Date("2026-11-05T11:00:00Z"),
      whatHappened: urgent,
    });
    await createConcern(oxford.id, { receivedAt: new Date("2026-11-05T12:00:00Z"), whatHappened: urgent }); // never read
    await createConcern(oxford.id, { receivedAt: new Date("2026-11-05T12:00:00Z") }); // not urgent, never read
    await markConcernRead(cast.viewers.leadB, readInTime, new Date("2026-11-06T16:00:00Z"));
    await markConcernRead(cast.viewers.leadB, readLate, new Date("2026-11-09T09:00:00Z"));
    // The national team opening it does not count as read.
    const unreadByLead = await createConcern(oxford.id, {
      receivedAt: new Date("2026-11-05T12:00:00Z"),
      whatHappened: urgent,
    });
    await markConcernRead(cast.viewers.national, unreadByLead, new Date("2026-11-05T13:00:00Z"));
    expect((await db.concern.findUniqueOrThrow({ where: { id: unreadByLead.id } })).firstReadAt).toBeNull();

    const filters = parseDashboardFilters(
      { from: "2026-11", to: "2026-11", collaborative: "oxford" },
      knownValues(await getDashboardReference()),
    ).filters;
    const concerns = await getConcerns(cast.viewers.national, { kind: "national" }, filters);
    expect(concerns.urgentUnreadAfterWorkingDay).toBe(3);
    expect(concerns.byCollaborative.find((c) => c.slug === "oxford")!.urgentUnreadAfterWorkingDay).toBe(3);
  });
});
