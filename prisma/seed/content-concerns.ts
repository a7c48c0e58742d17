/**
 * Safety concerns raised by patients, carers and the public, in their own words, and the
 * collaboratives' replies. {org} is replaced by an organisation of the right type in the region.
 */
import type { OrganisationType, ReporterRelation } from "@/lib/generated/prisma/enums";
import type { LocalPriorityKey } from "./content-people";
import type { NationalSlug } from "./content-projects";

export type ConcernText = {
  area: NationalSlug | LocalPriorityKey | null;
  stage: string | null;
  orgType: OrganisationType | null;
  relation: ReporterRelation;
  whatHappened: string;
  impact: string;
  whatWouldHaveHelped: string;
};

export const CONCERN_TEXTS: ConcernText[] = [
  // Falls
  {
    area: "falls",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My dad is 84 and has dementia. He was on a ward at {org} and fell at night trying to get to the toilet. Nobody had told us he was at risk of falling, and his walking frame had been put out of reach by the window. He was on the floor for a while before anyone found him.",
    impact: "He broke his wrist and has been much more confused since. He is now frightened to walk on his own.",
    whatWouldHaveHelped:
      "Someone checking on him more at night, keeping his frame next to the bed, and telling us about the plan so we could help.",
  },
  {
    area: "falls",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "I was given new blood pressure tablets in hospital and felt dizzy every time I stood up. I told a nurse but nothing was done. On the third day I fainted in the bathroom.",
    impact: "I cut my head and needed stitches. I stayed in hospital two more days.",
    whatWouldHaveHelped:
      "Checking my blood pressure when I stood up, and a doctor looking at my tablets when I said I was dizzy.",
  },
  {
    area: "falls",
    stage: "care-home",
    orgType: "CARE_HOME",
    relation: "CARER",
    whatHappened:
      "My mother fell in her room at {org} in the early hours. The staff were not allowed to lift her, so she waited on the floor for nearly five hours for an ambulance. She was not injured but she was cold and very distressed.",
    impact: "She caught a chest infection afterwards and is now scared of being left alone at night.",
    whatWouldHaveHelped: "Staff being trained and having equipment to help her up safely when she is not hurt.",
  },
  {
    area: "falls",
    stage: "community-home",
    orgType: "COMMUNITY_SERVICE",
    relation: "CARER",
    whatHappened:
      "My husband came home from hospital after a fall but nobody checked our house. We have loose rugs, steep stairs and no rail in the bathroom. He fell again within a week.",
    impact: "He went back into hospital and we lost another three weeks together at home.",
    whatWouldHaveHelped: "An occupational therapist visiting the house before or just after he came home.",
  },
  {
    area: "falls",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "OTHER",
    whatHappened:
      "I was visiting my neighbour on a ward at {org}. She was wearing the hospital's paper slippers which kept sliding off, and I saw her slip twice on the way to the day room.",
    impact: "She did not fall badly, but it could have been much worse.",
    whatWouldHaveHelped: "Proper non-slip socks or asking the family to bring in her own slippers.",
  },
  // Pressure ulcers
  {
    area: "pressure-ulcers",
    stage: "care-home",
    orgType: "CARE_HOME",
    relation: "CARER",
    whatHappened:
      "When I visited my aunt at {org} I noticed a sore on her heel that was already broken. Staff said they had been putting cream on it for a week but had not called the district nurse.",
    impact: "It took four months to heal and she was in a lot of pain.",
    whatWouldHaveHelped: "Calling the nurse as soon as the skin went red, and a special mattress earlier.",
  },
  {
    area: "pressure-ulcers",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My grandmother was in hospital with a broken hip. She was left in the same position for long periods because the ward was so busy, and by the time she came home she had a deep sore at the bottom of her back.",
    impact: "She needs the district nurses every day now and cannot sit comfortably.",
    whatWouldHaveHelped: "Being turned regularly and someone checking her skin every day.",
  },
  {
    area: "pressure-ulcers",
    stage: "community-home",
    orgType: "COMMUNITY_SERVICE",
    relation: "CARER",
    whatHappened:
      "I care for my wife at home. We asked for a pressure-relieving mattress and were told it would take two weeks. In that time a sore developed on her hip.",
    impact: "She needed antibiotics for an infection in the sore.",
    whatWouldHaveHelped: "Getting the mattress within a day or two, and someone showing me what to look for.",
  },
  {
    area: "pressure-ulcers",
    stage: "admission",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "I waited on a trolley in the emergency department for 19 hours before getting a bed. Nobody checked my skin or offered to help me move, and I have limited movement because of my MS.",
    impact: "I developed a sore on my bottom which is still healing.",
    whatWouldHaveHelped: "A proper mattress or a chair while waiting, and staff checking on my skin.",
  },
  // Medication safety
  {
    area: "medication-safety",
    stage: "discharge",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My mum was sent home from {org} without one of her heart tablets. The discharge letter said it had been stopped but nobody told us why, and her GP had not been told either. We only found out when the pharmacist asked.",
    impact: "She was breathless for a week and went back to the GP twice.",
    whatWouldHaveHelped: "A clear explanation of what had changed and why, sent to the GP and the pharmacy.",
  },
  {
    area: "medication-safety",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My father has Parkinson's. In hospital his tablets were given hours late several times because the ward did not have them in stock. He became very stiff and could hardly swallow.",
    impact: "He needed a feeding tube for a few days and was frightened.",
    whatWouldHaveHelped: "Giving him his tablets at his usual times, or letting him take his own as he does at home.",
  },
  {
    area: "medication-safety",
    stage: "primary-care",
    orgType: "GP_PRACTICE",
    relation: "PATIENT",
    whatHappened:
      "My repeat prescription was changed to a new brand of inhaler without anyone explaining how to use it. It works differently to my old one and I was using it wrongly for a month.",
    impact: "My asthma got worse and I had to use my reliever much more.",
    whatWouldHaveHelped: "The pharmacy or surgery showing me how to use the new inhaler.",
  },
  {
    area: "medication-safety",
    stage: "care-home",
    orgType: "CARE_HOME",
    relation: "CARER",
    whatHappened:
      "My brother lives in {org}. He was given another resident's tablets by mistake during the evening round. The carer was being interrupted by the phone and visitors at the time.",
    impact: "He was very drowsy the next day and had to be checked by the GP.",
    whatWouldHaveHelped: "Staff giving out medicines not being interrupted.",
  },
  {
    area: "medication-safety",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "I have type 1 diabetes. In hospital I was not allowed to give my own insulin and the nurse gave my long-acting dose at the wrong time. My blood sugar went very low overnight.",
    impact: "I had a bad hypo and felt awful the next day. I no longer trust hospital staff with my insulin.",
    whatWouldHaveHelped: "Letting me manage my own insulin, as I have done for 30 years.",
  },
  {
    area: "medication-safety",
    stage: "discharge",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "When I left hospital I was given a bag of medicines and a list, but two of the tablets on the list were the same medicine under different names. I nearly took double.",
    impact: "I was worried and confused, and spent a day trying to get an answer.",
    whatWouldHaveHelped: "Someone going through the list with me before I left, and a phone number to ring.",
  },
  // Infections
  {
    area: "infections",
    stage: "theatre",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "I had a knee replacement at {org}. Ten days later the wound was red, hot and leaking. I phoned the ward and was told to see my GP, who could not see me for three days.",
    impact: "I needed another operation to wash out the joint and six weeks of antibiotics.",
    whatWouldHaveHelped: "A number to ring where someone could look at the wound the same day.",
  },
  {
    area: "infections",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My husband had a catheter put in when he was admitted and it stayed in for his whole two-week stay, even though he could walk to the toilet. He got a urine infection and became very confused.",
    impact: "The infection made him delirious and he stayed in hospital a week longer.",
    whatWouldHaveHelped: "Someone asking each day whether he still needed the catheter.",
  },
  {
    area: "infections",
    stage: "care-home",
    orgType: "CARE_HOME",
    relation: "CARER",
    whatHappened:
      "My mother often has a jug of water left out of reach in her room. She has dementia and does not ask for drinks. She has had three urine infections this year.",
    impact: "Each infection makes her confused and she has been in hospital twice.",
    whatWouldHaveHelped: "Staff offering her drinks regularly through the day.",
  },
  {
    area: "infections",
    stage: "community-home",
    orgType: "COMMUNITY_SERVICE",
    relation: "PATIENT",
    whatHappened:
      "I went home with a catheter but nobody told me how long it should stay in or who would take it out. Six weeks later I was still waiting.",
    impact: "I had two infections and was very worried.",
    whatWouldHaveHelped: "A written plan with a date for taking the catheter out.",
  },
  {
    area: "infections",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "OTHER",
    whatHappened:
      "While visiting, I saw several staff go between patients without washing their hands or using the gel, including after helping someone to the toilet.",
    impact: "I was worried about infections spreading on the ward.",
    whatWouldHaveHelped: "Reminders for staff and visitors, and gel at every bed.",
  },
  // Transfers and discharge
  {
    area: "transfers-discharge",
    stage: "discharge",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My dad was sent home from {org} at 10pm in a taxi, on his own, with no food in the house and no care arranged. We only found out the next morning.",
    impact: "He did not eat or take his tablets that night and fell in the kitchen in the morning.",
    whatWouldHaveHelped: "Phoning the family before he left and not discharging him so late.",
  },
  {
    area: "transfers-discharge",
    stage: "discharge",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "My discharge letter was full of abbreviations I did not understand. It said 'TTO' and 'f/u OPD 6/52' and did not say what I should watch out for.",
    impact: "I did not know I was supposed to book a blood test, so it was missed.",
    whatWouldHaveHelped: "A letter written in plain English that told me what to do next.",
  },
  {
    area: "transfers-discharge",
    stage: "discharge",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My mum was medically fit to leave hospital for three weeks but stayed because the care package was not ready. During that time she stopped walking and lost weight.",
    impact: "She now needs two carers instead of one and has lost a lot of confidence.",
    whatWouldHaveHelped: "Getting her home sooner with some help while the full care package was sorted out.",
  },
  {
    area: "transfers-discharge",
    stage: "transfer",
    orgType: "CARE_HOME",
    relation: "CARER",
    whatHappened:
      "When my grandad went from {org} to hospital, his hearing aids, glasses and dentures did not go with him. The hospital did not know he was usually able to walk with help.",
    impact: "He could not hear or see properly, could not eat well, and was treated as if he could not walk.",
    whatWouldHaveHelped: "His things and a short summary of how he usually is going with him.",
  },
  {
    area: "transfers-discharge",
    stage: "transfer",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "I was moved between four different wards in three days, including once at 2am. Each time I had to explain my history again and my medicines were delayed.",
    impact: "I was exhausted and missed two doses of my epilepsy medicine.",
    whatWouldHaveHelped: "Fewer moves, not moving people at night, and my information going with me.",
  },
  {
    area: "transfers-discharge",
    stage: "discharge",
    orgType: "GP_PRACTICE",
    relation: "CARER",
    whatHappened:
      "My wife's GP did not receive her discharge summary for nearly two weeks, so when she went to the surgery they did not know about her new diagnosis or her new medicines.",
    impact: "Her follow-up blood test was delayed and we had to go back and forth.",
    whatWouldHaveHelped: "The letter reaching the GP within a day or two.",
  },
  {
    area: "transfers-discharge",
    stage: "discharge",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My son has a learning disability. He was discharged without anyone speaking to me, and his hospital passport was not looked at. He did not understand what he had been told about his new tablets.",
    impact: "He did not take his antibiotics properly and got worse.",
    whatWouldHaveHelped: "Involving me as his carer and using his hospital passport.",
  },
  // Local: deterioration and sepsis
  {
    area: "deterioration-sepsis",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "I told the nurses several times that my mum 'wasn't herself' — she was sleepy and not making sense. They said her observations were fine. Hours later she was found to have sepsis.",
    impact: "She spent four days in intensive care. I feel we were not listened to.",
    whatWouldHaveHelped: "Listening to me because I know her best, and getting a doctor to see her sooner.",
  },
  {
    area: "deterioration-sepsis",
    stage: "admission",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "I arrived at the emergency department with a high temperature and shaking after chemotherapy. I waited over three hours for antibiotics even though I had my chemotherapy alert card.",
    impact: "I became very unwell and needed a longer stay.",
    whatWouldHaveHelped: "Staff recognising the alert card and giving antibiotics straight away.",
  },
  {
    area: "deterioration-sepsis",
    stage: "community-home",
    orgType: "AMBULANCE_SERVICE",
    relation: "CARER",
    whatHappened:
      "We called 111 because my husband was breathing fast and very confused. We were told an ambulance would be four hours. By the time it came he needed to go straight to resuscitation.",
    impact: "He was diagnosed with sepsis from a chest infection and was in hospital for two weeks.",
    whatWouldHaveHelped: "The call handler recognising how unwell he was.",
  },
  // Local: maternity
  {
    area: "maternity",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "During my labour I felt something was wrong and said so, but the midwife was looking after another woman and nobody else looked at the monitor for a long time.",
    impact:
      "My baby needed help breathing at birth and went to the neonatal unit. She is fine now but it was terrifying.",
    whatWouldHaveHelped: "Someone else checking the monitor regularly and listening when I said something was wrong.",
  },
  {
    area: "maternity",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My partner lost a lot of blood after giving birth. It took a long time for a doctor to come, and staff seemed unsure who to call.",
    impact: "She needed a blood transfusion and is still anxious about having another baby.",
    whatWouldHaveHelped: "A clear plan for heavy bleeding that everyone on the ward knew.",
  },
  {
    area: "maternity",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    whatHappened:
      "My baby was taken to the neonatal unit for low blood sugar a few hours after birth. I was not shown how to feed her skin-to-skin or told how important early feeding was.",
    impact: "We were separated for two days.",
    whatWouldHaveHelped:
      "Help with skin-to-skin and feeding straight after the birth, and being able to stay together.",
  },
  // Local: mental health inpatients
  {
    area: "mental-health-inpatients",
    stage: "inpatient-ward",
    orgType: "MENTAL_HEALTH_TRUST",
    relation: "PATIENT",
    whatHappened:
      "On the ward I was restrained when I became upset about my leave being cancelled without explanation. Nobody talked to me first.",
    impact: "I felt humiliated and did not trust the staff for the rest of my stay.",
    whatWouldHaveHelped: "Explaining the decision and giving me a chance to calm down with someone I trusted.",
  },
  {
    area: "mental-health-inpatients",
    stage: "inpatient-ward",
    orgType: "MENTAL_HEALTH_TRUST",
    relation: "CARER",
    whatHappened:
      "My daughter is on a mental health ward. Her physical health was not checked for weeks, even though she had stopped eating properly.",
    impact: "She lost a lot of weight and her blood tests showed she was dehydrated.",
    whatWouldHaveHelped: "Regular weight and physical health checks, and involving us in her care.",
  },
  // Local: care home deterioration
  {
    area: "care-home-deterioration",
    stage: "care-home",
    orgType: "CARE_HOME",
    relation: "CARER",
    whatHappened:
      "My father was off his food and sleepier than usual for three days at {org} before anyone called the GP. By then he was very unwell and went into hospital by ambulance.",
    impact: "He had pneumonia and was in hospital for ten days.",
    whatWouldHaveHelped: "Staff noticing the early signs and getting advice sooner.",
  },
  {
    area: "care-home-deterioration",
    stage: "care-home",
    orgType: "CARE_HOME",
    relation: "OTHER",
    whatHappened:
      "I work as a carer in a home. When a resident seems unwell at night we have no nurse and are not trained to take observations, so we just call 999.",
    impact: "Residents end up in hospital when they might have been treated at home.",
    whatWouldHaveHelped: "Training in spotting when someone is getting worse, and a number for clinical advice.",
  },
  // Local: dementia
  {
    area: "dementia",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My wife has dementia. On the ward nobody read the 'This is me' form we filled in, so they did not know she needs her food cut up and prompting to eat.",
    impact: "She lost weight and became more confused.",
    whatWouldHaveHelped: "Staff using the form and letting me come in at mealtimes.",
  },
  {
    area: "dementia",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My mum was moved to a different ward late at night without us being told. She has dementia and woke up somewhere she did not recognise.",
    impact: "She was very frightened and tried to leave the ward.",
    whatWouldHaveHelped: "Not moving her at night, and phoning us.",
  },
  // Local: learning disabilities
  {
    area: "learning-disabilities",
    stage: "admission",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "My brother has a learning disability and autism. In the emergency department he was put in a noisy cubicle for eight hours and staff did not make any changes for him.",
    impact: "He became very distressed and left before he had been treated.",
    whatWouldHaveHelped: "A quiet room, being seen sooner, and staff reading his hospital passport.",
  },
  // Safety culture
  {
    area: "safety-culture",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "OTHER",
    whatHappened:
      "I am a healthcare assistant. I raised a worry about staffing on nights and was told it was 'the same everywhere'. I do not feel safe to raise things any more.",
    impact: "I worry patients will come to harm and nobody will listen.",
    whatWouldHaveHelped: "Someone taking the concern seriously and telling me what happened next.",
  },
  // Something else
  {
    area: null,
    stage: "primary-care",
    orgType: "GP_PRACTICE",
    relation: "PATIENT",
    whatHappened:
      "I had blood tests that showed a problem with my kidneys, but nobody contacted me. I found out three months later when I saw a different doctor.",
    impact: "I was upset that it could have been picked up earlier.",
    whatWouldHaveHelped: "A system that makes sure abnormal results are followed up.",
  },
  {
    area: null,
    stage: "primary-care",
    orgType: "GP_PRACTICE",
    relation: "CARER",
    whatHappened:
      "My mother's hospital appointment letter went to her old address even though we had told the surgery she had moved. She missed an urgent scan.",
    impact: "Her scan was delayed by six weeks.",
    whatWouldHaveHelped: "Her address being updated everywhere when we told the surgery.",
  },
  {
    area: null,
    stage: "admission",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    whatHappened:
      "The leaflet my father was given about his operation was only in English. He reads Urdu and could not understand what he needed to do beforehand, and nobody offered an interpreter at his pre-operative appointment.",
    impact: "His operation was cancelled on the day because he had eaten breakfast.",
    whatWouldHaveHelped: "Information in his language, or an interpreter at the pre-operative appointment.",
  },
  {
    area: null,
    stage: "admission",
    orgType: "AMBULANCE_SERVICE",
    relation: "CARER",
    whatHappened:
      "My mother waited outside the hospital in the ambulance for over four hours because the emergency department was full. She was cold and could not get to a toilet.",
    impact: "She was very distressed and undignified.",
    whatWouldHaveHelped: "A safe place to wait inside, and someone checking on her.",
  },
];

export const HAPPENED_WHEN = [
  "Last week",
  "A few weeks ago",
  "Earlier this month",
  "Last month",
  "About two months ago",
  "In the summer",
  "Over a weekend last month",
  "During a hospital stay in September",
  "Yesterday",
  "In early October",
];

/** Public replies to reporters ("you said, we did"). {org} is the organisation concerned. */
export const RESPONSES: Record<string, string[]> = {
  falls: [
    "Thank you for telling us about this. We shared it (without your name) with the falls team at {org}. They have changed the night routine on the ward so that walking aids are always left within reach and patients at risk are checked every hour. Families are now given the falls plan on the first day.",
    "You said no one had explained the risk of falling. We have worked with the ward to start a short 'call, don't fall' conversation with every patient and family on arrival.",
  ],
  "pressure-ulcers": [
    "Thank you for raising this. The tissue viability team reviewed what happened and has trained care staff to call the district nurse as soon as skin looks red (React to Red). Special mattresses can now be delivered on the same day.",
    "You told us a sore developed while waiting for equipment. The community equipment service now delivers pressure-relieving mattresses within one working day for urgent requests.",
  ],
  "medication-safety": [
    "Thank you. You said nobody explained changes to your relative's medicines. The hospital now sends details of every medicine change directly to the patient's community pharmacy, which contacts the patient within a few days of going home.",
    "You said Parkinson's medicines were given late. The ward now keeps a stock of critical medicines and patients who can are supported to take their own medicines at their usual times.",
  ],
  infections: [
    "Thank you for telling us. The ward now asks every day whether each catheter is still needed, and nurses can remove catheters without waiting for a doctor when it is safe.",
    "You told us it was hard to get a wound looked at after surgery. Patients can now send a photo of their wound to the surgical team through a secure app, and are given a direct phone number.",
  ],
  "transfers-discharge": [
    "Thank you. You said the discharge letter was hard to understand. Discharge letters from the hospital are now written to the patient in plain English, with a 'what happens next' section, and a copy goes to the GP within 24 hours.",
    "You told us your relative waited weeks in hospital for care to be arranged. People who can go home with support now go home first and have their longer-term needs assessed at home.",
  ],
  "deterioration-sepsis": [
    "Thank you for telling us you were not listened to. The hospital has introduced a way for families to ask for an urgent review from the critical care outreach team if they are worried their relative is getting worse.",
  ],
  maternity: [
    "Thank you for sharing your experience. The labour ward now has a second midwife or doctor review the baby's heart monitoring every hour ('fresh eyes'), and women's concerns are recorded and escalated.",
  ],
  "mental-health-inpatients": [
    "Thank you. The ward now holds a short safety meeting twice a day to plan around difficult moments such as leave decisions, and staff explain decisions to patients before they are made known.",
  ],
  "care-home-deterioration": [
    "Thank you. Care homes in the area are being trained to notice early signs that a resident is unwell and to record a set of observations before calling for advice.",
  ],
  default: [
    "Thank you for taking the time to tell us. We have shared what happened, without your name, with the organisation involved, and it has been discussed at their patient safety meeting. We will use it when we next choose our local priorities.",
  ],
};

export const INTERNAL_NOTES: string[] = [
  "Shared anonymised summary with the trust's patient safety team; they have logged it on their incident system.",
  "Similar to two other concerns this quarter about the same ward. Flagged to the falls project lead.",
  "Spoke to the care home manager, who was already aware and has started retraining staff.",
  "Reporter consented to contact. Left a voicemail; will try again Thursday.",
  "Not a complaint about one person; a system issue. Suitable to link to our current project.",
  "Checked with PALS: no formal complaint has been made, reporter prefers us to handle it as learning.",
  "Discussed at the monthly triage meeting. Agreed to include in the theme report for the priority round.",
  "Organisation confirmed the change described in our response is now in place.",
];

export const OUTCOMES: string[] = [
  "Shared with the organisation involved, which has changed its practice. Response sent to the reporter.",
  "Linked to a current improvement project; the change is being tested on the ward concerned.",
  "Discussed with the organisation's patient safety team and included in our quarterly theme report.",
  "Reporter signposted to PALS for their personal complaint; the safety learning shared with the trust.",
];

/** The demo patient's own concerns (Wessex): the first is opened with DEMO_TRACKING_TOKEN. */
export const DEMO_PATIENT_CONCERNS: (ConcernText & { happenedWhen: string; response?: string })[] = [
  {
    area: "medication-safety",
    stage: "discharge",
    orgType: "ACUTE_TRUST",
    relation: "PATIENT",
    happenedWhen: "At the end of August, when I left hospital",
    whatHappened:
      "When I left hospital after my operation, my water tablet had been stopped but nobody told me. My usual pharmacy kept sending it in my weekly box, so I carried on taking it. My ankles swelled and I felt dizzy. I only found out two weeks later when my GP read the letter.",
    impact: "I was dizzy for two weeks and nearly fell on the stairs. I was worried I had done something wrong.",
    whatWouldHaveHelped:
      "Someone telling me clearly which tablets had changed, and the hospital letting my pharmacy know.",
    response:
      'Thank you for telling us, Pat. You said nobody explained that one of your tablets had stopped, and your pharmacy did not know. We shared this (without your name) with the hospital\'s pharmacy team. The hospital is now testing a new step: when anyone leaves with changes to their medicines, the ward sends the details straight to their own community pharmacy, which then calls them within a few days. You can follow this work on the portal under "Safer medicines after discharge".',
  },
  {
    area: "falls",
    stage: "inpatient-ward",
    orgType: "ACUTE_TRUST",
    relation: "CARER",
    happenedWhen: "Three weeks ago",
    whatHappened:
      "My mother was on a ward for a week with a chest infection. Her walking frame was taken away to be cleaned and not brought back, and she was told to wait for help to go to the toilet. At night nobody came for a long time, so she tried on her own and slipped.",
    impact: "She bruised her hip badly and is now anxious about going back into hospital.",
    whatWouldHaveHelped: "Her frame being kept by her bed, and someone coming when she pressed the bell.",
  },
];
