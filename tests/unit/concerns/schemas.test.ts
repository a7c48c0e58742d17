import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { concernFormSchema, LIMITS } from "@/lib/concerns/schemas";

const valid = {
  idempotencyKey: randomUUID(),
  website: "",
  postcode: "SO16 6YD",
  organisationText: "",
  happenedWhen: "last-week",
  whatHappened: "My dad fell on the ward at night.",
  priorityArea: "falls",
  pathwayStage: "inpatient-ward",
  impact: "",
  whatWouldHaveHelped: "",
  reporterRelation: "CARER",
  contactPreference: "anonymous",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
};

const errors = (input: Record<string, unknown>) => {
  const parsed = concernFormSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the concern form's rules", () => {
  it("accepts a complete anonymous concern", () => {
    expect(concernFormSchema.safeParse(valid).success).toBe(true);
  });

  it("needs what happened, when, the area, the stage, who they are and a contact choice", () => {
    const e = errors({ idempotencyKey: valid.idempotencyKey, whatHappened: "   " });
    expect(e).toMatchObject({
      whatHappened: "Enter what happened",
      happenedWhen: "Select roughly when it happened",
      priorityArea: "Select what the concern is about",
      pathwayStage: "Select where in their care it happened",
      reporterRelation: "Select who you are",
      contactPreference: "Select whether we can contact you",
    });
  });

  it("limits the length of free text", () => {
    expect(errors({ ...valid, whatHappened: "x".repeat(LIMITS.whatHappened + 1) }).whatHappened).toMatch(
      /5,000 characters or fewer/,
    );
    expect(errors({ ...valid, impact: "x".repeat(LIMITS.impact + 1) }).impact).toMatch(/3,000 characters or fewer/);
  });

  it("counts a line break once, as the browser's character limit does (\\r\\n is stored as \\n)", () => {
    const lines = "ab\r\n".repeat(LIMITS.whatHappened / 3);
    const parsed = concernFormSchema.parse({ ...valid, whatHappened: lines });
    expect(parsed.whatHappened).not.toContain("\r");
  });

  it("removes control characters PostgreSQL would reject, and keeps markup as plain text", () => {
    const parsed = concernFormSchema.parse({ ...valid, whatHappened: "a\u0000b <script>alert(1)</script>" });
    expect(parsed.whatHappened).toBe("ab <script>alert(1)</script>");
  });

  it("needs an email address or a phone number when they want to be contacted", () => {
    expect(errors({ ...valid, contactPreference: "contact" }).contactEmail).toBe(
      "Enter an email address or a phone number, or choose to stay anonymous",
    );
    expect(errors({ ...valid, contactPreference: "contact", contactPhone: "07700 900982" })).toEqual({});
    expect(errors({ ...valid, contactPreference: "contact", contactEmail: "not-an-email" }).contactEmail).toMatch(
      /correct format/,
    );
  });

  it("rejects a tampered idempotency key", () => {
    expect(errors({ ...valid, idempotencyKey: "1" }).idempotencyKey).toMatch(/expired/);
  });
});
