// Our own forms (sign-in, change password) issue the same session cookie next-auth issues, so they
// work without JavaScript and without next-auth's CSRF round trip; getServerSession reads it as usual.
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

/** Must match authOptions.session.maxAge (lib/auth/options.ts imports it from here); defined beside the session records. */
export { SESSION_MAX_AGE_SECONDS };

export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

/** The name next-auth reads: the __Secure- prefix when the portal is served over https. */
export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export type SessionUser = { id: string; name: string; email: string; sessionVersion: number };

/** The same claims as the jwt callback in lib/auth/options.ts; `sid` names the server-side session. */
export function sessionClaims(user: SessionUser, sessionId: string) {
  return { sub: user.id, uid: user.id, sv: user.sessionVersion, sid: sessionId, name: user.name, email: user.email };
}

function secret(): string {
  const value = env().NEXTAUTH_SECRET;
  if (!value) throw new Error("Configuration error: NEXTAUTH_SECRET is not set.");
  return value;
}

export async function encodeSessionToken(user: SessionUser, sessionId: string): Promise<string> {
  return encode({ token: sessionClaims(user, sessionId), secret: secret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

/** Starts a new server-side session for the user and gives this browser its cookie. */
export async function issueSessionCookie(user: SessionUser): Promise<void> {
  const jar = await cookies();
  jar.set(sessionCookieName(), await encodeSessionToken(user, await startSession(user.id)), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  // Both names, in case the portal moved between http and https while the cookie lived.
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) {
    if (jar.has(name))
      jar.set(name, "", {
        httpOnly: true,
        sameSite: "lax",
        secure: name.startsWith("__Secure-"),
        path: "/",
        maxAge: 0,
      });
  }
}

/** Signing out: ends this browser's session on the server (so a copy of the cookie stops working), then clears the cookie. */
export async function endThisSession(): Promise<void> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  const token = raw ? await decode({ token: raw, secret: secret() }).catch(() => null) : null;
  if (typeof token?.sid === "string") await endSession(token.sid);
  await clearSessionCookie();
}
