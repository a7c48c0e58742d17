import { describe, expect, it } from "vitest";
import { limitsAreProvisional, xmrChart } from "@/lib/spc";

describe("xmrChart – mean, moving ranges and limits (worked by hand)", () => {
  it("computes a plain series", () => {
    // values 10 14 12 16 13: mean = 65 / 5 = 13
    // moving ranges: 4 2 4 3 → mean MR = 13 / 4 = 3.25
    // limits = 13 ± 2.66 × 3.25 = 13 ± 8.645 → 21.645 / 4.355
    const r = xmrChart([10, 14, 12, 16, 13]);
    expect(r.mean).toBe(13);
    expect(r.movingRangeMean).toBe(3.25);
    expect(r.upperLimit).toBeCloseTo(21.645, 10);
    expect(r.lowerLimit).toBeCloseTo(4.355, 10);
    expect(r.points.map((p) => p.movingRange)).toEqual([null, 4, 2, 4, 3]);
    expect(r.points.every((p) => p.specialCause === null && p.rules.length === 0)).toBe(true);
    expect(r.variation).toBe("common-cause");
    expect(r.assurance).toBeNull();
    expect(r.pointsUsedForLimits).toBe(5);
  });

  it("does not bridge gaps and treats NaN / Infinity as missing", () => {
    // present values 10 14 12 16: mean = 52 / 4 = 13
    // moving ranges: only 14→12 has both neighbours present → 2, so mean MR = 2
    // limits = 13 ± 5.32 → 18.32 / 7.68
    const r = xmrChart([10, null, 14, 12, Number.NaN, 16, Number.POSITIVE_INFINITY]);
    expect(r.mean).toBe(13);
    expect(r.movingRangeMean).toBe(2);
    expect(r.upperLimit).toBeCloseTo(18.32, 10);
    expect(r.lowerLimit).toBeCloseTo(7.68, 10);
    expect(r.points.map((p) => p.value)).toEqual([10, null, 14, 12, null, 16, null]);
    expect(r.points.map((p) => p.movingRange)).toEqual([null, null, null, 2, null, null, null]);
    expect(r.pointsUsedForLimits).toBe(4);
  });

  it("keeps a negative lower limit (never clipped)", () => {
    // values 0 4 0 4: mean 2, mean MR 4 → limits 2 ± 10.64 → 12.64 / -8.64
    const r = xmrChart([0, 4, 0, 4]);
    expect(r.lowerLimit).toBeCloseTo(-8.64, 10);
    expect(r.upperLimit).toBeCloseTo(12.64, 10);
  });

  describe("baselinePoints", () => {
    it("uses only the first N points for the mean and moving ranges, but judges every point", () => {
      // baseline 10 12 10 12 10 12: mean 11, moving ranges 2 ×5 → mean MR 2 → limits 16.32 / 5.68
      // (the moving range 12→20 = 8 straddles the baseline edge and is not used)
      const r = xmrChart([10, 12, 10, 12, 10, 12, 20, 20, 20], { baselinePoints: 6, improvement: "increase" });
      expect(r.mean).toBe(11);
      expect(r.movingRangeMean).toBe(2);
      expect(r.upperLimit).toBeCloseTo(16.32, 10);
      expect(r.lowerLimit).toBeCloseTo(5.68, 10);
      expect(r.points.map((p) => p.movingRange)).toEqual([null, 2, 2, 2, 2, 2, 8, 0, 0]);
      expect(r.points.slice(6).map((p) => p.specialCause)).toEqual(["improvement", "improvement", "improvement"]);
      expect(r.pointsUsedForLimits).toBe(6);
      expect(limitsAreProvisional(r)).toBe(true);

      // Without a baseline: mean = 126 / 9 = 14, mean MR = (5 × 2 + 8 + 0 + 0) / 8 = 2.25
      const all = xmrChart([10, 12, 10, 12, 10, 12, 20, 20, 20]);
      expect(all.mean).toBe(14);
      expect(all.movingRangeMean).toBe(2.25);
    });

    it("counts only non-missing baseline points and moving ranges with both ends in the baseline", () => {
      // baseline positions 0..3 = 10, null, 12, 14: mean = 36 / 3 = 12
      // moving ranges in the baseline: only 12→14 = 2 → mean MR 2 (14→100 is outside it)
      const r = xmrChart([10, null, 12, 14, 100], { baselinePoints: 4 });
      expect(r.mean).toBe(12);
      expect(r.movingRangeMean).toBe(2);
      expect(r.pointsUsedForLimits).toBe(3);
      expect(r.points[4].rules).toEqual(["outside-limits"]);
      expect(r.points[4].specialCause).toBe("neither-high");
    });

    it("ignores nonsense values and clamps large ones", () => {
      const values = [10, 14, 12, 16, 13];
      const all = xmrChart(values);
      for (const baselinePoints of [0, -3, Number.NaN, Number.POSITIVE_INFINITY, 5, 99]) {
        expect(xmrChart(values, { baselinePoints }).mean).toBe(all.mean);
        expect(xmrChart(values, { baselinePoints }).movingRangeMean).toBe(all.movingRangeMean);
      }
      // 2.7 → 2 points: mean (10 + 14) / 2 = 12, mean MR 4
      const two = xmrChart(values, { baselinePoints: 2.7 });
      expect(two.mean).toBe(12);
      expect(two.movingRangeMean).toBe(4);
    });

    it("gives no limits when the baseline has a single point", () => {
      const r = xmrChart([10, 12, 10, 30], { baselinePoints: 1 });
      expect(r.mean).toBe(10);
      expect(r.movingRangeMean).toBeNull();
      expect(r.upperLimit).toBeNull();
      expect(r.points.every((p) => p.specialCause === null)).toBe(true);
      expect(r.variation).toBeNull();
    });
  });

  describe("screenOutlierMovingRanges", () => {
    // 0 1 0 1 0 1 0 1 0 1 then 1 + r: nine moving ranges of 1 and one of r
    //   mean MR = (9 + r) / 10; the cut is 3.267 × that; r is kept iff r < 3.267 (9 + r) / 10 ⇔ r < 4.3669…
    const series = (r: number) => [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 + r];

    it("keeps a moving range just below 3.267 × mean MR", () => {
      // r = 4.3: mean MR 1.33, cut 4.345 → kept, mean MR stays 1.33
      const r = xmrChart(series(4.3), { screenOutlierMovingRanges: true });
      expect(r.movingRangeMean).toBeCloseTo(1.33, 12);
    });

    it("drops a moving range above it and recomputes once", () => {
      // r = 4.4: mean MR 1.34, cut 4.3778 → dropped, mean MR = 9 / 9 = 1
      const r = xmrChart(series(4.4), { screenOutlierMovingRanges: true });
      expect(r.movingRangeMean).toBe(1);
      // The point's own moving range is still reported unscreened.
      expect(r.points[10].movingRange).toBeCloseTo(4.4, 12);
      // Off by default.
      expect(xmrChart(series(4.4)).movingRangeMean).toBeCloseTo(1.34, 12);
    });

    it("drops a moving range exactly equal to 3.267 × mean MR (only strictly below is kept)", () => {
      // 1 0 1 0 r: moving ranges 1 1 1 r. This r was searched for so that in floating point
      // 3.267 × (3 + r) / 4 === r exactly (checked first, so the test cannot pass vacuously).
      const r = 13.37107776261936;
      expect(3.267 * ((1 + 1 + 1 + r) / 4)).toBe(r);
      expect(xmrChart([1, 0, 1, 0, r], { screenOutlierMovingRanges: true }).movingRangeMean).toBe(1);
    });

    it("changes the flags when the limits tighten", () => {
      // 10 11 10 11 10 30 10 11 10 11: mean = 124 / 10 = 12.4
      // moving ranges: 1 1 1 1 20 20 1 1 1 → unscreened mean MR = 47 / 9 = 5.222…
      //   limits 12.4 ± 13.891 → only 30 is outside; close band ±9.26 → nothing close
      // screened: cut = 3.267 × 5.222 = 17.06 drops both 20s → mean MR = 7 / 7 = 1
      //   limits 12.4 ± 2.66 → 15.06 / 9.74; close band 12.4 ± 1.7733 → 10 is close (below 10.6267)
      //   every window 10 11 10 is all below the mean with two close points → the 10s are flagged
      const values = [10, 11, 10, 11, 10, 30, 10, 11, 10, 11];
      const plain = xmrChart(values, { improvement: "increase" });
      expect(plain.movingRangeMean).toBeCloseTo(47 / 9, 12);
      expect(plain.points.map((p) => p.specialCause)).toEqual([
        null,
        null,
        null,
        null,
        null,
        "improvement",
        null,
        null,
        null,
        null,
      ]);
      const screened = xmrChart(values, { improvement: "increase", screenOutlierMovingRanges: true });
      expect(screened.movingRangeMean).toBe(1);
      expect(screened.upperLimit).toBeCloseTo(15.06, 10);
      expect(screened.lowerLimit).toBeCloseTo(9.74, 10);
      expect(screened.points.map((p) => p.specialCause)).toEqual([
        "concern",
        null,
        "concern",
        null,
        "concern",
        "improvement",
        "concern",
        null,
        "concern",
        null,
      ]);
      expect(screened.points[0].rules).toEqual(["two-of-three"]);
      expect(screened.points[5].rules).toEqual(["outside-limits"]);
    });

    it("leaves a constant series alone (mean MR 0 would otherwise screen out every range)", () => {
      const r = xmrChart([4, 4, 4, 4], { screenOutlierMovingRanges: true });
      expect(r.movingRangeMean).toBe(0);
      expect(r.upperLimit).toBe(4);
    });
  });

  describe("short and degenerate series", () => {
    it("no points: everything null", () => {
      const r = xmrChart([], { improvement: "increase", target: 5 });
      expect(r).toMatchObject({
        mean: null,
        movingRangeMean: null,
        upperLimit: null,
        lowerLimit: null,
        points: [],
        variation: null,
        assurance: null,
        pointsUsedForLimits: 0,
      });
      expect(limitsAreProvisional(r)).toBe(true);
    });

    it("only missing values: everything null, points kept", () => {
      const r = xmrChart([null, Number.NaN, null]);
      expect(r.mean).toBeNull();
      expect(r.points).toHaveLength(3);
      expect(r.points.every((p) => p.value === null && p.specialCause === null)).toBe(true);
      expect(r.variation).toBeNull();
    });

    it("one point: mean only, no limits, no flags", () => {
      const r = xmrChart([7], { improvement: "increase", target: 5 });
      expect(r.mean).toBe(7);
      expect(r.movingRangeMean).toBeNull();
      expect(r.upperLimit).toBeNull();
      expect(r.lowerLimit).toBeNull();
      expect(r.points).toEqual([{ value: 7, movingRange: null, rules: [], specialCause: null }]);
      expect(r.variation).toBeNull();
      expect(r.assurance).toBeNull();
    });

    it("two points: limits from one moving range", () => {
      // 7 9: mean 8, mean MR 2 → 8 ± 5.32
      const r = xmrChart([7, 9], { improvement: "increase", target: 20 });
      expect(r.mean).toBe(8);
      expect(r.movingRangeMean).toBe(2);
      expect(r.upperLimit).toBeCloseTo(13.32, 10);
      expect(r.lowerLimit).toBeCloseTo(2.68, 10);
      expect(r.variation).toBe("common-cause");
      expect(r.assurance).toBe("consistently-fails");
    });

    it("two points separated by a gap: no moving range, so no limits", () => {
      const r = xmrChart([7, null, 9]);
      expect(r.mean).toBe(8);
      expect(r.movingRangeMean).toBeNull();
      expect(r.upperLimit).toBeNull();
      expect(r.variation).toBeNull();
    });

    it("constant series: mean MR 0, limits on the mean, no special cause", () => {
      const r = xmrChart(new Array(20).fill(5), { improvement: "increase", target: 5 });
      expect(r.mean).toBe(5);
      expect(r.movingRangeMean).toBe(0);
      expect(r.upperLimit).toBe(5);
      expect(r.lowerLimit).toBe(5);
      expect(r.points.every((p) => p.specialCause === null && p.rules.length === 0)).toBe(true);
      expect(r.variation).toBe("common-cause");
      expect(r.assurance).toBe("inconsistent"); // target exactly on both limits
    });

    it("constant series of a value that does not sum exactly (0.1 × 3 ≠ 0.3) is still on its mean", () => {
      const r = xmrChart([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], { improvement: "increase" });
      expect(r.mean).toBe(0.1);
      expect(r.points.every((p) => p.specialCause === null)).toBe(true);
    });

    it("never throws on junk input", () => {
      const junk = [undefined, "3", {}, 1, 2, Number.NEGATIVE_INFINITY] as unknown as number[];
      const r = xmrChart(junk);
      expect(r.points.map((p) => p.value)).toEqual([null, null, null, 1, 2, null]);
      expect(r.mean).toBe(1.5);
      expect(() => xmrChart(null as unknown as number[])).not.toThrow();
      expect(() => xmrChart([1, 2, 3], null as never)).not.toThrow();
      // an unknown direction means none
      const odd = xmrChart([10, 12, 10, 12, 30], { improvement: "up" as never, target: 100, baselinePoints: 4 });
      expect(odd.points[4].specialCause).toBe("neither-high");
      expect(odd.assurance).toBeNull();
      expect(xmrChart(null as unknown as number[]).points).toEqual([]);
    });
  });

  describe("limitsAreProvisional", () => {
    it("is true below 13 non-missing points used for the limits", () => {
      const twelve = Array.from({ length: 12 }, (_, i) => i % 3);
      expect(limitsAreProvisional(xmrChart(twelve))).toBe(true);
      expect(limitsAreProvisional(xmrChart([...twelve, 1]))).toBe(false);
      // missing values do not count
      expect(limitsAreProvisional(xmrChart([...twelve, null, null]))).toBe(true);
      // only the baseline counts
      expect(limitsAreProvisional(xmrChart([...twelve, 1, 2, 3], { baselinePoints: 12 }))).toBe(true);
      expect(limitsAreProvisional(xmrChart([...twelve, 1, 2, 3], { baselinePoints: 13 }))).toBe(false);
    });

    it("survives serialisation of the result", () => {
      const r = JSON.parse(JSON.stringify(xmrChart([1, 2, 3])));
      expect(limitsAreProvisional(r)).toBe(true);
    });
  });
});
