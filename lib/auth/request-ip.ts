import "server-only";
import { headers } from "next/headers";
import { trustProxy } from "@/lib/env";
import { clientAddress } from "./client-address";
import { PEER_HEADER, isFromThisMachine, readPeer } from "./peer-header";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function peerOf(source: HeaderSource) {
  const value = source instanceof Headers ? source.get(PEER_HEADER) : source[PEER_HEADER];
  return readPeer(Array.isArray(value) ? value[0] : value);
}

/**
 * The client address for throttling and the audit log: the connection's, or through the proxies
 * TRUST_PROXY names (lib/auth/client-address.ts). "unknown" when the connection was not seen (a request
 * that reached the server before the hook in instrumentation.ts was installed): those share one allowance.
 */
export function clientAddressFrom(source: HeaderSource): string {
  const peer = peerOf(source);
  return peer ? clientAddress(peer, trustProxy()) : "unknown";
}

export async function requestIp(): Promise<string> {
  return clientAddressFrom(await headers());
}

/**
 * Whether the request comes from this machine, for the captured-email viewer: a loopback connection
 * that passed through no proxy. Decided from the socket, never from Host or a forwarding header.
 */
export async function requestIsFromThisMachine(): Promise<boolean> {
  return isFromThisMachine(peerOf(await headers()));
}
