// Signing in, throttling, password reset and email sign-in links, against the real database and a
// real (local) SMTP server.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Before lib/env is first read: mail goes to this file's own capture server.
  process.env.SMTP_URL = `smtp://127.0.0.1:${27000 + Math.floor(Math.random() * 900)}`;
});

import { db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { loadViewer } from "@/lib/auth/load-viewer";
import { sessionOf } from "@/tests/fixtures/factories";
import { verifyPassword } from "@/lib/auth/passwords";
import { encodeSessionToken, sessionClaims } from "@/lib/auth/session-cookie";
import { decode } from "next-auth/jwt";
import { limits, takeSlots } from "@/lib/auth/throttle";
import { DomainError, RateLimitError } from "@/lib/errors";
import { signInWithPassword, SIGN_IN_ERROR } from "@/lib/accounts/sign-in";
import {
  isResetTokenUsable,
  requestEmailSignInLink,
  requestPasswordReset,
  resetPassword,
} from "@/lib/accounts/recovery";
import { nextAuthVerificationHash } from "@/lib/accounts/tokens";
import { deliverAccountEmails } from "@/lib/accounts/outbox";
import { portalAdapter } from "@/lib/auth/adapter";
import {
  createPasswordUser,
  PASSWORD,
  rejection,
  startMailbox,
  uniqueEmail,
  uniqueIp,
} from "@/tests/fixtures/accounts";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.stop();
});

const auditFor = (action: string, subjectId?: string) =>
  db.auditEvent.findMany({ where: { action, ...(subjectId ? { subjectId } : {}) } });

describe("signing in with a password", () => {
  it("returns the session user and records the sign-in with the IP", async () => {
    const { user } = await createPasswordUser();
    const ip = uniqueIp();
    const session = await signInWithPassword(
      ANONYMOUS,
      { email: `  ${user.email.toUpperCase()} `, password: PASSWORD },
      ip,
    );
    expect(session).toEqual({ id: user.id, name: user.name, email: user.email, sessionVersion: 0 });
    const events = await auditFor("auth.signed_in", user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id, ip, details: { method: "password" } });
  });

  it("gives one error for a wrong password, an unknown email and an account with no password", async () => {
    const { user } = await createPasswordUser();
    const noPassword = await db.user.create({ data: { email: uniqueEmail("entra"), name: "Entra Only" } });
    const attempts = [
      { email: user.email, password: "not the password" },
      { email: uniqueEmail("nobody"), password: PASSWORD },
      { email: noPassword.email, password: "" + PASSWORD },
    ];
    for (const attempt of attempts) {
      const error = await rejection(signInWithPassword(ANONYMOUS, attempt, uniqueIp()), DomainError);
      expect(error.message).toBe(SIGN_IN_ERROR);
      expect(error.fieldErrors).toEqual({ email: SIGN_IN_ERROR });
    }
    const failures = await auditFor("auth.sign_in_failed", user.id);
    expect(failures).toHaveLength(1);
    // The audit log never holds the password that was tried.
    expect(JSON.stringify(failures.map((f) => ({ ...f, id: String(f.id) })))).not.toContain("not the password");
  });

  it("refuses erased accounts with the same error", async () => {
    const { user } = await createPasswordUser();
    await db.user.update({ where: { id: user.id }, data: { erasedAt: new Date() } });
    const error = await rejection(
      signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, uniqueIp()),
      DomainError,
    );
    expect(error.message).toBe(SIGN_IN_ERROR);
  });

  it("throttles an account and address after 10 failures in its window, even with the right password", async () => {
    const { user } = await createPasswordUser();
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++)
      await rejection(signInWithPassword(ANONYMOUS, { email: user.email, password: `guess ${i}` }, ip), DomainError);
    const error = await rejection(
      signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, ip),
      RateLimitError,
    );
    expect(error.message).toMatch(/Too many attempts/);
    expect(await auditFor("auth.signed_in", user.id)).toHaveLength(0);
  });

  it("does not count successful sign-ins towards the limit", async () => {
    const { user } = await createPasswordUser();
    const ip = uniqueIp();
    for (let i = 0; i < 12; i++) await signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, ip);
    expect(await auditFor("auth.signed_in", user.id)).toHaveLength(12);
  });

  it("throttles an IP address across accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 100; i++) await takeSlots([limits.signInIp(ip)]).catch(() => undefined);
    const { user } = await createPasswordUser();
    await rejection(signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, ip), RateLimitError);
    // Another address is not affected.
    await expect(
      signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, uniqueIp()),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("keeps the count in PostgreSQL, so a limit holds across separate processes", async () => {
    const { user } = await createPasswordUser();
    const ip = uniqueIp();
    for (let i = 0; i < 9; i++)
      await rejection(signInWithPassword(ANONYMOUS, { email: user.email, password: `guess ${i}` }, ip), DomainError);
    // The 10th failure comes from another Node process (as from a second server instance).
    const child = spawnSync(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "tests/fixtures/accounts-sign-in-child.ts",
        user.email,
        "wrong password",
        ip,
      ],
      {
        env: { ...process.env },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(child.stdout.trim().split("\n").at(-1)).toBe("DomainError");
    await rejection(signInWithPassword(ANONYMOUS, { email: user.email, password: PASSWORD }, ip), RateLimitError);
    const bucket = await db.rateLimitBucket.findFirst({
      where: { key: limits.signInAccountAddress(user.email, ip).key },
    });
    expect(bucket?.count).toBe(11);
  });

  it("lets only 10 of 30 simultaneous guesses from one address through to the password check", async () => {
    const { user } = await createPasswordUser();
    const ip = uniqueIp();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        signInWithPassword(ANONYMOUS, { email: user.email, password: `guess ${i}` }, ip),
      ),
    );
    const checked = results.filter((r) => r.status === "rejected" && !(r.reason instanceof RateLimitError));
    expect(checked).toHaveLength(10);
  });
});

describe("session tokens", () => {
  it("carry the same claims as next-auth's jwt callback and decode with the secret", async () => {
    const { user } = await createPasswordUser();
    const session = { id: user.id, name: user.name, email: user.email, sessionVersion: 3 };
    const token = await encodeSessionToken(session, "session-id");
    const decoded = await decode({ token, secret: process.env.NEXTAUTH_SECRET! });
    expect(decoded).toMatchObject(sessionClaims(session, "session-id"));
    expect(decoded).toMatchObject({ uid: user.id, sv: 3, sub: user.id, sid: "session-id" });
  });

  it("stop working when the session version moves on (sign out everywhere, password change)", async () => {
    const { user } = await createPasswordUser({ memberships: { wessex: "STAFF" } });
    expect((await loadViewer(user.id, 0, await sessionOf(user.id))).userId).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadViewer(user.id, 0, await sessionOf(user.id))).toEqual(ANONYMOUS);
    expect((await loadViewer(user.id, 1, await sessionOf(user.id))).memberships).toHaveLength(1);
  });
});

describe("password reset", () => {
  it("emails a one-hour link, sets the new password once, and ends every session", async () => {
    const { user } = await createPasswordUser();
    await requestPasswordReset(ANONYMOUS, { email: user.email }, uniqueIp());
    await deliverAccountEmails();
    const link = mailbox.linkTo(user.email);
    expect(link.pathname).toBe("/reset-password");
    const token = link.searchParams.get("token")!;
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    expect(await isResetTokenUsable(ANONYMOUS, token)).toBe(true);

    await resetPassword(ANONYMOUS, { token, password: "a brand new passphrase" }, uniqueIp());
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "a brand new passphrase")).toBe(true);
    expect(after.sessionVersion).toBe(1);
    expect(await loadViewer(user.id, 0, await sessionOf(user.id))).toEqual(ANONYMOUS);
    expect(await auditFor("auth.password_reset", user.id)).toHaveLength(1);

    // Single use: the same link cannot set another password.
    await rejection(resetPassword(ANONYMOUS, { token, password: "yet another passphrase" }, uniqueIp()), DomainError);
    const again = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(again.passwordHash).toBe(after.passwordHash);
    expect(await isResetTokenUsable(ANONYMOUS, token)).toBe(false);
  });

  it("answers the same for an unknown email, and sends nothing", async () => {
    const email = uniqueEmail("unknown");
    await expect(requestPasswordReset(ANONYMOUS, { email }, uniqueIp())).resolves.toBeUndefined();
    await deliverAccountEmails();
    expect(mailbox.messagesTo(email)).toHaveLength(0);
  });

  it("refuses an expired link and changes nothing", async () => {
    const { user } = await createPasswordUser();
    await requestPasswordReset(ANONYMOUS, { email: user.email }, uniqueIp());
    await deliverAccountEmails();
    const token = mailbox.linkTo(user.email).searchParams.get("token")!;
    await db.passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await rejection(resetPassword(ANONYMOUS, { token, password: "a brand new passphrase" }, uniqueIp()), DomainError);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(0);
  });

  it("makes an older link stop working when a newer one is sent", async () => {
    const { user } = await createPasswordUser();
    await requestPasswordReset(ANONYMOUS, { email: user.email }, uniqueIp());
    await deliverAccountEmails();
    const first = mailbox.linkTo(user.email).searchParams.get("token")!;
    await requestPasswordReset(ANONYMOUS, { email: user.email }, uniqueIp());
    await deliverAccountEmails();
    const second = mailbox.linkTo(user.email).searchParams.get("token")!;
    expect(second).not.toBe(first);
    expect(await isResetTokenUsable(ANONYMOUS, first)).toBe(false);
    expect(await isResetTokenUsable(ANONYMOUS, second)).toBe(true);
  });

  it("is throttled per account: the 4th request in an hour is refused and sends nothing", async () => {
    const { user } = await createPasswordUser();
    for (let i = 0; i < 3; i++) await requestPasswordReset(ANONYMOUS, { email: user.email }, uniqueIp());
    await deliverAccountEmails();
    await rejection(requestPasswordReset(ANONYMOUS, { email: user.email }, uniqueIp()), RateLimitError);
    expect(mailbox.messagesTo(user.email)).toHaveLength(3);
  });
});

describe("email sign-in links", () => {
  it("stores the token the way next-auth's email callback checks it, single use", async () => {
    const { user } = await createPasswordUser();
    await requestEmailSignInLink(ANONYMOUS, { email: user.email, callbackUrl: "/account" }, uniqueIp());
    await deliverAccountEmails();
    const link = mailbox.linkTo(user.email);
    expect(link.pathname).toBe("/api/auth/callback/email");
    expect(link.searchParams.get("email")).toBe(user.email);
    expect(new URL(link.searchParams.get("callbackUrl")!).pathname).toBe("/account");
    const token = link.searchParams.get("token")!;
    const hashed = nextAuthVerificationHash(token, process.env.NEXTAUTH_SECRET!);
    const used = await portalAdapter.useVerificationToken!({ identifier: user.email, token: hashed });
    expect(used).toMatchObject({ identifier: user.email });
    expect(await portalAdapter.useVerificationToken!({ identifier: user.email, token: hashed })).toBeNull();
  });

  it("never sends a callback to another site", async () => {
    const { user } = await createPasswordUser();
    await requestEmailSignInLink(ANONYMOUS, { email: user.email, callbackUrl: "//evil.example/steal" }, uniqueIp());
    await deliverAccountEmails();
    const callback = new URL(mailbox.linkTo(user.email).searchParams.get("callbackUrl")!);
    expect(callback.host).toBe(new URL(process.env.NEXTAUTH_URL!).host);
    expect(callback.pathname).toBe("/home");
  });

  it("answers the same for an unknown email and stores and sends nothing", async () => {
    const email = uniqueEmail("unknown");
    await expect(requestEmailSignInLink(ANONYMOUS, { email }, uniqueIp())).resolves.toBeUndefined();
    await deliverAccountEmails();
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
    expect(mailbox.messagesTo(email)).toHaveLength(0);
  });
});
