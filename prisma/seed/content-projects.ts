/**
 * Improvement project templates. Each collaborative runs a few of them (PROJECT_PLAN), so a
 * change that works in one place can be seen spreading to others. Placeholders: {site} (the lead
 * organisation), {ward} (a ward or team there), {carehome} (one of the collaborative's care homes).
 */
import type {
  MeasureKind,
  MeasureValueType,
  OrganisationType,
  PdsaDecision,
  ProjectStatus,
  Visibility,
} from "@/lib/generated/prisma/enums";
import type { LocalPriorityKey } from "./content-people";

export type NationalSlug = "infections" | "pressure-ulcers" | "medication-safety" | "falls" | "transfers-discharge";

/** How a measure's monthly values are generated (levels are in display units: per 1,000, %, or a count). */
export type SeriesSpec =
  | { kind: "rate"; denominator: [number, number]; before: number; after: number; decimals?: number }
  | { kind: "percent"; sample: [number, number]; before: number; after: number }
  | { kind: "number"; before: number; after: number; sd: number; decimals?: number };

export type MeasureTemplate = {
  name: string;
  kind: MeasureKind;
  definition: string;
  unit: string;
  direction: "INCREASE" | "DECREASE" | "NEITHER";
  target?: number;
  valueType: MeasureValueType;
  rateMultiplier: number;
  nationalMetric?: string;
  series: SeriesSpec;
  /** Follows the project's change (outcome and process), or stays level (most balancing measures). */
  moves: boolean;
};

export type PdsaTemplate = {
  idea: number;
  title: string;
  plan: string;
  prediction: string;
  doNotes: string;
  study: string;
  act: PdsaDecision;
  actNotes: string;
};

export type ProjectTemplate = {
  key: string;
  national: NationalSlug | null;
  alsoNational?: NationalSlug;
  local?: LocalPriorityKey;
  pathway: string[];
  /** Organisation types taking part; the first present in the collaborative is the lead site. */
  orgTypes: OrganisationType[];
  wards: string[];
  titles: string[];
  problem: string;
  aimWhat: string;
  aimHowMuch: string;
  drivers: { text: string; secondary: string[] }[];
  /** driver: [primary index, secondary index] */
  changeIdeas: { title: string; description: string; driver: [number, number] }[];
  /** In time order. The cycle marked ADOPT just before the change is what moved the measures. */
  pdsa: PdsaTemplate[];
  measures: MeasureTemplate[];
  teamRoles: string[];
  /** For the shared-learning write-up of the change (CHANGE_IDEA items). */
  learning: { title: string; summary: string; tags: string[]; tips: string[] };
  learningSummary: string;
};

const OBD = "occupied bed days";

export const PROJECT_TEMPLATES: ProjectTemplate[] = [
  // ─── Falls ────────────────────────────────────────────────────────────────
  {
    key: "falls-acute",
    national: "falls",
    local: "dementia",
    pathway: ["inpatient-ward", "admission"],
    orgTypes: ["ACUTE_TRUST", "PATIENT_GROUP"],
    // Used in plan order: the fourth (Wessex) is the ward in the Wessex case study.
    wards: [
      "Ward 14 (care of the elderly)",
      "Rowan Ward (frailty)",
      "Kingfisher Ward (acute medicine)",
      "Beech Ward (older people's medicine)",
    ],
    titles: [
      "Fewer falls with harm on older people's wards at {site}",
      "Safer Steps: reducing inpatient falls with harm at {site}",
      "Reducing falls with harm in frail older inpatients ({site})",
      "Falls prevention bundle for older people's wards at {site}",
    ],
    problem:
      "Falls are the most reported patient safety incident at {site}. Over the last two years our older people's wards averaged around three falls with harm for every 1,000 occupied bed days, including hip fractures and head injuries. Most of the patients who fell had not had a full falls risk assessment in their first day on the ward, and many fell at night going to the toilet. Patients and families told us they did not know what the plan to keep them safe was.",
    aimWhat: "Reduce falls with moderate harm or worse on our older people's wards",
    aimHowMuch:
      "By half, from about 3 to 1.5 per 1,000 occupied bed days, with 90% of patients having a multifactorial falls risk assessment within 6 hours of arriving",
    drivers: [
      {
        text: "Every patient's falls risks are known early",
        secondary: [
          "Multifactorial risk assessment within 6 hours of arrival",
          "Lying and standing blood pressure recorded",
          "Medicines that raise falls risk reviewed",
        ],
      },
      {
        text: "The ward environment and routines keep people safe",
        secondary: [
          "Supervision of high-risk patients in a bay",
          "Toileting offered on a routine, especially at night",
          "Well-fitting footwear and glasses within reach",
        ],
      },
      {
        text: "Patients and families are part of the plan",
        secondary: ["Families told about risks and the plan", "Patients understand why to call before getting up"],
      },
    ],
    changeIdeas: [
      {
        title: "Falls risk assessment within 6 hours, prompted at the safety huddle",
        description:
          "The nurse in charge checks at the 2pm and 10pm huddles that every new patient has had the full multifactorial assessment, and allocates it if not.",
        driver: [0, 0],
      },
      {
        title: "Baywatch: a member of staff always present in the high-risk bay",
        description:
          "Patients at highest risk are cohorted in one bay with a named member of staff who does not leave the bay without handing over.",
        driver: [1, 0],
      },
      {
        title: "Intentional rounding with a night toileting offer",
        description:
          "Hourly rounding overnight includes a prompt to offer the toilet, check the call bell is in reach and check footwear.",
        driver: [1, 1],
      },
      {
        title: '"Call, don\'t fall" conversation with patients and families',
        description:
          "A short conversation and a leaflet on admission, with the bedside board showing the patient's own falls plan.",
        driver: [2, 0],
      },
      {
        title: "Bed and chair sensor alarms for all patients at risk",
        description: "Pressure-sensor alarms fitted to beds and chairs of every patient scoring as high risk.",
        driver: [1, 0],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Huddle prompt for risk assessments, one ward, two weeks",
        plan: 'On {ward}, add a line to the 2pm and 10pm safety huddle sheet: "Any new patients without a falls assessment?" The nurse in charge allocates outstanding assessments. We will audit every new admission for two weeks.',
        prediction: "We expect the proportion assessed within 6 hours to rise from about half to at least 75%.",
        doNotes:
          "Ran for 14 days. The 10pm huddle was missed on three nights when the ward was very busy. Healthcare assistants asked to be allowed to start the assessment.",
        study:
          "31 of 42 new patients (74%) were assessed within 6 hours, close to our prediction. Nearly all misses were on the nights the 10pm huddle did not happen.",
        act: "ADAPT",
        actNotes:
          "Keep the prompt, move the night check to the 8pm handover so it is not missed, and train healthcare assistants to complete the first part of the assessment.",
      },
      {
        idea: 0,
        title: "Adapted huddle prompt with healthcare assistants starting the assessment",
        plan: "Repeat on {ward} for four weeks with the check at 8pm handover and healthcare assistants completing the first section (mobility, continence, footwear, eyesight).",
        prediction: "At least 85% of new patients assessed within 6 hours.",
        doNotes:
          "Ran for four weeks as planned. Healthcare assistants took real ownership. Two agency nurses were not aware of the change and were shown it on shift.",
        study:
          "88% of new patients were assessed within 6 hours. Falls on the ward fell from 6 in the previous month to 2, though one month is too short to be sure.",
        act: "ADOPT",
        actNotes:
          "Adopted on {ward} as standard practice. Added to the ward induction pack and agency checklist, and agreed with the matron to spread to the other older people's wards.",
      },
      {
        idea: 1,
        title: "Baywatch in the high-risk bay on night shifts",
        plan: "On nights, cohort the four highest-risk patients in bay B with a named healthcare assistant who hands over before leaving the bay. Try for two weeks.",
        prediction: "No falls in the Baywatch bay; no increase in falls elsewhere on the ward.",
        doNotes:
          "Ran for 12 nights out of 14; on two nights staffing did not allow a dedicated person. Staff liked the clarity of having one named person.",
        study:
          "No falls in the bay during the test, against three in the same bay in the previous fortnight. One fall elsewhere on the ward, in a patient not identified as high risk.",
        act: "ADOPT",
        actNotes:
          "Adopted on nights and extended to days when staffing allows. The staffing escalation now names Baywatch as a reason to ask for an extra healthcare assistant.",
      },
      {
        idea: 4,
        title: "Sensor alarms for every high-risk patient",
        plan: "Fit bed and chair sensor alarms to all patients scoring high risk on two bays for three weeks.",
        prediction: "Staff will reach patients before they fall, reducing unwitnessed falls.",
        doNotes:
          "Alarms sounded very often, mostly when patients shifted position. Staff said they could not respond to them all and patients found them distressing at night.",
        study:
          "There was no change in falls, and staff described alarm fatigue. Two patients with delirium became more agitated when alarms sounded.",
        act: "ABANDON",
        actNotes:
          "Abandoned as a blanket approach. Sensor alarms are now used only after an individual assessment, alongside Baywatch.",
      },
    ],
    measures: [
      {
        name: "Inpatient falls with harm per 1,000 occupied bed days",
        kind: "OUTCOME",
        definition:
          "Falls resulting in moderate harm, severe harm or death on the project wards, from the incident reporting system, divided by occupied bed days for the month, multiplied by 1,000.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        target: 1.5,
        valueType: "RATE",
        rateMultiplier: 1000,
        nationalMetric: "falls-with-harm",
        series: { kind: "rate", denominator: [3800, 5600], before: 3.1, after: 1.6 },
        moves: true,
      },
      {
        name: "% of patients with a falls risk assessment within 6 hours",
        kind: "PROCESS",
        definition:
          "Patients aged 65 or over admitted to the project wards with a completed multifactorial falls risk assessment within 6 hours of arrival, from a monthly audit of all admissions.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [45, 80], before: 52, after: 89 },
        moves: true,
      },
      {
        name: "Use of bed rails (% of patients)",
        kind: "BALANCING",
        definition:
          "Patients with bed rails in use on the day of the monthly audit. Checks that reducing falls has not led to more restriction.",
        unit: "%",
        direction: "NEITHER",
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [60, 90], before: 22, after: 22 },
        moves: false,
      },
    ],
    teamRoles: [
      "Matron, project lead",
      "Consultant geriatrician",
      "Physiotherapist",
      "Healthcare assistant",
      "Patient partner",
    ],
    learning: {
      title: "Falls risk assessment within 6 hours, prompted at the safety huddle",
      summary:
        "A one-line prompt at the ward safety huddle, with healthcare assistants starting the assessment, got nearly all older patients a falls risk assessment within 6 hours, and falls with harm halved.",
      tags: ["falls", "safety huddle", "risk assessment", "older people", "nursing"],
      tips: [
        "Put the check where the team already meets: a new form on its own did not work for us.",
        "Let healthcare assistants start the assessment; they know the patients' mobility best.",
        "Move the night check to handover so it survives a busy shift.",
        "Use sensor alarms only after an individual assessment: as a blanket measure they caused alarm fatigue.",
      ],
    },
    learningSummary:
      "Falls with harm halved and stayed down for over a year. The huddle prompt and Baywatch are now in every older people's ward's standard operating procedure and the trust's falls policy.",
  },
  {
    key: "falls-care-home",
    national: "falls",
    local: "care-home-deterioration",
    pathway: ["care-home", "community-home"],
    orgTypes: ["CARE_HOME", "AMBULANCE_SERVICE", "COMMUNITY_SERVICE", "GP_PRACTICE"],
    wards: ["the residential floor", "the nursing unit", "the dementia unit"],
    titles: [
      "Reducing falls and avoidable conveyances from care homes",
      "Safer falls response in care homes: I STUMBLE and lifting equipment",
      "Fewer falls in care homes across the region",
    ],
    problem:
      "Falls are the most common reason our care homes call 999. Residents often wait hours on the floor for an ambulance, even when they are not injured, and many are then taken to hospital where they can become confused or pick up infections. Care home staff told us they did not feel confident to decide whether a resident could be helped up safely. Falls rates across our partner homes were around 12 per 1,000 resident bed days.",
    aimWhat:
      "Reduce falls among residents of our partner care homes, and reduce ambulance conveyances after a fall where there is no injury",
    aimHowMuch: "Falls down by a third (to 8 per 1,000 resident bed days) and conveyances after a fall halved",
    drivers: [
      {
        text: "Residents' falls risks are reduced",
        secondary: [
          "Medication review after a fall",
          "Strength and balance activities",
          "Night-time checks and lighting",
        ],
      },
      {
        text: "Staff respond confidently when someone falls",
        secondary: [
          "A decision tool for injury after a fall",
          "Lifting equipment and training in every home",
          "Remote clinical support before calling 999",
        ],
      },
    ],
    changeIdeas: [
      {
        title: "I STUMBLE decision tool on the wall of every unit",
        description:
          "A laminated post-fall decision tool (I STUMBLE) so staff check for injury in the same way every time before deciding to lift.",
        driver: [1, 0],
      },
      {
        title: "Inflatable lifting cushion and training for each home",
        description: "Each home has a lifting cushion and at least two trained staff on every shift.",
        driver: [1, 1],
      },
      {
        title: "Call the clinical hub before 999 for uninjured falls",
        description:
          "Staff phone the ambulance service's clinical hub or the community rapid response team for advice.",
        driver: [1, 2],
      },
      {
        title: "Pharmacist medication review after any fall",
        description:
          "The practice pharmacist reviews medicines within a week of any fall, focusing on sedatives and blood pressure tablets.",
        driver: [0, 0],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "I STUMBLE tool in {carehome}, one month",
        plan: "Introduce the I STUMBLE poster and a 20-minute session for staff on {ward} at {carehome}. Record every fall and what staff decided.",
        prediction:
          "Staff will use the tool for most falls, and at least half of uninjured residents will be helped up without an ambulance.",
        doNotes: "Nine falls in the month; the tool was used for seven. Night staff had not all been trained.",
        study:
          "Of five residents without injury, four were helped up by staff within 30 minutes. Staff said the tool gave them confidence.",
        act: "ADAPT",
        actNotes: "Add training for night staff and put a copy of the tool in the falls grab bag.",
      },
      {
        idea: 1,
        title: "Lifting cushion plus tool, three homes",
        plan: "Provide a lifting cushion and training to three homes, with the adapted I STUMBLE training including night staff.",
        prediction: "Fewer than one in four falls will lead to a 999 call.",
        doNotes: "All three homes trained at least two staff per shift. One cushion needed a replacement pump.",
        study:
          "Across three homes, 6 of 31 falls (19%) led to a 999 call, compared with around half before. Average time on the floor for uninjured residents fell from over two hours to 25 minutes.",
        act: "ADOPT",
        actNotes:
          "Adopted in all partner homes. Equipment funded by the local authority; training built into induction.",
      },
      {
        idea: 3,
        title: "Medication review within a week of a fall",
        plan: "Practice pharmacist reviews medicines for every resident who falls in two homes, for six weeks.",
        prediction: "Most reviews will change at least one medicine; repeat falls will reduce.",
        doNotes:
          "14 reviews completed. Five residents had a sedative reduced; three had blood pressure tablets adjusted.",
        study: "Repeat falls within 30 days fell from 6 to 2 in the test homes. GPs were supportive.",
        act: "ADOPT",
        actNotes: "Added to the enhanced health in care homes service specification.",
      },
    ],
    measures: [
      {
        name: "Falls per 1,000 resident bed days in partner care homes",
        kind: "OUTCOME",
        definition:
          "All falls recorded by partner care homes, divided by resident bed days (occupied beds × days in the month), multiplied by 1,000.",
        unit: "per 1,000 resident bed days",
        direction: "DECREASE",
        target: 8,
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [4200, 5200], before: 12.2, after: 8.1 },
        moves: true,
      },
      {
        name: "% of falls leading to an ambulance conveyance",
        kind: "OUTCOME",
        definition:
          "Falls in partner homes where the resident was taken to hospital by ambulance, as a percentage of all falls.",
        unit: "%",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [40, 65], before: 46, after: 21 },
        moves: true,
      },
      {
        name: "Residents with a fracture found after being helped up",
        kind: "BALANCING",
        definition:
          "Residents helped up by staff without an ambulance who were later found to have a fracture. Checks the decision tool is used safely.",
        unit: "residents",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 0.6, after: 0.6, sd: 0.6, decimals: 0 },
        moves: false,
      },
    ],
    teamRoles: [
      "Care home manager, project lead",
      "Paramedic, clinical hub",
      "Practice pharmacist",
      "Community physiotherapist",
      "Resident's daughter, patient partner",
    ],
    learning: {
      title: "I STUMBLE and a lifting cushion: confident falls response in care homes",
      summary:
        "A simple post-fall decision tool and a lifting cushion in every home halved ambulance conveyances after falls, and residents spent far less time on the floor.",
      tags: ["falls", "care homes", "ambulance", "I STUMBLE", "conveyance"],
      tips: [
        "Train night staff first: that is when most falls happen.",
        "Keep the tool, gloves and a torch in a falls grab bag.",
        "Agree with the ambulance service how homes reach the clinical hub before you start.",
        "Count fractures found later as a balancing measure so everyone can see the change is safe.",
      ],
    },
    learningSummary:
      "Conveyances after falls halved and falls fell by a third. The approach is now part of the local enhanced health in care homes offer.",
  },
  {
    key: "falls-lsbp",
    national: "falls",
    pathway: ["inpatient-ward", "admission"],
    orgTypes: ["ACUTE_TRUST"],
    wards: ["the acute medical unit", "Ward 9 (stroke and elderly care)", "Willow Ward"],
    titles: [
      "Lying and standing blood pressure for every older inpatient ({site})",
      "Spotting postural hypotension early: lying and standing blood pressure at {site}",
    ],
    problem:
      "A drop in blood pressure on standing (postural hypotension) is a common and treatable cause of falls, but at {site} fewer than one in three older inpatients had their blood pressure measured lying and standing. Staff were unsure how to do it and there was nowhere obvious to record it.",
    aimWhat: "Make lying and standing blood pressure a routine part of care for patients aged 65 and over",
    aimHowMuch: "80% of eligible patients have it measured within 48 hours of admission",
    drivers: [
      {
        text: "Staff know how and why to measure it",
        secondary: ["Short bedside teaching", "A clear prompt in the electronic observations"],
      },
      {
        text: "Results lead to action",
        secondary: ["Doctors review medicines when a drop is found", "Patients get advice on standing up slowly"],
      },
    ],
    changeIdeas: [
      {
        title: "Lying and standing blood pressure prompt in the electronic observations",
        description:
          "A mandatory field appears for patients aged 65 and over at the first set of observations after 6 hours on the ward.",
        driver: [0, 1],
      },
      {
        title: "Five-minute bedside teaching by the falls practitioner",
        description: "Short teaching on the ward on how to take the readings and what counts as a significant drop.",
        driver: [0, 0],
      },
      {
        title: "Medicines review flag when a drop is found",
        description: "A drop of 20 systolic or more triggers a task for the ward pharmacist and doctor.",
        driver: [1, 0],
      },
    ],
    pdsa: [
      {
        idea: 1,
        title: "Bedside teaching on {ward}",
        plan: "The falls practitioner spends one shift a week for three weeks teaching staff at the bedside.",
        prediction: "Half of eligible patients will have readings recorded.",
        doNotes: "Reached 26 staff. Several healthcare assistants said it was the first time anyone had shown them.",
        study: "Recording rose from 28% to 47%, but depended on who was on shift.",
        act: "ADAPT",
        actNotes: "Teaching helps but is not enough alone; combine with a prompt in the system.",
      },
      {
        idea: 0,
        title: "Electronic prompt on two wards",
        plan: "Switch on the lying and standing prompt for patients aged 65 and over on {ward} and one other ward.",
        prediction: "Recording will exceed 75% within a month.",
        doNotes:
          "Prompt live from the first of the month. A few patients who could not stand were recorded as 'unable', which is correct.",
        study: "81% of eligible patients had readings within 48 hours. 14% of those had a significant drop.",
        act: "ADOPT",
        actNotes: "Prompt switched on trust-wide for older people's and medical wards.",
      },
      {
        idea: 2,
        title: "Pharmacist task when a drop is found",
        plan: "Automatically create a task for the ward pharmacist when a significant drop is recorded.",
        prediction: "Most patients with a drop will have their medicines reviewed within 24 hours.",
        doNotes: "Task created for 22 patients over four weeks.",
        study: "19 of 22 reviewed within 24 hours; 11 had a medicine stopped or reduced.",
        act: "ADOPT",
        actNotes: "Kept, and reported monthly to the falls steering group.",
      },
    ],
    measures: [
      {
        name: "% of patients aged 65+ with lying and standing blood pressure within 48 hours",
        kind: "PROCESS",
        definition:
          "Eligible patients on the project wards with both readings recorded within 48 hours of admission, from the electronic observations system.",
        unit: "%",
        direction: "INCREASE",
        target: 80,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [120, 200], before: 29, after: 82 },
        moves: true,
      },
      {
        name: "Inpatient falls per 1,000 occupied bed days",
        kind: "OUTCOME",
        definition: "All inpatient falls on the project wards divided by occupied bed days, multiplied by 1,000.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [3000, 4200], before: 7.4, after: 5.6 },
        moves: true,
      },
      {
        name: "Nursing time spent on observations (minutes per patient per day)",
        kind: "BALANCING",
        definition: "Estimated from a monthly work-sampling audit on the project wards.",
        unit: "minutes",
        direction: "NEITHER",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 34, after: 34, sd: 2.2, decimals: 1 },
        moves: false,
      },
    ],
    teamRoles: [
      "Falls practitioner, project lead",
      "Ward pharmacist",
      "Consultant physician",
      "Clinical systems analyst",
    ],
    learning: {
      title: "Lying and standing blood pressure: prompt it in the electronic observations",
      summary:
        "Teaching alone lifted recording to under half; a prompt in the electronic observations took it above 80% within a month, and falls followed.",
      tags: ["falls", "postural hypotension", "digital", "observations", "older people"],
      tips: [
        "Teach at the bedside first so staff understand the prompt when it appears.",
        "Allow 'unable to stand' as an answer, or staff will skip the field.",
        "Make a drop in blood pressure create a task for someone, or nothing changes for the patient.",
      ],
    },
    learningSummary:
      "Lying and standing blood pressure is now routine for older inpatients and the prompt has been kept.",
  },
  // ─── Pressure ulcers ──────────────────────────────────────────────────────
  {
    key: "pu-acute",
    national: "pressure-ulcers",
    pathway: ["inpatient-ward", "admission", "theatre"],
    orgTypes: ["ACUTE_TRUST", "COMMUNITY_SERVICE"],
    wards: [
      "the orthopaedic trauma ward",
      "Ward 22 (respiratory)",
      "Larch Ward (acute medicine)",
      "the intensive care unit",
    ],
    titles: [
      "Stop the pressure: fewer hospital-acquired pressure ulcers at {site}",
      "Reducing category 2 and above pressure ulcers at {site}",
      "SSKIN every shift: pressure ulcer prevention at {site}",
    ],
    problem:
      "Patients at {site} were developing pressure ulcers while in our care, most often on heels and the base of the spine, and most often in patients admitted with a hip fracture or who were acutely unwell and immobile. Our rate of new category 2 and above pressure ulcers was around 1.2 per 1,000 occupied bed days. Reviews showed that skin checks on admission were often late and that the right mattress was not always in place in the first 24 hours.",
    aimWhat: "Reduce new hospital-acquired category 2 and above pressure ulcers",
    aimHowMuch:
      "By 50% (to about 0.6 per 1,000 occupied bed days), with 95% of patients having a skin assessment within 6 hours of admission",
    drivers: [
      {
        text: "Early identification of risk",
        secondary: ["Skin inspection within 6 hours of admission", "Purpose-T risk assessment on admission"],
      },
      {
        text: "Reliable prevention care",
        secondary: [
          "SSKIN bundle on every shift",
          "The right mattress within 4 hours",
          "Heels off-loaded for every at-risk patient",
        ],
      },
      {
        text: "Patients and carers involved",
        secondary: ["Patients encouraged to move and report soreness", "Carers shown how to help"],
      },
    ],
    changeIdeas: [
      {
        title: "SSKIN bundle on the bedside chart every shift",
        description:
          "Surface, Skin inspection, Keep moving, Incontinence and moisture, Nutrition and hydration — ticked and signed each shift.",
        driver: [1, 0],
      },
      {
        title: "Heel off-loading boots for every patient with a hip fracture",
        description:
          "Boots applied in the emergency department or on arrival on the ward for every hip fracture patient.",
        driver: [1, 2],
      },
      {
        title: "React to Red skin champions on each ward",
        description: "A trained champion on each ward who checks the bundle and teaches new staff.",
        driver: [0, 0],
      },
      {
        title: "Mattress ordering direct from the ward without a pre-approval form",
        description: "Wards order dynamic mattresses directly for patients scoring high risk.",
        driver: [1, 1],
      },
    ],
    pdsa: [
      {
        idea: 1,
        title: "Heel boots for hip fracture patients on {ward}",
        plan: "For four weeks, apply off-loading boots to every hip fracture patient on arrival on {ward}.",
        prediction: "No new heel pressure ulcers in hip fracture patients during the test.",
        doNotes: "Boots applied for 23 of 25 patients; two arrived overnight when stock had run out.",
        study: "No new heel ulcers, against 3 in the previous month. Stock control was the main problem.",
        act: "ADAPT",
        actNotes: "Keep; move stock to the emergency department so boots go on before the patient reaches the ward.",
      },
      {
        idea: 0,
        title: "SSKIN bundle on the bedside chart, two wards",
        plan: "Replace the separate pressure ulcer care plan with an SSKIN row on the bedside chart on two wards for a month.",
        prediction: "Bundle completion above 85%; fewer new ulcers.",
        doNotes: "Staff preferred one chart. Completion dropped at weekends.",
        study:
          "Bundle completion 88% on weekdays and 71% at weekends. New ulcers fell from 5 to 2 across the two wards.",
        act: "ADOPT",
        actNotes: "Adopted. Weekend completion added to the Saturday safety huddle checklist.",
      },
      {
        idea: 3,
        title: "Direct mattress ordering for high-risk patients",
        plan: "Remove the tissue viability pre-approval for dynamic mattresses for patients scoring high risk for six weeks.",
        prediction: "Mattresses in place within 4 hours for most patients, with no big rise in hire costs.",
        doNotes: "Mattress company agreed a 4-hour delivery window.",
        study: "Median time to mattress fell from 19 hours to 3.5 hours. Hire costs rose 8%, less than feared.",
        act: "ADOPT",
        actNotes: "Adopted trust-wide; hire costs reviewed quarterly against the reduction in harm.",
      },
    ],
    measures: [
      {
        name: "Hospital-acquired pressure ulcers (category 2+) per 1,000 occupied bed days",
        kind: "OUTCOME",
        definition:
          "New category 2, 3, 4, unstageable and deep tissue injury pressure ulcers developing after 72 hours in hospital, divided by occupied bed days, multiplied by 1,000.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        target: 0.6,
        valueType: "RATE",
        rateMultiplier: 1000,
        nationalMetric: "pressure-ulcers",
        series: { kind: "rate", denominator: [9000, 12000], before: 1.25, after: 0.6 },
        moves: true,
      },
      {
        name: "% of patients with a skin assessment within 6 hours of admission",
        kind: "PROCESS",
        definition: "From a monthly audit of 10 admissions per project ward.",
        unit: "%",
        direction: "INCREASE",
        target: 95,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [50, 70], before: 64, after: 93 },
        moves: true,
      },
      {
        name: "Dynamic mattress hire days per 1,000 occupied bed days",
        kind: "BALANCING",
        definition:
          "Days of dynamic mattress hire charged to the project wards, per 1,000 occupied bed days. Watches the cost of faster ordering.",
        unit: `per 1,000 ${OBD}`,
        direction: "NEITHER",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [9000, 12000], before: 118, after: 127, decimals: 1 },
        moves: true,
      },
    ],
    teamRoles: [
      "Tissue viability nurse specialist, project lead",
      "Orthopaedic ward sister",
      "Dietitian",
      "Procurement lead",
      "Patient partner",
    ],
    learning: {
      title: "SSKIN on the bedside chart, and heel boots before the ward",
      summary:
        "Putting the SSKIN bundle on the bedside chart, applying heel boots in the emergency department and letting wards order mattresses directly halved hospital-acquired pressure ulcers.",
      tags: ["pressure ulcers", "SSKIN", "hip fracture", "tissue viability", "nursing"],
      tips: [
        "One chart, not two: staff complete what is in front of them.",
        "Stock heel boots where the patient arrives, not where they end up.",
        "Track mattress hire costs openly; the rise was small compared with the harm avoided.",
      ],
    },
    learningSummary: "New category 2+ pressure ulcers halved and the reduction has held for over a year.",
  },
  {
    key: "pu-community",
    national: "pressure-ulcers",
    pathway: ["care-home", "community-home"],
    orgTypes: ["COMMUNITY_SERVICE", "CARE_HOME", "GP_PRACTICE"],
    wards: ["the district nursing team", "the care home support team"],
    titles: [
      "React to Red in care homes and at home",
      "Pressure ulcer prevention in care homes: React to Red",
      "Fewer pressure ulcers for people cared for at home",
    ],
    problem:
      "District nurses and care home staff were finding pressure ulcers late, often only once the skin was already broken. Care staff in residential homes had little training in skin checks, and families caring at home did not know what to look for. Around 2.4 new pressure ulcers per 1,000 patient days were developing in people on the community nursing caseload and in partner homes.",
    aimWhat: "Reduce new pressure ulcers in people cared for by district nursing teams and in partner care homes",
    aimHowMuch: "By 40% within 18 months, with every partner home trained in React to Red",
    drivers: [
      {
        text: "Carers recognise early skin damage",
        secondary: ["React to Red training for care staff", "Skin checks during personal care"],
      },
      {
        text: "Equipment arrives quickly",
        secondary: ["Same-day pressure-relieving equipment", "Clear route to ask for help"],
      },
      {
        text: "Families caring at home know what to do",
        secondary: ["Simple leaflet and teaching", "Phone number to call when skin looks red"],
      },
    ],
    changeIdeas: [
      {
        title: "React to Red training in every partner care home",
        description:
          "A one-hour session for care staff with a skin check card and a 'red skin' escalation route to the district nurses.",
        driver: [0, 0],
      },
      {
        title: "Same-day equipment from the community store",
        description: "District nurses can request a pressure-relieving cushion or mattress for same-day delivery.",
        driver: [1, 0],
      },
      {
        title: "'Is it red?' card for family carers",
        description: "A plain-English card with photos and the team's phone number.",
        driver: [2, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "React to Red training at {carehome}",
        plan: "Train all care staff at {carehome} over two weeks and track referrals for red skin.",
        prediction: "Referrals for red skin will rise at first, and broken skin will be found less often.",
        doNotes: "32 of 38 staff trained. Referrals rose from 1 to 7 in the month.",
        study:
          "Most referrals were for early redness that resolved with repositioning. One new category 2 ulcer, against 4 in the previous month.",
        act: "ADOPT",
        actNotes: "Roll out to all partner homes, two a month.",
      },
      {
        idea: 2,
        title: "'Is it red?' card with 20 families",
        plan: "District nurses give the card to 20 families caring for someone bed-bound at home.",
        prediction: "Families will call earlier when they see red skin.",
        doNotes: "All 20 cards given; families liked the photos but several wanted a larger print version.",
        study:
          "Five families phoned about red skin within the month, all early. Feedback led to a large-print version.",
        act: "ADAPT",
        actNotes: "Reprinted in large print and in Polish, Bengali and Urdu.",
      },
      {
        idea: 1,
        title: "Same-day equipment delivery trial",
        plan: "Agree same-day delivery with the community equipment store for six weeks.",
        prediction: "Equipment in place within 24 hours for 90% of requests.",
        doNotes: "The store added a midday van run.",
        study: "94% delivered the same or next day, compared with 61% before.",
        act: "ADOPT",
        actNotes: "Written into the equipment service contract.",
      },
    ],
    measures: [
      {
        name: "New pressure ulcers (category 2+) per 1,000 patient days, community and care homes",
        kind: "OUTCOME",
        definition:
          "New category 2 and above pressure ulcers developing in people on the district nursing caseload and in partner homes, per 1,000 patient days.",
        unit: "per 1,000 patient days",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [11000, 13500], before: 2.4, after: 1.45 },
        moves: true,
      },
      {
        name: "% of partner care home staff trained in React to Red",
        kind: "PROCESS",
        definition:
          "Care staff in partner homes who have completed React to Red training, from the homes' training records.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [150, 190], before: 18, after: 84 },
        moves: true,
      },
      {
        name: "Referrals to district nursing for red skin",
        kind: "BALANCING",
        definition:
          "Referrals received for early skin redness. We expect these to rise at first; watching that the team can cope.",
        unit: "referrals",
        direction: "NEITHER",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 9, after: 21, sd: 2.5, decimals: 0 },
        moves: true,
      },
    ],
    teamRoles: [
      "District nursing team leader, project lead",
      "Tissue viability nurse",
      "Care home manager",
      "Community equipment store manager",
      "Carer, patient partner",
    ],
    learning: {
      title: "React to Red: training care home staff to spot early skin damage",
      summary:
        "A one-hour React to Red session for care staff, plus same-day equipment, meant redness was caught before skin broke down. New pressure ulcers fell by about 40%.",
      tags: ["pressure ulcers", "care homes", "React to Red", "community nursing", "training"],
      tips: [
        "Expect referrals to rise: that is the point. Warn the district nursing team.",
        "Offer the family card in large print and community languages from the start.",
        "Get the equipment store round the table early; delays undo the training.",
      ],
    },
    learningSummary: "Pressure ulcers fell by around 40% and React to Red is part of induction in every partner home.",
  },
  // ─── Infections ───────────────────────────────────────────────────────────
  {
    key: "cauti",
    national: "infections",
    pathway: ["inpatient-ward", "discharge", "community-home"],
    orgTypes: ["ACUTE_TRUST", "COMMUNITY_SERVICE"],
    wards: ["Ward 6 (urology)", "Hazel Ward (general medicine)", "the surgical assessment unit"],
    titles: [
      "Catheter passport: reducing catheter-associated urinary infections at {site}",
      "Reducing CAUTI with daily catheter review at {site}",
      "HOUDINI: getting catheters out sooner at {site}",
    ],
    problem:
      "Around one in five inpatients at {site} has a urinary catheter at some point, and many stay in longer than needed. Each extra day raises the risk of a catheter-associated urinary tract infection (CAUTI), which can lead to sepsis. Audits found that a third of catheters had no documented reason, and patients were often discharged home with a catheter but no plan for its removal.",
    aimWhat: "Reduce catheter-associated urinary tract infections",
    aimHowMuch: "By 40%, with a documented reason and daily review for 90% of catheters",
    drivers: [
      {
        text: "Catheters are only used when needed",
        secondary: ["A clear reason recorded at insertion", "Alternatives tried first"],
      },
      {
        text: "Catheters come out as soon as possible",
        secondary: ["Daily review with a nurse-led removal protocol", "Plan for removal at discharge"],
      },
      {
        text: "Catheters are cared for well",
        secondary: ["Catheter passport travels with the patient", "Patients know how to look after it"],
      },
    ],
    changeIdeas: [
      {
        title: "HOUDINI nurse-led catheter removal protocol",
        description:
          "Nurses remove a catheter without waiting for a doctor unless one of the HOUDINI reasons applies (Haematuria, Obstruction, Urology surgery, Decubitus ulcer, Input/output monitoring, Nursing end-of-life care, Immobility).",
        driver: [1, 0],
      },
      {
        title: "Catheter passport",
        description:
          "A patient-held booklet recording why and when the catheter was inserted, care given and the removal plan.",
        driver: [2, 0],
      },
      {
        title: "Catheter question at the daily board round",
        description: '"Does anyone have a catheter, and do they still need it?" asked at every board round.',
        driver: [1, 0],
      },
    ],
    pdsa: [
      {
        idea: 2,
        title: "Catheter question at the board round on {ward}",
        plan: "Add the catheter question to the board round script on {ward} for three weeks.",
        prediction: "Average catheter days per patient will fall.",
        doNotes: "Asked at 17 of 21 board rounds. Doctors sometimes deferred the decision to the next day.",
        study: "Average catheter duration fell from 6.1 to 4.8 days. Deferrals were the main barrier.",
        act: "ADAPT",
        actNotes: "Combine with a nurse-led removal protocol so decisions are not deferred.",
      },
      {
        idea: 0,
        title: "HOUDINI nurse-led removal on two wards",
        plan: "Introduce HOUDINI on {ward} and one other ward for a month, with a short teaching session.",
        prediction: "Duration will fall below 4 days with no rise in re-catheterisation.",
        doNotes: "Nurses removed 38 catheters under the protocol.",
        study: "Median duration 3.2 days. Two patients needed re-catheterisation, the same as before.",
        act: "ADOPT",
        actNotes: "Adopted and added to the trust catheter policy.",
      },
      {
        idea: 1,
        title: "Catheter passport for patients going home with a catheter",
        plan: "Give the passport to every patient discharged with a catheter for six weeks; community nurses record care in it.",
        prediction: "Every patient will have a removal or review date when they leave.",
        doNotes: "29 passports issued. Community nurses liked having the history in one place.",
        study: "27 of 29 had a review date. Community CAUTI referrals fell slightly.",
        act: "ADOPT",
        actNotes: "Passport now printed in bulk and stocked on all wards and in the community teams.",
      },
    ],
    measures: [
      {
        name: "Catheter-associated urinary tract infections per 1,000 occupied bed days",
        kind: "OUTCOME",
        definition:
          "Infections meeting the CAUTI surveillance definition on the project wards, divided by occupied bed days, multiplied by 1,000.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        target: 0.8,
        valueType: "RATE",
        rateMultiplier: 1000,
        nationalMetric: "catheter-infections",
        series: { kind: "rate", denominator: [7500, 9500], before: 1.6, after: 0.85 },
        moves: true,
      },
      {
        name: "% of catheters with a documented reason and daily review",
        kind: "PROCESS",
        definition:
          "From a weekly point-prevalence audit of all catheterised patients on the project wards, combined monthly.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [60, 95], before: 61, after: 91 },
        moves: true,
      },
      {
        name: "Re-catheterisations within 48 hours of removal",
        kind: "BALANCING",
        definition:
          "Patients who needed a catheter re-inserted within 48 hours because of retention. Checks that earlier removal is safe.",
        unit: "patients",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 2.2, after: 2.2, sd: 1.2, decimals: 0 },
        moves: false,
      },
    ],
    teamRoles: [
      "Infection prevention and control nurse, project lead",
      "Continence nurse specialist",
      "Urology registrar",
      "Community nursing sister",
      "Patient partner",
    ],
    learning: {
      title: "HOUDINI: nurse-led catheter removal",
      summary:
        "A nurse-led removal protocol cut catheter days by half and catheter-associated infections by about 40%, with no rise in re-catheterisation.",
      tags: ["infection", "CAUTI", "catheter", "HOUDINI", "nurse-led"],
      tips: [
        "The board round question helps, but nurses need permission to act without waiting for a doctor.",
        "Measure re-catheterisation from the start to reassure doctors.",
        "Give patients going home a passport with a removal date.",
      ],
    },
    learningSummary: "CAUTI fell by around 40% and catheter days halved. HOUDINI is now trust policy.",
  },
  {
    key: "ssi-ortho",
    national: "infections",
    pathway: ["theatre", "inpatient-ward", "discharge"],
    orgTypes: ["ACUTE_TRUST"],
    wards: ["the elective orthopaedic unit", "the day surgery unit", "the trauma and orthopaedic ward"],
    titles: [
      "Reducing surgical site infections after hip and knee replacement ({site})",
      "Getting It Right First Time: preventing infection after joint replacement at {site}",
    ],
    problem:
      "About 2.5% of patients having a hip or knee replacement at {site} developed a surgical site infection within 90 days. These infections are serious: many need further surgery and long courses of antibiotics. Our audit showed gaps in skin decolonisation before surgery, in keeping patients warm in theatre, and in wound care advice at discharge.",
    aimWhat: "Reduce surgical site infections within 90 days of elective hip and knee replacement",
    aimHowMuch: "From 2.5% to below 1.2%",
    drivers: [
      {
        text: "Patients are ready for surgery",
        secondary: ["Nasal and skin decolonisation before surgery", "Blood sugar controlled in people with diabetes"],
      },
      {
        text: "Reliable care in theatre",
        secondary: ["Patients kept warm (normothermia)", "Antibiotics given within 60 minutes before incision"],
      },
      {
        text: "Wounds are cared for after surgery",
        secondary: ["Clear wound advice at discharge", "Early review of a worrying wound"],
      },
    ],
    changeIdeas: [
      {
        title: "Decolonisation pack posted with the surgery date letter",
        description:
          "Nasal ointment and body wash posted to the patient with a pictorial guide and a text reminder five days before surgery.",
        driver: [0, 0],
      },
      {
        title: "Active warming from the anaesthetic room",
        description:
          "Forced-air warming started in the anaesthetic room, with temperature checked at arrival in recovery.",
        driver: [1, 0],
      },
      {
        title: "Photo wound check via the follow-up app",
        description: "Patients send a photo of the wound on day 10 for review by the surgical site surveillance nurse.",
        driver: [2, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Posted decolonisation pack, one surgeon's list",
        plan: "Post the pack to all patients on one surgeon's list for a month and ask at admission whether it was used.",
        prediction: "Most patients will complete the five days.",
        doNotes: "24 packs posted. Three patients had not opened the parcel.",
        study:
          "21 of 24 (88%) completed decolonisation, compared with about 60% when packs were given at pre-assessment.",
        act: "ADAPT",
        actNotes: "Add a text reminder five days before surgery.",
      },
      {
        idea: 0,
        title: "Pack plus text reminder, all elective lists",
        plan: "Extend to all elective hip and knee lists with an automated text reminder.",
        prediction: "Completion above 90%.",
        doNotes: "Ran for two months across all lists.",
        study: "94% completion. Pharmacy supply held up.",
        act: "ADOPT",
        actNotes: "Adopted as standard for all elective joint replacement.",
      },
      {
        idea: 1,
        title: "Warming from the anaesthetic room",
        plan: "Start forced-air warming in the anaesthetic room for all joint replacements for three weeks.",
        prediction: "At least 90% of patients arrive in recovery at 36°C or above.",
        doNotes: "Warming blankets needed to be stocked in every anaesthetic room.",
        study: "92% normothermic on arrival in recovery, up from 74%.",
        act: "ADOPT",
        actNotes: "Kept and included in the theatre team brief.",
      },
    ],
    measures: [
      {
        name: "% of hip and knee replacements with a surgical site infection within 90 days",
        kind: "OUTCOME",
        definition:
          "Surgical site infections identified by surveillance (readmission, GP and patient follow-up) within 90 days of elective primary hip or knee replacement, by month of surgery.",
        unit: "%",
        direction: "DECREASE",
        target: 1.2,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "rate", denominator: [500, 700], before: 2.6, after: 1.1, decimals: 2 },
        moves: true,
      },
      {
        name: "% of patients completing decolonisation before surgery",
        kind: "PROCESS",
        definition: "Patients confirming at admission that they completed five days of nasal ointment and body wash.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [90, 130], before: 61, after: 93 },
        moves: true,
      },
      {
        name: "Average length of stay after joint replacement (days)",
        kind: "BALANCING",
        definition: "Mean length of stay for elective primary hip and knee replacement.",
        unit: "days",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 3.4, after: 3.4, sd: 0.25, decimals: 1 },
        moves: false,
      },
    ],
    teamRoles: [
      "Surgical site surveillance nurse, project lead",
      "Consultant orthopaedic surgeon",
      "Consultant anaesthetist",
      "Pharmacy technician",
      "Patient partner",
    ],
    learning: {
      title: "Post the decolonisation pack with the surgery letter",
      summary:
        "Posting the decolonisation pack with the surgery date letter and a text reminder lifted completion to 94%; with active warming in theatre, infections after joint replacement more than halved.",
      tags: ["infection", "surgical site infection", "orthopaedics", "theatres", "decolonisation"],
      tips: [
        "Ask patients at admission whether they used the pack: it is the simplest measure you will get.",
        "A text reminder five days before surgery made the biggest difference.",
        "Stock warming blankets in every anaesthetic room, not just theatre.",
      ],
    },
    learningSummary: "Surgical site infections after hip and knee replacement fell from about 2.5% to just over 1%.",
  },
  {
    key: "hydration-uti",
    national: "infections",
    local: "care-home-deterioration",
    pathway: ["care-home", "primary-care"],
    orgTypes: ["CARE_HOME", "GP_PRACTICE", "COMMUNITY_SERVICE"],
    wards: ["the residential floor", "the nursing unit"],
    titles: [
      "Hydrate: reducing urinary infections in care home residents",
      "Drink well, stay well: hydration in care homes",
    ],
    problem:
      "Urinary tract infections are a leading cause of hospital admission for care home residents, and a common source of E. coli bloodstream infections. Many residents drink far less than they need, especially those living with dementia. Staff also tended to use urine dipsticks to diagnose infection in older people, which leads to antibiotics that are not needed.",
    aimWhat: "Reduce urinary tract infections among residents of partner care homes",
    aimHowMuch: "By a third, and stop using urine dipsticks to diagnose UTI in residents over 65",
    drivers: [
      {
        text: "Residents drink enough",
        secondary: ["Structured drinks rounds", "Drinks residents enjoy, offered often"],
      },
      {
        text: "Infections are diagnosed well",
        secondary: ["No dipsticks for over-65s", "Symptom-based decision tool"],
      },
    ],
    changeIdeas: [
      {
        title: "Seven structured drinks rounds a day",
        description:
          "Drinks rounds at set times with a choice of drinks, jelly drops and fruit, recorded on a simple chart.",
        driver: [0, 0],
      },
      {
        title: "Stop dipsticks: symptom-based UTI decision tool",
        description: "Staff use a symptom checklist and call the GP practice rather than dipping urine.",
        driver: [1, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Drinks rounds at {carehome}",
        plan: "Introduce seven drinks rounds a day on {ward} for a month, with a tea party at 3pm.",
        prediction: "Average fluid intake will rise above 1,500ml a day.",
        doNotes: "Residents enjoyed the afternoon tea party most. Night staff found the late round hard to fit in.",
        study:
          "Average intake rose from 1,050ml to 1,480ml. Two residents with dementia drank much more from coloured cups.",
        act: "ADAPT",
        actNotes: "Use coloured cups for everyone and move the late round earlier.",
      },
      {
        idea: 1,
        title: "Stop dipsticks in three homes",
        plan: "Remove dipsticks from three homes and introduce the symptom checklist with GP practice agreement.",
        prediction: "Fewer antibiotic courses for UTI, no rise in missed infections.",
        doNotes: "Staff were worried at first; the GP practice came in to explain.",
        study: "UTI antibiotic courses fell by 40% with no increase in hospital admissions for urosepsis.",
        act: "ADOPT",
        actNotes: "Adopted in all partner homes; dipsticks removed from stock.",
      },
      {
        idea: 0,
        title: "Adapted drinks rounds in all partner homes",
        plan: "Spread the adapted drinks rounds, coloured cups and tea party to all partner homes.",
        prediction: "Fewer UTIs treated within three months.",
        doNotes: "Homes adapted the timings to their own routines.",
        study: "UTIs treated fell steadily over the following months.",
        act: "ADOPT",
        actNotes: "Kept and shared at the regional care home forum.",
      },
    ],
    measures: [
      {
        name: "UTIs treated in care home residents per 1,000 resident bed days",
        kind: "OUTCOME",
        definition:
          "Antibiotic courses for urinary tract infection prescribed to residents of partner homes, from the GP practice record, per 1,000 resident bed days.",
        unit: "per 1,000 resident bed days",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [5500, 6500], before: 4.2, after: 2.6 },
        moves: true,
      },
      {
        name: "% of residents with a completed drinks chart",
        kind: "PROCESS",
        definition: "Residents with a drinks chart completed for all seven rounds on the audit day.",
        unit: "%",
        direction: "INCREASE",
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [150, 200], before: 38, after: 81 },
        moves: true,
      },
      {
        name: "Falls at night per 1,000 resident bed days",
        kind: "BALANCING",
        definition:
          "More drinking can mean more night-time trips to the toilet; this checks falls at night have not risen.",
        unit: "per 1,000 resident bed days",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [5500, 6500], before: 4.1, after: 4.1 },
        moves: false,
      },
    ],
    teamRoles: [
      "Care home manager, project lead",
      "GP with a special interest in older people",
      "Community dietitian",
      "Infection prevention nurse",
    ],
    learning: {
      title: "Seven drinks rounds and no dipsticks: fewer UTIs in care homes",
      summary:
        "Structured drinks rounds with coloured cups, and replacing dipsticks with a symptom checklist, cut UTIs treated in care home residents by over a third.",
      tags: ["infection", "hydration", "care homes", "antimicrobial stewardship", "UTI"],
      tips: [
        "Make the afternoon drinks round a social event.",
        "Get the GP practice to explain why dipsticks mislead in older people.",
        "Watch night-time falls when residents drink more.",
      ],
    },
    learningSummary: "UTIs treated fell by over a third and dipsticks are no longer used for residents over 65.",
  },
  // ─── Medication safety ────────────────────────────────────────────────────
  {
    key: "omitted-meds",
    national: "medication-safety",
    pathway: ["admission", "inpatient-ward"],
    orgTypes: ["ACUTE_TRUST"],
    wards: ["the acute medical unit", "Ward 3 (neurology)", "Cedar Ward (general surgery)"],
    titles: [
      "Reducing omitted and delayed critical medicines at {site}",
      "Time-critical medicines on time at {site}",
      "No missed doses: Parkinson's and critical medicines at {site}",
    ],
    problem:
      "Missing or delaying a dose of a critical medicine — such as Parkinson's medicines, insulin, anticoagulants or anti-epileptics — can cause serious harm. At {site} our audits showed around 12% of critical medicine doses were omitted or more than an hour late, most often in the first 24 hours after admission and when the medicine was not stocked on the ward.",
    aimWhat: "Reduce omitted and delayed doses of critical medicines",
    aimHowMuch: "From about 12% to below 4% of doses",
    drivers: [
      {
        text: "Critical medicines are identified on admission",
        secondary: ["Critical medicines list on the prescribing system", "Patients' own medicines used on admission"],
      },
      {
        text: "The medicine is available when due",
        secondary: ["Critical medicines cupboard on every ward", "Out-of-hours supply route"],
      },
      {
        text: "Staff know a dose is due",
        secondary: ["Electronic alert when a critical dose is overdue", "Patients encouraged to tell us their times"],
      },
    ],
    changeIdeas: [
      {
        title: "Critical medicines cupboard on every ward",
        description:
          "A stocked cupboard with the 30 most-used critical medicines, checked daily by pharmacy technicians.",
        driver: [1, 0],
      },
      {
        title: "Overdue critical dose alert",
        description:
          "The electronic prescribing system flags any critical dose 30 minutes overdue on the ward dashboard.",
        driver: [2, 0],
      },
      {
        title: "Get It On Time for Parkinson's medicines",
        description: "Patients with Parkinson's can self-administer or have their own times put on the chart.",
        driver: [2, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Critical medicines cupboard on {ward}",
        plan: "Stock a critical medicines cupboard on {ward} for one month and audit omissions.",
        prediction: "Omissions due to 'not available' will almost disappear.",
        doNotes: "Cupboard stocked. Two items ran out over a bank holiday weekend.",
        study:
          "Omissions with reason 'not available' fell from 41 to 6. Overall omitted or delayed doses fell from 13% to 8%.",
        act: "ADAPT",
        actNotes: "Add weekend top-up by the on-call technician.",
      },
      {
        idea: 1,
        title: "Overdue alert on the ward dashboard",
        plan: "Switch on the overdue critical dose alert on two wards for four weeks.",
        prediction: "Delays over one hour will halve.",
        doNotes: "Nurses in charge checked the dashboard at each drug round.",
        study: "Delayed doses fell from 7% to 3%.",
        act: "ADOPT",
        actNotes: "Alert switched on for all adult inpatient wards.",
      },
      {
        idea: 2,
        title: "Parkinson's medicines self-administration",
        plan: "Offer self-administration to all patients with Parkinson's able to do it safely, for six weeks.",
        prediction: "No missed Parkinson's doses for patients self-administering.",
        doNotes: "11 patients took part; assessment form needed simplifying.",
        study: "No missed doses among self-administering patients. Patients said they felt more in control.",
        act: "ADOPT",
        actNotes: "Simplified form adopted; Parkinson's nurse trains new ward staff.",
      },
    ],
    measures: [
      {
        name: "% of critical medicine doses omitted or delayed by over 1 hour",
        kind: "OUTCOME",
        definition:
          "Doses of medicines on the trust's critical medicines list recorded as not given (excluding clinically appropriate omissions) or given more than 1 hour late, from electronic prescribing data.",
        unit: "%",
        direction: "DECREASE",
        target: 4,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [700, 900], before: 12.2, after: 4.1 },
        moves: true,
      },
      {
        name: "Medication errors with harm per 1,000 occupied bed days",
        kind: "OUTCOME",
        definition: "Medication incidents graded low harm or above on the project wards per 1,000 occupied bed days.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        nationalMetric: "medication-harm",
        series: { kind: "rate", denominator: [4000, 5500], before: 1.9, after: 1.05 },
        moves: true,
      },
      {
        name: "Pharmacy technician hours spent on ward stock (per week)",
        kind: "BALANCING",
        definition: "Hours recorded by pharmacy technicians on critical medicines cupboard checks and top-ups.",
        unit: "hours",
        direction: "NEITHER",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 11, after: 16, sd: 1.2, decimals: 1 },
        moves: true,
      },
    ],
    teamRoles: [
      "Lead pharmacist, medicines safety, project lead",
      "Parkinson's disease nurse specialist",
      "Ward sister",
      "Electronic prescribing lead",
      "Patient partner (Parkinson's UK)",
    ],
    learning: {
      title: "A critical medicines cupboard on every ward",
      summary:
        "Stocking the most-used critical medicines on every ward, with an overdue-dose alert, cut omitted and delayed critical doses from 12% to around 4%.",
      tags: ["medication safety", "critical medicines", "Parkinson's", "electronic prescribing", "pharmacy"],
      tips: [
        "Use your omission reason codes: 'not available' told us exactly where to start.",
        "Plan weekend and bank holiday top-ups before you go live.",
        "Let people with Parkinson's manage their own medicines when they can.",
      ],
    },
    learningSummary: "Omitted and delayed critical doses fell to about 4% and have stayed there.",
  },
  {
    key: "insulin",
    national: "medication-safety",
    pathway: ["inpatient-ward", "admission"],
    orgTypes: ["ACUTE_TRUST"],
    wards: ["Ward 11 (diabetes and endocrinology)", "the surgical wards", "Oak Ward (general medicine)"],
    titles: ["Safer insulin in hospital: Think Glucose at {site}", "Reducing insulin errors on the wards at {site}"],
    problem:
      "Insulin is one of the medicines most often involved in serious harm in hospital. At {site} we saw insulin doses given at the wrong time, the wrong type chosen from the system, and patients with hypoglycaemia not treated promptly. Our National Diabetes Inpatient Audit results showed more insulin errors and more severe hypos than the national average.",
    aimWhat: "Reduce insulin-related harm for inpatients with diabetes",
    aimHowMuch: "Halve insulin prescribing and administration errors, and reduce severe hypoglycaemia by a third",
    drivers: [
      {
        text: "Insulin is prescribed safely",
        secondary: ["Order sets for common insulins", "Never abbreviate 'units'"],
      },
      {
        text: "Patients manage their own insulin when they can",
        secondary: ["Self-administration assessment", "Patients' own meters and pens"],
      },
      {
        text: "Hypoglycaemia is treated quickly",
        secondary: ["Hypo boxes on every ward", "Hypo treatment on the drug chart"],
      },
    ],
    changeIdeas: [
      {
        title: "Insulin order sets on the prescribing system",
        description: "Pre-built order sets for the 12 most-used insulins, with free-text insulin prescribing removed.",
        driver: [0, 0],
      },
      {
        title: "Insulin self-administration for capable patients",
        description: "Patients who manage their insulin at home keep doing so, after a short assessment.",
        driver: [1, 0],
      },
      {
        title: "Hypo boxes checked at every shift change",
        description:
          "A standard hypo box on every ward, checked at handover, with a prescribed hypo treatment for every patient on insulin.",
        driver: [2, 0],
      },
    ],
    pdsa: [
      {
        idea: 2,
        title: "Hypo boxes on {ward}",
        plan: "Put a standard hypo box on {ward} and check it at every handover for three weeks.",
        prediction: "Time to treat a hypo will fall below 15 minutes.",
        doNotes: "Box used 9 times; restocked each time by the night team.",
        study: "Median time to treatment 10 minutes, down from 35.",
        act: "ADOPT",
        actNotes: "Hypo boxes rolled out to all adult wards.",
      },
      {
        idea: 0,
        title: "Insulin order sets, trust-wide",
        plan: "Go live with order sets and remove free-text insulin prescribing; diabetes team on call for questions for two weeks.",
        prediction: "Prescribing errors will halve.",
        doNotes: "Some complex regimens needed adding in week one.",
        study: "Insulin prescribing errors fell from 14 to 5 a month.",
        act: "ADOPT",
        actNotes: "Kept; diabetes pharmacist reviews the order sets every six months.",
      },
      {
        idea: 1,
        title: "Self-administration on two wards",
        plan: "Offer self-administration to eligible patients on two wards for a month.",
        prediction: "Fewer missed or mistimed doses for those patients.",
        doNotes: "Locked bedside cabinets were not available on one ward.",
        study: "No missed doses among 17 self-administering patients; the cabinets were the barrier.",
        act: "ADAPT",
        actNotes: "Fit bedside cabinets before spreading further.",
      },
    ],
    measures: [
      {
        name: "Insulin errors reaching the patient per 1,000 occupied bed days",
        kind: "OUTCOME",
        definition:
          "Insulin prescribing and administration incidents reaching the patient, per 1,000 occupied bed days.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [14000, 17000], before: 0.95, after: 0.42 },
        moves: true,
      },
      {
        name: "Median minutes from hypo recorded to treatment",
        kind: "PROCESS",
        definition: "From the electronic observations and drug chart, patients with a blood glucose below 4 mmol/L.",
        unit: "minutes",
        direction: "DECREASE",
        target: 15,
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 33, after: 12, sd: 4, decimals: 0 },
        moves: true,
      },
      {
        name: "Severe hypoglycaemia episodes (needing help) per month",
        kind: "OUTCOME",
        definition: "Episodes of hypoglycaemia where the patient needed another person's help or injectable treatment.",
        unit: "episodes",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 9, after: 6, sd: 1.9, decimals: 0 },
        moves: true,
      },
    ],
    teamRoles: [
      "Diabetes specialist nurse, project lead",
      "Diabetes pharmacist",
      "Consultant diabetologist",
      "Ward manager",
      "Patient partner living with type 1 diabetes",
    ],
    learning: {
      title: "Hypo boxes checked at every handover",
      summary:
        "A standard hypo box on every ward, checked at handover, cut the time to treat hypoglycaemia from over half an hour to about 10 minutes.",
      tags: ["medication safety", "insulin", "diabetes", "hypoglycaemia"],
      tips: [
        "Put the box where the observations trolley lives.",
        "Prescribe hypo treatment for every patient on insulin so nobody waits for a doctor.",
        "Check the box at handover, not once a week.",
      ],
    },
    learningSummary: "Insulin errors halved and hypos are treated within about 10 minutes.",
  },
  {
    key: "discharge-meds",
    national: "medication-safety",
    alsoNational: "transfers-discharge",
    pathway: ["discharge", "primary-care", "community-home"],
    orgTypes: ["ACUTE_TRUST", "OTHER", "GP_PRACTICE"],
    wards: ["the medical wards", "the cardiology ward", "the discharge lounge"],
    titles: [
      "Transfers of Care Around Medicines: hospital to community pharmacy",
      "Safer medicines after discharge: referring to community pharmacy from {site}",
    ],
    problem:
      "Up to two thirds of patients leave hospital with changes to their medicines, and many are not told clearly what has changed. Community pharmacists and GPs often find out weeks later. Patients going home from {site} were being readmitted with problems such as duplicated blood thinners or stopped heart medicines restarted by mistake.",
    aimWhat: "Make sure patients' medicine changes are followed up by their community pharmacy after discharge",
    aimHowMuch:
      "Refer 60% of eligible patients electronically to their community pharmacy, and reduce 30-day readmissions for these patients",
    drivers: [
      {
        text: "Community pharmacy knows about changes",
        secondary: ["Electronic referral at discharge", "Referral includes the reason for each change"],
      },
      {
        text: "Patients understand their medicines",
        secondary: ["Discharge medicines conversation", "A clear printed list"],
      },
      {
        text: "The referral is acted on",
        secondary: ["New Medicine Service or Discharge Medicines Service follow-up", "Feedback to the ward"],
      },
    ],
    changeIdeas: [
      {
        title: "Electronic referral to community pharmacy for every patient with changed medicines",
        description:
          "The ward pharmacy technician sends a referral through the secure platform, including the reasons for changes.",
        driver: [0, 0],
      },
      {
        title: "Five-minute medicines conversation before discharge",
        description:
          "A pharmacist or technician talks through changes using the printed list and asks the patient to explain it back.",
        driver: [1, 0],
      },
      {
        title: "Monthly feedback from community pharmacies to wards",
        description: "Community pharmacists share examples of problems they found, so wards can see the difference.",
        driver: [2, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Referrals from {ward}, two weeks",
        plan: "Technicians on {ward} refer every patient with changed medicines for two weeks.",
        prediction: "At least half of eligible patients referred.",
        doNotes: "Referrals took about 4 minutes each. Patients who left late in the day were missed.",
        study: "52% referred. Missed patients were mostly weekend and evening discharges.",
        act: "ADAPT",
        actNotes: "Start the referral when the discharge prescription is screened, not at the point of leaving.",
      },
      {
        idea: 0,
        title: "Referral started at prescription screening, all medical wards",
        plan: "Move the referral step to prescription screening across all medical wards for a month.",
        prediction: "Referral rate above 60%.",
        doNotes: "Went live with a short briefing for all technicians.",
        study: "67% of eligible patients referred; community pharmacies completed follow-up for 71% of them.",
        act: "ADOPT",
        actNotes: "Adopted. Referral rate reported weekly to the pharmacy leadership team.",
      },
      {
        idea: 2,
        title: "Community pharmacy feedback session",
        plan: "Invite three community pharmacists to a ward teaching session to share cases.",
        prediction: "Staff will value the referral more and rates will hold.",
        doNotes: "Two pharmacists attended and shared four anonymised cases.",
        study: "Staff said real examples made the referral feel worthwhile.",
        act: "ADOPT",
        actNotes: "Feedback sessions now quarterly.",
      },
    ],
    measures: [
      {
        name: "% of eligible discharges referred to community pharmacy",
        kind: "PROCESS",
        definition:
          "Patients discharged with new or changed medicines who were referred electronically to their nominated community pharmacy.",
        unit: "%",
        direction: "INCREASE",
        target: 60,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [350, 480], before: 18, after: 66 },
        moves: true,
      },
      {
        name: "30-day emergency readmissions for referred-cohort wards (%)",
        kind: "OUTCOME",
        definition:
          "Emergency readmissions within 30 days of discharge from the project wards, as a percentage of discharges.",
        unit: "%",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [700, 900], before: 13.5, after: 11.2 },
        moves: true,
      },
      {
        name: "Medication errors with harm after discharge, reported by community pharmacy",
        kind: "OUTCOME",
        definition: "Discrepancies causing harm found by community pharmacists after discharge, per 1,000 discharges.",
        unit: "per 1,000 discharges",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [700, 900], before: 9.5, after: 5.2 },
        moves: true,
      },
    ],
    teamRoles: [
      "Lead pharmacist, integrated care, project lead",
      "Pharmacy technician",
      "Community pharmacist",
      "GP clinical pharmacist",
      "Patient partner",
    ],
    learning: {
      title: "Refer to community pharmacy when the discharge prescription is screened",
      summary:
        "Starting the electronic referral to community pharmacy at prescription screening, not at the door, raised referrals from under 20% to two thirds of eligible patients.",
      tags: ["medication safety", "discharge", "community pharmacy", "transfers of care"],
      tips: [
        "Start the referral early in the discharge process; late-day discharges are otherwise missed.",
        "Share community pharmacists' real cases with ward staff.",
        "Report the referral rate weekly while the change beds in.",
      ],
    },
    learningSummary: "Two thirds of eligible patients are now referred and readmissions have fallen.",
  },
  {
    key: "care-home-meds",
    national: "medication-safety",
    pathway: ["care-home", "primary-care"],
    orgTypes: ["CARE_HOME", "GP_PRACTICE"],
    wards: ["the nursing unit", "the residential unit"],
    titles: ["Safer medicines rounds in care homes", "Do not disturb: fewer medicines errors in care homes"],
    problem:
      "Care home staff give medicines to many residents in long rounds, often interrupted by phone calls and requests. Our partner homes were reporting around 8 medicines administration errors for every 1,000 resident days, mostly missed or duplicated doses and medicines given at the wrong time.",
    aimWhat: "Reduce medicines administration errors in partner care homes",
    aimHowMuch: "By half within a year",
    drivers: [
      {
        text: "Staff can focus on the medicines round",
        secondary: ["Protected time with a 'do not disturb' tabard", "Phone calls redirected during rounds"],
      },
      {
        text: "The right information is on the chart",
        secondary: ["Electronic medicines administration record", "Monthly check with the practice pharmacist"],
      },
    ],
    changeIdeas: [
      {
        title: "'Do not disturb' tabards during medicines rounds",
        description:
          "The member of staff giving medicines wears a red tabard and is not interrupted except in an emergency.",
        driver: [0, 0],
      },
      {
        title: "Practice pharmacist structured medication review every six months",
        description: "Every resident's medicines reviewed with the GP and the home.",
        driver: [1, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Tabards on {ward} at {carehome}",
        plan: "Use red tabards on the morning round on {ward} for two weeks and count interruptions.",
        prediction: "Interruptions will halve.",
        doNotes: "Relatives asked what the tabard meant; a poster helped.",
        study: "Interruptions fell from 14 to 4 per round, and the round was 20 minutes shorter.",
        act: "ADOPT",
        actNotes: "Adopted for all rounds; posters for visitors.",
      },
      {
        idea: 1,
        title: "Six-monthly reviews in two homes",
        plan: "Practice pharmacist reviews every resident in two homes over two months.",
        prediction: "Fewer medicines per resident and fewer errors.",
        doNotes: "Reviews took about 30 minutes each.",
        study: "Average of 1.4 medicines stopped per resident; errors fell.",
        act: "ADOPT",
        actNotes: "Built into the enhanced health in care homes work plan.",
      },
    ],
    measures: [
      {
        name: "Medicines administration errors per 1,000 resident days",
        kind: "OUTCOME",
        definition: "Administration errors recorded by partner homes, per 1,000 resident days.",
        unit: "per 1,000 resident days",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [5000, 6000], before: 8.1, after: 4.3 },
        moves: true,
      },
      {
        name: "Average interruptions per medicines round",
        kind: "PROCESS",
        definition: "Counted by an observer on one round per home per month.",
        unit: "interruptions",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 12.5, after: 4.5, sd: 1.8, decimals: 1 },
        moves: true,
      },
    ],
    teamRoles: [
      "Registered manager, project lead",
      "Practice pharmacist",
      "Senior carer",
      "Resident's son, patient partner",
    ],
    learning: {
      title: "'Do not disturb' tabards for care home medicines rounds",
      summary:
        "A red tabard and redirected phone calls cut interruptions during medicines rounds by two thirds, and administration errors halved.",
      tags: ["medication safety", "care homes", "interruptions", "human factors"],
      tips: [
        "Tell relatives and visiting professionals what the tabard means.",
        "Redirect the phone to another member of staff during the round.",
      ],
    },
    learningSummary: "Medicines errors halved across partner homes.",
  },
  // ─── Transfers and discharge ──────────────────────────────────────────────
  {
    key: "delayed-transfers",
    national: "transfers-discharge",
    pathway: ["discharge", "community-home", "care-home"],
    orgTypes: ["ACUTE_TRUST", "LOCAL_AUTHORITY", "COMMUNITY_SERVICE"],
    wards: ["the medical wards", "the frailty unit", "the orthopaedic wards"],
    titles: [
      "Home First: reducing delayed transfers of care from {site}",
      "Red to Green days and discharge to assess at {site}",
      "Getting people home sooner and safely from {site}",
    ],
    problem:
      "Every day, around 40 patients at {site} who no longer need hospital care are waiting to leave — for an assessment, a care package or a care home place. For older people, ten days in a hospital bed can mean the equivalent of ten years of muscle ageing. Delays also block beds for people waiting in the emergency department.",
    aimWhat: "Reduce the number of patients whose transfer of care is delayed",
    aimHowMuch:
      "From about 15% of discharges delayed to below 10% (around 25 patients waiting on an average day, down from 40)",
    drivers: [
      {
        text: "Every day in hospital is a day of value",
        secondary: ["Red to Green days at board rounds", "Expected discharge date set within 24 hours"],
      },
      {
        text: "Assessment happens at home, not in hospital",
        secondary: ["Discharge to assess (home first)", "Trusted assessor for care homes"],
      },
      {
        text: "Partners work as one team",
        secondary: ["Daily call with social care and community services", "Escalation of long waits to senior leaders"],
      },
    ],
    changeIdeas: [
      {
        title: "Red to Green days at every board round",
        description:
          "Each patient's day is 'red' if nothing happened that moved them towards going home; red days are escalated the same day.",
        driver: [0, 0],
      },
      {
        title: "Discharge to assess: home first pathway",
        description:
          "People who can go home with support go home, and their long-term needs are assessed there within 48 hours.",
        driver: [1, 0],
      },
      {
        title: "Trusted assessor for care home returns",
        description:
          "One assessor accepted by all partner care homes, so residents can return without each home reassessing.",
        driver: [1, 1],
      },
      {
        title: "Daily system call at 10am",
        description: "Hospital, council and community teams review every delayed patient together.",
        driver: [2, 0],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Red to Green on {ward}",
        plan: "Use Red to Green at the board round on {ward} for a month.",
        prediction: "Length of stay will fall and the reasons for delays will be clearer.",
        doNotes: "Most red days were waiting for scans or therapy assessments.",
        study: "Red days fell by a quarter. The data showed where to act next: therapy assessments.",
        act: "ADOPT",
        actNotes: "Adopted on all medical wards, with red-day reasons reviewed weekly.",
      },
      {
        idea: 1,
        title: "Home first for patients needing a new care package",
        plan: "For six weeks, patients needing new home care go home with a bridging care team and are assessed there.",
        prediction: "Average wait for these patients will fall from 9 days to 2.",
        doNotes: "Bridging team took 43 patients. Two needed readmission.",
        study: "Average wait fell to 1.8 days. Readmissions were no higher than usual.",
        act: "ADOPT",
        actNotes: "Home first now the default pathway, jointly funded by the council and the integrated care board.",
      },
      {
        idea: 2,
        title: "Trusted assessor with five care homes",
        plan: "Agree with five homes that they accept the trusted assessor's assessment for returning residents.",
        prediction: "Returns will happen within a day of being medically fit.",
        doNotes: "Four homes signed up; one wanted to keep its own assessment.",
        study: "Median wait for returning residents fell from 4 days to 1.",
        act: "ADAPT",
        actNotes: "Offer a joint visit to the fifth home and extend to more homes.",
      },
    ],
    measures: [
      {
        name: "Delayed transfers of care (% of discharges)",
        kind: "OUTCOME",
        definition:
          "Discharges from the project wards where the patient stayed one or more days after they no longer met the criteria to reside, as a percentage of all discharges, from the daily discharge sitrep.",
        unit: "% of discharges",
        direction: "DECREASE",
        target: 10,
        valueType: "RATE",
        rateMultiplier: 100,
        nationalMetric: "delayed-transfers",
        series: { kind: "percent", sample: [900, 1200], before: 14.8, after: 9.6 },
        moves: true,
      },
      {
        name: "% of discharges before midday",
        kind: "PROCESS",
        definition: "Discharges from the project wards completed before 12:00.",
        unit: "%",
        direction: "INCREASE",
        target: 33,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [900, 1200], before: 16, after: 27 },
        moves: true,
      },
      {
        name: "30-day emergency readmissions (%)",
        kind: "BALANCING",
        definition:
          "Emergency readmissions within 30 days, as a percentage of discharges from the project wards. Checks that faster discharge is not less safe.",
        unit: "%",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [900, 1200], before: 12.8, after: 12.8 },
        moves: false,
      },
    ],
    teamRoles: [
      "Head of patient flow, project lead",
      "Social work team manager",
      "Community therapy lead",
      "Discharge coordinator",
      "Carer, patient partner",
    ],
    learning: {
      title: "Home first: assess people's long-term needs at home",
      summary:
        "Sending people home with a bridging care team and assessing them there cut the wait for a new care package from 9 days to under 2, with no rise in readmissions.",
      tags: ["discharge", "delayed transfers", "home first", "discharge to assess", "social care"],
      tips: [
        "Fund the bridging team jointly from the start.",
        "Measure readmissions alongside delays so partners trust the change.",
        "Red to Green data shows you where the real delays are.",
      ],
    },
    learningSummary: "Delayed discharges fell by about a third and home first is now the default pathway.",
  },
  {
    key: "discharge-summaries",
    national: "transfers-discharge",
    pathway: ["discharge", "primary-care", "care-home"],
    orgTypes: ["ACUTE_TRUST", "GP_PRACTICE", "PATIENT_GROUP"],
    wards: ["the acute medical unit", "the surgical wards", "Ward 10 (older people)"],
    titles: [
      "Clear, timely discharge letters from {site}",
      "What matters after I leave: better discharge summaries at {site}",
      "Discharge summaries that GPs and patients can use ({site})",
    ],
    problem:
      "GPs told us discharge summaries from {site} often arrived days late and buried the actions they needed to take. Patients and carers said the letters were full of abbreviations they did not understand. In one case a patient's blood test follow-up was missed because it was on page four. Only about 55% of summaries reached the GP within 24 hours.",
    aimWhat: "Send clear discharge summaries that reach the GP quickly and that patients can understand",
    aimHowMuch: "90% sent within 24 hours, with GP actions in a box at the top of every letter",
    drivers: [
      {
        text: "Summaries are written on time",
        secondary: ["Summary started on the day of admission", "Protected time for junior doctors"],
      },
      {
        text: "The letter says what matters",
        secondary: [
          "GP actions box at the top",
          "Medicines changes with reasons",
          "Plain English with no unexplained abbreviations",
        ],
      },
      {
        text: "Patients and carers get a copy they understand",
        secondary: ["Patient copy written to the patient", "Carers and care homes sent a copy"],
      },
    ],
    changeIdeas: [
      {
        title: "GP actions box at the top of every discharge summary",
        description: "A mandatory box listing what the GP needs to do, by when, with 'none' as an allowed answer.",
        driver: [1, 0],
      },
      {
        title: "Summary started on the day of admission",
        description:
          "The admitting doctor starts the summary with the presenting problem, and it is updated daily at the board round.",
        driver: [0, 0],
      },
      {
        title: "Letters written to the patient",
        description:
          'Summaries addressed to the patient ("You came into hospital because…"), copied to the GP, following the Academy of Medical Royal Colleges guidance.',
        driver: [2, 0],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "GP actions box on {ward}",
        plan: "Add a GP actions box to the discharge template for {ward} for a month and ask three GP practices for feedback.",
        prediction: "GPs will find actions faster and fewer will phone the ward.",
        doNotes: "Doctors sometimes wrote 'see below'; we changed the prompt wording.",
        study: "GPs rated the letters 4.2 out of 5, up from 2.6. Phone queries from practices halved.",
        act: "ADAPT",
        actNotes: "Reword the prompt to 'List each action for the GP, or write none'.",
      },
      {
        idea: 1,
        title: "Start the summary on admission",
        plan: "Admitting doctors on {ward} start the summary on the day of admission for four weeks.",
        prediction: "80% of summaries sent within 24 hours of discharge.",
        doNotes: "Board round updates took a minute per patient.",
        study: "84% sent within 24 hours, compared with 55% before.",
        act: "ADOPT",
        actNotes: "Adopted on medical wards; surgical wards next.",
      },
      {
        idea: 2,
        title: "Letters written to the patient, with the patient group",
        plan: "Co-design a template with the patient group and use it on one ward for a month.",
        prediction: "Patients will understand their letter better without GPs losing information.",
        doNotes: "Patient partners reviewed 20 letters and suggested a 'What happens next' section.",
        study: "18 of 20 patients said they understood their letter; GPs did not report any loss of information.",
        act: "ADOPT",
        actNotes: "New template live across the trust.",
      },
    ],
    measures: [
      {
        name: "% of discharge summaries sent to the GP within 24 hours",
        kind: "PROCESS",
        definition: "Summaries sent electronically within 24 hours of discharge, from the document management system.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [1200, 1500], before: 55, after: 86 },
        moves: true,
      },
      {
        name: "% of summaries with a completed GP actions box",
        kind: "PROCESS",
        definition: "From a monthly audit of 40 randomly selected summaries.",
        unit: "%",
        direction: "INCREASE",
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [40, 40], before: 20, after: 90 },
        moves: true,
      },
      {
        name: "Phone queries from GP practices about discharge letters",
        kind: "BALANCING",
        definition: "Queries logged by ward clerks and the discharge team.",
        unit: "queries",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 48, after: 25, sd: 5, decimals: 0 },
        moves: true,
      },
    ],
    teamRoles: [
      "Consultant acute physician, project lead",
      "GP clinical lead",
      "Foundation doctor",
      "Clinical systems trainer",
      "Patient partner",
    ],
    learning: {
      title: "A GP actions box at the top of every discharge summary",
      summary:
        "A mandatory GP actions box and starting the summary on the day of admission took on-time summaries from 55% to over 85%, and GP queries halved.",
      tags: ["discharge", "discharge summary", "primary care", "communication", "plain English"],
      tips: [
        "Allow 'none' as an answer so the box is always completed honestly.",
        "Ask GPs to score letters before and after: their feedback convinces doctors.",
        "Write letters to the patient, and copy the GP.",
      ],
    },
    learningSummary: "Summaries arrive on time and GPs can find the actions.",
  },
  {
    key: "red-bag",
    national: "transfers-discharge",
    pathway: ["transfer", "care-home", "admission", "discharge"],
    orgTypes: ["CARE_HOME", "AMBULANCE_SERVICE", "ACUTE_TRUST"],
    wards: ["the emergency department", "the care home forum"],
    titles: [
      "The red bag: safer transfers between care homes and hospital",
      "Hospital transfer pathway (red bag) for care home residents",
    ],
    problem:
      "When care home residents go into hospital, their medicines, glasses, hearing aids and key information often do not travel with them, or get lost on the way back. Hospital staff lose time finding out how the person usually is, and residents can stay longer than they need to.",
    aimWhat:
      "Make sure information, medicines and personal belongings travel with care home residents to and from hospital",
    aimHowMuch: "90% of transfers from partner homes arrive with a red bag, and lost items halve",
    drivers: [
      {
        text: "Information travels with the resident",
        secondary: ["Standard transfer form", "This is me / baseline observations"],
      },
      {
        text: "Belongings and medicines travel safely",
        secondary: ["A red bag for each transfer", "Red bag tracked by the ward"],
      },
    ],
    changeIdeas: [
      {
        title: "Red bag with standard transfer form",
        description:
          "A labelled red bag containing the transfer form, medicines, and personal items such as glasses and dentures.",
        driver: [1, 0],
      },
      {
        title: "Ward 'red bag' flag on the electronic bed board",
        description: "The bag is logged on arrival and packed with the discharge information before return.",
        driver: [1, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Red bags in three homes",
        plan: "Provide red bags and training in three homes for six weeks and follow each transfer.",
        prediction: "Most transfers will arrive with the bag and form complete.",
        doNotes: "14 transfers; 2 went without a bag at night.",
        study: "12 of 14 arrived with the bag; ED staff said the form saved time.",
        act: "ADOPT",
        actNotes: "Extend to all partner homes; night staff briefing added.",
      },
      {
        idea: 1,
        title: "Red bag flag on the bed board",
        plan: "Add a red bag flag to the bed board on the admissions unit.",
        prediction: "Bags will return with residents.",
        doNotes: "Flag added; porters briefed.",
        study: "Bags lost fell from 5 to 1 in the month.",
        act: "ADOPT",
        actNotes: "Adopted trust-wide.",
      },
    ],
    measures: [
      {
        name: "% of care home transfers arriving with a red bag",
        kind: "PROCESS",
        definition: "Emergency transfers from partner homes arriving with a red bag and completed transfer form.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [60, 90], before: 35, after: 86 },
        moves: true,
      },
      {
        name: "Median length of stay for care home residents (days)",
        kind: "OUTCOME",
        definition: "Median length of stay for emergency admissions from partner homes.",
        unit: "days",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 9.2, after: 7.1, sd: 0.7, decimals: 1 },
        moves: true,
      },
      {
        name: "Personal items reported lost",
        kind: "BALANCING",
        definition: "Glasses, hearing aids, dentures and other items reported lost after a hospital stay.",
        unit: "items",
        direction: "DECREASE",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 6, after: 2.5, sd: 1.3, decimals: 0 },
        moves: true,
      },
    ],
    teamRoles: [
      "Care home support team lead, project lead",
      "Emergency department matron",
      "Paramedic",
      "Care home manager",
    ],
    learning: {
      title: "The red bag: information and belongings travel with residents",
      summary:
        "A red bag with a standard transfer form went with 86% of care home residents to hospital, and lost glasses, hearing aids and dentures fell sharply.",
      tags: ["transfers", "care homes", "red bag", "hospital transfer pathway"],
      tips: [
        "Brief night staff and paramedics, not just day staff.",
        "Flag the bag on the bed board so it comes back.",
      ],
    },
    learningSummary: "Red bags are used for most transfers and residents go home sooner.",
  },
  // ─── Local priorities ─────────────────────────────────────────────────────
  {
    key: "news2-sepsis",
    national: null,
    local: "deterioration-sepsis",
    pathway: ["admission", "inpatient-ward"],
    orgTypes: ["ACUTE_TRUST", "AMBULANCE_SERVICE"],
    wards: ["the emergency department", "the acute medical unit", "Ward 8 (respiratory)", "Maple Ward (surgery)"],
    titles: [
      "Recognising and responding to deterioration: NEWS2 at {site}",
      "Sepsis within the hour at {site}",
      "Escalate early: deteriorating patients at {site}",
    ],
    problem:
      "Reviews of patients who had a cardiac arrest or an unplanned admission to intensive care at {site} often found a rising early warning score hours beforehand that was not escalated. Patients with sepsis were waiting too long for antibiotics: only about 60% received them within an hour of being identified.",
    aimWhat: "Recognise and respond to deteriorating patients reliably, including sepsis",
    aimHowMuch:
      "90% of patients with a NEWS2 of 5 or more reviewed within 1 hour, and 90% of patients with red-flag sepsis given antibiotics within 1 hour",
    drivers: [
      {
        text: "Deterioration is recognised",
        secondary: ["NEWS2 observations at the right frequency", "Patients' and families' concerns listened to"],
      },
      {
        text: "Escalation is reliable",
        secondary: ["SBAR escalation to a named responder", "Automatic alert to the outreach team"],
      },
      { text: "Treatment is timely", secondary: ["Sepsis Six within the hour", "Sepsis grab bags with antibiotics"] },
    ],
    changeIdeas: [
      {
        title: "Sepsis grab bags in every clinical area",
        description:
          "Bags with blood culture bottles, cannulas, fluids and first-dose antibiotics, restocked by pharmacy.",
        driver: [2, 1],
      },
      {
        title: "Automatic outreach alert at NEWS2 of 7",
        description: "The electronic observations system pages the critical care outreach team directly.",
        driver: [1, 1],
      },
      {
        title: '"Worried about your relative?" family escalation',
        description:
          "A poster and phone line so families can ask for a review if they think their relative is getting worse (Martha's Rule).",
        driver: [0, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Sepsis grab bags in {ward}",
        plan: "Stock five grab bags in {ward} for a month and time antibiotics for every red-flag sepsis patient.",
        prediction: "80% will get antibiotics within the hour.",
        doNotes: "Bags used 17 times; restocking was slow at first.",
        study: "82% received antibiotics within the hour, up from 58%.",
        act: "ADAPT",
        actNotes: "Pharmacy to restock daily; add bags to the acute medical unit.",
      },
      {
        idea: 1,
        title: "Automatic outreach alert on two wards",
        plan: "Switch on automatic paging of outreach at NEWS2 of 7 or more on two wards.",
        prediction: "Time to senior review will fall below 30 minutes.",
        doNotes: "Outreach received 46 alerts; 6 were for patients already on an end-of-life plan.",
        study: "Median time to review 18 minutes. End-of-life patients need excluding.",
        act: "ADOPT",
        actNotes: "Adopted with an exclusion for patients with a documented ceiling of care.",
      },
      {
        idea: 2,
        title: "Family escalation posters and phone line",
        plan: "Put up posters with the outreach phone number on two wards for six weeks.",
        prediction: "A few calls a month, most leading to a useful review.",
        doNotes: "9 calls in six weeks.",
        study: "Six calls led to a change in treatment. Families appreciated being listened to.",
        act: "ADOPT",
        actNotes: "Rolled out trust-wide as part of Martha's Rule.",
      },
    ],
    measures: [
      {
        name: "% of patients with red-flag sepsis given antibiotics within 1 hour",
        kind: "PROCESS",
        definition:
          "Adult inpatients and ED patients meeting red-flag sepsis criteria who received IV antibiotics within 60 minutes.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [80, 120], before: 60, after: 87 },
        moves: true,
      },
      {
        name: "Cardiac arrest calls per 1,000 admissions",
        kind: "OUTCOME",
        definition: "Adult cardiac arrest team calls (excluding the emergency department) per 1,000 admissions.",
        unit: "per 1,000 admissions",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [4500, 5500], before: 1.9, after: 1.0, decimals: 2 },
        moves: true,
      },
      {
        name: "% of patients with NEWS2 ≥5 reviewed within 1 hour",
        kind: "PROCESS",
        definition: "From the electronic observations system.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [250, 350], before: 64, after: 84 },
        moves: true,
      },
      {
        name: "Outreach team calls per month",
        kind: "BALANCING",
        definition: "All calls to the critical care outreach team; watches workload.",
        unit: "calls",
        direction: "NEITHER",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 310, after: 355, sd: 14, decimals: 0 },
        moves: true,
      },
    ],
    teamRoles: [
      "Critical care outreach lead, project lead",
      "Sepsis nurse",
      "Consultant in emergency medicine",
      "Pharmacy technician",
      "Patient partner (sepsis survivor)",
    ],
    learning: {
      title: "Sepsis grab bags restocked daily by pharmacy",
      summary:
        "Grab bags with first-dose antibiotics in every clinical area, restocked daily by pharmacy, lifted antibiotics within the hour from 60% to nearly 90%.",
      tags: ["deterioration", "sepsis", "NEWS2", "Martha's Rule", "antibiotics"],
      tips: [
        "Agree daily restocking with pharmacy before you start.",
        "Exclude patients with a documented ceiling of care from automatic alerts.",
        "Families spot deterioration early: give them a way to ask for a review.",
      ],
    },
    learningSummary: "Antibiotics within the hour are now the norm and cardiac arrest calls have fallen.",
  },
  {
    key: "maternity",
    national: null,
    local: "maternity",
    pathway: ["admission", "inpatient-ward"],
    orgTypes: ["ACUTE_TRUST", "PATIENT_GROUP"],
    wards: ["the labour ward", "the maternity unit", "the birth centre"],
    titles: [
      "Avoiding term admissions into neonatal units (ATAIN) at {site}",
      "Fresh eyes: safer fetal monitoring in labour at {site}",
    ],
    problem:
      "About 6.5% of babies born at term at {site} were admitted to the neonatal unit, separating them from their parents. Reviews showed that some admissions could have been avoided — for example low blood sugar or low temperature that could have been prevented with skin-to-skin contact and early feeding — and that abnormal heart rate patterns in labour were sometimes recognised late.",
    aimWhat: "Reduce avoidable term admissions to the neonatal unit",
    aimHowMuch: "From 6.5% to below 5% of term births",
    drivers: [
      {
        text: "Babies stay warm and well fed",
        secondary: ["Skin-to-skin contact after birth", "Early feeding for babies at risk of low blood sugar"],
      },
      {
        text: "Problems in labour are spotted early",
        secondary: ["Hourly 'fresh eyes' review of CTG", "Escalation using a structured tool"],
      },
      {
        text: "Transitional care keeps mothers and babies together",
        secondary: ["Transitional care on the postnatal ward"],
      },
    ],
    changeIdeas: [
      {
        title: "Hourly fresh-eyes CTG review",
        description: "A second midwife or doctor reviews the CTG every hour using a structured sticker.",
        driver: [1, 0],
      },
      {
        title: "Warm baby bundle",
        description: "Hat, skin-to-skin and temperature check within the first hour for all babies.",
        driver: [0, 0],
      },
      {
        title: "Transitional care for babies needing extra support",
        description: "Babies needing antibiotics or blood sugar monitoring stay with their mother.",
        driver: [2, 0],
      },
    ],
    pdsa: [
      {
        idea: 1,
        title: "Warm baby bundle on {ward}",
        plan: "Introduce the bundle for all births on {ward} for a month.",
        prediction: "Admissions for low temperature will halve.",
        doNotes: "Hats stocked in every birth room; partners helped with skin-to-skin.",
        study: "Only one admission for low temperature, against five the month before.",
        act: "ADOPT",
        actNotes: "Adopted across all birth settings.",
      },
      {
        idea: 0,
        title: "Fresh eyes sticker every hour",
        plan: "Use a structured fresh-eyes sticker every hour on {ward} for six weeks.",
        prediction: "Compliance above 85%.",
        doNotes: "Harder to achieve when the ward was at full capacity.",
        study:
          "Compliance 81%; the reviewers found two traces needing escalation that might otherwise have been missed.",
        act: "ADAPT",
        actNotes: "Coordinator to allocate fresh-eyes buddies at the start of each shift.",
      },
      {
        idea: 2,
        title: "Transitional care beds",
        plan: "Open four transitional care beds on the postnatal ward.",
        prediction: "Fewer babies admitted for antibiotics alone.",
        doNotes: "Neonatal nurses supported the postnatal team.",
        study: "Admissions for antibiotics alone fell from 7 to 2 a month.",
        act: "ADOPT",
        actNotes: "Transitional care made permanent.",
      },
    ],
    measures: [
      {
        name: "Term admissions to the neonatal unit (% of term births)",
        kind: "OUTCOME",
        definition: "Babies born at 37 weeks or more admitted to the neonatal unit, as a percentage of term births.",
        unit: "%",
        direction: "DECREASE",
        target: 5,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [380, 460], before: 6.6, after: 4.6 },
        moves: true,
      },
      {
        name: "% of hourly fresh-eyes CTG reviews completed",
        kind: "PROCESS",
        definition: "From a monthly audit of 20 sets of notes for women with continuous monitoring.",
        unit: "%",
        direction: "INCREASE",
        target: 90,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [80, 120], before: 58, after: 88 },
        moves: true,
      },
      {
        name: "Postpartum haemorrhage of 1.5 litres or more per 1,000 births",
        kind: "BALANCING",
        definition: "Watches overall safety of the maternity pathway.",
        unit: "per 1,000 births",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [400, 480], before: 31, after: 31, decimals: 1 },
        moves: false,
      },
    ],
    teamRoles: [
      "Consultant midwife, project lead",
      "Consultant neonatologist",
      "Obstetric registrar",
      "Maternity Voices Partnership chair",
    ],
    learning: {
      title: "Warm baby bundle: hats, skin-to-skin and an early temperature check",
      summary:
        "A simple warm baby bundle nearly eliminated admissions for low temperature and, with transitional care, brought term admissions to the neonatal unit below 5%.",
      tags: ["maternity", "neonatal", "ATAIN", "skin-to-skin", "CTG"],
      tips: [
        "Stock hats in every birth room, not in a cupboard down the corridor.",
        "Involve birth partners in skin-to-skin.",
        "Transitional care needs neonatal nurses to support the postnatal team at first.",
      ],
    },
    learningSummary: "Term admissions to the neonatal unit fell below 5%.",
  },
  {
    key: "mh-restrictive",
    national: null,
    local: "mental-health-inpatients",
    pathway: ["inpatient-ward"],
    orgTypes: ["MENTAL_HEALTH_TRUST", "PATIENT_GROUP"],
    wards: ["Lavender Ward (acute adult)", "Orchard Ward (psychiatric intensive care)", "Brook Ward (acute adult)"],
    titles: [
      "Safewards: reducing restrictive practice at {site}",
      "Calmer wards: less restraint on acute mental health wards ({site})",
      "Reducing restraint through safety huddles at {site}",
    ],
    problem:
      "Restraint is frightening and can be harmful for patients and staff. On our acute mental health wards at {site}, restraint was used around 28 times per 1,000 occupied bed days, often in the evenings and around medication rounds and leave decisions. Patients told us they did not always know why decisions were made and felt they were not listened to.",
    aimWhat: "Reduce the use of physical restraint on acute adult mental health wards",
    aimHowMuch: "By a third within 18 months, without more assaults on staff",
    drivers: [
      {
        text: "Flashpoints are predicted and calmed",
        secondary: ["Twice-daily safety huddles", "Safewards interventions: calm down methods, talk down"],
      },
      {
        text: "Patients have a say",
        secondary: ["Mutual expectations agreed with patients", "Positive words at handover"],
      },
    ],
    changeIdeas: [
      {
        title: "Twice-daily safety huddle",
        description: "A 10-minute huddle at 9am and 7pm predicting who may become distressed and planning support.",
        driver: [0, 0],
      },
      {
        title: "Safewards 'mutual expectations'",
        description: "Patients and staff agree and display shared expectations on each ward.",
        driver: [1, 0],
      },
      {
        title: "'Know each other' boards",
        description: "Staff and patients share something about themselves on a board in the day room.",
        driver: [1, 1],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "Evening safety huddle on {ward}",
        plan: "Hold a 10-minute huddle at 7pm on {ward} for three weeks.",
        prediction: "Evening restraints will fall.",
        doNotes: "Huddle held on 19 of 21 evenings.",
        study: "Evening restraints fell from 11 to 5.",
        act: "ADAPT",
        actNotes: "Add a morning huddle and include leave decisions.",
      },
      {
        idea: 0,
        title: "Twice-daily huddles on two wards",
        plan: "Morning and evening huddles on two wards for two months, including patients' planned leave.",
        prediction: "Restraint will fall by a quarter.",
        doNotes: "Huddles became routine quickly.",
        study: "Restraint fell by 30% across the two wards with no rise in assaults.",
        act: "ADOPT",
        actNotes: "Adopted on all acute wards.",
      },
      {
        idea: 1,
        title: "Mutual expectations with the patient community meeting",
        plan: "Agree mutual expectations at the community meeting and display them.",
        prediction: "Patients will feel more involved.",
        doNotes: "Patients wrote the first draft themselves.",
        study: "Patient survey: 'I feel listened to' rose from 48% to 71%.",
        act: "ADOPT",
        actNotes: "Refreshed at every monthly community meeting.",
      },
    ],
    measures: [
      {
        name: "Physical restraint episodes per 1,000 occupied bed days",
        kind: "OUTCOME",
        definition:
          "Episodes of physical restraint recorded on the incident system for the project wards, per 1,000 occupied bed days.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        target: 18,
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [1700, 2000], before: 28, after: 18, decimals: 1 },
        moves: true,
      },
      {
        name: "% of shifts with a safety huddle",
        kind: "PROCESS",
        definition: "Day and evening shifts where a safety huddle was recorded.",
        unit: "%",
        direction: "INCREASE",
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [110, 124], before: 15, after: 88 },
        moves: true,
      },
      {
        name: "Assaults on staff per 1,000 occupied bed days",
        kind: "BALANCING",
        definition: "Checks that reducing restraint does not make wards less safe for staff.",
        unit: `per 1,000 ${OBD}`,
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [1700, 2000], before: 9, after: 9, decimals: 1 },
        moves: false,
      },
    ],
    teamRoles: [
      "Ward manager, project lead",
      "Consultant psychiatrist",
      "Occupational therapist",
      "Peer support worker",
      "Expert by experience",
    ],
    learning: {
      title: "Twice-daily safety huddles on mental health wards",
      summary:
        "Ten-minute safety huddles at 9am and 7pm, planning around leave decisions and known flashpoints, cut restraint by about a third with no rise in assaults on staff.",
      tags: ["mental health", "restrictive practice", "Safewards", "safety huddle"],
      tips: [
        "Start with the evening: that is when most incidents happened for us.",
        "Include planned leave in the huddle.",
        "Let patients write the mutual expectations.",
      ],
    },
    learningSummary: "Restraint fell by about a third on acute wards.",
  },
  {
    key: "restore2",
    national: null,
    local: "care-home-deterioration",
    alsoNational: "transfers-discharge",
    pathway: ["care-home", "primary-care"],
    orgTypes: ["CARE_HOME", "COMMUNITY_SERVICE", "GP_PRACTICE", "AMBULANCE_SERVICE"],
    wards: ["the nursing unit", "the residential unit"],
    titles: ["RESTORE2 and soft signs in care homes", "Spotting deterioration early in care homes with RESTORE2"],
    problem:
      "Care home residents who become unwell are often not recognised until they are very sick, leading to emergency ambulance calls and admissions that might have been avoided. Care staff notice 'soft signs' — a resident being more sleepy, off their food, or not themselves — but had no shared way to describe or act on them.",
    aimWhat: "Help care home staff recognise and act on early signs of deterioration",
    aimHowMuch: "Every partner home using RESTORE2, and emergency admissions from partner homes down by 20%",
    drivers: [
      {
        text: "Soft signs are noticed and recorded",
        secondary: ["Soft signs training for carers", "Baseline observations for every resident"],
      },
      {
        text: "Concerns are communicated clearly",
        secondary: ["SBARD when calling for help", "A single number for clinical advice"],
      },
    ],
    changeIdeas: [
      {
        title: "RESTORE2 training and baseline observations",
        description: "Training for staff, equipment for observations, and a baseline set recorded for every resident.",
        driver: [0, 1],
      },
      {
        title: "SBARD phone script by every phone",
        description: "Situation, Background, Assessment, Recommendation, Decision — a card by every phone.",
        driver: [1, 0],
      },
    ],
    pdsa: [
      {
        idea: 0,
        title: "RESTORE2 at {carehome}",
        plan: "Train staff at {carehome} and record baseline observations for all residents over a month.",
        prediction: "Staff will escalate earlier, before residents need 999.",
        doNotes: "Observation kit provided. Some staff were anxious about taking observations.",
        study: "Escalations to the GP rose; 999 calls fell from 6 to 3.",
        act: "ADOPT",
        actNotes: "Spread to all partner homes with a buddy from {carehome}.",
      },
      {
        idea: 1,
        title: "SBARD card by every phone",
        plan: "Place SBARD cards by phones in four homes.",
        prediction: "GPs and 111 will rate calls as clearer.",
        doNotes: "Cards laminated and fixed by phones.",
        study: "GP practices reported calls were clearer and quicker.",
        act: "ADOPT",
        actNotes: "Included in the RESTORE2 pack.",
      },
    ],
    measures: [
      {
        name: "Emergency admissions from partner care homes per 1,000 residents",
        kind: "OUTCOME",
        definition: "Emergency admissions of partner home residents per 1,000 residents per month.",
        unit: "per 1,000 residents",
        direction: "DECREASE",
        valueType: "RATE",
        rateMultiplier: 1000,
        series: { kind: "rate", denominator: [900, 1000], before: 38, after: 28, decimals: 1 },
        moves: true,
      },
      {
        name: "% of residents with baseline observations recorded",
        kind: "PROCESS",
        definition: "From the homes' records on the audit day.",
        unit: "%",
        direction: "INCREASE",
        target: 95,
        valueType: "RATE",
        rateMultiplier: 100,
        series: { kind: "percent", sample: [200, 240], before: 12, after: 86 },
        moves: true,
      },
      {
        name: "Calls from care homes to GP practices",
        kind: "BALANCING",
        definition: "Calls for clinical advice; we expect a rise and want to keep it manageable.",
        unit: "calls",
        direction: "NEITHER",
        valueType: "NUMBER",
        rateMultiplier: 1,
        series: { kind: "number", before: 55, after: 68, sd: 5, decimals: 0 },
        moves: true,
      },
    ],
    teamRoles: [
      "Care home support nurse, project lead",
      "GP lead for care homes",
      "Paramedic practitioner",
      "Registered manager",
      "Relative, patient partner",
    ],
    learning: {
      title: "RESTORE2: soft signs and baseline observations in care homes",
      summary:
        "Training care staff to notice soft signs, record baseline observations and call using SBARD reduced emergency admissions from partner homes by about a quarter.",
      tags: ["deterioration", "care homes", "RESTORE2", "soft signs", "SBARD"],
      tips: [
        "Record a baseline for every resident when they are well.",
        "Pair a confident home with a new one.",
        "Expect more calls to GPs at first, and plan for it.",
      ],
    },
    learningSummary: "Emergency admissions from partner homes fell by about a quarter.",
  },
];

export const TEMPLATE_BY_KEY = new Map(PROJECT_TEMPLATES.map((t) => [t.key, t]));

/** Each collaborative's projects: template, lifecycle status and visibility. */
export type PlannedProject = { template: string; status: ProjectStatus; visibility: Visibility };

export const PROJECT_PLAN: Record<string, PlannedProject[]> = {
  "north-east-north-cumbria": [
    { template: "restore2", status: "SPREADING", visibility: "PUBLIC" },
    { template: "falls-care-home", status: "IMPLEMENTING", visibility: "PORTAL" },
    { template: "red-bag", status: "PLANNING", visibility: "PORTAL" },
  ],
  "north-west-coast": [
    { template: "falls-acute", status: "SUSTAINING", visibility: "PUBLIC" },
    { template: "cauti", status: "TESTING", visibility: "PORTAL" },
    { template: "news2-sepsis", status: "IMPLEMENTING", visibility: "PORTAL" },
  ],
  "greater-manchester": [
    { template: "delayed-transfers", status: "TESTING", visibility: "PORTAL" },
    { template: "discharge-meds", status: "SPREADING", visibility: "PORTAL" },
    { template: "mh-restrictive", status: "IDEA", visibility: "DRAFT" },
  ],
  "yorkshire-humber": [
    { template: "falls-acute", status: "IMPLEMENTING", visibility: "PORTAL" },
    { template: "pu-acute", status: "CLOSED", visibility: "PUBLIC" },
    { template: "news2-sepsis", status: "TESTING", visibility: "PORTAL" },
  ],
  "east-midlands": [
    { template: "falls-lsbp", status: "SUSTAINING", visibility: "PORTAL" },
    { template: "omitted-meds", status: "SPREADING", visibility: "PUBLIC" },
    { template: "mh-restrictive", status: "PLANNING", visibility: "PORTAL" },
  ],
  "west-midlands": [
    { template: "pu-acute", status: "TESTING", visibility: "PORTAL" },
    { template: "ssi-ortho", status: "SUSTAINING", visibility: "PORTAL" },
    { template: "insulin", status: "IMPLEMENTING", visibility: "PORTAL" },
  ],
  eastern: [
    { template: "falls-care-home", status: "PLANNING", visibility: "PORTAL" },
    { template: "hydration-uti", status: "CLOSED", visibility: "PUBLIC" },
    { template: "care-home-meds", status: "IMPLEMENTING", visibility: "PORTAL" },
  ],
  oxford: [
    { template: "news2-sepsis", status: "SPREADING", visibility: "PUBLIC" },
    { template: "maternity", status: "IMPLEMENTING", visibility: "PORTAL" },
    { template: "omitted-meds", status: "TESTING", visibility: "PORTAL" },
  ],
  "west-of-england": [
    { template: "delayed-transfers", status: "SUSTAINING", visibility: "PORTAL" },
    { template: "discharge-summaries", status: "IMPLEMENTING", visibility: "PORTAL" },
    { template: "falls-acute", status: "IDEA", visibility: "DRAFT" },
  ],
  wessex: [
    { template: "falls-acute", status: "SPREADING", visibility: "PUBLIC" },
    { template: "pu-community", status: "IMPLEMENTING", visibility: "PORTAL" },
    { template: "discharge-meds", status: "TESTING", visibility: "PORTAL" },
    { template: "discharge-summaries", status: "PLANNING", visibility: "DRAFT" },
  ],
  "south-west": [
    { template: "falls-care-home", status: "SUSTAINING", visibility: "PORTAL" },
    { template: "pu-community", status: "TESTING", visibility: "PORTAL" },
    { template: "restore2", status: "PLANNING", visibility: "PORTAL" },
  ],
  "kent-surrey-sussex": [
    { template: "news2-sepsis", status: "CLOSED", visibility: "PORTAL" },
    { template: "insulin", status: "TESTING", visibility: "PORTAL" },
    { template: "red-bag", status: "SPREADING", visibility: "PORTAL" },
  ],
  "south-london": [
    { template: "discharge-summaries", status: "SPREADING", visibility: "PORTAL" },
    { template: "pu-acute", status: "IMPLEMENTING", visibility: "PORTAL" },
    { template: "maternity", status: "TESTING", visibility: "PORTAL" },
  ],
  "north-west-london": [
    { template: "ssi-ortho", status: "TESTING", visibility: "PORTAL" },
    { template: "omitted-meds", status: "IMPLEMENTING", visibility: "PORTAL" },
    { template: "delayed-transfers", status: "IDEA", visibility: "DRAFT" },
  ],
  uclpartners: [
    { template: "mh-restrictive", status: "SUSTAINING", visibility: "PUBLIC" },
    { template: "cauti", status: "CLOSED", visibility: "PORTAL" },
    { template: "falls-lsbp", status: "TESTING", visibility: "PORTAL" },
  ],
};
