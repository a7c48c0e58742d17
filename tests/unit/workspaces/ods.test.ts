import { describe, expect, it } from "vitest";
import { validateOdsCode } from "@/lib/collaboratives/ods";

describe("ODS code validation", () => {
  it("accepts the documented formats for each type", () => {
    const valid: [string, Parameters<typeof validateOdsCode>[1]][] = [
      ["RHM", "ACUTE_TRUST"],
      ["RTH", "ACUTE_TRUST"],
      ["R0A", "ACUTE_TRUST"],
      ["RHM01", "ACUTE_TRUST"],
      ["TAD", "MENTAL_HEALTH_TRUST"],
      ["RX6", "AMBULANCE_SERVICE"],
      ["RYJ", "COMMUNITY_SERVICE"],
      ["NQA01", "COMMUNITY_SERVICE"],
      ["J82001", "GP_PRACTICE"],
      ["VM123", "CARE_HOME"],
      ["NXT01", "CARE_HOME"],
      ["919", "LOCAL_AUTHORITY"],
      ["ABC123", "CHARITY"],
    ];
    for (const [code, type] of valid)
      expect(validateOdsCode(code, type), `${code} as ${type}`).toEqual({ ok: true, code });
  });

  it("tidies spaces and lower case", () => {
    expect(validateOdsCode(" j82 001 ", "GP_PRACTICE")).toEqual({ ok: true, code: "J82001" });
  });

  it("treats an empty code as none", () => {
    expect(validateOdsCode("", "ACUTE_TRUST")).toEqual({ ok: true, code: null });
    expect(validateOdsCode("  ", "CARE_HOME")).toEqual({ ok: true, code: null });
    expect(validateOdsCode(undefined, "OTHER")).toEqual({ ok: true, code: null });
  });

  it("explains the expected format when a code does not fit its type", () => {
    expect(validateOdsCode("J82001", "ACUTE_TRUST")).toEqual({
      ok: false,
      message: expect.stringContaining("starting with R or T"),
    });
    expect(validateOdsCode("RHM0", "ACUTE_TRUST")).toMatchObject({ ok: false });
    expect(validateOdsCode("RHM", "GP_PRACTICE")).toEqual({
      ok: false,
      message: "A GP practice's ODS code is a letter followed by 5 numbers, for example J82001",
    });
    expect(validateOdsCode("RHM01", "CARE_HOME")).toEqual({
      ok: false,
      message: expect.stringContaining("starts with V or N"),
    });
    expect(validateOdsCode("9191", "LOCAL_AUTHORITY")).toMatchObject({ ok: false });
  });

  it("rejects anything outside 3 to 6 letters or numbers, whatever the type", () => {
    for (const code of ["AB", "ABCDEFG", "RH-M", "R_M", "ÄBC"]) {
      expect(validateOdsCode(code, "OTHER"), code).toEqual({
        ok: false,
        message: "ODS code must be 3 to 6 letters or numbers, for example RHM or J82001",
      });
    }
  });
});
