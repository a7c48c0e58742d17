import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeChartWithRebase, laneySigmaZ, pChart, uChart } from "@/lib/spc";

// Worked examples (DOMAIN.md, "P and U charts over time"), each figure computed by hand from the
// formulas and stated to 9 decimal places: centre = Σy ÷ Σn; P σᵢ = √(c(1 − c) ÷ nᵢ); U σᵢ = √(c ÷ nᵢ);
// Laney σᵢ × σz; limits c ± 3σᵢ, lower clipped at 0, a proportion's upper at 1.

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);
const limits = (r: ReturnType<typeof pChart>) => r.points.map((p) => [p.lowerLimit, p.upperLimit]);

describe("pChart: proportions with limits per point", () => {
  it("computes the centre from the sums and each point's limits from its own denominator", () => {
    // Σy = 37, Σn = 120: centre 0.308333…; n = 10: σ = √(0.308333 × 0.691667 ÷ 10) = 0.146036…, so
    // 0.308333 ± 0.438107: lower −0.129774 clipped to 0, upper 0.746440.
    const r = pChart([2, 12, 3, 20], [10, 40, 20, 50]);
    close(r.centre, 37 / 120);
    const expected = [
      [0, 0.7464400554913024],
      [0.08927997225434878, 0.5273866944123179],
      [0, 0.6181215674546441],
      [0.11240605090436687, 0.5042606157622999],
    ];
    limits(r).forEach(([lower, upper], i) => {
      close(lower!, expected[i]![0]!);
      close(upper!, expected[i]![1]!);
    });
    expect(r.points.map((p) => p.value)).toEqual([0.2, 0.3, 0.15, 0.4]);
    expect(r.points.some((p) => p.outside)).toBe(false);
  });

  it("flags a point strictly beyond a limit, on either side", () => {
    // Centre 0.25, σ = √(0.1875 ÷ 100) = 0.0433013, limits 0.1200962 to 0.3799038.
    const r = pChart([10, 20, 30, 40], [100, 100, 100, 100]);
    close(r.points[0]!.lowerLimit, 0.25 - 3 * Math.sqrt(0.1875 / 100));
    expect(r.points.map((p) => p.outside)).toEqual([true, false, false, true]);
  });

  it("clips the upper limit of a proportion at 1 and the lower at 0 for small denominators", () => {
    // Denominators below 1: σ = √(0.5 × 0.5 ÷ 0.25) = 1, limits 0.5 ± 3 → clipped to 0 and 1.
    const r = pChart([0.125, 0.125], [0.25, 0.25]);
    close(r.centre, 0.5);
    expect(limits(r)).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it("handles zero numerators: a centre of 0 has limits equal to it and nothing outside", () => {
    const r = pChart([0, 0, 0], [10, 20, 30]);
    expect(r.centre).toBe(0);
    expect(r.points).toEqual([
      { value: 0, upperLimit: 0, lowerLimit: 0, outside: false },
      { value: 0, upperLimit: 0, lowerLimit: 0, outside: false },
      { value: 0, upperLimit: 0, lowerLimit: 0, outside: false },
    ]);
  });

  it("counts a zero numerator among others as a value of 0", () => {
    // Centre 2 ÷ 40 = 0.05; n = 20: σ = √(0.0475 ÷ 20) = 0.048734, upper 0.196202, lower clipped to 0.
    const r = pChart([0, 2], [20, 20]);
    expect(r.points[0]!.value).toBe(0);
    expect(r.points[0]!.lowerLimit).toBe(0);
    close(r.points[0]!.upperLimit, 0.05 + 3 * Math.sqrt((0.05 * 0.95) / 20));
    expect(r.points[0]!.outside).toBe(false);
  });

  it("treats a zero or missing denominator as a missing point: left out of the sums, never outside", () => {
    const r = pChart([3, 5, 4], [10, 0, 10]);
    close(r.centre, 7 / 20);
    expect(r.points[1]!.value).toBeNaN();
    expect(r.points[1]!.upperLimit).toBeNaN();
    expect(r.points[1]!.outside).toBe(false);
    expect(pChart([], []).points).toEqual([]);
    expect(pChart([], []).centre).toBeNaN();
  });
});

describe("uChart: rates per unit of exposure", () => {
  it("uses σ = √(centre ÷ n) and clips only the lower limit", () => {
    // Σy = 21, Σn = 8 (thousands of bed days): centre 2.625; n = 1: σ = 1.620185, limits 2.625 ± 4.860556
    // → 0 (clipped) to 7.485556. n = 3: σ = 0.935414, upper 5.431243.
    const r = uChart([4, 9, 2, 6], [2, 3, 1, 2]);
    close(r.centre, 2.625);
    close(r.points[2]!.upperLimit, 7.485555523805895);
    close(r.points[1]!.upperLimit, 5.4312430400804566);
    close(r.points[0]!.upperLimit, 6.06193177121688);
    expect(r.points.map((p) => p.lowerLimit)).toEqual([0, 0, 0, 0]);
    expect(r.points.map((p) => p.value)).toEqual([2, 3, 2, 3]);
  });

  it("never clips a rate's upper limit at 1", () => {
    const r = uChart([1, 1], [4, 4]);
    close(r.centre, 0.25);
    close(r.points[0]!.upperLimit, 0.25 + 3 * Math.sqrt(0.25 / 4)); // 1.0
    const small = uChart([1, 0], [0.5, 0.5]); // centre 1, σ = √2: upper 1 + 4.242641
    close(small.points[0]!.upperLimit, 1 + 3 * Math.SQRT2);
  });
});

describe("Laney P′ and U′", () => {
  // Large denominators and real between-period variation: the plain P chart flags two of five points.
  const ys = [300, 330, 250, 420, 310];
  const ns = [1000, 1100, 1000, 1200, 1000];

  it("P′ over time: σz is the mean moving range of z ÷ 1.128", () => {
    // Centre 1610 ÷ 5300 = 0.303774; z = −0.259480, −0.272145, −3.697590, 3.482015, 0.428142;
    // moving ranges 0.012665, 3.425445, 7.179604, 3.053873 → mean 3.417897 → σz = 3.030050.
    close(laneySigmaZ("p", ys, ns), 3.0300502990736033);
    const plain = pChart(ys, ns);
    expect(plain.points.map((p) => p.outside)).toEqual([false, false, true, true, false]);
    const prime = pChart(ys, ns, { laney: true });
    close(prime.centre, 1610 / 5300);
    const expected = [
      [0.17157666269130586, 0.43597050712001484],
      [0.17772876516086378, 0.42981840465045695],
      [0.17157666269130586, 0.43597050712001484],
      [0.18309485768973077, 0.42445231212158996],
      [0.17157666269130586, 0.43597050712001484],
    ];
    limits(prime).forEach(([lower, upper], i) => {
      close(lower!, expected[i]![0]!);
      close(upper!, expected[i]![1]!);
    });
    expect(prime.points.some((p) => p.outside)).toBe(false);
  });

  it("P′ across categories (one point per collaborative): σz is the sample standard deviation of z", () => {
    // Mean z = −0.063817; Σ(z − mean)² = 26.101409 over 4 degrees of freedom → σz = 2.554454.
    close(laneySigmaZ("p", ys, ns, { categories: true }), 2.554453714882772);
    const r = pChart(ys, ns, { laney: true, categories: true });
    close(r.points[0]!.lowerLimit, 0.1923262867701241);
    close(r.points[0]!.upperLimit, 0.41522088304119664);
    close(r.points[3]!.lowerLimit, 0.20203658630259927);
    close(r.points[3]!.upperLimit, 0.4055105835087215);
  });

  it("U′ with screening drops moving ranges at or above 3.267 × their mean, then takes the mean again", () => {
    // Centre 645 ÷ 120 = 5.375; the spike (90 of 10) gives moving ranges of z 5.046808 and 5.456010;
    // mean of all 11 = 1.202790, cut 3.929512: both dropped, mean of the other 9 = 0.303109 → σz = 0.268713.
    const y = [50, 52, 49, 51, 53, 90, 50, 51, 48, 52, 50, 49];
    const n = new Array<number>(12).fill(10);
    close(laneySigmaZ("u", y, n, { screenOutlierMovingRanges: true }), 0.2687132937235907);
    close(laneySigmaZ("u", y, n), 1.0663032064577036);
    const screened = uChart(y, n, { laney: true, screenOutlierMovingRanges: true });
    close(screened.points[0]!.lowerLimit, 4.783983451536643);
    close(screened.points[0]!.upperLimit, 5.966016548463357);
    expect(screened.points.filter((p) => p.outside).length).toBe(1);
    const unscreened = uChart(y, n, { laney: true });
    close(unscreened.points[0]!.lowerLimit, 3.029738878143133);
    close(unscreened.points[0]!.upperLimit, 7.720261121856867);
    expect(unscreened.points.map((p) => p.outside)).toEqual(y.map((v) => v === 90));
  });

  it("does not bridge a missing point: moving ranges next to it are left out", () => {
    const withGap = laneySigmaZ("p", [300, 330, 0, 250, 420], [1000, 1100, 0, 1000, 1200]);
    // Only the ranges 300→330 and 250→420 count: the z-scores are of the four usable points' centre.
    const centre = 1300 / 4300;
    const z = (y: number, n: number) => (y / n - centre) / Math.sqrt((centre * (1 - centre)) / n);
    const expected = (Math.abs(z(330, 1100) - z(300, 1000)) + Math.abs(z(420, 1200) - z(250, 1000))) / 2 / 1.128;
    close(withGap, expected);
  });

  it("has no Laney limits without a moving range (one point over time) or with one category", () => {
    expect(pChart([3], [10], { laney: true }).points[0]!.upperLimit).toBeNaN();
    expect(laneySigmaZ("u", [3], [10], { categories: true })).toBeNaN();
  });
});

describe("attributeChartWithRebase: the measure chart's P/U chart over time", () => {
  it("gives each rebased period its own centre and limits", () => {
    const r = attributeChartWithRebase("p", [10, 20, 30, 40], [100, 100, 100, 100], [2]);
    expect(r.periods.map((p) => p.centre)).toEqual([0.15, 0.35]);
    close(r.points[0]!.upperLimit!, 0.15 + 3 * Math.sqrt((0.15 * 0.85) / 100));
    close(r.points[3]!.upperLimit!, 0.35 + 3 * Math.sqrt((0.35 * 0.65) / 100));
  });

  it("flags outside-limit points and shifts against the centre, with the direction's meaning", () => {
    const ys = [10, 10, 10, 10, 10, 10, 10, 30, 30, 30, 30, 30, 30, 30];
    const r = attributeChartWithRebase("p", ys, new Array<number>(14).fill(100), [], { improvement: "increase" });
    expect(r.points.every((p) => p.rules.includes("shift"))).toBe(true);
    expect(r.points[0]!.specialCause).toBe("concern");
    expect(r.points[13]!.specialCause).toBe("improvement");
    expect(r.variation).toBe("improvement-high");
  });

  it("judges assurance against the latest point's limits", () => {
    const r = attributeChartWithRebase("u", [5, 6, 5, 6], [10, 10, 10, 10], [], {
      improvement: "decrease",
      target: 2,
    });
    // Centre 0.55 a day, upper limit 0.55 + 3√(0.055) = 1.25: a target of 2 is always met when lower is better.
    expect(r.assurance).toBe("consistently-meets");
  });
});

describe("properties", () => {
  const counts = fc
    .array(fc.record({ y: fc.integer({ min: 0, max: 200 }), extra: fc.integer({ min: 1, max: 800 }) }), {
      minLength: 3,
      maxLength: 25,
    })
    .map((rows) => ({ ys: rows.map((r) => r.y), ns: rows.map((r) => r.y + r.extra) }));

  it("limits widen as the denominator shrinks (same centre, smaller n, limits no narrower)", () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(pChart, uChart), ({ ys, ns }, chart) => {
        const r = chart(ys, ns);
        for (let i = 0; i < ns.length; i++)
          for (let j = 0; j < ns.length; j++) {
            if (ns[i]! >= ns[j]!) continue;
            // Point i has the smaller denominator.
            expect(r.points[i]!.upperLimit).toBeGreaterThanOrEqual(r.points[j]!.upperLimit - 1e-12);
            expect(r.points[i]!.lowerLimit).toBeLessThanOrEqual(r.points[j]!.lowerLimit + 1e-12);
          }
      }),
    );
  });

  it("Laney limits are the plain limits' distance from the centre scaled by σz", () => {
    fc.assert(
      fc.property(
        counts,
        fc.constantFrom("p" as const, "u" as const),
        fc.boolean(),
        fc.boolean(),
        ({ ys, ns }, kind, screenOutlierMovingRanges, categories) => {
          const chart = kind === "p" ? pChart : uChart;
          const options = { screenOutlierMovingRanges, categories };
          const plain = chart(ys, ns);
          const laney = chart(ys, ns, { laney: true, ...options });
          const sigmaZ = laneySigmaZ(kind, ys, ns, options);
          expect(laney.centre).toBe(plain.centre);
          plain.points.forEach((p, i) => {
            const q = laney.points[i]!;
            const top = kind === "p" ? 1 : Infinity;
            // Where the plain limit was not clipped, its distance from the centre is 3σᵢ.
            if (p.upperLimit < top && Number.isFinite(sigmaZ))
              expect(q.upperLimit).toBeCloseTo(Math.min(top, plain.centre + (p.upperLimit - plain.centre) * sigmaZ), 9);
            if (p.lowerLimit > 0 && Number.isFinite(sigmaZ))
              expect(q.lowerLimit).toBeCloseTo(Math.max(0, plain.centre - (plain.centre - p.lowerLimit) * sigmaZ), 9);
            expect(q.value).toBe(p.value);
          });
        },
      ),
    );
  });

  it("a point is outside exactly when strictly beyond one of its limits", () => {
    fc.assert(
      fc.property(counts, fc.boolean(), ({ ys, ns }, laney) => {
        for (const p of [...pChart(ys, ns, { laney }).points, ...uChart(ys, ns, { laney }).points])
          expect(p.outside).toBe(p.value > p.upperLimit || p.value < p.lowerLimit);
      }),
    );
  });
});
