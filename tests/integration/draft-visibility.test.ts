// "Draft" is true (issue 15): a draft is seen by its collaborative's staff and leads only, and counts in
// no figure — national dashboard panels and their CSVs, the national scan ("Improvement found"), harm
// metrics, coverage, collaborative counts, learning evidence — until it is shared. Archiving (issue 19
// finding 5) takes a project or a measure out of the same figures, and restoring brings it back, with
// the learning library's "evidence of improvement" recomputed in the same transaction each time.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Visibility } from "@/lib/generated/prisma/enums";
import { parseDashboardFilters, type DashboardFilters } from "@/lib/dashboard/filters";
import {
  getCoverage,
  getDashboardReference,
  getFunnels,
  getHarm,
  getImprovement,
  knownValues,
  type DashboardScope,
} from "@/lib/dashboard/queries";
import { dashboardCsv } from "@/lib/dashboard/exports";
import { refreshDashboardSummaries } from "@/lib/dashboard/summaries";
import { listCollaboratives } from "@/lib/collaboratives/queries";
import { refreshMeasureSpc } from "@/lib/measures/spc-status";
import { archiveMeasure, restoreMeasure } from "@/lib/measures/mutations";
import { archiveProject, restoreProject, updateProject } from "@/lib/projects/mutations";
import { getProjectStory, listProjects } from "@/lib/projects/queries";
import { countedProjectWhere, isCountedProject } from "@/lib/projects/counted";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { insertProject } from "@/tests/fixtures/projects";
import { insertLearningItem, nonsenseWord } from "@/tests/fixtures/learning";
import { createConcern } from "@/tests/fixtures/concerns";
import { getLearningItem } from "@/lib/learning/queries";

const NATIONAL: DashboardScope = { kind: "national" };
let cast: Cast;
let filters: DashboardFilters;

/** January 2024 to August 2025: the improving series' twenty months. */
async function period(): Promise<DashboardFilters> {
  const reference = await getDashboardReference();
  return parseDashboardFilters({ from: "2024-01", to: "2025-08" }, knownValues(reference)).filters;
}

/**
 * A falls project in Wessex with a national harm measure whose latest point shows special-cause
 * improvement (ten months at 10 per 1,000 bed days, then ten at 5), and a learning item citing it.
 */
async function improvingProject(visibility: Visibility) {
  const project = await insertProject({
    collaborativeId: cast.collaborativeA.id,
    createdById: cast.viewers.staffA.userId!,
    visibility,
    title: `Draft test ${visibility} ${nonsenseWord(6)}`,
    priority: "falls",
    startDate: new Date(Date.UTC(2023, 0, 1)),
  });
  const measure = await db.measure.create({
    data: {
      projectId: project.id,
      name: `Falls with harm ${visibility} ${nonsenseWord(6)}`,
      kind: "OUTCOME",
      direction: "DECREASE",
      valueType: "RATE",
      rateMultiplier: 1000,
      nationalMetric: "falls-with-harm",
      points: {
        create: Array.from({ length: 20 }, (_, i) => ({
          periodStart: new Date(Date.UTC(2024, i, 1)),
          value: i < 10 ? 10 : 5,
          numerator: i < 10 ? 10 : 5,
          denominator: 1000,
        })),
      },
    },
  });
  const item = await insertLearningItem({
    authorId: cast.viewers.staffA.userId!,
    collaborativeId: cast.collaborativeA.id,
    title: `Evidence from ${visibility}`,
  });
  await db.learningItem.update({ where: { id: item.id }, data: { measureId: measure.id, projectId: project.id } });
  // The real write path: the stored status and the evidence flag, recomputed together.
  await refreshMeasureSpc(db, measure.id);
  return { project, measure, item };
}

/** Every national figure the project's measure could reach, as seen by the national team. */
async function nationalFigures(measureName: string) {
  await refreshDashboardSummaries({ force: true });
  const wessexFalls = await period().then((f) => ({ ...f, collaborative: "wessex", area: "falls" }));
  const [improvement, coverage, harm, improvementCsv, collaboratives, funnels] = await Promise.all([
    getImprovement(cast.viewers.national, NATIONAL, wessexFalls, { listLength: 1000, withCharts: false }),
    getCoverage(cast.viewers.national, NATIONAL, wessexFalls),
    getHarm(cast.viewers.national, NATIONAL, wessexFalls),
    dashboardCsv(cast.viewers.national, NATIONAL, "improvement", filters),
    listCollaboratives(cast.viewers.anonymous),
    // The funnel plots compare every collaborative in August 2025, whatever the collaborative filter.
    getFunnels(cast.viewers.national, NATIONAL, { ...wessexFalls, month: 2025 * 12 + 7 }),
  ]);
  const wessexFunnel = funnels.metrics.find((m) => m.key === "falls-with-harm")!.rows.find((r) => r.slug === "wessex");
  const fallsHarm = harm.find((h) => h.key === "falls-with-harm")!;
  return {
    improving: improvement.improvement,
    listed: improvement.improvementList.some((m) => m.name === measureName),
    projects: coverage.totals.projects,
    harmMeasures: fallsHarm.points.find((p) => p.month.getTime() === Date.UTC(2025, 7, 1))?.measures ?? 0,
    inCsv: improvementCsv.body.includes(measureName),
    activeProjects: collaboratives.find((c) => c.slug === "wessex")!.activeProjects,
    funnelHarms: wessexFunnel?.numerator ?? 0,
  };
}

const evidenceOf = async (id: string) =>
  (await db.learningItem.findUniqueOrThrow({ where: { id } })).hasImprovementEvidence;

beforeAll(async () => {
  cast = await createCast();
  filters = await period();
});

describe("a draft", () => {
  it("is seen by its collaborative's staff and leads only: the national team, administrators and others get not found", async () => {
    const { project } = await improvingProject("DRAFT");
    expect((await getProjectStory(cast.viewers.staffA, project.id)).id).toBe(project.id);
    expect((await getProjectStory(cast.viewers.leadA, project.id)).id).toBe(project.id);
    for (const role of ["national", "admin", "staffB", "leadB", "patientA", "anonymous"] as const) {
      await expect(getProjectStory(cast.viewers[role], project.id), role).rejects.toBeInstanceOf(NotFoundError);
      const listed = await listProjects(cast.viewers[role], { page: 1, q: project.title });
      expect(
        listed.items.map((p) => p.id),
        role,
      ).not.toContain(project.id);
    }
  });

  it("counts in no national figure, export or learning evidence until shared; a portal project does", async () => {
    const draft = await improvingProject("DRAFT");
    const before = await nationalFigures(draft.measure.name);
    expect(await db.measure.findUniqueOrThrow({ where: { id: draft.measure.id } })).toMatchObject({
      spcLatestSpecialCause: "improvement",
    });
    expect(before.listed).toBe(false);
    expect(before.inCsv).toBe(false);
    expect(await evidenceOf(draft.item.id)).toBe(false);
    // The published learning that cites it shows no evidence chart from a draft to the national team,
    // while the draft's own staff still see their chart.
    expect((await getLearningItem(cast.viewers.national, draft.item.slug)).evidence.measure).toBeNull();
    expect((await getLearningItem(cast.viewers.staffA, draft.item.slug)).evidence.measure?.id).toBe(draft.measure.id);

    const portal = await improvingProject("PORTAL");
    const withPortal = await nationalFigures(portal.measure.name);
    expect(withPortal.listed).toBe(true);
    expect(withPortal.inCsv).toBe(true);
    expect(await evidenceOf(portal.item.id)).toBe(true);
    expect(withPortal.improving).toBe(before.improving + 1);
    expect(withPortal.projects).toBe(before.projects + 1);
    expect(withPortal.harmMeasures).toBe(before.harmMeasures + 1);
    expect(withPortal.funnelHarms).toBe(before.funnelHarms + 5);
    expect(withPortal.activeProjects).toBe(before.activeProjects + 1);

    // Sharing the draft through the edit form brings it into every figure and its learning's evidence.
    const current = await db.project.findUniqueOrThrow({
      where: { id: draft.project.id },
      include: { organisations: true, priorities: true, pathwayStages: true },
    });
    await updateProject(cast.viewers.staffA, {
      id: current.id,
      version: current.version,
      title: current.title,
      problem: current.problem,
      aimWhat: current.aimWhat,
      aimHowMuch: current.aimHowMuch,
      aimByWhen: current.aimByWhen,
      startDate: current.startDate,
      organisationIds: current.organisations.map((o) => o.organisationId),
      priorityAreaIds: current.priorities.map((p) => p.priorityAreaId),
      pathwayStageIds: current.pathwayStages.map((s) => s.pathwayStageId),
      visibility: "PORTAL",
      learningSummary: current.learningSummary,
    });
    expect(await evidenceOf(draft.item.id)).toBe(true);
    const shared = await nationalFigures(draft.measure.name);
    expect(shared.listed).toBe(true);
    expect(shared.inCsv).toBe(true);
    expect(shared.improving).toBe(withPortal.improving + 1);
    expect(shared.harmMeasures).toBe(withPortal.harmMeasures + 1);
    expect(shared.funnelHarms).toBe(withPortal.funnelHarms + 5);
  });

  it("is one rule: the SQL function, the where clause and the predicate agree", async () => {
    const ids: string[] = [];
    for (const visibility of ["DRAFT", "PORTAL", "PUBLIC"] as const) {
      for (const archivedAt of [null, new Date()]) {
        const p = await insertProject({
          collaborativeId: cast.collaborativeB.id,
          createdById: cast.viewers.staffB.userId!,
          visibility,
        });
        await db.project.update({ where: { id: p.id }, data: { archivedAt } });
        ids.push(p.id);
      }
    }
    const rows = await db.$queryRaw<{ id: string; counted: boolean }[]>`
      SELECT id, psc_project_counted(visibility, "archivedAt") AS counted FROM "Project" WHERE id = ANY(${ids})`;
    const counted = new Set(
      (await db.project.findMany({ where: { id: { in: ids }, ...countedProjectWhere }, select: { id: true } })).map(
        (p) => p.id,
      ),
    );
    const projects = await db.project.findMany({ where: { id: { in: ids } } });
    for (const p of projects) {
      const sql = rows.find((r) => r.id === p.id)!.counted;
      expect(sql, `${p.visibility} ${p.archivedAt ? "archived" : ""}`).toBe(isCountedProject(p));
      expect(counted.has(p.id)).toBe(sql);
    }
    expect(projects.filter(isCountedProject)).toHaveLength(2);
  });
});

describe("archiving instead of deleting", () => {
  it("takes a project out of every figure and its learning's evidence, notes linked concerns, and restores both", async () => {
    const { project, measure, item } = await improvingProject("PORTAL");
    const concern = await createConcern(cast.collaborativeA.id, { status: "LINKED" });
    await db.concern.update({ where: { id: concern.id }, data: { linkedProjectId: project.id } });
    const shared = await nationalFigures(measure.name);
    expect(shared.listed).toBe(true);
    expect(await evidenceOf(item.id)).toBe(true);

    await archiveProject(cast.viewers.leadA, project.id);
    expect(await evidenceOf(item.id)).toBe(false);
    const page = await getLearningItem(cast.viewers.staffA, item.slug);
    expect(page.evidence.measure).toBeNull();
    expect(page.evidence.project?.readable).toBe(false);
    const archived = await nationalFigures(measure.name);
    expect(archived.listed).toBe(false);
    expect(archived.inCsv).toBe(false);
    expect(archived.improving).toBe(shared.improving - 1);
    expect(archived.projects).toBe(shared.projects - 1);
    expect(archived.harmMeasures).toBe(shared.harmMeasures - 1);
    expect(archived.funnelHarms).toBe(shared.funnelHarms - 5);
    // Nothing was deleted.
    expect(await db.measurePoint.count({ where: { measureId: measure.id } })).toBe(20);
    const history = await db.concernStatusChange.findMany({ where: { concernId: concern.id } });
    expect(history).toContainEqual(
      expect.objectContaining({
        fromStatus: "LINKED",
        toStatus: "LINKED",
        reason: "The improvement project linked to this concern was archived.",
        changedById: cast.viewers.leadA.userId,
      }),
    );

    await restoreProject(cast.viewers.leadA, project.id);
    expect(await evidenceOf(item.id)).toBe(true);
    expect((await nationalFigures(measure.name)).listed).toBe(true);
  });

  it("takes a measure out of the figures and evidence (which a deletion used to leave true), and restores it", async () => {
    const { project, measure, item } = await improvingProject("PUBLIC");
    expect(await evidenceOf(item.id)).toBe(true);
    await archiveMeasure(cast.viewers.staffA, { projectId: project.id, id: measure.id });
    expect(await evidenceOf(item.id)).toBe(false);
    expect((await nationalFigures(measure.name)).listed).toBe(false);
    // Hidden from the project page, even for its staff; its data are kept.
    const story = await getProjectStory(cast.viewers.staffA, project.id);
    expect(story.measures.map((m) => m.id)).not.toContain(measure.id);
    expect(story.archivedMeasures.map((m) => m.id)).toEqual([measure.id]);
    expect((await getProjectStory(cast.viewers.anonymous, project.id)).archivedMeasures).toEqual([]);

    await restoreMeasure(cast.viewers.staffA, { projectId: project.id, id: measure.id });
    expect(await evidenceOf(item.id)).toBe(true);
    expect((await nationalFigures(measure.name)).listed).toBe(true);
  });
});
