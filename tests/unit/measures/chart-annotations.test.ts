import { describe, expect, it } from "vitest";
import { AXIS_MAX_TICKS, chooseTicks, measureChart, type ChartMeasure } from "@/lib/measures/chart";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const monthStarts = (count: number, start = "2015-03") => {
  const [y, m] = start.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y!, m! - 1 + i, 1)));
};
const months = (values: number[], start = "2023-01", notes: Record<number, string> = {}) =>
  monthStarts(values.length, start).map((periodStart, i) => ({
    id: `p${i}`,
    periodStart,
    value: values[i]!,
    numerator: null,
    denominator: null,
    note: notes[i] ?? "",
  }));
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

describe("notes as chart annotations", () => {
  it("numbers the values with notes in period order, N1 first, and lists their text", () => {
    const chart = measureChart(
      measure(),
      months(SHIFT, "2023-01", { 13: "  Huddle started.  ", 2: "Agency staff all month.", 5: "   " }),
    );
    expect(chart.noteAnnotations).toEqual([
      { key: "2023-03-01", index: 2, label: "Mar 2023", number: 1, text: "Agency staff all month." },
      { key: "2024-02-01", index: 13, label: "Feb 2024", number: 2, text: "Huddle started." },
    ]);
    expect(chart.points.map((p) => p.noteNumber).filter((n) => n !== null)).toEqual([1, 2]);
    expect(chart.points[5]!.noteNumber).toBeNull(); // blank notes are not marked
    expect(chart.summary).toMatch(/2 values have notes, listed below the chart\.$/);
  });

  it("has no note annotations when no value has a note", () => {
    const chart = measureChart(measure(), months(SHIFT));
    expect(chart.noteAnnotations).toEqual([]);
    expect(chart.summary).not.toMatch(/notes?/);
  });
});

describe("the baseline before the change work started", () => {
  it("is every point whose period ended before the project's start date", () => {
    const chart = measureChart(measure(), months(SHIFT), [], { projectStart: utc("2024-01-15") });
    // December 2023 ended before 15 January 2024; January 2024 had started: the change work began during it.
    expect(chart.baseline).toEqual({
      pointCount: 12,
      startKey: "2023-01-01",
      endKey: "2023-12-01",
      startLabel: "Jan 2023",
      endLabel: "Dec 2023",
      changeStarted: "15 January 2024",
      text: "Baseline: Jan 2023 to Dec 2023 (12 points), before the change work started on 15 January 2024.",
    });
    expect(chart.points.filter((p) => p.baseline).map((p) => p.key)).toHaveLength(12);
    expect(chart.points[12]!.baseline).toBe(false);
    expect(chart.summary).toContain(
      "Baseline: Jan 2023 to Dec 2023 (12 points), before the change work started on 15 January 2024.",
    );
  });

  it("says one point in the singular, and is absent when nothing precedes the start or no start is known", () => {
    const one = measureChart(measure(), months([4, 5, 6]), [], { projectStart: utc("2023-02-01") });
    expect(one.baseline?.text).toBe("Baseline: Jan 2023 (1 point), before the change work started on 1 February 2023.");
    expect(measureChart(measure(), months([4, 5, 6]), [], { projectStart: utc("2023-01-01") }).baseline).toBeNull();
    expect(measureChart(measure(), months([4, 5, 6])).baseline).toBeNull();
    expect(measureChart(measure(), [], [], { projectStart: utc("2023-01-01") }).baseline).toBeNull();
  });

  it("counts weeks by their last day (a week ending on the start day is not baseline)", () => {
    // Mondays 2, 9 and 16 January 2023; the work started on Sunday 15 January.
    const weeks = ["2023-01-02", "2023-01-09", "2023-01-16"].map((d, i) => ({
      id: `w${i}`,
      periodStart: utc(d),
      value: i,
      numerator: null,
      denominator: null,
      note: "",
    }));
    const chart = measureChart(measure({ period: "WEEK" }), weeks, [], { projectStart: utc("2023-01-15") });
    expect(chart.baseline?.pointCount).toBe(1);
  });
});

describe("x-axis ticks", () => {
  for (const count of [24, 60, 120]) {
    for (const width of ["narrow", "wide"] as const) {
      it(`${count} months on a ${width} chart: at most ${AXIS_MAX_TICKS[width]} ticks, each labelled, every January among them`, () => {
        const starts = monthStarts(count);
        const plan = chooseTicks(starts, "MONTH", AXIS_MAX_TICKS[width]);
        expect(plan.indices.length).toBeLessThanOrEqual(AXIS_MAX_TICKS[width]);
        expect(plan.indices.length).toBeGreaterThanOrEqual(Math.min(count, 4));
        expect(plan.labels).toHaveLength(plan.indices.length);
        expect(plan.labels.every((l) => l.length > 0)).toBe(true);
        // The first point, then every step on calendar boundaries; the chart draws every one of them
        // (interval 0), so none may come closer to the next than the average spacing.
        expect(plan.indices[0]).toBeLessThan(plan.step);
        const gaps = plan.indices.slice(1).map((index, i) => index - plan.indices[i]!);
        expect(gaps.slice(1).every((g) => g === plan.step)).toBe(true);
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(Math.ceil(count / AXIS_MAX_TICKS[width]));
        const januaries = starts.flatMap((d, i) => (d.getUTCMonth() === 0 ? [i] : []));
        if (plan.step <= 12) expect(januaries.every((i) => plan.indices.includes(i))).toBe(true);
        // The year on the first tick and wherever it changes; short month names otherwise.
        plan.indices.forEach((index, i) => {
          const d = starts[index]!;
          const year = String(d.getUTCFullYear());
          const yearChanged = i === 0 || starts[plan.indices[i - 1]!]!.getUTCFullYear() !== d.getUTCFullYear();
          expect(plan.labels[i]!.endsWith(year)).toBe(yearChanged);
        });
      });
    }
  }

  it("chooses the smallest step that fits: every month, every 3rd, 6th or 12th", () => {
    const steps = (count: number, width: "narrow" | "wide") =>
      chooseTicks(monthStarts(count), "MONTH", AXIS_MAX_TICKS[width]).stepText;
    expect(steps(24, "wide")).toBe("every month");
    expect(steps(24, "narrow")).toBe("every 3rd month");
    expect(steps(60, "narrow")).toBe("every 6th month");
    expect(steps(120, "narrow")).toBe("every 12th month");
    expect(steps(120, "wide")).toBe("every 6th month");
    const plan = chooseTicks(monthStarts(24, "2023-01"), "MONTH", AXIS_MAX_TICKS.narrow);
    expect(plan.labels).toEqual(["Jan 2023", "Apr", "Jul", "Oct", "Jan 2024", "Apr", "Jul", "Oct"]);
  });

  it("labels weeks and days by their date, and keeps ticks apart across gaps in the data", () => {
    const weeks = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + 7 * i)));
    const weekly = chooseTicks(weeks, "WEEK", AXIS_MAX_TICKS.narrow);
    expect(weekly.indices.length).toBeLessThanOrEqual(AXIS_MAX_TICKS.narrow);
    expect(weekly.labels[0]).toMatch(/^\d{1,2} [A-Z][a-z]{2} 2024$/);
    expect(weekly.labels[1]).toMatch(/^\d{1,2} [A-Z][a-z]{2}$/);
    const days = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));
    expect(chooseTicks(days, "DAY", AXIS_MAX_TICKS.narrow).indices.length).toBeLessThanOrEqual(AXIS_MAX_TICKS.narrow);
    // Two years with a 20-month gap between them: each tick at least the average spacing from the last.
    const gappy = [...monthStarts(12, "2020-01"), ...monthStarts(12, "2023-09")];
    const plan = chooseTicks(gappy, "MONTH", AXIS_MAX_TICKS.narrow);
    expect(plan.indices.length).toBeLessThanOrEqual(AXIS_MAX_TICKS.narrow);
    const gaps = plan.indices.slice(1).map((index, i) => index - plan.indices[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(Math.ceil(gappy.length / AXIS_MAX_TICKS.narrow));
  });

  it("is in the chart model for both widths", () => {
    const chart = measureChart(measure(), months(SHIFT));
    expect(chart.axis.narrow).toEqual(chooseTicks(monthStarts(24, "2023-01"), "MONTH", AXIS_MAX_TICKS.narrow));
    expect(chart.axis.wide.indices).toHaveLength(24);
  });
});

describe("the suggestion to recalculate the limits", () => {
  it("appears while a sustained shift runs to the latest point, and names where it began", () => {
    const chart = measureChart(measure(), months(SHIFT));
    expect(chart.rebaseSuggestion).toEqual({
      fromKey: "2024-01-01",
      fromLabel: "Jan 2024",
      text: "The last 12 points are all below the mean, from Jan 2024: a sustained shift. If you know what changed (for example a change you adopted), consider recalculating the limits from Jan 2024 so that they describe the process as it is now.",
    });
  });

  it("goes once the limits are recalculated from there, and comes back when that is undone", () => {
    const rebased = measureChart(measure({ rebaseDates: [utc("2024-01-01")] }), months(SHIFT));
    expect(rebased.rebaseSuggestion).toBeNull();
    expect(measureChart(measure({ rebaseDates: [] }), months(SHIFT)).rebaseSuggestion?.fromKey).toBe("2024-01-01");
  });

  it("does not appear when the latest point is not part of a shift", () => {
    expect(measureChart(measure(), months([...SHIFT, 10])).rebaseSuggestion).toBeNull();
    expect(measureChart(measure(), months([5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 6, 7])).rebaseSuggestion).toBeNull();
  });
});

describe("what to do next", () => {
  it("is said for the chart's icons together, and not before there are limits", () => {
    expect(measureChart(measure({ target: 4 }), months(SHIFT)).nextStep).toMatch(/^The measure has improved/);
    expect(measureChart(measure(), months([4])).nextStep).toBeNull();
  });
});
