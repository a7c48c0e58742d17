/**
 * Reference data: the 15 collaboratives, postcode areas, national priority areas and pathway
 * stages. Runs in production too (`npm run db:seed -- --reference-only`), so everything here is an
 * idempotent upsert that never overwrites what people edit in the portal (descriptions, email
 * domains, acknowledgement and retention settings).
 *
 * Copied from the programme's reference tables so the product is self-contained.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { COLLABORATIVE_SLUGS, type CollaborativeSlug } from "./collaborative-slugs";
import { seedProjectTemplates } from "./project-templates";

export type CollaborativeRef = {
  slug: CollaborativeSlug;
  name: string;
  leadAhsn2014: string;
  nameSince2023: string;
  region: string;
  description: string;
};

export const COLLABORATIVES: readonly CollaborativeRef[] = [
  {
    slug: "north-east-north-cumbria",
    name: "North East and North Cumbria Patient Safety Collaborative",
    leadAhsn2014: "North East and North Cumbria AHSN",
    nameSince2023: "Health Innovation North East North Cumbria",
    region: "North East and North Cumbria",
    description:
      "We bring together hospitals, GP practices, care homes, the ambulance service, councils and patients from the Scottish border to North Yorkshire. Our area is large and partly rural, so much of our work is about safer care close to home: spotting when a care home resident is becoming unwell, and making sure information travels with people when they move between services.",
  },
  {
    slug: "north-west-coast",
    name: "North West Coast Patient Safety Collaborative",
    leadAhsn2014: "Innovation Agency (North West Coast AHSN)",
    nameSince2023: "Health Innovation North West Coast",
    region: "Lancashire, South Cumbria, Merseyside and Cheshire",
    description:
      "We work with NHS trusts, primary care, care homes and patient groups across Lancashire, South Cumbria, Merseyside and Cheshire. Patients and carers help us choose what to work on. Our teams test small changes on real wards and in real homes, share what works, and help other organisations to try the same changes.",
  },
  {
    slug: "greater-manchester",
    name: "Greater Manchester Patient Safety Collaborative",
    leadAhsn2014: "Greater Manchester AHSN",
    nameSince2023: "Health Innovation Manchester",
    region: "Greater Manchester",
    description:
      "We support health and care organisations across the ten Greater Manchester boroughs to make care safer. We focus on the points where people move between services, such as leaving hospital or moving into a care home, because that is where mistakes most often happen. Local people sit on our steering group and help set our priorities.",
  },
  {
    slug: "yorkshire-humber",
    name: "Yorkshire and Humber Patient Safety Collaborative",
    leadAhsn2014: "Yorkshire & Humber AHSN (with the Improvement Academy)",
    nameSince2023: "Health Innovation Yorkshire and Humber",
    region: "Yorkshire and the Humber",
    description:
      "Run with the Improvement Academy, we help frontline teams across Yorkshire and the Humber learn quality improvement by doing it. We train staff and patient partners in the Model for Improvement, coach project teams, and bring them together at regular learning events to compare results and swap ideas.",
  },
  {
    slug: "east-midlands",
    name: "East Midlands Patient Safety Collaborative",
    leadAhsn2014: "East Midlands AHSN",
    nameSince2023: "Health Innovation East Midlands",
    region: "East Midlands",
    description:
      "We connect hospitals, community services, GP practices and care homes in Derbyshire, Nottinghamshire, Leicestershire, Lincolnshire and Northamptonshire. Our work covers the whole patient journey, from the first call for help to going home, and we pay particular attention to the safety of older people and people with mental health needs.",
  },
  {
    slug: "west-midlands",
    name: "West Midlands Patient Safety Collaborative",
    leadAhsn2014: "West Midlands AHSN",
    nameSince2023: "Health Innovation West Midlands",
    region: "West Midlands",
    description:
      "We work with organisations across Birmingham, the Black Country, Coventry, Staffordshire, Shropshire, Herefordshire and Worcestershire. Together we look at safety data and what patients tell us, agree a small number of priorities, and support teams to test, measure and spread changes that reduce harm.",
  },
  {
    slug: "eastern",
    name: "Eastern Patient Safety Collaborative",
    leadAhsn2014: "Eastern AHSN",
    nameSince2023: "Health Innovation East",
    region: "East of England",
    description:
      "We cover Norfolk, Suffolk, Cambridgeshire, Peterborough and north Essex and Hertfordshire. Many of our members are small organisations such as care homes and GP practices, so we keep things practical: simple tools, short training sessions, and a network where staff can ask each other what has worked for them.",
  },
  {
    slug: "oxford",
    name: "Oxford Patient Safety Collaborative",
    leadAhsn2014: "Oxford AHSN",
    nameSince2023: "Health Innovation Oxford and Thames Valley",
    region: "Oxfordshire, Berkshire, Buckinghamshire, Milton Keynes and Bedford",
    description:
      "We bring together trusts, primary care and care providers across Oxfordshire, Berkshire, Buckinghamshire, Milton Keynes and Bedford. We are known for our work on recognising deterioration and on maternity safety, and we share our measures openly so that others can compare their results with ours.",
  },
  {
    slug: "west-of-england",
    name: "West of England Patient Safety Collaborative",
    leadAhsn2014: "West of England AHSN",
    nameSince2023: "Health Innovation West of England",
    region: "Bristol, Bath, Gloucestershire, Somerset (north), Swindon and Wiltshire",
    description:
      "We help health and care teams in Bristol, Bath, Gloucestershire, north Somerset, Swindon and Wiltshire to work together on safety. Our members include hospitals, the ambulance service, community teams, care homes and local councils, and our patient partners take part in every project from the start.",
  },
  {
    slug: "wessex",
    name: "Wessex Patient Safety Collaborative",
    leadAhsn2014: "Wessex AHSN",
    nameSince2023: "Health Innovation Wessex",
    region: "Hampshire, Isle of Wight, Dorset and south Wiltshire",
    description:
      "We work across Hampshire, the Isle of Wight, Dorset and south Wiltshire with hospitals, community and mental health services, GP practices and care homes. Patients and carers vote with staff on our local priorities each year, and we publish what we have learned so that anyone can use it.",
  },
  {
    slug: "south-west",
    name: "South West Patient Safety Collaborative",
    leadAhsn2014: "South West AHSN",
    nameSince2023: "Health Innovation South West",
    region: "Cornwall, Isles of Scilly, Devon and Somerset",
    description:
      "We support safer care across Cornwall, the Isles of Scilly, Devon and Somerset, where long distances and an older population shape what we do. We help care homes, community hospitals and acute trusts to prevent falls and pressure ulcers and to spot early when someone is becoming unwell.",
  },
  {
    slug: "kent-surrey-sussex",
    name: "Kent Surrey Sussex Patient Safety Collaborative",
    leadAhsn2014: "Kent Surrey Sussex AHSN",
    nameSince2023: "Health Innovation Kent Surrey Sussex",
    region: "Kent, Medway, Surrey and Sussex",
    description:
      "We bring together organisations across Kent, Medway, Surrey and Sussex to reduce avoidable harm. We run learning networks on deterioration, medicines safety and safer discharge, and we work closely with patient groups so that what we change makes sense to the people it is for.",
  },
  {
    slug: "south-london",
    name: "South London Patient Safety Collaborative",
    leadAhsn2014: "Health Innovation Network",
    nameSince2023: "Health Innovation Network South London",
    region: "South London (12 boroughs)",
    description:
      "We work across the 12 boroughs of south London with acute, mental health and community trusts, GP practices, care homes and councils. Our communities are diverse, and we make sure safety information and ways to raise a concern are easy to understand for everyone, including people who read English as a second language.",
  },
  {
    slug: "north-west-london",
    name: "North West London Patient Safety Collaborative",
    leadAhsn2014: "Imperial College Health Partners",
    nameSince2023: "Imperial College Health Partners",
    region: "North West London",
    description:
      "We help hospitals, GP practices, community services and care homes in north west London to test and spread changes that make care safer. We use shared data across the area to see where harm happens and to check whether the changes teams make are leading to real improvement.",
  },
  {
    slug: "uclpartners",
    name: "UCLPartners Patient Safety Collaborative",
    leadAhsn2014: "UCLPartners",
    nameSince2023: "UCLPartners",
    region:
      "North Central and North East London, south and west Hertfordshire, south Bedfordshire, south west and mid Essex",
    description:
      "We work with partners across north central and north east London, south and west Hertfordshire, south Bedfordshire and south west and mid Essex. We link frontline teams with academic experts and patient partners to improve safety for people with long-term conditions, older people and people using mental health services.",
  },
];

export type PostcodeAreaRef = {
  code: string;
  place: string;
  collaborative: CollaborativeSlug;
  alsoPossible: CollaborativeSlug[];
};

/** Each English postcode area and the collaborative it mostly falls in; alsoPossible is a guess to confirm. */
export const POSTCODE_AREAS: readonly PostcodeAreaRef[] = [
  { code: "NE", place: "Newcastle upon Tyne", collaborative: "north-east-north-cumbria", alsoPossible: [] },
  { code: "SR", place: "Sunderland", collaborative: "north-east-north-cumbria", alsoPossible: [] },
  { code: "DH", place: "Durham", collaborative: "north-east-north-cumbria", alsoPossible: [] },
  { code: "DL", place: "Darlington", collaborative: "north-east-north-cumbria", alsoPossible: ["yorkshire-humber"] },
  { code: "TS", place: "Cleveland", collaborative: "north-east-north-cumbria", alsoPossible: [] },
  { code: "CA", place: "Carlisle", collaborative: "north-east-north-cumbria", alsoPossible: ["north-west-coast"] },
  { code: "LA", place: "Lancaster", collaborative: "north-west-coast", alsoPossible: [] },
  { code: "PR", place: "Preston", collaborative: "north-west-coast", alsoPossible: [] },
  { code: "FY", place: "Blackpool", collaborative: "north-west-coast", alsoPossible: [] },
  { code: "BB", place: "Blackburn", collaborative: "north-west-coast", alsoPossible: [] },
  { code: "L", place: "Liverpool", collaborative: "north-west-coast", alsoPossible: [] },
  { code: "CH", place: "Chester", collaborative: "north-west-coast", alsoPossible: [] },
  { code: "CW", place: "Crewe", collaborative: "north-west-coast", alsoPossible: [] },
  { code: "WA", place: "Warrington", collaborative: "north-west-coast", alsoPossible: ["greater-manchester"] },
  { code: "M", place: "Manchester", collaborative: "greater-manchester", alsoPossible: [] },
  { code: "BL", place: "Bolton", collaborative: "greater-manchester", alsoPossible: [] },
  { code: "OL", place: "Oldham", collaborative: "greater-manchester", alsoPossible: [] },
  {
    code: "SK",
    place: "Stockport",
    collaborative: "greater-manchester",
    alsoPossible: ["north-west-coast", "east-midlands"],
  },
  { code: "WN", place: "Wigan", collaborative: "greater-manchester", alsoPossible: ["north-west-coast"] },
  { code: "LS", place: "Leeds", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "BD", place: "Bradford", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "HX", place: "Halifax", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "HD", place: "Huddersfield", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "WF", place: "Wakefield", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "HG", place: "Harrogate", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "YO", place: "York", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "HU", place: "Hull", collaborative: "yorkshire-humber", alsoPossible: [] },
  { code: "DN", place: "Doncaster", collaborative: "yorkshire-humber", alsoPossible: ["east-midlands"] },
  { code: "S", place: "Sheffield", collaborative: "yorkshire-humber", alsoPossible: ["east-midlands"] },
  { code: "NG", place: "Nottingham", collaborative: "east-midlands", alsoPossible: [] },
  { code: "DE", place: "Derby", collaborative: "east-midlands", alsoPossible: [] },
  { code: "LE", place: "Leicester", collaborative: "east-midlands", alsoPossible: [] },
  { code: "LN", place: "Lincoln", collaborative: "east-midlands", alsoPossible: [] },
  { code: "NN", place: "Northampton", collaborative: "east-midlands", alsoPossible: [] },
  { code: "B", place: "Birmingham", collaborative: "west-midlands", alsoPossible: [] },
  { code: "CV", place: "Coventry", collaborative: "west-midlands", alsoPossible: [] },
  { code: "WS", place: "Walsall", collaborative: "west-midlands", alsoPossible: [] },
  { code: "WV", place: "Wolverhampton", collaborative: "west-midlands", alsoPossible: [] },
  { code: "DY", place: "Dudley", collaborative: "west-midlands", alsoPossible: [] },
  { code: "ST", place: "Stoke-on-Trent", collaborative: "west-midlands", alsoPossible: [] },
  { code: "TF", place: "Telford", collaborative: "west-midlands", alsoPossible: [] },
  { code: "SY", place: "Shrewsbury", collaborative: "west-midlands", alsoPossible: [] },
  { code: "WR", place: "Worcester", collaborative: "west-midlands", alsoPossible: [] },
  { code: "HR", place: "Hereford", collaborative: "west-midlands", alsoPossible: [] },
  { code: "CB", place: "Cambridge", collaborative: "eastern", alsoPossible: [] },
  { code: "PE", place: "Peterborough", collaborative: "eastern", alsoPossible: ["east-midlands"] },
  { code: "NR", place: "Norwich", collaborative: "eastern", alsoPossible: [] },
  { code: "IP", place: "Ipswich", collaborative: "eastern", alsoPossible: [] },
  { code: "CO", place: "Colchester", collaborative: "eastern", alsoPossible: [] },
  { code: "SG", place: "Stevenage", collaborative: "eastern", alsoPossible: ["uclpartners"] },
  { code: "SS", place: "Southend-on-Sea", collaborative: "uclpartners", alsoPossible: ["eastern"] },
  { code: "CM", place: "Chelmsford", collaborative: "uclpartners", alsoPossible: ["eastern"] },
  { code: "LU", place: "Luton", collaborative: "uclpartners", alsoPossible: ["eastern"] },
  { code: "AL", place: "St Albans", collaborative: "uclpartners", alsoPossible: ["eastern"] },
  { code: "WD", place: "Watford", collaborative: "uclpartners", alsoPossible: [] },
  { code: "EN", place: "Enfield", collaborative: "uclpartners", alsoPossible: [] },
  { code: "N", place: "North London", collaborative: "uclpartners", alsoPossible: [] },
  { code: "E", place: "East London", collaborative: "uclpartners", alsoPossible: [] },
  { code: "EC", place: "East Central London", collaborative: "uclpartners", alsoPossible: [] },
  { code: "WC", place: "West Central London", collaborative: "uclpartners", alsoPossible: ["north-west-london"] },
  { code: "IG", place: "Ilford", collaborative: "uclpartners", alsoPossible: [] },
  { code: "RM", place: "Romford", collaborative: "uclpartners", alsoPossible: [] },
  { code: "NW", place: "North West London", collaborative: "north-west-london", alsoPossible: ["uclpartners"] },
  { code: "W", place: "West London", collaborative: "north-west-london", alsoPossible: [] },
  { code: "HA", place: "Harrow", collaborative: "north-west-london", alsoPossible: [] },
  { code: "UB", place: "Southall", collaborative: "north-west-london", alsoPossible: [] },
  {
    code: "TW",
    place: "Twickenham",
    collaborative: "north-west-london",
    alsoPossible: ["south-london", "kent-surrey-sussex"],
  },
  { code: "SE", place: "South East London", collaborative: "south-london", alsoPossible: [] },
  { code: "SW", place: "South West London", collaborative: "south-london", alsoPossible: [] },
  { code: "CR", place: "Croydon", collaborative: "south-london", alsoPossible: ["kent-surrey-sussex"] },
  { code: "BR", place: "Bromley", collaborative: "south-london", alsoPossible: ["kent-surrey-sussex"] },
  { code: "SM", place: "Sutton", collaborative: "south-london", alsoPossible: [] },
  { code: "KT", place: "Kingston upon Thames", collaborative: "south-london", alsoPossible: ["kent-surrey-sussex"] },
  { code: "DA", place: "Dartford", collaborative: "kent-surrey-sussex", alsoPossible: ["south-london"] },
  { code: "ME", place: "Medway", collaborative: "kent-surrey-sussex", alsoPossible: [] },
  { code: "CT", place: "Canterbury", collaborative: "kent-surrey-sussex", alsoPossible: [] },
  { code: "TN", place: "Tonbridge", collaborative: "kent-surrey-sussex", alsoPossible: [] },
  { code: "RH", place: "Redhill", collaborative: "kent-surrey-sussex", alsoPossible: [] },
  { code: "GU", place: "Guildford", collaborative: "kent-surrey-sussex", alsoPossible: ["wessex"] },
  { code: "BN", place: "Brighton", collaborative: "kent-surrey-sussex", alsoPossible: [] },
  { code: "OX", place: "Oxford", collaborative: "oxford", alsoPossible: [] },
  { code: "RG", place: "Reading", collaborative: "oxford", alsoPossible: ["wessex"] },
  { code: "SL", place: "Slough", collaborative: "oxford", alsoPossible: [] },
  { code: "HP", place: "Hemel Hempstead", collaborative: "oxford", alsoPossible: ["uclpartners"] },
  { code: "MK", place: "Milton Keynes", collaborative: "oxford", alsoPossible: [] },
  { code: "SO", place: "Southampton", collaborative: "wessex", alsoPossible: [] },
  { code: "PO", place: "Portsmouth", collaborative: "wessex", alsoPossible: ["kent-surrey-sussex"] },
  { code: "BH", place: "Bournemouth", collaborative: "wessex", alsoPossible: [] },
  { code: "DT", place: "Dorchester", collaborative: "wessex", alsoPossible: [] },
  { code: "SP", place: "Salisbury", collaborative: "wessex", alsoPossible: ["west-of-england"] },
  { code: "BS", place: "Bristol", collaborative: "west-of-england", alsoPossible: [] },
  { code: "BA", place: "Bath", collaborative: "west-of-england", alsoPossible: ["south-west"] },
  { code: "GL", place: "Gloucester", collaborative: "west-of-england", alsoPossible: [] },
  { code: "SN", place: "Swindon", collaborative: "west-of-england", alsoPossible: [] },
  { code: "TA", place: "Taunton", collaborative: "south-west", alsoPossible: [] },
  { code: "EX", place: "Exeter", collaborative: "south-west", alsoPossible: [] },
  { code: "TQ", place: "Torquay", collaborative: "south-west", alsoPossible: [] },
  { code: "PL", place: "Plymouth", collaborative: "south-west", alsoPossible: [] },
  { code: "TR", place: "Truro", collaborative: "south-west", alsoPossible: [] },
];

export type PriorityAreaRef = { slug: string; name: string; description: string };

/** The five national priority areas named at the programme's launch in October 2014. */
export const NATIONAL_PRIORITY_AREAS: readonly PriorityAreaRef[] = [
  {
    slug: "infections",
    name: "Healthcare-associated infections",
    description:
      "Infections that people pick up while receiving care, such as urinary infections from catheters, infections after surgery and bloodstream infections. Many can be prevented with good hygiene, careful use of devices and early treatment.",
  },
  {
    slug: "pressure-ulcers",
    name: "Pressure ulcers",
    description:
      "Damage to the skin and the tissue underneath caused by pressure, often over bony areas such as heels and hips. They can be painful and slow to heal. Regular skin checks, moving position and the right mattress prevent most of them.",
  },
  {
    slug: "medication-safety",
    name: "Medication safety",
    description:
      "Making sure people get the right medicine, at the right dose, at the right time, including when they move between hospital, home and care home. Missed doses of critical medicines and mix-ups at discharge are common causes of harm.",
  },
  {
    slug: "falls",
    name: "Falls",
    description:
      "Falls are the most common safety incident reported in hospitals and can lead to broken bones, head injuries and loss of confidence. Checking each person's risks and acting on them — medicines, eyesight, footwear, blood pressure — reduces falls with harm.",
  },
  {
    slug: "transfers-discharge",
    name: "Patient transfers and discharge",
    description:
      "Moving between wards, hospitals, care homes and home is when information is most easily lost. Safe transfers mean the right information, medicines and support travel with the person, and nobody stays in hospital longer than they need to.",
  },
];

export type PathwayStageRef = { slug: string; name: string; sortOrder: number };

/** Stages of the whole patient pathway, in the order a person usually meets them. */
export const PATHWAY_STAGES: readonly PathwayStageRef[] = [
  { slug: "admission", name: "Arriving at hospital (admission)", sortOrder: 10 },
  { slug: "inpatient-ward", name: "On a hospital ward", sortOrder: 20 },
  { slug: "theatre", name: "Surgery and theatres", sortOrder: 30 },
  { slug: "transfer", name: "Moving between wards or services", sortOrder: 40 },
  { slug: "discharge", name: "Leaving hospital (discharge)", sortOrder: 50 },
  { slug: "community-home", name: "At home, with community services", sortOrder: 60 },
  { slug: "care-home", name: "In a care home", sortOrder: 70 },
  { slug: "primary-care", name: "GP practice and community pharmacy", sortOrder: 80 },
];

// The slugs list (kept separately so the CLI can import it without this module) must match.
if (COLLABORATIVES.map((c) => c.slug).join() !== COLLABORATIVE_SLUGS.join()) {
  throw new Error("prisma/seed/collaborative-slugs.ts and reference-data.ts list different collaboratives");
}

export type ReferenceCounts = {
  collaboratives: number;
  postcodeAreas: number;
  priorityAreas: number;
  pathwayStages: number;
  projectTemplates: number;
};

/**
 * Upsert the reference data. Safe to run any number of times, in any environment: it only sets the
 * fields that come from the programme's reference tables, never what people edit in the portal.
 */
export async function seedReferenceData(db: PrismaClient): Promise<ReferenceCounts> {
  return db.$transaction(
    async (tx) => {
      const collaborativeIds = new Map<string, string>();
      for (const c of COLLABORATIVES) {
        const fields = { name: c.name, leadAhsn2014: c.leadAhsn2014, nameSince2023: c.nameSince2023, region: c.region };
        const row = await tx.collaborative.upsert({
          where: { slug: c.slug },
          create: { slug: c.slug, ...fields, description: c.description, allowedEmailDomains: ["nhs.net"] },
          update: fields,
          select: { id: true },
        });
        collaborativeIds.set(c.slug, row.id);
      }

      for (const area of POSTCODE_AREAS) {
        const collaborativeId = collaborativeIds.get(area.collaborative);
        if (!collaborativeId)
          throw new Error(`Postcode area ${area.code}: unknown collaborative ${area.collaborative}`);
        const fields = { place: area.place, collaborativeId, alsoPossible: area.alsoPossible };
        await tx.postcodeArea.upsert({
          where: { code: area.code },
          create: { code: area.code, ...fields },
          update: fields,
        });
      }

      for (const p of NATIONAL_PRIORITY_AREAS) {
        await tx.priorityArea.upsert({
          where: { slug: p.slug },
          create: { slug: p.slug, name: p.name, description: p.description, kind: "NATIONAL" },
          update: { name: p.name, kind: "NATIONAL", collaborativeId: null },
        });
      }

      for (const s of PATHWAY_STAGES) {
        await tx.pathwayStage.upsert({
          where: { slug: s.slug },
          create: s,
          update: { name: s.name, sortOrder: s.sortOrder },
        });
      }

      // After the priority areas: each template belongs to one.
      const projectTemplates = await seedProjectTemplates(tx);

      return {
        projectTemplates,
        collaboratives: COLLABORATIVES.length,
        postcodeAreas: POSTCODE_AREAS.length,
        priorityAreas: NATIONAL_PRIORITY_AREAS.length,
        pathwayStages: PATHWAY_STAGES.length,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
