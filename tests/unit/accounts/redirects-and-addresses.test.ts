// Pure rules of the accounts area: where sign-in may send people back to, which address is throttled,
// and which email domains count as a collaborative's.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { ipFromForwardedFor } from "@/lib/auth/request-ip";
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
  ])("falls back to the home page for %j", (raw) => {
    expect(safeCallbackUrl(raw)).toBe("/");
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

describe("ipFromForwardedFor", () => {
  it("takes the right-most address (the one the nearest proxy, or Next itself, saw)", () => {
    expect(ipFromForwardedFor("203.0.113.9")).toBe("203.0.113.9");
    expect(ipFromForwardedFor("1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(ipFromForwardedFor("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(ipFromForwardedFor(null)).toBe("unknown");
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
