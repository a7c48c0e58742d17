import type { TestProject } from "vitest/node";
import { spawnSync } from "node:child_process";
import { createMigratedDatabase, startTestServer } from "@/lib/cli/test-database";

// One fresh, migrated database per test run, dropped at the end. The tests connect as the app role, as
// the portal does (no DDL, the audit log append-only by permission); `ownerDatabaseUrl` is for the few
// fixtures that must change the schema (a trigger that simulates a failure).
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const database = await createMigratedDatabase(server.serverUrl, "psc_test");
  // Reference data only (the 15 collaboratives, postcode areas, national priorities): tests make the rest.
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed/index.ts", "--reference-only"], {
    env: { ...process.env, DATABASE_URL: database.ownerUrl },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`Seeding reference data failed: ${seed.stderr}`);
  project.provide("databaseUrl", database.url);
  project.provide("ownerDatabaseUrl", database.ownerUrl);
  project.provide("serverUrl", server.serverUrl);
  return async () => {
    await database.drop();
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
    serverUrl: string;
  }
}
