// The server-drawn SVG chart (report and downloads): its geometry read back from the markup, and the
// download route's string renderer checked against react-dom/server on the same charts.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { measureChart, type ChartMeasure } from "@/lib/measures/chart";
import { SPC_COLOURS } from "@/lib/spc";
import {
  CHART_WIDTH,
  ChartSvg,
  MIN_LABEL_SPACING,
  labelEvery,
  wrapWords,
  type ChartSvgProps,
} from "@/components/charts/ChartSvg";
import { niceScale } from "@/components/charts/scale";
import { svgMarkup } from "@/lib/svg-markup";

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

/** The SVG as a tree (React's markup is regular: quoted attributes, every element closed). */
type El = { tag: string; attrs: Record<string, string>; children: (El | string)[] };
const UNESCAPE: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#x27);/g, (e) => UNESCAPE[e]!);
function parse(markup: string): El {
  const root: El = { tag: "#root", attrs: {}, children: [] };
  const stack = [root];
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) top.children.push(unescape(m[5]));
    else if (m[1]) expect(stack.pop()!.tag).toBe(m[2]);
    else {
      const attrs = Object.fromEntries(
        [...m[3]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)]),
      );
      const el: El = { tag: m[2]!, attrs, children: [] };
      top.children.push(el);
      if (!m[4]) stack.push(el);
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0] as El;
}
const textOf = (el: El): string => el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
/** Elements under `el` (depth first) with this tag and these attributes (any value where `true`). */
function all(el: El, tag: string | null, attrs: Record<string, string | true> = {}): El[] {
  const found: El[] = [];
  for (const child of el.children) {
    if (typeof child === "string") continue;
    if (
      (tag === null || child.tag === tag) &&
      Object.entries(attrs).every(([k, v]) => k in child.attrs && (v === true || child.attrs[k] === v))
    )
      found.push(child);
    found.push(...all(child, tag, attrs));
  }
  return found;
}
const one = (el: El, tag: string | null, attrs: Record<string, string | true> = {}) => {
  const found = all(el, tag, attrs);
  expect(found.length, `${tag} ${JSON.stringify(attrs)}`).toBeGreaterThan(0);
  return found[0]!;
};
const num = (el: El, attribute: string) => Number(el.attrs[attribute]);

function draw(props: Partial<ChartSvgProps> & Pick<ChartSvgProps, "chart">): El {
  return parse(
    renderToStaticMarkup(
      createElement(ChartSvg, {
        id: "c1",
        name: "Falls with harm",
        unit: "",
        kind: "xmr",
        ...props,
      }),
    ),
  );
}
/** The points, left to right, each with its group's cause and colours (circles carry only their place). */
function dots(svg: El) {
  return all(svg, "g", { "data-cause": true })
    .flatMap((g) =>
      all(g, "circle").map((c) => ({
        cx: num(c, "cx"),
        cy: num(c, "cy"),
        r: num(c, "r"),
        cause: g.attrs["data-cause"]!,
        fill: g.attrs.fill!,
        stroke: g.attrs.stroke!,
      })),
    )
    .sort((a, b) => a.cx - b.cx);
}
const viewHeight = (svg: El) => Number(svg.attrs.viewBox!.split(" ")[3]);
const words = (svg: El) => all(svg, "text").map(textOf).join(" ");

/** The y-axis mapping read back from its first and last ticks: value → pixel. */
function yScale(svg: El) {
  const axis = one(svg, "g", { "data-axis": "y" });
  const lines = all(axis, "line");
  const labels = all(axis, "text");
  const tick = (i: number) => ({ y: num(lines[i]!, "y1"), value: Number(textOf(labels[i]!).replace("%", "")) });
  const [a, b] = [tick(0), tick(lines.length - 1)];
  return (value: number) => a.y + ((value - a.value) * (b.y - a.y)) / (b.value - a.value);
}

describe("niceScale and label spacing", () => {
  it("puts the axis on round numbers that contain the data", () => {
    expect(niceScale(3.2, 11.9)).toEqual({ domain: [2, 12], ticks: [2, 4, 6, 8, 10, 12] });
    expect(niceScale(0, 0.37).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceScale(5, 5).domain[0]).toBeLessThanOrEqual(5);
  });
  it("labels every period while the labels fit, and every k-th when they would overlap", () => {
    expect(labelEvery(24, 672)).toBe(1);
    expect(labelEvery(42, 672)).toBe(1);
    expect(labelEvery(43, 672)).toBe(2);
    expect(labelEvery(120, 672)).toBe(3);
  });
  it("wraps words without splitting them", () => {
    expect(wrapWords("one two three four", 9)).toEqual(["one two", "three", "four"]);
  });
});

describe("ChartSvg (XmR)", () => {
  it("places every point on the x and y scales, one label per period, with the text alternative", () => {
    const chart = measureChart(measure(), months(SHIFT));
    const svg = draw({ chart });
    expect(svg.tag).toBe("svg");
    expect(svg.attrs.role).toBe("img");
    expect(svg.attrs["aria-labelledby"]).toBe("c1-title c1-desc");
    expect(textOf(one(svg, "title", { id: "c1-title" }))).toBe("XmR chart of Falls with harm");
    expect(textOf(one(svg, "desc", { id: "c1-desc" }))).toContain(chart.summary);

    const circles = dots(svg);
    expect(circles).toHaveLength(24);
    // Evenly spaced, left to right, inside the picture.
    const xs = circles.map((c) => c.cx);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 1);
    expect(gaps[0]).toBeGreaterThan(0);
    expect(xs[0]).toBeGreaterThan(0);
    expect(xs[23]).toBeLessThan(CHART_WIDTH);
    // Each value at its height on the axis's scale (higher values higher up).
    const y = yScale(svg);
    expect(y(12)).toBeLessThan(y(5));
    circles.forEach((c, i) => expect(c.cy).toBeCloseTo(y(SHIFT[i]!), 0));
    // 24 points fit: every period has its label on the axis, under its point.
    const labels = all(svg, "text", { "data-label": true });
    expect(labels.map(textOf)).toEqual(chart.points.map((p) => p.label));
    labels.forEach((l, i) => expect(num(l, "x")).toBe(xs[i]));
  });

  it("colours special causes with Making Data Count's colours, larger and outlined", () => {
    const chart = measureChart(measure(), months(SHIFT));
    const svg = draw({ chart });
    const improvement = dots(svg).filter((c) => c.cause === "improvement");
    expect(improvement).toHaveLength(12);
    for (const c of improvement) {
      expect(c.fill).toBe(SPC_COLOURS.improvement);
      expect(c.r).toBeGreaterThan(4);
      expect(c.stroke).not.toBe("#ffffff");
    }
    const concern = dots(svg).filter((c) => c.cause === "concern");
    expect(concern).toHaveLength(12);
    for (const c of concern) expect(c.fill).toBe(SPC_COLOURS.concern);
  });

  it("draws the mean and limits of each rebased period over that period's points only, and labels each period", () => {
    const chart = measureChart(measure({ rebaseDates: [utc("2024-01-01")] }), months(SHIFT));
    expect(chart.periods).toHaveLength(2);
    const svg = draw({ chart });
    const xs = dots(svg).map((c) => c.cx);
    const y = yScale(svg);
    const groups = all(svg, "g", { "data-period": true });
    expect(groups).toHaveLength(2);
    chart.periods.forEach((period, k) => {
      const group = groups[k]!;
      const first = k === 0 ? 0 : 12;
      const last = first + period.pointCount - 1;
      for (const [line, value] of [
        ["upper", period.upper],
        ["mean", period.mean],
        ["lower", period.lower],
      ] as const) {
        const el = one(group, "line", { "data-line": line });
        expect(num(el, "y1")).toBeCloseTo(y(value!), 0);
        // Spans its own points and no others.
        expect(num(el, "x1")).toBeLessThan(xs[first]!);
        expect(num(el, "x2")).toBeGreaterThan(xs[last]!);
        if (k === 0) expect(num(el, "x2")).toBeLessThan(xs[last + 1]!);
        else expect(num(el, "x1")).toBeGreaterThan(xs[first - 1]!);
      }
      expect(textOf(one(group, "text", { "data-period-label": String(k) }))).toContain(period.startLabel);
    });
    expect(textOf(one(groups[1]!, "text", { "data-period-label": "1" }))).toMatch(/^Recalculated from Jan 2024: mean/);
  });

  it("draws the target, the PDSA cycles and the baseline span before the project started", () => {
    const chart = measureChart(
      measure({ target: 8 }),
      months(SHIFT),
      [{ id: "c", number: 1, title: "Falls huddle", startDate: utc("2024-01-10"), act: "ADOPT" }],
      { projectStart: utc("2023-07-01") },
    );
    const svg = draw({ chart });
    const xs = dots(svg).map((c) => c.cx);
    const y = yScale(svg);
    expect(num(one(svg, "line", { "data-line": "target" }), "y1")).toBeCloseTo(y(8), 0);
    const cycle = one(svg, "g", { "data-cycle": "1" });
    expect(num(one(cycle, "line"), "x1")).toBe(xs[12]);
    expect(textOf(one(cycle, "text"))).toBe("C1");
    // Jan–Jun 2023 are the baseline: the shading ends between Jun and Jul.
    const baseline = one(svg, "g", { "data-baseline": "6" });
    const rect = one(baseline, "rect");
    const end = num(rect, "x") + num(rect, "width");
    expect(end).toBeGreaterThan(xs[5]!);
    expect(end).toBeLessThan(xs[6]!);
    expect(textOf(one(baseline, "text"))).toMatch(/^Baseline/);
    const desc = textOf(one(svg, "desc"));
    expect(desc).toContain("Baseline (before the project started): Jan 2023 to Jun 2023");
    expect(desc).toContain("C1 (Jan 2024) Falls huddle, adopted");
    // The icons' meaning in words, inside the picture too.
    expect(words(svg)).toContain("Variation: Special cause variation of an improving nature");
    expect(words(svg)).toContain("Assurance:");
  });

  it("draws no baseline when every point is from the project's own time", () => {
    const svg = draw({ chart: measureChart(measure(), months(SHIFT), [], { projectStart: utc("2023-01-01") }) });
    expect(all(svg, "g", { "data-baseline": true })).toHaveLength(0);
  });

  it("labels every k-th period when 120 would overlap, and says so", () => {
    const values = Array.from({ length: 120 }, (_, i) => 10 + (i % 7));
    const svg = draw({ chart: measureChart(measure(), months(values, "2015-01")) });
    const labels = all(svg, "text", { "data-label": true });
    expect(labels).toHaveLength(40);
    const xs = labels.map((l) => num(l, "x"));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(MIN_LABEL_SPACING);
    expect(words(svg)).toContain("The axis labels every 3rd point");
    // Every point still has its tick.
    const ticks = one(svg, "path", { "data-ticks": "120" });
    expect(ticks.attrs.d!.match(/M/g)).toHaveLength(120);
  });

  it("grows to fit its words and stands alone as a file with a heading", () => {
    const chart = measureChart(measure({ target: 8 }), months(SHIFT));
    const inline = draw({ chart });
    const file = draw({ chart, standalone: true });
    expect(inline.attrs.width).toBeUndefined();
    expect(file.attrs.width).toBe(String(CHART_WIDTH));
    expect(file.attrs.height).toBe(String(viewHeight(file)));
    expect(file.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(words(file)).toContain("XmR chart of Falls with harm");
    for (const svg of [inline, file])
      for (const text of all(svg, "text")) if ("y" in text.attrs) expect(num(text, "y")).toBeLessThan(viewHeight(svg));
    // The key, with every item shown (target, PDSA, baseline), stays inside the picture (10px Arial: under 6px a character).
    const full = draw({
      chart: measureChart(
        measure({ target: 8 }),
        months(SHIFT),
        [{ id: "c", number: 1, title: "Huddle", startDate: utc("2024-01-10"), act: null }],
        { projectStart: utc("2023-06-01") },
      ),
    });
    const items = all(one(full, "g", { "data-key": true }), "g");
    expect(items.map((g) => textOf(g))).toEqual([
      "Improvement",
      "Concern",
      "Neither",
      "Common cause",
      "Mean",
      "Process limits",
      "Target",
      "PDSA cycle",
      "Baseline",
    ]);
    const last = items.at(-1)!;
    const right = Number(/translate\((\d+)/.exec(last.attrs.transform!)![1]) + 20 + textOf(last).length * 6;
    expect(right).toBeLessThanOrEqual(CHART_WIDTH);
  });
});

describe("ChartSvg (run chart)", () => {
  it("draws the values against their median", () => {
    const values = [4, 6, 5, 7, 6, 5, 8, 6];
    const chart = measureChart(measure(), months(values));
    expect(chart.runChart).not.toBeNull();
    const svg = draw({ chart, kind: "run" });
    expect(textOf(one(svg, "title"))).toBe("Run chart of Falls with harm");
    expect(textOf(one(svg, "desc"))).toContain(chart.runChart!.text);
    expect(all(svg, "g", { "data-period": true })).toHaveLength(0);
    const y = yScale(svg);
    expect(num(one(svg, "line", { "data-line": "median" }), "y1")).toBeCloseTo(y(chart.runChart!.median!), 0);
    expect(dots(svg)).toHaveLength(8);
    expect(dots(svg).every((c) => c.fill === SPC_COLOURS.common && c.cause === "run")).toBe(true);
  });
});

describe("svgMarkup (the download route's renderer)", () => {
  it("writes exactly what react-dom/server writes, for each kind of chart", () => {
    const shift = measureChart(
      measure({ target: 8, rebaseDates: [utc("2024-01-01")] }),
      months(SHIFT),
      [{ id: "c", number: 1, title: `Huddles & "checks" <night>`, startDate: utc("2024-01-10"), act: null }],
      { projectStart: utc("2023-06-01") },
    );
    const short = measureChart(measure(), months([4, 6, 5, 7, 6]));
    const cases: ChartSvgProps[] = [
      { id: "a", name: "Falls & <harm>", unit: "%", chart: shift, kind: "xmr" },
      { id: "b", name: "Falls", unit: "", chart: shift, kind: "xmr", standalone: true },
      { id: "c", name: "Falls", unit: "", chart: short, kind: "run" },
      { id: "d", name: "Empty", unit: "", chart: measureChart(measure(), []), kind: "xmr" },
    ];
    for (const props of cases)
      expect(svgMarkup(createElement(ChartSvg, props))).toBe(renderToStaticMarkup(createElement(ChartSvg, props)));
  });
  it("refuses what it cannot write rather than guess", () => {
    expect(() => svgMarkup(createElement("rect", { style: { fill: "red" } }))).toThrow(/style/);
  });
});
