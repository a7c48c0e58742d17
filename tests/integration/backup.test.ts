// `npm run db:backup` / `db:restore` on the run's PostgreSQL server: a database with the demo data is
// backed up with pg_dump and restored into a new database, which then holds the same rows in every
// table (compared by count and by content), with the audit log's append-only trigger still in force.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMigratedDatabase } from "@/lib/cli/test-database";
import { databaseExists, dropDatabase } from "@/lib/cli/database";
import { parseRestoreArguments, restore } from "@/lib/cli/restore";
import { poolConfigFromUrl } from "@/lib/db-url";

const serverUrl = inject("serverUrl");
const dir = mkdtempSync(join(tmpdir(), "psc-backup-test-"));
const restoredName = `psc_restored_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
let source: Awaited<ReturnType<typeof createMigratedDatabase>>;

/** Runs one of the npm scripts' programs as a person would: as the schema's owner, as `npm run db:backup` does. */
function cli(script: "backup" | "restore", args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("npx", ["tsx", `lib/cli/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: source.ownerUrl, ...env },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table of every schema (the portal's and pg-boss's): its row count and a digest of its rows. */
async function tableFingerprints(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { schema, name } of tables) {
      const { rows } = await client.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${schema}"."${name}" t`,
      );
      result[`${schema}.${name}`] = { rows: rows[0]!.n, digest: rows[0]!.digest ?? "" };
    }
    return result;
  });
}

const restoredUrl = () => {
  const u = new URL(source.ownerUrl);
  u.pathname = `/${restoredName}`;
  return u.toString();
};

beforeAll(async () => {
  source = await createMigratedDatabase(serverUrl, "psc_backup_source");
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed/index.ts"], {
    env: { ...process.env, DATABASE_URL: source.ownerUrl },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`Demo seed failed: ${seed.stderr}`);
}, 240_000);

afterAll(async () => {
  await dropDatabase(serverUrl, restoredName);
  await source?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("backing up and restoring the database", () => {
  it("restores a backup into a new database with the same rows in every table", async () => {
    const file = join(dir, "psc.dump");
    const backup = cli("backup", [file]);
    expect(backup.output).toContain("Backup written");
    expect(backup.status).toBe(0);

    const restore = cli("restore", [file, "--database", restoredName]);
    expect(restore.output).toContain(`Restored into database "${restoredName}"`);
    expect(restore.status).toBe(0);

    const [before, after] = await Promise.all([tableFingerprints(source.ownerUrl), tableFingerprints(restoredUrl())]);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    // The demo data is there to compare: not a comparison of empty tables.
    expect(before["public.Concern"]!.rows).toBeGreaterThan(100);
    expect(before["public.MeasurePoint"]!.rows).toBeGreaterThan(1000);
    expect(before["public._prisma_migrations"]!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  }, 120_000);

  it("keeps the audit log append-only and the id sequences where they were", async () => {
    await withClient(restoredUrl(), async (client) => {
      const max = (await client.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM "AuditEvent"`)).rows[0]!
        .max;
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO "AuditEvent" (action, "subjectType") VALUES ('test.after_restore', 'Test') RETURNING id::text`,
      );
      expect(BigInt(inserted.rows[0]!.id)).toBeGreaterThan(BigInt(max ?? "0"));
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    });
  });

  it("refuses to restore over an existing database, or over the configured one without --overwrite", async () => {
    const file = join(dir, "psc.dump");
    const before = await tableFingerprints(restoredUrl());
    await expect(restore(source.ownerUrl, file, { database: restoredName })).rejects.toThrow(/already exists/);
    expect(await tableFingerprints(restoredUrl())).toEqual(before);
    expect(() => parseRestoreArguments([file])).toThrow(/without --overwrite/);
    expect(() => parseRestoreArguments([file, "--database"])).toThrow(/Usage/);
    expect(() => parseRestoreArguments([file, "--database", "x", "--overwrite"])).toThrow(/Usage/);
    expect(parseRestoreArguments([file, "--overwrite"])).toEqual({ file, target: { overwrite: true } });
    expect(parseRestoreArguments(["--database", "copy", file])).toEqual({ file, target: { database: "copy" } });
  });

  it("leaves no half-restored database when the file is damaged", async () => {
    const damaged = join(dir, "damaged.dump");
    writeFileSync(damaged, "PGDMP this is not a real archive");
    const name = `${restoredName}_damaged`;
    await expect(restore(source.ownerUrl, damaged, { database: name })).rejects.toThrow(/pg_restore failed/);
    expect(await databaseExists(serverUrl, name)).toBe(false);
  });

  it("says in one line what to install when pg_dump is older than the server", () => {
    const old = join(dir, "old-pg_dump");
    writeFileSync(old, '#!/bin/sh\necho "pg_dump (PostgreSQL) 13.4"\n');
    chmodSync(old, 0o755);
    const file = join(dir, "never.dump");
    const result = cli("backup", [file], { PG_DUMP: old });
    expect(result.status).toBe(1);
    const lines = result.output
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("✖"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/version 13, older than the PostgreSQL 1\d server: install postgresql-client-1\d/);
  });
});
