import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { funnelPlot, type FunnelUnit } from "@/lib/spc";
import {
  averageRanks,
  chiSquaredQuantile,
  funnelLimits,
  gammaP,
  quantileType7,
  roundTwoDecimals,
  type FunnelDataType,
} from "@/lib/spc/funnel";

/**
 * The expected numbers below were worked from DOMAIN.md's formulas, written out again in this file
 * (poissonUpperTail, dispersionByHand…), and the stated decimals agree with R (qchisq, quantile, rank)
 * as FunnelPlotR computes them: to 9 significant figures or better.
 */
const close = (actual: number, expected: number, digits = 9) => expect(actual).toBeCloseTo(expected, digits);
const units = (rows: [string, number, number][]): FunnelUnit[] =>
  rows.map(([id, numerator, denominator]) => ({ id, numerator, denominator }));
const byId = (result: ReturnType<typeof funnelPlot>, id: string) => result.units.find((u) => u.id === id)!;

/** P(X ≥ k) for X ~ Poisson(λ), summed directly: the exact Poisson limits' definition, independent of χ². */
function poissonUpperTail(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let j = 0; j < k; j++) {
    below += term;
    term *= lambda / (j + 1);
  }
  return 1 - below;
}

describe("chi-squared quantiles (R's qchisq, any degrees of freedom)", () => {
  it("matches R's tabulated values, including fractional and tiny degrees of freedom", () => {
    close(chiSquaredQuantile(0.025, 20), 9.590777392264867);
    close(chiSquaredQuantile(0.975, 22), 36.78071208403556);
    close(chiSquaredQuantile(0.5, 1), 0.454936423119572);
    close(chiSquaredQuantile(0.999, 0.5), 8.752888515773373);
    expect(chiSquaredQuantile(0.001, 0.5) / 1.3499395786230753e-12).toBeCloseTo(1, 10);
    expect(chiSquaredQuantile(0.025, 0.02) / 7.045371994627437e-161).toBeCloseTo(1, 10);
    close(chiSquaredQuantile(0.001, 2000.46), 1810.6791089459073, 7);
    close(chiSquaredQuantile(0.025, 1.5), 0.01311302116301894, 12);
  });

  // (Below 0.1 degrees of freedom the lower quantiles underflow to 0, in R as here.)
  it("inverts the regularised incomplete gamma function", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        fc.constantFrom(0.001, 0.025, 0.5, 0.975, 0.999),
        (df, p) => {
          expect(gammaP(df / 2, chiSquaredQuantile(p, df) / 2)).toBeCloseTo(p, 10);
        },
      ),
    );
  });
});

describe("R's helpers", () => {
  it("rounds to 2 decimals as R does (the nearer neighbour; an exact half to even)", () => {
    expect(roundTwoDecimals(25.004)).toBe(25);
    expect(roundTwoDecimals(0.125)).toBe(0.12); // 0.125 is exact in binary: a true tie, to even
    expect(roundTwoDecimals(0.375)).toBe(0.38);
    expect(roundTwoDecimals(2.675)).toBe(2.67); // stored as 2.67499999…
    expect(roundTwoDecimals(19.999)).toBe(20);
  });

  it("takes quantiles by linear interpolation between order statistics (type 7)", () => {
    // 10 values 1…10: index (10 − 1) × 0.1 = 0.9 → 1 + 0.9 × (2 − 1) = 1.9; × 0.9 → 8.1 → 9.1
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    close(quantileType7(ten, 0.1), 1.9);
    close(quantileType7(ten, 0.9), 9.1);
    expect(quantileType7([-Infinity, 1, 2, 3], 0.1)).toBe(-Infinity);
  });

  it("averages the ranks of ties", () => {
    expect(averageRanks([3, 1, 3, 2, 3])).toEqual([4, 1, 4, 2, 4]);
  });
});

describe("SR: indirectly standardised ratios", () => {
  it("one unit, unadjusted: exact Poisson limits at E = 10", () => {
    const result = funnelPlot(units([["A", 20, 10]]), { dataType: "SR", overdispersion: false });
    const a = result.units[0]!;
    expect(result).toMatchObject({ target: 1, phi: 0, tau2: 0, adjusted: false });
    // lower95 = χ²(0.025; 20) ÷ 20 = 9.590777392… ÷ 20; upper95 = χ²(0.975; 22) ÷ 20 = 36.780712084… ÷ 20
    close(a.lower95, 0.4795388696132434);
    close(a.upper95, 1.839035604201778);
    // By definition: at λ = E × lower, P(X ≥ 10) = 2.5%; at λ = E × upper, P(X ≤ 10) = 2.5%.
    close(poissonUpperTail(10, 10 * a.lower95), 0.025, 12);
    close(1 - poissonUpperTail(11, 10 * a.upper95), 0.025, 12);
    close(poissonUpperTail(10, 10 * a.lower998), 0.001, 12);
    close(1 - poissonUpperTail(11, 10 * a.upper998), 0.001, 12);
    expect(a.value).toBe(2);
    expect(a.outlier95).toBe("high"); // 2 > 1.839
    expect(a.outlier998).toBeNull(); // 2 < 2.4134
  });

  const fifteen = units([
    ["A", 30, 25.004],
    ["B", 18, 20],
    ["C", 45, 30],
    ["D", 12, 22],
    ["E", 26, 24],
    ["F", 40, 41],
    ["G", 9, 15],
    ["H", 33, 28],
    ["I", 21, 19.5],
    ["J", 50, 35],
    ["K", 14, 18],
    ["L", 27, 27],
    ["M", 8, 16],
    ["N", 39, 30],
    ["O", 22, 23],
  ]);

  it("15 units without overdispersion: exact Poisson limits at each expected (rounded to 2 decimals)", () => {
    const result = funnelPlot(fifteen, { dataType: "SR", overdispersion: false });
    const a = byId(result, "A");
    // The value uses the expected as given; the limits use it rounded (25.004 → 25.00), as FunnelPlotR.
    close(a.value, 30 / 25.004);
    close(a.lower95, 0.6471472739131731);
    close(a.upper95, 1.4761972679012145);
    close(a.lower998, 0.4934781054375452);
    close(a.upper998, 1.7854430166860897);
    const c = byId(result, "C"); // 45 ÷ 30 = 1.5 > 1.42756
    close(c.upper95, 1.427562179826922);
    expect([c.outlier95, c.outlier998]).toEqual(["high", null]);
    const j = byId(result, "J"); // 50 ÷ 35 = 1.4286 > 1.39076
    close(j.upper95, 1.390757924830945);
    expect(j.outlier95).toBe("high");
  });

  it("15 units with overdispersion: the top and bottom tenth truncated, φ and τ², log-normal limits", () => {
    const result = funnelPlot(fifteen, { dataType: "SR", overdispersion: true });
    // By hand: z = √E·ln(O/E); ranks 1…15; g = ⌊rank × 10 ÷ 16⌋ drops rank 1 (g 0) and rank 15 (g 9).
    const scored = fifteen.map((u) => {
      const e = Math.round(u.denominator * 100) / 100;
      return { e, z: Math.sqrt(e) * Math.log(u.numerator / e) };
    });
    const sorted = [...scored].sort((x, y) => x.z - y.z);
    const kept = sorted.slice(1, -1);
    const phi = kept.reduce((s, u) => s + u.z ** 2, 0) / kept.length;
    const w = kept.map((u) => u.e); // w = 1/s² = E
    const sw = w.reduce((s, x) => s + x, 0);
    const tau2 = (kept.length * phi - (kept.length - 1)) / (sw - w.reduce((s, x) => s + x * x, 0) / sw);
    close(result.phi, phi, 12);
    close(result.tau2, tau2, 12);
    close(result.phi, 1.6458553991515523);
    close(result.tau2, 0.03188975425168813);
    expect(result.adjusted).toBe(true);
    const a = byId(result, "A");
    close(a.lower95, Math.exp(-1.959964 * Math.sqrt(1 / 25 + tau2)), 12);
    close(a.upper95, 1.6913224491670147);
    close(a.lower998, 0.4366771316683669);
    close(a.upper998, 2.2900214540189086);
    // C (1.5) and J (1.43) were 95% outliers before; the widened limits (about 1.65 and 1.62) take them in.
    expect(byId(result, "C").outlier95).toBeNull();
    expect(byId(result, "J").outlier95).toBeNull();
  });

  it("φ ≤ 1: the unadjusted limits stay, with φ and τ² reported", () => {
    const calm = units([
      ["A", 10, 10],
      ["B", 21, 20],
      ["C", 29, 30],
      ["D", 15, 15],
    ]);
    const result = funnelPlot(calm, { dataType: "SR", overdispersion: true });
    expect(result.adjusted).toBe(false);
    expect(result.phi).toBeLessThan(1);
    expect(result.tau2).toBe(0); // m·φ < m − 1
    const plain = funnelPlot(calm, { dataType: "SR", overdispersion: false });
    expect(result.units).toEqual(plain.units);
  });

  it("small counts: a zero observed count and an expected below 1", () => {
    const result = funnelPlot(
      units([
        ["zero", 0, 4],
        ["small", 1, 0.5],
      ]),
      { dataType: "SR", overdispersion: false },
    );
    const zero = byId(result, "zero");
    expect(zero.value).toBe(0);
    // χ²(0.025; 8) ÷ 8 = 2.179730747… ÷ 8: none out of 4 expected is below it
    close(zero.lower95, 0.2724663433);
    expect(zero.outlier95).toBe("low");
    const small = byId(result, "small");
    // E = 0.5: χ²(0.025; 1) ÷ 1 and χ²(0.975; 3) ÷ 1
    close(small.lower95, 0.0009820691171752583);
    close(small.upper95, 9.348403604496145);
    expect(small.outlier95).toBeNull();
  });

  it("one unit: φ = z²; τ² is 0 with no excess (R's 0/0 gives NaN) and unbounded with any", () => {
    const even = funnelPlot(units([["A", 10, 10]]), { dataType: "SR", overdispersion: true });
    expect(even).toMatchObject({ phi: 0, tau2: 0, adjusted: false });
    const high = funnelPlot(units([["A", 20, 10]]), { dataType: "SR", overdispersion: true });
    close(high.phi, 10 * Math.log(2) ** 2, 12); // (√10 · ln 2)² = 4.8045…
    expect(high.tau2).toBe(Infinity);
    expect(high.units[0]).toMatchObject({ lower95: 0, upper95: Infinity, outlier95: null, outlier998: null });
  });

  it("refuses what cannot be plotted", () => {
    expect(() => funnelPlot([], { dataType: "SR", overdispersion: true })).toThrow(RangeError);
    expect(() => funnelPlot(units([["A", 1, 0.004]]), { dataType: "SR", overdispersion: false })).toThrow(
      /rounds to 0/,
    );
    expect(() => funnelPlot(units([["A", 3, 2]]), { dataType: "PR", overdispersion: false })).toThrow(RangeError);
    expect(() => funnelPlot(units([["A", -1, 2]]), { dataType: "RC", overdispersion: false })).toThrow(RangeError);
    expect(() => funnelPlot(units([["A", 1, 0]]), { dataType: "RC", overdispersion: false })).toThrow(RangeError);
  });

  it("ties: tied lowest z-scores share rank 1.5 and are both truncated", () => {
    // 15 units; two identical lowest ones (rank 1.5 → g = ⌊15 ÷ 16⌋ = 0) and the highest (rank 15 → 9) go.
    const rows: [string, number, number][] = [
      ["low1", 5, 20],
      ["low2", 5, 20],
      ...Array.from({ length: 12 }, (_, i): [string, number, number] => [`mid${i}`, 18 + i, 20]),
      ["high", 60, 20],
    ];
    const result = funnelPlot(units(rows), { dataType: "SR", overdispersion: true });
    const kept = rows.slice(2, 14).map(([, o, e]) => (Math.sqrt(e) * Math.log(o / e)) ** 2);
    close(result.phi, kept.reduce((a, b) => a + b, 0) / 12, 12);
    expect(byId(result, "low1")).toEqual({ ...byId(result, "low2"), id: "low1" });
  });

  it("adjusted (log-normal) limits can sit inside the exact Poisson ones when τ² is small, as in FunnelPlotR", () => {
    const exact = funnelLimits(10, { dataType: "SR", target: 1, tau2: 0, adjusted: false });
    const widened = funnelLimits(10, { dataType: "SR", target: 1, tau2: 0.001, adjusted: true });
    // exp(−1.959964 × √(0.1 + 0.001)) = 0.53636… > 0.47954…
    close(widened.lower95, Math.exp(-1.959964 * Math.sqrt(0.101)), 12);
    expect(widened.lower95).toBeGreaterThan(exact.lower95);
  });
});

describe("PR: proportions", () => {
  const ten = units([
    ["A", 12, 150],
    ["B", 30, 200],
    ["C", 5, 90],
    ["D", 40, 210],
    ["E", 0, 8],
    ["F", 22, 180],
    ["G", 3, 40],
    ["H", 55, 260],
    ["I", 18, 160],
    ["J", 9, 120],
  ]);
  const target = 194 / 1418;

  it("unadjusted: target Σnum ÷ Σden, arcsine limits", () => {
    const result = funnelPlot(ten, { dataType: "PR", overdispersion: false });
    close(result.target, target, 15);
    const a = byId(result, "A");
    // sin²(asin(√p̄) ± 1.959964 ÷ (2√150))
    close(a.lower95, Math.sin(Math.asin(Math.sqrt(target)) - 1.959964 / (2 * Math.sqrt(150))) ** 2, 14);
    close(a.lower95, 0.08669317740184948);
    close(a.upper95, 0.19621294784581353);
    close(a.lower998, 0.06252089215353178);
    close(a.upper998, 0.2341033378388635);
    expect(a.outlier95).toBe("low"); // 0.08 < 0.0867
    expect(byId(result, "D").outlier95).toBe("high"); // 0.1905 > 0.18647
    const e = byId(result, "E"); // 0 of 8
    close(e.lower95, 0.0010497580138387696);
    // 3.090232 ÷ (2√8) = 0.5463 > asin(√p̄) = 0.3799: the angle would pass 0, so the limit is 0
    expect(e.lower998).toBe(0);
    expect([e.outlier95, e.outlier998]).toEqual(["low", null]);
  });

  it("with overdispersion: z winsorised at the 10th and 90th percentiles, φ and τ²", () => {
    const result = funnelPlot(ten, { dataType: "PR", overdispersion: true });
    const z = ten.map(
      (u) =>
        (Math.asin(Math.sqrt(u.numerator / u.denominator)) - Math.asin(Math.sqrt(target))) *
        2 *
        Math.sqrt(u.denominator),
    );
    const sorted = [...z].sort((x, y) => x - y);
    // k = 10: the 10th percentile is at 0.9 between the 1st and 2nd order statistics, the 90th at 0.1 between the 9th and 10th
    const low = 0.1 * sorted[0]! + 0.9 * sorted[1]!;
    const high = 0.9 * sorted[8]! + 0.1 * sorted[9]!;
    const w = z.map((x) => Math.min(high, Math.max(low, x)));
    const phi = w.reduce((s, x) => s + x * x, 0) / 10;
    const weights = ten.map((u) => 4 * u.denominator);
    const sw = weights.reduce((s, x) => s + x, 0);
    const tau2 = (10 * phi - 9) / (sw - weights.reduce((s, x) => s + x * x, 0) / sw);
    close(result.phi, phi, 12);
    close(result.tau2, tau2, 12);
    close(result.phi, 3.24120811934221);
    close(result.tau2, 0.0047308322026654364);
    expect(result.adjusted).toBe(true);
    const a = byId(result, "A");
    close(a.lower95, 0.048529126747387755);
    close(a.upper95, 0.2605065815536332);
    close(a.upper998, 0.3433373546063126);
    expect(a.outlier95).toBeNull();
  });

  it("all zero: target 0, the lower limits 0, and a value on its limit is not an outlier", () => {
    const result = funnelPlot(
      units([
        ["A", 0, 10],
        ["B", 0, 0.5],
      ]),
      { dataType: "PR", overdispersion: true },
    );
    expect(result.target).toBe(0);
    for (const u of result.units) {
      expect(u.lower95).toBe(0);
      expect(u.value).toBe(0);
      expect(u.outlier95).toBeNull();
      expect(u.outlier998).toBeNull();
    }
    close(byId(result, "B").upper95, Math.sin(1.959964 / (2 * Math.sqrt(0.5))) ** 2, 14);
  });
});

describe("RC: ratios of counts", () => {
  const eight = units([
    ["A", 12, 10],
    ["B", 30, 18],
    ["C", 5, 9],
    ["D", 40, 21],
    ["E", 0, 0.6],
    ["F", 22, 30],
    ["G", 3, 4],
    ["H", 55, 26],
  ]);

  it("unadjusted: exp(ln target ± z ÷ (2√E))", () => {
    const result = funnelPlot(eight, { dataType: "RC", overdispersion: false });
    close(result.target, 167 / 118.6, 14);
    const a = byId(result, "A");
    close(a.lower95, Math.exp(Math.log(167 / 118.6) - 1.959964 / (2 * Math.sqrt(10))), 14);
    close(a.lower95, 1.0328684218644189);
    close(a.upper998, 2.295259494845339);
    const c = byId(result, "C");
    expect(c.outlier998).toBe("low"); // 0.556 < 0.8413
    const e = byId(result, "E"); // 0 over 0.6: wide limits at a denominator below 1
    close(e.lower95, 0.3973594485343042);
    close(e.upper998, 10.349865293500988);
    expect(e.outlier95).toBe("low");
  });

  it("with overdispersion: s = √(O/(O + ½)² + E/(E + ½)²), winsorised z, φ and τ²", () => {
    const result = funnelPlot(eight, { dataType: "RC", overdispersion: true });
    close(result.phi, 1.665938277974765);
    close(result.tau2, 0.10752028809433303);
    expect(result.adjusted).toBe(true);
    const a = byId(result, "A");
    close(a.lower95, Math.exp(Math.log(167 / 118.6) - 1.959964 * Math.sqrt(1 / 40 + result.tau2)), 14);
    close(a.upper95, 2.874071336502642);
    expect(byId(result, "C").outlier95).toBe("low"); // 0.556 < 0.6848, even widened
  });
});

// ─── Properties ────────────────────────────────────────────────────────────────

const dataType = fc.constantFrom<FunnelDataType>("SR", "PR", "RC");
/** Units with counts up to 2,000 and denominators from 0.1; PR numerators within their denominators. */
const unitsOf = (type: FunnelDataType) =>
  fc
    .array(
      fc.record({
        numerator: fc.integer({ min: 0, max: 2000 }),
        denominator: fc.double({ min: 0.1, max: 5000, noNaN: true }),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((rows) =>
      rows.map((r, i) => ({
        id: `u${i}`,
        numerator: type === "PR" ? Math.min(r.numerator, Math.floor(r.denominator)) : r.numerator,
        denominator: r.denominator,
      })),
    );

describe("funnel properties", () => {
  it("limits widen as denominators shrink", () => {
    fc.assert(
      fc.property(
        dataType,
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.double({ min: 1.0001, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.boolean(),
        (type, small, factor, target, tau2, adjusted) => {
          const options = { dataType: type, target: type === "SR" ? 1 : target, tau2, adjusted };
          const narrow = funnelLimits(small * factor, options);
          const wide = funnelLimits(small, options);
          expect(wide.lower95).toBeLessThanOrEqual(narrow.lower95);
          expect(wide.upper95).toBeGreaterThanOrEqual(narrow.upper95);
          expect(wide.lower998).toBeLessThanOrEqual(narrow.lower998);
          expect(wide.upper998).toBeGreaterThanOrEqual(narrow.upper998);
          // and 99.8% outside 95%, the lower limits never below 0
          expect(wide.lower998).toBeLessThanOrEqual(wide.lower95);
          expect(wide.upper998).toBeGreaterThanOrEqual(wide.upper95);
          expect(wide.lower998).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("adjusted limits are never narrower than unadjusted (PR and RC; SR against its own τ² = 0 form)", () => {
    fc.assert(
      fc.property(
        dataType.chain((type) => fc.tuple(fc.constant(type), unitsOf(type))),
        ([type, rows]) => {
          const adjusted = funnelPlot(rows, { dataType: type, overdispersion: true });
          const plain = funnelPlot(rows, { dataType: type, overdispersion: false });
          adjusted.units.forEach((u, i) => {
            const base =
              type === "SR"
                ? funnelLimits(roundTwoDecimals(rows[i]!.denominator), {
                    dataType: "SR",
                    target: 1,
                    tau2: 0,
                    adjusted: adjusted.adjusted,
                  })
                : plain.units[i]!;
            expect(u.lower95).toBeLessThanOrEqual(base.lower95 * (1 + 1e-12));
            expect(u.upper95).toBeGreaterThanOrEqual(base.upper95 * (1 - 1e-12));
            expect(u.lower998).toBeLessThanOrEqual(base.lower998 * (1 + 1e-12));
            expect(u.upper998).toBeGreaterThanOrEqual(base.upper998 * (1 - 1e-12));
          });
          expect(adjusted.adjusted).toBe(adjusted.phi > 1);
          expect(plain).toMatchObject({ phi: 0, tau2: 0, adjusted: false });
        },
      ),
    );
  });

  it("a unit is an outlier only strictly beyond a limit", () => {
    fc.assert(
      fc.property(
        dataType.chain((type) => fc.tuple(fc.constant(type), unitsOf(type), fc.boolean())),
        ([type, rows, overdispersion]) => {
          const result = funnelPlot(rows, { dataType: type, overdispersion });
          for (const u of result.units) {
            expect(u.outlier95).toBe(u.value > u.upper95 ? "high" : u.value < u.lower95 ? "low" : null);
            expect(u.outlier998).toBe(u.value > u.upper998 ? "high" : u.value < u.lower998 ? "low" : null);
            // a 99.8% outlier is always a 95% one, on the same side
            if (u.outlier998) expect(u.outlier95).toBe(u.outlier998);
          }
        },
      ),
    );
  });
});
