import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMigratedDatabase } from "@/lib/cli/test-database";
import { poolConfigFromUrl } from "@/lib/db-url";
import { measureSpcStatus } from "@/lib/measures/spc-status";
import { sha256Hex } from "@/prisma/seed/random";
import { DEMO_TRACKING_TOKEN } from "@/prisma/seed/demo-build";

// The demo seed gets a database of its own: the shared test database must stay empty of demo rows.
let database: Awaited<ReturnType<typeof createMigratedDatabase>>;
let client: pg.Client;

function seed(args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed/index.ts", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NODE_ENV: "development",
      CONCERN_ENCRYPTION_KEY: process.env.CONCERN_ENCRYPTION_KEY ?? Buffer.alloc(32, 7).toString("base64"),
      ...env,
    },
    encoding: "utf8",
    timeout: 120_000,
  });
}

async function count(sql: string): Promise<number> {
  const result = await client.query<{ n: string }>(sql);
  return Number(result.rows[0].n);
}

beforeAll(async () => {
  database = await createMigratedDatabase(inject("serverUrl"), "psc_seed");
  client = new pg.Client(poolConfigFromUrl(database.url));
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("seed", () => {
  it("refuses the demo data with NODE_ENV=production unless told, in one line", () => {
    const result = seed([], { NODE_ENV: "production" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/--reference-only|--allow-production/);
  }, 60_000);

  it("loads reference and demo data, then does nothing the second time", async () => {
    const first = seed();
    expect(first.status, first.stderr).toBe(0);
    const users = await count(`select count(*) n from "User"`);
    const points = await count(`select count(*) n from "MeasurePoint"`);
    expect(users).toBeGreaterThan(30);
    expect(await count(`select count(*) n from "Collaborative"`)).toBe(15);
    expect(await count(`select count(*) n from "Project"`)).toBeGreaterThanOrEqual(45);

    const second = seed();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/already present/);
    expect(await count(`select count(*) n from "User"`)).toBe(users);
    expect(await count(`select count(*) n from "MeasurePoint"`)).toBe(points);
  }, 180_000);

  it("gives every collaborative a lead, a staff member, projects and concerns", async () => {
    const rows = await client.query<{
      slug: string;
      leads: string;
      staff: string;
      projects: string;
      concerns: string;
    }>(`
      select c.slug,
        (select count(*) from "Membership" m where m."collaborativeId" = c.id and m.role = 'LEAD') leads,
        (select count(*) from "Membership" m where m."collaborativeId" = c.id and m.role = 'STAFF' and m."organisationId" is not null) staff,
        (select count(*) from "Project" p where p."collaborativeId" = c.id) projects,
        (select count(*) from "Concern" x where x."collaborativeId" = c.id) concerns
      from "Collaborative" c`);
    for (const row of rows.rows) {
      expect(Number(row.leads), row.slug).toBeGreaterThanOrEqual(1);
      expect(Number(row.staff), row.slug).toBeGreaterThanOrEqual(1);
      expect(Number(row.projects), row.slug).toBeGreaterThanOrEqual(2);
      expect(Number(row.concerns), row.slug).toBeGreaterThanOrEqual(8);
    }
  });

  it("stores SPC statuses that match a recomputation, with improvement, common cause and concern all present", async () => {
    // Dates as text, read as UTC midnight (as Prisma reads @db.Date), whatever the machine's time zone.
    const day = (text: string) => new Date(`${text}T00:00:00Z`);
    const measures = await client.query<{
      id: string;
      direction: "INCREASE" | "DECREASE" | "NEITHER";
      target: number | null;
      screen: boolean;
      rebase: string[];
      variation: string | null;
      cause: string | null;
    }>(
      `select id, direction, target, "screenOutlierMovingRanges" screen, "rebaseDates"::text[] rebase, "spcVariation" variation, "spcLatestSpecialCause" cause from "Measure"`,
    );
    const points = await client.query<{ measureId: string; periodStart: string; value: number }>(
      `select "measureId", "periodStart"::text "periodStart", value from "MeasurePoint" order by "periodStart"`,
    );
    const byMeasure = new Map<string, { periodStart: Date; value: number }[]>();
    for (const p of points.rows)
      byMeasure.set(p.measureId, [
        ...(byMeasure.get(p.measureId) ?? []),
        { periodStart: day(p.periodStart), value: p.value },
      ]);
    const variations = new Map<string, number>();
    for (const m of measures.rows) {
      const status = measureSpcStatus(
        {
          direction: m.direction,
          target: m.target,
          screenOutlierMovingRanges: m.screen,
          rebaseDates: m.rebase.map(day),
        },
        byMeasure.get(m.id) ?? [],
      );
      expect(status.spcVariation).toBe(m.variation);
      expect(status.spcLatestSpecialCause).toBe(m.cause);
      variations.set(m.variation ?? "none", (variations.get(m.variation ?? "none") ?? 0) + 1);
    }
    const improving = (variations.get("improvement-high") ?? 0) + (variations.get("improvement-low") ?? 0);
    expect(improving / measures.rows.length).toBeGreaterThan(0.3);
    expect(variations.get("common-cause") ?? 0).toBeGreaterThan(10);
    expect((variations.get("concern-high") ?? 0) + (variations.get("concern-low") ?? 0)).toBeGreaterThan(0);
  });

  it("marks change ideas whose evidence measure improves", async () => {
    expect(
      await count(`select count(*) n from "LearningItem" where type = 'CHANGE_IDEA' and "hasImprovementEvidence"`),
    ).toBeGreaterThan(5);
    expect(
      await count(
        `select count(*) n from "LearningItem" l join "Measure" m on m.id = l."measureId" where l."hasImprovementEvidence" <> coalesce(m."spcLatestSpecialCause" = 'improvement', false)`,
      ),
    ).toBe(0);
  });

  it("gives the demo patient a concern that opens with the demo tracking token, with a public response", async () => {
    const result = await client.query<{ status: string; responses: string }>(
      `select c.status, (select count(*) from "ConcernResponse" r where r."concernId" = c.id) responses
       from "Concern" c join "User" u on u.id = c."reporterId"
       where u.email = 'patient@demo.nhs.uk' and c."trackingTokenHash" = $1`,
      [sha256Hex(DEMO_TRACKING_TOKEN)],
    );
    expect(result.rows).toHaveLength(1);
    expect(Number(result.rows[0].responses)).toBeGreaterThan(0);
    expect(
      await count(
        `select count(*) n from "ConcernStatusChange" where "fromStatus" is null and "toStatus" <> 'RECEIVED'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*) n from "Concern" where reference !~ '^PSC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$'`,
      ),
    ).toBe(0);
  });

  it("leaves the audit log empty", async () => {
    expect(await count(`select count(*) n from "AuditEvent"`)).toBe(0);
  });
});
