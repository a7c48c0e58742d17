// The portal's processes connect as the app role, not as the owner of the schema or a superuser: no
// DDL, and the audit log refused UPDATE, DELETE and TRUNCATE by permission (before its trigger is asked).
// The suite's DATABASE_URL is that role (lib/cli/test-database.ts), so every integration test also
// proves the app role suffices; this file checks the refusals, and what the app role must still do.
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db-url";
import { refreshDashboardSummaries } from "@/lib/dashboard/summaries";
import { createBoss } from "@/lib/jobs/queue";
import { jobs } from "@/lib/jobs/registry";
import { startWorker } from "@/lib/jobs/worker";

let app: pg.Client;
beforeAll(async () => {
  app = new pg.Client(poolConfigFromUrl(inject("databaseUrl")));
  await app.connect();
});
afterAll(async () => {
  await app?.end();
});

/** The error PostgreSQL gives, or null when the statement ran. */
async function refusal(sql: string): Promise<{ code: string; message: string } | null> {
  await app.query("BEGIN");
  try {
    await app.query(sql);
    return null;
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  } finally {
    await app.query("ROLLBACK");
  }
}

describe("the app role", () => {
  it("is neither a superuser nor the owner of the schema's tables", async () => {
    const { rows } = await app.query<{ super: boolean; owner: string; me: string }>(
      `SELECT r.rolsuper AS super, t.tableowner AS owner, current_user AS me FROM pg_roles r, pg_tables t WHERE r.rolname = current_user AND t.tablename = 'AuditEvent'`,
    );
    expect(rows[0]!.super).toBe(false);
    expect(rows[0]!.owner).not.toBe(rows[0]!.me);
  });

  it("is refused DDL", async () => {
    for (const sql of [
      `CREATE TABLE psc_intruder (id int)`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`,
      `ALTER TABLE "Concern" ADD COLUMN intruder text`,
      `DROP TABLE "Concern"`,
      `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
      `CREATE SCHEMA intruder`,
      `REFRESH MATERIALIZED VIEW dashboard_concern_weekly`,
    ]) {
      expect(await refusal(sql), sql).toMatchObject({ code: "42501" }); // insufficient_privilege
    }
  });

  it("is refused UPDATE, DELETE and TRUNCATE on the audit log by permission, not only by the trigger", async () => {
    for (const sql of [
      `UPDATE "AuditEvent" SET action = 'rewritten'`,
      `DELETE FROM "AuditEvent"`,
      `TRUNCATE "AuditEvent"`,
    ]) {
      const error = await refusal(sql);
      expect(error, sql).toMatchObject({ code: "42501" });
      expect(error!.message, sql).toMatch(/permission denied/);
    }
  });

  it("may do what the portal does: read and write its tables, append to the audit log", async () => {
    expect(
      await refusal(
        `INSERT INTO "AuditEvent" (action, "subjectType", "subjectId") VALUES ('test.app_role', 'Test', 'x')`,
      ),
    ).toBeNull();
    expect(await refusal(`SELECT count(*) FROM "AuditEvent"`)).toBeNull();
    expect(await refusal(`UPDATE "Collaborative" SET "acknowledgementDays" = "acknowledgementDays"`)).toBeNull();
    expect(await refusal(`DELETE FROM "RateLimitBucket" WHERE false`)).toBeNull();
    expect(await refusal(`SELECT count(*) FROM dashboard_concern_weekly`)).toBeNull();
  });

  it("refreshes the dashboard's summaries (through the owner's function)", async () => {
    const result = await refreshDashboardSummaries({ force: true });
    expect(result.refreshed).toBe(true);
  });

  it("starts the job queue and sends to every registered job's queue", async () => {
    const boss = createBoss(inject("databaseUrl"));
    await boss.start();
    try {
      for (const name of Object.keys(jobs)) expect(await boss.getQueue(name), name).toBeTruthy();
      const id = await boss.send("dashboard.refresh", {}, { singletonKey: `app-role-${Date.now()}` });
      expect(id).toBeTruthy();
      await boss.cancel("dashboard.refresh", id!);
    } finally {
      await boss.stop({ graceful: false });
    }
  });

  it("runs the job worker: its queues and schedules are kept up to date without DDL", async () => {
    const worker = await startWorker({ databaseUrl: inject("databaseUrl"), log: () => {} });
    await worker.stop({ graceful: false });
    const { rows } = await app.query<{ name: string }>(`SELECT name FROM pgboss.schedule`);
    expect(rows.map((r) => r.name).sort()).toEqual(
      Object.entries(jobs)
        .filter(([, j]) => j.cron)
        .map(([name]) => name)
        .sort(),
    );
  });
});
