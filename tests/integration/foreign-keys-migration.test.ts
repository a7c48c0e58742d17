// The foreign keys' migration (issue 19, finding 4) on a database already holding rows that break
// them: authors naming nobody go to one erased placeholder person, optional actors naming nobody are
// cleared, links across a collaborative, project or round are cleared, and every key ends up
// validated. Built on a scratch database migrated up to the migration before it.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import pg from "pg";
import { createDatabase, dropDatabase } from "@/lib/cli/database";
import { poolConfigFromUrl } from "@/lib/db-url";

const MIGRATIONS = "prisma/migrations";
const FOREIGN_KEYS = "20261207180530_db_rules_foreign_keys";
const sqlOf = (name: string) => readFileSync(`${MIGRATIONS}/${name}/migration.sql`, "utf8");

const serverUrl = inject("serverUrl");
const name = `psc_fkeys_${Date.now()}`;
let client: pg.Client;

const rows = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];

beforeAll(async () => {
  const url = await createDatabase(serverUrl, name);
  client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  const before = readdirSync(MIGRATIONS)
    .filter((m) => /^\d{14}_/.test(m) && m < FOREIGN_KEYS)
    .sort();
  for (const m of before) await client.query(sqlOf(m));
  await client.query(`
    INSERT INTO "Collaborative" (id, "leadAhsn2014", name, "nameSince2023", region, slug)
      VALUES ('c1', 'x', 'C', 'C', 'r', 'c'), ('c2', 'y', 'D', 'D', 'r', 'd');
    INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'a@example.org', 'A', now());
    INSERT INTO "Organisation" (id, "collaborativeId", type, name) VALUES ('o1', 'c1', 'GP_PRACTICE', 'One'), ('o2', 'c2', 'GP_PRACTICE', 'Two');
    INSERT INTO "Project" (id, title, "createdById", "updatedAt", "collaborativeId")
      VALUES ('p1', 'P', 'u1', now(), 'c1'), ('p2', 'Q', 'u1', now(), 'c1');
    INSERT INTO "ProjectStatusChange" (id, "projectId", "toStatus", "changedById")
      VALUES ('ps1', 'p1', 'IDEA', 'gone'), ('ps2', 'p1', 'IDEA', 'u1');
    INSERT INTO "Concern" (id, reference, "trackingTokenHash", "idempotencyKey", "collaborativeId", "organisationId", "whatHappened", "reporterRelation")
      VALUES ('q1', 'PSC-1', 'h', 'k', 'c1', 'o2', 'x', 'PATIENT'), ('q2', 'PSC-2', 'h2', 'k2', 'c1', 'o1', 'x', 'PATIENT');
    INSERT INTO "ConcernNote" (id, "concernId", "authorId", body) VALUES ('n1', 'q1', 'gone', 'b'), ('n2', 'q1', 'u1', 'b');
    INSERT INTO "Event" (id, "collaborativeId", title, "startsAt", "endsAt", "createdById")
      VALUES ('e1', 'c1', 'E', now(), now() + interval '1 hour', 'also-gone');
    INSERT INTO "DriverNode" (id, "projectId", "parentId", kind, text)
      VALUES ('d1', 'p1', NULL, 'PRIMARY', 'a'), ('d2', 'p2', 'd1', 'SECONDARY', 'b'), ('d3', 'p1', 'd1', 'SECONDARY', 'c');
    INSERT INTO "ChangeIdea" (id, "projectId", "driverNodeId", title) VALUES ('i1', 'p2', 'd1', 'i'), ('i2', 'p1', 'd3', 'j');
    INSERT INTO "LearningItem" (id, "authorId", slug, title, type, "updatedAt") VALUES ('l1', 'u1', 's', 'T', 'CHANGE_IDEA', now());
    INSERT INTO "Adoption" (id, "collaborativeId", "learningItemId", "organisationId", "recordedById", "updatedAt")
      VALUES ('a1', 'c1', 'l1', 'o2', 'u1', now());
  `);
  await client.query(sqlOf(FOREIGN_KEYS));
}, 120_000);

afterAll(async () => {
  await client?.end();
  await dropDatabase(serverUrl, name);
});

describe("the foreign keys' migration on existing data", () => {
  it("gives authors naming nobody to one erased placeholder person, and clears optional actors naming nobody", async () => {
    expect(await rows(`SELECT id, name, "erasedAt" IS NOT NULL AS erased FROM "User" ORDER BY id`)).toEqual([
      { id: "u1", name: "A", erased: false },
      { id: "unknown-author", name: "Erased user", erased: true },
    ]);
    expect(await rows(`SELECT id, "authorId" FROM "ConcernNote" ORDER BY id`)).toEqual([
      { id: "n1", authorId: "unknown-author" },
      { id: "n2", authorId: "u1" },
    ]);
    expect(await rows(`SELECT "createdById" FROM "Event"`)).toEqual([{ createdById: "unknown-author" }]);
    expect(await rows(`SELECT id, "changedById" FROM "ProjectStatusChange" ORDER BY id`)).toEqual([
      { id: "ps1", changedById: null },
      { id: "ps2", changedById: "u1" },
    ]);
  });

  it("clears links across a collaborative or project and keeps the rows", async () => {
    expect(await rows(`SELECT id, "organisationId" FROM "Concern" ORDER BY id`)).toEqual([
      { id: "q1", organisationId: null },
      { id: "q2", organisationId: "o1" },
    ]);
    expect(await rows(`SELECT "organisationId" FROM "Adoption"`)).toEqual([{ organisationId: null }]);
    expect(await rows(`SELECT id, "parentId", kind::text FROM "DriverNode" ORDER BY id`)).toEqual([
      { id: "d1", parentId: null, kind: "PRIMARY" },
      { id: "d2", parentId: null, kind: "PRIMARY" },
      { id: "d3", parentId: "d1", kind: "SECONDARY" },
    ]);
    expect(await rows(`SELECT id, "driverNodeId" FROM "ChangeIdea" ORDER BY id`)).toEqual([
      { id: "i1", driverNodeId: null },
      { id: "i2", driverNodeId: "d3" },
    ]);
  });

  it("validates every constraint", async () => {
    expect(
      await rows(`SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND NOT convalidated`),
    ).toEqual([]);
  });
});
