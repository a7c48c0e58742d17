// The private tracking link's token. Only its SHA-256 is stored, so a copy of the database does not
// open anyone's tracking page. The token is derived (HMAC-SHA-256, 32 bytes) from the submission's
// idempotency key with a server secret, rather than drawn at random, so that a retried or
// double-clicked submission can show the reporter the same working link again: the idempotency key
// is random (128 bits) and only ever known to the reporter's browser, and without the server secret
// it gives nothing away.
import "server-only";
import { createHash, createHmac } from "node:crypto";

export function trackingTokenFor(idempotencyKey: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(`concern-tracking:${idempotencyKey}`).digest("base64url");
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A cheap shape check before any database look-up. Real tokens are 43 characters (32 bytes in
 * base64url); the range also admits the demo data's readable token.
 */
export const TRACKING_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** A token from what a person pasted: the whole tracking link or just its last part. */
export function tokenFromTypedLink(typed: string): string | null {
  const last =
    typed
      .trim()
      .replace(/[/?#]+$/, "")
      .split(/[/?#=]/)
      .at(-1) ?? "";
  return TRACKING_TOKEN_PATTERN.test(last) ? last : null;
}
