// Projects on a real database: who may create, read, edit, move and delete them; scoped lists;
// optimistic concurrency with a field-by-field conflict; status history.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, DomainError } from "@/lib/errors";
import { EditConflictError } from "@/lib/forms/conflict";
import {
  addTeamMember,
  changeProjectStatus,
  createProject,
  archiveProject,
  removeTeamMember,
  restoreProject,
  updateProject,
} from "@/lib/projects/mutations";
import { getProjectForEdit, getProjectStory, getProjectTeam, listProjects } from "@/lib/projects/queries";
import { createCast, createOrganisation, createUser, type Cast } from "@/tests/fixtures/factories";
import { auditActions, insertProject, projectInput, projectSnapshot, utc } from "@/tests/fixtures/projects";
import type { UpdateProjectInput } from "@/lib/projects/schemas";

let cast: Cast;
beforeAll(async () => {
  cast = await createCast();
});

const page1 = { page: 1 } as const;

async function editInput(projectId: string, overrides: Partial<UpdateProjectInput> = {}): Promise<UpdateProjectInput> {
  const p = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: { organisations: true, priorities: true, pathwayStages: true },
  });
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    problem: p.problem,
    aimWhat: p.aimWhat,
    aimHowMuch: p.aimHowMuch,
    aimByWhen: p.aimByWhen,
    startDate: p.startDate,
    organisationIds: p.organisations.map((o) => o.organisationId),
    priorityAreaIds: p.priorities.map((o) => o.priorityAreaId),
    pathwayStageIds: p.pathwayStages.map((o) => o.pathwayStageId),
    visibility: p.visibility,
    learningSummary: p.learningSummary,
    ...overrides,
  };
}

describe("createProject", () => {
  it("lets staff of the collaborative create a project, with its links, first status, team and audit", async () => {
    const input = await projectInput(cast.collaborativeA.id);
    const { id } = await createProject(cast.viewers.staffA, input);
    const p = await projectSnapshot(id);
    expect(p).toMatchObject({
      title: input.title,
      status: "IDEA",
      version: 1,
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId,
    });
    expect(p!.organisations.map((o) => o.organisationId)).toEqual(input.organisationIds);
    expect(p!.priorities.map((o) => o.priorityAreaId)).toEqual(input.priorityAreaIds);
    expect(p!.pathwayStages.map((o) => o.pathwayStageId)).toEqual(input.pathwayStageIds);
    expect(p!.statusChanges).toMatchObject([{ fromStatus: null, toStatus: "IDEA" }]);
    expect(p!.team).toMatchObject([{ userId: cast.viewers.staffA.userId, role: "Project lead" }]);
    expect(await auditActions(id)).toEqual(["project.created"]);
  });

  it.each(["anonymous", "patientA", "staffB", "leadB", "national"] as const)(
    "refuses %s and writes nothing",
    async (role) => {
      const input = await projectInput(cast.collaborativeA.id);
      await expect(createProject(cast.viewers[role], input)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.project.count({ where: { title: input.title } })).toBe(0);
    },
  );

  it("refuses an organisation from another collaborative", async () => {
    const other = await createOrganisation(cast.collaborativeB.id);
    const input = await projectInput(cast.collaborativeA.id, {});
    input.organisationIds = [other.id];
    const error = await createProject(cast.viewers.staffA, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors.organisationIds).toMatch(/this collaborative/);
    expect(await db.project.count({ where: { title: input.title } })).toBe(0);
  });

  it("refuses another collaborative's local priority", async () => {
    const local = await db.priorityArea.create({
      data: {
        slug: `oxford-local-${Date.now()}`,
        name: "Oxford only",
        kind: "LOCAL",
        collaborativeId: cast.collaborativeB.id,
      },
    });
    const input = await projectInput(cast.collaborativeA.id, { priorityAreaIds: [local.id] });
    const error = await createProject(cast.viewers.staffA, input).catch((e: unknown) => e);
    expect((error as DomainError).fieldErrors.priorityAreaIds).toBeDefined();
  });
});

describe("reading projects", () => {
  let draft: string, portal: string, published: string, other: string;
  beforeAll(async () => {
    const creator = cast.viewers.staffA.userId!;
    draft = (
      await insertProject({
        collaborativeId: cast.collaborativeA.id,
        createdById: creator,
        visibility: "DRAFT",
        title: "Zebra draft scope test",
      })
    ).id;
    portal = (
      await insertProject({
        collaborativeId: cast.collaborativeA.id,
        createdById: creator,
        visibility: "PORTAL",
        title: "Zebra portal scope test",
      })
    ).id;
    published = (
      await insertProject({
        collaborativeId: cast.collaborativeA.id,
        createdById: creator,
        visibility: "PUBLIC",
        title: "Zebra public scope test",
        stage: "care-home",
      })
    ).id;
    other = (
      await insertProject({
        collaborativeId: cast.collaborativeB.id,
        createdById: cast.viewers.staffB.userId!,
        visibility: "DRAFT",
        title: "Zebra oxford draft scope test",
      })
    ).id;
  });

  const visible = async (role: keyof Cast["viewers"]) =>
    (await listProjects(cast.viewers[role], { ...page1, q: "Zebra" })).items.map((p) => p.id).sort();

  it("scopes the list by the viewer, as the policy does", async () => {
    expect(await visible("anonymous")).toEqual([published].sort());
    expect(await visible("patientA")).toEqual([published].sort());
    expect(await visible("staffA")).toEqual([draft, portal, published].sort());
    expect(await visible("staffB")).toEqual([portal, published, other].sort());
    // A draft is its collaborative's alone: the national team sees shared projects only (issue 15).
    expect(await visible("national")).toEqual([portal, published].sort());
  });

  it("filters by collaborative, stage, status, priority, organisation and text, and paginates", async () => {
    // Staff of both collaboratives: every Zebra project, drafts included.
    const { viewer } = await createUser({ memberships: { wessex: "STAFF", oxford: "STAFF" } });
    expect(
      (await listProjects(viewer, { ...page1, q: "Zebra", collaborative: "oxford" })).items.map((p) => p.id),
    ).toEqual([other]);
    expect((await listProjects(viewer, { ...page1, q: "Zebra", stage: "care-home" })).items.map((p) => p.id)).toEqual([
      published,
    ]);
    expect((await listProjects(viewer, { ...page1, q: "Zebra", status: "CLOSED" })).items).toEqual([]);
    expect((await listProjects(viewer, { ...page1, q: "Zebra", priority: "falls" })).total).toBe(4);
    // "local" (the dashboard's local column): projects with any local priority, national-only ones left out.
    const local = await db.priorityArea.create({
      data: {
        slug: `zebra-local-${Date.now()}`,
        name: "Zebra local",
        kind: "LOCAL",
        collaborativeId: cast.collaborativeA.id,
      },
    });
    await db.projectPriority.create({ data: { projectId: portal, priorityAreaId: local.id } });
    expect((await listProjects(viewer, { ...page1, q: "Zebra", priority: "local" })).items.map((p) => p.id)).toEqual([
      portal,
    ]);
    // Each card counts its own measures.
    await db.measure.createMany({
      data: [
        { projectId: portal, name: "Falls", kind: "OUTCOME" },
        { projectId: portal, name: "Bed days", kind: "PROCESS" },
      ],
    });
    const cards = (await listProjects(viewer, { ...page1, q: "Zebra" })).items;
    expect(cards.find((p) => p.id === portal)!.measureCount).toBe(2);
    expect(cards.find((p) => p.id === published)!.measureCount).toBe(0);
    const org = await db.projectOrganisation.findFirstOrThrow({ where: { projectId: portal } });
    expect((await listProjects(viewer, { ...page1, organisation: org.organisationId })).items.map((p) => p.id)).toEqual(
      [portal],
    );
    expect((await listProjects(viewer, { ...page1, q: "zebra PORTAL scope" })).items.map((p) => p.id)).toEqual([
      portal,
    ]);
    for (let i = 0; i < 21; i++)
      await insertProject({
        collaborativeId: cast.collaborativeA.id,
        createdById: cast.viewers.staffA.userId!,
        title: `Quagga paging ${i}`,
      });
    const first = await listProjects(viewer, { page: 1, q: "Quagga paging" });
    const second = await listProjects(viewer, { page: 2, q: "Quagga paging" });
    expect([first.total, first.pageCount, first.items.length, second.items.length]).toEqual([21, 2, 20, 1]);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(21);
  });

  it("shows a public project's story to anyone, and hides a draft from other collaboratives", async () => {
    const story = await getProjectStory(cast.viewers.anonymous, published);
    expect(story.title).toBe("Zebra public scope test");
    expect(story.canUpdate).toBe(false);
    await expect(getProjectStory(cast.viewers.staffB, draft)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProjectStory(cast.viewers.patientA, draft)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getProjectStory(cast.viewers.staffA, draft)).canUpdate).toBe(true);
  });

  it("counts the concerns that prompted the project", async () => {
    for (let i = 0; i < 2; i++) {
      await db.concern.create({
        data: {
          reference: `PSC-T${Date.now()}${i}`,
          trackingTokenHash: `hash-${Date.now()}-${i}-${Math.random()}`,
          idempotencyKey: `key-${Date.now()}-${i}-${Math.random()}`,
          collaborativeId: cast.collaborativeA.id,
          whatHappened: "My father fell at night.",
          reporterRelation: "CARER",
          linkedProjectId: published,
        },
      });
    }
    expect((await getProjectStory(cast.viewers.anonymous, published)).concernsCount).toBe(2);
  });

  it("opens the edit form only for people who may update", async () => {
    await expect(getProjectForEdit(cast.viewers.staffB, portal)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getProjectForEdit(cast.viewers.staffB, draft)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getProjectForEdit(cast.viewers.leadA, draft)).canArchive).toBe(true);
    expect((await getProjectForEdit(cast.viewers.staffA, draft)).canArchive).toBe(false);
  });
});

describe("updateProject", () => {
  it("saves the fields and links, bumps the version and audits the changed fields", async () => {
    const { id } = await createProject(cast.viewers.staffA, await projectInput(cast.collaborativeA.id));
    const org = await createOrganisation(cast.collaborativeA.id);
    await updateProject(
      cast.viewers.leadA,
      await editInput(id, { title: "Safer nights", organisationIds: [org.id], learningSummary: "Huddles work." }),
    );
    const p = await projectSnapshot(id);
    expect(p).toMatchObject({ title: "Safer nights", learningSummary: "Huddles work.", version: 2 });
    expect(p!.organisations.map((o) => o.organisationId)).toEqual([org.id]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "project.updated" } });
    expect(audit.details).toEqual({ fields: ["title", "organisations", "learningSummary"] });
  });

  it("denies people outside the collaborative (not found for a draft, forbidden for a portal project) and changes nothing", async () => {
    const draft = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
      visibility: "DRAFT",
    });
    const portal = await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
      visibility: "PORTAL",
    });
    for (const [project, error] of [
      [draft, NotFoundError],
      [portal, ForbiddenError],
    ] as const) {
      const before = await projectSnapshot(project.id);
      await expect(
        updateProject(cast.viewers.staffB, await editInput(project.id, { title: "Hijacked" })),
      ).rejects.toBeInstanceOf(error);
      await expect(
        updateProject(cast.viewers.patientA, await editInput(project.id, { title: "Hijacked" })),
      ).rejects.toBeInstanceOf(DomainError);
      expect(await projectSnapshot(project.id)).toEqual(before);
    }
  });

  it("refuses a stale version, shows theirs against yours, and overwrites nothing", async () => {
    const { id } = await createProject(
      cast.viewers.staffA,
      await projectInput(cast.collaborativeA.id, { title: "Original title" }),
    );
    const staleForm = await editInput(id);
    await updateProject(cast.viewers.leadA, await editInput(id, { title: "Lead's title", problem: "Lead's problem" }));
    const before = await projectSnapshot(id);
    const error = await updateProject(cast.viewers.staffA, { ...staleForm, title: "Staff title" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EditConflictError);
    const { details } = error as EditConflictError;
    expect(details.version).toBe(2);
    expect(details.changes).toEqual([
      { field: "title", label: "Title", theirs: "Lead's title", yours: "Staff title" },
      { field: "problem", label: "The problem", theirs: "Lead's problem", yours: staleForm.problem },
    ]);
    expect(await projectSnapshot(id)).toEqual(before);

    // Saving again with the version shown in the conflict is a deliberate overwrite.
    await updateProject(cast.viewers.staffA, { ...staleForm, title: "Staff title", version: details.version });
    expect((await db.project.findUniqueOrThrow({ where: { id } })).title).toBe("Staff title");
  });

  it("goes ahead when the other save left every field on the form as submitted", async () => {
    const { id } = await createProject(cast.viewers.staffA, await projectInput(cast.collaborativeA.id));
    const staleForm = await editInput(id);
    await changeProjectStatus(cast.viewers.leadA, { id, version: 1, status: "PLANNING", reason: "" });
    await updateProject(cast.viewers.staffA, { ...staleForm, learningSummary: "" });
    expect((await db.project.findUniqueOrThrow({ where: { id } })).version).toBe(3);
  });

  it("lets only one of two simultaneous saves win", async () => {
    const { id } = await createProject(cast.viewers.staffA, await projectInput(cast.collaborativeA.id));
    const form = await editInput(id);
    const results = await Promise.allSettled([
      updateProject(cast.viewers.staffA, { ...form, title: "First" }),
      updateProject(cast.viewers.leadA, { ...form, title: "Second" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(EditConflictError);
    expect((await db.project.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});

describe("changeProjectStatus", () => {
  it("keeps every change as history, and closing needs a reason", async () => {
    const { id } = await createProject(cast.viewers.staffA, await projectInput(cast.collaborativeA.id));
    await changeProjectStatus(cast.viewers.staffA, { id, version: 1, status: "TESTING", reason: "Team formed" });
    const noReason = await changeProjectStatus(cast.viewers.staffA, {
      id,
      version: 2,
      status: "CLOSED",
      reason: " ",
    }).catch((e: unknown) => e);
    expect((noReason as DomainError).fieldErrors).toEqual({ reason: "Say why the project is closing" });
    await changeProjectStatus(cast.viewers.staffA, {
      id,
      version: 2,
      status: "CLOSED",
      reason: "Ward closed for refurbishment",
    });
    const p = await projectSnapshot(id);
    expect(p).toMatchObject({ status: "CLOSED", closedReason: "Ward closed for refurbishment", version: 3 });
    expect(
      p!.statusChanges
        .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())
        .map((s) => [s.fromStatus, s.toStatus, s.reason]),
    ).toEqual([
      [null, "IDEA", ""],
      ["IDEA", "TESTING", "Team formed"],
      ["TESTING", "CLOSED", "Ward closed for refurbishment"],
    ]);
    expect((await getProjectStory(cast.viewers.staffA, id)).timeline.map((t) => t.text)).toContain(
      "Moved from Testing changes to Closed: Ward closed for refurbishment",
    );
    await changeProjectStatus(cast.viewers.staffA, { id, version: 3, status: "TESTING", reason: "Reopened" });
    expect((await db.project.findUniqueOrThrow({ where: { id } })).closedReason).toBeNull();
  });

  it("refuses a move to the same stage, a stale version, and outsiders", async () => {
    const { id } = await createProject(cast.viewers.staffA, await projectInput(cast.collaborativeA.id));
    await expect(
      changeProjectStatus(cast.viewers.staffA, { id, version: 1, status: "IDEA", reason: "" }),
    ).rejects.toThrow(/already at/);
    await changeProjectStatus(cast.viewers.staffA, { id, version: 1, status: "PLANNING", reason: "" });
    const stale = await changeProjectStatus(cast.viewers.leadA, {
      id,
      version: 1,
      status: "TESTING",
      reason: "",
    }).catch((e: unknown) => e);
    expect((stale as EditConflictError).details.changes).toEqual([
      { field: "status", label: "Stage", theirs: "Planning", yours: "Testing changes" },
    ]);
    await expect(
      changeProjectStatus(cast.viewers.staffB, { id, version: 2, status: "TESTING", reason: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.projectStatusChange.count({ where: { projectId: id } })).toBe(2);
  });
});

describe("team", () => {
  it("adds portal members of the collaborative and people by name, and removes them", async () => {
    const { id } = await createProject(cast.viewers.staffA, await projectInput(cast.collaborativeA.id));
    const nurse = await createUser({ memberships: { wessex: "STAFF" }, name: "Nurse Team Test" });
    await addTeamMember(cast.viewers.staffA, { projectId: id, userId: nurse.user.id, name: "", role: "Ward manager" });
    await addTeamMember(cast.viewers.staffA, {
      projectId: id,
      userId: "",
      name: "Pat Partner",
      role: "Patient partner",
    });
    const team = await getProjectTeam(cast.viewers.staffA, id);
    expect(team.team.map((t) => [t.name, t.role, t.portalUser])).toEqual(
      expect.arrayContaining([
        ["Nurse Team Test", "Ward manager", true],
        ["Pat Partner", "Patient partner", false],
      ]),
    );
    expect(team.candidates.map((c) => c.value)).not.toContain(nurse.user.id);
    await expect(
      addTeamMember(cast.viewers.staffA, { projectId: id, userId: nurse.user.id, name: "", role: "" }),
    ).rejects.toThrow(/already on the team/);
    const outsider = await createUser({ memberships: { oxford: "STAFF" } });
    await expect(
      addTeamMember(cast.viewers.staffA, { projectId: id, userId: outsider.user.id, name: "", role: "" }),
    ).rejects.toThrow(/member of this collaborative/);
    const pat = team.team.find((t) => t.name === "Pat Partner")!;
    await expect(removeTeamMember(cast.viewers.staffB, { projectId: id, memberId: pat.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await removeTeamMember(cast.viewers.leadA, { projectId: id, memberId: pat.id });
    expect(await db.projectTeamMember.count({ where: { projectId: id } })).toBe(2);
    expect(await auditActions(id)).toEqual([
      "project.created",
      "project.team_member_added",
      "project.team_member_added",
      "project.team_member_removed",
    ]);
  });
});

describe("archiveProject", () => {
  it("lets a lead of the collaborative (or an admin) archive and restore, and nobody else; nothing is deleted", async () => {
    const { id } = await createProject(
      cast.viewers.staffA,
      await projectInput(cast.collaborativeA.id, { visibility: "PORTAL" }),
    );
    await expect(archiveProject(cast.viewers.staffA, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(archiveProject(cast.viewers.leadB, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.project.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    await archiveProject(cast.viewers.leadA, id);
    const archived = await db.project.findUniqueOrThrow({ where: { id }, include: { statusChanges: true } });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.archivedById).toBe(cast.viewers.leadA.userId);
    expect(archived.statusChanges.length).toBeGreaterThan(0);
    expect(await auditActions(id)).toContain("project.archived");
    // Out of every list, even its own staff's; its page stays open to them, not to other collaboratives.
    expect((await listProjects(cast.viewers.staffA, page1)).items.map((p) => p.id)).not.toContain(id);
    expect((await getProjectStory(cast.viewers.staffA, id)).archivedAt).not.toBeNull();
    await expect(getProjectStory(cast.viewers.staffB, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProjectStory(cast.viewers.national, id)).rejects.toBeInstanceOf(NotFoundError);
    // Nothing changes until it is restored, and only a lead restores it.
    await expect(updateProject(cast.viewers.staffA, await editInput(id, { title: "Changed" }))).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(restoreProject(cast.viewers.staffA, id)).rejects.toBeInstanceOf(ForbiddenError);
    await restoreProject(cast.viewers.leadA, id);
    expect((await db.project.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    expect((await listProjects(cast.viewers.staffA, page1)).items.map((p) => p.id)).toContain(id);
    expect(await auditActions(id)).toContain("project.restored");
    const second = await createProject(
      cast.viewers.staffA,
      await projectInput(cast.collaborativeA.id, { visibility: "PORTAL" }),
    );
    await archiveProject(cast.viewers.admin, second.id);
    expect((await db.project.findUniqueOrThrow({ where: { id: second.id } })).archivedAt).not.toBeNull();
  });

  it("keeps aim dates as calendar dates", async () => {
    const { id } = await createProject(
      cast.viewers.staffA,
      await projectInput(cast.collaborativeA.id, { aimByWhen: utc("2026-12-31") }),
    );
    expect((await db.project.findUniqueOrThrow({ where: { id } })).aimByWhen?.toISOString()).toBe(
      "2026-12-31T00:00:00.000Z",
    );
  });
});
