// Links in learning Markdown: only http(s), mailto and relative URLs survive; anything else
// (javascript:, data:, vbscript:, file:, …, however disguised) becomes an inert "#".

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

export function safeUrl(url: string | null | undefined): string {
  if (!url) return "#";
  // Browsers ignore ASCII whitespace and controls inside a scheme ("java\tscript:"), so judge without them.
  const compact = url.replace(/[\p{Cc} ]/gu, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme) ? url.trim() : "#";
  // No scheme: a path, query or fragment on this site, or "//host/…" (http(s) by definition).
  // A colon before the first "/", "?" or "#" would make a browser read a scheme after all.
  const beforePath = compact.split(/[/?#]/, 1)[0] ?? "";
  return beforePath.includes(":") ? "#" : url.trim();
}

/** Whether a URL leaves the portal (for rel="noopener noreferrer" and a visible hint). */
export function isExternalUrl(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}
