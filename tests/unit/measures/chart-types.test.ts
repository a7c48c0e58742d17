// Issue 22: a rate measure drawn as a P/U (P′/U′) chart: per-point limits in the measure's units, each
// rebased period its own centre, the chart type named in words, and the server SVG drawing steps.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { measureChart, type ChartMeasure } from "@/lib/measures/chart";
import { chartTypeProblem, attributeSpec } from "@/lib/measures/chart-types";
import { pChart, uChart } from "@/lib/spc";
import { ChartSvg, steppedPath } from "@/components/charts/ChartSvg";

// Falls per 1,000 bed days: 14 months, bed days varying from 2,000 to 6,000.
const FALLS = [12, 15, 9, 20, 14, 11, 30, 13, 16, 10, 12, 18, 14, 11];
const BED_DAYS = [3000, 4200, 2000, 6000, 3500, 2800, 3100, 3300, 4000, 2500, 3000, 4500, 3600, 2900];

const ratePoints = (numerators: number[], denominators: number[], multiplier: number) =>
  numerators.map((numerator, i) => ({
    id: `p${i}`,
    periodStart: new Date(Date.UTC(2024, i, 1)),
    value: (numerator / denominators[i]!) * multiplier,
    numerator,
    denominator: denominators[i]!,
    note: "",
  }));
const measure = (overrides: Partial<ChartMeasure> = {}): ChartMeasure => ({
  name: "Falls",
  unit: "per 1,000 bed days",
  direction: "DECREASE",
  target: null,
  period: "MONTH",
  screenOutlierMovingRanges: false,
  rebaseDates: [],
  chartType: "U",
  rateMultiplier: 1000,
  ...overrides,
});

describe("P/U charts of a rate measure", () => {
  it("draws U limits per point, in the measure's units (per 1,000 bed days)", () => {
    const chart = measureChart(measure(), ratePoints(FALLS, BED_DAYS, 1000));
    const u = uChart(FALLS, BED_DAYS);
    expect(chart.chartType).toBe("U");
    expect(chart.limitsVary).toBe(true);
    chart.points.forEach((p, i) => {
      expect(p.mean).toBeCloseTo(u.centre * 1000, 9);
      expect(p.upper).toBeCloseTo(u.points[i]!.upperLimit * 1000, 9);
      expect(p.lower).toBeCloseTo(u.points[i]!.lowerLimit * 1000, 9);
      expect(p.rules.includes("outside-limits")).toBe(u.points[i]!.outside);
    });
    // The month with the fewest bed days has the widest limits.
    const widest = chart.points.reduce((a, b) => (b.upper! - b.lower! > a.upper! - a.lower! ? b : a));
    expect(widest.denominator).toBe(2000);
    expect(chart.summary).toMatch(/^U chart of Falls \(per 1,000 bed days\): 14 monthly points/);
    expect(chart.summary).toContain("process limits for each period from its denominator");
    expect(chart.chartTypeText).toContain("Each period has its own process limits");
  });

  it("U′ widens the limits when the months vary more than chance, and flags fewer points", () => {
    const plain = measureChart(measure(), ratePoints(FALLS, BED_DAYS, 1000));
    const laney = measureChart(measure({ chartType: "U_PRIME" }), ratePoints(FALLS, BED_DAYS, 1000));
    const prime = uChart(FALLS, BED_DAYS, { laney: true });
    laney.points.forEach((p, i) => expect(p.upper).toBeCloseTo(prime.points[i]!.upperLimit * 1000, 9));
    expect(laney.chartTypeName).toBe("U′ chart (Laney)");
    const outside = (c: typeof plain) => c.points.filter((p) => p.rules.includes("outside-limits")).length;
    expect(outside(laney)).toBeLessThanOrEqual(outside(plain));
  });

  it("P′ of a percentage: values, centre and limits times 100, the upper limit never above 100%", () => {
    const ys = [300, 330, 250, 420, 310, 305, 290, 330, 315, 300, 280, 320, 310, 300];
    const ns = [1000, 1100, 1000, 1200, 1000, 1000, 1000, 1100, 1000, 1000, 900, 1000, 1000, 1000];
    const chart = measureChart(
      measure({ chartType: "P_PRIME", rateMultiplier: 100, unit: "%", direction: "INCREASE" }),
      ratePoints(ys, ns, 100),
    );
    const p = pChart(ys, ns, { laney: true });
    chart.points.forEach((point, i) => {
      expect(point.upper).toBeCloseTo(p.points[i]!.upperLimit * 100, 9);
      expect(point.upper!).toBeLessThanOrEqual(100);
    });
  });

  it("rebasing gives each period its own centre and limits", () => {
    const chart = measureChart(
      measure({ rebaseDates: [new Date(Date.UTC(2024, 7, 1))] }),
      ratePoints(FALLS, BED_DAYS, 1000),
    );
    expect(chart.periods).toHaveLength(2);
    const after = uChart(FALLS.slice(7), BED_DAYS.slice(7));
    expect(chart.periods[1]!.mean).toBeCloseTo(after.centre * 1000, 9);
    expect(chart.points[7]!.upper).toBeCloseTo(after.points[0]!.upperLimit * 1000, 9);
  });

  it("compares the target in the measure's units with the latest point's limits", () => {
    const chart = measureChart(measure({ target: 0.5, direction: "DECREASE" }), ratePoints(FALLS, BED_DAYS, 1000));
    // 0.5 per 1,000 bed days is below every lower limit (the centre is about 4.1): always failed.
    expect(chart.assurance).toBe("consistently-fails");
  });

  it("stays an XmR chart without a chart type (the dashboards' and learning library's charts)", () => {
    const chart = measureChart(measure({ chartType: undefined }), ratePoints(FALLS, BED_DAYS, 1000));
    expect(chart.chartType).toBe("XMR");
    expect(chart.limitsVary).toBe(false);
    expect(new Set(chart.points.map((p) => p.upper)).size).toBe(1);
    expect(chart.summary).toMatch(/^XmR chart of/);
  });
});

describe("which chart fits a measure", () => {
  it("refuses P and U charts for a measure recorded as a number, and P for a rate that is not a percentage", () => {
    expect(chartTypeProblem({ chartType: "XMR", valueType: "NUMBER", rateMultiplier: 1 })).toBeNull();
    expect(chartTypeProblem({ chartType: "U_PRIME", valueType: "NUMBER", rateMultiplier: 1 })).toMatch(
      /need a numerator and a denominator/,
    );
    expect(chartTypeProblem({ chartType: "P", valueType: "RATE", rateMultiplier: 1000 })).toMatch(/for percentages/);
    expect(chartTypeProblem({ chartType: "P_PRIME", valueType: "RATE", rateMultiplier: 100 })).toBeNull();
    expect(chartTypeProblem({ chartType: "U", valueType: "RATE", rateMultiplier: 1000 })).toBeNull();
    expect(attributeSpec("P_PRIME")).toEqual({ kind: "p", laney: true });
    expect(attributeSpec("XMR")).toBeNull();
  });
});

describe("the server SVG of a P/U chart", () => {
  it("names the chart type and draws each period's limits as steps", () => {
    const chart = measureChart(measure({ chartType: "U_PRIME" }), ratePoints(FALLS, BED_DAYS, 1000));
    const svg = renderToStaticMarkup(
      createElement(ChartSvg, { id: "c", name: "Falls", unit: "per 1,000 bed days", chart, kind: "xmr" }),
    );
    expect(svg).toContain("U′ chart (Laney) of Falls (per 1,000 bed days)</title>");
    expect(svg).toContain('data-chart-type="U_PRIME"');
    const upper = /<path[^>]*d="([^"]+)"[^>]*data-line="upper"/.exec(svg)?.[1] ?? "";
    // One level per point: 14 horizontal runs.
    expect(upper.match(/H/g)).toHaveLength(14);
    expect(svg).toContain("Laney’s correction");
  });

  it("steps from one level to the next halfway between points and breaks at a missing limit", () => {
    expect(steppedPath([2, 4, null, 3], 0, 10, (v) => 100 - v)).toBe("M0 98H10V96H20M30 97H40");
  });
});
