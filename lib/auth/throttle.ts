// Fixed-window throttling stored in PostgreSQL (RateLimitBucket), so limits hold across processes
// and restarts. A slot is taken atomically BEFORE the expensive or sensitive work, so a burst of
// parallel attempts cannot slip past the limit; callers may give the slot back when the attempt
// succeeded (sign-in), so only failures use up the allowance.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { THROTTLE_WINDOW_HOURS, hoursMs } from "@/lib/privacy/retention-schedule";
import { RateLimitError } from "@/lib/errors";

export type Limit = { key: string; limit: number; windowSeconds: number };

/**
 * The limits the portal uses; keys never hold an email in clear. Password guessing is limited three
 * ways (see signInLimits): tightly per account and address, loosely per account from addresses the
 * owner has not used, and per address across accounts. So an attacker cannot lock the owner out.
 */
export const limits = {
  signInAccountAddress: (email: string, ip: string): Limit => ({
    key: `sign-in:account-ip:${digest(email)}:${digest(ip)}`,
    limit: 10,
    windowSeconds: 15 * 60,
  }),
  signInAccount: (email: string): Limit => ({
    key: `sign-in:account:${digest(email)}`,
    limit: 50,
    windowSeconds: 15 * 60,
  }),
  signInIp: (ip: string): Limit => ({ key: `sign-in:ip:${ip}`, limit: 100, windowSeconds: 15 * 60 }),
  resetAccount: (email: string): Limit => ({ key: `reset:account:${digest(email)}`, limit: 3, windowSeconds: 60 * 60 }),
  resetIp: (ip: string): Limit => ({ key: `reset:ip:${ip}`, limit: 30, windowSeconds: 60 * 60 }),
  emailLinkAccount: (email: string): Limit => ({
    key: `email-link:account:${digest(email)}`,
    limit: 5,
    windowSeconds: 60 * 60,
  }),
  registerIp: (ip: string): Limit => ({ key: `register:ip:${ip}`, limit: 20, windowSeconds: 60 * 60 }),
};

/**
 * The limits a password check takes. `knownAddress`: the account signed in successfully from this
 * address recently, so the per-account limit (which guessing from elsewhere can use up) does not
 * apply there; guessing from that address is still limited per account and address.
 */
export function signInLimits(email: string, ip: string, knownAddress: boolean): Limit[] {
  return [
    limits.signInAccountAddress(email, ip),
    limits.signInIp(ip),
    ...(knownAddress ? [] : [limits.signInAccount(email)]),
  ];
}

function digest(value: string) {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("base64url").slice(0, 32);
}

function windowStartFor(limit: Limit, now: Date) {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

export type Slot = { limit: Limit; windowStart: Date };

/**
 * Takes one slot in each limit's current window (upsert-increment in one SQL statement per key).
 * Throws RateLimitError, after taking the slots, when any window is over its limit.
 */
export async function takeSlots(limitsToTake: Limit[], now = new Date()): Promise<Slot[]> {
  const slots: Slot[] = [];
  let retryAfterSeconds = 0;
  for (const limit of limitsToTake) {
    const windowStart = windowStartFor(limit, now);
    const [row] = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${limit.key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
      RETURNING "count"`;
    slots.push({ limit, windowStart });
    if (row!.count > limit.limit) {
      retryAfterSeconds = Math.max(
        retryAfterSeconds,
        (windowStart.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000,
      );
    }
  }
  if (retryAfterSeconds > 0) throw new RateLimitError(retryAfterSeconds);
  return slots;
}

/** Gives slots back (e.g. after a successful sign-in): only failed attempts count towards the limit. */
export async function returnSlots(slots: Slot[]): Promise<void> {
  for (const { limit, windowStart } of slots) {
    await db.$executeRaw`
      UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0)
      WHERE "key" = ${limit.key} AND "windowStart" = ${windowStart}`;
  }
}

/** Old windows are useless: the cleanup job removes them. */
export async function deleteExpiredBuckets(now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowStart" < ${new Date(now.getTime() - hoursMs(THROTTLE_WINDOW_HOURS))}`;
}
