// Emails to the people who raise concerns go through the job queue, as account emails do
// (lib/accounts/outbox.ts): a request is a row (ConcernEmailRequest), and the concerns.send-emails job,
// woken at once by a trigger on the table and also run every minute, sends it. So the confirmation
// page never waits for a mail server, and "email me a new link" answers after the same work whether
// or not the reference and address match: the comparison happens in the job.
//
// At most one email per request: a run claims a request (claimedAt) before sending. A send that
// fails gives the claim back for a later run (growing delays, a few attempts); a run interrupted
// between claiming and sending leaves it claimed, never sent twice.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { takeSlots, type Limit } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit";
import { DomainError, RateLimitError } from "@/lib/errors";
import { sendEmail, type Email } from "@/lib/mail/send";
import {
  decryptContact,
  encryptContact,
  openText,
  reporterEmailSecret,
  sealText,
  trackingSecret,
} from "./contact-crypto";
import { emailMatchHash, hashTrackingToken, newTrackingToken, trackingTokenFor } from "./tracking-token";
import { normaliseReference } from "./reference";
import {
  CONCERN_CONFIRMATION_REQUEST_HOURS,
  CONCERN_NEW_LINK_REQUEST_MINUTES,
  hoursMs,
} from "@/lib/privacy/retention-schedule";

export type ConcernEmailKind = "confirmation" | "new-link";

/** Sends tried for one request before it is dropped (a mail server down for the best part of an hour). */
export const MAX_EMAIL_ATTEMPTS = 5;
/** A new link asked for more than this long ago is no longer expected: it is dropped rather than sent late. */
const NEW_LINK_STALE_MS = CONCERN_NEW_LINK_REQUEST_MINUTES * 60_000;
/** A confirmation copy is still worth sending for a day (CONCERN_CONFIRMATION_REQUEST_HOURS). */
const CONFIRMATION_STALE_MS = hoursMs(CONCERN_CONFIRMATION_REQUEST_HOURS);

// ─── "I lost my link" ─────────────────────────────────────────────────────────

/** Per address: a family sharing a connection can ask a few times; a script trying references cannot. */
export const newLinkIpLimit = (ip: string): Limit => ({
  key: `concern-link:ip:${ip}`,
  limit: 10,
  windowSeconds: 60 * 60,
});
/** Per reference: at most three emails (and replaced links) an hour for one concern, whoever asks. */
export const newLinkReferenceLimit = (reference: string): Limit => ({
  key: `concern-link:ref:${reference}`,
  limit: 3,
  windowSeconds: 60 * 60,
});

export class NewLinkThrottledError extends RateLimitError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    this.message = `A new link has been asked for too many times. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
}

/**
 * Asks for a new tracking link to be emailed. The same answer, after the same work (throttling slots
 * and one row), whatever the reference and address: the job looks the concern up, compares the
 * address with the one the person gave, and only then replaces the link and emails it.
 */
export async function requestNewTrackingLink(
  viewer: Viewer,
  input: { newLinkReference: string; newLinkEmail: string },
  ip: string,
): Promise<void> {
  authorize(viewer, "concern.track");
  const reference = normaliseReference(input.newLinkReference);
  // The shape only: it says nothing about whether such a concern exists.
  if (!reference) throw new DomainError("", { newLinkReference: "Enter your reference, like PSC-7K4D-92QF" });
  try {
    await takeSlots([newLinkIpLimit(ip), newLinkReferenceLimit(reference)]);
  } catch (error) {
    if (error instanceof RateLimitError) throw new NewLinkThrottledError(error.retryAfterSeconds);
    throw error;
  }
  await db.concernEmailRequest.create({
    data: { kind: "new-link", reference, emailHash: emailMatchHash(input.newLinkEmail, reporterEmailSecret()), ip },
  });
}

// ─── The job ──────────────────────────────────────────────────────────────────

type Claimed = {
  id: string;
  kind: string;
  concernId: string | null;
  reference: string | null;
  emailHash: string | null;
  ip: string | null;
  attempts: number;
  createdAt: Date;
};

/** concerns.send-emails: claims waiting requests (each once, with any number of workers) and sends them. */
export async function deliverConcernEmails(now = new Date(), send: (email: Email) => Promise<void> = sendEmail) {
  // Claimed an hour ago and still here: sent, or interrupted mid-send. Either way it is not sent again.
  await db.concernEmailRequest.deleteMany({ where: { claimedAt: { lt: new Date(now.getTime() - 60 * 60 * 1000) } } });
  let sent = 0;
  for (;;) {
    const claimed = await db.$queryRaw<Claimed[]>`
      UPDATE "ConcernEmailRequest" SET "claimedAt" = ${now}, "attempts" = "attempts" + 1
      WHERE id IN (
        SELECT id FROM "ConcernEmailRequest" WHERE "claimedAt" IS NULL AND "notBefore" <= ${now}
        ORDER BY "createdAt" LIMIT 50 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, "concernId", reference, "emailHash", ip, "attempts", "createdAt"`;
    if (claimed.length === 0) return sent;
    for (const request of claimed) {
      const age = now.getTime() - request.createdAt.getTime();
      const stale = age > (request.kind === "new-link" ? NEW_LINK_STALE_MS : CONFIRMATION_STALE_MS);
      try {
        if (!stale && (await deliver(request, send))) sent += 1;
      } catch (error) {
        console.error(`[concerns] could not send the ${request.kind} email (attempt ${request.attempts})`, error);
        if (request.attempts < MAX_EMAIL_ATTEMPTS) {
          // Given back for a later run: 2, 4, 8, 16 minutes.
          await db.concernEmailRequest.update({
            where: { id: request.id },
            data: { claimedAt: null, notBefore: new Date(now.getTime() + 2 ** request.attempts * 60_000) },
          });
          continue;
        }
      }
      // Done (or given up). Should this delete fail, the request stays claimed: removed later, never sent again.
      await db.concernEmailRequest.deleteMany({ where: { id: request.id } });
    }
  }
}

function deliver(request: Claimed, send: (email: Email) => Promise<void>): Promise<boolean> {
  if (request.kind === "confirmation" && request.concernId) return deliverConfirmation(request.concernId, send);
  if (request.kind === "new-link" && request.reference && request.emailHash)
    return deliverNewLink(request.reference, request.emailHash, request.ip, send);
  return Promise.resolve(false);
}

function trackingUrl(token: string): string {
  return `${(env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "")}/concerns/track/${token}`;
}

const FOOTER = [
  "Please do not reply to this email: nobody reads replies.",
  "If someone needs medical help now, call 999 in an emergency, or 111 if it is urgent but not an emergency.",
  "",
  "Patient Safety Collaboratives",
].join("\n");

/** The copy of the confirmation page. Never what they wrote: an inbox may be read by others. */
async function deliverConfirmation(concernId: string, send: (email: Email) => Promise<void>): Promise<boolean> {
  const concern = await db.concern.findUnique({
    where: { id: concernId },
    select: {
      reference: true,
      trackingTokenSealed: true,
      idempotencyKey: true,
      contactEncrypted: true,
      collaborative: { select: { name: true, acknowledgementDays: true } },
    },
  });
  if (!concern?.contactEncrypted) return false;
  const email = decryptContact(concern.contactEncrypted).email;
  // The current link: if it was replaced before this went, the new one (it goes to the same address).
  const token = concern.trackingTokenSealed
    ? openText(concern.trackingTokenSealed)
    : concern.idempotencyKey
      ? trackingTokenFor(concern.idempotencyKey, trackingSecret())
      : null;
  if (!email || !token) return false;
  await send({
    to: email,
    subject: `Your safety concern ${concern.reference} has been sent`,
    text: [
      `Thank you for telling the ${concern.collaborative.name} about a safety concern.`,
      "",
      `Your reference is ${concern.reference}`,
      "",
      "Use your private tracking link to see what happens to your concern and read the team's response. You do not need an account:",
      "",
      trackingUrl(token),
      "",
      "Anyone with the link can see the progress of your concern, but not what you wrote or your contact details, so keep this email and share the link only with people you trust. For your privacy, this email does not include what you wrote.",
      "",
      `The patient safety team aims to acknowledge your concern within ${concern.collaborative.acknowledgementDays} working days.`,
      "",
      "If you did not raise a safety concern, someone may have typed your email address by mistake: you can ignore this email.",
      "",
      FOOTER,
    ].join("\n"),
  });
  return true;
}

let unmatchable: string | undefined;

/**
 * "I lost my link": when the address typed is the one the person gave with the concern (any capitals),
 * the link is replaced (the old one stops working) and the new one emailed to that address.
 */
async function deliverNewLink(
  reference: string,
  emailHash: string,
  ip: string | null,
  send: (email: Email) => Promise<void>,
): Promise<boolean> {
  const concern = await db.concern.findUnique({
    where: { reference },
    select: { id: true, collaborativeId: true, contactEncrypted: true, collaborative: { select: { name: true } } },
  });
  // The same work either way: without a concern or contact details, a sealed empty contact is opened and compared.
  unmatchable ??= encryptContact({});
  const email = decryptContact(concern?.contactEncrypted ?? unmatchable).email;
  const typed = Buffer.from(emailHash, "hex");
  const given = Buffer.from(emailMatchHash(email ?? "", reporterEmailSecret()), "hex");
  const matches = timingSafeEqual(typed, given) && Boolean(email);
  if (!concern || !email || !matches) return false;

  const token = newTrackingToken();
  await db.$transaction(async (tx) => {
    await tx.concern.update({
      where: { id: concern.id },
      data: { trackingTokenHash: hashTrackingToken(token), trackingTokenSealed: sealText(token) },
    });
    await recordAudit(tx, {
      action: "concern.tracking_link_replaced",
      subjectType: "Concern",
      subjectId: concern.id,
      collaborativeId: concern.collaborativeId,
      ip,
      details: { reference },
    });
  });
  // Replaced before sending: if the send fails, the retry replaces it again and sends that one.
  await send({
    to: email,
    subject: `A new tracking link for your safety concern ${reference}`,
    text: [
      `You asked for a new private tracking link for the safety concern you raised with the ${concern.collaborative.name} (reference ${reference}).`,
      "",
      "Here it is:",
      "",
      trackingUrl(token),
      "",
      "Your old link no longer works. Anyone with the new link can see the progress of your concern, but not what you wrote or your contact details, so keep this email and share the link only with people you trust.",
      "",
      "If you did not ask for a new link, someone who knows your reference and email address did. Your concern is not affected, and this link is the one to use.",
      "",
      FOOTER,
    ].join("\n"),
  });
  return true;
}
