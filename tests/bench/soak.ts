// `npm run bench -- soak`: realistic mixed traffic against a production build for a long stretch —
// public pages, learning search, concern submissions, staff editing projects, leads triaging and
// the dashboards — from 20 concurrent clients for 5 minutes. Reports per-route p50/p95/p99, errors,
// throughput, edit conflicts the portal showed, the machine's load average, and the server process's
// resident memory (from /proc) each minute beside its V8 heap after the last full collection (from
// --trace-gc), which tells a leak (the live heap climbs) from a heap V8 merely lets grow. For each
// failure it prints what the page said and what the server logged.
//
// The portal runs on its own embedded PostgreSQL (temporary folder, random port) with the demo data,
// with the job worker beside it. Signed-in clients carry the session cookie the sign-in sets.
// Settings (environment): SOAK_SECONDS (300), SOAK_CLIENTS (20), SOAK_THINK_MS (mean pause between a
// client's requests, 200), SOAK_WARMUP_SECONDS (20).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db-url";
import { serverNodeOptions } from "@/lib/cli/server-heap";
import { PortalUnderTest } from "@/tests/fixtures/portal-process";
import {
  concernFormAction,
  currentFormValues,
  get,
  postForm,
  sessionCookie,
  submitConcernForm,
  type Outcome,
} from "@/tests/fixtures/portal-client";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 20);
const THINK_MS = Number(process.env.SOAK_THINK_MS ?? 200);
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 20);
const SEARCHES = ["falls", "sepsis", "pressure ulcers", "medication", "discharge", "fals", "deterioration", "handover"];

type Person = { id: string; name: string; email: string; sessionVersion: number };
type World = {
  slugs: string[];
  learningSlugs: string[];
  staff: { person: Person; projectIds: string[] }[];
  lead: { person: Person; slug: string; concernIds: string[] };
  national: Person;
};

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function discover(databaseUrl: string): Promise<World> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    const person = `u.id, u.name, u.email, u."sessionVersion"`;
    const slugs = (await client.query<{ slug: string }>(`SELECT slug FROM "Collaborative" ORDER BY slug`)).rows.map(
      (r) => r.slug,
    );
    const learningSlugs = (
      await client.query<{ slug: string }>(`SELECT slug FROM "LearningItem" WHERE status = 'PUBLISHED'`)
    ).rows.map((r) => r.slug);
    const staffRows = (
      await client.query<Person & { projectIds: string[] }>(
        `SELECT ${person}, array_agg(p.id) AS "projectIds" FROM "User" u JOIN "Project" p ON p."createdById" = u.id
         WHERE u.email LIKE 'staff.%@demo.nhs.uk' GROUP BY u.id ORDER BY u.email`,
      )
    ).rows;
    const lead = (
      await client.query<Person>(`SELECT ${person} FROM "User" u WHERE u.email = 'lead.wessex@demo.nhs.uk'`)
    ).rows[0]!;
    const concernIds = (
      await client.query<{ id: string }>(
        `SELECT k.id FROM "Concern" k JOIN "Collaborative" c ON c.id = k."collaborativeId" WHERE c.slug = 'wessex' LIMIT 50`,
      )
    ).rows.map((r) => r.id);
    const national = (
      await client.query<Person>(`SELECT ${person} FROM "User" u WHERE u.email = 'national@demo.nhs.uk'`)
    ).rows[0]!;
    if (staffRows.length === 0) throw new Error("The demo data has no staff with projects");
    return {
      slugs,
      learningSlugs,
      staff: staffRows.map(({ projectIds, ...p }) => ({ person: p, projectIds })),
      lead: { person: lead, slug: "wessex", concernIds },
      national,
    };
  } finally {
    await client.end();
  }
}

class Recorder {
  readonly byRoute = new Map<string, { ms: number[]; errors: number; statuses: Record<string, number> }>();
  /** What the page said, for the first few failures (e.g. the form's error summary). */
  readonly failures: { route: string; status: number; said: string }[] = [];
  measuring = false;
  /** Edit conflicts the portal showed (and the client resolved by re-reading): not errors. */
  conflicts = 0;
  record(route: string, outcome: Outcome, ok: (o: Outcome) => boolean = (o) => o.status === 200) {
    if (!this.measuring) return;
    const entry = this.byRoute.get(route) ?? { ms: [], errors: 0, statuses: {} };
    entry.ms.push(outcome.ms);
    const status = outcome.status === 0 ? `error: ${outcome.error}` : String(outcome.status);
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    if (!ok(outcome)) {
      entry.errors += 1;
      if (this.failures.length < 10) {
        const text = outcome.body
          .replace(/<script[\s\S]*?<\/script>/gi, "")
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ");
        const at = text.indexOf("There is a problem");
        this.failures.push({
          route,
          status: outcome.status,
          said: (at >= 0 ? text.slice(at, at + 300) : text.slice(0, 300)).trim() || (outcome.error ?? "(empty body)"),
        });
      }
    }
    this.byRoute.set(route, entry);
  }
}

/**
 * From V8's --trace-gc lines, e.g. "Mark-Compact 180.5 (200.1) -> 150.2 (195.3) MB": after the last
 * full collection, the live heap (150.2) and the heap V8 keeps reserved (195.3).
 */
function heapAfterFullGc(log: string[]): { live: number; reserved: number } | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const match = /Mark-Compact(?: \([a-z ]+\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(([\d.]+)\)/.exec(log[i]!);
    if (match) return { live: Number(match[1]), reserved: Number(match[2]) };
  }
  return null;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export async function run() {
  console.log(
    `• Soak: ${CLIENTS} clients for ${SECONDS} s (after ${WARMUP_SECONDS} s of warm-up), mean pause ${THINK_MS} ms`,
  );
  // --trace-gc: V8 prints the heap before and after every collection, so the live heap after each full
  // collection (mark-compact) can be followed alongside the resident memory: a leak raises it, a
  // heap that V8 merely lets grow does not.
  const portal = await new PortalUnderTest({
    seed: "demo",
    worker: true,
    log: (l) => console.log(l),
    appNodeFlags: ["--trace-gc"],
  }).start();
  const recorder = new Recorder();
  try {
    const world = await discover(portal.databaseUrl);
    const cookieOf = (p: Person) => sessionCookie(portal.secret, p);
    const concernAction = await concernFormAction(portal.url);
    const base = portal.url;
    const think = () => sleep(Math.random() * 2 * THINK_MS);
    let running = true;

    const publicReader = async () => {
      const routes: [string, () => string][] = [
        ["GET /", () => "/"],
        ["GET /collaboratives", () => "/collaboratives"],
        ["GET /collaboratives/[slug]", () => `/collaboratives/${pick(world.slugs)}`],
        ["GET /learning", () => "/learning"],
        ["GET /learning/[slug]", () => `/learning/${pick(world.learningSlugs)}`],
        ["GET /about", () => "/about"],
      ];
      while (running) {
        const [route, path] = pick(routes);
        recorder.record(route, await get(`${base}${path()}`));
        await think();
      }
    };
    const searcher = async () => {
      while (running) {
        recorder.record("GET /learning?q=", await get(`${base}/learning?q=${encodeURIComponent(pick(SEARCHES))}`));
        await think();
      }
    };
    const submitter = async () => {
      while (running) {
        const sent = await submitConcernForm(base, concernAction);
        recorder.record("POST /concerns/new", sent.outcome, (o) => o.status === 303 && sent.reference !== null);
        const cookie = sent.outcome.setCookie.map((c) => c.split(";")[0]).join("; ");
        if (sent.reference)
          recorder.record(
            "GET /concerns/confirmation",
            await get(`${base}/concerns/confirmation`, { cookie }),
            (o) => o.status === 200 && o.body.includes(sent.reference!),
          );
        await think();
      }
    };
    const staffEditor = async (index: number) => {
      const { person, projectIds } = world.staff[index % world.staff.length]!;
      const cookie = await cookieOf(person);
      const projectId = projectIds[0]!;
      for (let edit = 1; running; edit++) {
        recorder.record("GET /projects", await get(`${base}/projects`, { cookie }));
        await think();
        recorder.record("GET /projects/[id]", await get(`${base}/projects/${pick(projectIds)}`, { cookie }));
        await think();
        const page = await get(`${base}/projects/${projectId}/edit`, { cookie });
        recorder.record("GET /projects/[id]/edit", page);
        if (page.status === 200) await saveEdit(page.body, projectId, cookie, edit);
        await think();
      }
    };
    /**
     * Saves the project form as a person would: when the portal shows an edit conflict (someone else
     * saved meanwhile), that is the portal working, not an error: they read the page again and save
     * once more. Any other unsaved answer is an error.
     */
    const saveEdit = async (html: string, projectId: string, cookie: string, edit: number) => {
      for (let attempt = 1; ; attempt++) {
        const values = currentFormValues(html, "problem").map(([name, value]): [string, string] =>
          name === "problem"
            ? [name, `${value.replace(/ \(soak edit \d+\)$/, "")} (soak edit ${edit})`]
            : [name, value],
        );
        const saved = await postForm(`${base}/projects/${projectId}/edit`, values, { cookie });
        const conflict = saved.status === 200 && saved.body.includes("Someone else saved");
        if (conflict && attempt < 3) {
          recorder.conflicts += recorder.measuring ? 1 : 0;
          const again = await get(`${base}/projects/${projectId}/edit`, { cookie });
          recorder.record("GET /projects/[id]/edit", again);
          if (again.status !== 200) return;
          html = again.body;
          continue;
        }
        recorder.record("POST /projects/[id]/edit", saved, (o) => o.status === 303);
        return;
      }
    };
    const lead = async () => {
      const cookie = await cookieOf(world.lead.person);
      const routes: [string, () => string][] = [
        ["GET /collaboratives/[slug]/concerns", () => `/collaboratives/${world.lead.slug}/concerns`],
        [
          "GET /collaboratives/[slug]/concerns/[id]",
          () => `/collaboratives/${world.lead.slug}/concerns/${pick(world.lead.concernIds)}`,
        ],
        ["GET /collaboratives/[slug]/dashboard", () => `/collaboratives/${world.lead.slug}/dashboard`],
      ];
      while (running) {
        const [route, path] = pick(routes);
        recorder.record(route, await get(`${base}${path()}`, { cookie }));
        await think();
      }
    };
    const national = async () => {
      const cookie = await cookieOf(world.national);
      while (running) {
        recorder.record("GET /national", await get(`${base}/national`, { cookie }));
        await think();
      }
    };

    // 20 clients: 7 reading public pages, 3 searching, 3 sending concerns, 4 staff editing, 2 leads, 1 national.
    const mix = [
      ...Array(7).fill("public"),
      ...Array(3).fill("search"),
      ...Array(3).fill("submit"),
      ...Array(4).fill("staff"),
      ...Array(2).fill("lead"),
      "national",
    ];
    const clients = Array.from({ length: CLIENTS }, (_, i) => {
      const kind = mix[i % mix.length];
      return kind === "public"
        ? publicReader()
        : kind === "search"
          ? searcher()
          : kind === "submit"
            ? submitter()
            : kind === "staff"
              ? staffEditor(i)
              : kind === "lead"
                ? lead()
                : national();
    });

    await sleep(WARMUP_SECONDS * 1000);
    recorder.measuring = true;
    const loadAtStart = loadavg();
    const sample = (atSeconds: number) => ({
      atSeconds,
      kb: portal.appRssKb(),
      heapMb: heapAfterFullGc(portal.appLog),
    });
    const rss: ReturnType<typeof sample>[] = [sample(0)];
    const started = Date.now();
    while (Date.now() - started < SECONDS * 1000) {
      await sleep(Math.min(5_000, SECONDS * 1000 - (Date.now() - started)));
      rss.push(sample(Math.round((Date.now() - started) / 1000)));
    }
    recorder.measuring = false;
    const elapsed = (Date.now() - started) / 1000;
    running = false;
    await Promise.all(clients);

    const rows = [...recorder.byRoute.entries()]
      .map(([route, e]) => {
        const sorted = [...e.ms].sort((a, b) => a - b);
        return {
          route,
          requests: sorted.length,
          errors: e.errors,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? 0,
          statuses: e.statuses,
        };
      })
      .sort((a, b) => a.route.localeCompare(b.route));
    const total = rows.reduce((n, r) => n + r.requests, 0);
    const errors = rows.reduce((n, r) => n + r.errors, 0);
    console.log(`\nRoute                                      requests  errors   p50 ms   p95 ms   p99 ms   max ms`);
    for (const r of rows) {
      console.log(
        `${r.route.padEnd(42)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.max).padStart(8)}`,
      );
    }
    const rssStart = rss[0]!.kb;
    const rssEnd = rss.at(-1)!.kb;
    const rssMax = Math.max(...rss.map((s) => s.kb));
    console.log(
      `\n${total} requests in ${elapsed.toFixed(0)} s (${(total / elapsed).toFixed(1)}/s) from ${CLIENTS} clients; ${errors} errors`,
    );
    for (const r of rows.filter((r) => r.errors > 0))
      console.log(`  errors on ${r.route}: ${JSON.stringify(r.statuses)}`);
    for (const f of recorder.failures) console.log(`  ${f.route} ${f.status}: ${f.said}`);
    // The machine is shared: its load says how far the figures are inflated by others' work.
    const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(", ");
    console.log(
      `Machine load average (1, 5, 15 min): at the start ${load(loadAtStart)}; at the end ${load(loadavg())}`,
    );
    if (recorder.conflicts > 0)
      console.log(
        `  edit conflicts shown to staff (re-read and saved again, as a person would): ${recorder.conflicts}`,
      );
    if (errors > 0) {
      // What the server logged about the failures (runForm logs unexpected errors before answering).
      const logged = portal.appLog.filter((l) => !/^\[\d+:0x[0-9a-f]+\]/.test(l) && /error|Error|P\d{4}/.test(l));
      for (const line of [...new Set(logged)].slice(-20)) console.log(`  server: ${line.slice(0, 400)}`);
    }
    console.log(
      `Server RSS (next-server, pid ${portal.appPid}, NODE_OPTIONS "${serverNodeOptions(process.env.NODE_OPTIONS)}"): start ${(rssStart / 1024).toFixed(0)} MB, end ${(rssEnd / 1024).toFixed(0)} MB, max ${(rssMax / 1024).toFixed(0)} MB`,
    );
    // Each minute: resident memory, and the V8 heap after the last full collection before it.
    for (const s of rss.filter(
      (s, i) =>
        i === 0 || Math.floor(s.atSeconds / 60) > Math.floor(rss[i - 1]!.atSeconds / 60) || i === rss.length - 1,
    )) {
      const heap = s.heapMb
        ? `live heap ${s.heapMb.live.toFixed(0)} MB, reserved ${s.heapMb.reserved.toFixed(0)} MB`
        : "no full GC yet";
      console.log(
        `  at ${String(s.atSeconds).padStart(4)} s: RSS ${(s.kb / 1024).toFixed(0).padStart(4)} MB; after the last full GC: ${heap}`,
      );
    }
    console.log(`Worker still running: ${portal.workerAlive ? "yes" : "NO"}`);
    const dir = join("tests", "bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `soak-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          clients: CLIENTS,
          seconds: SECONDS,
          thinkMs: THINK_MS,
          nodeOptions: serverNodeOptions(process.env.NODE_OPTIONS),
          loadAverage: { start: loadAtStart, end: loadavg() },
          total,
          errors,
          conflicts: recorder.conflicts,
          rows,
          rss,
        },
        null,
        2,
      ),
    );
    console.log(`Figures written to ${file}`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    await portal.stop();
  }
}
