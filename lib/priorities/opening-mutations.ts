import "server-only";
// Opening a round, apart from the rest of the priorities' mutations because the rounds.open-scheduled job
// runs it in the worker process, which cannot load the form plumbing (lib/forms) that those import.
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { ParticipantGroup, RoundStatus } from "@/lib/generated/prisma/enums";
import { queueNotifications } from "@/lib/notifications/mutations";
import { formatDate, pluralise } from "@/lib/format";
import { participantGroupFor } from "./labels";

export type LockedRound = {
  id: string;
  collaborativeId: string;
  status: RoundStatus;
  closesAt: Date | null;
  version: number;
  participantGroups: ParticipantGroup[];
};

/**
 * Reads the round inside the transaction with a row lock. Writers that add to an open round take a
 * shared lock and closing takes an exclusive one, so nothing is added to a round once it has closed
 * (the database triggers would refuse it anyway).
 */
export async function lockRound(tx: Tx, roundId: string, mode: "share" | "update"): Promise<LockedRound | null> {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<
          LockedRound[]
        >`SELECT id, "collaborativeId", status::text AS status, "closesAt", version, "participantGroups"::text[] AS "participantGroups" FROM "PriorityRound" WHERE id = ${roundId} FOR UPDATE`
      : await tx.$queryRaw<
          LockedRound[]
        >`SELECT id, "collaborativeId", status::text AS status, "closesAt", version, "participantGroups"::text[] AS "participantGroups" FROM "PriorityRound" WHERE id = ${roundId} FOR SHARE`;
  return rows[0] ?? null;
}

/**
 * Opens the round inside the caller's transaction: only from DRAFT or SCHEDULED (the conditional update is
 * what makes a lead's "open now" and the job opening the same round at the same moment open it once).
 * Returns false when it had already opened.
 */
export async function openInTransaction(
  tx: Tx,
  round: { id: string; collaborativeId: string },
  actorId: string | null,
  now: Date,
): Promise<boolean> {
  const { count } = await tx.priorityRound.updateMany({
    where: { id: round.id, status: { in: ["DRAFT", "SCHEDULED"] } },
    // The version guards what a lead edits (title, description, dates); opening changes none of them.
    data: { status: "OPEN", openedAt: now },
  });
  if (count === 0) return false;
  const members = await roundMembers(tx, round.id);
  await notifyMembers(tx, round.id, members);
  await recordAudit(tx, {
    action: "round.opened",
    subjectType: "PriorityRound",
    subjectId: round.id,
    actorId,
    collaborativeId: round.collaborativeId,
    details: { by: actorId ? "lead" : "schedule", members: members.length },
  });
  return true;
}

/**
 * One "round.opened" email per person the round asks, queued in the transaction that opens it (so it
 * exists exactly when the round opened). Each person's settings decide whether and when it is sent;
 * the dedupe key (per round and person) means a retried opening never emails twice.
 */
async function notifyMembers(tx: Tx, roundId: string, members: { userId: string }[]) {
  const round = await tx.priorityRound.findUniqueOrThrow({
    where: { id: roundId },
    select: {
      title: true,
      closesAt: true,
      collaborative: { select: { name: true, slug: true } },
      _count: { select: { candidates: true } },
    },
  });
  const until = round.closesAt ? ` until the end of ${formatDate(round.closesAt)}` : "";
  const text = [
    `${round.collaborative.name} has opened a priority-setting round: "${round.title}".`,
    `As a member of the collaborative you can rank its ${pluralise(round._count.candidates, "candidate priority", "candidate priorities")}${until}, propose more and comment. The collaborative's leads then decide and explain why.`,
  ].join("\n\n");
  await queueNotifications(
    tx,
    members.map((m) => ({
      userId: m.userId,
      kind: "round.opened" as const,
      subject: `Have your say: ${round.title}`,
      text,
      url: `/collaboratives/${round.collaborative.slug}/rounds/${roundId}`,
      dedupeKey: `round.opened:${roundId}`,
    })),
  );
}

/** The people a round asks to rank: active members of its collaborative in its participant groups. */
async function roundMembers(tx: Tx, roundId: string) {
  const round = await tx.priorityRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { collaborativeId: true, participantGroups: true },
  });
  const roles = (["PATIENT", "STAFF", "LEAD"] as const).filter((role) =>
    round.participantGroups.includes(participantGroupFor(role)),
  );
  return tx.membership.findMany({
    where: {
      collaborativeId: round.collaborativeId,
      status: "ACTIVE",
      role: { in: [...roles] },
      user: { erasedAt: null },
    },
    select: { userId: true },
    distinct: ["userId"],
  });
}

/**
 * The rounds.open-scheduled job: opens every scheduled round whose time has come, each in its own
 * transaction. Safe to run again or at the same time as another run: a round opens once.
 */
export async function openScheduledRounds(now = new Date()): Promise<number> {
  const due = await db.priorityRound.findMany({
    where: { status: "SCHEDULED", opensAt: { lte: now } },
    orderBy: { opensAt: "asc" },
    select: { id: true, collaborativeId: true },
  });
  let opened = 0;
  for (const round of due) {
    const didOpen = await db.$transaction(async (tx) => {
      const locked = await lockRound(tx, round.id, "update");
      if (!locked || locked.status !== "SCHEDULED") return false;
      return openInTransaction(tx, round, null, now);
    });
    if (didOpen) opened++;
  }
  return opened;
}
