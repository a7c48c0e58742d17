import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "./embedded-db";
import { checkReachable, createDatabase, dropDatabase, migrate } from "./database";
import { withDatabase } from "@/lib/db-url";

/**
 * The server the tests use: DATABASE_URL's when set (any database on it; tests make their own),
 * otherwise a throwaway embedded PostgreSQL in a temporary folder.
 */
export async function startTestServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const given = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
  if (given) {
    await checkReachable(given);
    return { serverUrl: given, stop: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "psc-test-pg-"));
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = await startEmbeddedPostgres({ dataDir: dir, port, persistent: false });
  return {
    serverUrl: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database with every migration applied; drop it with the returned function. */
export async function createMigratedDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const url = await createDatabase(serverUrl, name);
  migrate(url);
  return { url, name, drop: () => dropDatabase(serverUrl, name) };
}

export { withDatabase };
