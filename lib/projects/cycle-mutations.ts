/** PDSA cycles: each tests one change idea of the project (plan with a prediction, do, study, act). */
import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { PDSA_DECISION_LABELS } from "./status";
import { formatDate, isoDate } from "@/lib/format";
import { requireProject } from "./access";
import { changedFields, EditConflictError } from "@/lib/forms/conflict";
import type { PdsaInput, UpdatePdsaInput } from "./schemas";

/** The change idea the cycle tests: one of the project's, or a new one typed on the form (created here). */
async function resolveChangeIdea(
  tx: Tx,
  projectId: string,
  input: { changeIdeaId: string; newChangeIdea: string },
): Promise<string> {
  if (input.changeIdeaId) {
    const idea = await tx.changeIdea.findFirst({ where: { id: input.changeIdeaId, projectId }, select: { id: true } });
    if (!idea)
      throw new DomainError("Select a change idea from this project", {
        changeIdeaId: "Select a change idea from this project",
      });
    return idea.id;
  }
  const last = await tx.changeIdea.aggregate({ where: { projectId }, _max: { sortOrder: true } });
  const idea = await tx.changeIdea.create({
    data: { projectId, title: input.newChangeIdea, sortOrder: (last._max.sortOrder ?? 0) + 1 },
    select: { id: true },
  });
  return idea.id;
}

function checkDates(startDate: Date, projectStart: Date) {
  if (startDate < projectStart) {
    const message = `The cycle cannot start before the project did (${formatDate(projectStart)})`;
    throw new DomainError(message, { startDate: message });
  }
}

const fields = (input: PdsaInput, changeIdeaId: string) => ({
  changeIdeaId,
  title: input.title,
  plan: input.plan,
  prediction: input.prediction,
  doNotes: input.doNotes,
  study: input.study,
  act: input.act === "" ? null : input.act,
  actNotes: input.actNotes,
  startDate: input.startDate,
  endDate: input.endDate,
});

export async function createPdsaCycle(viewer: Viewer, input: PdsaInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    checkDates(input.startDate, project.startDate);
    const changeIdeaId = await resolveChangeIdea(tx, project.id, input);
    const cycle = await tx.pdsaCycle.create({
      data: { projectId: project.id, ...fields(input, changeIdeaId) },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "pdsa.created",
      subjectType: "PdsaCycle",
      subjectId: cycle.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { projectId: project.id },
    });
    return cycle;
  });
}

const PDSA_LABELS = {
  changeIdea: "Change idea tested",
  title: "Title",
  plan: "Plan",
  prediction: "Prediction",
  doNotes: "Do",
  study: "Study",
  act: "Act",
  actNotes: "Act notes",
  startDate: "Start date",
  endDate: "End date",
};

async function comparable(tx: Tx, c: Omit<ReturnType<typeof fields>, "changeIdeaId"> & { changeIdeaId: string }) {
  const idea = await tx.changeIdea.findUnique({ where: { id: c.changeIdeaId }, select: { title: true } });
  return {
    changeIdea: idea?.title ?? "",
    title: c.title,
    plan: c.plan,
    prediction: c.prediction,
    doNotes: c.doNotes,
    study: c.study,
    act: c.act ? PDSA_DECISION_LABELS[c.act] : "",
    actNotes: c.actNotes,
    startDate: isoDate(c.startDate),
    endDate: c.endDate ? isoDate(c.endDate) : "",
  };
}

/** Saves the cycle if nobody else saved it since `input.version` (as for project edits). */
export async function updatePdsaCycle(viewer: Viewer, input: UpdatePdsaInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const current = await tx.pdsaCycle.findFirst({ where: { id: input.id, projectId: project.id } });
    if (!current) throw new NotFoundError("That PDSA cycle is no longer in the project.");
    checkDates(input.startDate, project.startDate);
    const changeIdeaId = await resolveChangeIdea(tx, project.id, input);
    const next = fields(input, changeIdeaId);
    const yours = await comparable(tx, next);
    let version = input.version;
    if (current.version !== version) {
      const changes = changedFields(PDSA_LABELS, await comparable(tx, current), yours);
      if (changes.length > 0) throw new EditConflictError({ version: current.version, changes });
      version = current.version;
    }
    const { count } = await tx.pdsaCycle.updateMany({
      where: { id: current.id, version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await tx.pdsaCycle.findUniqueOrThrow({ where: { id: current.id } });
      throw new EditConflictError({
        version: now.version,
        changes: changedFields(PDSA_LABELS, await comparable(tx, now), yours),
      });
    }
    await recordAudit(tx, {
      action: current.act === null && input.act !== "" ? "pdsa.decided" : "pdsa.updated",
      subjectType: "PdsaCycle",
      subjectId: current.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { projectId: project.id, act: input.act || null },
    });
  });
}

export async function deletePdsaCycle(viewer: Viewer, input: { projectId: string; id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const { count } = await tx.pdsaCycle.deleteMany({ where: { id: input.id, projectId: project.id } });
    if (count === 0) throw new NotFoundError("That PDSA cycle is no longer in the project.");
    await recordAudit(tx, {
      action: "pdsa.deleted",
      subjectType: "PdsaCycle",
      subjectId: input.id,
      actorId: viewer.userId,
      collaborativeId: project.collaborativeId,
      details: { projectId: project.id },
    });
  });
}
