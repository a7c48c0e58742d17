/**
 * `npm run bench -- dashboard`: the national dashboard at national scale.
 *
 * 1. Generates scale-1 data (prisma/generate) into a scratch database, psc_bench_scale1, once; later
 *    runs reuse it (it is recreated only when incomplete; BENCH_REGENERATE=1 forces it).
 * 2. Starts the production server on it (lib/cli/start.ts: builds when the sources changed).
 * 3. Signs in as a national user with a session cookie made the way next-auth makes one (a JWT
 *    encoded with NEXTAUTH_SECRET), warms up, then runs autocannon with 10 connections against
 *    /national and against a page with no data (/accessibility, signed out) as the floor.
 * 4. Prints p50/p95 latency and requests per second for both, and EXPLAIN ANALYZE of the slowest
 *    statement of a cold dashboard load.
 * Goal: /national p95 under 300 ms and within 5× of the floor, on a 2-core machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { checkReachable, createDatabase, databaseExists, dropDatabase, migrate } from "@/lib/cli/database";
import { poolConfigFromUrl, withDatabase } from "@/lib/db-url";

const BENCH_DATABASE = "psc_bench_scale1";
const PORT = Number(process.env.BENCH_PORT ?? 3381);
const MAIL_PORT = Number(process.env.BENCH_MAIL_PORT ?? 2781);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = 10;
const NATIONAL_EMAIL = "bench.national@generated.nhs.uk";
const SECRET = process.env.NEXTAUTH_SECRET ?? `bench-${randomBytes(24).toString("hex")}`;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Complete when generated and its summaries refreshed (an interrupted generation is redone). */
async function isComplete(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const { rows } = await c
      .query<{ projects: number; refreshed: number }>(
        `SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "DashboardSummaryRefresh")::int AS refreshed`,
      )
      .catch(() => ({ rows: [{ projects: 0, refreshed: 0 }] }));
    return rows[0]!.projects >= 20_000 && rows[0]!.refreshed > 0;
  });
}

async function prepareDatabase(serverUrl: string): Promise<string> {
  const url = withDatabase(serverUrl, BENCH_DATABASE);
  if ((await databaseExists(serverUrl, BENCH_DATABASE)) && !process.env.BENCH_REGENERATE && (await isComplete(url))) {
    migrate(url);
    console.log(`• Reusing ${BENCH_DATABASE} (set BENCH_REGENERATE=1 to rebuild it).`);
    return url;
  }
  await dropDatabase(serverUrl, BENCH_DATABASE);
  await createDatabase(serverUrl, BENCH_DATABASE);
  migrate(url);
  process.env.DATABASE_URL = url;
  console.log("• Reference data…");
  const { db } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/prisma/seed/reference-data");
  await seedReferenceData(db);
  console.log("• Generating scale-1 data (a few minutes)…");
  const started = Date.now();
  const { generate } = await import("@/prisma/generate/index");
  const counts = await generate(url, 1, (line) => console.log(line));
  const { refreshDashboardSummaries } = await import("@/lib/dashboard/summaries");
  const refresh = await refreshDashboardSummaries({ force: true });
  console.log(
    `  ${JSON.stringify(counts)}; summaries ${refresh.durationMs} ms; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return url;
}

async function nationalCookie(url: string): Promise<string> {
  const sid = `bench-national-${Date.now()}`;
  const user = await withClient(url, async (c) => {
    await c.query(
      `INSERT INTO "User" (id, email, name, "globalRole", "updatedAt") VALUES ('bench-national', $1, 'Bench National', 'NATIONAL', now()) ON CONFLICT (email) DO NOTHING`,
      [NATIONAL_EMAIL],
    );
    const row = (
      await c.query<{ id: string; sessionVersion: number }>(
        `SELECT id, "sessionVersion" FROM "User" WHERE email = $1`,
        [NATIONAL_EMAIL],
      )
    ).rows[0]!;
    await c.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '8 hours')`, [
      sid,
      row.id,
    ]);
    return row;
  });
  // The same claims lib/auth/options.ts puts in the token at sign-in (uid, sv, sid).
  const token = await encode({
    token: { sub: user.id, uid: user.id, sv: user.sessionVersion, sid, name: "Bench National", email: NATIONAL_EMAIL },
    secret: SECRET,
  });
  return `next-auth.session-token=${token}`;
}

/** Another server already on the port would be measured instead of ours: refuse. */
async function ensurePortFree(port: number) {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
  if (inUse) throw new Error(`Port ${port} is in use: set BENCH_PORT (and BENCH_MAIL_PORT) to free ports.`);
}

async function startServer(url: string): Promise<ChildProcess> {
  await ensurePortFree(PORT);
  await ensurePortFree(MAIL_PORT);
  const server = spawn("npx", ["tsx", "lib/cli/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: SECRET,
      CONCERN_ENCRYPTION_KEY: process.env.CONCERN_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
      MAIL_CAPTURE_PORT: String(MAIL_PORT),
      MAIL_CAPTURE_DIR: "/tmp/psc-bench-mail",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server stopped:\n${output.slice(-3000)}`);
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`The server did not start in time:\n${output.slice(-3000)}`);
}

type Figures = { p50: number; p95: number; rps: number; requests: number; errors: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(path: string, headers: Record<string, string>): Promise<Figures> {
  const times: number[] = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${PORT}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers,
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** Every aggregate statement of one cold dashboard load, each EXPLAIN ANALYZEd; the slowest's plan. */
async function slowestQuery(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { getDashboard, recordDashboardSql } = await import("@/lib/dashboard/queries");
  const { clearDashboardCache } = await import("@/lib/dashboard/cache");
  const { parseDashboardFilters } = await import("@/lib/dashboard/filters");
  type Statement = { text: string; values: unknown[] };
  const statements: Statement[] = [];
  recordDashboardSql((s) => {
    statements.push({ text: s.text, values: s.values });
  });
  clearDashboardCache();
  const viewer = {
    userId: "bench-national",
    name: "Bench National",
    email: NATIONAL_EMAIL,
    globalRole: "NATIONAL" as const,
    memberships: [],
  };
  const { filters } = parseDashboardFilters({}, { areas: [], collaboratives: [] });
  const started = Date.now();
  await getDashboard(viewer, { kind: "national" }, filters);
  const coldMs = Date.now() - started;
  recordDashboardSql(undefined);
  const plans: { ms: number; text: string; plan: string }[] = [];
  for (const s of statements) {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
      ...s.values,
    );
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    plans.push({ ms, text: s.text, plan });
  }
  plans.sort((a, b) => b.ms - a.ms);
  await db.$disconnect();
  return { coldMs, plans };
}

export async function run() {
  const serverUrl =
    process.env.TEST_DATABASE_SERVER_URL ??
    process.env.BENCH_DATABASE_SERVER_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  await checkReachable(serverUrl);
  const url = await prepareDatabase(serverUrl);
  const cookie = await nationalCookie(url);
  console.log(
    `• Starting the production server on port ${PORT} (${process.env.WEB_CONCURRENCY ?? `one process per core: ${availableParallelism()}`} web processes; WEB_CONCURRENCY changes it; load average now ${loadavg()[0]!.toFixed(2)})…`,
  );
  const server = await startServer(url);
  try {
    const check = await fetch(`http://127.0.0.1:${PORT}/national`, { headers: { cookie }, redirect: "manual" });
    const body = await check.text();
    // (Not a check for the access-denied wording: every page's payload carries the 403 page's text for the client router.)
    if (check.status !== 200 || !body.includes('data-testid="coverage-matrix"')) {
      throw new Error(`/national did not render the dashboard for the bench user (status ${check.status}).`);
    }
    console.log(`• /national: ${(body.length / 1024).toFixed(0)} KB of HTML. Warming up…`);
    for (let i = 0; i < 30; i++) {
      await fetch(`http://127.0.0.1:${PORT}/national`, { headers: { cookie } }).then((r) => r.text());
      await fetch(`http://127.0.0.1:${PORT}/accessibility`).then((r) => r.text());
    }
    console.log(`• autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each…`);
    const floor = await load("/accessibility", {});
    const dashboard = await load("/national", { cookie });
    const row = (name: string, f: Figures) =>
      `${name.padEnd(34)} p50 ${f.p50.toFixed(0).padStart(5)} ms   p95 ${f.p95.toFixed(0).padStart(5)} ms   ${f.rps.toFixed(1).padStart(7)} req/s   (${f.requests} requests, ${f.errors} errors)`;
    console.log("");
    console.log(row("/national (signed in, warm)", dashboard));
    console.log(row("/accessibility (floor)", floor));
    const ratio = dashboard.p95 / floor.p95;
    console.log(
      `load average after the runs: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")}`,
    );
    console.log(
      `p95 ratio dashboard/floor: ${ratio.toFixed(2)}×   goals: p95 < 300 ms ${dashboard.p95 < 300 ? "met" : "NOT met"}, within 5× ${ratio <= 5 ? "met" : "NOT met"}`,
    );
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
  const { coldMs, plans } = await slowestQuery(url);
  console.log(
    `\n• A cold dashboard load (every aggregate, nothing cached) took ${coldMs} ms; statements by execution time:`,
  );
  for (const p of plans)
    console.log(`  ${p.ms.toFixed(1).padStart(8)} ms  ${p.text.replace(/\s+/g, " ").slice(0, 110)}…`);
  const slowest = plans[0];
  if (slowest) {
    console.log(`\n• The slowest statement's plan:\n${slowest.text.replace(/^\s+/gm, "  ")}\n\n${slowest.plan}`);
  }
}
