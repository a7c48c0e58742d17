/**
 * Events and priority-setting rounds for the demo.
 */
import type { CandidateSource } from "@/lib/generated/prisma/enums";

export type EventTemplate = {
  key: string;
  title: string;
  description: string;
  agenda: string;
  hours: number;
  online: boolean;
  capacity: number;
};

export const EVENT_TEMPLATES: EventTemplate[] = [
  {
    key: "learning-session",
    title: "Learning session: falls, frailty and safer wards",
    description:
      "A day for project teams working on falls and frailty to share results, hear from a patient and carer, and plan their next PDSA cycles. Bring your run or SPC charts.",
    agenda:
      "- 09:30 Arrival and coffee\n- 10:00 Welcome and a patient's story\n- 10:45 Team storyboards: what we tested and what we learned\n- 12:30 Lunch\n- 13:15 Workshop: reading your SPC chart\n- 14:30 Planning your next cycles\n- 15:30 Close",
    hours: 6,
    online: false,
    capacity: 80,
  },
  {
    key: "qi-intro",
    title: "Introduction to quality improvement (half day, online)",
    description:
      "For staff and patient partners new to improvement. Covers the Model for Improvement, writing an aim, driver diagrams and PDSA cycles. No previous experience needed.",
    agenda:
      "- 09:30 The Model for Improvement\n- 10:15 Writing an aim: what, how much, by when\n- 10:45 Break\n- 11:00 Driver diagrams in small groups\n- 11:45 Planning your first PDSA cycle\n- 12:30 Close",
    hours: 3,
    online: true,
    capacity: 40,
  },
  {
    key: "patient-forum",
    title: "Patient and carer safety forum",
    description:
      "An informal meeting for patients, carers and members of the public who want to help make local care safer. Hear what we have done with the concerns you raised, and help shape our next priorities.",
    agenda:
      "- 18:00 Welcome and introductions\n- 18:15 You said, we did: this quarter's concerns\n- 18:45 Small group discussion: what should we focus on next?\n- 19:30 Close",
    hours: 1.5,
    online: false,
    capacity: 35,
  },
  {
    key: "data-workshop",
    title: "Making Data Count: SPC charts for teams",
    description:
      "A practical online workshop on statistical process control. Learn to tell real change from normal variation and to read the icons used on the portal.",
    agenda:
      "- 14:00 Why not red-amber-green?\n- 14:20 Common cause and special cause\n- 14:50 The four rules, with real examples\n- 15:20 Bring your own chart: group clinic\n- 16:00 Close",
    hours: 2,
    online: true,
    capacity: 60,
  },
  {
    key: "spread-masterclass",
    title: "Spread and adoption masterclass",
    description:
      "For teams whose changes are ready to spread, and teams thinking of adopting a change from elsewhere. What to keep, what to adapt, and how to measure whether it works in your setting.",
    agenda:
      "- 10:00 Why spreading is not copying\n- 10:45 Case studies from three collaboratives\n- 12:00 Lunch\n- 12:45 Planning your spread: who, where, how fast\n- 14:00 Close",
    hours: 4,
    online: false,
    capacity: 50,
  },
  {
    key: "discharge-summit",
    title: "Winter discharge safety summit",
    description:
      "Hospital, community, social care and care home partners come together to agree how to keep discharge safe over winter.",
    agenda:
      "- 09:30 The winter picture\n- 10:15 Home first: what worked last year\n- 11:15 Medicines at discharge\n- 12:00 Agreeing our winter commitments\n- 13:00 Close",
    hours: 3.5,
    online: false,
    capacity: 70,
  },
];

/** Which events each collaborative runs: [template key, days from the demo date (negative = past), start hour]. */
export const EVENT_PLAN: Record<string, [string, number, number][]> = {
  "north-east-north-cumbria": [
    ["spread-masterclass", -45, 10],
    ["patient-forum", 24, 18],
  ],
  "north-west-coast": [
    ["learning-session", -80, 9.5],
    ["data-workshop", 33, 14],
  ],
  "greater-manchester": [
    ["discharge-summit", -20, 9.5],
    ["qi-intro", 40, 9.5],
    ["patient-forum", 62, 18],
  ],
  "yorkshire-humber": [
    ["qi-intro", -30, 9.5],
    ["learning-session", 53, 9.5],
  ],
  "east-midlands": [["data-workshop", -60, 14]],
  "west-midlands": [
    ["learning-session", -110, 9.5],
    ["spread-masterclass", 75, 10],
  ],
  eastern: [
    ["patient-forum", -15, 18],
    ["qi-intro", 27, 9.5],
  ],
  oxford: [
    ["spread-masterclass", -95, 10],
    ["data-workshop", 19, 14],
    ["learning-session", 88, 9.5],
  ],
  "west-of-england": [["discharge-summit", 12, 9.5]],
  wessex: [
    ["learning-session", -52, 9.5],
    ["patient-forum", 17, 18],
    ["data-workshop", 47, 14],
  ],
  "south-west": [
    ["qi-intro", -70, 9.5],
    ["learning-session", 68, 9.5],
  ],
  "kent-surrey-sussex": [
    ["data-workshop", -25, 14],
    ["discharge-summit", 31, 9.5],
  ],
  "south-london": [
    ["patient-forum", -38, 18],
    ["spread-masterclass", 55, 10],
  ],
  "north-west-london": [["qi-intro", 22, 9.5]],
  uclpartners: [
    ["learning-session", -130, 9.5],
    ["patient-forum", 39, 18],
  ],
};

export type CandidateSeed = {
  title: string;
  description: string;
  source: CandidateSource;
  /** National slug or local priority key. */
  priority?: string;
  proposedBy?: string;
  chosen?: boolean;
  /** Concerns counted when the round opened, for rounds whose concerns predate the demo data. */
  evidenceCount?: number;
};

export const OPEN_ROUND = {
  collaborative: "wessex",
  title: "Choosing our local priorities for 2027–28",
  description:
    "Every year patients, carers and staff help us choose what to work on. Read the five options below and rank them in the order you think matters most. You do not have to rank them all. Voting closes on 11 December 2026, and we will publish the results and our decision in January.",
  openedDaysAgo: 18,
  closesInDays: 21,
  candidates: [
    {
      title: "Falls in hospital and in care homes",
      description: "Continue and widen our falls work, including care homes and people's own homes.",
      source: "NATIONAL",
      priority: "falls",
    },
    {
      title: "Leaving hospital safely",
      description:
        "Many of the concerns you raised were about being sent home without the right information, care or support.",
      source: "CONCERNS",
      priority: "transfers-discharge",
    },
    {
      title: "Medicines when moving between services",
      description:
        "Concerns about medicines being changed, missed or duplicated when people leave hospital or move into a care home.",
      source: "CONCERNS",
      priority: "medication-safety",
    },
    {
      title: "Support for carers when someone comes home",
      description:
        "Proposed by a carer: make sure family carers are involved and given a contact when their relative comes home from hospital.",
      source: "PROPOSAL",
      proposedBy: "margaret.hill@demo.nhs.uk",
    },
    {
      title: "Spotting deterioration in care homes",
      description:
        "Proposed by a district nursing team: train care home staff in soft signs and RESTORE2, as other regions have done.",
      source: "PROPOSAL",
      proposedBy: "kate.barnes@demo.nhs.uk",
    },
  ] satisfies CandidateSeed[],
  /** Ballots: voter email, group, and ranked candidate indices (best first). */
  ballots: [
    { voter: "margaret.hill@demo.nhs.uk", group: "PATIENT_CARER", ranks: [3, 1, 2] },
    { voter: "staff.wessex@demo.nhs.uk", group: "STAFF", ranks: [1, 0, 2, 4] },
    { voter: "sam.okoro@demo.nhs.uk", group: "STAFF", ranks: [2, 1, 0, 4, 3] },
    { voter: "kate.barnes@demo.nhs.uk", group: "STAFF", ranks: [4, 0, 1] },
  ] as const,
  comments: [
    {
      by: "margaret.hill@demo.nhs.uk",
      candidate: 3,
      body: "When my husband came home nobody told me what to watch for. A named contact for the first week would have made all the difference.",
    },
    {
      by: "staff.wessex@demo.nhs.uk",
      candidate: 1,
      body: "From the ward side, discharge delays and late-evening discharges are our biggest worry going into winter.",
    },
  ],
};

export const CLOSED_ROUND = {
  collaborative: "greater-manchester",
  title: "Local priorities for 2026–27",
  description: "Patients, carers and staff ranked the options for our local priorities for the year from April 2026.",
  openedAt: [2026, 3, 2] as const,
  closedAt: [2026, 4, 10] as const,
  decisionRationale:
    "Mental health inpatient safety was ranked first by both patients and staff, and was the most common theme in concerns raised with us. Safety culture came second among staff and underpins the rest of our work. Although falls in care homes was popular, it is already covered by the national falls programme and our partners' existing work, so we chose learning disabilities as our third priority: it was the strongest proposal from patient groups and there is clear evidence of avoidable harm.",
  candidates: [
    {
      title: "Mental health inpatient safety",
      description: "Less restraint, better physical health care and safety plans written with patients.",
      source: "CONCERNS",
      priority: "mental-health-inpatients",
      chosen: true,
      evidenceCount: 9,
    },
    {
      title: "Safety culture and leadership",
      description: "Safety huddles and support for staff to speak up.",
      source: "PROPOSAL",
      priority: "safety-culture",
      chosen: true,
    },
    {
      title: "Safer care for people with a learning disability",
      description: "Proposed by a self-advocacy group: reasonable adjustments and hospital passports.",
      source: "PROPOSAL",
      priority: "learning-disabilities",
      proposedBy: "derek.ashworth@demo.nhs.uk",
      chosen: true,
    },
    {
      title: "Falls in care homes",
      description: "Extend falls prevention into care homes.",
      source: "NATIONAL",
      priority: "falls",
      evidenceCount: 6,
    },
    {
      title: "Sepsis in the community",
      description: "Help community teams and care homes spot sepsis early.",
      source: "PROPOSAL",
    },
  ] satisfies CandidateSeed[],
  ballots: [
    { voter: "staff.greater-manchester@demo.nhs.uk", group: "STAFF", ranks: [1, 0, 3, 2] },
    { voter: "kieran.doyle@demo.nhs.uk", group: "STAFF", ranks: [0, 1, 4] },
    { voter: "derek.ashworth@demo.nhs.uk", group: "PATIENT_CARER", ranks: [2, 0, 3, 1, 4] },
  ] as const,
};

/** Why the chosen local priorities were chosen (PriorityArea.rationale), by priority key. */
export const CHOSEN_RATIONALE: Record<string, string> = {
  "mental-health-inpatients":
    "Ranked first by patients and staff in the 2026–27 round, and the most common theme in concerns.",
  "safety-culture": "Ranked second by staff in the 2026–27 round; underpins all our other work.",
  "learning-disabilities":
    "Strongest proposal from patient groups in the 2026–27 round, with clear evidence of avoidable harm.",
};
