/**
 * Builds the whole demo data set in memory, deterministically, as rows ready for createMany.
 * No database access here: demo.ts loads the reference ids, calls buildDemoData and inserts.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AdoptionStatus, ConcernStatus, OrganisationType, ProjectStatus } from "@/lib/generated/prisma/enums";
import type { ContactDetails } from "@/lib/concerns/contact-crypto";
import { COLLABORATIVES, POSTCODE_AREAS } from "./reference-data";
import {
  DEMO_ADMIN,
  DEMO_NATIONAL,
  DEMO_PATIENT,
  LOCAL_PRIORITY_LIBRARY,
  NAME_POOL,
  PEOPLE,
  type LocalPriorityKey,
} from "./content-people";
import {
  PROJECT_PLAN,
  TEMPLATE_BY_KEY,
  type MeasureTemplate,
  type PdsaTemplate,
  type ProjectTemplate,
} from "./content-projects";
import {
  CONCERN_TEXTS,
  DEMO_PATIENT_CONCERNS,
  HAPPENED_WHEN,
  INTERNAL_NOTES,
  OUTCOMES,
  RESPONSES,
  type ConcernText,
} from "./content-concerns";
import { COMMENT_THREADS, LEARNING_ITEMS } from "./content-learning";
import { CHOSEN_RATIONALE, CLOSED_ROUND, EVENT_PLAN, EVENT_TEMPLATES, OPEN_ROUND } from "./content-community";
import { generateSeries, type Pattern } from "./series";
import {
  DEMO_NOW,
  LAST_PERIOD,
  Rng,
  addDays,
  addHours,
  addMonths,
  dateOnly,
  fill,
  monthName,
  sha256Hex,
  slugify,
  utcDate,
} from "./random";

/** The tracking link of the demo patient's first concern: /concerns/track/<token>. */
export const DEMO_TRACKING_TOKEN = "demo-tracking-token-wessex-1";
export const DEMO_PASSWORD = "demo-password";
export const DEMO_ADMIN_EMAIL = DEMO_ADMIN.email;

export type ReferenceIds = {
  collaboratives: Map<string, string>;
  nationalPriorities: Map<string, string>;
  pathwayStages: Map<string, string>;
};

export type DemoData = {
  users: Prisma.UserCreateManyInput[];
  organisations: Prisma.OrganisationCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  priorityRounds: Prisma.PriorityRoundCreateManyInput[];
  localPriorities: Prisma.PriorityAreaCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  projectOrganisations: Prisma.ProjectOrganisationCreateManyInput[];
  projectPriorities: Prisma.ProjectPriorityCreateManyInput[];
  projectPathwayStages: Prisma.ProjectPathwayStageCreateManyInput[];
  teamMembers: Prisma.ProjectTeamMemberCreateManyInput[];
  projectStatusChanges: Prisma.ProjectStatusChangeCreateManyInput[];
  primaryDrivers: Prisma.DriverNodeCreateManyInput[];
  secondaryDrivers: Prisma.DriverNodeCreateManyInput[];
  changeIdeas: Prisma.ChangeIdeaCreateManyInput[];
  pdsaCycles: Prisma.PdsaCycleCreateManyInput[];
  measures: Prisma.MeasureCreateManyInput[];
  measurePoints: Prisma.MeasurePointCreateManyInput[];
  events: Prisma.EventCreateManyInput[];
  eventRegistrations: Prisma.EventRegistrationCreateManyInput[];
  learningItems: Prisma.LearningItemCreateManyInput[];
  learningPriorities: Prisma.LearningItemPriorityCreateManyInput[];
  learningStages: Prisma.LearningItemPathwayStageCreateManyInput[];
  adoptions: Prisma.AdoptionCreateManyInput[];
  adoptionStatusChanges: Prisma.AdoptionStatusChangeCreateManyInput[];
  concerns: Prisma.ConcernCreateManyInput[];
  concernStatusChanges: Prisma.ConcernStatusChangeCreateManyInput[];
  concernNotes: Prisma.ConcernNoteCreateManyInput[];
  concernResponses: Prisma.ConcernResponseCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  commentReplies: Prisma.CommentCreateManyInput[];
  candidates: Prisma.PriorityCandidateCreateManyInput[];
  ballots: Prisma.BallotCreateManyInput[];
  rankings: Prisma.BallotRankingCreateManyInput[];
  priorityComments: Prisma.PriorityCommentCreateManyInput[];
  follows: Prisma.FollowCreateManyInput[];
  /** Measures whose generated series did not reach the intended SPC reading (should be 0). */
  seriesMismatches: number;
};

type BuiltOrg = { id: string; name: string; short: string; type: OrganisationType };

type BuiltMeasure = { id: string; index: number; template: MeasureTemplate; pattern: Pattern["type"] };

type BuiltProject = {
  id: string;
  collab: string;
  template: ProjectTemplate;
  status: ProjectStatus;
  published: boolean;
  start: Date;
  changeMonth: Date | null;
  monthsImproved: number | null;
  leadOrg: BuiltOrg;
  measures: BuiltMeasure[];
  title: string;
  values: Record<string, string>;
  pdsa: { template: PdsaTemplate; start: Date; end: Date | null; done: boolean }[];
  localPriorityIds: string[];
};

const STATUS_ORDER: ProjectStatus[] = [
  "IDEA",
  "PLANNING",
  "TESTING",
  "IMPLEMENTING",
  "SPREADING",
  "SUSTAINING",
  "CLOSED",
];

const STATUS_REASONS: Record<ProjectStatus, string> = {
  IDEA: "Project idea logged.",
  PLANNING: "Team formed and baseline data gathered; planning the first tests of change.",
  TESTING: "First PDSA cycle started.",
  IMPLEMENTING: "Change adopted after testing; rolling it out across the project wards.",
  SPREADING: "Results sustained; spreading to other wards and partner organisations.",
  SUSTAINING: "Change embedded in standard practice; monthly monitoring continues.",
  CLOSED: "Aim achieved and sustained; handed over to business as usual.",
};

const GENERIC_PLACE: Partial<Record<OrganisationType, string>> = {
  ACUTE_TRUST: "the hospital",
  MENTAL_HEALTH_TRUST: "the mental health unit",
  COMMUNITY_SERVICE: "the community nursing team",
  GP_PRACTICE: "the surgery",
  CARE_HOME: "the care home",
  AMBULANCE_SERVICE: "the ambulance service",
};

const NOT_ADOPTED_REASONS = [
  "Our care homes already use a similar falls response tool commissioned by the council, so we have shared this with them rather than start a separate project.",
  "We could not fund the equipment this year. We will look again when the care home budget for next year is agreed.",
  "Our electronic prescribing system cannot support the alert until the upgrade planned for 2027; we will revisit then.",
];

/** Index of the measure that evidences a template's change: its first moving outcome measure with a direction. */
function evidenceIndex(t: ProjectTemplate): number {
  const outcome = t.measures.findIndex((m) => m.moves && m.kind === "OUTCOME" && m.direction !== "NEITHER");
  if (outcome >= 0) return outcome;
  return Math.max(
    0,
    t.measures.findIndex((m) => m.moves && m.direction !== "NEITHER"),
  );
}

function rankOf(status: ProjectStatus): number {
  return STATUS_ORDER.indexOf(status);
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function buildDemoData(
  ref: ReferenceIds,
  passwordHash: string,
  encrypt: (contact: ContactDetails) => string,
): DemoData {
  const ids = new Rng("psc-demo:ids");
  const data: DemoData = {
    users: [],
    organisations: [],
    memberships: [],
    priorityRounds: [],
    localPriorities: [],
    projects: [],
    projectOrganisations: [],
    projectPriorities: [],
    projectPathwayStages: [],
    teamMembers: [],
    projectStatusChanges: [],
    primaryDrivers: [],
    secondaryDrivers: [],
    changeIdeas: [],
    pdsaCycles: [],
    measures: [],
    measurePoints: [],
    events: [],
    eventRegistrations: [],
    learningItems: [],
    learningPriorities: [],
    learningStages: [],
    adoptions: [],
    adoptionStatusChanges: [],
    concerns: [],
    concernStatusChanges: [],
    concernNotes: [],
    concernResponses: [],
    comments: [],
    commentReplies: [],
    candidates: [],
    ballots: [],
    rankings: [],
    priorityComments: [],
    follows: [],
    seriesMismatches: 0,
  };

  const collabId = (slug: string): string => {
    const id = ref.collaboratives.get(slug);
    if (!id) throw new Error(`Collaborative ${slug} is missing: run the reference data seed first.`);
    return id;
  };
  const stageId = (slug: string): string => {
    const id = ref.pathwayStages.get(slug);
    if (!id) throw new Error(`Pathway stage ${slug} is missing: run the reference data seed first.`);
    return id;
  };
  const nationalId = (slug: string): string => {
    const id = ref.nationalPriorities.get(slug);
    if (!id) throw new Error(`National priority area ${slug} is missing: run the reference data seed first.`);
    return id;
  };

  // ─── Users and memberships ─────────────────────────────────────────────────
  const userIds = new Map<string, string>();
  const userNames = new Map<string, string>();
  let userIndex = 0;
  const addUser = (email: string, name: string, globalRole: "NONE" | "NATIONAL" | "ADMIN" = "NONE"): string => {
    const id = ids.id();
    const createdAt = addHours(utcDate(2025, 3, 3, 9), userIndex * 29);
    userIndex++;
    data.users.push({
      id,
      email,
      name,
      passwordHash,
      globalRole,
      emailVerified: createdAt,
      createdAt,
      updatedAt: createdAt,
    });
    userIds.set(email, id);
    userNames.set(email, name);
    return id;
  };
  const userId = (email: string): string => {
    const id = userIds.get(email);
    if (!id) throw new Error(`Demo user ${email} is not defined`);
    return id;
  };

  addUser(DEMO_ADMIN.email, DEMO_ADMIN.name, "ADMIN");
  addUser(DEMO_NATIONAL.email, DEMO_NATIONAL.name, "NATIONAL");

  const orgsByCollab = new Map<string, BuiltOrg[]>();
  const leadEmail = (slug: string) => `lead.${slug}@demo.nhs.uk`;
  const staffEmail = (slug: string) => `staff.${slug}@demo.nhs.uk`;

  for (const c of COLLABORATIVES) {
    const people = PEOPLE[c.slug];
    if (!people) throw new Error(`No demo people for ${c.slug}`);
    const cId = collabId(c.slug);
    const orgs: BuiltOrg[] = people.organisations.map((o, i) => {
      const id = ids.id();
      data.organisations.push({
        id,
        collaborativeId: cId,
        name: o.name,
        type: o.type,
        odsCode: o.odsCode,
        createdAt: addDays(utcDate(2025, 2, 10, 9), i),
      });
      return { id, name: o.name, short: o.short, type: o.type };
    });
    orgsByCollab.set(c.slug, orgs);

    const approvedAt = utcDate(2025, 3, 10, 12);
    const lead = addUser(leadEmail(c.slug), people.lead.name);
    data.memberships.push({
      id: ids.id(),
      userId: lead,
      collaborativeId: cId,
      role: "LEAD",
      status: "ACTIVE",
      jobTitle: people.lead.jobTitle,
      createdAt: approvedAt,
      approvedAt,
    });
    const staff = addUser(staffEmail(c.slug), people.staff.name);
    data.memberships.push({
      id: ids.id(),
      userId: staff,
      collaborativeId: cId,
      organisationId: orgs[people.staff.org].id,
      role: "STAFF",
      status: "ACTIVE",
      jobTitle: people.staff.jobTitle,
      createdAt: approvedAt,
      approvedAt,
    });
    for (const extra of people.extras) {
      const id = addUser(extra.email, extra.name);
      const joined = addDays(approvedAt, 40 + data.memberships.length);
      data.memberships.push({
        id: ids.id(),
        userId: id,
        collaborativeId: cId,
        organisationId: extra.org === null ? null : orgs[extra.org].id,
        role: extra.role,
        status: extra.pending ? "PENDING" : "ACTIVE",
        jobTitle: extra.jobTitle,
        createdAt: extra.pending ? addDays(DEMO_NOW, -2) : joined,
        approvedAt: extra.pending ? null : joined,
      });
    }
  }
  const patient = addUser(DEMO_PATIENT.email, DEMO_PATIENT.name);
  data.memberships.push({
    id: ids.id(),
    userId: patient,
    collaborativeId: collabId("wessex"),
    role: "PATIENT",
    status: "ACTIVE",
    createdAt: utcDate(2025, 9, 14, 19),
    approvedAt: utcDate(2025, 9, 14, 19),
  });

  const membersOf = (slug: string): string[] => {
    const people = PEOPLE[slug];
    const emails = [staffEmail(slug), ...people.extras.filter((e) => !e.pending).map((e) => e.email)];
    if (slug === "wessex") emails.push(DEMO_PATIENT.email);
    return emails;
  };

  // ─── Priority rounds (before local priorities, which point at the round that chose them) ──
  const roundRng = new Rng("psc-demo:rounds");
  const openRoundId = ids.id();
  const openedAt = addDays(DEMO_NOW, -OPEN_ROUND.openedDaysAgo);
  data.priorityRounds.push({
    id: openRoundId,
    collaborativeId: collabId(OPEN_ROUND.collaborative),
    title: OPEN_ROUND.title,
    description: OPEN_ROUND.description,
    status: "OPEN",
    openedById: userId(leadEmail(OPEN_ROUND.collaborative)),
    openedAt,
    closesAt: addHours(dateOnly(addDays(DEMO_NOW, OPEN_ROUND.closesInDays)), 17),
  });
  const closedRoundId = ids.id();
  const closedAt = utcDate(CLOSED_ROUND.closedAt[0], CLOSED_ROUND.closedAt[1], CLOSED_ROUND.closedAt[2], 17);
  data.priorityRounds.push({
    id: closedRoundId,
    collaborativeId: collabId(CLOSED_ROUND.collaborative),
    title: CLOSED_ROUND.title,
    description: CLOSED_ROUND.description,
    status: "CLOSED",
    openedById: userId(leadEmail(CLOSED_ROUND.collaborative)),
    openedAt: utcDate(CLOSED_ROUND.openedAt[0], CLOSED_ROUND.openedAt[1], CLOSED_ROUND.openedAt[2], 9),
    closesAt: closedAt,
    closedAt: addHours(closedAt, 1),
    closedById: userId(leadEmail(CLOSED_ROUND.collaborative)),
    decisionRationale: CLOSED_ROUND.decisionRationale,
    version: 2,
  });

  // ─── Local priorities ──────────────────────────────────────────────────────
  const localIds = new Map<string, string>(); // `${collab}-${key}` → id
  const chosenKeys = new Set(CLOSED_ROUND.candidates.filter((c) => c.chosen && c.priority).map((c) => c.priority!));
  for (const c of COLLABORATIVES) {
    for (const key of PEOPLE[c.slug].localPriorities) {
      const lib = LOCAL_PRIORITY_LIBRARY[key];
      const id = ids.id();
      const slug = `${c.slug}-${key}`;
      localIds.set(slug, id);
      const fromRound = c.slug === CLOSED_ROUND.collaborative && chosenKeys.has(key);
      data.localPriorities.push({
        id,
        slug,
        name: lib.name,
        description: lib.description,
        kind: "LOCAL",
        status: c.slug === "yorkshire-humber" && key === "safety-culture" ? "ACHIEVED" : "ACTIVE",
        collaborativeId: collabId(c.slug),
        roundId: fromRound ? closedRoundId : null,
        rationale: fromRound ? (CHOSEN_RATIONALE[key] ?? null) : null,
        createdAt: fromRound ? addHours(closedAt, 2) : utcDate(2025, 4, 1, 9),
      });
    }
  }
  /** A priority key (national slug or local key) → id, for a collaborative. */
  const priorityIdFor = (collab: string | null, key: string): string | null => {
    if (ref.nationalPriorities.has(key)) return nationalId(key);
    if (!collab) return null;
    return localIds.get(`${collab}-${key}`) ?? null;
  };

  // ─── Projects ──────────────────────────────────────────────────────────────
  const projects: BuiltProject[] = [];
  const templateUse = new Map<string, number>();
  for (const c of COLLABORATIVES) {
    const plan = PROJECT_PLAN[c.slug] ?? [];
    const orgs = orgsByCollab.get(c.slug)!;
    const cId = collabId(c.slug);
    const lead = userId(leadEmail(c.slug));
    const staff = userId(staffEmail(c.slug));
    plan.forEach((planned, planIndex) => {
      const t = TEMPLATE_BY_KEY.get(planned.template);
      if (!t) throw new Error(`Unknown project template ${planned.template}`);
      const use = templateUse.get(t.key) ?? 0;
      templateUse.set(t.key, use + 1);
      const rng = new Rng(`psc-demo:project:${c.slug}:${t.key}`);
      const status = planned.status;
      const rank = rankOf(status);

      const leadOrg = t.orgTypes.map((type) => orgs.find((o) => o.type === type)).find((o) => o) ?? orgs[0];
      const partners = [leadOrg, ...orgs.filter((o) => o !== leadOrg && t.orgTypes.includes(o.type))].slice(0, 3);
      const careHome = orgs.find((o) => o.type === "CARE_HOME");
      const values = {
        site: leadOrg.short,
        ward: t.wards[use % t.wards.length],
        carehome: careHome ? careHome.short : "a partner care home",
      };

      // How long ago the change took effect, by lifecycle stage.
      let monthsImproved: number | null = null;
      if (status === "TESTING") monthsImproved = rng.chance(0.45) ? rng.int(7, 8) : null;
      else if (status === "IMPLEMENTING") monthsImproved = rng.int(8, 11);
      else if (status === "SPREADING") monthsImproved = rng.int(11, 15);
      else if (status === "SUSTAINING") monthsImproved = rng.int(15, 20);
      else if (status === "CLOSED") monthsImproved = rng.int(16, 22);
      const changeMonth = monthsImproved === null ? null : addMonths(LAST_PERIOD, -(monthsImproved - 1));

      // PDSA cycles and the project's start.
      const pdsa: BuiltProject["pdsa"] = [];
      let start: Date;
      if (status === "IDEA") {
        start = addDays(DEMO_NOW, -rng.int(6, 35));
      } else if (status === "PLANNING") {
        start = addDays(DEMO_NOW, -rng.int(30, 80));
        let s = addDays(DEMO_NOW, rng.int(5, 20));
        for (const p of t.pdsa.slice(0, 2)) {
          pdsa.push({ template: p, start: s, end: null, done: false });
          s = addDays(s, rng.int(28, 42));
        }
      } else if (changeMonth) {
        const cycles = status === "TESTING" ? t.pdsa.slice(0, 3) : t.pdsa;
        const adoptAt = Math.max(
          0,
          cycles.findIndex((p) => p.act === "ADOPT"),
        );
        const starts: Date[] = [];
        const ends: Date[] = [];
        // The adopting cycle ends just before the change month.
        ends[adoptAt] = addDays(changeMonth, -rng.int(3, 10));
        starts[adoptAt] = addDays(ends[adoptAt], -rng.int(21, 35));
        for (let i = adoptAt - 1; i >= 0; i--) {
          ends[i] = addDays(starts[i + 1], -rng.int(4, 14));
          starts[i] = addDays(ends[i], -rng.int(14, 30));
        }
        for (let i = adoptAt + 1; i < cycles.length; i++) {
          starts[i] = addDays(ends[i - 1], rng.int(14, 45));
          ends[i] = addDays(starts[i], rng.int(21, 42));
        }
        cycles.forEach((p, i) => {
          if (starts[i].getTime() > DEMO_NOW.getTime()) return;
          const done = ends[i].getTime() <= DEMO_NOW.getTime() && !(status === "TESTING" && i === cycles.length - 1);
          pdsa.push({ template: p, start: starts[i], end: done ? ends[i] : null, done });
        });
        start = addDays(starts[0], -rng.int(21, 60));
      } else {
        // Testing, no change visible yet: two or three cycles, the latest under way.
        const count = rng.int(2, 3);
        const cycles = t.pdsa.slice(0, count);
        const starts: Date[] = [];
        const ends: Date[] = [];
        starts[count - 1] = addDays(DEMO_NOW, -rng.int(5, 20));
        for (let i = count - 2; i >= 0; i--) {
          ends[i] = addDays(starts[i + 1], -rng.int(4, 14));
          starts[i] = addDays(ends[i], -rng.int(14, 28));
        }
        cycles.forEach((p, i) =>
          pdsa.push({ template: p, start: starts[i], end: i < count - 1 ? ends[i] : null, done: i < count - 1 }),
        );
        start = addDays(starts[0], -rng.int(21, 50));
      }
      const createdAt = addHours(dateOnly(addDays(start, -rng.int(7, 25))), 9 + rng.int(0, 7));
      const projectId = ids.id();
      const title = fill(t.titles[use % t.titles.length], values);

      // Status history.
      const changes: { status: ProjectStatus; at: Date }[] = [{ status: "IDEA", at: createdAt }];
      const push = (s: ProjectStatus, at: Date) => {
        const prev = changes[changes.length - 1].at;
        changes.push({ status: s, at: minDate(maxDate(at, addDays(prev, 1)), addDays(DEMO_NOW, -1)) });
      };
      if (rank >= 1) push("PLANNING", addHours(dateOnly(start), 10));
      if (rank >= 2) push("TESTING", addHours(pdsa[0]?.start ?? start, 11));
      if (rank >= 3 && changeMonth) push("IMPLEMENTING", addDays(changeMonth, rng.int(0, 10)));
      if (rank >= 4 && changeMonth) push("SPREADING", addMonths(changeMonth, 4));
      if (rank >= 5 && changeMonth) push("SUSTAINING", addMonths(changeMonth, 9));
      if (rank >= 6 && changeMonth) push("CLOSED", minDate(addMonths(changeMonth, 13), addDays(DEMO_NOW, -14)));
      const changedBy = [lead, staff];
      changes.forEach((ch, i) => {
        data.projectStatusChanges.push({
          id: ids.id(),
          projectId,
          fromStatus: i === 0 ? null : changes[i - 1].status,
          toStatus: ch.status,
          reason: STATUS_REASONS[ch.status],
          changedById: changedBy[(i + planIndex) % 2],
          changedAt: ch.at,
        });
      });
      const lastActivity = maxDate(
        changes[changes.length - 1].at,
        pdsa.length ? pdsa[pdsa.length - 1].start : createdAt,
      );
      const updatedAt = minDate(
        maxDate(addDays(lastActivity, rng.int(1, 20)), addDays(DEMO_NOW, -rng.int(1, 40))),
        DEMO_NOW,
      );

      const localPriorityIds = t.local ? [localIds.get(`${c.slug}-${t.local}`)].filter((x): x is string => !!x) : [];
      data.projects.push({
        id: projectId,
        collaborativeId: cId,
        title,
        problem: fill(t.problem, values),
        aimWhat: t.aimWhat,
        aimHowMuch: t.aimHowMuch,
        aimByWhen: dateOnly(addMonths(utcDate(start.getUTCFullYear(), start.getUTCMonth() + 1, 1), 15)),
        startDate: dateOnly(start),
        status,
        visibility: planned.visibility,
        closedReason:
          status === "CLOSED"
            ? "Aim achieved and sustained for over a year. Handed over to the ward teams as business as usual, with the measures still reported monthly."
            : null,
        learningSummary: rank >= 4 ? t.learningSummary : "",
        version: changes.length,
        createdById: planIndex === 0 ? staff : lead,
        createdAt,
        updatedAt,
      });
      for (const org of partners) data.projectOrganisations.push({ projectId, organisationId: org.id });
      const priorityIds = new Set<string>();
      if (t.national) priorityIds.add(nationalId(t.national));
      if (t.alsoNational) priorityIds.add(nationalId(t.alsoNational));
      for (const id of localPriorityIds) priorityIds.add(id);
      for (const priorityAreaId of priorityIds) data.projectPriorities.push({ projectId, priorityAreaId });
      for (const s of t.pathway) data.projectPathwayStages.push({ projectId, pathwayStageId: stageId(s) });

      // Team: the collaborative's lead as coach, its staff member, other named members, free-text names.
      const people = PEOPLE[c.slug];
      const names = rng.sample(NAME_POOL, t.teamRoles.length);
      data.teamMembers.push({ id: ids.id(), projectId, userId: lead, role: "Improvement coach (collaborative)" });
      t.teamRoles.forEach((role, i) => {
        if (i === 0 && planIndex === 0) data.teamMembers.push({ id: ids.id(), projectId, userId: staff, role });
        else data.teamMembers.push({ id: ids.id(), projectId, name: names[i], role });
      });
      if (planIndex !== 0) data.teamMembers.push({ id: ids.id(), projectId, userId: staff, role: "Team member" });
      const extraStaff = people.extras.filter((e) => e.role === "STAFF" && !e.pending);
      const extra = extraStaff[planIndex];
      if (extra)
        data.teamMembers.push({
          id: ids.id(),
          projectId,
          userId: userId(extra.email),
          role: extra.jobTitle ?? "Team member",
        });

      // Driver diagram and change ideas.
      const secondaryIds: string[][] = [];
      t.drivers.forEach((d, pi) => {
        const pid = ids.id();
        data.primaryDrivers.push({ id: pid, projectId, kind: "PRIMARY", text: d.text, sortOrder: pi });
        secondaryIds.push(
          d.secondary.map((text, si) => {
            const sid = ids.id();
            data.secondaryDrivers.push({ id: sid, projectId, parentId: pid, kind: "SECONDARY", text, sortOrder: si });
            return sid;
          }),
        );
      });
      const ideaIds = t.changeIdeas.map((idea, i) => {
        const id = ids.id();
        data.changeIdeas.push({
          id,
          projectId,
          driverNodeId: secondaryIds[idea.driver[0]]?.[idea.driver[1]] ?? null,
          title: idea.title,
          description: idea.description,
          sortOrder: i,
          createdAt: addDays(createdAt, 3 + i),
        });
        return id;
      });
      for (const cycle of pdsa) {
        const p = cycle.template;
        const underway = !cycle.done && cycle.start.getTime() <= DEMO_NOW.getTime();
        data.pdsaCycles.push({
          id: ids.id(),
          projectId,
          changeIdeaId: ideaIds[p.idea],
          title: fill(p.title, values),
          plan: fill(p.plan, values),
          prediction: fill(p.prediction, values),
          doNotes: cycle.done
            ? fill(p.doNotes, values)
            : underway
              ? `Test started ${cycle.start.getUTCDate()} ${monthName(cycle.start)}; data collection under way.`
              : "",
          study: cycle.done ? fill(p.study, values) : "",
          act: cycle.done ? p.act : null,
          actNotes: cycle.done ? fill(p.actNotes, values) : "",
          startDate: dateOnly(cycle.start),
          endDate: cycle.end ? dateOnly(cycle.end) : null,
          version: cycle.done ? 3 : 1,
          createdAt: addDays(cycle.start, -rng.int(2, 7)),
        });
      }

      // Measures and their monthly points.
      const evidence = evidenceIndex(t);
      const rebaseIndex = t.measures.findIndex((m, i) => m.moves && m.kind === "PROCESS" && i !== evidence);
      const rebase =
        changeMonth !== null &&
        rebaseIndex >= 0 &&
        (status === "CLOSED" || (status === "SUSTAINING" && rng.chance(0.4)));
      const builtMeasures: BuiltMeasure[] = [];
      t.measures.forEach((m, mi) => {
        const id = ids.id();
        let pattern: Pattern;
        let count: number;
        if (changeMonth && m.moves) {
          count = Math.min(36, Math.max(24, monthsImproved! + rng.int(12, 18)));
          pattern = { type: "improve", changeIndex: count - monthsImproved! };
        } else {
          count = changeMonth ? Math.min(36, Math.max(24, monthsImproved! + rng.int(12, 18))) : rng.int(24, 30);
          const deteriorating =
            (rank <= 1 && mi === evidence && rng.chance(0.5)) ||
            (m.kind === "BALANCING" && !m.moves && m.direction !== "NEITHER" && rng.chance(0.15));
          pattern = deteriorating ? { type: "concern", changeIndex: count - rng.int(7, 9) } : { type: "common" };
        }
        const screen = rng.chance(0.1);
        const rebaseDates = rebase && mi === rebaseIndex ? [dateOnly(changeMonth!)] : [];
        const series = generateSeries(
          rng,
          { ...m, target: m.target ?? null, screenOutlierMovingRanges: screen },
          pattern,
          count,
          LAST_PERIOD,
          rebaseDates,
        );
        if (!series.matched) data.seriesMismatches++;
        const measureCreated = addDays(createdAt, 2 + mi);
        data.measures.push({
          id,
          projectId,
          name: m.name,
          kind: m.kind,
          definition: m.definition,
          unit: m.unit,
          direction: m.direction,
          target: m.target ?? null,
          period: "MONTH",
          valueType: m.valueType,
          rateMultiplier: m.rateMultiplier,
          screenOutlierMovingRanges: screen,
          rebaseDates,
          nationalMetric: m.nationalMetric ?? null,
          version: 1,
          createdAt: measureCreated,
          updatedAt: addDays(LAST_PERIOD, 38),
        });
        const adoptCycle = pdsa.find((p) => p.done && p.template.act === "ADOPT");
        series.points.forEach((pt, i) => {
          let note = "";
          if (pattern.type === "improve" && i === pattern.changeIndex && adoptCycle)
            note = `Change adopted: ${fill(adoptCycle.template.title, values)}`;
          else if (rebaseDates.length && pt.periodStart.getTime() === rebaseDates[0].getTime())
            note = "Limits recalculated from here after a sustained change.";
          else if (pattern.type === "concern" && i === pattern.changeIndex)
            note = "Rise noted; under review with the ward teams.";
          const entered = minDate(addDays(addMonths(pt.periodStart, 1), 6 + (i % 5)), addDays(DEMO_NOW, -1));
          data.measurePoints.push({
            id: ids.id(),
            measureId: id,
            periodStart: pt.periodStart,
            value: pt.value,
            numerator: pt.numerator,
            denominator: pt.denominator,
            note,
            createdAt: entered,
            updatedAt: entered,
          });
        });
        builtMeasures.push({ id, index: mi, template: m, pattern: pattern.type });
      });

      projects.push({
        id: projectId,
        collab: c.slug,
        template: t,
        status,
        published: planned.visibility !== "DRAFT",
        start,
        changeMonth,
        monthsImproved,
        leadOrg,
        measures: builtMeasures,
        title,
        values,
        pdsa,
        localPriorityIds,
      });
    });
  }

  // ─── Events ────────────────────────────────────────────────────────────────
  const eventRng = new Rng("psc-demo:events");
  const eventIds = new Map<string, string>();
  const firstPlace = (slug: string) => POSTCODE_AREAS.find((p) => p.collaborative === slug)?.place ?? "the region";
  const venues = [
    "Postgraduate Education Centre",
    "Conference Centre",
    "Innovation Hub",
    "Community Hall",
    "Learning and Development Centre",
  ];
  for (const c of COLLABORATIVES) {
    for (const [key, days, hour] of EVENT_PLAN[c.slug] ?? []) {
      const t = EVENT_TEMPLATES.find((e) => e.key === key);
      if (!t) throw new Error(`Unknown event template ${key}`);
      const id = ids.id();
      eventIds.set(`${c.slug}:${key}`, id);
      const startsAt = addHours(dateOnly(addDays(DEMO_NOW, days)), hour);
      const createdAt = minDate(addDays(startsAt, -eventRng.int(35, 60)), addDays(DEMO_NOW, -3));
      data.events.push({
        id,
        collaborativeId: collabId(c.slug),
        title: t.title,
        description: t.description,
        agenda: t.agenda,
        startsAt,
        endsAt: addHours(startsAt, t.hours),
        location: t.online ? null : `${eventRng.pick(venues)}, ${firstPlace(c.slug)}`,
        onlineUrl: t.online ? `https://meet.example.nhs.uk/psc/${c.slug}/${key}` : null,
        capacity: t.capacity,
        cancelledAt: c.slug === "north-west-london" && key === "qi-intro" ? addDays(DEMO_NOW, -4) : null,
        createdById: userId(leadEmail(c.slug)),
        version: 1,
        createdAt,
      });
      const pool = [
        ...membersOf(c.slug),
        ...(t.online ? COLLABORATIVES.filter((o) => o.slug !== c.slug).map((o) => staffEmail(o.slug)) : []),
      ];
      const attendees = eventRng.sample(pool, eventRng.int(Math.min(2, pool.length), Math.min(pool.length, 8)));
      const lastDay = minDate(startsAt, DEMO_NOW);
      for (const email of attendees) {
        const span = Math.max(1, Math.floor((lastDay.getTime() - createdAt.getTime()) / 86_400_000));
        data.eventRegistrations.push({
          id: ids.id(),
          eventId: id,
          userId: userId(email),
          createdAt: addHours(addDays(createdAt, eventRng.int(0, span - 1)), eventRng.int(8, 20)),
        });
      }
    }
  }

  // ─── Shared learning ───────────────────────────────────────────────────────
  const learnRng = new Rng("psc-demo:learning");
  const slugs = new Set<string>();
  const uniqueSlug = (title: string) => {
    const base = slugify(title).slice(0, 80).replace(/-+$/, "");
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    return slug;
  };
  type BuiltLearning = {
    id: string;
    title: string;
    authorId: string;
    publishedAt: Date | null;
    template?: string;
    collab: string | null;
  };
  const learning: BuiltLearning[] = [];
  const addLearningLinks = (id: string, collab: string | null, priorities: string[], stages: string[]) => {
    const seen = new Set<string>();
    for (const key of priorities) {
      const pid = priorityIdFor(collab, key);
      if (pid && !seen.has(pid)) {
        seen.add(pid);
        data.learningPriorities.push({ learningItemId: id, priorityAreaId: pid });
      }
    }
    for (const s of new Set(stages)) data.learningStages.push({ learningItemId: id, pathwayStageId: stageId(s) });
  };

  // Change ideas: one write-up per template, from the project where the change took effect first.
  const DRAFT_CHANGE_IDEAS = new Set(["care-home-meds", "hydration-uti"]);
  const origins = new Map<string, BuiltProject>();
  for (const p of projects) {
    if (p.monthsImproved === null || rankOf(p.status) < 3) continue;
    const current = origins.get(p.template.key);
    if (!current || p.monthsImproved! > current.monthsImproved!) origins.set(p.template.key, p);
  }
  for (const [key, origin] of origins) {
    const t = origin.template;
    const id = ids.id();
    const author = learnRng.chance(0.6) ? userId(staffEmail(origin.collab)) : userId(leadEmail(origin.collab));
    const draft = DRAFT_CHANGE_IDEAS.has(key);
    const publishedAt = draft
      ? null
      : minDate(addHours(addDays(addMonths(origin.changeMonth!, 2), learnRng.int(0, 20)), 11), addDays(DEMO_NOW, -8));
    const createdAt = publishedAt
      ? addDays(publishedAt, -learnRng.int(5, 20))
      : addDays(DEMO_NOW, -learnRng.int(3, 12));
    const evidence = origin.measures[evidenceIndex(t)];
    const adopted = origin.pdsa.filter((p) => p.done).slice(0, 3);
    const idea = t.changeIdeas[adopted.find((p) => p.template.act === "ADOPT")?.template.idea ?? 0];
    const decision = { ADOPT: "Adopt", ADAPT: "Adapt", ABANDON: "Abandon" } as const;
    const body = [
      `## The problem`,
      ``,
      fill(t.problem, origin.values),
      ``,
      `## The change`,
      ``,
      `**${idea.title}.** ${idea.description}`,
      ``,
      `## How we tested it`,
      ``,
      ...adopted.flatMap((c) => [
        `### ${fill(c.template.title, origin.values)}`,
        ``,
        `- **Prediction:** ${fill(c.template.prediction, origin.values)}`,
        `- **What we found:** ${fill(c.template.study, origin.values)}`,
        `- **Decision:** ${decision[c.template.act]} — ${fill(c.template.actNotes, origin.values)}`,
        ``,
      ]),
      `## Results`,
      ``,
      `${t.learningSummary} Our measure "${evidence.template.name}" shows the change on the project's SPC chart from ${monthName(origin.changeMonth!)}.`,
      ``,
      `## Tips for others`,
      ``,
      ...t.learning.tips.map((tip) => `- ${tip}`),
    ].join("\n");
    data.learningItems.push({
      id,
      slug: uniqueSlug(t.learning.title),
      type: "CHANGE_IDEA",
      title: t.learning.title,
      summary: t.learning.summary,
      body,
      tags: t.learning.tags,
      status: draft ? "DRAFT" : "PUBLISHED",
      collaborativeId: collabId(origin.collab),
      authorId: author,
      projectId: origin.id,
      measureId: evidence.id,
      publishedAt,
      publishedById: publishedAt ? userId(leadEmail(origin.collab)) : null,
      version: publishedAt ? 2 : 1,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    });
    const priorities: string[] = [];
    for (const key of [t.national, t.alsoNational, t.local]) if (key) priorities.push(key);
    addLearningLinks(id, origin.collab, priorities, t.pathway);
    learning.push({ id, title: t.learning.title, authorId: author, publishedAt, template: key, collab: origin.collab });
  }

  for (const item of LEARNING_ITEMS) {
    const id = ids.id();
    const national = item.type === "NATIONAL_NOTE";
    const authorId = national
      ? userId(DEMO_NATIONAL.email)
      : userId(item.byStaff ? staffEmail(item.collaborative!) : leadEmail(item.collaborative!));
    const published = item.status === "PUBLISHED";
    const publishedAt = published ? addHours(dateOnly(addDays(DEMO_NOW, -item.ageDays)), 10) : null;
    const createdAt = publishedAt
      ? addDays(publishedAt, -learnRng.int(4, 18))
      : addHours(dateOnly(addDays(DEMO_NOW, -item.ageDays)), 14);
    const eventId =
      item.event && item.collaborative ? (eventIds.get(`${item.collaborative}:${item.event}`) ?? null) : null;
    data.learningItems.push({
      id,
      slug: uniqueSlug(item.title),
      type: item.type,
      title: item.title,
      summary: item.summary,
      body: item.body,
      resourceUrl: item.resourceUrl ?? null,
      tags: item.tags,
      status: item.status,
      featured: !!item.featured,
      featuredAt: item.featured && publishedAt ? addDays(publishedAt, 2) : null,
      collaborativeId: item.collaborative ? collabId(item.collaborative) : null,
      authorId,
      eventId,
      publishedAt,
      publishedById: publishedAt
        ? national
          ? userId(DEMO_NATIONAL.email)
          : userId(leadEmail(item.collaborative!))
        : null,
      version: published ? 2 : 1,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    });
    addLearningLinks(id, item.collaborative, item.priorities, item.stages);
    learning.push({ id, title: item.title, authorId, publishedAt, collab: item.collaborative });
  }

  // ─── Adoptions ─────────────────────────────────────────────────────────────
  const adoptRng = new Rng("psc-demo:adoptions");
  const ADOPTION_PATH: AdoptionStatus[] = ["CONSIDERING", "TESTING", "ADOPTED", "SUSTAINED"];
  const addAdoption = (
    item: BuiltLearning,
    collab: string,
    status: AdoptionStatus,
    project: BuiltProject | null,
    reason: string | null,
  ) => {
    const id = ids.id();
    const earliest = addDays(item.publishedAt!, adoptRng.int(5, 30));
    let createdAt = project ? maxDate(earliest, addDays(project.start, -14)) : earliest;
    createdAt = minDate(createdAt, addDays(DEMO_NOW, -20));
    if (createdAt.getTime() <= item.publishedAt!.getTime()) createdAt = addDays(item.publishedAt!, 1);
    const path: AdoptionStatus[] =
      status === "NOT_ADOPTED"
        ? adoptRng.chance(0.5)
          ? ["CONSIDERING", "TESTING", "NOT_ADOPTED"]
          : ["CONSIDERING", "NOT_ADOPTED"]
        : ADOPTION_PATH.slice(0, ADOPTION_PATH.indexOf(status) + 1);
    const span = DEMO_NOW.getTime() - 3 * 86_400_000 - createdAt.getTime();
    const recorder = userId(leadEmail(collab));
    let last = createdAt;
    path.forEach((s, i) => {
      const at = i === 0 ? createdAt : new Date(createdAt.getTime() + (span * i) / path.length);
      last = at;
      data.adoptionStatusChanges.push({
        id: ids.id(),
        adoptionId: id,
        fromStatus: i === 0 ? null : path[i - 1],
        toStatus: s,
        reason:
          s === "NOT_ADOPTED"
            ? (reason ?? "")
            : i === 0
              ? "Shared at our monthly network meeting; teams interested."
              : "",
        changedById: recorder,
        changedAt: at,
      });
    });
    const evidence = project ? project.measures[evidenceIndex(project.template)] : null;
    data.adoptions.push({
      id,
      learningItemId: item.id,
      collaborativeId: collabId(collab),
      organisationId: project ? project.leadOrg.id : null,
      projectId: project?.id ?? null,
      measureId: evidence?.id ?? null,
      status,
      notAdoptedReason: status === "NOT_ADOPTED" ? reason : null,
      recordedById: recorder,
      version: path.length,
      createdAt,
      updatedAt: last,
    });
  };
  const adoptionStatusFor = (status: ProjectStatus): AdoptionStatus =>
    status === "IDEA" || status === "PLANNING"
      ? "CONSIDERING"
      : status === "TESTING"
        ? "TESTING"
        : status === "IMPLEMENTING"
          ? "ADOPTED"
          : "SUSTAINED";
  const publishedIdeas = learning.filter((l) => l.template && l.publishedAt);
  for (const item of publishedIdeas) {
    const origin = origins.get(item.template!)!;
    for (const p of projects) {
      if (p.template.key !== item.template || p === origin || p.collab === origin.collab) continue;
      addAdoption(item, p.collab, adoptionStatusFor(p.status), p, null);
    }
  }
  // A few collaboratives considering or declining ideas without a project of their own.
  const extraAdoptions: [string, string, AdoptionStatus, number | null][] = [
    ["falls-care-home", "west-midlands", "NOT_ADOPTED", 0],
    ["restore2", "east-midlands", "NOT_ADOPTED", 1],
    ["omitted-meds", "south-west", "NOT_ADOPTED", 2],
    ["red-bag", "wessex", "CONSIDERING", null],
    ["news2-sepsis", "eastern", "TESTING", null],
    ["discharge-summaries", "north-west-coast", "CONSIDERING", null],
  ];
  for (const [template, collab, status, reasonIndex] of extraAdoptions) {
    const item = publishedIdeas.find((l) => l.template === template);
    if (!item || item.collab === collab) continue;
    addAdoption(item, collab, status, null, reasonIndex === null ? null : NOT_ADOPTED_REASONS[reasonIndex]);
  }

  // ─── Comments (questions and answers) ─────────────────────────────────────
  for (const thread of COMMENT_THREADS) {
    const item = learning.find((l) => l.title === thread.item);
    if (!item?.publishedAt) continue;
    const qId = ids.id();
    const asked = addHours(addDays(item.publishedAt, 3), 5);
    data.comments.push({
      id: qId,
      learningItemId: item.id,
      authorId: userId(`${thread.question.by}@demo.nhs.uk`),
      body: thread.question.body,
      createdAt: asked,
    });
    data.commentReplies.push({
      id: ids.id(),
      learningItemId: item.id,
      parentId: qId,
      authorId: item.authorId,
      body: thread.answer.body,
      createdAt: addHours(asked, 26),
    });
  }

  // ─── Concerns ──────────────────────────────────────────────────────────────
  const concernRng = new Rng("psc-demo:concerns");
  const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  const references = new Set<string>();
  const newReference = () => {
    for (;;) {
      let s = "";
      for (let i = 0; i < 8; i++) s += REFERENCE_ALPHABET[concernRng.int(0, REFERENCE_ALPHABET.length - 1)];
      const ref = `PSC-${s.slice(0, 4)}-${s.slice(4)}`;
      if (!references.has(ref)) {
        references.add(ref);
        return ref;
      }
    }
  };
  const uuid = () => {
    const h = concernRng.hex(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const CONCERN_PATH: ConcernStatus[] = ["RECEIVED", "ACKNOWLEDGED", "UNDER_REVIEW", "LINKED", "RESPONDED", "CLOSED"];
  const concernCountByArea = new Map<string, number>(); // `${collab}:${priorityId}`

  type ConcernSpec = {
    collab: string;
    text: ConcernText;
    happenedWhen: string;
    receivedAt: Date;
    target: ConcernStatus;
    token: string;
    reporterId: string | null;
    contact: boolean;
    response?: string;
    linkProject?: BuiltProject | null;
  };
  const addConcern = (spec: ConcernSpec, index: number) => {
    const { collab, text } = spec;
    const orgs = orgsByCollab.get(collab)!;
    const lead = userId(leadEmail(collab));
    const org = text.orgType ? (orgs.find((o) => o.type === text.orgType) ?? null) : null;
    const useOrg = org && (spec.reporterId !== null || concernRng.chance(0.75)) ? org : null;
    const orgWord = useOrg ? useOrg.short : (text.orgType && GENERIC_PLACE[text.orgType]) || "the service";
    const fillOrg = (s: string) => fill(s, { org: orgWord });
    const areas = POSTCODE_AREAS.filter((p) => p.collaborative === collab);
    const priorityId = text.area ? priorityIdFor(collab, text.area) : null;
    if (priorityId)
      concernCountByArea.set(`${collab}:${priorityId}`, (concernCountByArea.get(`${collab}:${priorityId}`) ?? 0) + 1);

    // Links: a project on the same area, else the priority itself.
    const linkProject =
      spec.linkProject !== undefined
        ? spec.linkProject
        : (projects.find(
            (p) =>
              p.collab === collab &&
              text.area &&
              (p.template.national === text.area ||
                p.template.alsoNational === text.area ||
                p.template.local === text.area),
          ) ?? null);
    const linkPriority = linkProject ? null : priorityId;
    const canLink = !!(linkProject || linkPriority);
    const path = CONCERN_PATH.slice(0, CONCERN_PATH.indexOf(spec.target) + 1).filter((s) => s !== "LINKED" || canLink);
    const linked = path.includes("LINKED");

    // Dates: acknowledged within a few days, the rest spread up to the demo date.
    const age = DEMO_NOW.getTime() - spec.receivedAt.getTime();
    const dates: Date[] = [spec.receivedAt];
    for (let i = 1; i < path.length; i++) {
      const prev = dates[i - 1];
      const remaining = DEMO_NOW.getTime() - prev.getTime() - 3_600_000;
      const step =
        i === 1
          ? Math.min(remaining * 0.5, concernRng.int(4, 80) * 3_600_000)
          : (remaining * concernRng.int(20, 55)) / 100;
      dates.push(new Date(prev.getTime() + Math.max(3_600_000, Math.min(step, age))));
    }
    const id = ids.id();
    const status = path[path.length - 1];
    const contactName = concernRng.pick(NAME_POOL);
    const contact: ContactDetails | null = spec.contact
      ? {
          name: contactName,
          email: concernRng.chance(0.8)
            ? `${contactName.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`
            : undefined,
          phone: concernRng.chance(0.5) ? `07700 900${String(concernRng.int(0, 999)).padStart(3, "0")}` : undefined,
        }
      : null;
    const closed = status === "CLOSED";
    data.concerns.push({
      id,
      reference: newReference(),
      trackingTokenHash: sha256Hex(spec.token),
      idempotencyKey: uuid(),
      collaborativeId: collabId(collab),
      organisationId: useOrg?.id ?? null,
      organisationText: useOrg
        ? useOrg.name
        : text.orgType && concernRng.chance(0.5)
          ? `Not sure of the name — ${GENERIC_PLACE[text.orgType] ?? "the service"} in ${areas[0]?.place ?? "town"}`
          : "",
      postcodeArea: concernRng.chance(0.85) && areas.length ? concernRng.pick(areas).code : null,
      happenedWhen: spec.happenedWhen,
      priorityAreaId: priorityId,
      pathwayStageId: text.stage ? stageId(text.stage) : null,
      whatHappened: fillOrg(text.whatHappened),
      impact: fillOrg(text.impact),
      whatWouldHaveHelped: fillOrg(text.whatWouldHaveHelped),
      reporterRelation: text.relation,
      contactEncrypted: contact ? encrypt(contact) : null,
      contactConsent: !!contact,
      reporterId: spec.reporterId,
      status,
      outcome: closed ? concernRng.pick(OUTCOMES) : null,
      shareable: (status === "RESPONDED" || closed) && concernRng.chance(0.45),
      assignedToId: path.length > 1 ? lead : null,
      linkedPriorityId: linked ? linkPriority : null,
      linkedProjectId: linked ? (linkProject?.id ?? null) : null,
      version: path.length,
      receivedAt: spec.receivedAt,
      acknowledgedAt: path.length > 1 ? dates[1] : null,
      closedAt: closed ? dates[dates.length - 1] : null,
    });
    const reasons: Record<ConcernStatus, string> = {
      RECEIVED: "",
      ACKNOWLEDGED: "Acknowledged and assigned.",
      UNDER_REVIEW: "Shared with the organisation's patient safety team.",
      LINKED: linkProject ? `Linked to project: ${linkProject.title}` : "Linked to a priority area.",
      RESPONDED: "Response sent to the reporter.",
      CLOSED: "No further action for the collaborative.",
    };
    path.forEach((s, i) => {
      data.concernStatusChanges.push({
        id: ids.id(),
        concernId: id,
        fromStatus: i === 0 ? null : path[i - 1],
        toStatus: s,
        reason: reasons[s],
        changedById: i === 0 ? null : lead,
        changedAt: dates[i],
      });
    });
    const reviewIndex = path.indexOf("UNDER_REVIEW");
    if (reviewIndex > 0) {
      const notes = concernRng.int(index % 3 === 0 ? 1 : 0, 2);
      for (let n = 0; n < notes; n++) {
        data.concernNotes.push({
          id: ids.id(),
          concernId: id,
          authorId: lead,
          body: concernRng.pick(INTERNAL_NOTES),
          createdAt: addHours(dates[reviewIndex], 4 + 30 * n),
        });
      }
    }
    const respondedIndex = path.indexOf("RESPONDED");
    if (respondedIndex > 0) {
      const pool = RESPONSES[text.area ?? "default"] ?? RESPONSES.default;
      const body =
        spec.response ?? fill(concernRng.pick(pool), { org: useOrg ? useOrg.short : "the organisation involved" });
      data.concernResponses.push({
        id: ids.id(),
        concernId: id,
        authorId: lead,
        body,
        createdAt: dates[respondedIndex],
        emailedAt: contact || spec.reporterId ? addHours(dates[respondedIndex], 0.1) : null,
      });
    }
  };

  let concernIndex = 0;
  for (const c of COLLABORATIVES) {
    const locals = new Set<string>(PEOPLE[c.slug].localPriorities);
    const eligible = CONCERN_TEXTS.filter(
      (t) => t.area === null || ref.nationalPriorities.has(t.area) || locals.has(t.area as LocalPriorityKey),
    );
    const count = concernRng.int(8, 15);
    const texts = concernRng.shuffle(eligible);
    // Skewed towards recent weeks, as a growing service would see.
    const received = Array.from({ length: count }, () => {
      const daysAgo = Math.floor(183 * concernRng.float() ** 1.6);
      // Today's concerns arrived before the demo time (10:00).
      return addHours(
        dateOnly(addDays(DEMO_NOW, -daysAgo)),
        daysAgo === 0 ? concernRng.int(7, 9) : concernRng.int(7, 22),
      );
    });
    received.sort((a, b) => a.getTime() - b.getTime());
    received.forEach((receivedAt, i) => {
      const ageDays = (DEMO_NOW.getTime() - receivedAt.getTime()) / 86_400_000;
      let target: ConcernStatus;
      if (ageDays < 2) target = concernRng.chance(0.6) ? "RECEIVED" : "ACKNOWLEDGED";
      else if (ageDays < 12)
        target = concernRng.chance(0.15) ? "RECEIVED" : concernRng.pick(["ACKNOWLEDGED", "UNDER_REVIEW"] as const);
      else if (ageDays < 45) target = concernRng.pick(["UNDER_REVIEW", "LINKED", "RESPONDED"] as const);
      else if (ageDays < 100) target = concernRng.pick(["LINKED", "RESPONDED", "RESPONDED", "CLOSED"] as const);
      else target = concernRng.chance(0.75) ? "CLOSED" : "RESPONDED";
      addConcern(
        {
          collab: c.slug,
          text: texts[i % texts.length],
          happenedWhen: concernRng.pick(HAPPENED_WHEN),
          receivedAt,
          target,
          token: `seed-${c.slug}-${i + 1}-${concernRng.hex(12)}`,
          reporterId: null,
          contact: concernRng.chance(1 / 3),
        },
        concernIndex++,
      );
    });
  }
  // The demo patient's two concerns in Wessex.
  const wessexMeds = projects.find((p) => p.collab === "wessex" && p.template.key === "discharge-meds") ?? null;
  DEMO_PATIENT_CONCERNS.forEach((text, i) => {
    addConcern(
      {
        collab: "wessex",
        text,
        happenedWhen: text.happenedWhen,
        receivedAt:
          i === 0 ? addHours(dateOnly(addDays(DEMO_NOW, -62)), 20) : addHours(dateOnly(addDays(DEMO_NOW, -9)), 13),
        target: i === 0 ? "RESPONDED" : "ACKNOWLEDGED",
        token: i === 0 ? DEMO_TRACKING_TOKEN : "demo-tracking-token-wessex-2",
        reporterId: patient,
        contact: false,
        response: text.response,
        linkProject: i === 0 ? wessexMeds : null,
      },
      concernIndex++,
    );
  });

  // ─── Priority candidates, ballots and comments ────────────────────────────
  const addRound = (
    roundId: string,
    round: typeof OPEN_ROUND | typeof CLOSED_ROUND,
    openedAtDate: Date,
    lastVoteAt: Date,
  ) => {
    const candidateIds = round.candidates.map((cand, i) => {
      const id = ids.id();
      const key = "priority" in cand && cand.priority ? cand.priority : null;
      // Candidates point at national areas; a chosen candidate becomes a new local priority (its chosenAs).
      const priorityAreaId = key && ref.nationalPriorities.has(key) ? nationalId(key) : null;
      const evidenceAreaId = key ? priorityIdFor(round.collaborative, key) : null;
      if (key && "chosen" in cand && cand.chosen) {
        const area = data.localPriorities.find((a) => a.slug === `${round.collaborative}-${key}`);
        if (area) area.candidateId = id;
      }
      data.candidates.push({
        id,
        roundId,
        title: cand.title,
        description: cand.description,
        source: cand.source,
        priorityAreaId,
        evidenceCount:
          "evidenceCount" in cand && cand.evidenceCount !== undefined
            ? cand.evidenceCount
            : evidenceAreaId
              ? (concernCountByArea.get(`${round.collaborative}:${evidenceAreaId}`) ?? 0)
              : 0,
        proposedById: "proposedBy" in cand && cand.proposedBy ? userId(cand.proposedBy) : null,
        chosen: "chosen" in cand && !!cand.chosen,
        createdAt: addHours(openedAtDate, i),
      });
      return id;
    });
    round.ballots.forEach((b, i) => {
      const ballotId = ids.id();
      const span = lastVoteAt.getTime() - openedAtDate.getTime();
      data.ballots.push({
        id: ballotId,
        roundId,
        userId: userId(b.voter),
        participantGroup: b.group,
        createdAt: new Date(
          openedAtDate.getTime() + (span * (i + 1)) / (round.ballots.length + 1) + roundRng.int(0, 5) * 3_600_000,
        ),
      });
      b.ranks.forEach((candidate, r) =>
        data.rankings.push({ ballotId, candidateId: candidateIds[candidate], rank: r + 1 }),
      );
    });
    return candidateIds;
  };
  const openCandidates = addRound(openRoundId, OPEN_ROUND, openedAt, addDays(DEMO_NOW, -1));
  OPEN_ROUND.comments.forEach((cm, i) => {
    data.priorityComments.push({
      id: ids.id(),
      roundId: openRoundId,
      candidateId: openCandidates[cm.candidate],
      authorId: userId(cm.by),
      body: cm.body,
      createdAt: addHours(addDays(openedAt, 3 + i * 4), 19),
    });
  });
  addRound(
    closedRoundId,
    CLOSED_ROUND,
    utcDate(CLOSED_ROUND.openedAt[0], CLOSED_ROUND.openedAt[1], CLOSED_ROUND.openedAt[2], 9),
    closedAt,
  );

  // ─── Follows ───────────────────────────────────────────────────────────────
  const wessexCaseStudy = learning.find((l) => l.title.startsWith("How one older people's ward"));
  data.follows.push({
    id: ids.id(),
    userId: patient,
    priorityAreaId: nationalId("falls"),
    createdAt: utcDate(2026, 9, 2, 20),
  });
  data.follows.push({
    id: ids.id(),
    userId: patient,
    priorityAreaId: nationalId("medication-safety"),
    createdAt: utcDate(2026, 9, 20, 19),
  });
  if (wessexCaseStudy)
    data.follows.push({
      id: ids.id(),
      userId: userId(staffEmail("north-west-coast")),
      learningItemId: wessexCaseStudy.id,
      createdAt: addDays(DEMO_NOW, -30),
    });
  data.follows.push({
    id: ids.id(),
    userId: userId(staffEmail("wessex")),
    priorityAreaId: nationalId("falls"),
    createdAt: utcDate(2026, 2, 11, 12),
  });
  data.follows.push({
    id: ids.id(),
    userId: userId(DEMO_NATIONAL.email),
    priorityAreaId: nationalId("transfers-discharge"),
    createdAt: utcDate(2026, 1, 8, 9),
  });

  return data;
}
