// pg_dump and pg_restore for `npm run db:backup` / `db:restore`: which binary, whether it can handle
// the server, and how to call it without putting the password on a command line.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db-url";

export type PgTool = "pg_dump" | "pg_restore";

/** PG_DUMP / PG_RESTORE may point at other binaries (e.g. /usr/lib/postgresql/16/bin/pg_dump). */
export function toolPath(tool: PgTool): string {
  return (tool === "pg_dump" ? process.env.PG_DUMP : process.env.PG_RESTORE) || tool;
}

/** The major version a tool reports ("pg_dump (PostgreSQL) 15.20 (Debian …)" → 15), or null when it is missing. */
export function toolMajorVersion(tool: PgTool): number | null {
  const result = spawnSync(toolPath(tool), ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout) ?? /\s(\d+)(?:\.\d+)+/.exec(result.stdout);
  return match ? Number(match[1]) : null;
}

export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ ...poolConfigFromUrl(databaseUrl), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump refuses servers newer than itself, and pg_restore may not read archives from a newer
 * pg_dump: check first, and say in one line what to install.
 */
export async function requireToolFor(tool: PgTool, databaseUrl: string): Promise<void> {
  const [toolMajor, serverMajor] = [toolMajorVersion(tool), await serverMajorVersion(databaseUrl)];
  const variable = tool === "pg_dump" ? "PG_DUMP" : "PG_RESTORE";
  const install = `install postgresql-client-${serverMajor} (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}) or set ${variable} to a ${tool} of version ${serverMajor} or later`;
  if (toolMajor === null) throw new Error(`${tool} was not found (${toolPath(tool)}): ${install}.`);
  if (toolMajor < serverMajor)
    throw new Error(
      `${toolPath(tool)} is version ${toolMajor}, older than the PostgreSQL ${serverMajor} server: ${install}.`,
    );
}

/** Connection flags and environment for a tool: the password goes in PGPASSWORD, not the arguments. */
export function connectionFor(databaseUrl: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const c = poolConfigFromUrl(databaseUrl);
  return {
    args: ["--host", c.host, "--port", String(c.port), "--username", c.user, "--dbname", c.database],
    env: { ...process.env, PGPASSWORD: c.password, PGCONNECT_TIMEOUT: "10" },
  };
}

export function runTool(tool: PgTool, args: string[], databaseUrl: string): void {
  const connection = connectionFor(databaseUrl);
  const result = spawnSync(toolPath(tool), [...connection.args, ...args], {
    env: connection.env,
    stdio: ["ignore", "inherit", "pipe"],
    encoding: "utf8",
  });
  if (result.error) throw new Error(`${tool} could not be run: ${result.error.message}`);
  if (result.status !== 0) {
    const lines = (result.stderr ?? "").trim().split("\n").filter(Boolean);
    throw new Error(`${tool} failed: ${lines.slice(-3).join(" | ") || `exit code ${result.status}`}`);
  }
}
