import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "./embedded-db";
import { checkReachable, createDatabase, dropDatabase } from "./database";
import { ensureRoles, prepareDatabase, urlFor } from "./database-roles";
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

/** The roles of test databases: as in production, the tests connect as the app role (lib/cli/database-roles.ts). */
export const TEST_ROLES = {
  owner: { name: "psc_test_owner", password: "psc-test-owner" },
  app: { name: "psc_test_app", password: "psc-test-app" },
};

/**
 * A fresh database owned by the owner role, with every migration applied and the job queues set up;
 * `url` connects as the app role (what the portal and the tests use), `ownerUrl` as the owner. Drop
 * it with the returned function.
 */
export async function createMigratedDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  // The owner may create databases (the backup test restores into a new one), as the embedded one may.
  await ensureRoles(serverUrl, [{ ...TEST_ROLES.owner, createdb: true }, TEST_ROLES.app]);
  await createDatabase(serverUrl, name, undefined, TEST_ROLES.owner.name);
  const ownerUrl = urlFor(serverUrl, name, TEST_ROLES.owner);
  const url = urlFor(serverUrl, name, TEST_ROLES.app);
  await prepareDatabase({ ownerUrl, appUrl: url });
  return { url, ownerUrl, name, drop: () => dropDatabase(serverUrl, name) };
}

export { withDatabase };
