// Each index is there for a query and each hot query has its index (issue 19, finding 8). The test
// database is small, so the planner would rightly read these tables whole; with sequential scans
// disabled for the transaction it still picks an index when one can serve the query, and falls back
// to a (disabled) sequential scan only when none can — which is what this test catches.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditActionsSql } from "@/lib/accounts/queries";
import { concernsPerMonthSql } from "@/lib/collaboratives/queries";

/** The plan PostgreSQL would choose for `query`, with sequential scans priced out. */
async function planOf(query: Prisma.Sql): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

/** A scan of `index` (its name), or any index scan whose condition bounds `column` (a pattern). */
const queries: [what: string, index: string | RegExp, query: Prisma.Sql][] = [
  [
    "every point write keeps learning items' evidence flag in step (lib/measures/spc-status.ts)",
    "LearningItem_measureId_idx",
    Prisma.sql`UPDATE "LearningItem" SET "hasImprovementEvidence" = true WHERE "measureId" = ${"m"} AND "hasImprovementEvidence" = false`,
  ],
  [
    "deleting a project clears learning items' link to it",
    "LearningItem_projectId_idx",
    Prisma.sql`UPDATE "LearningItem" SET "projectId" = NULL WHERE "projectId" = ${"p"}`,
  ],
  [
    "deleting a measure clears adoptions' link to it",
    "Adoption_measureId_idx",
    Prisma.sql`UPDATE "Adoption" SET "measureId" = NULL WHERE "measureId" = ${"m"}`,
  ],
  [
    "deleting a project clears adoptions' link to it",
    "Adoption_projectId_idx",
    Prisma.sql`UPDATE "Adoption" SET "projectId" = NULL WHERE "projectId" = ${"p"}`,
  ],
  [
    "the audit page counts one action's events",
    "AuditEvent_action_id_idx",
    Prisma.sql`SELECT count(*) FROM "AuditEvent" WHERE action = ${"user.erased"}`,
  ],
  ["the audit page lists the actions (lib/accounts/queries.ts)", "AuditEvent_action_id_idx", auditActionsSql],
  [
    // Bounded by date: an index ranges over the year (on this small table the planner may pick either
    // Concern(collaborativeId, receivedAt, heldAt) or Concern(receivedAt); at scale 1 it picks the first).
    "the workspace counts concerns per month (lib/collaboratives/queries.ts)",
    /Index (Only )?Scan using "Concern_\w+_idx" on "Concern" k[^\n]*\n\s+Index Cond: [^\n]*"receivedAt" >= /,
    concernsPerMonthSql("c", new Date("2026-11-20T10:00:00Z")),
  ],
];

describe("the hot queries use their index", () => {
  it.each(queries)("%s: %s", async (_what, index, query) => {
    const plan = await planOf(query);
    if (typeof index === "string") expect(plan).toContain(`"${index}"`);
    else expect(plan).toMatch(index);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

describe("indexes no query uses are gone (each costs every write)", () => {
  it("drops the audit log's time index and the unused adoption, measure and learning indexes", async () => {
    const unused = [
      "AuditEvent_at_idx",
      "Adoption_createdAt_idx",
      "Measure_spcVariation_idx",
      "Measure_nationalMetric_idx",
      "LearningItem_type_idx",
    ];
    const present = await db.$queryRaw<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY(${unused})`;
    expect(present).toEqual([]);
  });
});
