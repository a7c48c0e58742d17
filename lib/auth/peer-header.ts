/**
 * The connection's own address, carried to the App Router (which never sees the socket) in an internal
 * request header. instrumentation.ts installs the hook in every server process: each request's header
 * is overwritten with the socket's address and the X-Forwarded-For the client actually sent (Next.js
 * fills that header in later when it is missing), sealed with a secret made in this process, so a
 * client that sends the header itself, or a request that arrived before the hook, is not believed.
 */
// No "server-only" here: instrumentation.ts loads this module, outside the React server layer.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { isLoopback } from "./client-address";

export const PEER_HEADER = "x-psc-peer";

/** What the hook saw of the connection. */
export type Peer = {
  socket: string;
  /** X-Forwarded-For as the request arrived; null when there was none. */
  forwardedFor: string | null;
  /** Whether the request came with any proxy header (X-Forwarded-For, Forwarded, X-Real-IP, Via). */
  proxied: boolean;
};

type HookState = { secret: string; installed: boolean };

// On globalThis: instrumentation and the route bundles are separate module graphs in one process.
function state(): HookState {
  const key = Symbol.for("psc.peer-header");
  const holder = globalThis as unknown as Record<symbol, HookState | undefined>;
  return (holder[key] ??= {
    secret: Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url"),
    installed: false,
  });
}

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : value);

/** The header value for a request that arrived on `socket` with these headers. */
export function peerHeaderValue(socket: string, headers: IncomingHttpHeaders): string {
  const forwardedFor = text(headers["x-forwarded-for"]);
  const proxied =
    forwardedFor !== undefined || ["forwarded", "x-real-ip", "via"].some((name) => headers[name] !== undefined);
  return [
    state().secret,
    encodeURIComponent(socket),
    forwardedFor === undefined ? "-" : encodeURIComponent(forwardedFor),
    proxied ? "1" : "0",
  ].join(";");
}

/** Compared in time that does not depend on where the texts differ. */
function sameText(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/** The connection a request came from, or null when the header was not written by this process's hook. */
export function readPeer(value: string | null | undefined): Peer | null {
  const [secret, socket, forwardedFor, proxied, ...rest] = (value ?? "").split(";");
  if (rest.length > 0 || socket === undefined || forwardedFor === undefined || proxied === undefined) return null;
  if (!sameText(secret ?? "", state().secret)) return null;
  try {
    return {
      socket: decodeURIComponent(socket),
      forwardedFor: forwardedFor === "-" ? null : decodeURIComponent(forwardedFor),
      proxied: proxied === "1",
    };
  } catch {
    return null;
  }
}

/** A loopback connection that came through no proxy (a proxy on this machine would make every client local). */
export function isFromThisMachine(peer: Peer | null): boolean {
  return peer !== null && isLoopback(peer.socket) && !peer.proxied;
}

/**
 * Wraps request dispatch of every node:http server in this process (servers already listening
 * included: the method is looked up on each emit), once.
 */
export function installPeerHeader(http: typeof import("node:http")): void {
  const hook = state();
  if (hook.installed) return;
  hook.installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: import("node:http").Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      // A header this process sealed comes back only when Next.js forwards an action to itself: kept.
      const sealed = request.headers[PEER_HEADER];
      if (typeof sealed !== "string" || readPeer(sealed) === null) {
        request.headers[PEER_HEADER] = peerHeaderValue(request.socket?.remoteAddress ?? "", request.headers);
      }
    }
    return (emit as (this: unknown, ...all: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
