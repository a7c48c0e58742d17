/**
 * Projects that do not begin empty: from a national template, or from someone else's success (a
 * published learning item or a closed project), and the editing of templates. Each write is one
 * transaction with its audit record: the project, its measures, driver diagram and change ideas, and
 * (starting from a change idea) the adoption that tracks the spread.
 */
import "server-only";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { isUniqueViolationOf } from "@/lib/db-errors";
import { changedFields, EditConflictError } from "@/lib/forms/conflict";
import { learningResource } from "@/lib/learning/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  templateMeasuresSchema,
  type CreateFromTemplateInput,
  type CreateTemplateInput,
  type StartFromInput,
  type TemplateFields,
  type TemplateMeasure,
  type UpdateTemplateInput,
} from "./schemas";
import { skeletonSchema, skeletonToText, type Skeleton } from "./skeleton";
import { measuresToText } from "./text";
import { titleFrom } from "./title";
import { startFromCollaborativeIds } from "./queries";

/** A driver diagram to copy: drivers with their children and change ideas, and ideas tied to no driver. */
export type DiagramNode = {
  kind: "PRIMARY" | "SECONDARY";
  text: string;
  ideas: { title: string; description: string }[];
  children: DiagramNode[];
};
export type Diagram = { nodes: DiagramNode[]; looseIdeas: { title: string; description: string }[] };

/** What a new project is filled with. */
type ProjectContent = {
  title: string;
  problem: string;
  aimWhat: string;
  aimHowMuch: string;
  startDate: Date;
  priorityAreaIds: string[];
  pathwayStageIds: string[];
  measures: TemplateMeasure[];
  diagram: Diagram;
};

export function skeletonToDiagram(skeleton: Skeleton): Diagram {
  const ideas = (titles: string[]) => titles.map((title) => ({ title, description: "" }));
  return {
    looseIdeas: [],
    nodes: skeleton.map((p) => ({
      kind: "PRIMARY",
      text: p.text,
      ideas: ideas(p.ideas),
      children: p.secondaries.map((s) => ({ kind: "SECONDARY", text: s.text, ideas: ideas(s.ideas), children: [] })),
    })),
  };
}

/** The person's own organisation in the collaborative, so the project says who is doing it. */
function homeOrganisation(viewer: Viewer, collaborativeId: string): string | null {
  return viewer.memberships.find((m) => m.collaborativeId === collaborativeId)?.organisationId ?? null;
}

/** Creates the project and everything in it, inside the caller's transaction. */
async function createFilledProject(
  tx: Tx,
  viewer: Viewer,
  collaborativeId: string,
  content: ProjectContent,
): Promise<string> {
  const organisationId = homeOrganisation(viewer, collaborativeId);
  // Only national priorities or the collaborative's own travel with the content.
  const priorities = await tx.priorityArea.findMany({
    where: { id: { in: content.priorityAreaIds }, OR: [{ kind: "NATIONAL" }, { collaborativeId }] },
    select: { id: true },
  });
  const project = await tx.project.create({
    data: {
      collaborativeId,
      title: content.title,
      problem: content.problem,
      aimWhat: content.aimWhat,
      aimHowMuch: content.aimHowMuch,
      startDate: content.startDate,
      visibility: "DRAFT",
      createdById: viewer.userId!,
      statusChanges: { create: { fromStatus: null, toStatus: "IDEA", changedById: viewer.userId } },
      team: { create: { userId: viewer.userId, role: "Project lead" } },
      organisations: organisationId ? { create: { organisationId } } : undefined,
      priorities: { create: priorities.map((p) => ({ priorityAreaId: p.id })) },
      pathwayStages: { create: [...new Set(content.pathwayStageIds)].map((pathwayStageId) => ({ pathwayStageId })) },
    },
    select: { id: true },
  });
  if (content.measures.length > 0) {
    await tx.measure.createMany({
      data: content.measures.map((m) => ({
        projectId: project.id,
        name: m.name,
        kind: m.kind,
        definition: m.definition,
        unit: m.unit,
        direction: m.direction,
        period: m.period,
        valueType: m.valueType,
        rateMultiplier: m.rateMultiplier,
        nationalMetric: m.nationalMetric,
      })),
    });
  }
  await writeDiagram(tx, project.id, content.diagram);
  return project.id;
}

async function writeDiagram(tx: Tx, projectId: string, diagram: Diagram) {
  let ideaOrder = 0;
  const writeIdeas = async (ideas: Diagram["looseIdeas"], driverNodeId: string | null) => {
    if (ideas.length === 0) return;
    await tx.changeIdea.createMany({
      data: ideas.map((idea) => ({
        projectId,
        driverNodeId,
        title: idea.title,
        description: idea.description,
        sortOrder: ideaOrder++,
      })),
    });
  };
  const writeNodes = async (nodes: DiagramNode[], parentId: string | null) => {
    for (const [sortOrder, node] of nodes.entries()) {
      const row = await tx.driverNode.create({
        data: { projectId, parentId, kind: node.kind, text: node.text, sortOrder },
        select: { id: true },
      });
      await writeIdeas(node.ideas, row.id);
      await writeNodes(node.children, row.id);
    }
  };
  await writeNodes(diagram.nodes, null);
  await writeIdeas(diagram.looseIdeas, null);
}

// ─── From a template ──────────────────────────────────────────────────────────

/** A template's stored JSON, checked: a row edited by hand in the database fails here, not in a project. */
export function parseTemplateContent(row: { measures: unknown; drivers: unknown }) {
  return { measures: templateMeasuresSchema.parse(row.measures), drivers: skeletonSchema.parse(row.drivers) };
}

export async function createProjectFromTemplate(
  viewer: Viewer,
  input: CreateFromTemplateInput,
): Promise<{ id: string }> {
  authorize(viewer, "project.create", { collaborativeId: input.collaborativeId });
  return db.$transaction(async (tx) => {
    const template = await tx.projectTemplate.findUnique({
      where: { key: input.templateKey },
      select: {
        id: true,
        key: true,
        name: true,
        description: true,
        priorityAreaId: true,
        measures: true,
        drivers: true,
      },
    });
    if (!template)
      throw new NotFoundError("That template no longer exists. Choose another, or start an empty project.");
    const { measures, drivers } = parseTemplateContent(template);
    const id = await createFilledProject(tx, viewer, input.collaborativeId, {
      title: input.title,
      problem: template.description,
      aimWhat: "",
      aimHowMuch: "",
      startDate: input.startDate,
      priorityAreaIds: template.priorityAreaId ? [template.priorityAreaId] : [],
      pathwayStageIds: [],
      measures,
      diagram: skeletonToDiagram(drivers),
    });
    await recordAudit(tx, {
      action: "project.created",
      subjectType: "Project",
      subjectId: id,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { visibility: "DRAFT", template: template.key },
    });
    return { id };
  });
}

// ─── From someone else's success ──────────────────────────────────────────────

type SourceProject = Prisma.ProjectGetPayload<{ select: typeof sourceProjectSelect }>;
const sourceProjectSelect = {
  id: true,
  title: true,
  problem: true,
  aimWhat: true,
  aimHowMuch: true,
  status: true,
  visibility: true,
  collaborativeId: true,
  collaborative: { select: { name: true } },
  priorities: { select: { priorityAreaId: true } },
  pathwayStages: { select: { pathwayStageId: true } },
  measures: {
    orderBy: { createdAt: "asc" },
    select: {
      name: true,
      kind: true,
      definition: true,
      unit: true,
      direction: true,
      period: true,
      valueType: true,
      rateMultiplier: true,
      nationalMetric: true,
    },
  },
  driverNodes: {
    orderBy: { sortOrder: "asc" },
    select: { id: true, parentId: true, kind: true, text: true },
  },
  changeIdeas: {
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: { title: true, description: true, driverNodeId: true },
  },
} satisfies Prisma.ProjectSelect;

/** A project's driver diagram as a tree to copy (its measures' data stay behind). */
function projectDiagram(project: SourceProject): Diagram {
  const ideasOf = (nodeId: string | null) =>
    project.changeIdeas
      .filter((i) => i.driverNodeId === nodeId)
      .map((i) => ({ title: i.title, description: i.description }));
  const nodesUnder = (parentId: string | null): DiagramNode[] =>
    project.driverNodes
      .filter((n) => n.parentId === parentId)
      .map((n) => ({ kind: n.kind, text: n.text, ideas: ideasOf(n.id), children: nodesUnder(n.id) }));
  return { nodes: nodesUnder(null), looseIdeas: ideasOf(null) };
}

function projectContent(project: SourceProject, title: string): Omit<ProjectContent, "startDate"> {
  return {
    title,
    problem: project.problem,
    aimWhat: project.aimWhat,
    aimHowMuch: project.aimHowMuch,
    priorityAreaIds: project.priorities.map((p) => p.priorityAreaId),
    pathwayStageIds: project.pathwayStages.map((s) => s.pathwayStageId),
    measures: project.measures,
    diagram: projectDiagram(project),
  };
}

type StartSource = {
  originCollaborativeId: string | null;
  /** The change idea whose adoption this records, if any. */
  learningItemId: string | null;
  content: Omit<ProjectContent, "startDate">;
  audit: Record<string, string>;
};

async function learningSource(tx: Tx, viewer: Viewer, id: string): Promise<StartSource> {
  const item = await tx.learningItem.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      type: true,
      status: true,
      title: true,
      summary: true,
      collaborativeId: true,
      authorId: true,
      collaborative: { select: { name: true } },
      priorities: { select: { priorityAreaId: true } },
      pathwayStages: { select: { pathwayStageId: true } },
      project: { select: sourceProjectSelect },
    },
  });
  if (!item || !can(viewer, "learning.read", learningResource(item))) throw new NotFoundError();
  if (item.status !== "PUBLISHED") throw new DomainError("Only published learning can be started from");
  const source = item.collaborative?.name ?? "the national team";
  const title = titleFrom(item.title, source);
  // The project behind the learning, when its team shares it with the viewer: its aim, measures and diagram.
  const project = item.project && can(viewer, "project.read", item.project) ? item.project : null;
  const content = project
    ? projectContent(project, title)
    : {
        title,
        problem: item.summary,
        aimWhat: "",
        aimHowMuch: "",
        priorityAreaIds: [],
        pathwayStageIds: [],
        measures: [],
        diagram: { nodes: [], looseIdeas: [] },
      };
  content.priorityAreaIds = [...new Set([...content.priorityAreaIds, ...item.priorities.map((p) => p.priorityAreaId)])];
  content.pathwayStageIds = [
    ...new Set([...content.pathwayStageIds, ...item.pathwayStages.map((s) => s.pathwayStageId)]),
  ];
  if (item.type === "CHANGE_IDEA" && !containsIdea(content.diagram, item.title))
    content.diagram.looseIdeas.push({ title: item.title.slice(0, 300), description: item.summary.slice(0, 2000) });
  return {
    originCollaborativeId: item.collaborativeId,
    learningItemId: item.type === "CHANGE_IDEA" ? item.id : null,
    content,
    audit: { source: "learning", sourceId: item.id, slug: item.slug },
  };
}

function containsIdea(diagram: Diagram, title: string): boolean {
  const inNodes = (nodes: DiagramNode[]): boolean =>
    nodes.some((n) => n.ideas.some((i) => i.title === title) || inNodes(n.children));
  return inNodes(diagram.nodes) || diagram.looseIdeas.some((i) => i.title === title);
}

async function projectSource(tx: Tx, viewer: Viewer, id: string): Promise<StartSource> {
  const project = await tx.project.findUnique({ where: { id }, select: sourceProjectSelect });
  if (!project || !can(viewer, "project.read", project)) throw new NotFoundError();
  if (project.status !== "CLOSED") throw new DomainError("Only closed projects can be started from");
  // The change idea the team published from this project, if any: starting from the project adopts it.
  const published = await tx.learningItem.findFirst({
    where: { projectId: project.id, type: "CHANGE_IDEA", status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    select: { id: true },
  });
  return {
    originCollaborativeId: project.collaborativeId,
    learningItemId: published?.id ?? null,
    content: projectContent(project, titleFrom(project.title, project.collaborative.name)),
    audit: { source: "project", sourceId: project.id },
  };
}

/**
 * One adoption per change idea, collaborative and organisation (the unique index): an existing one is
 * reused (and linked to the new project if it had none). ON CONFLICT DO NOTHING (createMany's
 * skipDuplicates) keeps a simultaneous start from failing the transaction.
 */
async function adoptFor(
  tx: Tx,
  viewer: Viewer,
  learningItemId: string,
  collaborativeId: string,
  projectId: string,
): Promise<{ id: string; created: boolean }> {
  const organisationId = homeOrganisation(viewer, collaborativeId);
  const { count } = await tx.adoption.createMany({
    data: [
      {
        learningItemId,
        collaborativeId,
        organisationId,
        projectId,
        status: "CONSIDERING",
        recordedById: viewer.userId!,
      },
    ],
    skipDuplicates: true,
  });
  const adoption = await tx.adoption.findFirstOrThrow({
    where: { learningItemId, collaborativeId, organisationId },
    select: { id: true, projectId: true },
  });
  if (count === 1) {
    await tx.adoptionStatusChange.create({
      data: { adoptionId: adoption.id, fromStatus: null, toStatus: "CONSIDERING", changedById: viewer.userId },
    });
    await recordAudit(tx, {
      action: "adoption.created",
      subjectType: "Adoption",
      subjectId: adoption.id,
      actorId: viewer.userId,
      collaborativeId,
      details: { learningItemId, status: "CONSIDERING", projectId },
    });
  } else if (adoption.projectId === null) {
    await tx.adoption.update({ where: { id: adoption.id }, data: { projectId, version: { increment: 1 } } });
  }
  return { id: adoption.id, created: count === 1 };
}

export async function startProjectFrom(
  viewer: Viewer,
  input: StartFromInput,
): Promise<{ id: string; adoption: "created" | "existing" | null }> {
  return db.$transaction(async (tx) => {
    const source =
      input.source === "learning"
        ? await learningSource(tx, viewer, input.sourceId)
        : await projectSource(tx, viewer, input.sourceId);
    const eligible = startFromCollaborativeIds(viewer, source.originCollaborativeId);
    if (!eligible.includes(input.collaborativeId)) {
      // Not staff anywhere, or only of the source's own collaborative: the policy's refusal.
      if (eligible.length === 0)
        authorize(viewer, "adoption.create", {
          collaborativeId: input.collaborativeId || null,
          originCollaborativeId: source.originCollaborativeId,
        });
      throw new DomainError("Check the highlighted answer", {
        collaborativeId: "Select the collaborative the project is part of",
      });
    }
    const id = await createFilledProject(tx, viewer, input.collaborativeId, {
      ...source.content,
      startDate: new Date(new Date().toISOString().slice(0, 10)),
    });
    const adoption = source.learningItemId
      ? await adoptFor(tx, viewer, source.learningItemId, input.collaborativeId, id)
      : null;
    await recordAudit(tx, {
      action: "project.created",
      subjectType: "Project",
      subjectId: id,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { visibility: "DRAFT", ...source.audit, ...(adoption ? { adoptionId: adoption.id } : {}) },
    });
    return { id, adoption: adoption ? (adoption.created ? "created" : "existing") : null };
  });
}

// ─── Editing templates ────────────────────────────────────────────────────────

const TEMPLATE_LABELS = {
  name: "Name",
  description: "Description",
  priorityArea: "Priority area",
  measures: "Measures",
  drivers: "Driver diagram and change ideas",
};

async function comparable(tx: Tx, t: TemplateFields) {
  const area = t.priorityAreaId
    ? await tx.priorityArea.findUnique({ where: { id: t.priorityAreaId }, select: { name: true } })
    : null;
  return {
    name: t.name,
    description: t.description,
    priorityArea: area?.name ?? "",
    measures: measuresToText(t.measures),
    drivers: skeletonToText(t.drivers),
  };
}

async function checkPriorityArea(tx: Tx, priorityAreaId: string | null) {
  if (!priorityAreaId) return;
  const area = await tx.priorityArea.findFirst({
    where: { id: priorityAreaId, kind: "NATIONAL" },
    select: { id: true },
  });
  if (!area)
    throw new DomainError("Check the highlighted answer", {
      priorityAreaId: "Select one of the national priority areas",
    });
}

const templateData = (t: TemplateFields) => ({
  name: t.name,
  description: t.description,
  priorityAreaId: t.priorityAreaId,
  measures: t.measures,
  drivers: t.drivers,
  editedAt: new Date(),
});

const keyTaken = () =>
  new DomainError("Another template already uses that identifier", {
    key: "Another template already uses that identifier",
  });

export async function createTemplate(viewer: Viewer, input: CreateTemplateInput): Promise<{ id: string }> {
  authorize(viewer, "template.manage");
  return db
    .$transaction(async (tx) => {
      await checkPriorityArea(tx, input.priorityAreaId);
      if (await tx.projectTemplate.findUnique({ where: { key: input.key }, select: { id: true } })) throw keyTaken();
      const template = await tx.projectTemplate.create({
        data: { key: input.key, ...templateData(input) },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: "template.created",
        subjectType: "ProjectTemplate",
        subjectId: template.id,
        actorId: viewer.userId,
        details: { key: input.key },
      });
      return template;
    })
    .catch((error: unknown) => {
      if (isUniqueViolationOf(error, "ProjectTemplate_key_key")) throw keyTaken();
      throw error;
    });
}

export async function updateTemplate(viewer: Viewer, input: UpdateTemplateInput): Promise<void> {
  authorize(viewer, "template.manage");
  await db.$transaction(async (tx) => {
    const current = await tx.projectTemplate.findUnique({
      where: { id: input.id },
      select: {
        id: true,
        key: true,
        version: true,
        name: true,
        description: true,
        priorityAreaId: true,
        measures: true,
        drivers: true,
      },
    });
    if (!current) throw new NotFoundError();
    await checkPriorityArea(tx, input.priorityAreaId);
    const theirs = await comparable(tx, { ...current, ...parseTemplateContent(current) });
    const yours = await comparable(tx, input);
    let version = input.version;
    if (current.version !== version) {
      // Someone saved since the form was opened: only a real difference is a conflict.
      const changes = changedFields(TEMPLATE_LABELS, theirs, yours);
      if (changes.length > 0) throw new EditConflictError({ version: current.version, changes });
      version = current.version;
    }
    const { count } = await tx.projectTemplate.updateMany({
      where: { id: current.id, version },
      data: { ...templateData(input), version: { increment: 1 } },
    });
    if (count === 0) throw new EditConflictError({ version: current.version + 1, changes: [] });
    await recordAudit(tx, {
      action: "template.updated",
      subjectType: "ProjectTemplate",
      subjectId: current.id,
      actorId: viewer.userId,
      details: {
        key: current.key,
        fields: changedFields(TEMPLATE_LABELS, theirs, yours)
          .map((c) => c.field)
          .join(","),
      },
    });
  });
}
