// The one-click unsubscribe token in every notification email (RFC 8058): the person's id and the kind,
// with an HMAC-SHA-256 over both, keyed by a secret derived (HKDF) from NEXTAUTH_SECRET. Nothing is
// stored; without the secret a token cannot be made, and changing either part breaks the HMAC.
import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isNotificationKind, type NotificationKind } from "./kinds";
import { UNSUBSCRIBE_TOKEN_PATTERN } from "./unsubscribe-token-pattern";

function secret(): Buffer {
  const value = env().NEXTAUTH_SECRET;
  if (!value) throw new Error("Configuration error: NEXTAUTH_SECRET is not set.");
  return Buffer.from(hkdfSync("sha256", value, Buffer.alloc(0), "psc notification unsubscribe", 32));
}

function mac(userId: string, kind: string): Buffer {
  return createHmac("sha256", secret()).update(`notification-unsubscribe:${userId}:${kind}`).digest();
}

export function unsubscribeToken(userId: string, kind: NotificationKind): string {
  const subject = Buffer.from(`${userId}:${kind}`).toString("base64url");
  return `${subject}.${mac(userId, kind).toString("base64url")}`;
}

/** Who and what a token is for; null for anything not made by unsubscribeToken with this secret. */
export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return null;
  const [subject, signature] = token.split(".") as [string, string];
  const [userId, kind, ...rest] = Buffer.from(subject, "base64url").toString("utf8").split(":");
  if (!userId || !kind || rest.length > 0 || !isNotificationKind(kind)) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(userId, kind);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind };
}
