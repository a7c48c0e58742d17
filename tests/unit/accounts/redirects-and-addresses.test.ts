// Pure rules of the accounts area: where sign-in may send people back to, which address is throttled,
// and which email domains count as a collaborative's.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import {
  NO_PROXY,
  clientAddress,
  isLoopback,
  normaliseAddress,
  parseTrustProxy,
  type TrustProxy,
} from "@/lib/auth/client-address";
import { emailDomainAllowed } from "@/lib/accounts/roles";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site, query strings included", () => {
    expect(safeCallbackUrl("/account")).toBe("/account");
    expect(safeCallbackUrl("/invitations/accept?token=abc")).toBe("/invitations/accept?token=abc");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "/account\nLocation: https://evil.example",
    "evil.example",
    "",
    "/sign-in?callbackUrl=/account",
    "/sign-out",
  ])("falls back to the signed-in home for %j", (raw) => {
    expect(safeCallbackUrl(raw)).toBe("/home");
  });

  it("percent-encodes characters a Location header cannot carry, so the redirect after signing in works", () => {
    expect(safeCallbackUrl("/projects\u2028")).toBe("/projects%E2%80%A8");
    expect(safeCallbackUrl("/learning?q=café crème")).toBe("/learning?q=caf%C3%A9%20cr%C3%A8me");
    expect(safeCallbackUrl("/projects%E2%80%A8")).toBe("/projects%E2%80%A8");
    expect(safeCallbackUrl("/a\uD800b")).toBe("/home");
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }).map((s) => `/${s}`),
        (raw) => {
          expect(safeCallbackUrl(raw)).toMatch(/^[\x21-\x7e]+$/);
        },
      ),
    );
  });

  it("never returns anything a browser would treat as another host", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = safeCallbackUrl(raw);
        expect(new URL(result, "https://portal.example").host).toBe("portal.example");
      }),
    );
  });
});

describe("clientAddress", () => {
  const spoofed = "6.6.6.6, 7.7.7.7";
  const trust = (text: string) => parseTrustProxy(text) as TrustProxy;

  it("with no proxy configured, is the socket's address whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socket: "198.51.100.4", forwardedFor: spoofed }, NO_PROXY)).toBe("198.51.100.4");
    expect(clientAddress({ socket: "::ffff:127.0.0.1", forwardedFor: "203.0.113.9" }, NO_PROXY)).toBe("127.0.0.1");
    expect(clientAddress({ socket: "", forwardedFor: "203.0.113.9" }, NO_PROXY)).toBe("unknown");
  });

  it("with a number of proxies, believes that many entries from the right and no more", () => {
    // One load balancer: it appended the address it saw (7.7.7.7); 6.6.6.6 is the client's own claim.
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: spoofed }, trust("1"))).toBe("7.7.7.7");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: spoofed }, trust("2"))).toBe("6.6.6.6");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: null }, trust("1"))).toBe("10.0.0.2");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "junk, 7.7.7.7" }, trust("2"))).toBe("7.7.7.7");
  });

  it("with proxy addresses, walks left only while the hop is one of them", () => {
    const proxies = trust("10.0.0.0/8, 127.0.0.1");
    expect(clientAddress({ socket: "10.1.2.3", forwardedFor: spoofed }, proxies)).toBe("7.7.7.7");
    expect(clientAddress({ socket: "10.1.2.3", forwardedFor: "6.6.6.6, 10.9.9.9" }, proxies)).toBe("6.6.6.6");
    // A client connecting directly is not a proxy: its header is ignored.
    expect(clientAddress({ socket: "198.51.100.4", forwardedFor: spoofed }, proxies)).toBe("198.51.100.4");
    expect(clientAddress({ socket: "127.0.0.1", forwardedFor: "[2001:db8::1]:443" }, proxies)).toBe("2001:db8::1");
  });

  it("a client that does not connect through a trusted proxy never chooses its address", () => {
    fc.assert(
      fc.property(
        fc.ipV4().filter((a) => !/^(10|127)\./.test(a)),
        fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 5 }),
        fc.constantFrom("0", "false", "10.0.0.0/8", "127.0.0.1,::1"),
        (socket, entries, setting) => {
          expect(clientAddress({ socket, forwardedFor: entries.join(", ") }, trust(setting))).toBe(
            normaliseAddress(socket),
          );
        },
      ),
      { examples: [["203.0.113.5", ["127.0.0.1"], "127.0.0.1,::1"]] },
    );
  });

  it("reads TRUST_PROXY and refuses what it cannot mean", () => {
    expect(parseTrustProxy(undefined)).toEqual({ hops: 0 });
    expect(parseTrustProxy("false")).toEqual({ hops: 0 });
    expect(parseTrustProxy("2")).toEqual({ hops: 2 });
    expect(parseTrustProxy(" 10.0.0.0/8 , ::1 ")).toEqual({ proxies: ["10.0.0.0/8", "::1"] });
    for (const bad of ["true", "yes", "10.0.0.0/33", "300.1.1.1", "99", "10.0.0.0/8/1"])
      expect(parseTrustProxy(bad)).toHaveProperty("error");
  });

  it("knows loopback addresses", () => {
    expect(["127.0.0.1", "127.8.0.1", "::1", "::ffff:127.0.0.1"].every(isLoopback)).toBe(true);
    expect(["192.0.2.1", "::2", "localhost", "", null].some(isLoopback)).toBe(false);
  });
});

describe("emailDomainAllowed", () => {
  it("accepts the domain and its subdomains only", () => {
    expect(emailDomainAllowed("Jo.Bloggs@NHS.net", ["nhs.net"])).toBe(true);
    expect(emailDomainAllowed("jo@mft.nhs.uk", ["nhs.uk"])).toBe(true);
    expect(emailDomainAllowed("jo@fakenhs.net", ["nhs.net"])).toBe(false);
    expect(emailDomainAllowed("jo@nhs.net.example.com", ["nhs.net"])).toBe(false);
    expect(emailDomainAllowed("nobody", ["nhs.net"])).toBe(false);
  });
});
