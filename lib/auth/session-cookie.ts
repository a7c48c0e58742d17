// Our own forms (sign-in, change password) issue the same session cookie next-auth issues, so they
// work without JavaScript and without next-auth's CSRF round trip; getServerSession reads it as usual.
import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** Must match authOptions.session.maxAge (lib/auth/options.ts imports it from here). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

/** The name next-auth reads: the __Secure- prefix when the portal is served over https. */
export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export type SessionUser = { id: string; name: string; email: string; sessionVersion: number };

/** The same claims as the jwt callback in lib/auth/options.ts. */
export function sessionClaims(user: SessionUser) {
  return { sub: user.id, uid: user.id, sv: user.sessionVersion, name: user.name, email: user.email };
}

export async function encodeSessionToken(user: SessionUser): Promise<string> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("Configuration error: NEXTAUTH_SECRET is not set.");
  return encode({ token: sessionClaims(user), secret, maxAge: SESSION_MAX_AGE_SECONDS });
}

export async function issueSessionCookie(user: SessionUser): Promise<void> {
  const jar = await cookies();
  jar.set(sessionCookieName(), await encodeSessionToken(user), {
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
