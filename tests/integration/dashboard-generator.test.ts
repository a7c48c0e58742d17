// The national-scale data generator: refuses a database that holds data, and is deterministic.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { createDatabase, dropDatabase } from "@/lib/cli/database";
import { createMigratedDatabase } from "@/lib/cli/test-database";
import { poolConfigFromUrl } from "@/lib/db-url";
import { generate } from "@/prisma/generate/index";

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops.reverse()) await drop();
});

// Migrated and seeded with reference data once; each test database is a copy (CREATE DATABASE … TEMPLATE).
let template: string | undefined;
async function referenceDatabase() {
  const serverUrl = inject("serverUrl");
  if (!template) {
    const database = await createMigratedDatabase(serverUrl, "psc_generate_template");
    drops.push(database.drop);
    const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed/index.ts", "--reference-only"], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: "utf8",
    });
    if (seed.status !== 0) throw new Error(seed.stderr);
    template = database.name;
  }
  const name = `psc_generate_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const url = await createDatabase(serverUrl, name, template);
  drops.push(() => dropDatabase(serverUrl, name));
  return url;
}

async function fingerprint(url: string) {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string | number>>(`
      SELECT (SELECT count(*) FROM "Project")::int AS projects,
             (SELECT count(*) FROM "Measure")::int AS measures,
             (SELECT count(*) FROM "MeasurePoint")::int AS points,
             (SELECT count(*) FROM "Concern")::int AS concerns,
             (SELECT count(*) FROM "LearningItem")::int AS learning,
             (SELECT count(*) FROM "Adoption")::int AS adoptions,
             (SELECT count(*) FROM "Measure" m WHERE m."spcPointCount" <> (SELECT count(*) FROM "MeasurePoint" p WHERE p."measureId" = m.id))::int AS wrong_point_counts,
             (SELECT md5(string_agg(p."measureId" || p."periodStart" || p.value, ',' ORDER BY p.id)) FROM "MeasurePoint" p) AS points_hash,
             (SELECT md5(string_agg(m.id || coalesce(m."spcLatestSpecialCause", '-') || coalesce(m."spcVariation", '-'), ',' ORDER BY m.id)) FROM "Measure" m) AS status_hash`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

describe("the data generator", () => {
  it("refuses a database that already holds data, and one without reference data", async () => {
    const url = await referenceDatabase();
    const client = new pg.Client(poolConfigFromUrl(url));
    await client.connect();
    await client.query(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('someone', 'someone@test.nhs.uk', 'Someone', now())`,
    );
    await client.end();
    await expect(generate(url, 0.005, () => {})).rejects.toThrow(/already holds data/);
    const empty = await createMigratedDatabase(inject("serverUrl"), "psc_generate");
    drops.push(empty.drop);
    await expect(generate(empty.url, 0.005, () => {})).rejects.toThrow(/no reference data/);
  }, 240_000);

  it("fills an empty database in proportion to the scale, the same way every time, with stored SPC status", async () => {
    const [first, second] = [await referenceDatabase(), await referenceDatabase()];
    const counts = await generate(first, 0.005, () => {});
    await generate(second, 0.005, () => {});
    expect(counts).toMatchObject({ projects: 100, measures: 300, concerns: 1000, learningItems: 100 });
    expect(counts.measurePoints).toBeGreaterThan(300 * 14);
    const [a, b] = [await fingerprint(first), await fingerprint(second)];
    expect(a).toEqual(b);
    expect(a.wrong_point_counts).toBe(0);
    expect(a).toMatchObject({ projects: 100, measures: 300, concerns: 1000 });
  }, 300_000);
});
