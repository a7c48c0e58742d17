/** Writes for projects: each in one transaction, authorised first, audited with the change. */
import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import { authorize } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { isUniqueViolationOf } from "@/lib/db-errors";
import { isoDate } from "@/lib/format";
import { requireProject } from "./access";
import { changedFields, EditConflictError } from "@/lib/forms/conflict";
import type { AddTeamMemberInput, ChangeStatusInput, CreateProjectInput, UpdateProjectInput } from "./schemas";
import { STATUS_LABELS, VISIBILITY_LABELS, statusChangeProblem } from "./status";
import { refreshImprovementEvidence } from "@/lib/measures/spc-status";

type Links = { organisationIds: string[]; priorityAreaIds: string[]; pathwayStageIds: string[] };

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * Organisations must belong to the project's collaborative (active ones, or ones already linked);
 * priorities must be national or this collaborative's own; stages must exist.
 */
async function checkLinks(tx: Tx, collaborativeId: string, links: Links, projectId?: string) {
  const errors: Record<string, string> = {};
  const orgIds = unique(links.organisationIds);
  const orgs = await tx.organisation.count({
    where: {
      id: { in: orgIds },
      collaborativeId,
      OR: [{ active: true }, ...(projectId ? [{ projects: { some: { projectId } } }] : [])],
    },
  });
  if (orgs !== orgIds.length) errors.organisationIds = "Select organisations from this collaborative";
  const priorityIds = unique(links.priorityAreaIds);
  const priorities = await tx.priorityArea.count({
    where: { id: { in: priorityIds }, OR: [{ kind: "NATIONAL" }, { collaborativeId }] },
  });
  if (priorities !== priorityIds.length)
    errors.priorityAreaIds = "Select national priorities or this collaborative’s own";
  const stageIds = unique(links.pathwayStageIds);
  const stages = await tx.pathwayStage.count({ where: { id: { in: stageIds } } });
  if (stages !== stageIds.length) errors.pathwayStageIds = "Select stages from the list";
  if (Object.keys(errors).length > 0)
    throw new DomainError("Some of the choices are no longer available. Check them and try again.", errors);
}

async function writeLinks(tx: Tx, projectId: string, links: Links) {
  await tx.projectOrganisation.createMany({
    data: unique(links.organisationIds).map((organisationId) => ({ projectId, organisationId })),
  });
  await tx.projectPriority.createMany({
    data: unique(links.priorityAreaIds).map((priorityAreaId) => ({ projectId, priorityAreaId })),
  });
  await tx.projectPathwayStage.createMany({
    data: unique(links.pathwayStageIds).map((pathwayStageId) => ({ projectId, pathwayStageId })),
  });
}

export async function createProject(viewer: Viewer, input: CreateProjectInput): Promise<{ id: string }> {
  authorize(viewer, "project.create", { collaborativeId: input.collaborativeId });
  return db.$transaction(async (tx) => {
    await checkLinks(tx, input.collaborativeId, input);
    const project = await tx.project.create({
      data: {
        collaborativeId: input.collaborativeId,
        title: input.title,
        problem: input.problem,
        aimWhat: input.aimWhat,
        aimHowMuch: input.aimHowMuch,
        aimByWhen: input.aimByWhen,
        startDate: input.startDate,
        visibility: input.visibility,
        createdById: viewer.userId!,
        statusChanges: { create: { fromStatus: null, toStatus: "IDEA", changedById: viewer.userId } },
        // The person who logs the project is on its team; they can change their role or leave it.
        team: { create: { userId: viewer.userId, role: "Project lead" } },
      },
      select: { id: true },
    });
    await writeLinks(tx, project.id, input);
    await recordAudit(tx, {
      action: "project.created",
      subjectType: "Project",
      subjectId: project.id,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { visibility: input.visibility },
    });
    return project;
  });
}

const EDIT_LABELS = {
  title: "Title",
  problem: "The problem",
  aimWhat: "Aim: what we are trying to accomplish",
  aimHowMuch: "Aim: how much",
  aimByWhen: "Aim: by when",
  startDate: "Start date",
  organisations: "Organisations taking part",
  priorities: "Priority areas",
  stages: "Stages of the patient’s pathway",
  visibility: "Who can see the project",
  learningSummary: "What we learned",
};

type Comparable = Record<keyof typeof EDIT_LABELS, string>;

async function namesOf(tx: Tx, links: Links) {
  const [orgs, priorities, stages] = await Promise.all([
    tx.organisation.findMany({ where: { id: { in: links.organisationIds } }, select: { name: true } }),
    tx.priorityArea.findMany({ where: { id: { in: links.priorityAreaIds } }, select: { name: true } }),
    tx.pathwayStage.findMany({ where: { id: { in: links.pathwayStageIds } }, select: { name: true } }),
  ]);
  const list = (rows: { name: string }[]) =>
    rows
      .map((r) => r.name)
      .sort()
      .join("; ");
  return { organisations: list(orgs), priorities: list(priorities), stages: list(stages) };
}

async function comparableProject(tx: Tx, projectId: string): Promise<(Comparable & { version: number }) | null> {
  const p = await tx.project.findUnique({
    where: { id: projectId },
    select: {
      title: true,
      problem: true,
      aimWhat: true,
      aimHowMuch: true,
      aimByWhen: true,
      startDate: true,
      visibility: true,
      learningSummary: true,
      version: true,
      organisations: { select: { organisationId: true } },
      priorities: { select: { priorityAreaId: true } },
      pathwayStages: { select: { pathwayStageId: true } },
    },
  });
  if (!p) return null;
  const names = await namesOf(tx, {
    organisationIds: p.organisations.map((o) => o.organisationId),
    priorityAreaIds: p.priorities.map((o) => o.priorityAreaId),
    pathwayStageIds: p.pathwayStages.map((o) => o.pathwayStageId),
  });
  return {
    title: p.title,
    problem: p.problem,
    aimWhat: p.aimWhat,
    aimHowMuch: p.aimHowMuch,
    aimByWhen: p.aimByWhen ? isoDate(p.aimByWhen) : "",
    startDate: isoDate(p.startDate),
    visibility: VISIBILITY_LABELS[p.visibility],
    learningSummary: p.learningSummary,
    ...names,
    version: p.version,
  };
}

/**
 * Saves the project's fields if nobody else saved since `input.version`. When someone did and a
 * field on the form differs from what they saved, nothing is written and the person sees both
 * versions; when every field already matches, saving overwrites nothing and goes ahead.
 */
export async function updateProject(viewer: Viewer, input: UpdateProjectInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.id, "project.update", tx);
    await checkLinks(tx, project.collaborativeId, input, project.id);
    const yours: Comparable = {
      title: input.title,
      problem: input.problem,
      aimWhat: input.aimWhat,
      aimHowMuch: input.aimHowMuch,
      aimByWhen: input.aimByWhen ? isoDate(input.aimByWhen) : "",
      startDate: isoDate(input.startDate),
      visibility: VISIBILITY_LABELS[input.visibility],
      learningSummary: input.learningSummary,
      ...(await namesOf(tx, input)),
    };
    const before = await comparableProject(tx, project.id);
    if (!before) throw new NotFoundError();
    let version = input.version;
    if (before.version !== version) {
      const changes = changedFields(EDIT_LABELS, before, yours);
      if (changes.length > 0) throw new EditConflictError({ version: before.version, changes });
      version = before.version;
    }
    const { count } = await tx.project.updateMany({
      where: { id: project.id, version },
      data: {
        title: input.title,
        problem: input.problem,
        aimWhat: input.aimWhat,
        aimHowMuch: input.aimHowMuch,
        aimByWhen: input.aimByWhen,
        startDate: input.startDate,
        visibility: input.visibility,
        learningSummary: input.learningSummary,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      // Saved by someone else between our read and write: report it the same way.
      const now = await comparableProject(tx, project.id);
      if (!now) throw new NotFoundError();
      throw new EditConflictError({ version: now.version, changes: changedFields(EDIT_LABELS, now, yours) });
    }
    await tx.projectOrganisation.deleteMany({ where: { projectId: project.id } });
    await tx.projectPriority.deleteMany({ where: { projectId: project.id } });
    await tx.projectPathwayStage.deleteMany({ where: { projectId: project.id } });
    await writeLinks(tx, project.id, input);
    // Sharing a draft (or making a project a draft again) changes whether its measures are evidence.
    if (input.visibility !== project.visibility)
      await refreshImprovementEvidence(tx, { measure: { projectId: project.id } });
    await recordAudit(tx, {
      action: "project.updated",
      subjectType: "Project",
      subjectId: project.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { fields: changedFields(EDIT_LABELS, before, yours).map((c) => c.field) },
    });
  });
}

/** Moves the project along its lifecycle (closing needs a reason); every change is kept as history. */
export async function changeProjectStatus(viewer: Viewer, input: ChangeStatusInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.id, "project.update", tx);
    const from = project.status as keyof typeof STATUS_LABELS;
    if (project.version !== input.version) {
      throw new EditConflictError({
        version: project.version,
        changes: changedFields(
          { status: "Stage" },
          { status: STATUS_LABELS[from] },
          { status: STATUS_LABELS[input.status] },
        ),
      });
    }
    const problem = statusChangeProblem(from, input.status, input.reason);
    if (problem) throw new DomainError(problem.message, { [problem.field]: problem.message });
    const { count } = await tx.project.updateMany({
      where: { id: project.id, version: input.version },
      data: {
        status: input.status,
        closedReason: input.status === "CLOSED" ? input.reason : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const now = await tx.project.findUniqueOrThrow({
        where: { id: project.id },
        select: { status: true, version: true },
      });
      throw new EditConflictError({
        version: now.version,
        changes: changedFields(
          { status: "Stage" },
          { status: STATUS_LABELS[now.status] },
          { status: STATUS_LABELS[input.status] },
        ),
      });
    }
    await tx.projectStatusChange.create({
      data: {
        projectId: project.id,
        fromStatus: from,
        toStatus: input.status,
        reason: input.reason,
        changedById: viewer.userId,
      },
    });
    await recordAudit(tx, {
      action: "project.status_changed",
      subjectType: "Project",
      subjectId: project.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { from, to: input.status },
    });
  });
}

const alreadyOnTeam = () => new DomainError("They are already on the team", { userId: "They are already on the team" });

export async function addTeamMember(viewer: Viewer, input: AddTeamMemberInput): Promise<void> {
  await db
    .$transaction(async (tx) => {
      const project = await requireProject(viewer, input.projectId, "project.update", tx);
      if (input.userId) {
        const member = await tx.membership.findFirst({
          where: {
            userId: input.userId,
            collaborativeId: project.collaborativeId,
            status: "ACTIVE",
            user: { erasedAt: null },
          },
        });
        if (!member)
          throw new DomainError("Select a member of this collaborative", {
            userId: "Select a member of this collaborative",
          });
        const already = await tx.projectTeamMember.findFirst({
          where: { projectId: project.id, userId: input.userId },
        });
        if (already) throw alreadyOnTeam();
      }
      const member = await tx.projectTeamMember.create({
        data: {
          projectId: project.id,
          userId: input.userId || null,
          name: input.userId ? null : input.name,
          role: input.role,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: "project.team_member_added",
        subjectType: "Project",
        subjectId: project.id,
        actorId: viewer.userId,
        collaborativeId: project.collaborativeId,
        details: { memberId: member.id, portalUser: Boolean(input.userId) },
      });
    })
    .catch((error: unknown) => {
      // Added at the same moment by someone else: the unique index on (project, user) kept one.
      if (isUniqueViolationOf(error, "ProjectTeamMember_projectId_userId_key")) throw alreadyOnTeam();
      throw error;
    });
}

export async function removeTeamMember(viewer: Viewer, input: { projectId: string; memberId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const { count } = await tx.projectTeamMember.deleteMany({ where: { id: input.memberId, projectId: project.id } });
    if (count === 0) throw new NotFoundError("That person is no longer on the team.");
    await recordAudit(tx, {
      action: "project.team_member_removed",
      subjectType: "Project",
      subjectId: project.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { memberId: input.memberId },
    });
  });
}

/**
 * Archives a project instead of deleting it (README "Archiving"): its history, measures, points and
 * cycles stay, it leaves every list, figure and search, learning that cited its measures loses its
 * "evidence of improvement", and each concern linked to it gets a status entry saying so. All in one
 * transaction, audited with what was archived.
 */
export async function archiveProject(viewer: Viewer, projectId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, projectId, "project.archive", tx);
    if (project.archivedAt) throw new DomainError("This project is already archived.");
    const { title } = await tx.project.update({
      where: { id: project.id },
      data: { archivedAt: new Date(), archivedById: viewer.userId, version: { increment: 1 } },
      select: { title: true },
    });
    await refreshImprovementEvidence(tx, { measure: { projectId: project.id } });
    const linked = await noteLinkedConcerns(
      tx,
      viewer,
      project.id,
      "The improvement project linked to this concern was archived.",
    );
    const [measures, cycles] = await Promise.all([
      tx.measure.count({ where: { projectId: project.id, archivedAt: null } }),
      tx.pdsaCycle.count({ where: { projectId: project.id } }),
    ]);
    await recordAudit(tx, {
      action: "project.archived",
      subjectType: "Project",
      subjectId: project.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { title, visibility: project.visibility, measures, cycles, linkedConcerns: linked },
    });
  });
}

/** Restores an archived project as it was; evidence flags and linked concerns are brought back in step. */
export async function restoreProject(viewer: Viewer, projectId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, projectId, "project.restore", tx);
    if (!project.archivedAt) throw new DomainError("This project is not archived.");
    const { title } = await tx.project.update({
      where: { id: project.id },
      data: { archivedAt: null, archivedById: null, version: { increment: 1 } },
      select: { title: true },
    });
    await refreshImprovementEvidence(tx, { measure: { projectId: project.id } });
    const linked = await noteLinkedConcerns(
      tx,
      viewer,
      project.id,
      "The improvement project linked to this concern was restored.",
    );
    await recordAudit(tx, {
      action: "project.restored",
      subjectType: "Project",
      subjectId: project.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { title, linkedConcerns: linked },
    });
  });
}

/** A status-history entry (the status unchanged) on every concern linked to the project; returns how many. */
async function noteLinkedConcerns(tx: Tx, viewer: Viewer, projectId: string, reason: string): Promise<number> {
  const concerns = await tx.concern.findMany({
    where: { linkedProjectId: projectId },
    select: { id: true, status: true },
  });
  await tx.concernStatusChange.createMany({
    data: concerns.map((c) => ({
      concernId: c.id,
      fromStatus: c.status,
      toStatus: c.status,
      reason,
      changedById: viewer.userId,
    })),
  });
  return concerns.length;
}
