import { describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import {
  TRACKING_TOKEN_PATTERN,
  hashTrackingToken,
  tokenFromTypedLink,
  trackingTokenFor,
} from "@/lib/concerns/tracking-token";

const secret = randomBytes(32);

describe("tracking tokens", () => {
  it("are 32 bytes in base64url", () => {
    const token = trackingTokenFor(randomUUID(), secret);
    expect(token).toMatch(TRACKING_TOKEN_PATTERN);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("are the same for a retried submission (same idempotency key) and different for any other", () => {
    const key = randomUUID();
    expect(trackingTokenFor(key, secret)).toBe(trackingTokenFor(key, secret));
    expect(trackingTokenFor(randomUUID(), secret)).not.toBe(trackingTokenFor(key, secret));
  });

  it("cannot be worked out from the idempotency key without the server secret", () => {
    const key = randomUUID();
    expect(trackingTokenFor(key, randomBytes(32))).not.toBe(trackingTokenFor(key, secret));
  });

  it("are stored only as a SHA-256 hash", () => {
    const token = trackingTokenFor(randomUUID(), secret);
    expect(hashTrackingToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTrackingToken(token)).not.toContain(token);
  });

  it("are found in a pasted link or on their own", () => {
    const token = trackingTokenFor(randomUUID(), secret);
    expect(tokenFromTypedLink(`https://psc.example.nhs.uk/concerns/track/${token}`)).toBe(token);
    expect(tokenFromTypedLink(` ${token}/ `)).toBe(token);
    expect(tokenFromTypedLink("https://psc.example.nhs.uk/concerns/track/short")).toBeNull();
  });
});
