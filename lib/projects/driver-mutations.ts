/**
 * Editing the driver diagram and the change ideas it ends in, one small change at a time (each
 * a form that works without JavaScript). Primary drivers hang from the aim, secondary drivers
 * from a primary driver, and change ideas from either.
 */
import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { requireProject, type ProjectAccess } from "./access";
import { reorderedSiblings } from "./driver-tree";
import type { ChangeIdeaInput } from "./schemas";

async function audit(tx: Tx, viewer: Viewer, project: ProjectAccess, action: string, details: Record<string, string>) {
  await recordAudit(tx, {
    action,
    subjectType: "Project",
    subjectId: project.id,
    actorId: viewer.userId,
    collaborativeId: project.collaborativeId,
    details,
  });
}

async function findNode(tx: Tx, projectId: string, nodeId: string) {
  const node = await tx.driverNode.findFirst({
    where: { id: nodeId, projectId },
    select: { id: true, parentId: true, kind: true, sortOrder: true },
  });
  if (!node) throw new NotFoundError("That driver is no longer in the diagram.");
  return node;
}

async function nextSortOrder(tx: Tx, projectId: string, parentId: string | null) {
  const last = await tx.driverNode.aggregate({ where: { projectId, parentId }, _max: { sortOrder: true } });
  return (last._max.sortOrder ?? 0) + 1;
}

/** Adds a primary driver (no parent) or a secondary driver under a primary one. */
export async function addDriver(
  viewer: Viewer,
  input: { projectId: string; parentId: string; text: string },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await findNode(tx, project.id, input.parentId);
      if (parent.kind !== "PRIMARY")
        throw new DomainError("Secondary drivers go under a primary driver", { parentId: "Select a primary driver" });
      parentId = parent.id;
    }
    const node = await tx.driverNode.create({
      data: {
        projectId: project.id,
        parentId,
        kind: parentId ? "SECONDARY" : "PRIMARY",
        text: input.text,
        sortOrder: await nextSortOrder(tx, project.id, parentId),
      },
      select: { id: true },
    });
    await audit(tx, viewer, project, "project.driver_added", { nodeId: node.id });
    return node;
  });
}

export async function renameDriver(
  viewer: Viewer,
  input: { projectId: string; nodeId: string; text: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const node = await findNode(tx, project.id, input.nodeId);
    await tx.driverNode.update({ where: { id: node.id }, data: { text: input.text } });
    await audit(tx, viewer, project, "project.driver_renamed", { nodeId: node.id });
  });
}

/** One place up or down among its siblings. */
export async function moveDriver(
  viewer: Viewer,
  input: { projectId: string; nodeId: string; direction: "up" | "down" },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const node = await findNode(tx, project.id, input.nodeId);
    const siblings = await tx.driverNode.findMany({
      where: { projectId: project.id, parentId: node.parentId },
      select: { id: true, sortOrder: true },
    });
    const order = reorderedSiblings(siblings, node.id, input.direction);
    for (const [index, id] of order.entries())
      await tx.driverNode.update({ where: { id }, data: { sortOrder: index + 1 } });
    await audit(tx, viewer, project, "project.driver_moved", { nodeId: node.id, direction: input.direction });
  });
}

/** Moves a secondary driver (with its change ideas) under another primary driver. */
export async function reparentDriver(
  viewer: Viewer,
  input: { projectId: string; nodeId: string; parentId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const node = await findNode(tx, project.id, input.nodeId);
    if (node.kind !== "SECONDARY")
      throw new DomainError("Only secondary drivers can move under another driver", {
        parentId: "Only secondary drivers can move",
      });
    const parent = await findNode(tx, project.id, input.parentId);
    if (parent.kind !== "PRIMARY")
      throw new DomainError("Select a primary driver", { parentId: "Select a primary driver" });
    if (parent.id === node.parentId) return;
    await tx.driverNode.update({
      where: { id: node.id },
      data: { parentId: parent.id, sortOrder: await nextSortOrder(tx, project.id, parent.id) },
    });
    await audit(tx, viewer, project, "project.driver_moved", { nodeId: node.id, parentId: parent.id });
  });
}

/** Deletes a driver and the secondary drivers under it; their change ideas stay, without a driver. */
export async function deleteDriver(viewer: Viewer, input: { projectId: string; nodeId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const node = await findNode(tx, project.id, input.nodeId);
    await tx.driverNode.delete({ where: { id: node.id } });
    await audit(tx, viewer, project, "project.driver_deleted", { nodeId: node.id });
  });
}

async function checkDriver(tx: Tx, projectId: string, driverNodeId: string): Promise<string | null> {
  if (!driverNodeId) return null;
  const node = await tx.driverNode.findFirst({ where: { id: driverNodeId, projectId }, select: { id: true } });
  if (!node)
    throw new DomainError("Select a driver from this project’s diagram", {
      driverNodeId: "Select a driver from this project’s diagram",
    });
  return node.id;
}

export async function addChangeIdea(viewer: Viewer, input: ChangeIdeaInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const driverNodeId = await checkDriver(tx, project.id, input.driverNodeId);
    const last = await tx.changeIdea.aggregate({ where: { projectId: project.id }, _max: { sortOrder: true } });
    const idea = await tx.changeIdea.create({
      data: {
        projectId: project.id,
        driverNodeId,
        title: input.title,
        description: input.description,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
      },
      select: { id: true },
    });
    await audit(tx, viewer, project, "project.change_idea_added", { changeIdeaId: idea.id });
    return idea;
  });
}

export async function updateChangeIdea(viewer: Viewer, input: ChangeIdeaInput & { ideaId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const driverNodeId = await checkDriver(tx, project.id, input.driverNodeId);
    const { count } = await tx.changeIdea.updateMany({
      where: { id: input.ideaId, projectId: project.id },
      data: { title: input.title, description: input.description, driverNodeId },
    });
    if (count === 0) throw new NotFoundError("That change idea is no longer in the project.");
    await audit(tx, viewer, project, "project.change_idea_updated", { changeIdeaId: input.ideaId });
  });
}

/** A change idea with PDSA cycles keeps its history: delete the cycles first. */
export async function deleteChangeIdea(viewer: Viewer, input: { projectId: string; ideaId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const idea = await tx.changeIdea.findFirst({
      where: { id: input.ideaId, projectId: project.id },
      select: { id: true, _count: { select: { pdsaCycles: true } } },
    });
    if (!idea) throw new NotFoundError("That change idea is no longer in the project.");
    if (idea._count.pdsaCycles > 0)
      throw new DomainError(
        "This change idea has PDSA cycles, which would be lost: it cannot be deleted. Move it to another driver instead.",
      );
    await tx.changeIdea.delete({ where: { id: idea.id } });
    await audit(tx, viewer, project, "project.change_idea_deleted", { changeIdeaId: idea.id });
  });
}
