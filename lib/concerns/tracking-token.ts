// The private tracking link's token. Only its SHA-256 is stored, so a copy of the database does not
// open anyone's tracking page. The token is derived (HMAC-SHA-256, 32 bytes) from the submission's
// idempotency key with a server secret, rather than drawn at random, so that a retried or
// double-clicked submission can show the reporter the same working link again: the idempotency key
// is random (128 bits) and only ever known to the reporter's browser, and without the server secret
// it gives nothing away. The key itself is stored only as a keyed hash (another secret derived from
// the same setting), so a database copy holds nothing that could be posted to get the link back.
import "server-only";
import { createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

/** What is stored to find a retried submission: HMAC-SHA-256 of the key, hex. */
export function idempotencyKeyHash(idempotencyKey: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(`concern-idempotency:${idempotencyKey}`).digest("hex");
}

/** The secret for idempotencyKeyHash, derived (HKDF) from CONCERN_ENCRYPTION_KEY's 32 bytes. */
export function idempotencySecretFrom(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", encryptionKey, Buffer.alloc(0), "psc concern idempotency key", 32));
}

export function trackingTokenFor(idempotencyKey: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(`concern-tracking:${idempotencyKey}`).digest("base64url");
}

/**
 * A replacement token ("I lost my link"): drawn at random, not derived from the idempotency key, so a
 * retry of the original form post (which can only derive the old token) never learns the new link.
 */
export function newTrackingToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the confirmation cookie carries instead of a token when a retried form post finds that the
 * concern's link was replaced since: proof (keyed by the tracking secret) that this server answered
 * that post for this reference, so the confirmation page can show the reference, and no link.
 */
export function replacedLinkReceipt(reference: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(`concern-link-replaced:${reference}`).digest("base64url");
}

/** A keyed hash of an email address (capitals and spaces around it do not matter), to compare without keeping it. */
export function emailMatchHash(email: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(`concern-email:${email.trim().toLowerCase()}`).digest("hex");
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
