import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { loadViewer } from "./load-viewer";
import { ANONYMOUS, type Viewer } from "./viewer-types";

export { ANONYMOUS, type Viewer };

/** The person making this request (ANONYMOUS when signed out). One database read per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const session = await getServerSession(authOptions);
  const token = session?.user as { id?: string; sessionVersion?: number } | undefined;
  if (!token?.id) return ANONYMOUS;
  return loadViewer(token.id, token.sessionVersion ?? -1);
});

/** For pages that need a signed-in person: sends others to sign in, then back. */
export async function requireViewer(returnTo: string): Promise<Viewer & { userId: string }> {
  const viewer = await getViewer();
  if (!viewer.userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer as Viewer & { userId: string };
}
