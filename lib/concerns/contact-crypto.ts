import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { idempotencySecretFrom } from "./tracking-token";

// Reporters' contact details are encrypted in the application (AES-256-GCM), so the database,
// its backups and anyone with SQL access see only ciphertext. Format: v1.<iv>.<tag>.<data>, base64url.
export type ContactDetails = { name?: string; email?: string; phone?: string };

function key(): Buffer {
  const raw = env().CONCERN_ENCRYPTION_KEY;
  if (!raw)
    throw new Error(
      "Configuration error: CONCERN_ENCRYPTION_KEY is not set (32 bytes, base64). npm start writes a development key into .env.local.",
    );
  const bytes = Buffer.from(raw, "base64");
  if (bytes.length !== 32)
    throw new Error("Configuration error: CONCERN_ENCRYPTION_KEY must be 32 bytes encoded in base64.");
  return bytes;
}

/** Encrypts text with CONCERN_ENCRYPTION_KEY (AES-256-GCM, a new IV each time). */
export function sealText(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

export function openText(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unrecognised ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function encryptContact(contact: ContactDetails): string {
  return sealText(JSON.stringify(contact));
}

export function decryptContact(sealed: string): ContactDetails {
  return JSON.parse(openText(sealed)) as ContactDetails;
}

/** The secret for the keyed hash of a form's idempotency key (lib/concerns/tracking-token.ts). */
export function idempotencySecret(): Buffer {
  return idempotencySecretFrom(key());
}

/** A separate secret for tracking-link tokens, derived from the same key (HKDF), so one setting does both. */
export function trackingSecret(): Buffer {
  return Buffer.from(hkdfSync("sha256", key(), Buffer.alloc(0), "psc concern tracking token", 32));
}

/** The secret for comparing a typed email address with a reporter's ("I lost my link"), derived from the same key. */
export function reporterEmailSecret(): Buffer {
  return Buffer.from(hkdfSync("sha256", key(), Buffer.alloc(0), "psc concern reporter email", 32));
}
