// The migrations that add the database's rules (issue 19) on a database already holding rows that
// break them: duplicates are merged or renamed without losing history, derived values and settings
// are repaired, and the constraints end up validated. Built on a scratch database migrated up to the
// migration before them.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import pg from "pg";
import { createDatabase, dropDatabase } from "@/lib/cli/database";
import { poolConfigFromUrl } from "@/lib/db-url";

const MIGRATIONS = "prisma/migrations";
const RULES = ["20261207161205_db_rules_unique", "20261207161709_db_rules_checks"];
const sqlOf = (name: string) => readFileSync(`${MIGRATIONS}/${name}/migration.sql`, "utf8");

const serverUrl = inject("serverUrl");
const name = `psc_rules_${Date.now()}`;
let client: pg.Client;

const rows = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];

beforeAll(async () => {
  const url = await createDatabase(serverUrl, name);
  client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  const before = readdirSync(MIGRATIONS)
    .filter((m) => /^\d{14}_/.test(m) && m < RULES[0]!)
    .sort();
  for (const m of before) await client.query(sqlOf(m));
  await client.query(`
    INSERT INTO "Collaborative" (id, "leadAhsn2014", name, "nameSince2023", region, slug, "contactRetentionMonths", "acknowledgementDays")
      VALUES ('c1', 'x', 'C', 'C', 'r', 'c', 24, 0);
    INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'a@example.org', 'A', now()), ('u2', 'b@example.org', 'B', now());
    INSERT INTO "Organisation" (id, "collaborativeId", type, name, "odsCode", "createdAt")
      VALUES ('o1', 'c1', 'GP_PRACTICE', 'One', 'J1', now() - interval '2 days'), ('o2', 'c1', 'GP_PRACTICE', 'Two', 'J1', now());
    INSERT INTO "Project" (id, title, "createdById", "updatedAt", "collaborativeId") VALUES ('p1', 'P', 'u1', now(), 'c1');
    INSERT INTO "ProjectTeamMember" (id, "projectId", "userId", role)
      VALUES ('t1', 'p1', 'u1', 'Lead'), ('t2', 'p1', 'u1', 'Nurse'), ('t3', 'p1', 'u1', ''), ('t4', 'p1', NULL, 'x'), ('t5', 'p1', NULL, 'x');
    INSERT INTO "LearningItem" (id, "authorId", slug, title, type, "updatedAt") VALUES ('l1', 'u1', 's', 'T', 'CHANGE_IDEA', now());
    INSERT INTO "PriorityArea" (id, kind, slug, name) VALUES ('a1', (enum_range(NULL::"PriorityKind"))[1], 'a', 'A');
    INSERT INTO "Follow" (id, "userId", "learningItemId", "priorityAreaId")
      VALUES ('f1', 'u1', 'l1', NULL), ('f2', 'u1', 'l1', NULL), ('f3', 'u1', NULL, 'a1'), ('f4', 'u1', NULL, 'a1'), ('f5', 'u2', 'l1', 'a1'), ('f6', 'u2', NULL, NULL);
    INSERT INTO "Adoption" (id, "collaborativeId", "learningItemId", "organisationId", "recordedById", "updatedAt", status)
      VALUES ('d1', 'c1', 'l1', NULL, 'u1', now() - interval '1 day', 'CONSIDERING'), ('d2', 'c1', 'l1', NULL, 'u1', now(), 'TESTING'),
             ('d3', 'c1', 'l1', 'o1', 'u1', now(), 'TESTING'), ('d4', 'c1', 'l1', 'o1', 'u1', now() - interval '1 day', 'CONSIDERING');
    INSERT INTO "AdoptionStatusChange" (id, "adoptionId", "toStatus") VALUES ('s1', 'd1', 'CONSIDERING'), ('s2', 'd2', 'TESTING'), ('s3', 'd3', 'TESTING'), ('s4', 'd4', 'CONSIDERING');
    INSERT INTO "PriorityRound" (id, "collaborativeId", "openedById", title) VALUES ('r1', 'c1', 'u1', 'R');
    INSERT INTO "PriorityCandidate" (id, "roundId", title, source, "createdAt")
      SELECT x.id, 'r1', x.t, (enum_range(NULL::"CandidateSource"))[1], now() + x.o * interval '1 second'
      FROM (VALUES ('k1', 'Falls', 0), ('k2', 'FALLS', 1), ('k3', 'falls', 2), ('k4', 'Other', 3)) x(id, t, o);
    UPDATE "PriorityRound" SET status = 'CLOSED';
    INSERT INTO "Measure" (id, "projectId", name, kind, "updatedAt", "spcVariation", "nationalMetric") VALUES ('m1', 'p1', 'M', 'OUTCOME', now(), 'sideways', 'retired-metric');
    INSERT INTO "Concern" (id, reference, "trackingTokenHash", "idempotencyKey", "collaborativeId", "whatHappened", "reporterRelation", "postcodeArea")
      VALUES ('q1', 'PSC-1', 'h', 'k', 'c1', 'x', 'PATIENT', 'ZZ');
  `);
  for (const m of RULES) await client.query(sqlOf(m));
}, 120_000);

afterAll(async () => {
  await client?.end();
  await dropDatabase(serverUrl, name);
});

describe("the rules' migrations on existing data", () => {
  it("keep an ODS code with the oldest organisation", async () => {
    expect(await rows(`SELECT id, "odsCode" FROM "Organisation" ORDER BY id`)).toEqual([
      { id: "o1", odsCode: "J1" },
      { id: "o2", odsCode: null },
    ]);
  });

  it("keep a person's first team entry with all their roles, and people named twice", async () => {
    expect(await rows(`SELECT id, role FROM "ProjectTeamMember" ORDER BY id`)).toEqual([
      { id: "t1", role: "Lead; Nurse" },
      { id: "t4", role: "x" },
      { id: "t5", role: "x" },
    ]);
  });

  it("split a follow of two things, drop a follow of nothing and repeats", async () => {
    expect(await rows(`SELECT id, "userId", "learningItemId", "priorityAreaId" FROM "Follow" ORDER BY id`)).toEqual([
      { id: "f1", userId: "u1", learningItemId: "l1", priorityAreaId: null },
      { id: "f3", userId: "u1", learningItemId: null, priorityAreaId: "a1" },
      { id: "f5", userId: "u2", learningItemId: "l1", priorityAreaId: null },
      { id: "f5_area", userId: "u2", learningItemId: null, priorityAreaId: "a1" },
    ]);
  });

  it("keep the latest of repeated adoptions, with every status change", async () => {
    expect(await rows(`SELECT id, status::text FROM "Adoption" ORDER BY id`)).toEqual([
      { id: "d2", status: "TESTING" },
      { id: "d3", status: "TESTING" },
    ]);
    expect(await rows(`SELECT id, "adoptionId" FROM "AdoptionStatusChange" ORDER BY id`)).toEqual([
      { id: "s1", adoptionId: "d2" },
      { id: "s2", adoptionId: "d2" },
      { id: "s3", adoptionId: "d3" },
      { id: "s4", adoptionId: "d3" },
    ]);
  });

  it("rename repeated candidate titles, even in a closed round", async () => {
    expect((await rows(`SELECT title FROM "PriorityCandidate" ORDER BY id`)).map((r) => r.title)).toEqual([
      "Falls",
      "FALLS (2)",
      "falls (3)",
      "Other",
    ]);
  });

  it("bring settings into range, clear unknown derived values and hints, and validate every constraint", async () => {
    expect(await rows(`SELECT "contactRetentionMonths", "acknowledgementDays" FROM "Collaborative"`)).toEqual([
      { contactRetentionMonths: 12, acknowledgementDays: 1 },
    ]);
    expect(await rows(`SELECT "spcVariation", "nationalMetric" FROM "Measure"`)).toEqual([
      { spcVariation: null, nationalMetric: null },
    ]);
    expect(await rows(`SELECT "postcodeArea" FROM "Concern"`)).toEqual([{ postcodeArea: null }]);
    expect(
      await rows(`SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND NOT convalidated`),
    ).toEqual([]);
  });
});
