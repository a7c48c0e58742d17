// Fails when prisma/schema.prisma and prisma/migrations disagree: the database the migrations build
// (this run's database) must have the same tables, columns, enums, indexes and foreign keys as a
// database built straight from the schema. Objects only raw SQL can make are listed in ALLOWED_EXTRAS.
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import pg from "pg";
import { prisma } from "@/lib/cli/database";
import { createDatabase, dropDatabase } from "@/lib/cli/database";
import { poolConfigFromUrl } from "@/lib/db-url";

/** Objects created by hand-written migration SQL that Prisma's schema cannot describe. */
const ALLOWED_EXTRAS = new Set<string>([
  // Learning search: published items featured first, then newest (partial, NULLS LAST).
  "LearningItem_published_order_idx",
  // Learning search: each item's pairs of adjacent words, for phrases (an index on an expression).
  "LearningItem_searchPairs_idx",
  // One follow per person and target, one adoption per item, collaborative and organisation (NULLS NOT DISTINCT).
  "Follow_userId_target_key",
  "Adoption_learningItemId_collaborativeId_organisationId_key",
  // Candidate titles once per round, whatever their capitals (an index on an expression).
  "PriorityCandidate_roundId_title_key",
  // CHECK constraints (Prisma's schema has none): the rules the forms check, kept by the database too.
  "Follow_one_target",
  "MeasurePoint_rate_parts_check",
  "MeasurePoint_denominator_check",
  "MeasurePoint_numerator_check",
  "BallotRanking_rank_check",
  "Event_ends_after_start_check",
  "Event_capacity_check",
  "Collaborative_contactRetentionMonths_check",
  "Collaborative_acknowledgementDays_check",
  "Measure_spcVariation_check",
  "Measure_spcAssurance_check",
  "Measure_spcLatestSpecialCause_check",
  "Measure_nationalMetric_check",
  // Composite foreign keys: a link stays inside its collaborative, project or round (Prisma cannot make an
  // optional relation over a required column, nor SET NULL of one column).
  "Concern_organisationId_collaborativeId_fkey",
  "Membership_organisationId_collaborativeId_fkey",
  "Invitation_organisationId_collaborativeId_fkey",
  "Adoption_organisationId_collaborativeId_fkey",
  "DriverNode_parentId_projectId_fkey",
  "ChangeIdea_driverNodeId_projectId_fkey",
  "PdsaCycle_changeIdeaId_projectId_fkey",
  "PriorityComment_candidateId_roundId_fkey",
]);

const catalogQueries = {
  columns: `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  enums: `SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS item
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY t.typname`,
  // Indexes of tables only: materialised views (dashboard summaries) are raw SQL that Prisma does not model.
  indexes: `SELECT i.indexname || ': ' || i.indexdef AS item FROM pg_indexes i
            JOIN pg_class c ON c.relname = i.tablename AND c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            WHERE i.schemaname = 'public' AND i.tablename <> '_prisma_migrations'`,
  constraints: `SELECT conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) AS item
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'u', 'p', 'c')
                  AND conrelid::regclass::text <> '_prisma_migrations'`,
};

async function catalog(url: string) {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const result: Record<string, string[]> = {};
    for (const [name, sql] of Object.entries(catalogQueries)) {
      result[name] = (await client.query<{ item: string }>(sql)).rows.map((r) => r.item).sort();
    }
    return result;
  } finally {
    await client.end();
  }
}

/** An index's or constraint's own name (constraints are listed as `"Table".name: …`). */
const objectName = (item: string) => item.split(/[: ]/)[0]!.split(".").at(-1)!;

describe("schema and migrations", () => {
  const serverUrl = inject("serverUrl");
  const name = `psc_schema_${Date.now()}`;
  let fromSchemaUrl: string;

  beforeAll(async () => {
    fromSchemaUrl = await createDatabase(serverUrl, name);
    const sql = prisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      fromSchemaUrl,
      { quiet: true },
    );
    const client = new pg.Client(poolConfigFromUrl(fromSchemaUrl));
    await client.connect();
    await client.query(sql);
    await client.end();
  }, 60_000);

  afterAll(async () => {
    await dropDatabase(serverUrl, name);
  });

  it("build the same database", async () => {
    const fromMigrations = await catalog(inject("databaseUrl"));
    const fromSchema = await catalog(fromSchemaUrl);
    for (const kind of Object.keys(catalogQueries)) {
      const missingFromMigrations = fromSchema[kind]!.filter((item) => !fromMigrations[kind]!.includes(item));
      const notInSchema = fromMigrations[kind]!.filter(
        (item) => !fromSchema[kind]!.includes(item) && !ALLOWED_EXTRAS.has(objectName(item)),
      );
      expect({ kind, missingFromMigrations, notInSchema }).toEqual({
        kind,
        missingFromMigrations: [],
        notInSchema: [],
      });
    }
  });
});
