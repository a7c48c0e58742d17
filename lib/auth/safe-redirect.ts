/**
 * Where to send someone after signing in: only a path on this site. Absolute URLs, protocol-relative
 * "//host" and "/\host" (which browsers treat as another host) fall back to the home page, so a
 * crafted sign-in link cannot bounce people to a look-alike site.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/"): string {
  if (!raw || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/(?![\u0080-\u009F])[\p{Cc}\\]/u.test(raw)) return fallback;
  // Never back to the pages that sign people in or out.
  if (/^\/(sign-in|sign-out)(\/|\?|$)/.test(raw)) return fallback;
  return raw;
}
