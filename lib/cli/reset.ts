// `npm run db:reset`: drops and recreates the development database, then migrates and seeds it.
import { spawnSync } from "node:child_process";
import { startEmbeddedPostgres } from "./embedded-db";
import { createDatabase, dropDatabase } from "./database";
import { ensureSplitDatabase, prepareDatabase } from "./database-roles";
import { loadLocalEnv } from "./local-env";
import { poolConfigFromUrl, withDatabase } from "@/lib/db-url";

loadLocalEnv({ createSecrets: true });
if (process.env.NODE_ENV === "production") {
  console.error("✖ db:reset deletes every record: it does not run with NODE_ENV=production.");
  process.exit(1);
}
let stop = async () => {};
let superUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
let embedded = false;
if (!superUrl) {
  const server = await startEmbeddedPostgres({
    dataDir: ".data/postgres",
    port: Number(process.env.EMBEDDED_DB_PORT ?? 54329),
  });
  stop = server.stop;
  superUrl = withDatabase(server.url, "psc");
  embedded = true;
}
try {
  const name = poolConfigFromUrl(superUrl).database;
  console.log(`• Recreating database "${name}"…`);
  await dropDatabase(superUrl, name);
  // The embedded server's superuser makes the owner and app roles; otherwise the configured roles are used.
  const urls = embedded
    ? await ensureSplitDatabase(superUrl, name)
    : { ownerUrl: superUrl, appUrl: process.env.DATABASE_URL ?? superUrl };
  if (!embedded) await createDatabase(superUrl, name);
  await prepareDatabase(urls);
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed/index.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: urls.ownerUrl },
  });
  if (seed.status !== 0) throw new Error("Seeding failed (see above).");
  console.log("✔ Database reset with demo data.");
} finally {
  await stop();
}
