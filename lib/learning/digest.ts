/**
 * The weekly learning digest: for each person who follows priority areas or learning items, one
 * plain-text email of what was published in the areas they follow and of adoptions of what they
 * follow, since their previous digest. Run by pg-boss (lib/learning/jobs.ts), never by a timer.
 *
 * Idempotent per week: a LearningDigest row for (person, week) is claimed before the email is sent,
 * so a retried or doubled run sends nothing twice; if sending fails the claim is released for the
 * retry. People with nothing new get no email and their next digest covers the longer window.
 */
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AdoptionStatus } from "@/lib/generated/prisma/enums";
import { sendEmail, type Email } from "@/lib/mail/send";
import { adoptionStatusLabel, learningTypeLabel } from "./labels";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const ADOPTION_VERB: Record<AdoptionStatus, string> = {
  CONSIDERING: "is considering it",
  TESTING: "is testing it",
  ADOPTED: "has adopted it",
  SUSTAINED: "has sustained it",
  NOT_ADOPTED: "decided not to adopt it",
};

/** Monday (Europe/London) of the week containing `now`, as a UTC calendar date. */
export function digestWeekStart(now: Date): Date {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const londonDay = Date.UTC(Number(part("year")), Number(part("month")) - 1, Number(part("day")));
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(part("weekday"));
  return new Date(londonDay - weekday * 24 * 60 * 60 * 1000);
}

export type DigestItem = {
  slug: string;
  title: string;
  summary: string;
  type: keyof typeof learningTypeLabel;
  collaborativeName: string | null;
  areas: string[];
};
export type DigestAdoption = {
  slug: string;
  title: string;
  organisationName: string | null;
  collaborativeName: string;
  fromStatus: AdoptionStatus | null;
  toStatus: AdoptionStatus;
};

/** The email's text. Pure. */
export function digestEmail(input: {
  to: string;
  name: string;
  baseUrl: string;
  items: DigestItem[];
  adoptions: DigestAdoption[];
}): Email {
  const { baseUrl, items, adoptions } = input;
  const counts = [
    items.length > 0 ? `${items.length} new ${items.length === 1 ? "item" : "items"}` : null,
    adoptions.length > 0 ? `${adoptions.length} adoption ${adoptions.length === 1 ? "update" : "updates"}` : null,
  ].filter(Boolean);
  const lines: string[] = [`Hello ${input.name},`, "", "Here is what is new in the shared learning you follow."];
  if (items.length > 0) {
    lines.push("", "NEW LEARNING IN THE PRIORITY AREAS YOU FOLLOW", "");
    for (const item of items) {
      lines.push(`* ${item.title}`);
      lines.push(
        `  ${learningTypeLabel[item.type]}${item.collaborativeName ? ` from ${item.collaborativeName}` : " from the national team"} (${item.areas.join(", ")})`,
      );
      if (item.summary) lines.push(`  ${item.summary}`);
      lines.push(`  ${baseUrl}/learning/${item.slug}`, "");
    }
  }
  if (adoptions.length > 0) {
    lines.push("", "ADOPTION AND SPREAD", "");
    for (const a of adoptions) {
      const who = a.organisationName ? `${a.organisationName} (${a.collaborativeName})` : a.collaborativeName;
      const was = a.fromStatus ? ` (was ${adoptionStatusLabel[a.fromStatus].toLowerCase()})` : "";
      lines.push(
        `* ${a.title}`,
        `  ${who} ${ADOPTION_VERB[a.toStatus]}${was}`,
        `  ${baseUrl}/learning/${a.slug}#spread`,
        "",
      );
    }
  }
  lines.push(
    "",
    `Change what you follow, or stop these emails: ${baseUrl}/learning/following`,
    "",
    "Patient Safety Collaboratives",
  );
  return { to: input.to, subject: `Shared learning this week: ${counts.join(" and ")}`, text: lines.join("\n") };
}

type Recipient = { id: string; email: string; name: string; areaIds: string[]; itemIds: string[]; windowStart: Date };

async function recipients(now: Date, weekStart: Date): Promise<Recipient[]> {
  const users = await db.user.findMany({
    where: { erasedAt: null, follows: { some: {} }, learningDigests: { none: { weekStart } } },
    select: {
      id: true,
      email: true,
      name: true,
      follows: { select: { priorityAreaId: true, learningItemId: true } },
      learningDigests: {
        where: { sentAt: { not: null } },
        orderBy: { windowEnd: "desc" },
        take: 1,
        select: { windowEnd: true },
      },
    },
    orderBy: { id: "asc" },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    areaIds: u.follows.flatMap((f) => (f.priorityAreaId ? [f.priorityAreaId] : [])),
    itemIds: u.follows.flatMap((f) => (f.learningItemId ? [f.learningItemId] : [])),
    // A first digest looks back one week.
    windowStart: u.learningDigests[0]?.windowEnd ?? new Date(now.getTime() - WEEK_MS),
  }));
}

async function digestContent(
  r: Recipient,
  windowEnd: Date,
): Promise<{ items: DigestItem[]; adoptions: DigestAdoption[] }> {
  const window = { gte: r.windowStart, lt: windowEnd };
  const [items, changes] = await Promise.all([
    r.areaIds.length === 0
      ? Promise.resolve([])
      : db.learningItem.findMany({
          where: {
            status: "PUBLISHED",
            publishedAt: window,
            priorities: { some: { priorityAreaId: { in: r.areaIds } } },
          },
          select: {
            slug: true,
            title: true,
            summary: true,
            type: true,
            collaborative: { select: { name: true } },
            priorities: { select: { priorityArea: { select: { id: true, name: true } } } },
          },
          orderBy: { publishedAt: "asc" },
          take: 50,
        }),
    db.adoptionStatusChange.findMany({
      where: {
        changedAt: window,
        adoption: {
          learningItem: {
            status: "PUBLISHED",
            OR: [
              { id: { in: r.itemIds } },
              ...(r.areaIds.length > 0 ? [{ priorities: { some: { priorityAreaId: { in: r.areaIds } } } }] : []),
            ],
          },
        },
      },
      select: {
        fromStatus: true,
        toStatus: true,
        adoption: {
          select: {
            collaborative: { select: { name: true } },
            organisation: { select: { name: true } },
            learningItem: { select: { slug: true, title: true } },
          },
        },
      },
      orderBy: { changedAt: "asc" },
      take: 50,
    }),
  ]);
  return {
    items: items.map((i) => ({
      slug: i.slug,
      title: i.title,
      summary: i.summary,
      type: i.type,
      collaborativeName: i.collaborative?.name ?? null,
      areas: i.priorities.filter((p) => r.areaIds.includes(p.priorityArea.id)).map((p) => p.priorityArea.name),
    })),
    adoptions: changes.map((c) => ({
      slug: c.adoption.learningItem.slug,
      title: c.adoption.learningItem.title,
      organisationName: c.adoption.organisation?.name ?? null,
      collaborativeName: c.adoption.collaborative.name,
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
    })),
  };
}

export type DigestRunResult = { sent: number; nothingNew: number; alreadySent: number; failed: number };

export async function runLearningDigest(
  options: { now?: Date; send?: (email: Email) => Promise<void> } = {},
): Promise<DigestRunResult> {
  const now = options.now ?? new Date();
  const send = options.send ?? sendEmail;
  const weekStart = digestWeekStart(now);
  const baseUrl = (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const result: DigestRunResult = { sent: 0, nothingNew: 0, alreadySent: 0, failed: 0 };

  for (const r of await recipients(now, weekStart)) {
    const content = await digestContent(r, now);
    if (content.items.length === 0 && content.adoptions.length === 0) {
      result.nothingNew++;
      continue;
    }
    let claimId: string;
    try {
      const claim = await db.learningDigest.create({
        data: {
          userId: r.id,
          weekStart,
          windowStart: r.windowStart,
          windowEnd: now,
          itemCount: content.items.length,
          adoptionCount: content.adoptions.length,
        },
        select: { id: true },
      });
      claimId = claim.id;
    } catch (error) {
      // Another run claimed this person's week first.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        result.alreadySent++;
        continue;
      }
      throw error;
    }
    try {
      await send(digestEmail({ to: r.email, name: r.name, baseUrl, ...content }));
      await db.learningDigest.update({ where: { id: claimId }, data: { sentAt: new Date() } });
      result.sent++;
    } catch (error) {
      console.error("[jobs] learning digest: sending failed", error instanceof Error ? error.message : error);
      await db.learningDigest.delete({ where: { id: claimId } }).catch(() => {});
      result.failed++;
    }
  }
  // A failure makes the job fail, so pg-boss retries it; people already sent to are skipped.
  if (result.failed > 0) throw new Error(`Learning digest: ${result.failed} email(s) could not be sent`);
  return result;
}
