// The weekly learning digest, sent through real SMTP to the local mail capture.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/env is first read: mail goes to this file's own capture server.
vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${27000 + Math.floor(Math.random() * 2000)}`;
  process.env.NEXTAUTH_URL = "http://portal.test";
});

import { db } from "@/lib/db";
import { collaborative, createUser } from "@/tests/fixtures/factories";
import { startMailbox } from "@/tests/fixtures/accounts";
import { areaId, insertAdoption, insertLearningItem, nonsenseWord } from "@/tests/fixtures/learning";
import { digestWeekStart, runLearningDigest } from "@/lib/learning/digest";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  mailbox = await startMailbox();
});

afterAll(async () => {
  await mailbox.stop();
});

describe("digestWeekStart", () => {
  it("is the Monday of the week in UK time", () => {
    expect(digestWeekStart(new Date("2026-03-04T12:00:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z"); // Wednesday
    expect(digestWeekStart(new Date("2026-03-02T00:30:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z"); // Monday
    expect(digestWeekStart(new Date("2026-03-08T23:59:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z"); // Sunday
    // 23:30 UTC on Sunday 28 June is already Monday in British Summer Time.
    expect(digestWeekStart(new Date("2026-06-28T23:30:00Z")).toISOString()).toBe("2026-06-29T00:00:00.000Z");
  });
});

describe("the weekly digest", () => {
  it("emails new learning in followed areas and adoptions of followed items, once per week", async () => {
    const wessex = await collaborative("wessex");
    const oxford = await collaborative("oxford");
    const { user: author } = await createUser({ memberships: { wessex: "STAFF" } });
    const { user: follower } = await createUser({ memberships: { oxford: "STAFF" } });
    const { user: bystander } = await createUser({ memberships: { oxford: "STAFF" } });
    const area = await db.priorityArea.create({
      data: {
        slug: `area-${nonsenseWord(6)}`,
        name: `Area ${nonsenseWord(6)}`,
        kind: "LOCAL",
        collaborativeId: wessex.id,
      },
    });
    const monday = new Date("2031-03-03T07:00:00Z");
    const lastWeek = new Date("2031-02-27T10:00:00Z");

    const followedItem = await insertLearningItem({
      authorId: author.id,
      collaborativeId: wessex.id,
      title: `Followed ${nonsenseWord()}`,
      publishedAt: new Date("2030-12-01"),
      areaSlugs: ["infections"],
    });
    const inArea = await insertLearningItem({
      authorId: author.id,
      collaborativeId: wessex.id,
      title: `In the area ${nonsenseWord()}`,
      summary: "Short summary.",
      publishedAt: lastWeek,
      areaSlugs: [area.slug],
    });
    const tooOld = await insertLearningItem({
      authorId: author.id,
      collaborativeId: wessex.id,
      title: `Too old ${nonsenseWord()}`,
      publishedAt: new Date("2031-01-01"),
      areaSlugs: [area.slug],
    });
    const draft = await insertLearningItem({
      authorId: author.id,
      collaborativeId: wessex.id,
      title: `Draft ${nonsenseWord()}`,
      status: "DRAFT",
      areaSlugs: [area.slug],
    });
    await insertAdoption({
      learningItemId: followedItem.id,
      collaborativeId: oxford.id,
      recordedById: follower.id,
      status: "TESTING",
      at: lastWeek,
    });

    await db.follow.createMany({
      data: [
        { userId: follower.id, priorityAreaId: area.id },
        { userId: follower.id, learningItemId: followedItem.id },
        { userId: bystander.id, priorityAreaId: await areaId("medication-safety") },
      ],
    });

    const first = await runLearningDigest({ now: monday });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mail = mailbox.messagesTo(follower.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Shared learning this week: 1 new item and 1 adoption update");
    expect(mail[0]!.text).toContain(inArea.title);
    expect(mail[0]!.text).toContain(`http://portal.test/learning/${inArea.slug}`);
    expect(mail[0]!.text).toContain(followedItem.title);
    expect(mail[0]!.text).toContain("Oxford Patient Safety Collaborative is testing it");
    expect(mail[0]!.text).not.toContain(tooOld.title);
    expect(mail[0]!.text).not.toContain(draft.title);
    // Nothing new in what the bystander follows: no email.
    expect(mailbox.messagesTo(bystander.email)).toHaveLength(0);

    // The same week again (a retry, or a second worker): nothing is sent twice.
    await runLearningDigest({ now: new Date(monday.getTime() + 60_000) });
    expect(mailbox.messagesTo(follower.email)).toHaveLength(1);
    expect(await db.learningDigest.count({ where: { userId: follower.id } })).toBe(1);

    // Next week: only what happened since the last digest.
    const later = await insertLearningItem({
      authorId: author.id,
      collaborativeId: wessex.id,
      title: `Later ${nonsenseWord()}`,
      publishedAt: new Date("2031-03-05T10:00:00Z"),
      areaSlugs: [area.slug],
    });
    await runLearningDigest({ now: new Date("2031-03-10T07:00:00Z") });
    const second = mailbox.messagesTo(follower.email).find((m) => m.text.includes(later.title));
    expect(second).toBeDefined();
    expect(second!.subject).toBe("Shared learning this week: 1 new item");
    expect(second!.text).not.toContain(inArea.title);
  });

  it("releases the week's claim when sending fails, so the retry sends it", async () => {
    const wessex = await collaborative("wessex");
    const { user: author } = await createUser({ memberships: { wessex: "STAFF" } });
    const { user: follower } = await createUser({ memberships: { wessex: "STAFF" } });
    const area = await db.priorityArea.create({
      data: {
        slug: `area-${nonsenseWord(6)}`,
        name: `Area ${nonsenseWord(6)}`,
        kind: "LOCAL",
        collaborativeId: wessex.id,
      },
    });
    await db.follow.create({ data: { userId: follower.id, priorityAreaId: area.id } });
    const now = new Date("2032-03-01T07:00:00Z");
    await insertLearningItem({
      authorId: author.id,
      collaborativeId: wessex.id,
      title: `Retry ${nonsenseWord()}`,
      publishedAt: new Date("2032-02-27T10:00:00Z"),
      areaSlugs: [area.slug],
    });

    await expect(runLearningDigest({ now, send: () => Promise.reject(new Error("SMTP down")) })).rejects.toThrow(
      /could not be sent/,
    );
    expect(await db.learningDigest.count({ where: { userId: follower.id } })).toBe(0);
    await runLearningDigest({ now });
    expect(mailbox.messagesTo(follower.email)).toHaveLength(1);
    expect(await db.learningDigest.findFirstOrThrow({ where: { userId: follower.id } })).toMatchObject({
      itemCount: 1,
      sentAt: expect.any(Date),
    });
  });
});
