// `npm run db:reset`: drops and recreates the development database, then migrates and seeds it.
import { spawnSync } from "node:child_process";
import { startEmbeddedPostgres } from "./embedded-db";
import { createDatabase, dropDatabase, migrate } from "./database";
import { loadLocalEnv } from "./local-env";
import { poolConfigFromUrl, withDatabase } from "@/lib/db-url";

loadLocalEnv({ createSecrets: true });
if (process.env.NODE_ENV === "production") {
  console.error("✖ db:reset deletes every record: it does not run with NODE_ENV=production.");
  process.exit(1);
}
let stop = async () => {};
let url = process.env.DATABASE_URL;
if (!url) {
  const server = await startEmbeddedPostgres({ dataDir: ".data/postgres", port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
  stop = server.stop;
  url = withDatabase(server.url, "psc");
}
try {
  const name = poolConfigFromUrl(url).database;
  console.log(`• Recreating database "${name}"…`);
  await dropDatabase(url, name);
  await createDatabase(url, name);
  migrate(url);
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "prisma/seed/index.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (seed.status !== 0) throw new Error("Seeding failed (see above).");
  console.log("✔ Database reset with demo data.");
} finally {
  await stop();
}
