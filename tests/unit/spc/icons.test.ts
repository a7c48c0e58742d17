import { describe, expect, it } from "vitest";
import { SPC_COLOURS, describeAssurance, describeVariation, xmrChart, type Direction } from "@/lib/spc";
import { BASE_ENDS_HIGH, withBase } from "./helpers";

// Baseline (helpers.ts): mean 11, limits 16.32 / 5.68.

describe("variation icon (latest non-missing point)", () => {
  const cases: [Direction, number, string][] = [
    ["increase", 20, "improvement-high"],
    ["increase", 2, "concern-low"],
    ["decrease", 20, "concern-high"],
    ["decrease", 2, "improvement-low"],
    ["neither", 20, "neither-high"],
    ["neither", 2, "neither-low"],
  ];
  it.each(cases)("improvement %s, last point %d → %s", (improvement, last, variation) => {
    expect(withBase([11.5, last], undefined, { improvement }).variation).toBe(variation);
  });

  it.each<Direction>(["increase", "decrease", "neither"])("common cause (%s)", (improvement) => {
    expect(withBase([11.5, 10.5], undefined, { improvement }).variation).toBe("common-cause");
  });

  it("an earlier special cause does not matter once the latest point is common cause", () => {
    expect(withBase([20, 11.5]).variation).toBe("common-cause");
  });

  it("trailing missing values are skipped", () => {
    expect(withBase([20, null, null]).variation).toBe("improvement-high");
  });

  it("a falling trend above the mean is a concern shown as low when higher is better", () => {
    // 12 (baseline) then 13.5 … 11.6: seven falling points, all above the mean. With the baseline's
    // last 12 that is also an 8-point shift above (side: high), but trend beats shift (side: low).
    const r = withBase([13.5, 13.2, 12.9, 12.6, 12.3, 12, 11.6], BASE_ENDS_HIGH);
    expect(r.points.at(-1)!.rules).toEqual(["shift", "trend"]);
    expect(r.variation).toBe("concern-low");
    const lowerIsBetter = withBase([13.5, 13.2, 12.9, 12.6, 12.3, 12, 11.6], BASE_ENDS_HIGH, {
      improvement: "decrease",
    });
    expect(lowerIsBetter.variation).toBe("improvement-low");
  });

  it("is null without limits", () => {
    expect(xmrChart([]).variation).toBeNull();
    expect(xmrChart([5]).variation).toBeNull();
  });
});

describe("assurance icon", () => {
  const upper = withBase([]).upperLimit!; // 16.32
  const lower = withBase([]).lowerLimit!; // 5.68
  const cases: [Direction, number, string | null][] = [
    ["increase", 20, "consistently-fails"],
    ["increase", 3, "consistently-meets"],
    ["increase", 11, "inconsistent"],
    ["increase", upper, "inconsistent"],
    ["increase", lower, "inconsistent"],
    ["decrease", 20, "consistently-meets"],
    ["decrease", 3, "consistently-fails"],
    ["decrease", 11, "inconsistent"],
    ["decrease", upper, "inconsistent"],
    ["decrease", lower, "inconsistent"],
    ["neither", 20, null],
    ["neither", 3, null],
    ["neither", 11, null],
  ];
  it.each(cases)("improvement %s, target %d → %s", (improvement, target, assurance) => {
    expect(withBase([], undefined, { improvement, target }).assurance).toBe(assurance);
  });

  it("just beyond a limit is consistent", () => {
    expect(withBase([], undefined, { improvement: "increase", target: 16.33 }).assurance).toBe("consistently-fails");
    expect(withBase([], undefined, { improvement: "increase", target: 5.67 }).assurance).toBe("consistently-meets");
  });

  it("is null without a target, with a non-finite target, or without limits", () => {
    expect(withBase([], undefined, { improvement: "increase" }).assurance).toBeNull();
    expect(withBase([], undefined, { improvement: "increase", target: Number.NaN }).assurance).toBeNull();
    expect(xmrChart([5], { improvement: "increase", target: 1 }).assurance).toBeNull();
    expect(xmrChart([5, null, 6], { improvement: "increase", target: 1 }).assurance).toBeNull();
  });
});

describe("descriptions and colours", () => {
  it("describes every variation", () => {
    expect(describeVariation("common-cause", "increase")).toBe("Common cause variation – no significant change");
    expect(describeVariation("improvement-high", "increase")).toBe(
      "Special cause variation of an improving nature where the measure is significantly higher",
    );
    expect(describeVariation("improvement-low", "decrease")).toBe(
      "Special cause variation of an improving nature where the measure is significantly lower",
    );
    expect(describeVariation("concern-high", "decrease")).toBe(
      "Special cause variation of a concerning nature where the measure is significantly higher",
    );
    expect(describeVariation("concern-low", "increase")).toBe(
      "Special cause variation of a concerning nature where the measure is significantly lower",
    );
    expect(describeVariation("neither-high", "neither")).toBe(
      "Special cause variation where the measure is significantly higher – neither improvement nor concern (no improvement direction is set)",
    );
    expect(describeVariation("neither-low", "neither")).toMatch(/significantly lower/);
    expect(describeVariation(null, "increase")).toBe("Not enough data to identify variation");
  });

  it("describes every assurance", () => {
    expect(describeAssurance("consistently-meets")).toBe("The system is expected to consistently meet the target");
    expect(describeAssurance("consistently-fails")).toBe("The system is expected to consistently fail the target");
    expect(describeAssurance("inconsistent")).toBe(
      "The system may achieve or fail the target subject to random variation",
    );
    expect(describeAssurance(null)).toMatch(/^No assurance/);
  });

  it("uses the NHS identity colours", () => {
    expect(SPC_COLOURS).toEqual({ improvement: "#005eb8", concern: "#ed8b00", neither: "#7c2855", common: "#768692" });
  });
});
