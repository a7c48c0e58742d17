import { describe, expect, it } from "vitest";
import { measureChart, type ChartMeasure } from "@/lib/measures/chart";
import { SPC_COLOURS } from "@/lib/spc";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const months = (values: number[], start = "2023-01") =>
  values.map((value, i) => {
    const [y, m] = start.split("-").map(Number);
    return {
      id: `p${i}`,
      periodStart: new Date(Date.UTC(y!, m! - 1 + i, 1)),
      value,
      numerator: null,
      denominator: null,
      note: "",
    };
  });
const measure = (overrides: Partial<ChartMeasure> = {}): ChartMeasure => ({
  name: "Falls with harm",
  unit: "per 1,000 bed days",
  direction: "DECREASE",
  target: null,
  period: "MONTH",
  screenOutlierMovingRanges: false,
  rebaseDates: [],
  ...overrides,
});
const SHIFT = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 7];

describe("measure chart", () => {
  it("colours a downward shift as improvement when lower is better, and says so in words", () => {
    const chart = measureChart(measure(), months(SHIFT));
    expect(
      chart.points
        .slice(12)
        .every((p) => p.cause === "improvement" && p.colour === SPC_COLOURS.improvement && p.rules.includes("shift")),
    ).toBe(true);
    expect(chart.variation).toBe("improvement-low");
    expect(chart.signals).toContain(
      "Shift: 12 points in a row below the mean, Jan 2024 to Dec 2024 (improvement). Find out what changed and whether it can be sustained; once the shift is sustained and explained, consider recalculating the limits from Jan 2024.",
    );
    expect(chart.signals).toContain(
      "Shift: 12 points in a row above the mean, Jan 2023 to Dec 2023 (concern). Investigate what changed and act on it; once the shift is sustained and explained, consider recalculating the limits from Jan 2023.",
    );
    expect(chart.summary).toMatch(
      /^XmR chart of Falls with harm \(per 1,000 bed days\): 24 monthly points from Jan 2023 to Dec 2024\. Mean 8\.04, process limits /,
    );
    expect(chart.summary).toMatch(/Special cause variation: .*Shift: 12 points in a row below the mean/);
    expect(chart.summary).toMatch(
      /Variation: Special cause variation of an improving nature: the measure is significantly lower than before\. Find out what changed/,
    );
    expect(chart.provisionalNotes).toEqual([]);
    expect(chart.runChart).toBeNull();
  });

  it("calls the same shift a concern when higher is better", () => {
    const chart = measureChart(measure({ direction: "INCREASE" }), months(SHIFT));
    expect(chart.points[23]!.cause).toBe("concern");
    expect(chart.points[23]!.colour).toBe(SPC_COLOURS.concern);
    expect(chart.signals).toContain(
      "Shift: 12 points in a row below the mean, Jan 2024 to Dec 2024 (concern). Investigate what changed and act on it; once the shift is sustained and explained, consider recalculating the limits from Jan 2024.",
    );
  });

  it("shows common cause in grey with no signals", () => {
    const chart = measureChart(measure(), months([5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 6, 7]));
    expect(chart.signals).toEqual([]);
    expect(chart.points.every((p) => p.colour === SPC_COLOURS.common && p.causeLabel === "Common cause")).toBe(true);
    expect(chart.summary).toMatch(/No special cause variation/);
  });

  it("marks short series: provisional limits and a run chart reading", () => {
    const chart = measureChart(measure({ target: 4 }), months([5, 6, 5, 7, 6]));
    expect(chart.provisionalNotes).toEqual([
      "Provisional limits: they are based on only 5 points. Treat signals with caution until there are 13.",
    ]);
    expect(chart.runChart).toMatchObject({ median: 6, usefulPoints: 3, signal: false });
    expect(chart.runChart!.text).toMatch(/^Median 6\. Longest run on one side of the median: 2 /);
    expect(chart.summary).toMatch(/\(provisional: fewer than 13 points\)/);
    expect(chart.summary).toMatch(/Target 4\. .*Assurance: /);
    expect(chart.assurance).not.toBeNull();
  });

  it("gives each rebased period its own limits", () => {
    const chart = measureChart(measure({ rebaseDates: [utc("2024-01-01")] }), months(SHIFT));
    expect(chart.periods.map((p) => [p.startLabel, p.endLabel, p.pointCount])).toEqual([
      ["Jan 2023", "Dec 2023", 12],
      ["Jan 2024", "Dec 2024", 12],
    ]);
    expect(chart.points[0]!.mean).toBeCloseTo(10.1667, 3);
    expect(chart.points[23]!.mean).toBeCloseTo(5.9167, 3);
    expect(chart.points[23]!.period).toBe(1);
    expect(chart.summary).toMatch(/From Jan 2024 \(limits recalculated\): mean 5\.92/);
  });

  it("places each PDSA cycle at the first plotted period on or after its start", () => {
    const points = months([5, 6, 7, 8]).filter((_, i) => i !== 1); // no February
    const chart = measureChart(measure(), points, [
      { id: "c1", number: 1, title: "Huddle", startDate: utc("2023-02-20"), act: "ADOPT" },
      { id: "c2", number: 2, title: "Too late", startDate: utc("2023-06-01"), act: null },
    ]);
    expect(chart.annotations).toEqual([
      { key: "2023-03-01", label: "Mar 2023", number: 1, title: "Huddle", decision: "adopted" },
    ]);
  });

  it("handles no data and one point without limits", () => {
    expect(measureChart(measure(), []).summary).toBe("Falls with harm (per 1,000 bed days): no data yet.");
    const one = measureChart(measure(), months([4]));
    expect(one.hasLimits).toBe(false);
    expect(one.variation).toBeNull();
    expect(one.summary).toMatch(/Process limits need at least 2 points\./);
  });
});

describe("chart axis", async () => {
  const { niceScale } = await import("@/components/charts/XmrChart");
  it("puts the y-axis on round numbers that cover the data, the limits and the target", () => {
    expect(niceScale(3.603, 12.62)).toEqual({ domain: [2, 14], ticks: [2, 4, 6, 8, 10, 12, 14] });
    expect(niceScale(0, 85)).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceScale(0.42, 0.47).ticks).toEqual([0.42, 0.43, 0.44, 0.45, 0.46, 0.47]);
    expect(niceScale(5, 5).domain[0]).toBeLessThanOrEqual(5);
  });
});
