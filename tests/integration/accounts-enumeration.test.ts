// Whether an account exists must not show: asking for a reset or a sign-in link does the same work
// and gives the same answer for any address (the email goes through the job queue), and registering
// with a known address answers like a new registration and tells the address's owner instead.
// Timing is measured in tests/bench/account-enumeration.ts, not asserted here.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${27000 + Math.floor(Math.random() * 900)}`;
});
vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

import { db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { requestEmailSignInLink, requestPasswordReset } from "@/lib/accounts/recovery";
import { deliverAccountEmails } from "@/lib/accounts/outbox";
import { registerPatientAction } from "@/lib/accounts/actions";
import { SIGN_IN_ERROR, signInWithPassword } from "@/lib/accounts/sign-in";
import { collaborative } from "@/tests/fixtures/factories";
import { asViewer, request } from "@/tests/fixtures/request-context";
import { createPasswordUser, startMailbox, uniqueEmail, uniqueIp } from "@/tests/fixtures/accounts";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.stop();
});

/** Rows per table for the tables a request could touch. */
async function counts() {
  const [requests, resetTokens, linkTokens, users, audit] = await Promise.all([
    db.accountEmailRequest.count(),
    db.passwordResetToken.count(),
    db.verificationToken.count(),
    db.user.count(),
    db.auditEvent.count(),
  ]);
  return { requests, resetTokens, linkTokens, users, audit };
}

describe.each([
  [
    "asking for a password reset",
    (email: string) => requestPasswordReset(ANONYMOUS, { email }, uniqueIp()),
    "/reset-password",
  ],
  [
    "asking for a sign-in link",
    (email: string) => requestEmailSignInLink(ANONYMOUS, { email, callbackUrl: "/account" }, uniqueIp()),
    "/api/auth/callback/email",
  ],
] as const)("%s", (_name, ask, path) => {
  it("does the same work for a known and an unknown address, and sends nothing itself", async () => {
    await deliverAccountEmails();
    const { user } = await createPasswordUser();
    const unknown = uniqueEmail("nobody");
    const before = await counts();
    const answers = [await ask(user.email), await ask(unknown)];
    expect(answers).toEqual([undefined, undefined]);
    // Each request added one queued request and nothing else; no email has gone yet.
    expect(await counts()).toEqual({ ...before, requests: before.requests + 2 });
    expect(mailbox.messagesTo(user.email)).toHaveLength(0);

    // The job sends the right email to the account, and none to the unknown address.
    await deliverAccountEmails();
    expect(mailbox.messagesTo(user.email)).toHaveLength(1);
    expect(mailbox.linkTo(user.email).pathname).toBe(path);
    expect(mailbox.messagesTo(unknown)).toHaveLength(0);
    expect(await db.accountEmailRequest.count()).toBe(0);
  });
});

describe("registering", () => {
  function registration(email: string) {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      name: "Sam Carer",
      email,
      password: "a long enough passphrase",
      confirmPassword: "a long enough passphrase",
    }))
      form.set(k, v);
    return form;
  }

  async function register(email: string) {
    asViewer(ANONYMOUS);
    const wessex = await collaborative("wessex");
    const form = registration(email);
    form.set("collaborativeId", wessex.id);
    const outcome = await registerPatientAction({ ok: false }, form).then(
      (state) => ({ state }),
      (error: unknown) => ({ redirect: String((error as { digest?: string }).digest ?? error).split(";")[2] }),
    );
    return { outcome, cookies: [...request.cookies.keys()] };
  }

  it("with a known address answers exactly like a new registration and emails the address's owner instead", async () => {
    const { user } = await createPasswordUser();
    const fresh = uniqueEmail("new");
    const known = await register(user.email);
    const created = await register(fresh);
    expect(known).toEqual(created);
    expect(known.outcome).toEqual({ redirect: "/register/check-email" });
    // Nothing changed for the existing account; the new one exists.
    expect((await db.user.findUniqueOrThrow({ where: { email: user.email } })).passwordHash).toBe(user.passwordHash);
    expect(await db.user.count({ where: { email: fresh } })).toBe(1);

    await deliverAccountEmails();
    const [attempt] = mailbox.messagesTo(user.email);
    expect(attempt?.subject).toMatch(/tried to register/);
    expect(attempt?.text).toContain("/forgot-password");
    const [welcome] = mailbox.messagesTo(fresh);
    expect(welcome?.subject).toMatch(/Confirm your email address/);
    expect(mailbox.linkTo(fresh).pathname).toBe("/api/auth/callback/email");
  });
  it("then signing in with the chosen password tells a new address from a known one nothing, until the address is confirmed", async () => {
    const { user } = await createPasswordUser();
    const fresh = uniqueEmail("new");
    await register(user.email);
    await register(fresh);
    const password = "a long enough passphrase";
    const attempt = (email: string) =>
      signInWithPassword(ANONYMOUS, { email, password }, uniqueIp()).then(
        () => "signed in",
        (error: Error) => error.message,
      );
    // The known address's real password is not the one typed; the new address is not confirmed yet: one answer for both.
    expect([await attempt(user.email), await attempt(fresh)]).toEqual([SIGN_IN_ERROR, SIGN_IN_ERROR]);
    // Following the emailed link confirms the address (next-auth's adapter sets emailVerified); then the password works.
    await db.user.update({ where: { email: fresh }, data: { emailVerified: new Date() } });
    expect(await attempt(fresh)).toBe("signed in");
  });
});
