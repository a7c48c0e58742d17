// "Only one" rules kept by the database (issue 19, finding 2): simultaneous duplicate writes leave
// exactly one row, and the writers that lose get the same friendly message as a duplicate caught by
// the code's own check. Each write is its own transaction on its own pooled connection.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createAdoption } from "@/lib/adoptions/mutations";
import { createOrganisation as addOrganisation, updateOrganisation } from "@/lib/collaboratives/mutations";
import { createOrganisationSchema } from "@/lib/collaboratives/schemas";
import { follow, publishLearningItem, createLearningItem } from "@/lib/learning/mutations";
import { proposeCandidate } from "@/lib/priorities/mutations";
import { addTeamMember, createProject } from "@/lib/projects/mutations";
import { createCast, createOrganisation, createUser, type Cast } from "@/tests/fixtures/factories";
import { areaId, learningInput } from "@/tests/fixtures/learning";
import { projectInput } from "@/tests/fixtures/projects";
import { openTestRound, unique } from "@/tests/fixtures/workspaces";
import { runAsOwner } from "@/tests/fixtures/owner-sql";

let cast: Cast;
let A: string;
let B: string;
beforeAll(async () => {
  cast = await createCast();
  A = cast.collaborativeA.id;
  B = cast.collaborativeB.id;
});

const ATTEMPTS = 6;

/** Runs `write` ATTEMPTS times at once; returns the field errors of the refused ones (all must be DomainErrors). */
async function race(write: (i: number) => Promise<unknown>) {
  const results = await Promise.allSettled(Array.from({ length: ATTEMPTS }, (_, i) => write(i)));
  const refused = results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => r.reason as unknown);
  for (const error of refused) expect(error).toBeInstanceOf(DomainError);
  return {
    succeeded: results.length - refused.length,
    fieldErrors: refused.map((e) => (e as DomainError).fieldErrors),
  };
}

async function publishedChangeIdeaFromA() {
  const { id } = await createLearningItem(cast.viewers.staffA, await learningInput(A));
  await publishLearningItem(cast.viewers.leadA, id);
  return id;
}

describe("one row however many people save at once", () => {
  it("records an adoption once per item, collaborative and organisation (none named too)", async () => {
    const learningItemId = await publishedChangeIdeaFromA();
    const organisation = await createOrganisation(B);
    for (const organisationId of [organisation.id, null]) {
      const { succeeded, fieldErrors } = await race(() =>
        createAdoption(cast.viewers.staffB, {
          learningItemId,
          collaborativeId: B,
          organisationId,
          projectId: null,
          measureId: null,
          status: "CONSIDERING",
          notAdoptedReason: "",
        }),
      );
      expect(succeeded).toBe(1);
      expect(fieldErrors).toEqual(
        Array(ATTEMPTS - 1).fill({ organisationId: "An adoption is already recorded for this organisation" }),
      );
      expect(await db.adoption.count({ where: { learningItemId, collaborativeId: B, organisationId } })).toBe(1);
    }
  });

  it("keeps one follow whichever target, and the database refuses a follow of nothing or of two things", async () => {
    const learningItemId = await publishedChangeIdeaFromA();
    const priorityAreaId = await areaId("falls");
    const { user, viewer } = await createUser({ memberships: { wessex: "STAFF" } });
    for (const target of [
      { learningItemId, priorityAreaId: null },
      { learningItemId: null, priorityAreaId },
    ]) {
      const { succeeded } = await race(() => follow(viewer, target));
      expect(succeeded).toBe(ATTEMPTS);
      expect(await db.follow.count({ where: { userId: user.id, ...target } })).toBe(1);
    }
    await expect(db.follow.create({ data: { userId: user.id } })).rejects.toThrow();
    await expect(db.follow.create({ data: { userId: user.id, learningItemId, priorityAreaId } })).rejects.toThrow();
    await expect(
      runAsOwner(
        `INSERT INTO "Follow" (id, "userId", "learningItemId") VALUES ('dup-follow-${unique()}', '${user.id}', '${learningItemId}')`,
      ),
    ).rejects.toThrow(/unique/i);
  });

  it("puts a person on a project team once", async () => {
    const { id: projectId } = await createProject(cast.viewers.staffA, await projectInput(A));
    const nurse = await createUser({ memberships: { wessex: "STAFF" } });
    const { succeeded, fieldErrors } = await race((i) =>
      addTeamMember(cast.viewers.staffA, { projectId, userId: nurse.user.id, name: "", role: `Role ${i}` }),
    );
    expect(succeeded).toBe(1);
    expect(fieldErrors).toEqual(Array(ATTEMPTS - 1).fill({ userId: "They are already on the team" }));
    expect(await db.projectTeamMember.count({ where: { projectId, userId: nurse.user.id } })).toBe(1);
    // People added by name only are not limited.
    await addTeamMember(cast.viewers.staffA, { projectId, userId: "", name: "Pat Partner", role: "" });
    await addTeamMember(cast.viewers.staffA, { projectId, userId: "", name: "Pat Partner", role: "" });
    expect(await db.projectTeamMember.count({ where: { projectId, userId: null } })).toBe(2);
  });

  it("gives an ODS code to one organisation of a collaborative, on adding and on editing", async () => {
    const code = `J${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}`;
    const { succeeded, fieldErrors } = await race((i) =>
      addOrganisation(
        cast.viewers.leadA,
        createOrganisationSchema.parse({
          collaborativeId: A,
          name: `Race Practice ${unique()} ${i}`,
          type: "GP_PRACTICE",
          odsCode: code,
        }),
      ),
    );
    expect(succeeded).toBe(1);
    const holder = await db.organisation.findFirstOrThrow({ where: { collaborativeId: A, odsCode: code } });
    expect(fieldErrors).toEqual(
      Array(ATTEMPTS - 1).fill({ odsCode: `ODS code ${code} is already used by ${holder.name}` }),
    );
    expect(await db.organisation.count({ where: { collaborativeId: A, odsCode: code } })).toBe(1);

    const code2 = `J${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}`;
    const others = await Promise.all(
      [0, 1, 2].map((i) =>
        addOrganisation(
          cast.viewers.leadA,
          createOrganisationSchema.parse({
            collaborativeId: A,
            name: `Edit Practice ${unique()} ${i}`,
            type: "GP_PRACTICE",
            odsCode: "",
          }),
        ),
      ),
    );
    const edits = await Promise.allSettled(
      others.map(async (o) => {
        const row = await db.organisation.findUniqueOrThrow({ where: { id: o.id } });
        return updateOrganisation(cast.viewers.leadA, {
          collaborativeId: A,
          organisationId: o.id,
          version: row.version,
          name: row.name,
          type: "GP_PRACTICE",
          odsCode: code2,
          active: true,
        });
      }),
    );
    expect(edits.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owner = await db.organisation.findFirstOrThrow({ where: { collaborativeId: A, odsCode: code2 } });
    for (const r of edits.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect((r.reason as DomainError).fieldErrors).toEqual({
        odsCode: `ODS code ${code2} is already used by ${owner.name}`,
      });
    }
    // Organisations without a code are not limited, and another collaborative may use the same code.
    await addOrganisation(
      cast.viewers.leadB,
      createOrganisationSchema.parse({
        collaborativeId: B,
        name: `Race Practice ${unique()}`,
        type: "GP_PRACTICE",
        odsCode: code,
      }),
    );
  });

  it("takes a candidate title once per round, whatever its capitals", async () => {
    const { roundId } = await openTestRound(cast.viewers.leadA, A);
    const title = `Safer discharge ${unique()}`;
    const { succeeded, fieldErrors } = await race((i) =>
      proposeCandidate(i % 2 ? cast.viewers.staffA : cast.viewers.patientA, {
        roundId,
        title: i % 3 ? title : title.toUpperCase(),
        description: "",
      }),
    );
    expect(succeeded).toBe(1);
    expect(fieldErrors).toEqual(
      Array(ATTEMPTS - 1).fill({
        title: "This is already a candidate in this round: rank it or comment on it instead",
      }),
    );
    expect(
      await db.priorityCandidate.count({ where: { roundId, title: { equals: title, mode: "insensitive" } } }),
    ).toBe(1);
  });
});
