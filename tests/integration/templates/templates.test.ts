// Projects that do not begin empty, on a real database: from a national template (measures, driver
// diagram and change ideas in one transaction with the project), from someone else's success (a
// published change idea or a closed project, recorded as an adoption), and the editing of templates.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { EditConflictError } from "@/lib/forms/conflict";
import { createProjectFromTemplate, createTemplate, startProjectFrom, updateTemplate } from "@/lib/templates/mutations";
import { getTemplateForEdit } from "@/lib/templates/queries";
import { updateTemplateSchema } from "@/lib/templates/schemas";
import { getLearningItem } from "@/lib/learning/queries";
import { seedProjectTemplates } from "@/prisma/seed/project-templates";
import { createCast, createOrganisation, createUser, type Cast } from "@/tests/fixtures/factories";
import { auditActions, insertProject, utc } from "@/tests/fixtures/projects";
import { insertLearningItem, nonsenseWord } from "@/tests/fixtures/learning";
import { runAsOwner } from "@/tests/fixtures/owner-sql";

const fallsMeasure = {
  name: "Falls",
  kind: "OUTCOME",
  definition: "Numerator: falls. Denominator: occupied bed days.",
  unit: "per 1,000 occupied bed days",
  direction: "DECREASE",
  period: "MONTH",
  valueType: "RATE",
  rateMultiplier: 1000,
  nationalMetric: "falls-with-harm",
};

let cast: Cast;
beforeAll(async () => {
  cast = await createCast();
});

const projectContents = (id: string) =>
  db.project.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      visibility: true,
      problem: true,
      aimWhat: true,
      collaborativeId: true,
      priorities: { select: { priorityArea: { select: { slug: true } } } },
      measures: {
        select: { name: true, definition: true, nationalMetric: true, valueType: true, rateMultiplier: true },
        orderBy: { createdAt: "asc" },
      },
      driverNodes: { select: { id: true, kind: true, text: true, parentId: true } },
      changeIdeas: { select: { title: true, description: true, driverNodeId: true } },
      _count: { select: { measures: true } },
    },
  });

describe("the national templates", () => {
  it("are seeded for the five national priority areas, each with measures that feed a national harm metric", async () => {
    const templates = await db.projectTemplate.findMany({ include: { priorityArea: true } });
    const national = templates.filter((t) =>
      ["falls", "pressure-ulcers", "infections", "medication-safety", "transfers-discharge"].includes(t.key),
    );
    expect(national.map((t) => t.priorityArea?.slug).sort()).toEqual([
      "falls",
      "infections",
      "medication-safety",
      "pressure-ulcers",
      "transfers-discharge",
    ]);
    for (const t of national) {
      const measures = t.measures as { nationalMetric: string | null; definition: string }[];
      expect(measures.filter((m) => m.nationalMetric !== null)).toHaveLength(1);
      expect(measures.every((m) => /Numerator:.*Denominator:/s.test(m.definition))).toBe(true);
    }
  });

  it("seeding again refreshes untouched templates but never overwrites an edit made in the portal", async () => {
    const falls = await getTemplateForEdit(
      cast.viewers.national,
      (await db.projectTemplate.findUniqueOrThrow({ where: { key: "pressure-ulcers" } })).id,
    );
    await updateTemplate(cast.viewers.national, {
      ...updateTemplateSchema.parse({
        id: falls.id,
        version: String(falls.version),
        name: "Pressure ulcers in the community",
        drivers: falls.drivers,
      }),
      measures: falls.measures,
    });
    const before = await db.projectTemplate.count();
    await db.$transaction((tx) => seedProjectTemplates(tx));
    await db.$transaction((tx) => seedProjectTemplates(tx));
    expect(await db.projectTemplate.count()).toBe(before);
    const after = await db.projectTemplate.findUniqueOrThrow({ where: { key: "pressure-ulcers" } });
    expect(after.name).toBe("Pressure ulcers in the community");
  });
});

describe("createProjectFromTemplate", () => {
  it("creates the project with the template's priority area, measures, driver diagram and change ideas", async () => {
    const { id } = await createProjectFromTemplate(cast.viewers.staffA, {
      templateKey: "falls",
      collaborativeId: cast.collaborativeA.id,
      title: "Fewer falls on Beech Ward",
      startDate: utc("2025-04-01"),
    });
    const p = await projectContents(id);
    expect(p).toMatchObject({
      title: "Fewer falls on Beech Ward",
      visibility: "DRAFT",
      collaborativeId: cast.collaborativeA.id,
    });
    expect(p.priorities.map((x) => x.priorityArea.slug)).toEqual(["falls"]);
    expect(p.measures.length).toBeGreaterThanOrEqual(4);
    expect(p.measures.find((m) => m.nationalMetric === "falls-with-harm")).toMatchObject({
      valueType: "RATE",
      rateMultiplier: 1000,
    });
    const primaries = p.driverNodes.filter((n) => n.kind === "PRIMARY");
    const secondaries = p.driverNodes.filter((n) => n.kind === "SECONDARY");
    expect(primaries.length).toBeGreaterThan(0);
    expect(secondaries.every((s) => primaries.some((pr) => pr.id === s.parentId))).toBe(true);
    expect(p.changeIdeas.length).toBeGreaterThan(0);
    expect(
      p.changeIdeas.every(
        (i) => secondaries.some((s) => s.id === i.driverNodeId) || primaries.some((pr) => pr.id === i.driverNodeId),
      ),
    ).toBe(true);
    expect(await auditActions(id)).toContain("project.created");
  });

  it("writes nothing when any part fails: one transaction", async () => {
    // A change idea that the database refuses (a trigger standing in for any failure part-way through).
    const key = `broken-${nonsenseWord()}`;
    await db.projectTemplate.create({
      data: {
        key,
        name: "Broken",
        measures: [fallsMeasure],
        drivers: [{ text: "A driver", ideas: ["refuse-this-idea"], secondaries: [] }],
      },
    });
    await runAsOwner(`
      CREATE FUNCTION refuse_idea() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'refuse-this-idea' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_idea BEFORE INSERT ON "ChangeIdea" FOR EACH ROW EXECUTE FUNCTION refuse_idea();`);
    try {
      const before = {
        projects: await db.project.count(),
        measures: await db.measure.count(),
        drivers: await db.driverNode.count(),
      };
      await expect(
        createProjectFromTemplate(cast.viewers.staffA, {
          templateKey: key,
          collaborativeId: cast.collaborativeA.id,
          title: "Should not exist",
          startDate: utc("2025-04-01"),
        }),
      ).rejects.toThrow();
      expect({
        projects: await db.project.count(),
        measures: await db.measure.count(),
        drivers: await db.driverNode.count(),
      }).toEqual(before);
    } finally {
      await runAsOwner(`DROP TRIGGER refuse_idea ON "ChangeIdea"; DROP FUNCTION refuse_idea();`);
    }
  });

  it("refuses someone who is not staff of the collaborative, and a template that does not exist", async () => {
    const input = {
      templateKey: "falls",
      collaborativeId: cast.collaborativeA.id,
      title: "X",
      startDate: utc("2025-04-01"),
    };
    for (const viewer of [cast.viewers.anonymous, cast.viewers.patientA, cast.viewers.staffB, cast.viewers.national])
      await expect(createProjectFromTemplate(viewer, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createProjectFromTemplate(cast.viewers.staffA, { ...input, templateKey: "nope" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("editing templates", () => {
  const form = (extra: Record<string, string>) => ({
    name: "Falls in care homes",
    description: "For care homes.",
    m0_name: "Falls per 1,000 occupied bed days",
    m0_kind: "OUTCOME",
    m0_definition: "Numerator: falls. Denominator: occupied bed days.",
    m0_direction: "DECREASE",
    m0_valueType: "RATE",
    m0_rateMultiplier: "1000",
    m0_nationalMetric: "falls-with-harm",
    drivers: "Risks are found\n- Blood pressure\n  * Checklist",
    ...extra,
  });

  it("lets administrators and the national team create and edit templates, and refuses staff", async () => {
    const key = `care-homes-${nonsenseWord()}`;
    const { createTemplateSchema } = await import("@/lib/templates/schemas");
    const { id } = await createTemplate(cast.viewers.admin, createTemplateSchema.parse(form({ key })));
    const created = await db.projectTemplate.findUniqueOrThrow({ where: { id } });
    expect(created.drivers).toEqual([
      { text: "Risks are found", ideas: [], secondaries: [{ text: "Blood pressure", ideas: ["Checklist"] }] },
    ]);
    expect(created.editedAt).not.toBeNull();

    const edit = updateTemplateSchema.parse(
      form({ id, version: "1", m0_definition: "Numerator: falls with harm. Denominator: bed days." }),
    );
    await updateTemplate(cast.viewers.national, edit);
    const edited = await db.projectTemplate.findUniqueOrThrow({ where: { id } });
    expect(edited.version).toBe(2);
    expect((edited.measures as { definition: string }[])[0].definition).toBe(
      "Numerator: falls with harm. Denominator: bed days.",
    );
    expect(await auditActions(id)).toEqual(expect.arrayContaining(["template.created", "template.updated"]));

    for (const viewer of [cast.viewers.staffA, cast.viewers.leadA, cast.viewers.patientA, cast.viewers.anonymous]) {
      await expect(updateTemplate(viewer, { ...edit, version: 2 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        createTemplate(viewer, createTemplateSchema.parse(form({ key: `${key}-x` }))),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await db.projectTemplate.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it("detects an edit conflict: a save from an older version shows the other person's change", async () => {
    const { createTemplateSchema } = await import("@/lib/templates/schemas");
    const { id } = await createTemplate(
      cast.viewers.admin,
      createTemplateSchema.parse(form({ key: `conflict-${nonsenseWord()}` })),
    );
    await updateTemplate(cast.viewers.national, updateTemplateSchema.parse(form({ id, version: "1", name: "Theirs" })));
    const error = await updateTemplate(
      cast.viewers.admin,
      updateTemplateSchema.parse(form({ id, version: "1", name: "Mine" })),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).details.changes).toEqual([
      { field: "name", label: "Name", theirs: "Theirs", yours: "Mine" },
    ]);
    expect((await db.projectTemplate.findUniqueOrThrow({ where: { id } })).name).toBe("Theirs");
  });

  it("explains a driver line that cannot be placed, beside the field", () => {
    const parsed = updateTemplateSchema.safeParse(
      form({ id: "x1", version: "1", drivers: "- A secondary with no primary" }),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["drivers"] });
  });
});

describe("startProjectFrom", () => {
  async function publishedChangeIdea() {
    // Collaborative B's closed project and the change idea it published.
    const source = await insertProject({
      collaborativeId: cast.collaborativeB.id,
      createdById: cast.viewers.staffB.userId!,
      visibility: "PORTAL",
      title: "Red socks for falls risk",
    });
    await db.project.update({
      where: { id: source.id },
      data: { status: "CLOSED", aimWhat: "Halve falls with harm", closedReason: "Sustained" },
    });
    const primary = await db.driverNode.create({
      data: { projectId: source.id, kind: "PRIMARY", text: "Risks are seen" },
    });
    const secondary = await db.driverNode.create({
      data: { projectId: source.id, parentId: primary.id, kind: "SECONDARY", text: "Visible cues" },
    });
    await db.changeIdea.create({
      data: {
        projectId: source.id,
        driverNodeId: secondary.id,
        title: "Red socks",
        description: "Patients at risk wear red socks",
      },
    });
    const measure = await db.measure.create({
      data: {
        projectId: source.id,
        name: "Falls",
        kind: "OUTCOME",
        definition: "Falls per 1,000 bed days",
        nationalMetric: "falls-with-harm",
        valueType: "RATE",
        rateMultiplier: 1000,
      },
    });
    await db.measurePoint.create({
      data: { measureId: measure.id, periodStart: utc("2024-01-01"), value: 5, numerator: 5, denominator: 1000 },
    });
    const item = await insertLearningItem({
      authorId: cast.viewers.leadB.userId!,
      collaborativeId: cast.collaborativeB.id,
      title: `Red socks ${nonsenseWord()}`,
      summary: "Red socks flag falls risk.",
      type: "CHANGE_IDEA",
    });
    await db.learningItem.update({ where: { id: item.id }, data: { projectId: source.id } });
    return { source, item };
  }

  it("creates a pre-filled draft project and an adoption in one go, and the spread count rises by one", async () => {
    const { item } = await publishedChangeIdea();
    const spreadBefore = (await getLearningItem(cast.viewers.staffA, item.slug)).spread!;
    const { id, adoption } = await startProjectFrom(cast.viewers.staffA, {
      source: "learning",
      sourceId: item.id,
      collaborativeId: cast.collaborativeA.id,
    });
    expect(adoption).toBe("created");
    const p = await projectContents(id);
    expect(p.title).toBe(`${item.title} (from ${cast.collaborativeB.name})`);
    expect(p).toMatchObject({
      visibility: "DRAFT",
      collaborativeId: cast.collaborativeA.id,
      aimWhat: "Halve falls with harm",
    });
    expect(p.measures).toEqual([expect.objectContaining({ name: "Falls", nationalMetric: "falls-with-harm" })]);
    expect(await db.measurePoint.count({ where: { measure: { projectId: id } } })).toBe(0);
    expect(p.driverNodes.map((n) => n.text).sort()).toEqual(["Risks are seen", "Visible cues"]);
    expect(p.changeIdeas).toContainEqual(
      expect.objectContaining({ title: "Red socks", description: "Patients at risk wear red socks" }),
    );
    const adoptions = await db.adoption.findMany({
      where: { learningItemId: item.id },
      include: { statusChanges: true },
    });
    expect(adoptions).toEqual([
      expect.objectContaining({ collaborativeId: cast.collaborativeA.id, projectId: id, status: "CONSIDERING" }),
    ]);
    expect(adoptions[0].statusChanges).toHaveLength(1);
    const spreadAfter = (await getLearningItem(cast.viewers.staffA, item.slug)).spread!;
    expect(spreadAfter.adoptingCount).toBe(spreadBefore.adoptingCount + 1);
    expect(spreadAfter.collaborativeCount).toBe(spreadBefore.collaborativeCount + 1);
    expect(await auditActions(id)).toContain("project.created");
    expect(await auditActions(adoptions[0].id)).toContain("adoption.created");
  });

  it("twice gives two projects but one adoption (the unique index is respected, not tripped over)", async () => {
    const { item } = await publishedChangeIdea();
    const input = { source: "learning" as const, sourceId: item.id, collaborativeId: cast.collaborativeA.id };
    const first = await startProjectFrom(cast.viewers.staffA, input);
    const second = await startProjectFrom(cast.viewers.staffA, input);
    expect([first.adoption, second.adoption]).toEqual(["created", "existing"]);
    expect(second.id).not.toBe(first.id);
    expect(await db.adoption.count({ where: { learningItemId: item.id } })).toBe(1);
  });

  it("from a closed project: copies it and adopts the change idea it published", async () => {
    const { source, item } = await publishedChangeIdea();
    const { id, adoption } = await startProjectFrom(cast.viewers.staffA, {
      source: "project",
      sourceId: source.id,
      collaborativeId: cast.collaborativeA.id,
    });
    expect(adoption).toBe("created");
    expect((await projectContents(id)).title).toBe(`Red socks for falls risk (from ${cast.collaborativeB.name})`);
    expect(await db.adoption.count({ where: { learningItemId: item.id, projectId: id } })).toBe(1);
  });

  it("refuses someone signed out, a patient, the source's own collaborative, and a project that is not closed", async () => {
    const { item, source } = await publishedChangeIdea();
    const before = { projects: await db.project.count(), adoptions: await db.adoption.count() };
    const intoA = { source: "learning" as const, sourceId: item.id, collaborativeId: cast.collaborativeA.id };
    await expect(startProjectFrom(cast.viewers.anonymous, intoA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startProjectFrom(cast.viewers.patientA, intoA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      startProjectFrom(cast.viewers.staffB, { ...intoA, collaborativeId: cast.collaborativeB.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // Staff of A choosing a collaborative they are not staff of.
    await expect(
      startProjectFrom(cast.viewers.staffA, { ...intoA, collaborativeId: cast.collaborativeB.id }),
    ).rejects.toBeInstanceOf(DomainError);
    await db.project.update({ where: { id: source.id }, data: { status: "TESTING" } });
    await expect(
      startProjectFrom(cast.viewers.staffA, {
        source: "project",
        sourceId: source.id,
        collaborativeId: cast.collaborativeA.id,
      }),
    ).rejects.toThrow("Only closed projects");
    expect({ projects: await db.project.count(), adoptions: await db.adoption.count() }).toEqual(before);
  });

  it("from a case study: a project from its write-up, and no adoption (only change ideas are adopted)", async () => {
    const study = await insertLearningItem({
      authorId: cast.viewers.leadB.userId!,
      collaborativeId: cast.collaborativeB.id,
      title: `Beech Ward's story ${nonsenseWord()}`,
      summary: "How one ward halved falls.",
      type: "CASE_STUDY",
    });
    const { id, adoption } = await startProjectFrom(cast.viewers.staffA, {
      source: "learning",
      sourceId: study.id,
      collaborativeId: cast.collaborativeA.id,
    });
    expect(adoption).toBeNull();
    const p = await projectContents(id);
    expect(p).toMatchObject({ problem: "How one ward halved falls.", changeIdeas: [] });
    expect(p.priorities.map((x) => x.priorityArea.slug)).toEqual(["falls"]);
    expect(await db.adoption.count({ where: { learningItemId: study.id } })).toBe(0);
  });

  it("records the adoption against the person's own organisation", async () => {
    const { item } = await publishedChangeIdea();
    const org = await createOrganisation(cast.collaborativeA.id);
    const { viewer } = await createUser({ memberships: { wessex: "STAFF" } });
    await db.membership.updateMany({ where: { userId: viewer.userId! }, data: { organisationId: org.id } });
    const withOrg = { ...viewer, memberships: viewer.memberships.map((m) => ({ ...m, organisationId: org.id })) };
    const { id } = await startProjectFrom(withOrg, {
      source: "learning",
      sourceId: item.id,
      collaborativeId: cast.collaborativeA.id,
    });
    expect(await db.adoption.findFirst({ where: { learningItemId: item.id } })).toMatchObject({
      organisationId: org.id,
      projectId: id,
    });
  });
});
