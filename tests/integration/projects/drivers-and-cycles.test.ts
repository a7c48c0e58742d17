// The driver diagram, change ideas and PDSA cycles on a real database: edits, ordering, denials
// that change nothing, and optimistic concurrency on cycles.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { EditConflictError } from "@/lib/forms/conflict";
import {
  addChangeIdea,
  addDriver,
  deleteChangeIdea,
  deleteDriver,
  moveDriver,
  renameDriver,
  reparentDriver,
  updateChangeIdea,
} from "@/lib/projects/driver-mutations";
import { createPdsaCycle, deletePdsaCycle, updatePdsaCycle } from "@/lib/projects/cycle-mutations";
import { getDriverDiagram, getPdsaCycle, getProjectStory } from "@/lib/projects/queries";
import { createPdsaSchema } from "@/lib/projects/schemas";
import { formObject } from "@/lib/forms";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { auditActions, insertProject, projectSnapshot, utc } from "@/tests/fixtures/projects";
import type { PdsaInput } from "@/lib/projects/schemas";

let cast: Cast;
let projectId: string;
beforeAll(async () => {
  cast = await createCast();
  projectId = (
    await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
      visibility: "PORTAL",
      startDate: utc("2024-01-01"),
    })
  ).id;
});

describe("driver diagram", () => {
  it("builds aim → primary → secondary → change ideas, and reorders, moves, renames and deletes", async () => {
    const staff = cast.viewers.staffA;
    const culture = await addDriver(staff, { projectId, parentId: "", text: "Safety culture" });
    const environment = await addDriver(staff, { projectId, parentId: "", text: "Ward environment" });
    const huddles = await addDriver(staff, { projectId, parentId: culture.id, text: "Daily huddles" });
    const lighting = await addDriver(staff, { projectId, parentId: culture.id, text: "Night lighting" });
    const idea = await addChangeIdea(staff, {
      projectId,
      driverNodeId: huddles.id,
      title: "Falls huddle at handover",
      description: "",
    });
    await addChangeIdea(staff, { projectId, driverNodeId: "", title: "Unlinked idea", description: "" });

    let tree = (await getDriverDiagram(staff, projectId)).tree;
    expect(tree.primaries.map((p) => [p.text, p.secondaries.map((s) => s.text)])).toEqual([
      ["Safety culture", ["Daily huddles", "Night lighting"]],
      ["Ward environment", []],
    ]);
    expect(tree.primaries[0]!.secondaries[0]!.changeIdeas.map((i) => i.title)).toEqual(["Falls huddle at handover"]);
    expect(tree.unlinkedIdeas.map((i) => i.title)).toEqual(["Unlinked idea"]);

    await moveDriver(staff, { projectId, nodeId: environment.id, direction: "up" });
    await reparentDriver(staff, { projectId, nodeId: lighting.id, parentId: environment.id });
    await renameDriver(staff, { projectId, nodeId: huddles.id, text: "Huddles at every handover" });
    tree = (await getDriverDiagram(staff, projectId)).tree;
    expect(tree.primaries.map((p) => [p.text, p.secondaries.map((s) => s.text)])).toEqual([
      ["Ward environment", ["Night lighting"]],
      ["Safety culture", ["Huddles at every handover"]],
    ]);

    // A secondary driver cannot take children; a primary cannot move under another driver.
    await expect(addDriver(staff, { projectId, parentId: huddles.id, text: "Too deep" })).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(
      reparentDriver(staff, { projectId, nodeId: culture.id, parentId: environment.id }),
    ).rejects.toBeInstanceOf(DomainError);

    // Deleting a primary driver takes its secondary drivers; their change ideas stay, unlinked.
    await deleteDriver(staff, { projectId, nodeId: culture.id });
    tree = (await getDriverDiagram(staff, projectId)).tree;
    expect(tree.primaries.map((p) => p.text)).toEqual(["Ward environment"]);
    expect(tree.unlinkedIdeas.map((i) => i.title).sort()).toEqual(["Falls huddle at handover", "Unlinked idea"]);
    await updateChangeIdea(staff, {
      projectId,
      ideaId: idea.id,
      driverNodeId: lighting.id,
      title: "Falls huddle at handover",
      description: "Five minutes",
    });
    expect((await getDriverDiagram(staff, projectId)).tree.primaries[0]!.secondaries[0]!.changeIdeas).toEqual([
      { id: idea.id, title: "Falls huddle at handover", description: "Five minutes" },
    ]);
    expect(await auditActions(projectId)).toEqual(
      expect.arrayContaining([
        "project.driver_added",
        "project.driver_moved",
        "project.driver_renamed",
        "project.driver_deleted",
        "project.change_idea_added",
        "project.change_idea_updated",
      ]),
    );
  });

  it("refuses people who may not update the project, and a driver from another project", async () => {
    const node = await addDriver(cast.viewers.staffA, { projectId, parentId: "", text: "Leadership" });
    const before = await projectSnapshot(projectId);
    await expect(addDriver(cast.viewers.staffB, { projectId, parentId: "", text: "Intruder" })).rejects.toThrow(
      /permission/,
    );
    await expect(
      renameDriver(cast.viewers.patientA, { projectId, nodeId: node.id, text: "Intruder" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteDriver(cast.viewers.national, { projectId, nodeId: node.id })).rejects.toThrow(/permission/);
    expect(await projectSnapshot(projectId)).toEqual(before);

    const otherProject = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
    });
    await expect(
      renameDriver(cast.viewers.staffA, { projectId: otherProject.id, nodeId: node.id, text: "Wrong project" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addChangeIdea(cast.viewers.staffA, {
        projectId: otherProject.id,
        driverNodeId: node.id,
        title: "x",
        description: "",
      }),
    ).rejects.toThrow(/this project/);
  });
});

describe("every diagram edit checks the policy", () => {
  it("refuses staff of another collaborative for each kind of edit, and changes nothing", async () => {
    const staff = cast.viewers.staffA;
    const primary = await addDriver(staff, { projectId, parentId: "", text: "Policy primary" });
    const other = await addDriver(staff, { projectId, parentId: "", text: "Policy other primary" });
    const secondary = await addDriver(staff, { projectId, parentId: primary.id, text: "Policy secondary" });
    const idea = await addChangeIdea(staff, {
      projectId,
      driverNodeId: secondary.id,
      title: "Policy idea",
      description: "",
    });
    const before = await projectSnapshot(projectId);
    const outsider = cast.viewers.staffB;
    const attempts: [string, () => Promise<unknown>][] = [
      ["addDriver", () => addDriver(outsider, { projectId, parentId: primary.id, text: "x" })],
      ["renameDriver", () => renameDriver(outsider, { projectId, nodeId: primary.id, text: "x" })],
      ["moveDriver", () => moveDriver(outsider, { projectId, nodeId: other.id, direction: "up" })],
      ["reparentDriver", () => reparentDriver(outsider, { projectId, nodeId: secondary.id, parentId: other.id })],
      ["deleteDriver", () => deleteDriver(outsider, { projectId, nodeId: primary.id })],
      ["addChangeIdea", () => addChangeIdea(outsider, { projectId, driverNodeId: "", title: "x", description: "" })],
      [
        "updateChangeIdea",
        () => updateChangeIdea(outsider, { projectId, ideaId: idea.id, driverNodeId: "", title: "x", description: "" }),
      ],
      ["deleteChangeIdea", () => deleteChangeIdea(outsider, { projectId, ideaId: idea.id })],
    ];
    for (const [name, attempt] of attempts) await expect(attempt(), name).rejects.toThrow(/permission/);
    expect(await projectSnapshot(projectId)).toEqual(before);
  });
});

describe("PDSA cycles", () => {
  const cycleInput = (overrides: Partial<PdsaInput> = {}): PdsaInput => ({
    projectId,
    changeIdeaId: "",
    newChangeIdea: "",
    title: "Huddle test, one week",
    plan: "Run a falls huddle at the night handover on Beech Ward for one week.",
    prediction: "Fewer unwitnessed falls at night.",
    doNotes: "",
    study: "",
    act: "",
    actNotes: "",
    startDate: utc("2024-03-04"),
    endDate: null,
    ...overrides,
  });

  it("records a cycle with a new change idea, then its study and decision, and shows it on the project", async () => {
    const { id } = await createPdsaCycle(cast.viewers.staffA, cycleInput({ newChangeIdea: "Night handover huddle" }));
    const cycle = await db.pdsaCycle.findUniqueOrThrow({ where: { id }, include: { changeIdea: true } });
    expect(cycle.changeIdea.title).toBe("Night handover huddle");
    await updatePdsaCycle(cast.viewers.leadA, {
      ...cycleInput({
        changeIdeaId: cycle.changeIdeaId,
        study: "Two falls instead of six.",
        act: "ADOPT",
        endDate: utc("2024-03-10"),
      }),
      id,
      version: 1,
    });
    const story = await getProjectStory(cast.viewers.staffB, projectId);
    const shown = story.cycles.find((c) => c.id === id)!;
    expect(shown).toMatchObject({
      act: "ADOPT",
      study: "Two falls instead of six.",
      changeIdea: "Night handover huddle",
    });
    expect(
      story.timeline.some(
        (t) => t.kind === "cycle" && t.text.includes("Huddle test, one week") && t.text.includes("adopted"),
      ),
    ).toBe(true);
    expect((await getPdsaCycle(cast.viewers.staffB, projectId, id)).canUpdate).toBe(false);
    expect(await auditActions(id)).toEqual(["pdsa.created", "pdsa.decided"]);
  });

  it("refuses a start before the project, another project's change idea, and outsiders", async () => {
    const early = await createPdsaCycle(
      cast.viewers.staffA,
      cycleInput({ newChangeIdea: "x", startDate: utc("2023-12-31") }),
    ).catch((e: unknown) => e);
    expect((early as DomainError).fieldErrors.startDate).toMatch(/before the project/);
    const other = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
    });
    const foreignIdea = await addChangeIdea(cast.viewers.staffA, {
      projectId: other.id,
      driverNodeId: "",
      title: "Elsewhere",
      description: "",
    });
    await expect(createPdsaCycle(cast.viewers.staffA, cycleInput({ changeIdeaId: foreignIdea.id }))).rejects.toThrow(
      /from this project/,
    );
    const count = await db.pdsaCycle.count({ where: { projectId } });
    await expect(createPdsaCycle(cast.viewers.staffB, cycleInput({ newChangeIdea: "Intruder" }))).rejects.toThrow(
      /permission/,
    );
    await expect(
      createPdsaCycle(cast.viewers.anonymous, cycleInput({ newChangeIdea: "Intruder" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.pdsaCycle.count({ where: { projectId } })).toBe(count);
    expect(await db.changeIdea.count({ where: { projectId, title: "Intruder" } })).toBe(0);
  });

  it("shows a conflict when two people update the same cycle, and saves nothing", async () => {
    const { id } = await createPdsaCycle(cast.viewers.staffA, cycleInput({ newChangeIdea: "Conflict idea" }));
    const ideaId = (await db.pdsaCycle.findUniqueOrThrow({ where: { id } })).changeIdeaId;
    await updatePdsaCycle(cast.viewers.staffA, {
      ...cycleInput({ changeIdeaId: ideaId, doNotes: "Ran on 5 nights" }),
      id,
      version: 1,
    });
    const before = await db.pdsaCycle.findUniqueOrThrow({ where: { id } });
    const error = await updatePdsaCycle(cast.viewers.leadA, {
      ...cycleInput({ changeIdeaId: ideaId, study: "Worked", act: "ADAPT" }),
      id,
      version: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).details.changes.map((c) => [c.field, c.theirs, c.yours])).toEqual([
      ["doNotes", "Ran on 5 nights", ""],
      ["study", "", "Worked"],
      ["act", "", "Adapt"],
    ]);
    expect(await db.pdsaCycle.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("deletes a cycle; a change idea with cycles cannot be deleted", async () => {
    const { id } = await createPdsaCycle(cast.viewers.staffA, cycleInput({ newChangeIdea: "Kept idea" }));
    const ideaId = (await db.pdsaCycle.findUniqueOrThrow({ where: { id } })).changeIdeaId;
    await expect(deleteChangeIdea(cast.viewers.staffA, { projectId, ideaId })).rejects.toThrow(/PDSA cycles/);
    await expect(deletePdsaCycle(cast.viewers.staffB, { projectId, id })).rejects.toThrow(/permission/);
    await deletePdsaCycle(cast.viewers.staffA, { projectId, id });
    expect(await db.pdsaCycle.count({ where: { id } })).toBe(0);
    await deleteChangeIdea(cast.viewers.staffA, { projectId, ideaId });
    expect(await db.changeIdea.count({ where: { id: ideaId } })).toBe(0);
  });

  it("validates the form: a prediction, one change idea, dates in order, and a study before the decision", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      projectId,
      title: "T",
      plan: "P",
      prediction: "",
      act: "ADOPT",
      study: "",
      "startDate-day": "10",
      "startDate-month": "3",
      "startDate-year": "2024",
      "endDate-day": "1",
      "endDate-month": "3",
      "endDate-year": "2024",
    }))
      form.set(k, v);
    const messages = () => {
      const parsed = createPdsaSchema.safeParse(formObject(form, { dates: ["startDate", "endDate"] }));
      expect(parsed.success).toBe(false);
      return Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    };
    // Every problem at once, cross-field checks included (the NHS error summary lists them all).
    expect(messages()).toEqual({
      prediction: "Write down what you predict will happen",
      changeIdeaId: "Select the change idea this cycle tests, or describe a new one",
      endDate: "The end date must be on or after the start date",
      study: "Write what you learned (study) before deciding to adopt, adapt or abandon",
    });
  });
});
