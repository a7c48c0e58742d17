import { spawnSync } from "node:child_process";
import pg from "pg";
import { poolConfigFromUrl, withDatabase } from "@/lib/db-url";

// Helpers shared by npm start, the test runs and the db:* scripts.

/** Runs the Prisma CLI against a database (CHECKPOINT_DISABLE: no telemetry call, which hangs offline). */
export function prisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}) {
  const result = spawnSync("npx", ["prisma", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: options.quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`prisma ${args.join(" ")} failed`);
  }
  return result.stdout ?? "";
}

export function migrate(databaseUrl: string) {
  prisma(["migrate", "deploy"], databaseUrl, { quiet: true });
}

/** Fails with one line naming the host and what to check, rather than a driver stack trace. */
export async function checkReachable(databaseUrl: string) {
  const config = poolConfigFromUrl(databaseUrl);
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot reach PostgreSQL at ${config.host}:${config.port} (database "${config.database}", user "${config.user}"): ${reason}. ` +
        `Check that the server is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    ...poolConfigFromUrl(withDatabase(serverUrl, "postgres")),
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `name`, empty or as a copy of `template` (which must have no open connections), owned by `owner` when given. */
export async function createDatabase(
  serverUrl: string,
  name: string,
  template?: string,
  owner?: string,
): Promise<string> {
  await withAdminClient(serverUrl, (c) =>
    c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}${owner ? ` OWNER "${owner}"` : ""}`),
  );
  return withDatabase(serverUrl, name);
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withAdminClient(
    serverUrl,
    async (c) => (await c.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1,
  );
}

export async function dropDatabase(serverUrl: string, name: string) {
  await withAdminClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function isSeeded(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const result = await client.query(`select count(*)::int as n from "Collaborative"`);
    return result.rows[0].n > 0;
  } finally {
    await client.end();
  }
}
