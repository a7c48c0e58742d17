// Nobody can lock a person out by guessing their password: guessing stays throttled (per account and
// address, per account from unknown addresses, per address), but the owner signing in from an address
// they signed in from recently, or by an email sign-in link, still gets in.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${27000 + Math.floor(Math.random() * 900)}`;
});

import { db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { portalAdapter } from "@/lib/auth/adapter";
import { DomainError, RateLimitError } from "@/lib/errors";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { requestEmailSignInLink } from "@/lib/accounts/recovery";
import { nextAuthVerificationHash } from "@/lib/accounts/tokens";
import { deliverAccountEmails } from "@/lib/accounts/outbox";
import { createPasswordUser, PASSWORD, rejection, startMailbox, uniqueIp } from "@/tests/fixtures/accounts";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.stop();
});

const guess = (email: string, ip: string, i: number) =>
  rejection(signInWithPassword(ANONYMOUS, { email, password: `guess ${i}` }, ip), Error);

/** The owner asks for a sign-in link and uses it, as next-auth's email callback would. */
async function signInByEmailLink(email: string, ip: string) {
  await requestEmailSignInLink(ANONYMOUS, { email, callbackUrl: "/account" }, ip);
  await deliverAccountEmails();
  const token = mailbox.linkTo(email).searchParams.get("token")!;
  return portalAdapter.useVerificationToken!({
    identifier: email,
    token: nextAuthVerificationHash(token, process.env.NEXTAUTH_SECRET!),
  });
}

describe("an attacker guessing a member's password", () => {
  it("does not stop the owner signing in from their usual address, nor by email link", async () => {
    const { user } = await createPasswordUser();
    const home = uniqueIp();
    const attacker = uniqueIp();
    // The owner signed in from home before: home is a known address for the account.
    await signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, home);

    for (let i = 0; i < 15; i++) await guess(user.email, attacker, i);
    // The attacker is throttled, even with the right password.
    await rejection(signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, attacker), RateLimitError);

    // The owner, from home, with the right password, gets in.
    await expect(signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, home)).resolves.toMatchObject(
      { id: user.id },
    );
    // And by email link from anywhere.
    expect(await signInByEmailLink(user.email, uniqueIp())).toMatchObject({ identifier: user.email });
  });

  it("from many addresses is still throttled per account for addresses the owner never used", async () => {
    const { user } = await createPasswordUser();
    const home = uniqueIp();
    await signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, home);
    // A spread of addresses, each under the per-address limit, adds up to the per-account one.
    let throttled = 0;
    for (let i = 0; i < 60; i++) {
      const outcome = await signInWithPassword(
        ANONYMOUS,
        { email: user.email, password: `guess ${i}` },
        uniqueIp(),
      ).catch((e: unknown) => e);
      if (outcome instanceof RateLimitError) throttled += 1;
      else expect(outcome).toBeInstanceOf(DomainError);
    }
    expect(throttled).toBeGreaterThan(0);
    // A new address with the right password is refused while the account is under attack…
    await rejection(
      signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, uniqueIp()),
      RateLimitError,
    );
    // …but not the owner's own address, and not the email link.
    await expect(signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, home)).resolves.toMatchObject(
      { id: user.id },
    );
    expect(await signInByEmailLink(user.email, uniqueIp())).toMatchObject({ identifier: user.email });
  });

  it("from a known address is throttled there like anywhere else", async () => {
    const { user } = await createPasswordUser();
    const shared = uniqueIp();
    await signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, shared);
    for (let i = 0; i < 10; i++) await guess(user.email, shared, i);
    await rejection(signInWithPassword(ANONYMOUS, { email: user.email, password: `guess 11` }, shared), RateLimitError);
  });

  it("records each throttled attempt", async () => {
    const { user } = await createPasswordUser();
    const attacker = uniqueIp();
    for (let i = 0; i < 11; i++) await guess(user.email, attacker, i);
    const throttled = await db.auditEvent.count({
      where: { action: "auth.sign_in_failed", ip: attacker, details: { path: ["reason"], equals: "throttled" } },
    });
    expect(throttled).toBe(1);
  });
});
