/**
 * `npm run bench -- project-page`: the project page with 20 measures × 120 monthly points
 * (2,400 points), 12 PDSA cycles annotated on every chart and a driver diagram.
 *
 * 1. Builds a scratch database, psc_bench_project_page (dropped at the end), with the reference
 *    data and one PUBLIC project of that size.
 * 2. In process: times getProjectStory — everything the page loads from the database plus the SPC
 *    computation for every chart — and, separately, the SPC/chart part alone.
 *    Also the report's own work on top of that story: its 20 charts drawn as SVG markup.
 * 3. Over HTTP (unless BENCH_HTTP=0): starts the production server on that database
 *    (lib/cli/start.ts, which builds first if the sources changed) and runs autocannon against
 *    GET /projects/<id> and GET /projects/<id>/report (the printable report, every chart drawn as
 *    SVG on the server), signed out (the project is public), with /accessibility as the floor.
 * BENCH_KEEP=1 keeps the database afterwards (for profiling). BENCH_PROJECT_DATABASE, BENCH_PROJECT_PORT
 * and BENCH_PROJECT_MAIL_PORT let two people run it at once on one PostgreSQL server and machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { checkReachable, createDatabase, dropDatabase, migrate } from "@/lib/cli/database";
import { withDatabase } from "@/lib/db-url";

const DATABASE = process.env.BENCH_PROJECT_DATABASE ?? "psc_bench_project_page";
const PORT = Number(process.env.BENCH_PROJECT_PORT ?? 3293);
const MAIL_PORT = Number(process.env.BENCH_PROJECT_MAIL_PORT ?? 2793);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = 10;
const MEASURES = 20;
const POINTS = 120;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timed(label: string, runs: number, work: () => Promise<unknown> | unknown) {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(62)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   best ${times[0]!.toFixed(1).padStart(7)} ms   (${runs} runs)`,
  );
}

/** One public project of the benchmark's size, written directly (the data shape, not the forms, is under test). */
async function createProject(url: string): Promise<string> {
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { seedReferenceData } = await import("@/prisma/seed/reference-data");
  const { refreshAllMeasureSpc } = await import("@/lib/measures/spc-status");
  await seedReferenceData(db);
  const collaborative = await db.collaborative.findUniqueOrThrow({ where: { slug: "wessex" } });
  const user = await db.user.create({ data: { email: "bench.staff@bench.nhs.uk", name: "Bench Staff" } });
  const organisation = await db.organisation.create({
    data: { collaborativeId: collaborative.id, name: "Bench Hospitals NHS Trust", type: "ACUTE_TRUST" },
  });
  const falls = await db.priorityArea.findUniqueOrThrow({ where: { slug: "falls" } });
  const ward = await db.pathwayStage.findUniqueOrThrow({ where: { slug: "inpatient-ward" } });
  const project = await db.project.create({
    data: {
      collaborativeId: collaborative.id,
      title: "Benchmark: fewer falls across the trust",
      problem: "Falls with harm on older people's wards.",
      aimWhat: "Reduce falls with harm",
      aimHowMuch: "By 30%",
      startDate: new Date(Date.UTC(2015, 0, 1)),
      status: "SPREADING",
      visibility: "PUBLIC",
      createdById: user.id,
      organisations: { create: { organisationId: organisation.id } },
      priorities: { create: { priorityAreaId: falls.id } },
      pathwayStages: { create: { pathwayStageId: ward.id } },
      team: {
        create: [
          { userId: user.id, role: "Project lead" },
          { name: "Pat Partner", role: "Patient partner" },
        ],
      },
      statusChanges: {
        create: [
          { toStatus: "IDEA" },
          { fromStatus: "IDEA", toStatus: "TESTING" },
          { fromStatus: "TESTING", toStatus: "SPREADING" },
        ],
      },
    },
  });
  for (let p = 0; p < 3; p++) {
    const primary = await db.driverNode.create({
      data: { projectId: project.id, kind: "PRIMARY", text: `Primary driver ${p + 1}`, sortOrder: p },
    });
    for (let s = 0; s < 3; s++) {
      const secondary = await db.driverNode.create({
        data: {
          projectId: project.id,
          parentId: primary.id,
          kind: "SECONDARY",
          text: `Secondary driver ${p + 1}.${s + 1}`,
          sortOrder: s,
        },
      });
      await db.changeIdea.create({
        data: {
          projectId: project.id,
          driverNodeId: secondary.id,
          title: `Change idea ${p + 1}.${s + 1}`,
          sortOrder: p * 3 + s,
        },
      });
    }
  }
  const ideas = await db.changeIdea.findMany({ where: { projectId: project.id }, select: { id: true } });
  await db.pdsaCycle.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      projectId: project.id,
      changeIdeaId: ideas[i % ideas.length]!.id,
      title: `PDSA cycle ${i + 1}`,
      plan: "Plan",
      prediction: "Prediction",
      study: "Study",
      act: (["ADOPT", "ADAPT", "ABANDON"] as const)[i % 3],
      startDate: new Date(Date.UTC(2016 + Math.floor(i / 2), (i * 5) % 12, 10)),
    })),
  });
  let seed = 7;
  const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296;
  for (let m = 0; m < MEASURES; m++) {
    const rate = m % 2 === 0;
    const measure = await db.measure.create({
      data: {
        projectId: project.id,
        name: `Measure ${m + 1}`,
        kind: (["OUTCOME", "PROCESS", "BALANCING"] as const)[m % 3],
        definition: "Benchmark measure",
        unit: rate ? "per 1,000 bed days" : "count",
        direction: m % 3 === 2 ? "NEITHER" : "DECREASE",
        target: m % 2 === 0 ? 6 : null,
        valueType: rate ? "RATE" : "NUMBER",
        rateMultiplier: rate ? 1000 : 1,
        rebaseDates: m % 4 === 0 ? [new Date(Date.UTC(2020, 0, 1))] : [],
      },
    });
    await db.measurePoint.createMany({
      data: Array.from({ length: POINTS }, (_, i) => {
        const denominator = 900 + Math.floor(random() * 200);
        const level = i < POINTS / 2 ? 9 : 6;
        const numerator = Math.max(0, Math.round(((level + (random() - 0.5) * 4) * denominator) / 1000));
        return {
          measureId: measure.id,
          periodStart: new Date(Date.UTC(2015, i, 1)),
          value: rate ? (numerator / denominator) * 1000 : level + (random() - 0.5) * 4,
          numerator: rate ? numerator : null,
          denominator: rate ? denominator : null,
        };
      }),
    });
  }
  await refreshAllMeasureSpc(db);
  return project.id;
}

async function startServer(url: string): Promise<ChildProcess> {
  const server = spawn("npx", ["tsx", "lib/cli/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? `bench-${randomBytes(24).toString("hex")}`,
      CONCERN_ENCRYPTION_KEY: process.env.CONCERN_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
      MAIL_CAPTURE_PORT: String(MAIL_PORT),
      MAIL_CAPTURE_DIR: "/tmp/psc-bench-project-mail",
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
    if (
      await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`The server did not start in time:\n${output.slice(-3000)}`);
}

async function load(path: string) {
  const times: number[] = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${PORT}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const result = await instance;
  times.sort((a, b) => a - b);
  // autocannon leaves out the request statistics when no request completed.
  const errors = (result?.errors ?? 0) + (result?.non2xx ?? 0) + (result?.timeouts ?? 0);
  const rps = result?.requests?.average ?? times.length / DURATION_SECONDS;
  const p = (q: number) => (times.length > 0 ? percentile(times, q).toFixed(0) : "–");
  console.log(
    `GET ${path.padEnd(40)} p50 ${p(50).padStart(5)} ms   p95 ${p(95).padStart(5)} ms   ${rps.toFixed(1).padStart(6)} req/s   (${times.length} responses, ${errors} errors)`,
  );
}

export async function run(): Promise<void> {
  const serverUrl =
    process.env.TEST_DATABASE_SERVER_URL ??
    process.env.BENCH_DATABASE_SERVER_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  await checkReachable(serverUrl);
  await dropDatabase(serverUrl, DATABASE);
  await createDatabase(serverUrl, DATABASE);
  const url = withDatabase(serverUrl, DATABASE);
  try {
    migrate(url);
    const projectId = await createProject(url);
    const { db } = await import("@/lib/db");
    const { getProjectStory } = await import("@/lib/projects/queries");
    const { measureChart } = await import("@/lib/measures/chart");
    const { ANONYMOUS } = await import("@/lib/auth/viewer-types");
    const story = await getProjectStory(ANONYMOUS, projectId);
    const points = story.measures.reduce((n, m) => n + m.chart.pointCount, 0);
    console.log(
      `• Project ${projectId}: ${story.measures.length} measures, ${points} points, ${story.cycles.length} PDSA cycles, ${story.measures.reduce((n, m) => n + m.chart.annotations.length, 0)} annotations.`,
    );

    await timed("getProjectStory: database loading + SPC for every chart", 30, () =>
      getProjectStory(ANONYMOUS, projectId),
    );
    const measures = await db.measure.findMany({
      where: { projectId },
      include: { points: { orderBy: { periodStart: "asc" } } },
    });
    const cycles = story.cycles.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      startDate: c.startDate,
      act: c.act,
    }));
    await timed("SPC and chart models alone (20 × 120 points)", 100, () =>
      measures.map((m) => measureChart(m, m.points, cycles)),
    );
    const { createElement } = await import("react");
    const { ChartSvg } = await import("@/components/charts/ChartSvg");
    const { svgMarkup } = await import("@/lib/svg-markup");
    const { getProjectReport } = await import("@/lib/projects/report");
    await timed("getProjectReport + its 20 charts as SVG markup (ChartSvg)", 30, async () => {
      const report = await getProjectReport(ANONYMOUS, projectId);
      return report.measures.map((m) =>
        svgMarkup(
          createElement(ChartSvg, {
            id: m.id,
            name: m.name,
            unit: m.unit,
            chart: m.chart,
            kind: m.chartKind,
          }),
        ),
      );
    });
    await db.$disconnect();

    if (process.env.BENCH_HTTP === "0") {
      console.log("• BENCH_HTTP=0: skipping the HTTP benchmark.");
      return;
    }
    console.log(`• Starting the production server on port ${PORT} (builds first if the sources changed)…`);
    const server = await startServer(url);
    try {
      const page = await fetch(`http://127.0.0.1:${PORT}/projects/${projectId}`);
      const html = await page.text();
      if (page.status !== 200 || !html.includes("Benchmark: fewer falls across the trust"))
        throw new Error(`The project page did not render (status ${page.status}).`);
      console.log(
        `• /projects/<id>: ${(html.length / 1024).toFixed(0)} KB of HTML (charts' data included). Warming up…`,
      );
      for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${PORT}/projects/${projectId}`).then((r) => r.text());
      await timed("GET /projects/<id>, one request at a time (whole response)", 20, () =>
        fetch(`http://127.0.0.1:${PORT}/projects/${projectId}`).then((r) => r.text()),
      );
      const reportPage = await fetch(`http://127.0.0.1:${PORT}/projects/${projectId}/report`);
      const reportHtml = await reportPage.text();
      const charts = reportHtml.match(/<svg [^>]*role="img"/g)?.length ?? 0;
      if (reportPage.status !== 200 || charts !== MEASURES)
        throw new Error(
          `The report did not render its ${MEASURES} charts (status ${reportPage.status}, ${charts} charts).`,
        );
      console.log(
        `• /projects/<id>/report: ${(reportHtml.length / 1024).toFixed(0)} KB of HTML (${charts} SVG charts).`,
      );
      for (let i = 0; i < 20; i++)
        await fetch(`http://127.0.0.1:${PORT}/projects/${projectId}/report`).then((r) => r.text());
      await timed("GET /projects/<id>/report, one request at a time (whole response)", 20, () =>
        fetch(`http://127.0.0.1:${PORT}/projects/${projectId}/report`).then((r) => r.text()),
      );
      console.log(`• autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, signed out:`);
      await load(`/projects/${projectId}`);
      await load(`/projects/${projectId}/report`);
      await load("/accessibility");
      console.log(
        `• Load average (1, 5, 15 min): ${loadavg()
          .map((n) => n.toFixed(1))
          .join(", ")}`,
      );
    } finally {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    }
  } finally {
    await new Promise((r) => setTimeout(r, 1000));
    if (process.env.BENCH_KEEP === "1") console.log(`• BENCH_KEEP=1: kept the database ${DATABASE}.`);
    else
      await dropDatabase(serverUrl, DATABASE).catch((error: Error) =>
        console.error(`Could not drop ${DATABASE}: ${error.message}`),
      );
  }
}
