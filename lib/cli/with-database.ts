// `tsx lib/cli/with-database.ts [--as-owner] <command…>`: runs a command with DATABASE_URL set — the
// given one, or the embedded development database (started for the command and stopped after it), as
// npm start uses. DATABASE_URL is the app role's and MIGRATION_DATABASE_URL the schema owner's;
// `--as-owner` gives the command the owner's as DATABASE_URL (seeding, backups, restores).
import { spawnSync } from "node:child_process";
import { startEmbeddedPostgres } from "./embedded-db";
import { ensureSplitDatabase, ownerUrlFromEnv } from "./database-roles";
import { loadLocalEnv } from "./local-env";

loadLocalEnv({ createSecrets: true });
const asOwner = process.argv[2] === "--as-owner";
const [command, ...args] = process.argv.slice(asOwner ? 3 : 2);
if (!command) {
  console.error("Usage: tsx lib/cli/with-database.ts [--as-owner] <command> [args…]");
  process.exit(1);
}
let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const server = await startEmbeddedPostgres({
    dataDir: ".data/postgres",
    port: Number(process.env.EMBEDDED_DB_PORT ?? 54329),
  });
  stop = server.stop;
  const urls = await ensureSplitDatabase(server.url, "psc");
  process.env.DATABASE_URL = urls.appUrl;
  process.env.MIGRATION_DATABASE_URL = urls.ownerUrl;
}
if (asOwner) process.env.DATABASE_URL = ownerUrlFromEnv();
const result = spawnSync("npx", [command, ...args], {
  stdio: "inherit",
  env: { ...process.env, CHECKPOINT_DISABLE: "1" },
});
await stop();
process.exit(result.status ?? 1);
