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
};

export const NATIONAL_METRICS: readonly NationalMetric[] = [
  {
    key: "falls-with-harm",
    name: "Falls with harm",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "falls",
  },
  {
    key: "pressure-ulcers",
    name: "New pressure ulcers (category 2 and above)",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "pressure-ulcers",
  },
  {
    key: "catheter-infections",
    name: "Catheter-associated urinary tract infections",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "infections",
  },
  {
    key: "medication-harm",
    name: "Medication errors with harm",
    unit: "per 1,000 occupied bed days",
    multiplier: 1000,
    area: "medication-safety",
  },
  {
    key: "delayed-transfers",
    name: "Delayed transfers of care",
    unit: "% of discharges",
    multiplier: 100,
    area: "transfers-discharge",
  },
];

/** Sign up to Safety's ambition: halve avoidable harm (here: half the baseline mean). */
export const AMBITION_FRACTION = 0.5;
/** The first this-many months of a national series are its baseline. */
export const BASELINE_MONTHS = 12;
