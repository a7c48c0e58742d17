/**
 * The Sign up to Safety harm measures that collaboratives report in common (Measure.nationalMetric).
 * Nationally each is aggregated as Σ numerators ÷ Σ denominators × multiplier per month, so a large
 * trust weighs more than a small care home, as in the national data sets.
 */
export type NationalMetric = {
  key: string;
  name: string;
  unit: string;
  multiplier: number;
  /** The national priority area the measure belongs to. */
  area: string;
  /**
   * How the funnel plot compares collaboratives (lib/spc/funnel.ts): a rate per exposure as an
   * indirectly standardised ratio ("SR": harms ÷ (national rate × the collaborative's bed days)), a
   * percentage as a proportion ("PR").
   */
  funnel: "SR" | "PR";
  /** What the numerator and denominator count, in words (table headings). */
  numeratorName: string;
  denominatorName: string;
};

export const NATIONAL_METRICS: readonly NationalMetric[] = [
  {
    key: "falls-with-harm",
    name: "Falls with harm",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "falls",
    funnel: "SR",
    numeratorName: "Falls with harm",
    denominatorName: "Occupied bed days",
  },
  {
    key: "pressure-ulcers",
    name: "New pressure ulcers (category 2 and above)",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "pressure-ulcers",
    funnel: "SR",
    numeratorName: "New pressure ulcers",
    denominatorName: "Occupied bed days",
  },
  {
    key: "catheter-infections",
    name: "Catheter-associated urinary tract infections",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "infections",
    funnel: "SR",
    numeratorName: "Infections",
    denominatorName: "Occupied bed days",
  },
  {
    key: "medication-harm",
    name: "Medication errors with harm",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "medication-safety",
    funnel: "SR",
    numeratorName: "Errors with harm",
    denominatorName: "Occupied bed days",
  },
  {
    key: "delayed-transfers",
    name: "Delayed transfers of care",
    unit: "% of discharges",
    multiplier: 100,
    area: "transfers-discharge",
    funnel: "PR",
    numeratorName: "Delayed transfers",
    denominatorName: "Discharges",
  },
];

/** Sign up to Safety's ambition: halve avoidable harm (here: half the baseline mean). */
export const AMBITION_FRACTION = 0.5;
/** The first this-many months of a national series are its baseline. */
export const BASELINE_MONTHS = 12;
