/**
 * Demo people and places: each collaborative's member organisations, its lead and staff member,
 * a few extra members, and its local priorities. Names are invented; organisation names are
 * plausible for the region and ODS codes follow the real formats (trusts R + 2 characters,
 * GP practices a letter and 5 digits, care homes VM + 3 digits) without claiming to be real.
 */
import type { OrganisationType } from "@/lib/generated/prisma/enums";

export type OrganisationSeed = { name: string; short: string; type: OrganisationType; odsCode: string | null };

export type PersonSeed = { name: string; jobTitle: string; org: number };

export type ExtraMemberSeed = {
  email: string;
  name: string;
  role: "STAFF" | "PATIENT";
  jobTitle: string | null;
  org: number | null;
  pending?: boolean;
};

export type CollaborativePeople = {
  organisations: OrganisationSeed[];
  lead: { name: string; jobTitle: string };
  staff: PersonSeed;
  extras: ExtraMemberSeed[];
  /** Keys into LOCAL_PRIORITY_LIBRARY. */
  localPriorities: LocalPriorityKey[];
};

export type LocalPriorityKey =
  | "deterioration-sepsis"
  | "maternity"
  | "mental-health-inpatients"
  | "safety-culture"
  | "care-home-deterioration"
  | "dementia"
  | "learning-disabilities";

export const LOCAL_PRIORITY_LIBRARY: Record<LocalPriorityKey, { name: string; description: string }> = {
  "deterioration-sepsis": {
    name: "Deterioration and sepsis",
    description:
      "Spotting early when a patient is getting worse, acting quickly, and treating sepsis within the hour. We use the National Early Warning Score (NEWS2) in hospitals and the ambulance service, and clear escalation plans on every ward.",
  },
  maternity: {
    name: "Safer maternity care",
    description:
      "Reducing avoidable harm to mothers and babies: fewer term babies admitted to the neonatal unit, safer monitoring of babies' heart rates in labour, and quicker help when bleeding after birth is heavy.",
  },
  "mental-health-inpatients": {
    name: "Mental health inpatient safety",
    description:
      "Making mental health wards safer and calmer for patients and staff: less use of restraint and seclusion, better physical health checks, and safety plans written with patients and families.",
  },
  "safety-culture": {
    name: "Safety culture and leadership",
    description:
      "Helping teams feel safe to speak up, learn from incidents without blame, and hold regular safety huddles. We measure culture with staff surveys and support leaders to act on what they hear.",
  },
  "care-home-deterioration": {
    name: "Recognising deterioration in care homes",
    description:
      "Helping care home staff notice the soft signs that a resident is becoming unwell, take a set of observations, and get the right help early, so fewer residents need an emergency trip to hospital.",
  },
  dementia: {
    name: "Safer care for people with dementia",
    description:
      "People with dementia are more likely to fall, become delirious or lose weight in hospital. We work with families and carers to share what matters to each person and keep them safe and settled.",
  },
  "learning-disabilities": {
    name: "Safer care for people with a learning disability",
    description:
      "People with a learning disability die younger, often from causes that could be prevented. We focus on reasonable adjustments, hospital passports and spotting deterioration early, working with self-advocacy groups.",
  },
};

export const PEOPLE: Record<string, CollaborativePeople> = {
  "north-east-north-cumbria": {
    organisations: [
      {
        name: "Newcastle upon Tyne Hospitals NHS Foundation Trust",
        short: "Newcastle Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RTD",
      },
      {
        name: "Northumbria Healthcare NHS Foundation Trust",
        short: "Northumbria Healthcare",
        type: "ACUTE_TRUST",
        odsCode: "RTF",
      },
      {
        name: "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust",
        short: "CNTW",
        type: "MENTAL_HEALTH_TRUST",
        odsCode: "RX4",
      },
      {
        name: "North East Ambulance Service NHS Foundation Trust",
        short: "North East Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RX6",
      },
      { name: "Elmfield Court Care Home", short: "Elmfield Court", type: "CARE_HOME", odsCode: "VM101" },
      { name: "Saltwell Medical Group", short: "Saltwell Medical Group", type: "GP_PRACTICE", odsCode: "A86013" },
      {
        name: "Gateshead Council Adult Social Care",
        short: "Gateshead Council",
        type: "LOCAL_AUTHORITY",
        odsCode: null,
      },
    ],
    lead: { name: "Helen Armstrong", jobTitle: "Patient Safety Programme Lead" },
    staff: { name: "Lisa Robson", jobTitle: "Care Home Liaison Nurse", org: 1 },
    extras: [],
    localPriorities: ["care-home-deterioration", "safety-culture"],
  },
  "north-west-coast": {
    organisations: [
      {
        name: "Lancashire Teaching Hospitals NHS Foundation Trust",
        short: "Lancashire Teaching Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RXN",
      },
      {
        name: "Liverpool University Hospitals NHS Foundation Trust",
        short: "Liverpool University Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "REM",
      },
      { name: "Mersey Care NHS Foundation Trust", short: "Mersey Care", type: "MENTAL_HEALTH_TRUST", odsCode: "RW4" },
      {
        name: "North West Ambulance Service NHS Trust",
        short: "North West Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RX7",
      },
      { name: "Ribblesdale House Nursing Home", short: "Ribblesdale House", type: "CARE_HOME", odsCode: "VM102" },
      { name: "Fulwood Green Surgery", short: "Fulwood Green Surgery", type: "GP_PRACTICE", odsCode: "P81046" },
    ],
    lead: { name: "Gareth Lloyd", jobTitle: "Head of Patient Safety" },
    staff: { name: "Nicola Parkinson", jobTitle: "Sepsis Practitioner", org: 0 },
    extras: [],
    localPriorities: ["deterioration-sepsis"],
  },
  "greater-manchester": {
    organisations: [
      {
        name: "Manchester University NHS Foundation Trust",
        short: "Manchester University",
        type: "ACUTE_TRUST",
        odsCode: "R0A",
      },
      {
        name: "Northern Care Alliance NHS Foundation Trust",
        short: "Northern Care Alliance",
        type: "ACUTE_TRUST",
        odsCode: "RM3",
      },
      {
        name: "Greater Manchester Mental Health NHS Foundation Trust",
        short: "GMMH",
        type: "MENTAL_HEALTH_TRUST",
        odsCode: "RXV",
      },
      { name: "Stockport Community Pharmacy Network", short: "Stockport pharmacies", type: "OTHER", odsCode: null },
      { name: "Irwell Vale Residential Home", short: "Irwell Vale", type: "CARE_HOME", odsCode: "VM103" },
      {
        name: "Cheetham Hill Medical Centre",
        short: "Cheetham Hill Medical Centre",
        type: "GP_PRACTICE",
        odsCode: "P84012",
      },
      {
        name: "Manchester City Council Adult Social Care",
        short: "Manchester City Council",
        type: "LOCAL_AUTHORITY",
        odsCode: null,
      },
      { name: "Greater Manchester Patient Voice", short: "GM Patient Voice", type: "PATIENT_GROUP", odsCode: null },
    ],
    lead: { name: "Priya Chaudhry", jobTitle: "Patient Safety Collaborative Lead" },
    staff: { name: "Joanne Whittaker", jobTitle: "Discharge Coordinator", org: 1 },
    extras: [
      {
        email: "kieran.doyle@demo.nhs.uk",
        name: "Kieran Doyle",
        role: "STAFF",
        jobTitle: "Ward Manager, Acute Mental Health",
        org: 2,
      },
      { email: "derek.ashworth@demo.nhs.uk", name: "Derek Ashworth", role: "PATIENT", jobTitle: null, org: null },
    ],
    localPriorities: ["mental-health-inpatients", "safety-culture", "learning-disabilities"],
  },
  "yorkshire-humber": {
    organisations: [
      {
        name: "Leeds Teaching Hospitals NHS Trust",
        short: "Leeds Teaching Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RR8",
      },
      {
        name: "Bradford Teaching Hospitals NHS Foundation Trust",
        short: "Bradford Teaching Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RAE",
      },
      {
        name: "Yorkshire Ambulance Service NHS Trust",
        short: "Yorkshire Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RX8",
      },
      {
        name: "Calderdale Community Nursing Service",
        short: "Calderdale community nursing",
        type: "COMMUNITY_SERVICE",
        odsCode: "RY6",
      },
      { name: "Moorview Lodge Care Home", short: "Moorview Lodge", type: "CARE_HOME", odsCode: "VM104" },
      {
        name: "Chapeltown Family Practice",
        short: "Chapeltown Family Practice",
        type: "GP_PRACTICE",
        odsCode: "B86044",
      },
      {
        name: "University of Leeds School of Healthcare",
        short: "University of Leeds",
        type: "UNIVERSITY",
        odsCode: null,
      },
    ],
    lead: { name: "Rachel Ackroyd", jobTitle: "Improvement Academy Programme Lead" },
    staff: { name: "Emma Holroyd", jobTitle: "Senior Sister, Elderly Medicine", org: 0 },
    extras: [
      {
        email: "imran.hussain@demo.nhs.uk",
        name: "Imran Hussain",
        role: "STAFF",
        jobTitle: "Tissue Viability Nurse Specialist",
        org: 1,
      },
      { email: "brian.sutcliffe@demo.nhs.uk", name: "Brian Sutcliffe", role: "PATIENT", jobTitle: null, org: null },
    ],
    localPriorities: ["deterioration-sepsis", "safety-culture"],
  },
  "east-midlands": {
    organisations: [
      {
        name: "Nottingham University Hospitals NHS Trust",
        short: "Nottingham University Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RX1",
      },
      {
        name: "University Hospitals of Derby and Burton NHS Foundation Trust",
        short: "Derby and Burton",
        type: "ACUTE_TRUST",
        odsCode: "RTG",
      },
      {
        name: "Nottinghamshire Healthcare NHS Foundation Trust",
        short: "Nottinghamshire Healthcare",
        type: "MENTAL_HEALTH_TRUST",
        odsCode: "RHA",
      },
      {
        name: "East Midlands Ambulance Service NHS Trust",
        short: "East Midlands Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RX9",
      },
      { name: "Trentside Manor Care Home", short: "Trentside Manor", type: "CARE_HOME", odsCode: "VM105" },
      { name: "Beeston Hill Surgery", short: "Beeston Hill Surgery", type: "GP_PRACTICE", odsCode: "C84077" },
    ],
    lead: { name: "Daniel Okafor", jobTitle: "Patient Safety Programme Manager" },
    staff: { name: "Sarah Whitehead", jobTitle: "Lead Pharmacist, Medicines Safety", org: 0 },
    extras: [],
    localPriorities: ["mental-health-inpatients"],
  },
  "west-midlands": {
    organisations: [
      {
        name: "University Hospitals Birmingham NHS Foundation Trust",
        short: "University Hospitals Birmingham",
        type: "ACUTE_TRUST",
        odsCode: "RRK",
      },
      { name: "The Royal Wolverhampton NHS Trust", short: "Royal Wolverhampton", type: "ACUTE_TRUST", odsCode: "RL4" },
      {
        name: "The Royal Orthopaedic Hospital NHS Foundation Trust",
        short: "Royal Orthopaedic Hospital",
        type: "ACUTE_TRUST",
        odsCode: "RRJ",
      },
      {
        name: "West Midlands Ambulance Service University NHS Foundation Trust",
        short: "West Midlands Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RYA",
      },
      { name: "Lickey Hills Nursing Home", short: "Lickey Hills", type: "CARE_HOME", odsCode: "VM106" },
      { name: "Sparkbrook Health Centre", short: "Sparkbrook Health Centre", type: "GP_PRACTICE", odsCode: "M85021" },
    ],
    lead: { name: "Sunita Rai", jobTitle: "Director of Patient Safety" },
    staff: { name: "Owen Price", jobTitle: "Diabetes Specialist Nurse", org: 1 },
    extras: [],
    localPriorities: ["safety-culture"],
  },
  eastern: {
    organisations: [
      {
        name: "Cambridge University Hospitals NHS Foundation Trust",
        short: "Cambridge University Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RGT",
      },
      {
        name: "Norfolk and Norwich University Hospitals NHS Foundation Trust",
        short: "Norfolk and Norwich",
        type: "ACUTE_TRUST",
        odsCode: "RM1",
      },
      {
        name: "East of England Ambulance Service NHS Trust",
        short: "East of England Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RYC",
      },
      { name: "Fenland View Care Home", short: "Fenland View", type: "CARE_HOME", odsCode: "VM107" },
      { name: "The Willows Residential Home", short: "The Willows", type: "CARE_HOME", odsCode: "VM108" },
      {
        name: "Wymondham Medical Partnership",
        short: "Wymondham Medical Partnership",
        type: "GP_PRACTICE",
        odsCode: "D82015",
      },
      {
        name: "Norfolk County Council Adult Social Services",
        short: "Norfolk County Council",
        type: "LOCAL_AUTHORITY",
        odsCode: null,
      },
    ],
    lead: { name: "Mark Pettitt", jobTitle: "Patient Safety Lead" },
    staff: { name: "Jade Cooper", jobTitle: "Care Home Manager", org: 3 },
    extras: [],
    localPriorities: ["care-home-deterioration"],
  },
  oxford: {
    organisations: [
      {
        name: "Oxford University Hospitals NHS Foundation Trust",
        short: "Oxford University Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RTH",
      },
      { name: "Royal Berkshire NHS Foundation Trust", short: "Royal Berkshire", type: "ACUTE_TRUST", odsCode: "RHW" },
      {
        name: "Buckinghamshire Healthcare NHS Trust",
        short: "Buckinghamshire Healthcare",
        type: "ACUTE_TRUST",
        odsCode: "RXQ",
      },
      {
        name: "South Central Ambulance Service NHS Foundation Trust",
        short: "South Central Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RYE",
      },
      { name: "Cherwell Meadows Care Home", short: "Cherwell Meadows", type: "CARE_HOME", odsCode: "VM109" },
      { name: "Jericho Health Centre", short: "Jericho Health Centre", type: "GP_PRACTICE", odsCode: "K84031" },
      {
        name: "Thames Valley Maternity Voices Partnership",
        short: "Maternity Voices",
        type: "PATIENT_GROUP",
        odsCode: null,
      },
    ],
    lead: { name: "Claire Whitworth", jobTitle: "Patient Safety Programme Director" },
    staff: { name: "Hannah Osei", jobTitle: "Consultant Midwife", org: 0 },
    extras: [],
    localPriorities: ["deterioration-sepsis", "maternity"],
  },
  "west-of-england": {
    organisations: [
      {
        name: "University Hospitals Bristol and Weston NHS Foundation Trust",
        short: "UH Bristol and Weston",
        type: "ACUTE_TRUST",
        odsCode: "RA7",
      },
      { name: "North Bristol NHS Trust", short: "North Bristol", type: "ACUTE_TRUST", odsCode: "RVJ" },
      {
        name: "Great Western Hospitals NHS Foundation Trust",
        short: "Great Western Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RN3",
      },
      { name: "Sirona Care and Health", short: "Sirona", type: "COMMUNITY_SERVICE", odsCode: "NLX" },
      { name: "Kingsweston Care Centre", short: "Kingsweston", type: "CARE_HOME", odsCode: "VM110" },
      { name: "Horfield Road Surgery", short: "Horfield Road Surgery", type: "GP_PRACTICE", odsCode: "L81062" },
    ],
    lead: { name: "Tom Harding", jobTitle: "Patient Safety Collaborative Manager" },
    staff: { name: "Rosie Llewellyn", jobTitle: "Discharge Improvement Lead", org: 1 },
    extras: [],
    localPriorities: [],
  },
  wessex: {
    organisations: [
      {
        name: "University Hospital Southampton NHS Foundation Trust",
        short: "University Hospital Southampton",
        type: "ACUTE_TRUST",
        odsCode: "RHM",
      },
      {
        name: "Portsmouth Hospitals University NHS Trust",
        short: "Portsmouth Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RHU",
      },
      {
        name: "University Hospitals Dorset NHS Foundation Trust",
        short: "University Hospitals Dorset",
        type: "ACUTE_TRUST",
        odsCode: "R0D",
      },
      { name: "Solent NHS Trust", short: "Solent", type: "COMMUNITY_SERVICE", odsCode: "R1C" },
      { name: "Isle of Wight NHS Trust", short: "Isle of Wight NHS Trust", type: "ACUTE_TRUST", odsCode: "R1F" },
      { name: "Bramblewood Nursing Home", short: "Bramblewood", type: "CARE_HOME", odsCode: "VM111" },
      { name: "Shirley Avenue Surgery", short: "Shirley Avenue Surgery", type: "GP_PRACTICE", odsCode: "J82024" },
      {
        name: "Wessex Patient and Carer Safety Forum",
        short: "Wessex Safety Forum",
        type: "PATIENT_GROUP",
        odsCode: null,
      },
    ],
    lead: { name: "Jo Fletcher", jobTitle: "Patient Safety Collaborative Lead" },
    staff: { name: "Ravi Nair", jobTitle: "Matron, Older People's Medicine", org: 0 },
    extras: [
      { email: "sam.okoro@demo.nhs.uk", name: "Sam Okoro", role: "STAFF", jobTitle: "Clinical Pharmacist", org: 1 },
      {
        email: "kate.barnes@demo.nhs.uk",
        name: "Kate Barnes",
        role: "STAFF",
        jobTitle: "District Nursing Team Leader",
        org: 3,
      },
      { email: "margaret.hill@demo.nhs.uk", name: "Margaret Hill", role: "PATIENT", jobTitle: null, org: null },
      {
        email: "anil.mehta@demo.nhs.uk",
        name: "Anil Mehta",
        role: "STAFF",
        jobTitle: "Physiotherapist",
        org: 2,
        pending: true,
      },
    ],
    localPriorities: ["dementia"],
  },
  "south-west": {
    organisations: [
      {
        name: "Royal Cornwall Hospitals NHS Trust",
        short: "Royal Cornwall Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "REF",
      },
      {
        name: "University Hospitals Plymouth NHS Trust",
        short: "University Hospitals Plymouth",
        type: "ACUTE_TRUST",
        odsCode: "RK9",
      },
      {
        name: "Cornwall Partnership NHS Foundation Trust",
        short: "Cornwall Partnership",
        type: "COMMUNITY_SERVICE",
        odsCode: "RJ8",
      },
      {
        name: "South Western Ambulance Service NHS Foundation Trust",
        short: "South Western Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RYF",
      },
      { name: "Trelawney House Care Home", short: "Trelawney House", type: "CARE_HOME", odsCode: "VM112" },
      { name: "Penryn Surgery", short: "Penryn Surgery", type: "GP_PRACTICE", odsCode: "L82044" },
    ],
    lead: { name: "Kerensa Pascoe", jobTitle: "Patient Safety Programme Lead" },
    staff: { name: "Tamsin Rowe", jobTitle: "Community Matron", org: 2 },
    extras: [],
    localPriorities: ["care-home-deterioration"],
  },
  "kent-surrey-sussex": {
    organisations: [
      {
        name: "East Kent Hospitals University NHS Foundation Trust",
        short: "East Kent Hospitals",
        type: "ACUTE_TRUST",
        odsCode: "RVV",
      },
      {
        name: "University Hospitals Sussex NHS Foundation Trust",
        short: "University Hospitals Sussex",
        type: "ACUTE_TRUST",
        odsCode: "RYR",
      },
      {
        name: "Surrey and Sussex Healthcare NHS Trust",
        short: "Surrey and Sussex Healthcare",
        type: "ACUTE_TRUST",
        odsCode: "RTP",
      },
      {
        name: "South East Coast Ambulance Service NHS Foundation Trust",
        short: "South East Coast Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RYD",
      },
      { name: "Downsview Care Home", short: "Downsview", type: "CARE_HOME", odsCode: "VM113" },
      { name: "Canterbury Road Surgery", short: "Canterbury Road Surgery", type: "GP_PRACTICE", odsCode: "G82087" },
    ],
    lead: { name: "Fiona McAllister", jobTitle: "Head of Patient Safety Improvement" },
    staff: { name: "Chris Wheeler", jobTitle: "Critical Care Outreach Nurse", org: 1 },
    extras: [],
    localPriorities: ["deterioration-sepsis"],
  },
  "south-london": {
    organisations: [
      {
        name: "Guy's and St Thomas' NHS Foundation Trust",
        short: "Guy's and St Thomas'",
        type: "ACUTE_TRUST",
        odsCode: "RJ1",
      },
      {
        name: "King's College Hospital NHS Foundation Trust",
        short: "King's College Hospital",
        type: "ACUTE_TRUST",
        odsCode: "RJZ",
      },
      {
        name: "St George's University Hospitals NHS Foundation Trust",
        short: "St George's",
        type: "ACUTE_TRUST",
        odsCode: "RJ7",
      },
      {
        name: "South London and Maudsley NHS Foundation Trust",
        short: "South London and Maudsley",
        type: "MENTAL_HEALTH_TRUST",
        odsCode: "RV5",
      },
      {
        name: "London Ambulance Service NHS Trust",
        short: "London Ambulance Service",
        type: "AMBULANCE_SERVICE",
        odsCode: "RRU",
      },
      {
        name: "Brixton Hill Group Practice",
        short: "Brixton Hill Group Practice",
        type: "GP_PRACTICE",
        odsCode: "G85013",
      },
      { name: "Peckham Rye Care Home", short: "Peckham Rye", type: "CARE_HOME", odsCode: "VM114" },
    ],
    lead: { name: "Adebayo Adeyemi", jobTitle: "Patient Safety Lead" },
    staff: { name: "Grace Mensah", jobTitle: "Matron, Maternity", org: 1 },
    extras: [
      {
        email: "aisha.rahman@demo.nhs.uk",
        name: "Aisha Rahman",
        role: "STAFF",
        jobTitle: "Tissue Viability Lead",
        org: 2,
      },
      { email: "tunde.bakare@demo.nhs.uk", name: "Tunde Bakare", role: "PATIENT", jobTitle: null, org: null },
    ],
    localPriorities: ["maternity", "learning-disabilities"],
  },
  "north-west-london": {
    organisations: [
      {
        name: "Imperial College Healthcare NHS Trust",
        short: "Imperial College Healthcare",
        type: "ACUTE_TRUST",
        odsCode: "RYJ",
      },
      {
        name: "Chelsea and Westminster Hospital NHS Foundation Trust",
        short: "Chelsea and Westminster",
        type: "ACUTE_TRUST",
        odsCode: "RQM",
      },
      {
        name: "London North West University Healthcare NHS Trust",
        short: "London North West",
        type: "ACUTE_TRUST",
        odsCode: "R1K",
      },
      {
        name: "Central London Community Healthcare NHS Trust",
        short: "CLCH",
        type: "COMMUNITY_SERVICE",
        odsCode: "RYX",
      },
      { name: "Harrow Weald Care Home", short: "Harrow Weald", type: "CARE_HOME", odsCode: "VM115" },
      {
        name: "Southall Broadway Medical Centre",
        short: "Southall Broadway Medical Centre",
        type: "GP_PRACTICE",
        odsCode: "E85054",
      },
    ],
    lead: { name: "Leila Haddad", jobTitle: "Patient Safety Programme Lead" },
    staff: { name: "James Whitfield", jobTitle: "Orthopaedic Surgical Site Surveillance Nurse", org: 1 },
    extras: [],
    localPriorities: [],
  },
  uclpartners: {
    organisations: [
      {
        name: "University College London Hospitals NHS Foundation Trust",
        short: "UCLH",
        type: "ACUTE_TRUST",
        odsCode: "RRV",
      },
      { name: "Barts Health NHS Trust", short: "Barts Health", type: "ACUTE_TRUST", odsCode: "R1H" },
      {
        name: "East London NHS Foundation Trust",
        short: "East London NHS Foundation Trust",
        type: "MENTAL_HEALTH_TRUST",
        odsCode: "RWK",
      },
      {
        name: "Hertfordshire Community NHS Trust",
        short: "Hertfordshire Community",
        type: "COMMUNITY_SERVICE",
        odsCode: "RY4",
      },
      { name: "Lea Valley Care Home", short: "Lea Valley", type: "CARE_HOME", odsCode: "VM116" },
      {
        name: "Hackney Downs Medical Practice",
        short: "Hackney Downs Medical Practice",
        type: "GP_PRACTICE",
        odsCode: "F84009",
      },
      { name: "Healthwatch Hackney", short: "Healthwatch Hackney", type: "PATIENT_GROUP", odsCode: null },
    ],
    lead: { name: "Ben Goldstein", jobTitle: "Associate Director, Patient Safety" },
    staff: { name: "Chioma Nwosu", jobTitle: "Ward Manager, Acute Psychiatry", org: 2 },
    extras: [],
    localPriorities: ["mental-health-inpatients", "safety-culture"],
  },
};

/** The demo patient: a Wessex member who raises concerns and votes on priorities. */
export const DEMO_PATIENT = { email: "patient@demo.nhs.uk", name: "Pat Jones" };
export const DEMO_ADMIN = { email: "admin@demo.nhs.uk", name: "Alex Morgan", title: "Portal administrator" };
export const DEMO_NATIONAL = {
  email: "national@demo.nhs.uk",
  name: "Dr Nadia Collins",
  title: "National Patient Safety Improvement Lead, NHS England",
};

/** Free-text names for project team members who are not portal users, and reporters' contact details. */
export const NAME_POOL: readonly string[] = [
  "Amira Khalil",
  "Ben Thornton",
  "Carys Morgan",
  "David Achterberg",
  "Ellen Fairbrother",
  "Farhan Siddiqui",
  "Gemma Lowther",
  "Harriet Blake",
  "Ifeoma Eze",
  "Jack Brennan",
  "Katie Moorhouse",
  "Liam O'Connell",
  "Mei Lin Chen",
  "Nathan Greaves",
  "Olivia Dunmore",
  "Patrick Quinlan",
  "Rebecca Stansfield",
  "Shanice Campbell",
  "Tariq Mahmood",
  "Ursula Jennings",
  "Victoria Hale",
  "William Okonjo",
  "Yasmin Begum",
  "Zoe Atherton",
  "Alan Pritchard",
  "Bernadette Kelly",
  "Colin Ramsbottom",
  "Deepa Patel",
  "Eilidh Fraser",
  "Graham Lister",
  "Hamza Ali",
  "Irene Castellano",
  "Joseph Adebayo",
  "Karen Hollis",
  "Lucy Tregear",
  "Marcus Bell",
  "Nia Hughes",
  "Oluwaseun Ajayi",
  "Paula Ridley",
  "Rosa Santos",
  "Stuart McBride",
  "Theresa Walsh",
];
