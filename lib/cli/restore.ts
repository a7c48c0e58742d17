// `npm run db:restore -- <file> --database <name>`: restores a db:backup file into a NEW database on
// the same server (created here; refused if it exists). `--overwrite` instead replaces the configured
// database itself (DATABASE_URL's, or the embedded one): it is dropped and recreated, so stop the
// portal first. The restore is one transaction: it succeeds whole or leaves nothing.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { requireToolFor, runTool } from "./pg-tools";
import { createDatabase, databaseExists, dropDatabase } from "./database";
import { poolConfigFromUrl, withDatabase } from "@/lib/db-url";

export type RestoreTarget = { database: string } | { overwrite: true };

export async function restore(
  databaseUrl: string,
  file: string,
  target: RestoreTarget,
): Promise<{ databaseUrl: string; database: string }> {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`No backup file at ${path}.`);
  await requireToolFor("pg_restore", databaseUrl);
  const database = "database" in target ? target.database : poolConfigFromUrl(databaseUrl).database;
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(database))
    throw new Error(`"${database}" is not a database name this script will create (letters, digits, _ and -).`);
  const url = withDatabase(databaseUrl, database);
  if ("database" in target) {
    if (await databaseExists(databaseUrl, database))
      throw new Error(
        `Database "${database}" already exists: choose a new name, or use --overwrite to replace the configured database.`,
      );
  } else {
    await dropDatabase(databaseUrl, database);
  }
  await createDatabase(databaseUrl, database);
  try {
    runTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", path], url);
  } catch (error) {
    // A new database that did not restore is removed rather than left half-made.
    if ("database" in target) await dropDatabase(databaseUrl, database).catch(() => {});
    throw error;
  }
  return { databaseUrl: url, database };
}

export function parseRestoreArguments(argv: string[]): { file: string; target: RestoreTarget } {
  const usage =
    "Usage: npm run db:restore -- <backup file> --database <new database name>   (or --overwrite to replace the configured database)";
  const index = argv.indexOf("--database");
  const database = index >= 0 ? argv[index + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith("-") && argv[i - 1] !== "--database");
  const overwrite = argv.includes("--overwrite");
  if (!file || (index >= 0 && !database) || (database && overwrite)) throw new Error(usage);
  if (database) return { file, target: { database } };
  if (overwrite) return { file, target: { overwrite: true } };
  throw new Error(`Refusing to replace the configured database without --overwrite. ${usage}`);
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      "DATABASE_URL is not set: run this through `npm run db:restore`, which uses the embedded database when it is unset.",
    );
  const { file, target } = parseRestoreArguments(process.argv.slice(2));
  console.log(
    `• Restoring ${file} into ${"database" in target ? `new database "${target.database}"` : `"${poolConfigFromUrl(databaseUrl).database}" (replacing it)`}…`,
  );
  const result = await restore(databaseUrl, file, target);
  console.log(`✔ Restored into database "${result.database}".`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(`✖ ${error.message.replace(/\s+/g, " ")}`);
    process.exit(1);
  });
}
