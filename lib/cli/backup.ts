// `npm run db:backup [-- <file>]`: a pg_dump of the portal's database in PostgreSQL's custom format
// (-Fc: compressed, restorable table by table with pg_restore). DATABASE_URL's database, or the
// embedded development database (lib/cli/with-database.ts starts it). Default file:
// .data/backups/psc-<timestamp>.dump.
import { mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { requireToolFor, runTool } from "./pg-tools";
import { poolConfigFromUrl } from "@/lib/db-url";

export function defaultBackupPath(now = new Date()): string {
  return join(".data", "backups", `psc-${now.toISOString().replace(/[:.]/g, "-")}.dump`);
}

export async function backup(databaseUrl: string, file: string): Promise<{ file: string; bytes: number }> {
  await requireToolFor("pg_dump", databaseUrl);
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  runTool("pg_dump", ["--format=custom", "--compress=6", "--no-owner", "--no-privileges", "--file", path], databaseUrl);
  return { file: path, bytes: statSync(path).size };
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      "DATABASE_URL is not set: run this through `npm run db:backup`, which uses the embedded database when it is unset.",
    );
  const target = process.argv.slice(2).find((a) => !a.startsWith("-")) ?? defaultBackupPath();
  const { database } = poolConfigFromUrl(databaseUrl);
  console.log(`• Backing up database "${database}"…`);
  const result = await backup(databaseUrl, target);
  console.log(
    `✔ Backup written: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB). Restore with: npm run db:restore -- ${result.file} --database <new name>`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(`✖ ${error.message.replace(/\s+/g, " ")}`);
    process.exit(1);
  });
}
