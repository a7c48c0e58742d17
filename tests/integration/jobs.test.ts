// Background jobs on a real PostgreSQL (pg-boss), with more than one worker and with restarts:
// a scheduled occurrence runs once however many workers race for it, never twice at the same time,
// and a job interrupted by a restart (graceful or killed) is completed once afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "@/lib/cli/database";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { jobs as registry } from "@/lib/jobs/registry";
import { QUEUE_SCHEMA, createBoss } from "@/lib/jobs/queue";
import { createRunsTable, fastBoss, overlapping, recordingJob, runsOf, withClient } from "@/tests/fixtures/jobs";

const serverUrl = inject("serverUrl");
const databaseName = `psc_jobs_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
let url: string;
const running: RunningWorker[] = [];
const children: ChildProcess[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function worker(jobs: NonNullable<Parameters<typeof startWorker>[0]>["jobs"]) {
  const started = await startWorker({
    databaseUrl: url,
    jobs,
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    boss: fastBoss,
    stopTimeoutMs: 15_000,
    log: () => {},
  });
  running.push(started);
  return started;
}

/** pg-boss's record of a job's runs: live rows and archived ones. */
async function jobStates(name: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ state: string }>(
      `SELECT state FROM ${QUEUE_SCHEMA}.job WHERE name = $1 UNION ALL SELECT state FROM ${QUEUE_SCHEMA}.archive WHERE name = $1`,
      [name],
    );
    return rows.map((r) => r.state).sort();
  });
}

/** Nothing of `name` is waiting, running or due for a retry: no further run can start without a new request. */
async function idle(name: string): Promise<boolean> {
  return (await jobStates(name)).every((state) => state === "completed" || state === "failed" || state === "cancelled");
}

/**
 * Waits until pg-boss has evaluated the schedules twice more (the version table's cron_on moves on each
 * time), every occurrence it sent for `name` has been queued or dropped, and `name` is idle: after this, any
 * duplicate occurrence would have shown. An event to wait for, instead of a sleep long enough "in practice".
 */
async function schedulesSettled(name: string) {
  const checkedAt = () =>
    withClient(
      url,
      async (c) =>
        (
          await c.query<{ at: Date | null }>(`SELECT cron_on AS at FROM ${QUEUE_SCHEMA}.version`)
        ).rows[0]?.at?.getTime() ?? 0,
    );
  for (let tick = 0, last = await checkedAt(); tick < 2; tick++) {
    last = await waitFor("pg-boss to check the schedules", async () => {
      const at = await checkedAt();
      return at > last && at;
    });
  }
  const sending = () =>
    withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = '__pgboss__send-it' AND data->>'name' = $1 AND state < 'completed'`,
            [name],
          )
        ).rowCount,
    );
  await waitFor("the sent occurrences to be queued", async () => (await sending()) === 0 && (await idle(name)));
}

/** A cron expression due in one minute of the year only (UK time): the minute `at` falls in. */
function onlyTheMinuteOf(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return `${part("minute")} ${part("hour")} ${part("day")} ${part("month")} *`;
}

async function send(name: string) {
  const boss = createBoss(url);
  await boss.start();
  try {
    return await boss.send(name, {});
  } finally {
    await boss.stop({ graceful: false });
  }
}

beforeAll(async () => {
  // A database of its own: pg-boss makes its schema there, and the workers' timing is not disturbed.
  url = await createDatabase(serverUrl, databaseName);
  await createRunsTable(url);
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(running.splice(0).map((w) => w.stop({ graceful: false }).catch(() => {})));
});

afterAll(async () => {
  await dropDatabase(serverUrl, databaseName);
});

describe("background jobs", () => {
  it("registers every job in the registry with a schedule in UK time", async () => {
    const w = await worker(registry);
    const schedules = await withClient(
      url,
      async (c) =>
        (
          await c.query<{ name: string; cron: string; timezone: string }>(
            `SELECT name, cron, timezone FROM ${QUEUE_SCHEMA}.schedule`,
          )
        ).rows,
    );
    const expected = Object.entries(registry)
      .filter(([, j]) => j.cron)
      .map(([name, j]) => ({ name, cron: j.cron, timezone: "Europe/London" }));
    expect(expected.length).toBeGreaterThan(0);
    expect(schedules.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name)),
    );
    const policies = await withClient(
      url,
      async (c) =>
        (
          await c.query<{ name: string; policy: string }>(
            `SELECT name, policy FROM ${QUEUE_SCHEMA}.queue WHERE name = ANY($1)`,
            [Object.keys(registry)],
          )
        ).rows,
    );
    expect(policies.map((p) => p.policy)).toEqual(Object.keys(registry).map(() => "stately"));
    await w.stop();
  });

  it("runs a scheduled occurrence once when two workers race for it, and not again after they restart", async () => {
    // A schedule due in a single minute: however long the test takes, no second occurrence can fall due
    // during it. An occurrence can be sent for the rest of its minute, so with under 20 s of it left the
    // next minute is chosen (and the workers wait for it to start).
    const now = new Date();
    const cron = onlyTheMinuteOf(now.getUTCSeconds() < 40 ? now : new Date(now.getTime() + 60_000));
    const job = `test.tick-${Date.now()}`;
    const jobs = (label: string) => ({ [job]: recordingJob(url, job, label, 300, { cron }) });
    const [a, b] = await Promise.all([worker(jobs("a")), worker(jobs("b"))]);
    await waitFor("the scheduled run", async () => (await runsOf(url, job)).some((r) => r.finished_at), 90_000);
    await schedulesSettled(job);
    expect(await runsOf(url, job)).toHaveLength(1);
    await Promise.all([a.stop(), b.stop()]);
    const c = await worker(jobs("c"));
    await schedulesSettled(job);
    await c.stop();
    expect(await runsOf(url, job)).toHaveLength(1);
    expect(await jobStates(job)).toEqual(["completed"]);
  }, 150_000);

  it("never runs the same job twice at once: requests while it runs collapse into one more run", async () => {
    const job = `test.busy-${Date.now()}`;
    await Promise.all([
      worker({ [job]: recordingJob(url, job, "a", 1_500) }),
      worker({ [job]: recordingJob(url, job, "b", 1_500) }),
    ]);
    await send(job);
    await waitFor("the first run to start", async () => (await runsOf(url, job)).length > 0);
    // Five more requests while it runs: one waits (stately queue), the rest are dropped.
    for (let i = 0; i < 5; i++) await send(job);
    await waitFor("two completed runs", async () => (await runsOf(url, job)).filter((r) => r.finished_at).length === 2);
    await waitFor("nothing left to run", () => idle(job));
    const runs = await runsOf(url, job);
    expect(runs).toHaveLength(2);
    expect(overlapping(runs)).toBe(false);
    expect(await jobStates(job)).toEqual(["completed", "completed"]);
  }, 60_000);

  it("lets a job that is running when the worker stops finish, and does not run it again after the restart", async () => {
    const job = `test.graceful-${Date.now()}`;
    const first = await worker({ [job]: recordingJob(url, job, "first", 2_000) });
    await send(job);
    await waitFor("the run to start", async () => (await runsOf(url, job)).length > 0);
    await first.stop(); // graceful: waits for the running job
    const [run] = await runsOf(url, job);
    expect(run!.finished_at).not.toBeNull();
    expect(await jobStates(job)).toEqual(["completed"]);
    // The restarted worker takes the next request, and only that: the first run is not repeated.
    await worker({ [job]: recordingJob(url, job, "second", 100) });
    expect(await send(job)).not.toBeNull();
    await waitFor("the next request's run", async () =>
      (await runsOf(url, job)).some((r) => r.worker === "second" && r.finished_at),
    );
    await waitFor("nothing left to run", () => idle(job));
    expect((await runsOf(url, job)).map((r) => r.worker)).toEqual(["first", "second"]);
    expect(await jobStates(job)).toEqual(["completed", "completed"]);
  }, 60_000);

  it("completes once, after the restart, a job whose worker was killed half-way", async () => {
    const job = `test.killed-${Date.now()}`;
    const child = spawn("npx", ["tsx", "--conditions=react-server", "tests/fixtures/jobs-worker-child.ts"], {
      env: {
        ...process.env,
        JOBS_TEST_DATABASE_URL: url,
        JOBS_TEST_JOB: job,
        JOBS_TEST_WORKER: "killed",
        JOBS_TEST_MS: "60000",
      },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    children.push(child);
    await waitFor(
      "the child worker",
      () =>
        new Promise<boolean>(
          (resolve) => (child.stdout!.once("data", () => resolve(true)), setTimeout(() => resolve(false), 30_000)),
        ),
      60_000,
    );
    await send(job);
    await waitFor("the run to start in the child", async () => (await runsOf(url, job)).length > 0);
    process.kill(-child.pid!, "SIGKILL");
    // A new worker: pg-boss fails the orphaned run after its timeout (2 s here) and retries it.
    await worker({ [job]: recordingJob(url, job, "after-restart", 500, { timeoutSeconds: 2 }) });
    await waitFor(
      "the retried run to finish",
      async () => (await runsOf(url, job)).some((r) => r.worker === "after-restart" && r.finished_at),
      45_000,
    );
    await waitFor("nothing left to run", () => idle(job));
    const runs = await runsOf(url, job);
    expect(runs.map((r) => [r.worker, r.finished_at !== null])).toEqual([
      ["killed", false],
      ["after-restart", true],
    ]);
    expect(await jobStates(job)).toEqual(["completed"]);
  }, 90_000);

  it("a retry of a job that outlived its timeout stands down while the first run is still going", async () => {
    const job = `test.slow-${Date.now()}`;
    // 5 s of work against a 2 s timeout: pg-boss retries it in the other worker while it still runs.
    await Promise.all([
      worker({ [job]: recordingJob(url, job, "a", 5_000, { timeoutSeconds: 2, retryLimit: 1 }) }),
      worker({ [job]: recordingJob(url, job, "b", 5_000, { timeoutSeconds: 2, retryLimit: 1 }) }),
    ]);
    await send(job);
    await waitFor("the run to finish", async () => (await runsOf(url, job)).some((r) => r.finished_at), 30_000);
    // The retry has been handed out and stood down (or was never needed): nothing is waiting or running.
    await waitFor("nothing left to run", () => idle(job), 30_000);
    const runs = await runsOf(url, job);
    expect(runs).toHaveLength(1);
    expect(overlapping(runs)).toBe(false);
  }, 60_000);
});
