import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { poolConfigFromUrl } from "@/lib/db-url";

// Background jobs run on PostgreSQL (pg-boss): they survive restarts, and a scheduled job runs once
// per schedule however many workers are up (see lib/jobs/worker.ts for how).

export const QUEUE_SCHEMA = "pgboss";

/** A pg-boss instance on the given database. Errors are logged in one line (while the database is down, every poll fails). */
export function createBoss(databaseUrl: string, options: PgBoss.ConstructorOptions = {}): PgBoss {
  const instance = new PgBoss({
    ...poolConfigFromUrl(databaseUrl),
    schema: QUEUE_SCHEMA,
    application_name: "psc-jobs",
    ...options,
  });
  instance.on("error", (error: Error) => console.error(`[jobs] ${error.message}`));
  return instance;
}

let boss: PgBoss | undefined;

/** The process's queue, for sending jobs (web requests that ask for work to be done later). */
export async function getQueue(): Promise<PgBoss> {
  if (!boss) {
    const instance = createBoss(env().DATABASE_URL);
    await instance.start();
    boss = instance;
  }
  return boss;
}

export async function stopQueue() {
  await boss?.stop({ graceful: true, timeout: 10_000 });
  boss = undefined;
}
