// The background worker: started beside the web server by `npm start`, or alone with
// `npx tsx --conditions=react-server lib/jobs/worker.ts`. Schedules and handlers come from the registry.
//
// What keeps a job from running twice, with any number of workers and restarts:
// - Schedules live in the database (pg-boss), so they survive restarts; pg-boss evaluates them in
//   one worker at a time and enqueues each occurrence once (`singletonSeconds` drops a repeat).
// - Every queue is "stately": at most one job of a kind waiting and one running, so a backlog
//   (e.g. after an outage) collapses into one run instead of a burst.
// - A handler runs under a PostgreSQL advisory lock per job name, held on its own connection: if a
//   job outlives its timeout and pg-boss hands a retry to another worker, the retry finds the lock
//   taken and stands down; if the worker dies, its connection closes and the lock is released.
// - A job interrupted by a restart (killed, or still running when a graceful stop times out) is
//   failed by pg-boss — at once on a graceful stop, after its timeout when killed — and retried, so
//   it completes once. Handlers must still be safe to run again (they may be interrupted half-way).
import "server-only";
import PgBoss from "pg-boss";
import pg from "pg";
import { env } from "@/lib/env";
import { poolConfigFromUrl } from "@/lib/db-url";
import { isDatabaseUnavailableError } from "@/lib/db-availability";
import { createBoss } from "./queue";
import { jobs as registry, type JobDefinition } from "./registry";

/** Cron expressions are read in UK time: "07:00" stays 07:00 through the clock changes. */
export const SCHEDULE_TIME_ZONE = "Europe/London";
const DEFAULT_TIMEOUT_SECONDS = 15 * 60;
// Two-key advisory locks (class, job): a space of their own, apart from single-key locks elsewhere.
const JOB_LOCK_CLASS = 4_141_001;

export type WorkerOptions = {
  jobs?: Record<string, JobDefinition>;
  databaseUrl?: string;
  /** How often an idle worker looks for work. */
  pollingIntervalSeconds?: number;
  /** pg-boss settings (tests shorten the intervals). */
  boss?: PgBoss.ConstructorOptions;
  /** How long a graceful stop waits for running jobs before failing them for a retry. */
  stopTimeoutMs?: number;
  /** First delay before a failed job is retried (doubling after that). */
  retryDelaySeconds?: number;
  log?: (message: string) => void;
};

export type RunningWorker = { stop: (options?: { graceful?: boolean }) => Promise<void> };

export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const jobs = options.jobs ?? registry;
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  const log = options.log ?? ((message: string) => console.log(`[jobs] ${message}`));
  const boss = createBoss(databaseUrl, { maintenanceIntervalSeconds: 60, ...options.boss });
  try {
    await boss.start();
    await setUpQueues(boss, databaseUrl, jobs, options);
    for (const [name, job] of Object.entries(jobs)) {
      await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([item]) => {
        const outcome = await runExclusively(databaseUrl, name, job.handler);
        if (outcome === "already-running")
          log(`${name}: already running in another worker; this run (${item?.id}) stands down`);
        return { outcome };
      });
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }

  return {
    stop: ({ graceful = true } = {}) => boss.stop({ graceful, timeout: options.stopTimeoutMs ?? 25_000 }),
  };
}

/**
 * Creates (or updates) each job's queue and schedule. Creating a queue is DDL (pg-boss makes a table
 * per queue), so migrations run this as the schema's owner (lib/cli/setup-job-queues.ts); a worker
 * running as the app role then only updates rows.
 */
export async function setUpQueues(
  boss: PgBoss,
  databaseUrl: string,
  jobs: Record<string, JobDefinition>,
  options: Pick<WorkerOptions, "retryDelaySeconds"> = {},
) {
  // Workers starting together would deadlock creating the same queue: one sets up at a time.
  await withSetupLock(databaseUrl, async () => {
    for (const [name, job] of Object.entries(jobs)) {
      const queue: PgBoss.Queue = {
        name,
        policy: "stately",
        expireInSeconds: job.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        retryLimit: job.retryLimit ?? 3,
        retryDelay: options.retryDelaySeconds ?? 30,
        retryBackoff: true,
      };
      // createQueue leaves an existing queue as it was: update it so changed settings take effect.
      if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
      else await boss.createQueue(name, queue);
      if (job.cron) await boss.schedule(name, job.cron, {}, { tz: SCHEDULE_TIME_ZONE, singletonSeconds: 60 });
      else await boss.unschedule(name);
    }
  });
}

async function lockClient(databaseUrl: string, label: string): Promise<pg.Client> {
  const client = new pg.Client({
    ...poolConfigFromUrl(databaseUrl),
    application_name: label.slice(0, 63),
    connectionTimeoutMillis: 10_000,
  });
  // A dropped connection (database restart) ends the lock; the work's own errors decide the outcome.
  client.on("error", () => {});
  await client.connect();
  return client;
}

async function withSetupLock(databaseUrl: string, work: () => Promise<void>): Promise<void> {
  const client = await lockClient(databaseUrl, "psc-jobs:setup");
  try {
    await client.query("SELECT pg_advisory_lock($1, 0)", [JOB_LOCK_CLASS]);
    await work();
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs the handler while holding the job's advisory lock; never two at once anywhere. */
export async function runExclusively(
  databaseUrl: string,
  name: string,
  handler: () => Promise<unknown>,
): Promise<"done" | "already-running"> {
  const client = await lockClient(databaseUrl, `psc-job:${name}`);
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked",
      [JOB_LOCK_CLASS, name],
    );
    if (!rows[0]?.locked) return "already-running";
    await handler();
    return "done";
  } finally {
    // Closing the session releases the lock.
    await client.end().catch(() => {});
  }
}

/** Started while the database is down or restarting, the worker waits for it rather than exiting. */
async function startWhenDatabaseIsUp(): Promise<RunningWorker> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWorker();
    } catch (error) {
      if (!isDatabaseUnavailableError(error)) throw error;
      const seconds = Math.min(30, 2 ** attempt);
      console.error(`[jobs] the database is unreachable; trying again in ${seconds} s`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const worker = await startWhenDatabaseIsUp();
  console.log(`[jobs] worker running: ${Object.keys(registry).join(", ") || "no jobs registered"}`);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void worker.stop().finally(() => process.exit(0));
    });
  }
}
