import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { deferDatabaseOutage, loadViewer } from "./load-viewer";
import { sessionCookieName } from "./session-cookie";
import { ANONYMOUS, type Viewer } from "./viewer-types";

export { ANONYMOUS, type Viewer };

/**
 * The person making this request (ANONYMOUS when signed out). One database read per request; while
 * the database is unreachable, using the result throws (see deferDatabaseOutage).
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  // The session cookie decoded directly (what getServerSession does first, without its callbacks and
  // re-encoding: this runs on every request). A missing, expired or tampered token is no session.
  const raw = (await cookies()).get(sessionCookieName())?.value;
  const token = raw ? await decode({ token: raw, secret: env().NEXTAUTH_SECRET ?? "" }).catch(() => null) : null;
  // Tokens without a session id (issued before sessions were recorded) are no session.
  if (typeof token?.uid !== "string" || typeof token.sid !== "string") return ANONYMOUS;
  return deferDatabaseOutage(loadViewer(token.uid, typeof token.sv === "number" ? token.sv : -1, token.sid));
});

/** For pages that need a signed-in person: sends others to sign in, then back. */
export async function requireViewer(returnTo: string): Promise<Viewer & { userId: string }> {
  const viewer = await getViewer();
  if (!viewer.userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer as Viewer & { userId: string };
}
