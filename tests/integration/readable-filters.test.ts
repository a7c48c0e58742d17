// The list queries' where clauses for projects and learning against the policy's answer for each row:
// for every role, the rows a list returns are exactly the rows `can(viewer, "….read", row)` allows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth/policy";
import { readableProjectsWhere } from "@/lib/projects/access";
import { learningResource, readableLearningWhere } from "@/lib/learning/queries";
import { createCast, createUser } from "@/tests/fixtures/factories";
import { insertProject } from "@/tests/fixtures/projects";
import { insertLearningItem } from "@/tests/fixtures/learning";
import type { LearningStatus, LearningType, Visibility } from "@/lib/generated/prisma/enums";

const VISIBILITIES: Visibility[] = ["DRAFT", "PORTAL", "PUBLIC"];
const STATUSES: LearningStatus[] = ["DRAFT", "PUBLISHED", "ARCHIVED"];

let viewers: Record<string, Viewer>;
let projectIds: string[];
let learningIds: string[];

beforeAll(async () => {
  const cast = await createCast();
  const A = cast.collaborativeA.id;
  const B = cast.collaborativeB.id;
  // Beyond the matrix's cast: someone with roles in both, an author who is only a patient, a request not yet approved.
  const [leadAStaffB, patientAuthor, pendingStaffB] = await Promise.all([
    createUser({ memberships: { wessex: "LEAD", oxford: "STAFF" } }),
    createUser({ memberships: { wessex: "PATIENT" } }),
    createUser({ memberships: { oxford: "STAFF" }, pending: true }),
  ]);
  viewers = {
    ...cast.viewers,
    leadAStaffB: leadAStaffB.viewer,
    patientAuthor: patientAuthor.viewer,
    pendingStaffB: pendingStaffB.viewer,
  };

  projectIds = [];
  for (const collaborativeId of [A, B]) {
    for (const visibility of VISIBILITIES) {
      projectIds.push(
        (await insertProject({ collaborativeId, visibility, createdById: cast.viewers.staffA.userId! })).id,
      );
    }
  }

  learningIds = [];
  const authors = [cast.viewers.staffA.userId!, cast.viewers.staffB.userId!, patientAuthor.user.id];
  for (const collaborativeId of [A, B, null]) {
    for (const status of STATUSES) {
      for (const authorId of authors) {
        const type: LearningType = collaborativeId === null ? "NATIONAL_NOTE" : "CHANGE_IDEA";
        learningIds.push(
          (
            await insertLearningItem({
              authorId,
              collaborativeId,
              status,
              type,
              title: `Readable filter ${status} ${type}`,
            })
          ).id,
        );
      }
    }
  }
});

async function compareProjects(viewer: Viewer) {
  const rows = await db.project.findMany({
    where: { id: { in: projectIds } },
    select: { id: true, collaborativeId: true, visibility: true },
  });
  const allowed = rows
    .filter((p) => can(viewer, "project.read", p))
    .map((p) => p.id)
    .sort();
  const listed = (
    await db.project.findMany({
      where: { AND: [{ id: { in: projectIds } }, readableProjectsWhere(viewer)] },
      select: { id: true },
    })
  )
    .map((p) => p.id)
    .sort();
  return { allowed, listed, total: rows.length };
}

async function compareLearning(viewer: Viewer) {
  const rows = await db.learningItem.findMany({
    where: { id: { in: learningIds } },
    select: { id: true, collaborativeId: true, authorId: true, status: true, type: true },
  });
  const allowed = rows
    .filter((item) => can(viewer, "learning.read", learningResource(item)))
    .map((i) => i.id)
    .sort();
  const listed = (
    await db.learningItem.findMany({
      where: { AND: [{ id: { in: learningIds } }, readableLearningWhere(viewer)] },
      select: { id: true },
    })
  )
    .map((i) => i.id)
    .sort();
  return { allowed, listed, total: rows.length };
}

describe("readable-record filters agree with the policy on real rows", () => {
  it("lists, for every role, exactly the projects the policy lets them read", async () => {
    const counts: Record<string, number> = {};
    for (const [role, viewer] of Object.entries(viewers)) {
      const { allowed, listed, total } = await compareProjects(viewer);
      expect(total).toBe(6);
      expect(listed, `projects for ${role}`).toEqual(allowed);
      counts[role] = allowed.length;
    }
    // What the rule means, so that the two cannot agree on something wrong: public only for outsiders;
    // staff see their collaborative's drafts and every portal project; the national team and administrators
    // see every shared project but no collaborative's drafts (issue 15).
    expect(counts).toEqual({
      anonymous: 2,
      patientA: 2,
      staffA: 5,
      leadA: 5,
      staffB: 5,
      leadB: 5,
      national: 4,
      admin: 4,
      leadAStaffB: 6,
      patientAuthor: 2,
      pendingStaffB: 2,
    });
  });

  it("lists, for every role, exactly the learning the policy lets them read", async () => {
    const counts: Record<string, number> = {};
    for (const [role, viewer] of Object.entries(viewers)) {
      const { allowed, listed, total } = await compareLearning(viewer);
      expect(total).toBe(27);
      expect(listed, `learning for ${role}`).toEqual(allowed);
      counts[role] = allowed.length;
    }
    // 9 published; staff add the rest of their collaborative's 9 (6 unpublished); authors add their own unpublished elsewhere.
    expect(counts).toEqual({
      anonymous: 9,
      patientA: 9,
      staffA: 19,
      leadA: 15,
      staffB: 19,
      leadB: 15,
      national: 27,
      admin: 27,
      leadAStaffB: 21,
      patientAuthor: 15,
      pendingStaffB: 9,
    });
  });
});
