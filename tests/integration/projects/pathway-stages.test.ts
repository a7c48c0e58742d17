// The editable pathway stage list: administrators add, rename and delete stages; a stage in use stays.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import {
  createPathwayStage,
  deletePathwayStage,
  listPathwayStagesForAdmin,
  updatePathwayStage,
} from "@/lib/projects/pathway-stages";
import { getProjectFilterOptions } from "@/lib/projects/queries";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { insertProject } from "@/tests/fixtures/projects";

let cast: Cast;
beforeAll(async () => {
  cast = await createCast();
});

describe("pathway stages", () => {
  it("lets an administrator add, rename and delete a stage, and it appears in the project filters", async () => {
    const slug = `hospice-${Date.now()}`;
    await createPathwayStage(cast.viewers.admin, { name: "In a hospice", slug, sortOrder: 75 });
    const stage = await db.pathwayStage.findUniqueOrThrow({ where: { slug } });
    expect((await getProjectFilterOptions(cast.viewers.anonymous)).stages.map((s) => s.value)).toContain(slug);
    await updatePathwayStage(cast.viewers.admin, { id: stage.id, name: "Hospice care", slug, sortOrder: 76 });
    expect(await db.pathwayStage.findUniqueOrThrow({ where: { id: stage.id } })).toMatchObject({
      name: "Hospice care",
      sortOrder: 76,
    });
    await expect(createPathwayStage(cast.viewers.admin, { name: "Duplicate", slug, sortOrder: 1 })).rejects.toThrow(
      /already uses/,
    );
    await deletePathwayStage(cast.viewers.admin, stage.id);
    expect(await db.pathwayStage.count({ where: { id: stage.id } })).toBe(0);
    expect(
      (await db.auditEvent.findMany({ where: { subjectId: stage.id }, orderBy: { id: "asc" } })).map((e) => e.action),
    ).toEqual(["pathway_stage.created", "pathway_stage.updated", "pathway_stage.deleted"]);
  });

  it("keeps a stage that projects use", async () => {
    const slug = `in-use-${Date.now()}`;
    await createPathwayStage(cast.viewers.admin, { name: "In use", slug, sortOrder: 90 });
    await insertProject({
      collaborativeId: cast.collaborativeA.id,
      createdById: cast.viewers.staffA.userId!,
      stage: slug,
    });
    const stage = (await listPathwayStagesForAdmin(cast.viewers.admin)).find((s) => s.slug === slug)!;
    expect(stage.uses).toBe(1);
    await expect(deletePathwayStage(cast.viewers.admin, stage.id)).rejects.toThrow(/rename it instead/);
    expect(await db.pathwayStage.count({ where: { id: stage.id } })).toBe(1);
  });

  it.each(["anonymous", "patientA", "staffA", "leadA", "national"] as const)(
    "refuses %s and changes nothing",
    async (role) => {
      const stage = await db.pathwayStage.findUniqueOrThrow({ where: { slug: "care-home" } });
      await expect(listPathwayStagesForAdmin(cast.viewers[role])).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        createPathwayStage(cast.viewers[role], { name: "X", slug: `x-${role}`, sortOrder: 1 }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        updatePathwayStage(cast.viewers[role], { id: stage.id, name: "Renamed", slug: "care-home", sortOrder: 1 }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deletePathwayStage(cast.viewers[role], stage.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.pathwayStage.findUniqueOrThrow({ where: { slug: "care-home" } })).toEqual(stage);
      expect(await db.pathwayStage.count({ where: { slug: `x-${role}` } })).toBe(0);
    },
  );
});
