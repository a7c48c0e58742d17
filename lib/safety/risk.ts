// DCB0129's clinical risk matrix (NHS Digital, "DCB0129: Clinical Risk Management: its Application in the
// Manufacture of Health IT Systems", specification and implementation guidance): a hazard's likelihood and
// the severity of its worst credible effect give a risk rating from 1 (acceptable) to 5 (unacceptable).
// The hazard log's ratings are checked against this matrix (lib/safety/schema.ts), never typed freely.

export const LIKELIHOODS = ["very low", "low", "medium", "high", "very high"] as const;
export const SEVERITIES = ["minor", "significant", "considerable", "major", "catastrophic"] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type RiskRating = 1 | 2 | 3 | 4 | 5;

/** Rows: likelihood from very low to very high; columns: severity from minor to catastrophic. */
const MATRIX: readonly (readonly RiskRating[])[] = [
  [1, 1, 2, 2, 3], // very low
  [1, 2, 2, 3, 4], // low
  [2, 2, 3, 3, 4], // medium
  [2, 3, 3, 4, 5], // high
  [3, 4, 4, 5, 5], // very high
];

export function riskRating(likelihood: Likelihood, severity: Severity): RiskRating {
  return MATRIX[LIKELIHOODS.indexOf(likelihood)]![SEVERITIES.indexOf(severity)]!;
}

/** What each rating asks of the manufacturer (DCB0129's risk acceptability). */
export const RATING_MEANING: Record<RiskRating, string> = {
  1: "Acceptable: no further action required",
  2: "Acceptable where further risk reduction is impractical",
  3: "Undesirable: acceptable only where further risk reduction is impractical, with the clinical safety officer's agreement",
  4: "Mandatory elimination or control to reduce the risk to an acceptable level",
  5: "Unacceptable",
};

/** The matrix as rows for display, most likely first (as the standard prints it). */
export function matrixRows(): { likelihood: Likelihood; ratings: RiskRating[] }[] {
  return [...LIKELIHOODS].reverse().map((likelihood) => ({
    likelihood,
    ratings: SEVERITIES.map((severity) => riskRating(likelihood, severity)),
  }));
}
