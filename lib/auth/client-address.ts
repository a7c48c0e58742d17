/**
 * Who is connecting, decided from the connection itself. X-Forwarded-For is whatever the client
 * wrote unless a proxy the operator named (TRUST_PROXY) appended to it, so it is read only through
 * trusted hops, right to left, as Express's "trust proxy" does. Pure: no request, no environment.
 */
import { BlockList, isIP } from "node:net";

/** How far to believe X-Forwarded-For: a number of proxies in front, or the proxies' addresses. */
export type TrustProxy = { hops: number } | { proxies: string[] };

export const NO_PROXY: TrustProxy = { hops: 0 };

export const TRUST_PROXY_HELP =
  "TRUST_PROXY must be the number of proxies in front of the portal (0 when none, 1 for one load balancer) or a comma-separated list of their addresses or ranges (e.g. 10.0.0.0/8, 127.0.0.1)";

/** TRUST_PROXY as written: unset, "false" or "0" trust nothing; a number; or addresses and CIDR ranges. */
export function parseTrustProxy(text: string | undefined): TrustProxy | { error: string } {
  const value = (text ?? "").trim();
  if (value === "" || value === "false" || value === "0") return NO_PROXY;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? { hops } : { error: `${TRUST_PROXY_HELP}; ${hops} proxies is more than any real chain` };
  }
  if (value === "true") return { error: `${TRUST_PROXY_HELP}; "true" does not say how many, so write 1 for one proxy` };
  const proxies = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = proxies.find((p) => !validRange(p));
  return bad === undefined ? { proxies } : { error: `${TRUST_PROXY_HELP}; “${bad}” is not an address or range` };
}

function validRange(text: string): boolean {
  const [address, bits, extra] = text.split("/");
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128);
}

/** An address as the portal records it: no port or brackets, IPv4-mapped IPv6 as IPv4. Null if not an address. */
export function normaliseAddress(text: string | null | undefined): string | null {
  let value = (text ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const version = isIP(value);
  if (version === 0) return null;
  return version === 6 ? value.toLowerCase() : value;
}

export function isLoopback(address: string | null | undefined): boolean {
  const a = normaliseAddress(address);
  return a !== null && (a === "::1" || /^127\./.test(a));
}

const blockLists = new Map<string, BlockList>();

function trusted(address: string, proxies: string[]): boolean {
  const key = proxies.join(",");
  let list = blockLists.get(key);
  if (!list) {
    list = new BlockList();
    for (const range of proxies) {
      const [base, bits] = range.split("/");
      const type = isIP(base!) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) list.addAddress(base!, type);
      else list.addSubnet(base!, Number(bits), type);
    }
    blockLists.set(key, list);
  }
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, unless it belongs to a trusted proxy, in which case the entry
 * that proxy appended to X-Forwarded-For, and so on leftwards while the hops are trusted. An entry
 * that is not an address stops the walk. "unknown" when even the socket's address is missing.
 */
export function clientAddress(peer: { socket: string | null; forwardedFor: string | null }, trust: TrustProxy): string {
  let address = normaliseAddress(peer.socket);
  if (!address) return "unknown";
  const hops = (peer.forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  for (let i = 0; i < hops.length; i++) {
    const allowed = "hops" in trust ? i < trust.hops : trusted(address, trust.proxies);
    if (!allowed) break;
    const next = normaliseAddress(hops[i]);
    if (!next) break;
    address = next;
  }
  return address;
}
