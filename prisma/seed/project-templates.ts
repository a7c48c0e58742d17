/**
 * The five national project templates, one per national priority area: standard measures with their
 * usual operational definitions (each naming the Sign up to Safety harm metric it feeds, where it feeds
 * one), a driver-diagram skeleton and suggested change ideas. Reference data: seeded in production too.
 * Administrators and the national team edit them in the portal (/admin/templates); the seed then leaves
 * an edited template alone (ProjectTemplate.editedAt).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TemplateMeasure } from "@/lib/templates/schemas";
import type { Skeleton } from "@/lib/templates/skeleton";

export type TemplateRef = {
  key: string;
  name: string;
  description: string;
  /** The national priority area's slug (prisma/seed/reference-data.ts). */
  area: string;
  measures: TemplateMeasure[];
  drivers: Skeleton;
};

const perThousandBedDays = { valueType: "RATE", rateMultiplier: 1000, unit: "per 1,000 occupied bed days" } as const;
const percentage = { valueType: "RATE", rateMultiplier: 100, unit: "%" } as const;
const monthly = { period: "MONTH" } as const;

const driver = (text: string, secondaries: [string, string[]][], ideas: string[] = []) => ({
  text,
  ideas,
  secondaries: secondaries.map(([t, i]) => ({ text: t, ideas: i })),
});

export const NATIONAL_TEMPLATES: readonly TemplateRef[] = [
  {
    key: "falls",
    name: "Reducing inpatient falls with harm",
    area: "falls",
    description:
      "For ward teams reducing falls, and the harm they cause, among adult inpatients. Measures falls and falls with harm per 1,000 occupied bed days, whether each older person has a multifactorial falls risk assessment and a lying and standing blood pressure, and bed-rail use as a balancing measure.",
    measures: [
      {
        name: "Inpatient falls per 1,000 occupied bed days",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...perThousandBedDays,
        ...monthly,
        definition:
          "Numerator: inpatient falls reported on the incident reporting system in the month (every unplanned descent to the floor, with or without injury, witnessed or not). Denominator: occupied bed days for the ward in the month, from the bed-management system (midnight census). Exclude falls of visitors and staff.",
        nationalMetric: null,
      },
      {
        name: "Falls with moderate or worse harm per 1,000 occupied bed days",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...perThousandBedDays,
        ...monthly,
        definition:
          "Numerator: inpatient falls in the month graded moderate harm, severe harm or death after review (NRLS/LFPSE harm grading). Denominator: occupied bed days for the ward in the month (midnight census). Rare events: if fewer than one a month, chart the days between falls with harm as well.",
        nationalMetric: "falls-with-harm",
      },
      {
        name: "Patients aged 65 and over with lying and standing blood pressure within 24 hours",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: patients in the sample with a lying and standing blood pressure recorded within 24 hours of admission to the ward. Denominator: a sample of 20 patients aged 65 and over admitted in the month (or all, if fewer), audited from the notes or the electronic observations record.",
        nationalMetric: null,
      },
      {
        name: "Patients aged 65 and over with a multifactorial falls risk assessment",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: patients in the sample with a completed multifactorial falls risk assessment (NICE CG161: falls history, medicines, continence, vision, cognition, footwear, postural hypotension) and a care plan acting on it within 24 hours of admission. Denominator: the same monthly sample of 20 patients aged 65 and over.",
        nationalMetric: null,
      },
      {
        name: "Patients with bed rails in use",
        kind: "BALANCING",
        direction: "NEITHER",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: inpatients with bed rails raised on the audit day, from a once-a-month point-prevalence check of every bed on the ward. Denominator: inpatients on the ward on the audit day. Watches that falls prevention does not mean more restraint.",
        nationalMetric: null,
      },
    ],
    drivers: [
      driver("Every patient’s individual falls risks are identified", [
        [
          "Multifactorial risk assessment on admission for everyone aged 65 and over",
          ["Falls risk assessment built into the admission document"],
        ],
        ["Postural hypotension found and treated", ["Lying and standing blood pressure on the admission checklist"]],
      ]),
      driver("Risks are acted on, every shift", [
        [
          "Medicines that raise falls risk reviewed",
          ["Pharmacist review of sedatives and antihypertensives within 48 hours"],
        ],
        [
          "Safe mobility: footwear, walking aids, call bell in reach",
          ["“Call, don’t fall” bedside cards", "Non-slip socks and slipper exchange"],
        ],
        [
          "Patients at high risk are seen often",
          ["Intentional rounding every hour for patients at high risk", "Bay nursing for patients at high risk"],
        ],
      ]),
      driver("The team learns from every fall", [
        [
          "Post-fall huddle within 24 hours",
          [
            "Post-fall huddle template",
            "Safe lifting after a fall (flat lifting equipment and medical check before moving)",
          ],
        ],
      ]),
    ],
  },
  {
    key: "pressure-ulcers",
    name: "Preventing pressure ulcers",
    area: "pressure-ulcers",
    description:
      "For hospital wards, community nursing teams and care homes preventing pressure damage. Measures new category 2 or worse pressure ulcers per 1,000 occupied bed days, timely risk assessment and skin-care bundle (SSKIN) compliance.",
    measures: [
      {
        name: "New category 2 or worse pressure ulcers per 1,000 occupied bed days",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...perThousandBedDays,
        ...monthly,
        definition:
          "Numerator: pressure ulcers of category 2, 3, 4, unstageable or suspected deep tissue injury first found 72 hours or more after admission (acquired in our care), reported in the month and validated by the tissue viability team. Denominator: occupied bed days in the month (midnight census).",
        nationalMetric: "pressure-ulcers",
      },
      {
        name: "Patients with a pressure-ulcer risk assessment within 6 hours of admission",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: patients in the sample with a completed risk assessment (Purpose-T, Waterlow or Braden, as the organisation uses) within 6 hours of admission. Denominator: a sample of 20 patients admitted in the month (or all, if fewer), audited from the record.",
        nationalMetric: null,
      },
      {
        name: "Patients at risk with the SSKIN bundle fully completed",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: patients assessed as at risk whose SSKIN bundle (surface, skin inspection, keep moving, incontinence and moisture, nutrition and hydration) is documented for every element in the last 24 hours. Denominator: patients assessed as at risk on the audit day.",
        nationalMetric: null,
      },
    ],
    drivers: [
      driver("Risk is identified early", [
        ["Risk assessment within 6 hours of admission", ["Risk assessment prompt in the admission paperwork"]],
        ["Skin inspected at every contact", ["Skin check at handover for patients at risk"]],
      ]),
      driver("Prevention is reliable", [
        ["Right surface, right time", ["Pressure-relieving mattress ordered on admission for high risk"]],
        ["Repositioning to plan", ["SSKIN bundle chart at the bedside", "Repositioning clock"]],
        [
          "Moisture and nutrition managed",
          ["Barrier cream and continence plan", "Nutrition screening (MUST) within 24 hours"],
        ],
      ]),
      driver("Patients, carers and care homes know what to look for", [
        ["Information for patients and carers", ["React to Red leaflet and training for care home staff"]],
      ]),
    ],
  },
  {
    key: "infections",
    name: "Reducing catheter-associated urinary tract infections",
    area: "infections",
    description:
      "For wards and community teams reducing catheter use and the infections catheters cause. Measures catheter-associated urinary tract infections (CAUTI), how many patients have a catheter, and whether each catheter has a documented reason.",
    measures: [
      {
        name: "Catheter-associated urinary tract infections per 1,000 occupied bed days",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...perThousandBedDays,
        ...monthly,
        definition:
          "Numerator: new urinary tract infections in patients with an indwelling urinary catheter in place (or removed within the previous 48 hours) that started 48 hours or more after admission, meeting the organisation’s CAUTI definition (symptoms plus a positive urine culture), in the month. Denominator: occupied bed days in the month. Where catheter days are counted, also chart CAUTI per 1,000 catheter days.",
        nationalMetric: "catheter-infections",
      },
      {
        name: "Inpatients with a urinary catheter",
        kind: "PROCESS",
        direction: "DECREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: inpatients with an indwelling urinary catheter on the audit day (monthly point prevalence, as the NHS Safety Thermometer counted). Denominator: inpatients on the ward on the audit day.",
        nationalMetric: null,
      },
      {
        name: "Catheters with a documented reason",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: catheters in place on the audit day with a documented clinical reason and a review or removal date. Denominator: catheters in place on the audit day.",
        nationalMetric: null,
      },
    ],
    drivers: [
      driver("Fewer catheters are inserted", [
        [
          "Catheters only when clinically needed",
          ["Catheter passport with insertion criteria", "Bladder scanner before catheterising for retention"],
        ],
      ]),
      driver("Catheters are removed as soon as they are not needed", [
        [
          "Daily review of every catheter",
          [
            "Nurse-led removal protocol (trial without catheter)",
            "Catheter reason and review date on the handover sheet",
          ],
        ],
      ]),
      driver("Catheters in place are cared for well", [
        ["Aseptic insertion and closed drainage", ["Insertion and maintenance care bundle"]],
        ["Hydration and hygiene", ["Hydration prompts and drinks rounds"]],
      ]),
    ],
  },
  {
    key: "medication-safety",
    name: "Safer medicines: fewer omitted critical doses and medication harm",
    area: "medication-safety",
    description:
      "For wards and pharmacy teams reducing medication harm. Measures medication incidents with harm per 1,000 occupied bed days, omitted or delayed doses of critical medicines, and medicines reconciliation within 24 hours of admission.",
    measures: [
      {
        name: "Medication incidents with harm per 1,000 occupied bed days",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...perThousandBedDays,
        ...monthly,
        definition:
          "Numerator: medication incidents reported in the month graded low harm or worse after review (prescribing, dispensing, administration or monitoring). Denominator: occupied bed days in the month (midnight census).",
        nationalMetric: "medication-harm",
      },
      {
        name: "Critical medicine doses omitted or delayed",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: doses of medicines on the organisation’s critical medicines list (for example insulin, Parkinson’s medicines, anticoagulants, antimicrobials for sepsis) not given, or given more than 2 hours late, without a valid clinical reason. Denominator: doses of critical medicines due, from the electronic prescribing record or a monthly audit of drug charts.",
        nationalMetric: null,
      },
      {
        name: "Patients with medicines reconciliation within 24 hours of admission",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: patients in the sample whose medicines were reconciled by a pharmacist or pharmacy technician within 24 hours of admission. Denominator: a sample of 20 patients admitted in the month (or all, if fewer).",
        nationalMetric: null,
      },
    ],
    drivers: [
      driver("The right medicines are prescribed on admission", [
        [
          "Medicines reconciled within 24 hours",
          ["Pharmacy technician on the admissions unit", "Summary Care Record checked at clerking"],
        ],
      ]),
      driver("Critical medicines are never missed", [
        ["Everyone knows which medicines are critical", ["Critical medicines list on every drug trolley"]],
        [
          "Doses are available when due",
          ["Emergency cupboard stock list for critical medicines", "Patients’ own medicines used on admission"],
        ],
      ]),
      driver("Medicines are given safely", [
        ["Interruptions during the round are cut", ["“Do not disturb” tabards during medicine rounds"]],
      ]),
    ],
  },
  {
    key: "transfers-discharge",
    name: "Safer transfers and discharge",
    area: "transfers-discharge",
    description:
      "For hospital, community and care home teams making moves between services safe, so that information, medicines and support travel with the person and nobody stays in hospital longer than they need to. Measures delayed transfers of care, readmissions, discharge summaries and community pharmacy referrals.",
    measures: [
      {
        name: "Delayed transfers of care",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: discharges in the month of patients who stayed in hospital after being declared medically fit and safe to leave (the transfer of care was delayed). Denominator: all discharges in the month.",
        nationalMetric: "delayed-transfers",
      },
      {
        name: "Emergency readmissions within 30 days",
        kind: "OUTCOME",
        direction: "DECREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: discharges in the month followed by an emergency admission to any hospital within 30 days. Denominator: all discharges in the month (excluding deaths, day cases and maternity). Reported a month in arrears.",
        nationalMetric: null,
      },
      {
        name: "Discharge summaries sent to the GP within 24 hours",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: discharges whose electronic discharge summary reached the GP practice within 24 hours of the patient leaving. Denominator: all discharges in the month.",
        nationalMetric: null,
      },
      {
        name: "Eligible patients referred to their community pharmacy",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: patients discharged in the month with a Discharge Medicines Service referral sent to their community pharmacy. Denominator: patients discharged in the month who met the referral criteria (for example new or changed medicines).",
        nationalMetric: null,
      },
      {
        name: "Care home transfers with the red bag",
        kind: "PROCESS",
        direction: "INCREASE",
        ...percentage,
        ...monthly,
        definition:
          "Numerator: care home residents arriving at hospital with the red bag (the standard transfer form, medicines and personal belongings). Denominator: care home residents admitted in the month.",
        nationalMetric: null,
      },
    ],
    drivers: [
      driver("Information travels with the person", [
        ["Timely discharge summaries", ["Discharge summary started on admission"]],
        ["Care home transfers carry the essentials", ["Red bag scheme"]],
      ]),
      driver("Medicines are safe after the move", [
        ["Community pharmacy knows about changes", ["Discharge Medicines Service referral at discharge"]],
      ]),
      driver("Discharge is planned from the start", [
        [
          "An expected date of discharge for everyone",
          ["Estimated discharge date set within 24 hours", "Daily board round with “red and green” days"],
        ],
        ["Support at home is arranged in time", ["Discharge to assess pathways"]],
      ]),
    ],
  },
];

/**
 * Add the national templates that are missing and refresh those nobody has edited. A template an
 * administrator or the national team changed (editedAt set) is never overwritten. Returns how many there are.
 */
export async function seedProjectTemplates(tx: Prisma.TransactionClient): Promise<number> {
  const areas = await tx.priorityArea.findMany({
    where: { slug: { in: NATIONAL_TEMPLATES.map((t) => t.area) } },
    select: { id: true, slug: true },
  });
  const areaId = new Map(areas.map((a) => [a.slug, a.id]));
  for (const t of NATIONAL_TEMPLATES) {
    const fields = {
      name: t.name,
      description: t.description,
      priorityAreaId: areaId.get(t.area) ?? null,
      measures: t.measures,
      drivers: t.drivers,
    };
    await tx.projectTemplate.upsert({ where: { key: t.key }, create: { key: t.key, ...fields }, update: {} });
    await tx.projectTemplate.updateMany({ where: { key: t.key, editedAt: null }, data: fields });
  }
  return NATIONAL_TEMPLATES.length;
}
