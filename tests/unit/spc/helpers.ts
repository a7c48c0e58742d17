import { xmrChart, type XmrOptions, type XmrResult } from "@/lib/spc";

/**
 * A 12-point baseline alternating around 11:
 *   mean = 11, every moving range = 2 → movingRangeMean = 2
 *   limits = 11 ± 2.66 × 2 = 11 ± 5.32 → 16.32 / 5.68
 *   close band = 11 ± (2/3 × 2.66) × 2 = 11 ± 3.5466… → 14.5466… / 7.4533…
 * Alternating sides and directions: no rule fires inside it.
 */
export const BASE_ENDS_LOW = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10];
export const BASE_ENDS_HIGH = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
export const BASE_UPPER = 16.32;
export const BASE_LOWER = 5.68;

/** Chart `extra` after a baseline whose limits are fixed (baselinePoints = 12). */
export function withBase(extra: (number | null)[], base = BASE_ENDS_LOW, options: XmrOptions = {}): XmrResult {
  return xmrChart([...base, ...extra], { improvement: "increase", baselinePoints: base.length, ...options });
}

/** Special causes of the points after the 12-point baseline. */
export function tailCauses(result: XmrResult): (string | null)[] {
  return result.points.slice(12).map((p) => p.specialCause);
}

/** Rules of the points after the 12-point baseline. */
export function tailRules(result: XmrResult): string[][] {
  return result.points.slice(12).map((p) => p.rules);
}
