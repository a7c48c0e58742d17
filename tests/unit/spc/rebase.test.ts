import { describe, expect, it } from "vitest";
import { xmrChart, xmrChartWithRebase } from "@/lib/spc";

describe("xmrChartWithRebase", () => {
  // period 1: 10 12 × 4 → mean 11, mean MR 2; period 2: 50 52 × 4 → mean 51, mean MR 2
  const before = [10, 12, 10, 12, 10, 12, 10, 12];
  const after = [50, 52, 50, 52, 50, 52, 50, 52];
  const values = [...before, ...after];

  it("charts each period on its own", () => {
    const r = xmrChartWithRebase(values, [8], { improvement: "increase" });
    expect(r.periods.map((p) => [p.start, p.end])).toEqual([
      [0, 8],
      [8, 16],
    ]);
    expect(r.periods[0].result.mean).toBe(11);
    expect(r.periods[1].result.mean).toBe(51);
    expect(r.periods[1].result.movingRangeMean).toBe(2); // the jump 12 → 50 belongs to no period
    expect(r.points).toHaveLength(16);
    expect(r.points[8].movingRange).toBeNull();
    expect(r.points.every((p) => p.specialCause === null)).toBe(true);
    expect(r.variation).toBe("common-cause");
    // one chart over both periods sees the jump
    const whole = xmrChart(values, { improvement: "increase" });
    expect(whole.points.some((p) => p.specialCause !== null)).toBe(true);
  });

  it("takes variation and assurance from the latest period", () => {
    const r = xmrChartWithRebase([...before, 30, ...after], [9], { improvement: "increase", target: 40 });
    // period 1 ends with 30, far outside 11 ± 5.32 → improvement; period 2 is common cause
    expect(r.periods[0].result.variation).toBe("improvement-high");
    expect(r.periods[0].result.assurance).toBe("consistently-fails");
    expect(r.variation).toBe("common-cause");
    expect(r.assurance).toBe("consistently-meets"); // 40 is below 51 − 5.32
  });

  it("ignores invalid, repeated and unsorted indices", () => {
    const r = xmrChartWithRebase(values, [12, 8, 8, 0, -1, 16, 99, 3.5, Number.NaN]);
    expect(r.periods.map((p) => [p.start, p.end])).toEqual([
      [0, 8],
      [8, 12],
      [12, 16],
    ]);
  });

  it("with no rebase equals xmrChart", () => {
    const r = xmrChartWithRebase(values, [], { improvement: "decrease", target: 30 });
    const plain = xmrChart(values, { improvement: "decrease", target: 30 });
    expect(r.periods).toEqual([{ start: 0, end: 16, result: plain }]);
    expect(r.points).toEqual(plain.points);
    expect(r.variation).toBe(plain.variation);
    expect(r.assurance).toBe(plain.assurance);
  });

  it("applies baselinePoints within each period", () => {
    const r = xmrChartWithRebase([...before, ...after, 60, 60], [8], { baselinePoints: 8 });
    expect(r.periods[1].result.mean).toBe(51);
    expect(r.periods[1].result.pointsUsedForLimits).toBe(8);
    expect(r.points.slice(16).map((p) => p.rules)).toEqual([["outside-limits"], ["outside-limits"]]);
  });

  it("handles an empty series and a latest period with no data", () => {
    const empty = xmrChartWithRebase([], [3]);
    expect(empty.periods).toHaveLength(1);
    expect(empty.points).toEqual([]);
    expect(empty.variation).toBeNull();
    const noDataYet = xmrChartWithRebase([...before, null, null], [8], { improvement: "increase", target: 1 });
    expect(noDataYet.variation).toBeNull();
    expect(noDataYet.assurance).toBeNull();
    expect(noDataYet.points).toHaveLength(10);
  });
});
