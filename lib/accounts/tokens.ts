import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random secret for a link (256 bits); only its hash is stored, so a database copy cannot be replayed. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The hash next-auth's email callback looks up (sha256 of token + secret). */
export function nextAuthVerificationHash(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}
