/**
 * Shared learning written by collaboratives and the national team: case studies, resources,
 * lessons and national notes. (Change ideas are written up from the projects themselves, in demo.ts.)
 * Priority keys are national slugs or local priority keys (resolved to the author's collaborative).
 */
import type { LearningStatus, LearningType } from "@/lib/generated/prisma/enums";

export type LearningSeed = {
  type: Exclude<LearningType, "CHANGE_IDEA">;
  collaborative: string | null;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  resourceUrl?: string;
  priorities: string[];
  stages: string[];
  status: LearningStatus;
  featured?: boolean;
  /** Written by the collaborative's staff member rather than its lead. */
  byStaff?: boolean;
  /** Days before the demo date it was published (or created, for drafts). */
  ageDays: number;
  /** Key of the event it came out of (see EVENTS). */
  event?: string;
};

export const LEARNING_ITEMS: LearningSeed[] = [
  // ─── Case studies ─────────────────────────────────────────────────────────
  {
    type: "CASE_STUDY",
    collaborative: "wessex",
    title: "How one older people's ward halved falls with harm in a year",
    summary:
      "Beech Ward at University Hospital Southampton combined a huddle prompt, Baywatch and family conversations. This is their story, told by the ward team and a patient's daughter.",
    body: `## Where we started

Beech Ward cares for 28 frail older people, many living with dementia. In 2024 we had 41 falls, nine of them with moderate harm or worse. Staff felt falls were "just part of the job".

## What we changed

We did not start with a big plan. We took the approach colleagues in the North West Coast collaborative had shared on this portal, and tested it one small change at a time:

1. **A prompt at the safety huddle** so every new patient had a falls risk assessment within 6 hours.
2. **Baywatch**: the highest-risk patients in one bay, with a named member of staff who never leaves it without handing over.
3. **"Call, don't fall" conversations** with patients and families on the first day.

We also tried sensor alarms for everyone at risk. They did not work for us — staff could not respond to them all — so we stopped.

## What happened

Falls with harm fell from about three to about 1.5 per 1,000 occupied bed days and have stayed there for over a year. Bed rail use did not increase.

## In their words

> "Before, nobody told us Mum was at risk. This time the nurse sat down with us on day one and we knew what to do when we visited." — *a patient's daughter*

> "Baywatch gave us permission to stay put. That's what made the difference." — *healthcare assistant*

## What we would tell others

- Start on one ward, with the team who want to do it.
- Measure falls with harm monthly and show the chart at the huddle.
- Be willing to stop things that do not work.`,
    tags: ["falls", "older people", "Baywatch", "case study", "dementia"],
    priorities: ["falls", "dementia"],
    stages: ["inpatient-ward"],
    status: "PUBLISHED",
    featured: true,
    ageDays: 40,
  },
  {
    type: "CASE_STUDY",
    collaborative: "north-east-north-cumbria",
    title: "RESTORE2 across 40 care homes: what it took",
    summary:
      "Spreading soft-signs training and baseline observations to 40 care homes in 18 months, with a buddy system between homes.",
    body: `## The challenge

Our partner care homes called 999 for residents who had often been unwell for days. Carers noticed the signs but had no shared language or tools to act on them.

## Our approach

We introduced **RESTORE2**: soft-signs training, baseline observations for every resident, and an SBARD script for calls to the GP or 111.

### Buddying

The first home to go live, Elmfield Court, became a "buddy" for the next three homes. Their senior carer visited each home twice to show how they used the observation charts. Homes told us this was more useful than any training session.

### Equipment

Each home received a pulse oximeter, thermometer and blood pressure monitor, funded by the integrated care board.

## Results

- 86% of residents in partner homes now have baseline observations recorded.
- Emergency admissions from partner homes fell by about a quarter.
- GP practices receive more calls, but say they are clearer and earlier.

## Challenges

Staff turnover means training never stops. We now include RESTORE2 in every home's induction, and run a monthly online session for new starters.`,
    tags: ["care homes", "deterioration", "RESTORE2", "spread", "case study"],
    priorities: ["care-home-deterioration"],
    stages: ["care-home"],
    status: "PUBLISHED",
    ageDays: 75,
  },
  {
    type: "CASE_STUDY",
    collaborative: "east-midlands",
    title: "Critical medicines on time: a pharmacy-led case study",
    summary:
      "How Nottingham University Hospitals cut omitted and delayed critical doses from 12% to 4% using cupboards, alerts and self-administration.",
    body: `## Why this mattered

For people with Parkinson's, epilepsy or diabetes, a late dose can cause real harm. Our audit showed one in eight critical doses was omitted or over an hour late.

## What the data told us

Most omissions were coded "not available". That pointed us at **stock**, not at nursing practice.

## Changes tested

| Change | Result |
| --- | --- |
| Critical medicines cupboard on each ward | "Not available" omissions fell by 85% |
| Overdue alert on the ward dashboard | Delays over one hour halved |
| Self-administration for Parkinson's | No missed doses for those patients |

## Sustaining the gains

Pharmacy technicians check cupboards daily and the on-call technician tops up at weekends. The omission rate is reported to the medicines safety committee every month.

## What patients said

Patients with Parkinson's told us being trusted with their own medicines made them feel "like a person again, not a patient".`,
    tags: ["medication safety", "critical medicines", "Parkinson's", "pharmacy", "case study"],
    priorities: ["medication-safety"],
    stages: ["inpatient-ward", "admission"],
    status: "PUBLISHED",
    ageDays: 120,
  },
  {
    type: "CASE_STUDY",
    collaborative: "uclpartners",
    title: "Calmer wards: reducing restraint on acute mental health wards",
    summary:
      "East London NHS Foundation Trust used safety huddles and Safewards to reduce restraint by a third. Patients and staff describe the change.",
    body: `## The problem

Restraint was being used around 28 times per 1,000 occupied bed days on our acute adult wards, most often in the evening.

## What we did

- **Twice-daily safety huddles** at 9am and 7pm, planning for known flashpoints such as leave decisions and medication rounds.
- **Mutual expectations**, written by patients at the community meeting and displayed on every ward.
- **Know each other boards**, where staff and patients share something about themselves.

## What changed

Restraint fell by about a third and has stayed lower for over a year. Assaults on staff did not increase. In our patient survey, "I feel listened to" rose from 48% to 71%.

## Voices

> "I knew why decisions were made. That made all the difference." — *former patient, now a peer support worker*

## Next steps

We are now testing the huddle approach on our psychiatric intensive care unit, where the patterns of distress are different.`,
    tags: ["mental health", "restrictive practice", "Safewards", "case study"],
    priorities: ["mental-health-inpatients"],
    stages: ["inpatient-ward"],
    status: "PUBLISHED",
    featured: true,
    ageDays: 28,
  },
  {
    type: "CASE_STUDY",
    collaborative: "west-of-england",
    title: "Home first in Bristol: assessing people at home, not in hospital",
    summary: "Partners across Bristol reduced delayed transfers by a third with a jointly funded bridging care team.",
    body: `## Background

Every day around 40 people in our hospitals were well enough to leave but waiting for care. We knew that long stays harm older people: they lose strength, confidence and independence.

## The change

We set up a **bridging care team**, jointly funded by the council and the integrated care board, so that people could go home with support while their long-term needs were assessed *at home*.

## What we learned

1. **Joint funding was essential.** Without it, every case became a debate about who pays.
2. **Measure readmissions from day one.** Partners were worried faster discharge would be less safe; the data showed it was not.
3. **Red to Green days** on the wards showed exactly where time was being lost.

## Results

Delayed discharges fell from about 15% to under 10% of all discharges — from around 41 people waiting on an average day to 27. Thirty-day readmissions did not change.`,
    tags: ["discharge", "delayed transfers", "home first", "social care", "case study"],
    priorities: ["transfers-discharge"],
    stages: ["discharge", "community-home"],
    status: "PUBLISHED",
    ageDays: 95,
  },
  {
    type: "CASE_STUDY",
    collaborative: "oxford",
    title: "Sepsis within the hour: spreading grab bags across three trusts",
    summary:
      "How sepsis grab bags spread from one emergency department to every acute ward in three trusts, and what each trust adapted.",
    body: `## Where it started

The emergency department at Oxford University Hospitals tested sepsis grab bags in 2025. Antibiotics within the hour rose from 58% to 82% in the first month.

## Spreading to other trusts

Royal Berkshire and Buckinghamshire Healthcare adopted the idea, but each adapted it:

- **Royal Berkshire** added a laminated Sepsis Six card to each bag.
- **Buckinghamshire** linked restocking to their automated dispensing cabinets.

## What made spread work

- A named pharmacy lead in each trust.
- Monthly data shared openly between the three trusts.
- A short video of the bag in use, made by the original team.

## Results

All three trusts now give antibiotics within the hour to over 85% of patients with red-flag sepsis.`,
    tags: ["deterioration", "sepsis", "spread", "case study"],
    priorities: ["deterioration-sepsis"],
    stages: ["admission", "inpatient-ward"],
    status: "PUBLISHED",
    ageDays: 60,
  },
  {
    type: "CASE_STUDY",
    collaborative: "south-london",
    title: "Discharge letters written to patients",
    summary: "Working with patient partners to write discharge summaries that patients understand and GPs can act on.",
    body: `## What patients told us

Patients said discharge letters were full of abbreviations and did not say what to do next. GPs said actions were buried.

## Co-design

Four patient partners reviewed 20 anonymised letters with two consultants and a GP. Together they agreed a new template:

- **Why you came into hospital**
- **What we found and what we did**
- **Changes to your medicines, and why**
- **What happens next** — including who to call
- **Actions for your GP** in a box at the top

## Results

18 of 20 patients said they understood their letter. GPs rated the new letters 4.2 out of 5, up from 2.6.

## Tip

Involve patient partners in writing the template, not just in reviewing it.`,
    tags: ["discharge", "plain English", "co-design", "case study"],
    priorities: ["transfers-discharge"],
    stages: ["discharge", "primary-care"],
    status: "PUBLISHED",
    ageDays: 150,
  },
  {
    type: "CASE_STUDY",
    collaborative: "greater-manchester",
    title: "Mental health wards and physical health: early findings",
    summary: "A draft write-up of our scoping work on physical health checks for people on mental health wards.",
    body: `## Why we are looking at this

Concerns from families told us that physical health — weight, hydration, blood tests — is sometimes missed on mental health wards.

## What we have done so far

- Reviewed 12 concerns raised through the portal.
- Held two listening events with families.

## Next steps

We are drafting a project plan and will share it with members for comment.`,
    tags: ["mental health", "physical health", "scoping"],
    priorities: ["mental-health-inpatients"],
    stages: ["inpatient-ward"],
    status: "DRAFT",
    byStaff: true,
    ageDays: 10,
  },
  // ─── Resources ────────────────────────────────────────────────────────────
  {
    type: "RESOURCE",
    collaborative: "yorkshire-humber",
    title: "Driver diagram template and guide",
    summary: "A one-page driver diagram template with a short guide to building one with your team.",
    resourceUrl: "https://www.england.nhs.uk/sustainableimprovement/qsir-programme/qsir-tools/",
    body: `## What it is

A driver diagram shows how your aim links to the things that drive it (primary drivers), what influences those (secondary drivers), and the change ideas you will test.

## How to use it

1. Write your aim on the left: **what, how much, by when**.
2. Ask "what needs to be true for this aim to happen?" — those are your primary drivers.
3. For each, ask "what influences this?" — secondary drivers.
4. Only then list change ideas.

## Tips

- Build it with the people who do the work, on a wall with sticky notes.
- Keep it to one page.
- Revisit it every few months: it is a working document.

The link takes you to NHS England's quality, service improvement and redesign (QSIR) tools.`,
    tags: ["quality improvement", "driver diagram", "tools"],
    priorities: [],
    stages: [],
    status: "PUBLISHED",
    ageDays: 300,
  },
  {
    type: "RESOURCE",
    collaborative: "north-west-coast",
    title: "PDSA cycle worksheet",
    summary: "A printable worksheet for planning and recording a Plan–Do–Study–Act cycle, including the prediction.",
    resourceUrl: "https://www.ihi.org/resources/tools/plan-do-study-act-pdsa-worksheet",
    body: `## Why a worksheet helps

Teams often skip the **prediction** and the **study** steps. The worksheet makes both explicit.

## The four steps

- **Plan**: what change, who, where, when, and what data you will collect. Write down your prediction.
- **Do**: carry out the test and note what actually happened, including surprises.
- **Study**: compare the results with your prediction.
- **Act**: adopt, adapt or abandon — and plan the next cycle.

## Good practice

- Start small: one patient, one shift, one ward.
- Several quick cycles beat one long one.`,
    tags: ["quality improvement", "PDSA", "tools"],
    priorities: [],
    stages: [],
    status: "PUBLISHED",
    ageDays: 280,
  },
  {
    type: "RESOURCE",
    collaborative: "south-west",
    title: "Falls prevention in older people: NICE guideline",
    summary:
      "NICE's guideline on assessing risk and preventing falls in older people, with our one-page summary for ward teams.",
    resourceUrl: "https://www.nice.org.uk/guidance/ng249",
    body: `## Summary for ward teams

The guideline recommends a **multifactorial falls risk assessment** for older people in hospital, including:

- history of falls
- medicines that increase falls risk
- lying and standing blood pressure
- continence and toileting needs
- eyesight, footwear and the environment
- cognitive impairment, including delirium

## What this means in practice

Each risk found should lead to an action in the patient's care plan. Assessment alone does not prevent falls.

Our one-page summary is attached to this item for printing.`,
    tags: ["falls", "NICE", "guidance", "older people"],
    priorities: ["falls"],
    stages: ["inpatient-ward", "community-home"],
    status: "PUBLISHED",
    ageDays: 200,
  },
  {
    type: "RESOURCE",
    collaborative: "eastern",
    title: "Pressure ulcers: prevention and management (NICE guideline)",
    summary: "NICE guidance on preventing and managing pressure ulcers, with a checklist for care homes.",
    resourceUrl: "https://www.nice.org.uk/guidance/cg179",
    body: `## Why this matters for care homes

Most pressure ulcers in care home residents can be prevented with regular skin checks, repositioning and the right equipment.

## Care home checklist

- Check skin at every personal care episode.
- Record a risk assessment on admission and after any change in health.
- Reposition residents at risk at least every 4–6 hours, more often if skin is red.
- Call the district nurse as soon as skin is red and does not fade: **React to Red**.

The full guideline is on the NICE website.`,
    tags: ["pressure ulcers", "NICE", "care homes", "checklist"],
    priorities: ["pressure-ulcers"],
    stages: ["care-home", "community-home"],
    status: "PUBLISHED",
    ageDays: 230,
  },
  {
    type: "RESOURCE",
    collaborative: "kent-surrey-sussex",
    title: "Sepsis: recognition, diagnosis and early management (NICE)",
    summary: "NICE's sepsis guideline and our quick guide to the Sepsis Six for ward staff.",
    resourceUrl: "https://www.nice.org.uk/guidance/ng51",
    body: `## The Sepsis Six, within one hour

1. Give oxygen if needed
2. Take blood cultures
3. Give IV antibiotics
4. Give IV fluids
5. Check lactate
6. Monitor urine output

## Recognising sepsis

Use NEWS2 together with clinical judgement. **Listen to families** who say their relative is "not themselves".

The full guideline is on the NICE website.`,
    tags: ["sepsis", "deterioration", "NICE", "Sepsis Six"],
    priorities: ["deterioration-sepsis"],
    stages: ["admission", "inpatient-ward"],
    status: "PUBLISHED",
    ageDays: 180,
  },
  {
    type: "RESOURCE",
    collaborative: "wessex",
    title: "Making Data Count: reading SPC charts",
    summary: "NHS England's guide to statistical process control charts, and how this portal shows them.",
    resourceUrl: "https://www.england.nhs.uk/publication/making-data-count/",
    body: `## Why SPC?

A red-amber-green rating compares one month to a target. An SPC chart shows whether a change is **real** or just normal variation.

## Reading the icons on this portal

- **Grey**: common cause variation — nothing unusual.
- **Blue**: special cause improvement.
- **Orange**: special cause concern.
- **Purple**: a change where neither direction is "better".

## The rules

A point outside the limits, a run of seven points on one side of the mean, a trend of seven points rising or falling, or two of three points close to a limit.

The Making Data Count guide explains each rule with examples.`,
    tags: ["measurement", "SPC", "Making Data Count", "data"],
    priorities: [],
    stages: [],
    status: "PUBLISHED",
    ageDays: 90,
  },
  {
    type: "RESOURCE",
    collaborative: "north-west-london",
    title: "Surgical site infection surveillance: a practical guide",
    summary: "How to set up 90-day surveillance after joint replacement, including patient follow-up.",
    resourceUrl:
      "https://www.gov.uk/government/publications/surgical-site-infection-surveillance-service-protocol-procedure-codes-and-user-manual",
    body: `## What to measure

Infections within 90 days of hip or knee replacement, found through readmissions, GP contact and patient follow-up.

## Practical steps

- Ask every patient for consent to follow-up at pre-assessment.
- Use a short questionnaire or app at day 30.
- Report monthly by month of surgery.

This guide links to UKHSA's surveillance protocol.`,
    tags: ["infection", "surgical site infection", "surveillance", "measurement"],
    priorities: ["infections"],
    stages: ["theatre"],
    status: "DRAFT",
    byStaff: true,
    ageDays: 6,
  },
  // ─── Lessons ──────────────────────────────────────────────────────────────
  {
    type: "LESSON",
    collaborative: "wessex",
    title: "Why we stopped using sensor alarms for every patient at risk of falls",
    summary: "A change that seemed obvious did not work. What we learned from abandoning it.",
    body: `## What we tried

Bed and chair sensor alarms for every patient scoring high risk of falls on two bays.

## What happened

- Alarms sounded constantly, mostly when patients simply shifted position.
- Staff could not respond to them all and began to ignore them ("alarm fatigue").
- Two patients with delirium became more agitated when the alarms went off.
- Falls did not fall.

## What we learned

**Technology does not replace presence.** Baywatch, where a member of staff stays in the bay, worked where alarms did not.

We now use sensor alarms only after an individual assessment, for patients where they are likely to help.

## Why share this?

Abandoned changes are learning too. Other wards were about to buy alarms for every bed.`,
    tags: ["falls", "lesson", "sensor alarms", "abandoned change"],
    priorities: ["falls"],
    stages: ["inpatient-ward"],
    status: "PUBLISHED",
    ageDays: 55,
  },
  {
    type: "LESSON",
    collaborative: "greater-manchester",
    title: "Spreading an idea is not copying it",
    summary:
      "When we adopted another collaborative's discharge medicines referral, it failed until we adapted it to our own wards.",
    body: `## What happened

We adopted an electronic referral to community pharmacy that had worked well elsewhere. For two months our referral rate stayed below 20%.

## Why

In the original trust, pharmacy technicians were on every ward every day. In ours, they covered three wards each. Referrals at the point of discharge were missed.

## What we changed

We moved the referral to the point when the discharge prescription is screened. The rate rose to two thirds.

## Lesson

Ask *why* a change works before adopting it. The mechanism matters more than the form.`,
    tags: ["spread", "adoption", "lesson", "medication safety"],
    priorities: ["medication-safety", "transfers-discharge"],
    stages: ["discharge"],
    status: "PUBLISHED",
    ageDays: 35,
  },
  {
    type: "LESSON",
    collaborative: "yorkshire-humber",
    title: "Measure weekly while you test, monthly once it sticks",
    summary:
      "Monthly data was too slow to guide our PDSA cycles. Switching to weekly measurement during testing helped.",
    body: `## The problem

Our outcome measure was monthly. A PDSA cycle of two weeks showed no data at all until the month ended.

## What we did

During testing, we tracked a simple **weekly process measure** (risk assessments completed within 6 hours) on a paper chart at the nurses' station. Once the change was adopted, we went back to monthly reporting.

## Result

The team could see the effect of each test within days, which kept momentum up.

## Tip

Keep weekly data simple enough to collect in five minutes.`,
    tags: ["measurement", "PDSA", "lesson", "data"],
    priorities: [],
    stages: [],
    status: "PUBLISHED",
    ageDays: 140,
  },
  {
    type: "LESSON",
    collaborative: "kent-surrey-sussex",
    title: "Automatic alerts need an exclusion for end-of-life care",
    summary:
      "Our automatic outreach alert at NEWS2 of 7 paged the team for patients on end-of-life care plans. Here is how we fixed it.",
    body: `## What happened

In the first fortnight, 6 of 46 automatic alerts were for patients with a documented ceiling of care, whose families had agreed a comfort-focused plan.

## Why it matters

Unnecessary visits are distressing for patients and families at the end of life, and add to the outreach team's workload.

## The fix

The alert now checks for a documented treatment escalation plan before paging.

## Lesson

Test alerts with the people who receive them, and look at every alert in the first weeks.`,
    tags: ["deterioration", "NEWS2", "end of life", "lesson", "digital"],
    priorities: ["deterioration-sepsis"],
    stages: ["inpatient-ward"],
    status: "PUBLISHED",
    ageDays: 110,
  },
  {
    type: "LESSON",
    collaborative: "eastern",
    title: "Warn the district nurses before you train care homes",
    summary: "React to Red training worked — so well that referrals tripled. Plan for the extra workload.",
    body: `## What happened

After React to Red training, referrals from care homes for red skin rose from about 9 to over 20 a month.

## Why this is good

Staff were spotting skin damage early, when it can be reversed.

## The catch

The district nursing team had not been told to expect it, and some referrals waited.

## Lesson

Talk to the people who receive referrals before you start, and agree a simple triage for early redness.`,
    tags: ["pressure ulcers", "care homes", "lesson", "community nursing"],
    priorities: ["pressure-ulcers"],
    stages: ["care-home", "community-home"],
    status: "PUBLISHED",
    ageDays: 85,
  },
  {
    type: "LESSON",
    collaborative: "south-west",
    title: "Night staff first",
    summary: "Most care home falls happen at night, but our first training sessions were in the day.",
    body: `## What we noticed

In our first test, night staff had not been trained in the post-fall decision tool — yet most falls happened between 10pm and 6am.

## What we changed

We ran short sessions at 9pm shift changes and left a copy of the tool in the falls grab bag.

## Lesson

Train the people who are there when the problem happens.`,
    tags: ["falls", "care homes", "lesson", "night shift"],
    priorities: ["falls"],
    stages: ["care-home"],
    status: "DRAFT",
    byStaff: true,
    ageDays: 4,
  },
  // ─── National notes ───────────────────────────────────────────────────────
  {
    type: "NATIONAL_NOTE",
    collaborative: null,
    title: "Spread and adoption: what the national data show this year",
    summary:
      "Change ideas shared on the portal have been adopted by other collaboratives more than 30 times this year. Here is where they went and how fast.",
    body: `## Headline

Across the 15 collaboratives, change ideas published on the portal have been taken up by other collaboratives more than 30 times in the last 12 months.

## What is spreading fastest

- **Falls**: huddle prompts for risk assessment, and post-fall decision tools in care homes.
- **Transfers and discharge**: the red bag, home first, and GP actions boxes on discharge letters.
- **Deterioration**: sepsis grab bags and RESTORE2 in care homes.

## Did it work there too?

Where adopting collaboratives linked their own measures, most show special cause improvement within six months. A few adoptions were stopped, and the reasons given are among the most useful learning on the portal.

## What we ask of collaboratives

1. When you adopt a change, **record it** and link your own measure.
2. When you stop, **say why**.
3. Share your adaptations: they help the next team.

*NHS England patient safety improvement team*`,
    tags: ["national", "spread", "adoption"],
    priorities: [],
    stages: [],
    status: "PUBLISHED",
    featured: true,
    ageDays: 12,
  },
  {
    type: "NATIONAL_NOTE",
    collaborative: null,
    title: "Sign up to Safety: refreshing your safety improvement plan",
    summary:
      "A reminder of the five Sign up to Safety pledges, and how to use the portal to publish your safety improvement plan.",
    body: `## The five pledges

Organisations that sign up to safety commit to:

1. **Put safety first**: commit to reduce avoidable harm by half and make public your goals and plans.
2. **Continually learn**: make the organisation more resilient to risks by acting on feedback.
3. **Be honest**: be transparent with people about progress and when things go wrong.
4. **Collaborate**: take a lead in supporting local collaborative learning.
5. **Be supportive**: help people understand why things go wrong and how to put them right.

## Using the portal

Your safety improvement plan can link to your projects here, so that your driver diagram and measures are always up to date.`,
    tags: ["national", "Sign up to Safety", "safety improvement plan"],
    priorities: [],
    stages: [],
    status: "PUBLISHED",
    ageDays: 160,
  },
  {
    type: "NATIONAL_NOTE",
    collaborative: null,
    title: "National measures: falls with harm, pressure ulcers and more",
    summary:
      "Which measures count towards the national picture, and how to define them so that collaboratives can compare.",
    body: `## The national set

When a project measure matches one of these definitions, tag it with the national metric so it appears on the national dashboard:

- **falls-with-harm**: inpatient falls with moderate harm or worse per 1,000 occupied bed days
- **pressure-ulcers**: new hospital-acquired category 2+ pressure ulcers per 1,000 occupied bed days
- **catheter-infections**: catheter-associated urinary tract infections per 1,000 occupied bed days
- **medication-harm**: medication incidents with harm per 1,000 occupied bed days
- **delayed-transfers**: discharges delayed after the patient no longer met the criteria to reside, as a % of discharges

## Why definitions matter

A rate per 1,000 occupied bed days (or a percentage of discharges) lets a 20-bed ward and a 1,000-bed trust be compared. Record the numerator and denominator each month: nationally they are summed before dividing, so larger organisations weigh more. Only tag a measure when its definition matches.`,
    tags: ["national", "measurement", "definitions"],
    priorities: ["falls", "pressure-ulcers", "infections", "medication-safety", "transfers-discharge"],
    stages: [],
    status: "PUBLISHED",
    ageDays: 210,
  },
  {
    type: "NATIONAL_NOTE",
    collaborative: null,
    title: "Martha's Rule: supporting families to ask for a review",
    summary: "What Martha's Rule means for collaboratives' deterioration work, and examples already on the portal.",
    body: `## What it is

Martha's Rule gives patients and families a way to ask for a rapid review from a different clinical team if they are worried their condition is getting worse.

## Where collaboratives can help

- Share posters and phone scripts that have worked.
- Link family-escalation calls to deterioration measures.
- Include patient partners in designing how the rule is explained on wards.

Several collaboratives have already published their approach — search for "Martha's Rule" in shared learning.`,
    tags: ["national", "deterioration", "Martha's Rule", "families"],
    priorities: ["deterioration-sepsis"],
    stages: ["inpatient-ward"],
    status: "PUBLISHED",
    ageDays: 70,
  },
  {
    type: "NATIONAL_NOTE",
    collaborative: null,
    title: "Winter 2026/27: priorities for safer discharge",
    summary: "Draft national note on discharge safety over winter, for comment by collaborative leads.",
    body: `## Draft for comment

Over winter, pressure on beds rises and so does the risk of unsafe discharge.

## Suggested focus

- Discharges before midday, planned from admission.
- No discharges of older people after 8pm without a family conversation.
- Medicines referrals to community pharmacy for every patient with changes.

Collaborative leads: please send comments by mid-December.`,
    tags: ["national", "discharge", "winter"],
    priorities: ["transfers-discharge"],
    stages: ["discharge"],
    status: "DRAFT",
    ageDays: 3,
  },
];

/** Questions and answers on published learning items (by title). */
export const COMMENT_THREADS: {
  item: string;
  question: { by: string; body: string };
  answer: { by: "author"; body: string };
}[] = [
  {
    item: "How one older people's ward halved falls with harm in a year",
    question: {
      by: "staff.north-west-coast",
      body: "How did you staff Baywatch on nights when you were short? We have tried this but the bay person keeps getting pulled away.",
    },
    answer: {
      by: "author",
      body: "Good question. We added Baywatch to the staffing escalation, so the nurse in charge can ask for an extra healthcare assistant for it. When that is not possible we move the highest-risk patients closer to the nurses' station and the nurse in charge covers handovers.",
    },
  },
  {
    item: "Calmer wards: reducing restraint on acute mental health wards",
    question: {
      by: "lead.east-midlands",
      body: "Did patients take part in the safety huddle itself, or only in the mutual expectations?",
    },
    answer: {
      by: "author",
      body: "Only staff attend the huddle, but what we discuss is shared at the community meeting, and our peer support worker attends both. We are thinking about inviting a patient representative to the morning huddle.",
    },
  },
  {
    item: "Home first in Bristol: assessing people at home, not in hospital",
    question: {
      by: "staff.greater-manchester",
      body: "What was the size of the bridging team, and how did you decide?",
    },
    answer: {
      by: "author",
      body: "We started with eight carers and a coordinator, based on the number of people waiting for a new package on an average day. We reviewed it after three months and added two more.",
    },
  },
];
