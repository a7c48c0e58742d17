// Fails when prisma/schema.prisma and prisma/migrations disagree: the database the migrations build
// (this run's database) must have the same tables, columns, enums, indexes and foreign keys as a
// database built straight from the schema. Objects only raw SQL can make are listed in ALLOWED_EXTRAS.
// Triggers, functions, views and generated columns (which Prisma's schema cannot describe) are
// compared between databases built from the migrations: the catalogue must find one changed by hand,
// as `npm run db:drift` does on a live database.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import pg from "pg";
import { prisma } from "@/lib/cli/database";
import { createDatabase, dropDatabase } from "@/lib/cli/database";
import { RAW_SQL_KINDS, catalogDifferences, catalogOf, objectName, type CatalogKind } from "@/lib/cli/schema-catalog";
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
  "PriorityRound_opened_check",
  "PriorityRound_scheduled_check",
  "PriorityRound_participantGroups_check",
  "Event_ends_after_start_check",
  "Event_capacity_check",
  "Collaborative_contactRetentionMonths_check",
  "Collaborative_acknowledgementDays_check",
  "Measure_spcVariation_check",
  "Measure_spcAssurance_check",
  "Measure_spcLatestSpecialCause_check",
  "Measure_nationalMetric_check",
  "Measure_chartType_check",
  "YouSaidWeDid_published_check",
  "ConcernReply_body_or_answer_check",
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
  // What each kind of concern email request needs; one confirmation email per concern (partial unique index).
  "ConcernEmailRequest_kind_check",
  "ConcernEmailRequest_confirmation_key",
  // The audit events still holding an IP address, by time (partial): the nightly IP expiry.
  "AuditEvent_at_with_ip_idx",
  // A notification links to a path on the portal, never elsewhere.
  "Notification_url_path_check",
]);

const SCHEMA_KINDS: CatalogKind[] = ["columns", "enums", "indexes", "constraints"];

async function run(url: string, sql: string) {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

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
    await run(fromSchemaUrl, sql);
  }, 60_000);

  afterAll(async () => {
    await dropDatabase(serverUrl, name);
  });

  it("build the same database", async () => {
    const fromMigrations = await catalogOf(inject("databaseUrl"));
    const fromSchema = await catalogOf(fromSchemaUrl);
    for (const kind of SCHEMA_KINDS) {
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

  describe("what only raw SQL makes", () => {
    const scratch = `psc_drift_${Date.now()}`;
    let scratchUrl: string;

    beforeAll(async () => {
      scratchUrl = await createDatabase(serverUrl, scratch);
      const migrations = readdirSync("prisma/migrations")
        .filter((m) => /^\d{14}_/.test(m))
        .sort();
      for (const m of migrations) await run(scratchUrl, readFileSync(`prisma/migrations/${m}/migration.sql`, "utf8"));
    }, 120_000);

    afterAll(async () => {
      await dropDatabase(serverUrl, scratch);
    });

    it("is catalogued: triggers, functions, views and generated columns", async () => {
      const fromMigrations = await catalogOf(inject("databaseUrl"));
      const names = (kind: CatalogKind) => fromMigrations[kind].map(objectName);
      expect(names("triggers")).toContain("AuditEvent_append_only");
      expect(names("functions")).toContain("psc_refresh_dashboard_summaries");
      expect(names("views")).toContain("dashboard_project_facts");
      expect(names("generated")).toContain("searchVector");
      // pg_trgm's functions sit in the same schema but belong to the extension.
      expect(names("functions")).not.toContain("similarity");
    });

    it("finds a trigger, function, materialised view or generated column changed by hand", async () => {
      const fromMigrations = await catalogOf(inject("databaseUrl"));
      expect(catalogDifferences(fromMigrations, await catalogOf(scratchUrl), RAW_SQL_KINDS)).toEqual([]);
      await run(
        scratchUrl,
        `DROP TRIGGER "LearningItem_title_words_update" ON "LearningItem";
         CREATE TRIGGER "LearningItem_title_words_update" AFTER UPDATE OF title ON "LearningItem"
           FOR EACH STATEMENT EXECUTE FUNCTION learning_title_words_sync();
         CREATE OR REPLACE FUNCTION psc_month_index(d date) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 0';
         DROP MATERIALIZED VIEW dashboard_adoption_facts;
         CREATE MATERIALIZED VIEW dashboard_adoption_facts AS SELECT id FROM "Adoption";
         ALTER TABLE "LearningItem" DROP COLUMN "searchTitle";
         ALTER TABLE "LearningItem" ADD COLUMN "searchTitle" tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED;`,
      );
      const differences = catalogDifferences(fromMigrations, await catalogOf(scratchUrl), RAW_SQL_KINDS);
      const changed = Object.fromEntries(
        differences.map((d) => [d.kind, [...new Set([...d.missing, ...d.unexpected].map(objectName))].sort()]),
      );
      expect(changed).toEqual({
        triggers: ["LearningItem_title_words_update"],
        functions: ["psc_month_index"],
        views: expect.arrayContaining(["dashboard_adoption_facts"]),
        generated: ["searchTitle"],
      });
    });
  });
});
