import type { Env } from "@/lib/env";

/**
 * The /dev/mail viewer of captured email (sign-in and reset links) exists only where mail goes to the
 * local capture and only in development, unless MAIL_CAPTURE_VIEWER switches it on or off; even then
 * it answers only connections from this machine (lib/auth/peer-header.ts).
 */
export function captureViewerOn(e: Pick<Env, "NODE_ENV" | "MAIL_CAPTURE_DIR" | "MAIL_CAPTURE_VIEWER">): boolean {
  if (!e.MAIL_CAPTURE_DIR) return false;
  return e.MAIL_CAPTURE_VIEWER === undefined ? e.NODE_ENV === "development" : e.MAIL_CAPTURE_VIEWER === "true";
}
