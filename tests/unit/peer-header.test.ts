// The connection's address, carried by the hook instrumentation.ts installs (lib/auth/peer-header.ts),
// against real node:http servers and real connections: whatever a client writes in X-Forwarded-For or in
// the internal header itself, the address is the socket's unless TRUST_PROXY names the hop; and the
// captured-email viewer opens only for this machine, only when switched on.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, installPeerHeader, isFromThisMachine, readPeer, type Peer } from "@/lib/auth/peer-header";
import { clientAddress, parseTrustProxy, type TrustProxy } from "@/lib/auth/client-address";
import { captureViewerOn } from "@/lib/mail/capture-viewer";

type Seen = {
  peer: Peer | null;
  none: string | null;
  oneHop: string | null;
  localProxy: string | null;
  thisMachine: boolean;
};

function server(): http.Server {
  return http.createServer((request, response) => {
    const peer = readPeer(request.headers[PEER_HEADER] as string | undefined);
    const at = (trust: TrustProxy) => (peer ? clientAddress(peer, trust) : null);
    const seen: Seen = {
      peer,
      none: at({ hops: 0 }),
      oneHop: at({ hops: 1 }),
      localProxy: at(parseTrustProxy("127.0.0.1") as TrustProxy),
      thisMachine: isFromThisMachine(peer),
    };
    response.end(JSON.stringify(seen));
  });
}

function listen(s: http.Server): Promise<number> {
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));
}

/** A GET from `localAddress` (any 127.x address is this machine's loopback) with the given headers. */
function ask(port: number, headers: Record<string, string>, localAddress = "127.0.0.1"): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port, path: "/", headers, localAddress, agent: false },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve(JSON.parse(body) as Seen));
      },
    );
    request.on("error", reject);
  });
}

const spoofed = { "x-forwarded-for": "6.6.6.6, 7.7.7.7", host: "localhost", [PEER_HEADER]: "guess;127.0.0.1;-;0" };
let before: http.Server;
let beforePort: number;
let after: http.Server;
let afterPort: number;

beforeAll(async () => {
  // A server listening before the hook is installed, as Next's is when instrumentation runs.
  before = server();
  beforePort = await listen(before);
  const early = await ask(beforePort, spoofed);
  // Before the hook, a client's own header is not believed: the seal is this process's secret.
  expect(early.peer).toBeNull();
  installPeerHeader(http);
  installPeerHeader(http); // twice is once
  after = server();
  afterPort = await listen(after);
});

afterAll(() => {
  before?.close();
  after?.close();
});

describe("the connection's address reaches the handler", () => {
  it("for servers that were listening before the hook and after it", async () => {
    for (const port of [beforePort, afterPort]) {
      const seen = await ask(port, {}, "127.0.0.2");
      expect(seen.peer).toEqual({ socket: "127.0.0.2", forwardedFor: null, proxied: false });
      expect(seen.none).toBe("127.0.0.2");
    }
  });

  it("with no proxy trusted, spoofed X-Forwarded-For and a forged internal header change nothing", async () => {
    const seen = await ask(afterPort, spoofed, "127.0.0.3");
    expect(seen.peer).toEqual({ socket: "127.0.0.3", forwardedFor: "6.6.6.6, 7.7.7.7", proxied: true });
    expect(seen.none).toBe("127.0.0.3");
  });

  it("with one proxy trusted, the entry it appended; with a proxy address, only when the connection is from it", async () => {
    const fromOther = await ask(afterPort, spoofed, "127.0.0.4");
    expect(fromOther.oneHop).toBe("7.7.7.7");
    expect(fromOther.localProxy).toBe("127.0.0.4"); // not the named proxy: its header is ignored
    const fromProxy = await ask(afterPort, { "x-forwarded-for": "203.0.113.5" }, "127.0.0.1");
    expect(fromProxy.localProxy).toBe("203.0.113.5");
  });

  it("keeps a header this process sealed (Next.js forwarding an action to itself)", async () => {
    const first = await ask(afterPort, {}, "127.0.0.6");
    const { peerHeaderValue } = await import("@/lib/auth/peer-header");
    const forwarded = await ask(afterPort, { [PEER_HEADER]: peerHeaderValue("198.51.100.9", {}) }, "127.0.0.7");
    expect(first.none).toBe("127.0.0.6");
    expect(forwarded.none).toBe("198.51.100.9");
  });
});

describe("the captured-email viewer", () => {
  it("opens only to a loopback connection that came through no proxy, whatever Host says", async () => {
    expect((await ask(afterPort, { host: "portal.example" }, "127.0.0.5")).thisMachine).toBe(true);
    expect((await ask(afterPort, { host: "localhost", "x-forwarded-for": "127.0.0.1" }, "127.0.0.5")).thisMachine).toBe(
      false,
    );
    expect((await ask(afterPort, { host: "localhost", forwarded: "for=127.0.0.1" }, "127.0.0.5")).thisMachine).toBe(
      false,
    );
    expect(isFromThisMachine({ socket: "192.0.2.7", forwardedFor: null, proxied: false })).toBe(false);
    expect(isFromThisMachine({ socket: "::ffff:127.0.0.1", forwardedFor: null, proxied: false })).toBe(true);
    expect(isFromThisMachine(null)).toBe(false);
  });

  it("exists in development, or when MAIL_CAPTURE_VIEWER says so, and only with a capture folder", () => {
    const dir = "/tmp/mail";
    expect(captureViewerOn({ NODE_ENV: "development", MAIL_CAPTURE_DIR: dir, MAIL_CAPTURE_VIEWER: undefined })).toBe(
      true,
    );
    expect(captureViewerOn({ NODE_ENV: "production", MAIL_CAPTURE_DIR: dir, MAIL_CAPTURE_VIEWER: undefined })).toBe(
      false,
    );
    expect(captureViewerOn({ NODE_ENV: "test", MAIL_CAPTURE_DIR: dir, MAIL_CAPTURE_VIEWER: undefined })).toBe(false);
    expect(captureViewerOn({ NODE_ENV: "production", MAIL_CAPTURE_DIR: dir, MAIL_CAPTURE_VIEWER: "true" })).toBe(true);
    expect(captureViewerOn({ NODE_ENV: "development", MAIL_CAPTURE_DIR: dir, MAIL_CAPTURE_VIEWER: "false" })).toBe(
      false,
    );
    expect(captureViewerOn({ NODE_ENV: "development", MAIL_CAPTURE_DIR: undefined, MAIL_CAPTURE_VIEWER: "true" })).toBe(
      false,
    );
  });
});
