import { headers } from "next/headers";

/**
 * The client address for throttling and the audit log. `next start` puts the socket address in
 * X-Forwarded-For when the request has none; a proxy in front (TRUST_PROXY=true) appends the address
 * it saw, so the right-most entry is the one to believe either way. Without a proxy a client can send
 * its own header, so per-IP limits are a second line: the per-account limits do not depend on it.
 */
export function ipFromForwardedFor(header: string | null): string {
  const entries = (header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return (entries.at(-1) ?? "unknown").replace(/^::ffff:/, "").slice(0, 64);
}

export async function requestIp(): Promise<string> {
  return ipFromForwardedFor((await headers()).get("x-forwarded-for"));
}
