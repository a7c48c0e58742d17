import { describe, expect, it } from "vitest";
import { xmrChart } from "@/lib/spc";
import { BASE_ENDS_HIGH, BASE_ENDS_LOW, BASE_LOWER, BASE_UPPER, tailCauses, tailRules, withBase } from "./helpers";

// All examples chart extra points after a fixed 12-point baseline (see helpers.ts):
//   mean 11, mean MR 2, limits 16.32 / 5.68, close band above 14.5466… / below 7.4533…
// improvement = "increase" unless stated.

describe("the baseline itself", () => {
  it("has the limits worked out in helpers.ts and no flags", () => {
    const r = withBase([]);
    expect(r.mean).toBe(11);
    expect(r.movingRangeMean).toBe(2);
    expect(r.upperLimit).toBeCloseTo(BASE_UPPER, 12);
    expect(r.lowerLimit).toBeCloseTo(BASE_LOWER, 12);
    expect(r.points.every((p) => p.specialCause === null)).toBe(true);
  });
});

describe("outside-limits", () => {
  it("a point exactly on a limit is not outside (but is close)", () => {
    const upper = withBase([]).upperLimit!;
    const lower = withBase([]).lowerLimit!;
    const r = withBase([upper, 11.5, lower]);
    expect(tailRules(r)).toEqual([[], [], []]);
  });

  it("a point just beyond a limit is outside", () => {
    expect(tailRules(withBase([16.33]))).toEqual([["outside-limits"]]);
    expect(tailCauses(withBase([16.33]))).toEqual(["improvement"]);
    expect(tailRules(withBase([5.67]))).toEqual([["outside-limits"]]);
    expect(tailCauses(withBase([5.67]))).toEqual(["concern"]);
  });

  it("names the side according to the improvement direction", () => {
    expect(tailCauses(withBase([20, 11.5, 2], undefined, { improvement: "decrease" }))).toEqual([
      "concern",
      null,
      "improvement",
    ]);
    expect(tailCauses(withBase([20, 11.5, 2], undefined, { improvement: "neither" }))).toEqual([
      "neither-high",
      null,
      "neither-low",
    ]);
  });
});

describe("shift (7 points on one side of the mean)", () => {
  it("6 points above: no shift", () => {
    // the baseline ends with 10 (below the mean), so the run is exactly the 6 new points
    expect(tailCauses(withBase([11.5, 11.5, 11.5, 11.5, 11.5, 11.5]))).toEqual(new Array(6).fill(null));
  });

  it("7 points above: every point of the run is flagged", () => {
    const r = withBase([11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 10]);
    expect(tailCauses(r)).toEqual([...new Array(7).fill("improvement"), null]);
    expect(tailRules(r)[0]).toEqual(["shift"]);
  });

  it("7 points below is a concern when higher is better; the run may start in the baseline", () => {
    // baseline ends with 12 (above); 6 points below + 1 more = 7
    expect(tailCauses(withBase(new Array(6).fill(10.5), BASE_ENDS_HIGH))).toEqual(new Array(6).fill(null));
    expect(tailCauses(withBase(new Array(7).fill(10.5), BASE_ENDS_HIGH))).toEqual(new Array(7).fill("concern"));
    // Baseline ending with 10 (below) + 6 new points below = 7: the baseline point is flagged too.
    const r = withBase(new Array(6).fill(10.5), BASE_ENDS_LOW);
    expect(r.points.slice(11).map((p) => p.specialCause)).toEqual(new Array(7).fill("concern"));
  });

  it("a point exactly on the mean breaks the run", () => {
    expect(tailCauses(withBase([11.5, 11.5, 11.5, 11, 11.5, 11.5, 11.5, 11.5]))).toEqual(new Array(8).fill(null));
  });

  it("a missing value breaks the run", () => {
    const r = withBase([11.5, 11.5, 11.5, null, 11.5, 11.5, 11.5, 11.5]);
    expect(tailCauses(r)).toEqual(new Array(8).fill(null));
  });
});

describe("trend (7 points each higher, or each lower, than the one before)", () => {
  it("6 rising points: no trend", () => {
    // baseline ends 12, then 9 (a fall), then 5 rises → 6 rising points
    expect(tailCauses(withBase([9, 9.5, 10, 10.5, 11.5, 12], BASE_ENDS_HIGH))).toEqual(new Array(6).fill(null));
  });

  it("7 rising points crossing the mean take the trend's direction", () => {
    // 8.5 … 10.5 are below the mean but part of a rising trend → improvement (higher is better)
    const r = withBase([8.5, 9, 9.5, 10, 10.5, 11.5, 12], BASE_ENDS_HIGH);
    expect(tailCauses(r)).toEqual(new Array(7).fill("improvement"));
    expect(tailRules(r)).toEqual(new Array(7).fill(["trend"]));
    const lowerIsBetter = withBase([8.5, 9, 9.5, 10, 10.5, 11.5, 12], BASE_ENDS_HIGH, { improvement: "decrease" });
    expect(tailCauses(lowerIsBetter)).toEqual(new Array(7).fill("concern"));
  });

  it("7 falling points", () => {
    // 12 (baseline) → 13.5 rises, then 13.5 13 12.5 12 11.5 10.5 10 fall (7 points)
    const r = withBase([13.5, 13, 12.5, 12, 11.5, 10.5, 10], BASE_ENDS_HIGH);
    expect(tailCauses(r)).toEqual(new Array(7).fill("concern"));
    expect(tailRules(r)).toEqual(new Array(7).fill(["trend"]));
  });

  it("equal neighbours break a trend", () => {
    const r = withBase([8.5, 9, 9.5, 9.5, 10, 10.5, 11.5, 12], BASE_ENDS_HIGH);
    expect(tailCauses(r)).toEqual(new Array(8).fill(null));
  });

  it("a missing value breaks a trend (and the moving ranges around it)", () => {
    const r = withBase([8.5, 9, 9.5, null, 10, 10.5, 11.5, 12], BASE_ENDS_HIGH);
    expect(tailCauses(r)).toEqual(new Array(8).fill(null));
    expect(r.points.slice(12).map((p) => p.movingRange)).toEqual([3.5, 0.5, 0.5, null, null, 0.5, 1, 0.5]);
  });

  it("a turning point shared by a rising and a falling trend keeps the trend it ends", () => {
    // 1..7 rising then 7..1 falling; 7 is the peak → rising (high); the troughs are low
    const values = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    const r = xmrChart(values, { improvement: "increase" });
    // mean 49/13 ≈ 3.77, mean MR 1 → limits 3.77 ± 2.66: 1 and 7 are outside, which decides their side
    expect(r.points.map((p) => p.specialCause)).toEqual([
      "concern",
      "improvement",
      "improvement",
      "improvement",
      "improvement",
      "improvement",
      "improvement",
      "concern",
      "concern",
      "concern",
      "concern",
      "concern",
      "concern",
    ]);
    // With a baseline whose limits are wide, the peak is decided by the trend alone
    const wide = xmrChart([0, 20, 0, 20, ...values.map((v) => v + 3)], { improvement: "increase", baselinePoints: 4 });
    // mean 10, mean MR 20 → limits 10 ± 53.2, close band ±35.5. Values 4..10..4: the peak 10 sits on
    // the mean, so the two runs below it are 6 long (no shift): only trends fire
    expect(wide.points.slice(4).map((p) => p.rules)).toEqual(new Array(13).fill(["trend"]));
    expect(wide.points[10].value).toBe(10);
    expect(wide.points[10].specialCause).toBe("improvement"); // the peak
    expect(wide.points[11].specialCause).toBe("concern");
  });
});

describe("two-of-three (two of three points beyond two-thirds of the way to a limit, same side)", () => {
  it("two close points in a window of three on one side: only the close points are flagged", () => {
    const r = withBase([15, 12, 15]);
    expect(tailCauses(r)).toEqual(["improvement", null, "improvement"]);
    expect(tailRules(r)).toEqual([["two-of-three"], [], ["two-of-three"]]);
  });

  it("two adjacent close points below are a concern", () => {
    const r = withBase([7, 7, 10], BASE_ENDS_HIGH);
    expect(tailCauses(r)).toEqual(["concern", "concern", null]);
  });

  it("one close point in the window: no flag", () => {
    expect(tailCauses(withBase([15, 12, 13]))).toEqual([null, null, null]);
  });

  it("a close point on the other side does not count", () => {
    // 15 is close above, 7 is close below (7 < 7.4533 and > 5.68)
    expect(tailCauses(withBase([15, 7, 15]))).toEqual([null, null, null]);
  });

  it("all three points must be on the same side of the mean", () => {
    // 15 _ 15 with 10.5 (below the mean) in the middle
    expect(tailCauses(withBase([15, 10.5, 15]))).toEqual([null, null, null]);
  });

  it("a point exactly on the limit is close and counts", () => {
    const upper = withBase([]).upperLimit!;
    const r = withBase([upper, 12, 15]);
    expect(tailRules(r)).toEqual([["two-of-three"], [], ["two-of-three"]]);
  });

  it("a point outside the limits does not count as close", () => {
    const r = withBase([17, 12, 15]);
    expect(tailRules(r)).toEqual([["outside-limits"], [], []]);
  });

  it("a window with a missing value does not qualify", () => {
    expect(tailCauses(withBase([15, null, 15]))).toEqual([null, null, null]);
    // 10 (baseline, below) 15 15 null: the only all-present window is not on one side
    expect(tailCauses(withBase([15, 15, null]))).toEqual([null, null, null]);
  });

  it("just inside the close band is not close", () => {
    // 14.54 < 14.5466… and 14.55 > it
    expect(tailCauses(withBase([14.54, 12, 14.54]))).toEqual([null, null, null]);
    expect(tailCauses(withBase([14.55, 12, 14.55]))).toEqual(["improvement", null, "improvement"]);
  });
});

describe("precedence: outside-limits > trend > two-of-three > shift decides the side", () => {
  it("outside beats trend, trend beats shift", () => {
    // baseline ends 12 (above). Then 17 15 14 13 12 11.5 10.5:
    //  - 12 (baseline) … 11.5 are 7 points above the mean → shift
    //  - 17 … 10.5 fall 7 times → a falling trend (concern when higher is better)
    //  - 17 is outside the upper limit → improvement
    const r = withBase([17, 15, 14, 13, 12, 11.5, 10.5], BASE_ENDS_HIGH);
    expect(r.points[11].rules).toEqual(["shift"]);
    expect(r.points[11].specialCause).toBe("improvement");
    expect(tailRules(r)).toEqual([
      ["outside-limits", "shift", "trend"],
      ["shift", "trend"],
      ["shift", "trend"],
      ["shift", "trend"],
      ["shift", "trend"],
      ["shift", "trend"],
      ["trend"],
    ]);
    expect(tailCauses(r)).toEqual(["improvement", "concern", "concern", "concern", "concern", "concern", "concern"]);
  });

  it("trend beats two-of-three", () => {
    // falling from 16 while above the mean and close to the upper limit
    // 12 (baseline) 16 15.5 15 14.8 13 12 11.5: close: 16 15.5 15 14.8 → two-of-three says high,
    // the falling trend says low → concern wins for those points
    const r = withBase([16, 15.5, 15, 14.8, 13, 12, 11.5], BASE_ENDS_HIGH);
    expect(tailRules(r)[0]).toEqual(["shift", "trend", "two-of-three"]);
    expect(tailCauses(r)).toEqual(new Array(7).fill("concern"));
  });

  it("rules lists every rule that applies in a stable order", () => {
    // 8 close points above in a rising trend: all four rules on the last, which is outside
    const r = withBase([14.6, 14.7, 14.8, 14.9, 15, 15.1, 16.5]);
    expect(r.points[18].rules).toEqual(["outside-limits", "shift", "trend"]);
    expect(r.points[17].rules).toEqual(["shift", "trend", "two-of-three"]);
  });
});

describe("missing values", () => {
  it("keep their position with no flags", () => {
    const r = withBase([20, null, 20]);
    expect(r.points.slice(12)).toEqual([
      { value: 20, movingRange: 10, rules: ["outside-limits"], specialCause: "improvement" },
      { value: null, movingRange: null, rules: [], specialCause: null },
      { value: 20, movingRange: null, rules: ["outside-limits"], specialCause: "improvement" },
    ]);
  });
});
