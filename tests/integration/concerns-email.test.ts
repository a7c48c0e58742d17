// Emails to the people who raise concerns (issue 16) and the urgent-help screen's trigger (issue 23):
// the confirmation copy (once per concern, never what they wrote), "I lost my link" (a new link to the
// address given, the old one stops working, the same answer whatever is typed, throttled), and which
// submissions are shown urgent help first.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import type { Email } from "@/lib/mail/send";
import { RateLimitError } from "@/lib/errors";
import {
  MAX_EMAIL_ATTEMPTS,
  NewLinkThrottledError,
  deliverConcernEmails,
  requestNewTrackingLink,
} from "@/lib/concerns/outbox";
import { getConcernByTrackingToken, getSubmittedConcern } from "@/lib/concerns/queries";
import { jobs } from "@/lib/jobs/registry";
import { collaborative } from "@/tests/fixtures/factories";
import { concernForm, createConcern, submit, submitOrThrow } from "@/tests/fixtures/concerns";

function outbox() {
  const sent: Email[] = [];
  return { sent, send: async (email: Email) => void sent.push(email) };
}

/** Runs the job until nothing is left that is due now; the emails it sent. */
async function runJob(now = new Date()) {
  const box = outbox();
  await deliverConcernEmails(now, box.send);
  return box.sent;
}

const tokenIn = (text: string) => /\/concerns\/track\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? null;

let ips = 0;
const ip = () => `link-test-${Date.now()}-${(ips += 1)}`;

const withEmail = (address: string, overrides: Record<string, string> = {}) =>
  concernForm({ contactPreference: "contact", contactEmail: address, contactName: "Sam Reporter", ...overrides });

/** Mail for one address (the job also sends other tests' waiting requests). */
const to = (emails: Email[], address: string) => emails.filter((e) => e.to === address);

describe("the confirmation email", () => {
  it("a concern sent with an email address gets one email with its reference and a working tracking link, and none of what was written", async () => {
    const address = `copy-${Date.now()}@example.com`;
    const result = await submitOrThrow(
      withEmail(address, {
        whatHappened: "Secret words 1: the night nurse ignored the buzzer.",
        impact: "Secret words 2",
      }),
    );
    expect(result.emailed).toBe(true);
    const mine = to(await runJob(), address);
    expect(mine).toHaveLength(1);
    const email = mine[0]!;
    expect(email.subject).toContain(result.reference);
    expect(email.text).toContain(`Your reference is ${result.reference}`);
    expect(email.text).toContain(`/concerns/track/${result.token}`);
    expect(email.text).not.toContain("Secret words");
    expect(email.text).not.toContain("Sam Reporter");
    expect(await getConcernByTrackingToken(ANONYMOUS, tokenIn(email.text)!)).toMatchObject({
      reference: result.reference,
    });
    expect(to(await runJob(), address)).toHaveLength(0);
  });

  it("is sent once when the same form is posted again, or ten times at once", async () => {
    const address = `retry-${Date.now()}@example.com`;
    const form = withEmail(address);
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(form)));
    const again = await submitOrThrow(form);
    expect(new Set([...results.map((r) => (r.kind === "submitted" ? r.reference : "")), again.reference]).size).toBe(1);
    expect(again).toMatchObject({ duplicate: true, emailed: true });
    const concern = await db.concern.findUniqueOrThrow({ where: { reference: again.reference } });
    expect(await db.concernEmailRequest.count({ where: { concernId: concern.id } })).toBe(1);
    const first = to(await runJob(), address);
    await submitOrThrow(form); // a retry after the email went
    const later = to(await runJob(), address);
    expect([first.length, later.length]).toEqual([1, 0]);
  });

  it("is not sent when the person stays anonymous or gives only a phone number", async () => {
    const anonymous = await submitOrThrow(concernForm({ contactEmail: "typed-then-anonymous@example.com" }));
    const phone = await submitOrThrow(concernForm({ contactPreference: "contact", contactPhone: "07700 900982" }));
    expect([anonymous.emailed, phone.emailed]).toEqual([false, false]);
    for (const { reference } of [anonymous, phone]) {
      const concern = await db.concern.findUniqueOrThrow({ where: { reference } });
      expect(await db.concernEmailRequest.count({ where: { concernId: concern.id } })).toBe(0);
    }
    expect(to(await runJob(), "typed-then-anonymous@example.com")).toHaveLength(0);
  });

  it("is sent for a concern held as possibly automated too: its sender is told what anyone is", async () => {
    const address = `held-${Date.now()}@example.com`;
    const result = await submitOrThrow(withEmail(address, { website: "https://autofill.example" }));
    const concern = await db.concern.findUniqueOrThrow({ where: { reference: result.reference } });
    expect(concern.heldAt).not.toBeNull();
    expect(to(await runJob(), address)).toHaveLength(1);
  });

  it("is tried again later when the mail server fails, and never sent twice", async () => {
    const address = `flaky-${Date.now()}@example.com`;
    const result = await submitOrThrow(withEmail(address));
    const now = new Date();
    let tries = 0;
    await deliverConcernEmails(now, async (email) => {
      if (email.to === address) {
        tries += 1;
        throw new Error("mail server down");
      }
    });
    expect(tries).toBe(1);
    expect(to(await runJob(now), address)).toHaveLength(0); // waits before the next try
    const later = to(await runJob(new Date(now.getTime() + 3 * 60_000)), address);
    expect(later).toHaveLength(1);
    expect(later[0]!.text).toContain(result.reference);
    expect(to(await runJob(new Date(now.getTime() + 60 * 60_000)), address)).toHaveLength(0);
  });

  it(`gives up after ${MAX_EMAIL_ATTEMPTS} failed tries`, async () => {
    const address = `down-${Date.now()}@example.com`;
    await submitOrThrow(withEmail(address));
    let tries = 0;
    const failing = async (email: Email) => {
      if (email.to !== address) return;
      tries += 1;
      throw new Error("mail server down");
    };
    for (let minute = 0; minute < 120; minute += 1)
      await deliverConcernEmails(new Date(Date.now() + minute * 60_000), failing);
    expect(tries).toBe(MAX_EMAIL_ATTEMPTS);
  });

  it("is sent by a job in the registry, run every minute and woken when a request is added", async () => {
    expect(jobs["concerns.send-emails"]?.cron).toBe("* * * * *");
    const [trigger] = await db.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = '"ConcernEmailRequest"'::regclass AND NOT tgisinternal`;
    expect(trigger?.tgname).toBe("concern_email_requested");
  });
});

describe("I lost my link", () => {
  it("a matching reference and email address (any capitals) get a new link by email: it opens the concern, and the old one no longer does", async () => {
    const address = `lost-${Date.now()}@example.com`;
    const result = await submitOrThrow(withEmail(address));
    await runJob(); // the confirmation
    await requestNewTrackingLink(
      ANONYMOUS,
      { newLinkReference: result.reference.toLowerCase(), newLinkEmail: `  ${address.toUpperCase()} ` },
      ip(),
    );
    const mine = to(await runJob(), address);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe(`A new tracking link for your safety concern ${result.reference}`);
    const fresh = tokenIn(mine[0]!.text)!;
    expect(fresh).not.toBe(result.token);
    expect(await getConcernByTrackingToken(ANONYMOUS, fresh)).toMatchObject({ reference: result.reference });
    expect(await getConcernByTrackingToken(ANONYMOUS, result.token)).toBeNull();
    const audit = await db.auditEvent.findFirst({
      where: { action: "concern.tracking_link_replaced" },
      orderBy: { at: "desc" },
    });
    expect(audit?.details).toEqual({ reference: result.reference });
  });

  it("a retried form post after the link was replaced shows the reference but never the new link", async () => {
    const address = `retry-lost-${Date.now()}@example.com`;
    const form = withEmail(address);
    const result = await submitOrThrow(form);
    await requestNewTrackingLink(ANONYMOUS, { newLinkReference: result.reference, newLinkEmail: address }, ip());
    await runJob();
    const retry = await submit(form);
    expect(retry).toMatchObject({ kind: "submitted", reference: result.reference, duplicate: true, token: null });
    // The confirmation page finds it by the reference (its cookie carries the server's receipt instead of a token).
    expect(await getSubmittedConcern(ANONYMOUS, { reference: result.reference, token: null })).toMatchObject({
      reference: result.reference,
    });
    expect(await getSubmittedConcern(ANONYMOUS, { reference: result.reference, token: result.token })).toBeNull();
  });

  it("answers the same, after the same work, whatever is typed: nothing is sent and no link changes unless both match", async () => {
    const c = await collaborative("wessex");
    const address = `owner-${Date.now()}@example.com`;
    const withAddress = await createConcern(c.id, { contact: { email: address } });
    const phoneOnly = await createConcern(c.id, { contact: { phone: "07700 900982" } });
    const anonymous = await createConcern(c.id, { contact: null });
    const before = await db.concern.findMany({
      where: { id: { in: [withAddress.id, phoneOnly.id, anonymous.id] } },
      select: { id: true, trackingTokenHash: true },
    });
    const attempts = [
      { newLinkReference: withAddress.reference, newLinkEmail: "someone.else@example.com" },
      { newLinkReference: "PSC-2222-2222", newLinkEmail: address },
      { newLinkReference: phoneOnly.reference, newLinkEmail: address },
      { newLinkReference: anonymous.reference, newLinkEmail: address },
    ];
    for (const attempt of attempts) {
      const requests = await db.concernEmailRequest.count();
      // Resolves with nothing (the action then shows the one "check your email" page) and adds one request.
      await expect(requestNewTrackingLink(ANONYMOUS, attempt, ip())).resolves.toBeUndefined();
      expect(await db.concernEmailRequest.count()).toBe(requests + 1);
    }
    const sent = await runJob();
    expect(sent.filter((e) => e.subject.startsWith("A new tracking link"))).toHaveLength(0);
    const after = await db.concern.findMany({
      where: { id: { in: before.map((b) => b.id) } },
      select: { id: true, trackingTokenHash: true },
    });
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it("stores neither the address typed nor anything to find it by without the server's key", async () => {
    const address = `private-${Date.now()}@example.com`;
    await requestNewTrackingLink(ANONYMOUS, { newLinkReference: "PSC-3333-3333", newLinkEmail: address }, ip());
    const [row] = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "ConcernEmailRequest" WHERE reference = 'PSC-3333-3333' ORDER BY "createdAt" DESC LIMIT 1`;
    expect(JSON.stringify(row)).not.toContain(address);
    expect(JSON.stringify(row)).not.toContain("private-");
  });

  it("is throttled per reference (3 an hour, whether or not it exists) and per address (10 an hour), saying when to try again", async () => {
    const reference = "PSC-4444-4444";
    for (let i = 0; i < 3; i += 1)
      await requestNewTrackingLink(ANONYMOUS, { newLinkReference: reference, newLinkEmail: "a@example.com" }, ip());
    const refused = await requestNewTrackingLink(
      ANONYMOUS,
      { newLinkReference: reference, newLinkEmail: "a@example.com" },
      ip(),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NewLinkThrottledError);
    expect((refused as Error).message).toMatch(/Please try again in \d+ minutes?\./);

    const address = ip();
    const references = ["PSC-5555-2222", "PSC-5555-3333", "PSC-5555-4444", "PSC-5555-5555", "PSC-5555-6666"];
    let accepted = 0;
    for (let i = 0; i < 11; i += 1) {
      const outcome = await requestNewTrackingLink(
        ANONYMOUS,
        { newLinkReference: references[i % references.length]!, newLinkEmail: "b@example.com" },
        address,
      ).then(
        () => "ok",
        (e: unknown) => e,
      );
      if (outcome === "ok") accepted += 1;
      else expect(outcome).toBeInstanceOf(RateLimitError);
    }
    expect(accepted).toBe(10);
  });
});

describe("urgent help first (issue 23)", () => {
  it("a concern whose words suggest someone may be in danger now is flagged for the urgent-help page, from any free-text answer, and stored once", async () => {
    const inWhatHappened = await submitOrThrow(concernForm({ whatHappened: "He is still in danger now on the ward." }));
    const inImpact = await submitOrThrow(concernForm({ impact: "She talked about wanting to end my life." }));
    const inWhatHelped = await submitOrThrow(concernForm({ whatWouldHaveHelped: "A safeguarding referral." }));
    const ordinary = await submitOrThrow(concernForm());
    expect([inWhatHappened.urgent, inImpact.urgent, inWhatHelped.urgent, ordinary.urgent]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    const form = concernForm({ whatHappened: "Nobody came and he was not breathing properly." });
    const first = await submitOrThrow(form);
    const retry = await submitOrThrow(form);
    expect(retry).toMatchObject({ reference: first.reference, urgent: true, duplicate: true });
    expect(await db.concern.count({ where: { reference: first.reference } })).toBe(1);
  });
});
