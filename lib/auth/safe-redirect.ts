/** Where people land after signing in when nothing asked for a page: their own home (app/(portal)/home). */
export const SIGNED_IN_HOME = "/home";

/**
 * Where to send someone after signing in: only a path on this site. Without one (or with absolute
 * URLs, protocol-relative "//host" and "/\host", which browsers treat as another host) they land on
 * their home, so a crafted sign-in link cannot bounce people to a look-alike site. Used by the
 * password form, the email link and Microsoft (Entra ID) sign-in alike.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = SIGNED_IN_HOME): string {
  if (!raw || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/(?![\u0080-\u009F])[\p{Cc}\\]/u.test(raw)) return fallback;
  // Never back to the pages that sign people in or out.
  if (/^\/(sign-in|sign-out)(\/|\?|$)/.test(raw)) return fallback;
  // A Location header carries bytes up to U+00FF only (Node refuses the response otherwise, after the
  // session cookie was set): anything beyond printable ASCII is percent-encoded as UTF-8.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(raw)) return fallback;
  return raw.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}
