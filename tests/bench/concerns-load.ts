// `npm run bench concerns-load`: "never lose one". Sends at least 2,000 concern submissions, about 50
// at a time, through the real form action of a production build (multipart POSTs exactly as a browser
// sends the form with JavaScript switched off), including deliberate double clicks and retries that
// reuse an idempotency key; then counts rows: every acknowledged reference must exist, once, with its
// first status entry, and every duplicate must have been given the original's reference.
//
// Settings (environment): BENCH_URL to use a running server instead of starting one (it must see each
// request's X-Forwarded-For as its address, e.g. TRUST_PROXY=1 behind nothing); BENCH_SUBMISSIONS
// (default 2000), BENCH_CONCURRENCY (default 50), BENCH_PORT (default: a free port).
import { idempotencyKeyHash, idempotencySecretFrom } from "@/lib/concerns/tracking-token";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { createMigratedDatabase, startTestServer } from "@/lib/cli/test-database";
import { loadLocalEnv } from "@/lib/cli/local-env";
import { poolConfigFromUrl } from "@/lib/db-url";

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const DOUBLE_CLICK_SHARE = 0.1; // sent twice at the same moment
const RETRY_SHARE = 0.05; // sent again after the first answer (a lost response, a refresh)

type Attempt = {
  key: string;
  kind: "first" | "double-click" | "retry";
  ms: number;
  status: number;
  reference: string | null;
  error?: string;
};

/** A port nothing listens on (other servers may be running on this machine). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{
  baseUrl: string;
  databaseUrl: string | null;
  encryptionKey: string;
  stop: () => Promise<void>;
}> {
  if (process.env.BENCH_URL) {
    return {
      baseUrl: process.env.BENCH_URL.replace(/\/$/, ""),
      databaseUrl: process.env.DATABASE_URL ?? null,
      encryptionKey: process.env.CONCERN_ENCRYPTION_KEY ?? "",
      stop: async () => {},
    };
  }
  loadLocalEnv({ createSecrets: false });
  const encryptionKey = process.env.CONCERN_ENCRYPTION_KEY ?? randomBytes(32).toString("base64");
  const server = await startTestServer();
  const database = await createMigratedDatabase(server.serverUrl, "psc_bench");
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  let mailPort = await freePort();
  while (mailPort === port) mailPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(
    `• Production server on ${baseUrl}, database ${database.name} (lib/cli/start.ts builds first if the sources changed)`,
  );
  const child: ChildProcess = spawn("npx", ["tsx", "lib/cli/start.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: baseUrl,
      // Every simulated reporter has their own address (X-Forwarded-For), as behind a real proxy.
      TRUST_PROXY: "1",
      CONCERN_ENCRYPTION_KEY: encryptionKey,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      MAIL_CAPTURE_PORT: String(mailPort),
      MAIL_CAPTURE_DIR: join("/tmp", `psc-bench-mail-${process.pid}`),
    },
  });
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 2000));
    await database.drop().catch(() => {});
    await server.stop();
  };
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server stopped before it was ready:\n${log.slice(-3000)}`);
    }
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { baseUrl, databaseUrl: database.url, encryptionKey, stop };
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error(`The server was not ready within 15 minutes:\n${log.slice(-3000)}`);
}

/** The hidden inputs React renders into the form for its server action ($ACTION_REF_1, $ACTION_1:0, $ACTION_KEY…). */
async function actionFields(baseUrl: string): Promise<[string, string][]> {
  const html = await (await fetch(`${baseUrl}/concerns/new`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/g;
  for (const match of html.matchAll(form)) {
    if (!match[1]!.includes('name="idempotencyKey"')) continue;
    const fields: [string, string][] = [];
    for (const input of match[1]!.matchAll(/<input([^>]*)>/g)) {
      const attrs = input[1]!;
      const name = /name="([^"]*)"/.exec(attrs)?.[1];
      if (name?.startsWith("$ACTION")) fields.push([decode(name), decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? "")]);
    }
    if (fields.length === 0)
      throw new Error("The concern form has no server action fields: is it still a <form action={serverAction}>?");
    return fields;
  }
  throw new Error("No concern form found at /concerns/new");
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function formFor(key: string, n: number, hidden: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of hidden) form.append(name, value);
  const contact = n % 4 === 0;
  const fields: Record<string, string> = {
    idempotencyKey: key,
    website: "",
    whatHappened: `Load test concern ${n}: my mother waited a long time for her medicines on the ward, and the dose was missed.`,
    happenedWhen: "last-week",
    postcode: "SO16 6YD",
    organisationText: "",
    region: "",
    collaborative: "wessex", // the answer to "This postcode is usually covered by … Is that right?"
    pathwayStage: "inpatient-ward",
    priorityArea: "medication-safety",
    impact: "She was in pain overnight.",
    whatWouldHaveHelped: "Having her own medicines with her.",
    reporterRelation: "CARER",
    contactPreference: contact ? "contact" : "anonymous",
    contactName: contact ? `Bench Reporter ${n}` : "",
    contactEmail: contact ? `bench-${n}@example.com` : "",
    contactPhone: "",
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

async function post(
  baseUrl: string,
  form: FormData,
  ip: string,
): Promise<{ status: number; reference: string | null; ms: number; error?: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/concerns/new`, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { "x-forwarded-for": ip },
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("psc-concern-sent="));
    await response.arrayBuffer();
    const reference = cookie ? (/psc-concern-sent=(PSC-[A-Z0-9]{4}-[A-Z0-9]{4})\./.exec(cookie)?.[1] ?? null) : null;
    // Acknowledged = redirected to the confirmation page (or first to urgent help) with the reference: what the person sees.
    const acknowledged =
      response.status === 303 &&
      /\/concerns\/(confirmation|urgent-help)$/.test(response.headers.get("location") ?? "") &&
      reference;
    return { status: response.status, reference: acknowledged ? reference : null, ms: performance.now() - started };
  } catch (error) {
    return {
      status: 0,
      reference: null,
      ms: performance.now() - started,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function percentile(sorted: number[], p: number) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function run() {
  const { baseUrl, databaseUrl, encryptionKey, stop } = await startServer();
  try {
    const hidden = await actionFields(baseUrl);
    const keys: string[] = Array.from({ length: SUBMISSIONS }, () => randomUUID());
    const ipOf = new Map(keys.map((k, i) => [k, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`]));
    // The work list: every key once, some twice at the same moment, some again after they were answered.
    type Job = { key: string; n: number; kind: Attempt["kind"] };
    const jobs: Job[] = [];
    keys.forEach((key, n) => {
      jobs.push({ key, n, kind: "first" });
      if (n % Math.round(1 / DOUBLE_CLICK_SHARE) === 1) jobs.push({ key, n, kind: "double-click" });
    });
    const retries: Job[] = keys
      .filter((_, n) => n % Math.round(1 / RETRY_SHARE) === 2)
      .map((key) => ({ key, n: keys.indexOf(key), kind: "retry" as const }));

    const attempts: Attempt[] = [];
    const runAll = async (list: Job[]) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < list.length) {
            const job = list[next++]!;
            const result = await post(baseUrl, formFor(job.key, job.n, hidden), ipOf.get(job.key)!);
            attempts.push({ key: job.key, kind: job.kind, ...result });
          }
        }),
      );
    };
    console.log(
      `• Sending ${jobs.length} submissions (${SUBMISSIONS} concerns, ${jobs.length - SUBMISSIONS} double clicks), ${CONCURRENCY} at a time…`,
    );
    const started = performance.now();
    await runAll(jobs);
    const seconds = (performance.now() - started) / 1000;
    console.log(`• Then ${retries.length} retries of submissions that were already answered…`);
    await runAll(retries);

    // Count rows.
    const client = new pg.Client(poolConfigFromUrl(databaseUrl ?? process.env.DATABASE_URL!));
    await client.connect();
    // Only a keyed hash of each key is stored: hash the keys with the server's secret to find them.
    const secret = idempotencySecretFrom(Buffer.from(encryptionKey, "base64"));
    const keyOfHash = new Map(keys.map((key) => [idempotencyKeyHash(key, secret), key]));
    const rows = (
      await client.query<{ keyHash: string; reference: string; statusChanges: number }>(
        `SELECT k."idempotencyKeyHash" AS "keyHash", k.reference, (SELECT count(*)::int FROM "ConcernStatusChange" s WHERE s."concernId" = k.id) AS "statusChanges"
         FROM "Concern" k WHERE k."idempotencyKeyHash" = ANY($1::text[])`,
        [[...keyOfHash.keys()]],
      )
    ).rows.map(({ keyHash, ...row }) => ({ ...row, idempotencyKey: keyOfHash.get(keyHash)! }));
    await client.end();
    const stored = new Map(rows.map((r) => [r.idempotencyKey, r]));

    const acknowledged = attempts.filter((a) => a.reference);
    const missing = acknowledged.filter((a) => stored.get(a.key)?.reference !== a.reference);
    const unanswered = attempts.filter((a) => !a.reference);
    const storedTwice = rows.length - stored.size;
    const withoutFirstStatus = rows.filter((r) => r.statusChanges !== 1);
    const orphans = rows.filter((r) => !acknowledged.some((a) => a.key === r.idempotencyKey));

    const firstLatencies = attempts
      .filter((a) => a.kind !== "retry")
      .map((a) => a.ms)
      .sort((x, y) => x - y);
    const summary = {
      submissions: jobs.length + retries.length,
      concerns: SUBMISSIONS,
      doubleClicks: jobs.length - SUBMISSIONS,
      retries: retries.length,
      concurrency: CONCURRENCY,
      acknowledged: acknowledged.length,
      notAcknowledged: unanswered.length,
      notAcknowledgedStatuses: [...new Set(unanswered.map((a) => a.error ?? String(a.status)))],
      rowsStored: rows.length,
      acknowledgedButMissing: missing.length,
      duplicateRows: storedTwice,
      rowsWithoutExactlyOneStatusEntry: withoutFirstStatus.length,
      storedButNeverAcknowledged: orphans.length,
      throughputPerSecond: Math.round((jobs.length / seconds) * 10) / 10,
      seconds: Math.round(seconds * 10) / 10,
      latencyMs: {
        p50: Math.round(percentile(firstLatencies, 50)),
        p95: Math.round(percentile(firstLatencies, 95)),
        p99: Math.round(percentile(firstLatencies, 99)),
        max: Math.round(firstLatencies.at(-1) ?? NaN),
      },
    };
    console.log(JSON.stringify(summary, null, 2));
    mkdirSync("tests/bench/results", { recursive: true });
    writeFileSync(
      "tests/bench/results/concerns-load.json",
      JSON.stringify({ at: new Date().toISOString(), ...summary }, null, 2),
    );

    const problems = [
      summary.acknowledged < SUBMISSIONS + summary.doubleClicks + summary.retries &&
        `${summary.notAcknowledged} submissions were not acknowledged`,
      missing.length > 0 &&
        `${missing.length} acknowledged references are not in the database (or differ from what was shown)`,
      rows.length !== SUBMISSIONS && `${rows.length} rows for ${SUBMISSIONS} concerns`,
      storedTwice > 0 && `${storedTwice} duplicate rows`,
      withoutFirstStatus.length > 0 && `${withoutFirstStatus.length} concerns without exactly one first status entry`,
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(`concerns-load: ${problems.join("; ")}`);
    else {
      console.log(
        `✔ concerns-load: ${SUBMISSIONS} concerns, every acknowledged reference stored exactly once; ${summary.throughputPerSecond} submissions/s, p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms`,
      );
    }
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
