// `tsx lib/cli/with-database.ts <command…>`: runs a command with DATABASE_URL set — the given one, or the
// embedded development database (started for the command and stopped after it), as npm start uses.
import { spawnSync } from "node:child_process";
import { startEmbeddedPostgres } from "./embedded-db";
import { createDatabase, databaseExists } from "./database";
import { loadLocalEnv } from "./local-env";
import { withDatabase } from "@/lib/db-url";

loadLocalEnv({ createSecrets: true });
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: tsx lib/cli/with-database.ts <command> [args…]");
  process.exit(1);
}
let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const server = await startEmbeddedPostgres({ dataDir: ".data/postgres", port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
  stop = server.stop;
  if (!(await databaseExists(server.url, "psc"))) await createDatabase(server.url, "psc");
  process.env.DATABASE_URL = withDatabase(server.url, "psc");
}
const result = spawnSync("npx", [command, ...args], { stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
await stop();
process.exit(result.status ?? 1);
