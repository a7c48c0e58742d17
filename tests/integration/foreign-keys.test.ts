// Authors and actors reference a person, and links that must stay inside one collaborative, project
// or round are composite foreign keys (issue 19, finding 4): a script or a future code path that
// skips the domain functions' checks is refused by the database. Each write runs as the app role in a
// transaction that is rolled back (rows it needs are made inside it), so nothing leaks into other tests.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { erasePerson, ERASED_NAME } from "@/lib/privacy/erase-person";
import { createCast, createUser, type Cast } from "@/tests/fixtures/factories";
import { concernAbout } from "@/tests/fixtures/workspaces";

let cast: Cast;
let A: string;
let B: string;
let U: string;

class RolledBack extends Error {}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Rows the probes point at: two organisations in different collaboratives, two projects, two rounds. */
function baseRows() {
  const [a, b, u] = [A, B, U].map(quote);
  return [
    `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('fk-u2', 'fk-u2@example.org', 'Second', now())`,
    `INSERT INTO "Organisation" (id, "collaborativeId", type, name) VALUES ('fk-orgA', ${a}, 'GP_PRACTICE', 'FK A'), ('fk-orgB', ${b}, 'GP_PRACTICE', 'FK B')`,
    `INSERT INTO "Project" (id, title, "createdById", "updatedAt", "collaborativeId") VALUES ('fk-p1', 'P1', ${u}, now(), ${a}), ('fk-p2', 'P2', ${u}, now(), ${a})`,
    `INSERT INTO "DriverNode" (id, "projectId", kind, text) VALUES ('fk-n1', 'fk-p1', 'PRIMARY', 'n1'), ('fk-n2', 'fk-p2', 'PRIMARY', 'n2')`,
    `INSERT INTO "ChangeIdea" (id, "projectId", title) VALUES ('fk-i1', 'fk-p1', 'i1'), ('fk-i2', 'fk-p2', 'i2')`,
    `INSERT INTO "Concern" (id, reference, "trackingTokenHash", "idempotencyKey", "collaborativeId", "whatHappened", "reporterRelation")
       VALUES ('fk-q', 'PSC-FK-0001', 'fk-h', 'fk-k', ${a}, 'x', 'PATIENT')`,
    `INSERT INTO "LearningItem" (id, "authorId", slug, title, type, "updatedAt") VALUES ('fk-l', ${u}, 'fk-l', 'T', 'CHANGE_IDEA', now())`,
    `INSERT INTO "Adoption" (id, "learningItemId", "collaborativeId", "recordedById", "updatedAt") VALUES ('fk-a', 'fk-l', ${a}, ${u}, now())`,
    `INSERT INTO "PriorityRound" (id, "collaborativeId", title, "openedById") VALUES ('fk-r1', ${a}, 'R1', ${u}), ('fk-r2', ${a}, 'R2', ${u})`,
    `INSERT INTO "PriorityCandidate" (id, "roundId", title, source)
       VALUES ('fk-k1', 'fk-r1', 'K1', (enum_range(NULL::"CandidateSource"))[1]), ('fk-k2', 'fk-r2', 'K2', (enum_range(NULL::"CandidateSource"))[1])`,
  ];
}

/** Runs the base rows then `sql`, and rolls back; resolves to the database's refusal, or null if accepted. */
async function refusal(...sql: string[]): Promise<string | null> {
  const error = await db
    .$transaction(async (tx) => {
      for (const statement of [...baseRows(), ...sql]) await tx.$executeRawUnsafe(statement);
      throw new RolledBack();
    })
    .then(
      () => null,
      (e: unknown) => e,
    );
  return error instanceof RolledBack ? null : String((error as Error).message);
}

beforeAll(async () => {
  cast = await createCast();
  A = cast.collaborativeA.id;
  B = cast.collaborativeB.id;
  U = cast.viewers.staffA.userId!;
});

/** Each author or actor column, written with a given person id. */
const actorWrites: [constraint: string, write: (who: string) => string][] = [
  [
    "ConcernNote_authorId_fkey",
    (w) => `INSERT INTO "ConcernNote" (id, "concernId", "authorId", body) VALUES ('fk-x', 'fk-q', ${w}, 'b')`,
  ],
  [
    "ConcernResponse_authorId_fkey",
    (w) => `INSERT INTO "ConcernResponse" (id, "concernId", "authorId", body) VALUES ('fk-x', 'fk-q', ${w}, 'b')`,
  ],
  [
    "ProjectStatusChange_changedById_fkey",
    (w) =>
      `INSERT INTO "ProjectStatusChange" (id, "projectId", "toStatus", "changedById") VALUES ('fk-x', 'fk-p1', (enum_range(NULL::"ProjectStatus"))[1], ${w})`,
  ],
  [
    "ConcernStatusChange_changedById_fkey",
    (w) =>
      `INSERT INTO "ConcernStatusChange" (id, "concernId", "toStatus", "changedById") VALUES ('fk-x', 'fk-q', (enum_range(NULL::"ConcernStatus"))[1], ${w})`,
  ],
  [
    "AdoptionStatusChange_changedById_fkey",
    (w) =>
      `INSERT INTO "AdoptionStatusChange" (id, "adoptionId", "toStatus", "changedById") VALUES ('fk-x', 'fk-a', 'TESTING', ${w})`,
  ],
  ["Adoption_recordedById_fkey", (w) => `UPDATE "Adoption" SET "recordedById" = ${w} WHERE id = 'fk-a'`],
  ["PriorityRound_openedById_fkey", (w) => `UPDATE "PriorityRound" SET "openedById" = ${w} WHERE id = 'fk-r1'`],
  ["PriorityRound_closedById_fkey", (w) => `UPDATE "PriorityRound" SET "closedById" = ${w} WHERE id = 'fk-r1'`],
  [
    "PriorityCandidate_proposedById_fkey",
    (w) => `UPDATE "PriorityCandidate" SET "proposedById" = ${w} WHERE id = 'fk-k1'`,
  ],
  [
    "PriorityComment_authorId_fkey",
    (w) => `INSERT INTO "PriorityComment" (id, "roundId", "authorId", body) VALUES ('fk-x', 'fk-r1', ${w}, 'b')`,
  ],
  [
    "Event_createdById_fkey",
    (w) =>
      `INSERT INTO "Event" (id, "collaborativeId", title, "startsAt", "endsAt", "createdById")
         VALUES ('fk-x', ${quote(A)}, 'E', now(), now() + interval '1 hour', ${w})`,
  ],
];

describe("an author or actor must be a person", () => {
  it.each(actorWrites)("%s: a real person is accepted, an id naming nobody is refused", async (constraint, write) => {
    expect(await refusal(write(quote(U)))).toBeNull();
    expect(await refusal(write("'nobody'"))).toMatch(new RegExp(`foreign key constraint "${constraint}"`));
  });

  it("erasing a person keeps what they wrote, shown as the erased person; deleting them outright is refused", async () => {
    const author = await createUser({ name: "Author To Erase" });
    await db.concernNote.create({
      data: { concernId: (await concernAbout(A, null)).id, authorId: author.user.id, body: "Checked with the ward." },
    });
    await erasePerson(cast.viewers.admin, author.user.id);
    const note = await db.concernNote.findFirstOrThrow({
      where: { authorId: author.user.id },
      select: { author: { select: { name: true } } },
    });
    expect(note.author.name).toBe(ERASED_NAME);
    const error = await db
      .$executeRawUnsafe(`DELETE FROM "User" WHERE id = ${quote(author.user.id)}`)
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/foreign key constraint "ConcernNote_authorId_fkey"/);
  });
});

/** Links that must stay inside one collaborative, project or round: [constraint, write, good target, other scope's target]. */
const scopedWrites: [constraint: string, write: (target: string) => string, good: string, bad: string][] = [
  [
    "Concern_organisationId_collaborativeId_fkey",
    (o) => `UPDATE "Concern" SET "organisationId" = ${o} WHERE id = 'fk-q'`,
    "fk-orgA",
    "fk-orgB",
  ],
  [
    "Membership_organisationId_collaborativeId_fkey",
    (o) =>
      `INSERT INTO "Membership" (id, "userId", "collaborativeId", "organisationId", role)
         VALUES ('fk-x', 'fk-u2', ${quote(A)}, ${o}, (enum_range(NULL::"MembershipRole"))[1])`,
    "fk-orgA",
    "fk-orgB",
  ],
  [
    "Invitation_organisationId_collaborativeId_fkey",
    (o) =>
      `INSERT INTO "Invitation" (id, "collaborativeId", "organisationId", email, role, "tokenHash", "invitedById", "expiresAt")
         VALUES ('fk-x', ${quote(A)}, ${o}, 'fk@example.org', (enum_range(NULL::"MembershipRole"))[1], 'fk-t', ${quote(U)}, now() + interval '1 day')`,
    "fk-orgA",
    "fk-orgB",
  ],
  [
    "Adoption_organisationId_collaborativeId_fkey",
    (o) => `UPDATE "Adoption" SET "organisationId" = ${o} WHERE id = 'fk-a'`,
    "fk-orgA",
    "fk-orgB",
  ],
  [
    "DriverNode_parentId_projectId_fkey",
    (n) =>
      `INSERT INTO "DriverNode" (id, "projectId", "parentId", kind, text) VALUES ('fk-x', 'fk-p1', ${n}, 'SECONDARY', 'x')`,
    "fk-n1",
    "fk-n2",
  ],
  [
    "ChangeIdea_driverNodeId_projectId_fkey",
    (n) => `UPDATE "ChangeIdea" SET "driverNodeId" = ${n} WHERE id = 'fk-i1'`,
    "fk-n1",
    "fk-n2",
  ],
  [
    "PdsaCycle_changeIdeaId_projectId_fkey",
    (i) =>
      `INSERT INTO "PdsaCycle" (id, "projectId", "changeIdeaId", title, "startDate") VALUES ('fk-x', 'fk-p1', ${i}, 'c', '2026-01-01')`,
    "fk-i1",
    "fk-i2",
  ],
  [
    "PriorityComment_candidateId_roundId_fkey",
    (k) =>
      `INSERT INTO "PriorityComment" (id, "roundId", "candidateId", "authorId", body) VALUES ('fk-x', 'fk-r1', ${k}, ${quote(U)}, 'b')`,
    "fk-k1",
    "fk-k2",
  ],
];

describe("a link stays inside its collaborative, project or round", () => {
  it.each(scopedWrites)("%s: the same scope is accepted, another is refused", async (constraint, write, good, bad) => {
    expect(await refusal(write(quote(good)))).toBeNull();
    expect(await refusal(write(quote(bad)))).toMatch(new RegExp(`foreign key constraint "${constraint}"`));
  });

  it("deleting a linked organisation clears the link and keeps the row in its collaborative", async () => {
    // The last statement fails (refusing the rollback sentinel's way out) only if the concern lost its collaborative or kept the organisation.
    expect(
      await refusal(
        `UPDATE "Concern" SET "organisationId" = 'fk-orgA' WHERE id = 'fk-q'`,
        `DELETE FROM "Organisation" WHERE id = 'fk-orgA'`,
        `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM "Concern" WHERE id = 'fk-q' AND "organisationId" IS NULL AND "collaborativeId" = ${quote(A)})
           THEN RAISE EXCEPTION 'link not cleared'; END IF; END $$`,
      ),
    ).toBeNull();
  });
});
