// The shapes of the clinical safety hazard log (docs/safety/hazards.yaml) and the data protection impact
// assessment's risks (docs/privacy/dpia.yaml). Parsing checks more than shape: every rating must follow from
// its likelihood and severity (DCB0129's matrix, ./risk.ts; the ICO's three-by-three for the DPIA), a
// residual risk may not exceed the initial one, ids are unique, and every control or mitigation names at
// least one test as "<file under tests/>::<describe > … > test title>".
import { z } from "zod";
import { LIKELIHOODS, SEVERITIES, riskRating } from "./risk";

/** "tests/unit/x.test.ts::a describe > the test": the file, then the titles joined by " > ". */
export const TEST_REF_PATTERN = /^tests\/[\w./-]+\.(test|spec)\.ts::.+$/;
export const testRef = z
  .string()
  .regex(TEST_REF_PATTERN, 'Name a test as "tests/<file>.test.ts::<describe> > <test title>"');

const text = z.string().trim().min(1);

export const control = z.object({
  description: text,
  tests: z.array(testRef).min(1, "A control names at least one test that shows it works"),
});

const risk = z
  .object({
    likelihood: z.enum(LIKELIHOODS),
    severity: z.enum(SEVERITIES),
    rating: z.number().int().min(1).max(5),
  })
  .refine((r) => r.rating === riskRating(r.likelihood, r.severity), {
    message: "The rating does not follow from the likelihood and severity (DCB0129 risk matrix, lib/safety/risk.ts)",
    path: ["rating"],
  });

export const hazard = z
  .object({
    id: z.string().regex(/^H\d{2,}$/, "Hazard ids are H01, H02, …"),
    title: text,
    description: text,
    causes: z.array(text).min(1),
    effects: z.array(text).min(1),
    initialRisk: risk,
    controls: z.array(control).min(1, "A hazard needs at least one control"),
    residualRisk: risk,
    /** What the deploying organisation's clinical safety officer must do under DCB0160. */
    deployer: z.array(text).default([]),
    status: z.enum(["open", "closed", "transferred"]),
  })
  .refine((h) => h.residualRisk.rating <= h.initialRisk.rating, {
    message: "The residual risk is higher than the initial risk",
    path: ["residualRisk"],
  });

export const hazardLogSchema = z
  .object({
    product: text,
    manufacturer: text,
    intendedUse: text,
    hazards: z.array(hazard).min(1),
  })
  .refine((log) => new Set(log.hazards.map((h) => h.id)).size === log.hazards.length, {
    message: "Two hazards share an id",
    path: ["hazards"],
  });

export type Hazard = z.infer<typeof hazard>;
export type HazardLog = z.infer<typeof hazardLogSchema>;

// The DPIA: the ICO's likelihood (remote, possible, probable) and severity (minimal, significant, severe).
export const DPIA_LIKELIHOODS = ["remote", "possible", "probable"] as const;
export const DPIA_SEVERITIES = ["minimal", "significant", "severe"] as const;
export const DPIA_LEVELS = ["low", "medium", "high"] as const;

/** The ICO's overall risk: likelihood × severity, each counted 1 to 3; 1–2 low, 3–4 medium, 6–9 high. */
export function dpiaLevel(
  likelihood: (typeof DPIA_LIKELIHOODS)[number],
  severity: (typeof DPIA_SEVERITIES)[number],
): (typeof DPIA_LEVELS)[number] {
  const score = (DPIA_LIKELIHOODS.indexOf(likelihood) + 1) * (DPIA_SEVERITIES.indexOf(severity) + 1);
  return score <= 2 ? "low" : score <= 4 ? "medium" : "high";
}

const dpiaRisk = z
  .object({
    likelihood: z.enum(DPIA_LIKELIHOODS),
    severity: z.enum(DPIA_SEVERITIES),
    level: z.enum(DPIA_LEVELS),
  })
  .refine((r) => r.level === dpiaLevel(r.likelihood, r.severity), {
    message: "The overall risk does not follow from the likelihood and severity (lib/safety/schema.ts, dpiaLevel)",
    path: ["level"],
  });

export const dpiaSchema = z.object({
  risks: z
    .array(
      z
        .object({
          id: z.string().regex(/^D\d{2,}$/, "DPIA risk ids are D01, D02, …"),
          risk: text,
          initial: dpiaRisk,
          mitigations: z.array(control).min(1, "A risk needs at least one mitigation"),
          residual: dpiaRisk,
        })
        .refine((r) => DPIA_LEVELS.indexOf(r.residual.level) <= DPIA_LEVELS.indexOf(r.initial.level), {
          message: "The residual risk is higher than the initial risk",
          path: ["residual"],
        }),
    )
    .min(1),
});

export type Dpia = z.infer<typeof dpiaSchema>;
