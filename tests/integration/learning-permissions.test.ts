// Publishing, featuring, adopting, editing and moderating learning, against the real database:
// each denial leaves the rows exactly as they were.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { ANONYMOUS, createCast, createOrganisation, type Cast } from "@/tests/fixtures/factories";
import { rejection } from "@/tests/fixtures/accounts";
import {
  createProjectWithMeasure,
  insertAdoption,
  insertLearningItem,
  learningInput,
  nonsenseWord,
} from "@/tests/fixtures/learning";
import {
  archiveLearningItem,
  createComment,
  createLearningItem,
  follow,
  publishLearningItem,
  setCommentHidden,
  setLearningItemFeatured,
  unfollow,
  updateLearningItem,
} from "@/lib/learning/mutations";
import { getLearningItem, getLearningItemForEdit, listDraftsForViewer } from "@/lib/learning/queries";
import { createAdoption, updateAdoption } from "@/lib/adoptions/mutations";

let cast: Cast;
let A: string;
let B: string;

beforeAll(async () => {
  cast = await createCast();
  A = cast.collaborativeA.id;
  B = cast.collaborativeB.id;
});

const snapshot = (id: string) =>
  db.learningItem.findUniqueOrThrow({
    where: { id },
    select: { status: true, featured: true, publishedAt: true, version: true, title: true },
  });

async function draftByStaffA() {
  return createLearningItem(cast.viewers.staffA, await learningInput(A));
}

async function publishedChangeIdeaFromA() {
  const { id } = await draftByStaffA();
  await publishLearningItem(cast.viewers.leadA, id);
  return db.learningItem.findUniqueOrThrow({ where: { id } });
}

describe("writing and publishing", () => {
  it("lets staff draft for their own collaborative, as a draft they own", async () => {
    const { id } = await draftByStaffA();
    const item = await db.learningItem.findUniqueOrThrow({ where: { id } });
    expect(item).toMatchObject({
      status: "DRAFT",
      collaborativeId: A,
      authorId: cast.viewers.staffA.userId,
      publishedAt: null,
    });
    expect(await db.auditEvent.count({ where: { action: "learning.created", subjectId: id } })).toBe(1);
  });

  it("refuses a draft for another collaborative, and patients and the public, writing nothing", async () => {
    const before = await db.learningItem.count();
    await rejection(createLearningItem(cast.viewers.staffB, await learningInput(A)), ForbiddenError);
    await rejection(createLearningItem(cast.viewers.patientA, await learningInput(A)), ForbiddenError);
    await rejection(createLearningItem(ANONYMOUS, await learningInput(A)), ForbiddenError);
    expect(await db.learningItem.count()).toBe(before);
  });

  it("keeps drafts inside the collaborative: others get not-found", async () => {
    const { id } = await draftByStaffA();
    const { slug } = await db.learningItem.findUniqueOrThrow({ where: { id } });
    await rejection(getLearningItem(cast.viewers.staffB, slug), NotFoundError);
    await rejection(getLearningItem(ANONYMOUS, slug), NotFoundError);
    await rejection(getLearningItem(cast.viewers.patientA, slug), NotFoundError);
    expect((await getLearningItem(cast.viewers.leadA, slug)).status).toBe("DRAFT");
    expect((await getLearningItem(cast.viewers.national, slug)).status).toBe("DRAFT");
    expect((await listDraftsForViewer(cast.viewers.leadA)).map((d) => d.slug)).toContain(slug);
    expect((await listDraftsForViewer(cast.viewers.leadB)).map((d) => d.slug)).not.toContain(slug);
  });

  it("lets only the collaborative's lead publish; staff, other leads and the national team cannot", async () => {
    const { id } = await draftByStaffA();
    const before = await snapshot(id);
    await rejection(publishLearningItem(cast.viewers.staffA, id), ForbiddenError);
    await rejection(publishLearningItem(cast.viewers.national, id), ForbiddenError);
    await rejection(publishLearningItem(cast.viewers.leadB, id), NotFoundError);
    expect(await snapshot(id)).toEqual(before);

    const now = new Date("2026-03-02T10:00:00Z");
    await publishLearningItem(cast.viewers.leadA, id, now);
    const after = await db.learningItem.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "PUBLISHED", publishedAt: now, publishedById: cast.viewers.leadA.userId });
    expect(await db.auditEvent.count({ where: { action: "learning.published", subjectId: id } })).toBe(1);
    // Now anyone can read it.
    expect((await getLearningItem(ANONYMOUS, after.slug)).title).toBe(after.title);
  });

  it("lets the author edit their draft but not once published; the lead still can", async () => {
    const { id } = await draftByStaffA();
    const input = await learningInput(A, { title: "Edited while a draft" });
    await updateLearningItem(cast.viewers.staffA, { ...input, id, version: 1 });
    await publishLearningItem(cast.viewers.leadA, id);
    const before = await snapshot(id);
    await rejection(
      updateLearningItem(cast.viewers.staffA, {
        ...input,
        title: "Edited after publishing",
        id,
        version: before.version,
      }),
      ForbiddenError,
    );
    await rejection(
      updateLearningItem(cast.viewers.staffB, { ...input, title: "Edited by B", id, version: before.version }),
      ForbiddenError,
    );
    expect(await snapshot(id)).toEqual(before);
    await updateLearningItem(cast.viewers.leadA, {
      ...input,
      title: "Edited by the lead",
      id,
      version: before.version,
    });
    expect((await snapshot(id)).title).toBe("Edited by the lead");
  });

  it("refuses a stale edit with a conflict, leaving the newer version", async () => {
    const { id } = await draftByStaffA();
    const input = await learningInput(A);
    await updateLearningItem(cast.viewers.staffA, { ...input, title: "First save", id, version: 1 });
    await rejection(
      updateLearningItem(cast.viewers.leadA, { ...input, title: "Stale save", id, version: 1 }),
      ConflictError,
    );
    expect((await snapshot(id)).title).toBe("First save");
  });

  it("lets a lead archive published learning, which leaves the library", async () => {
    const item = await publishedChangeIdeaFromA();
    await rejection(archiveLearningItem(cast.viewers.staffA, item.id), ForbiddenError);
    await archiveLearningItem(cast.viewers.leadA, item.id);
    expect((await snapshot(item.id)).status).toBe("ARCHIVED");
    await rejection(getLearningItem(ANONYMOUS, item.slug), NotFoundError);
  });

  it("lets the national team write and publish national notes, which belong to no collaborative", async () => {
    const input = await learningInput(null, { type: "NATIONAL_NOTE" });
    await rejection(createLearningItem(cast.viewers.staffA, { ...input, collaborativeId: A }), ForbiddenError);
    const { id } = await createLearningItem(cast.viewers.national, input);
    // A national draft is not even visible to a collaborative's lead.
    await rejection(publishLearningItem(cast.viewers.leadA, id), NotFoundError);
    await publishLearningItem(cast.viewers.national, id);
    expect(await db.learningItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      collaborativeId: null,
      status: "PUBLISHED",
      type: "NATIONAL_NOTE",
    });
  });

  it("only lets the edit form open for those who may edit", async () => {
    const { id } = await draftByStaffA();
    const { slug } = await db.learningItem.findUniqueOrThrow({ where: { id } });
    expect((await getLearningItemForEdit(cast.viewers.staffA, slug)).id).toBe(id);
    await rejection(getLearningItemForEdit(cast.viewers.staffB, slug), NotFoundError);
    await rejection(getLearningItemForEdit(cast.viewers.national, slug), ForbiddenError);
  });
});

describe("evidence", () => {
  it("records whether the evidence measure shows special-cause improvement (lib/spc) and shows its chart", async () => {
    const improving = await createProjectWithMeasure(A, cast.viewers.staffA.userId!, "improving");
    const flat = await createProjectWithMeasure(A, cast.viewers.staffA.userId!, "flat");
    const good = await createLearningItem(
      cast.viewers.staffA,
      await learningInput(A, { measureId: improving.measure.id }),
    );
    const none = await createLearningItem(cast.viewers.staffA, await learningInput(A, { measureId: flat.measure.id }));
    const goodRow = await db.learningItem.findUniqueOrThrow({ where: { id: good.id } });
    expect(goodRow).toMatchObject({
      hasImprovementEvidence: true,
      projectId: improving.project.id,
      measureId: improving.measure.id,
    });
    expect((await db.learningItem.findUniqueOrThrow({ where: { id: none.id } })).hasImprovementEvidence).toBe(false);

    await publishLearningItem(cast.viewers.leadA, good.id);
    const view = await getLearningItem(ANONYMOUS, goodRow.slug);
    expect(view.evidence.measure).toMatchObject({ showsImprovement: true, spcPointCount: 20 });
    expect(view.evidence.measure!.chart.points).toHaveLength(20);
    expect(view.evidence.measure!.chart.points.at(-1)!.cause).toBe("improvement");
  });

  it("refuses evidence from another collaborative's project", async () => {
    const theirs = await createProjectWithMeasure(B, cast.viewers.staffB.userId!);
    const error = await rejection(
      createLearningItem(cast.viewers.staffA, await learningInput(A, { measureId: theirs.measure.id })),
      DomainError,
    );
    expect(error.fieldErrors.measureId).toBeDefined();
  });
});

describe("featuring nationally", () => {
  it("is for the national team only, on published learning", async () => {
    const item = await publishedChangeIdeaFromA();
    const before = await snapshot(item.id);
    await rejection(setLearningItemFeatured(cast.viewers.leadA, item.id, true), ForbiddenError);
    await rejection(setLearningItemFeatured(cast.viewers.staffB, item.id, true), ForbiddenError);
    await rejection(setLearningItemFeatured(ANONYMOUS, item.id, true), ForbiddenError);
    expect(await snapshot(item.id)).toEqual(before);
    await setLearningItemFeatured(cast.viewers.national, item.id, true);
    expect(await db.learningItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ featured: true });
    expect(await db.auditEvent.count({ where: { action: "learning.featured", subjectId: item.id } })).toBe(1);

    const { id: draftId } = await draftByStaffA();
    await rejection(setLearningItemFeatured(cast.viewers.national, draftId, true), DomainError);
    expect((await snapshot(draftId)).featured).toBe(false);
  });
});

describe("adoption", () => {
  it("lets staff of another collaborative record an adoption, with its first status change", async () => {
    const item = await publishedChangeIdeaFromA();
    const organisation = await createOrganisation(B);
    const { id } = await createAdoption(cast.viewers.staffB, {
      learningItemId: item.id,
      collaborativeId: B,
      organisationId: organisation.id,
      projectId: null,
      measureId: null,
      status: "CONSIDERING",
      notAdoptedReason: "",
    });
    const adoption = await db.adoption.findUniqueOrThrow({ where: { id }, include: { statusChanges: true } });
    expect(adoption).toMatchObject({
      collaborativeId: B,
      organisationId: organisation.id,
      status: "CONSIDERING",
      recordedById: cast.viewers.staffB.userId,
    });
    expect(adoption.statusChanges).toMatchObject([{ fromStatus: null, toStatus: "CONSIDERING" }]);
  });

  it("refuses the origin collaborative, patients, the public, other collaboratives' names and drafts, writing nothing", async () => {
    const item = await publishedChangeIdeaFromA();
    const input = {
      learningItemId: item.id,
      collaborativeId: A,
      organisationId: null,
      projectId: null,
      measureId: null,
      status: "TESTING" as const,
      notAdoptedReason: "",
    };
    await rejection(createAdoption(cast.viewers.staffA, input), ForbiddenError);
    await rejection(createAdoption(cast.viewers.leadA, input), ForbiddenError);
    await rejection(createAdoption(cast.viewers.patientA, { ...input, collaborativeId: B }), ForbiddenError);
    await rejection(createAdoption(ANONYMOUS, { ...input, collaborativeId: B }), ForbiddenError);
    // Staff of A cannot record an adoption in B's name.
    await rejection(createAdoption(cast.viewers.staffA, { ...input, collaborativeId: B }), ForbiddenError);
    const { id: draftId } = await draftByStaffA();
    await rejection(
      createAdoption(cast.viewers.staffB, { ...input, learningItemId: draftId, collaborativeId: B }),
      NotFoundError,
    );
    expect(await db.adoption.count({ where: { learningItemId: { in: [item.id, draftId] } } })).toBe(0);
  });

  it("only adopts published change ideas, once per organisation", async () => {
    const user = cast.viewers.staffA.userId!;
    const caseStudy = await insertLearningItem({
      authorId: user,
      collaborativeId: A,
      title: `Case ${nonsenseWord()}`,
      type: "CASE_STUDY",
    });
    const input = {
      learningItemId: caseStudy.id,
      collaborativeId: B,
      organisationId: null,
      projectId: null,
      measureId: null,
      status: "TESTING" as const,
      notAdoptedReason: "",
    };
    await rejection(createAdoption(cast.viewers.staffB, input), DomainError);
    const item = await publishedChangeIdeaFromA();
    await createAdoption(cast.viewers.staffB, { ...input, learningItemId: item.id });
    await rejection(createAdoption(cast.viewers.leadB, { ...input, learningItemId: item.id }), DomainError);
    expect(await db.adoption.count({ where: { learningItemId: item.id } })).toBe(1);
  });

  it("lets only the adopting collaborative's staff move it on, along the allowed path, with a reason for not adopting", async () => {
    const item = await publishedChangeIdeaFromA();
    const { id } = await createAdoption(cast.viewers.staffB, {
      learningItemId: item.id,
      collaborativeId: B,
      organisationId: null,
      projectId: null,
      measureId: null,
      status: "CONSIDERING",
      notAdoptedReason: "",
    });
    const base = { id, version: 1, projectId: null, measureId: null, notAdoptedReason: "", note: "" };
    await rejection(updateAdoption(cast.viewers.staffA, { ...base, status: "TESTING" }), ForbiddenError);
    await rejection(updateAdoption(cast.viewers.national, { ...base, status: "TESTING" }), ForbiddenError);
    await rejection(updateAdoption(cast.viewers.staffB, { ...base, status: "SUSTAINED" }), DomainError);
    expect((await db.adoption.findUniqueOrThrow({ where: { id } })).status).toBe("CONSIDERING");

    const theirs = await createProjectWithMeasure(B, cast.viewers.staffB.userId!, "improving");
    await updateAdoption(cast.viewers.staffB, { ...base, status: "TESTING", measureId: theirs.measure.id });
    await updateAdoption(cast.viewers.leadB, {
      ...base,
      version: 2,
      status: "NOT_ADOPTED",
      notAdoptedReason: "Our wards are single rooms",
      measureId: theirs.measure.id,
    });
    const adoption = await db.adoption.findUniqueOrThrow({
      where: { id },
      include: { statusChanges: { orderBy: { changedAt: "asc" } } },
    });
    expect(adoption).toMatchObject({
      status: "NOT_ADOPTED",
      notAdoptedReason: "Our wards are single rooms",
      projectId: theirs.project.id,
      measureId: theirs.measure.id,
    });
    expect(adoption.statusChanges.map((c) => c.toStatus)).toEqual(["CONSIDERING", "TESTING", "NOT_ADOPTED"]);
    await rejection(updateAdoption(cast.viewers.staffB, { ...base, version: 1, status: "CONSIDERING" }), ConflictError);
  });

  it("shows the spread: origin, adopters by region, time to first adoption and adopters improving on their own measures", async () => {
    const publishedAt = new Date("2025-01-01T09:00:00Z");
    const item = await insertLearningItem({
      authorId: cast.viewers.staffA.userId!,
      collaborativeId: A,
      title: `Spread ${nonsenseWord()}`,
      publishedAt,
    });
    const improving = await createProjectWithMeasure(B, cast.viewers.staffB.userId!, "improving");
    const flat = await createProjectWithMeasure(B, cast.viewers.staffB.userId!, "flat");
    const [orgB1, orgB2] = await Promise.all([createOrganisation(B), createOrganisation(B)]);
    const london = await db.collaborative.findUniqueOrThrow({ where: { slug: "south-london" } });
    const user = cast.viewers.staffB.userId!;
    await insertAdoption({
      learningItemId: item.id,
      collaborativeId: B,
      recordedById: user,
      organisationId: orgB1.id,
      measureId: improving.measure.id,
      status: "ADOPTED",
      at: new Date("2025-01-15T09:00:00Z"),
    });
    await insertAdoption({
      learningItemId: item.id,
      collaborativeId: B,
      recordedById: user,
      organisationId: orgB2.id,
      measureId: flat.measure.id,
      status: "TESTING",
      at: new Date("2025-02-01T09:00:00Z"),
    });
    await insertAdoption({
      learningItemId: item.id,
      collaborativeId: london.id,
      recordedById: user,
      status: "NOT_ADOPTED",
      at: new Date("2025-03-01T09:00:00Z"),
    });

    const { spread } = await getLearningItem(ANONYMOUS, item.slug);
    expect(spread).toMatchObject({
      originSlug: "wessex",
      collaborativeCount: 1,
      organisationCount: 2,
      adoptingCount: 2,
      notAdoptedCount: 1,
      daysToFirstAdoption: 14,
      adoptersWithMeasures: 2,
      adoptersShowingImprovement: 1,
      regionValues: { oxford: 2 },
    });
    expect(spread!.timeline.map((e) => e.kind)).toEqual(["published", "status", "status", "status"]);
  });
});

describe("questions and answers", () => {
  it("lets staff of any collaborative ask and answer, not patients or the public", async () => {
    const item = await publishedChangeIdeaFromA();
    const question = await createComment(cast.viewers.staffB, {
      learningItemId: item.id,
      parentId: null,
      body: "How did you keep the huddle short?",
    });
    await createComment(cast.viewers.staffA, {
      learningItemId: item.id,
      parentId: question.id,
      body: "Five minutes, standing up.",
    });
    await rejection(
      createComment(cast.viewers.patientA, { learningItemId: item.id, parentId: null, body: "Can I ask?" }),
      ForbiddenError,
    );
    await rejection(
      createComment(ANONYMOUS, { learningItemId: item.id, parentId: null, body: "Can I ask?" }),
      ForbiddenError,
    );
    const view = await getLearningItem(cast.viewers.leadB, item.slug);
    expect(view.comments).toHaveLength(1);
    expect(view.comments![0]!.replies[0]!.body).toBe("Five minutes, standing up.");
    // The public sees only that there is a conversation.
    const publicView = await getLearningItem(ANONYMOUS, item.slug);
    expect(publicView.comments).toBeNull();
    expect(publicView.commentCount).toBe(2);
  });

  it("lets the item's lead hide a comment (others see it hidden); other leads cannot", async () => {
    const item = await publishedChangeIdeaFromA();
    const { id } = await createComment(cast.viewers.staffB, {
      learningItemId: item.id,
      parentId: null,
      body: "Off-topic advert",
    });
    await rejection(setCommentHidden(cast.viewers.leadB, id, true), ForbiddenError);
    await rejection(setCommentHidden(cast.viewers.staffA, id, true), ForbiddenError);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).hiddenAt).toBeNull();
    await setCommentHidden(cast.viewers.leadA, id, true);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).hiddenById).toBe(cast.viewers.leadA.userId);
    expect((await getLearningItem(cast.viewers.staffB, item.slug)).comments![0]).toMatchObject({
      hidden: true,
      body: null,
    });
    expect((await getLearningItem(cast.viewers.leadA, item.slug)).comments![0]).toMatchObject({
      hidden: true,
      body: "Off-topic advert",
    });
    await rejection(
      createComment(cast.viewers.staffA, { learningItemId: item.id, parentId: id, body: "Replying to a hidden one" }),
      DomainError,
    );
  });
});

describe("following", () => {
  it("follows once, for signed-in people only, and unfollows", async () => {
    const item = await publishedChangeIdeaFromA();
    await rejection(follow(ANONYMOUS, { learningItemId: item.id, priorityAreaId: null }), ForbiddenError);
    await follow(cast.viewers.patientA, { learningItemId: item.id, priorityAreaId: null });
    await follow(cast.viewers.patientA, { learningItemId: item.id, priorityAreaId: null });
    expect(await db.follow.count({ where: { userId: cast.viewers.patientA.userId!, learningItemId: item.id } })).toBe(
      1,
    );
    expect((await getLearningItem(cast.viewers.patientA, item.slug)).viewerFollows).toBe(true);
    await unfollow(cast.viewers.patientA, { learningItemId: item.id, priorityAreaId: null });
    expect(await db.follow.count({ where: { userId: cast.viewers.patientA.userId!, learningItemId: item.id } })).toBe(
      0,
    );
  });

  it("does not reveal a draft by letting someone follow it", async () => {
    const { id } = await draftByStaffA();
    await rejection(follow(cast.viewers.staffB, { learningItemId: id, priorityAreaId: null }), NotFoundError);
  });
});
