// Sessions end on the server: signing out ends that session, so a copy of its cookie (taken before
// sign-out) is anonymous afterwards, for pages (getViewer) and for next-auth's /api/auth/session.
// The real sign-in and sign-out actions, the real getViewer and next-auth's own handler; only the
// request's cookie jar and headers are stood in for.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { getViewer } from "@/lib/auth/viewer";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { signInAction, signOutAction, signOutEverywhereAction } from "@/lib/accounts/actions";
import { asViewer, request } from "@/tests/fixtures/request-context";
import { createPasswordUser, PASSWORD } from "@/tests/fixtures/accounts";

beforeEach(() => asViewer(ANONYMOUS));

async function redirectOf(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: unknown } | null)?.digest ?? "");
  if (!digest.startsWith("NEXT_REDIRECT")) throw error ?? new Error("expected a redirect");
  return digest.split(";")[2] ?? "";
}

/** Signs in through the real form action in a fresh "browser"; returns the session cookie it set. */
async function signIn(email: string): Promise<string> {
  asViewer(ANONYMOUS);
  const form = new FormData();
  form.set("email", email);
  form.set("password", PASSWORD);
  await redirectOf(signInAction({ ok: false }, form));
  const cookie = request.cookies.get(sessionCookieName());
  expect(cookie).toBeTruthy();
  return cookie!;
}

/** A request carrying this cookie (as a copied cookie would be sent). */
function withCookie(cookie: string) {
  asViewer(ANONYMOUS);
  request.cookies.set(sessionCookieName(), cookie);
}

async function viewerWith(cookie: string) {
  withCookie(cookie);
  return getViewer();
}

/** What next-auth's /api/auth/session answers: its own session handler, with our callbacks. */
async function nextAuthSession(cookie: string): Promise<{ user?: { id?: string } }> {
  const req = { headers: {}, cookies: { [sessionCookieName()]: cookie } };
  const res = { getHeader: () => undefined, setHeader: () => undefined, setCookie: () => undefined };
  const session = await getServerSession(req as never, res as never, authOptions);
  return (session ?? {}) as { user?: { id?: string } };
}

describe("signing out", () => {
  it("ends that session on the server: a copy of its cookie is anonymous afterwards", async () => {
    const { user } = await createPasswordUser({ memberships: { wessex: "STAFF" } });
    const copy = await signIn(user.email);
    expect((await viewerWith(copy)).userId).toBe(user.id);
    expect((await nextAuthSession(copy)).user?.id).toBe(user.id);

    withCookie(copy);
    expect(await redirectOf(signOutAction(new FormData()))).toBe("/");
    expect(request.cookies.get(sessionCookieName()) ?? "").toBe("");

    expect(await viewerWith(copy)).toEqual(ANONYMOUS);
    expect((await nextAuthSession(copy)).user).toBeUndefined();
  });

  it("ends only that session: the person's other sessions go on", async () => {
    const { user } = await createPasswordUser();
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    withCookie(laptop);
    await redirectOf(signOutAction(new FormData()));
    expect(await viewerWith(laptop)).toEqual(ANONYMOUS);
    expect((await viewerWith(phone)).userId).toBe(user.id);
    expect((await nextAuthSession(phone)).user?.id).toBe(user.id);
  });

  it("everywhere ends every session of the person", async () => {
    const { user } = await createPasswordUser();
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    withCookie(laptop);
    await redirectOf(signOutEverywhereAction(new FormData()));
    for (const cookie of [laptop, phone]) {
      expect(await viewerWith(cookie)).toEqual(ANONYMOUS);
      expect((await nextAuthSession(cookie)).user).toBeUndefined();
    }
  });

  it("is recorded for sessions next-auth starts (email links, Microsoft) too", async () => {
    const { user } = await createPasswordUser();
    const token = await authOptions.callbacks!.jwt!({
      token: { sub: user.id },
      user: { id: user.id, email: user.email },
      account: null,
    });
    expect(typeof token.sid).toBe("string");
    expect(await db.session.findUnique({ where: { id: token.sid as string } })).toMatchObject({
      userId: user.id,
      endedAt: null,
    });
  });
});
