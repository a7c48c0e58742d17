// DCB0129's risk matrix and the hazard log's schema: a rating must follow from likelihood × severity.
import { describe, expect, it } from "vitest";
import { LIKELIHOODS, SEVERITIES, riskRating } from "@/lib/safety/risk";
import { dpiaLevel, hazardLogSchema } from "@/lib/safety/schema";

const hazard = (rating: number, residual = 2) => ({
  id: "H01",
  title: "A concern is lost",
  description: "It is not stored.",
  causes: ["A retry"],
  effects: ["Nobody reads it"],
  initialRisk: { likelihood: "medium", severity: "major", rating },
  controls: [{ description: "Exactly once", tests: ["tests/unit/x.test.ts::a > b"] }],
  residualRisk: { likelihood: "very low", severity: "major", rating: residual },
  status: "closed",
});
const log = (...hazards: unknown[]) => ({ product: "P", manufacturer: "M", intendedUse: "U", hazards });

describe("the DCB0129 risk matrix", () => {
  it("gives the standard's ratings at its corners and middle", () => {
    expect(riskRating("very low", "minor")).toBe(1);
    expect(riskRating("very low", "catastrophic")).toBe(3);
    expect(riskRating("very high", "minor")).toBe(3);
    expect(riskRating("very high", "catastrophic")).toBe(5);
    expect(riskRating("medium", "considerable")).toBe(3);
    expect(riskRating("high", "catastrophic")).toBe(5);
    expect(riskRating("low", "catastrophic")).toBe(4);
  });

  it("never falls as likelihood or severity rises", () => {
    for (let l = 0; l < LIKELIHOODS.length; l++)
      for (let s = 0; s < SEVERITIES.length; s++) {
        const here = riskRating(LIKELIHOODS[l]!, SEVERITIES[s]!);
        if (l > 0) expect(here).toBeGreaterThanOrEqual(riskRating(LIKELIHOODS[l - 1]!, SEVERITIES[s]!));
        if (s > 0) expect(here).toBeGreaterThanOrEqual(riskRating(LIKELIHOODS[l]!, SEVERITIES[s - 1]!));
      }
  });
});

describe("the hazard log's schema", () => {
  it("accepts ratings that follow from the matrix", () => {
    expect(hazardLogSchema.safeParse(log(hazard(3))).success).toBe(true);
  });

  it("refuses a rating typed differently from the matrix, naming the field", () => {
    const result = hazardLogSchema.safeParse(log(hazard(2)));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain("hazards.0.initialRisk.rating");
  });

  it("refuses a hazard without a control, a control without a test, and a residual risk above the initial one", () => {
    const noControl = { ...hazard(3), controls: [] };
    const noTest = { ...hazard(3), controls: [{ description: "x", tests: [] }] };
    const worse = { ...hazard(3), residualRisk: { likelihood: "high", severity: "catastrophic", rating: 5 } };
    for (const bad of [noControl, noTest, worse]) expect(hazardLogSchema.safeParse(log(bad)).success).toBe(false);
  });

  it("refuses a test named without its file, and two hazards with one id", () => {
    const unnamed = { ...hazard(3), controls: [{ description: "x", tests: ["saves one concern"] }] };
    expect(hazardLogSchema.safeParse(log(unnamed)).success).toBe(false);
    expect(hazardLogSchema.safeParse(log(hazard(3), hazard(3))).success).toBe(false);
  });
});

describe("the DPIA's risk levels (ICO)", () => {
  it("are likelihood × severity: low, medium or high", () => {
    expect(dpiaLevel("remote", "minimal")).toBe("low");
    expect(dpiaLevel("remote", "severe")).toBe("medium");
    expect(dpiaLevel("possible", "significant")).toBe("medium");
    expect(dpiaLevel("possible", "severe")).toBe("high");
    expect(dpiaLevel("probable", "severe")).toBe("high");
  });
});
