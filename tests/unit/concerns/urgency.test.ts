import { describe, expect, it } from "vitest";
import { URGENT_PATTERN, mayDescribeImmediateRisk } from "@/lib/concerns/urgency";

describe("screening for immediate risk", () => {
  it("flags words that can mean someone is in danger now", () => {
    expect(mayDescribeImmediateRisk("My mum is still on the ward and it is still happening every night")).toBe(true);
    expect(mayDescribeImmediateRisk("He talked about SUICIDE before discharge")).toBe(true);
    expect(mayDescribeImmediateRisk("I think she is being abused in the care home")).toBe(true);
  });

  it("leaves ordinary concerns alone", () => {
    expect(mayDescribeImmediateRisk("My dad's tablets were missing from his discharge letter last month.")).toBe(false);
  });

  it("uses a pattern PostgreSQL reads the same way (plain alternatives, no word-boundary escapes)", () => {
    expect(URGENT_PATTERN).not.toMatch(/\\b/);
    expect(URGENT_PATTERN.split("|").length).toBeGreaterThan(10);
  });
});
