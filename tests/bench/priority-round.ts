/**
 * `npm run bench -- priority-round`: the cost of recomputing a round's results from its stored
 * ballots on every view (results are never stored as totals), and of the workspace page's reads.
 *
 * Builds a scratch database, psc_bench_priority_round (dropped at the end), with the reference data,
 * one Wessex round of 20 candidates and BENCH_BALLOTS ballots (default 5,000, each ranking 1 to 20
 * candidates), and 5,000 concerns over the last year (BENCH_KEEP=1 keeps the database afterwards); then times, in process, computeRoundResults
 * (load every ranking + Borda count by group), getRoundPage as the lead, and getWorkspace signed out.
 */
import { performance } from "node:perf_hooks";
import { checkReachable, createDatabase, dropDatabase, migrate } from "@/lib/cli/database";

const DATABASE = "psc_bench_priority_round";
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 5000);
const CANDIDATES = 20;
const CONCERNS = 5000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timed(label: string, runs: number, work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(58)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   (${runs} runs)`,
  );
}

/** A deterministic shuffle, so every run measures the same data. */
function* pseudoRandom(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x / 2147483648;
  }
}

export async function run() {
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  await checkReachable(serverUrl);
  await dropDatabase(serverUrl, DATABASE);
  const url = await createDatabase(serverUrl, DATABASE);
  try {
    migrate(url);
    process.env.DATABASE_URL = url;
    const { db } = await import("@/lib/db");
    const { seedReferenceData } = await import("@/prisma/seed/reference-data");
    const { computeRoundResults, getRoundPage } = await import("@/lib/priorities/queries");
    const { getWorkspace } = await import("@/lib/collaboratives/queries");
    const { loadViewer } = await import("@/lib/auth/load-viewer");
    const { ANONYMOUS } = await import("@/lib/auth/viewer-types");
    await seedReferenceData(db);

    const wessex = await db.collaborative.findUniqueOrThrow({ where: { slug: "wessex" } });
    const areas = await db.priorityArea.findMany({ where: { kind: "NATIONAL" } });
    const lead = await db.user.create({
      data: {
        email: "bench.lead@bench.nhs.uk",
        name: "Bench Lead",
        memberships: { create: { collaborativeId: wessex.id, role: "LEAD" } },
      },
    });
    const random = pseudoRandom(42);
    const next = () => random.next().value as number;

    const started = performance.now();
    await db.concern.createMany({
      data: Array.from({ length: CONCERNS }, (_, i) => ({
        reference: `PSC-BENCH-${i}`,
        trackingTokenHash: `bench-${i}`,
        idempotencyKey: `bench-${i}`,
        collaborativeId: wessex.id,
        priorityAreaId: next() < 0.2 ? null : areas[Math.floor(next() * areas.length)]!.id,
        whatHappened: "Benchmark concern",
        reporterRelation: "PATIENT" as const,
        receivedAt: new Date(Date.now() - Math.floor(next() * 365) * 86_400_000),
      })),
    });
    const round = await db.priorityRound.create({
      data: {
        collaborativeId: wessex.id,
        title: "Benchmark round",
        openedById: lead.id,
        candidates: {
          create: Array.from({ length: CANDIDATES }, (_, i) => ({
            title: `Candidate ${i + 1}`,
            source: "PROPOSAL" as const,
          })),
        },
      },
      include: { candidates: { select: { id: true } } },
    });
    const voters = Array.from({ length: BALLOTS }, (_, i) => ({
      id: `bench-voter-${i}`,
      email: `voter-${i}@bench.nhs.uk`,
      name: `Voter ${i}`,
    }));
    await db.user.createMany({ data: voters });
    await db.ballot.createMany({
      data: voters.map((v, i) => ({
        id: `bench-ballot-${i}`,
        roundId: round.id,
        userId: v.id,
        participantGroup: i % 3 === 0 ? ("PATIENT_CARER" as const) : ("STAFF" as const),
      })),
    });
    const rankings = voters.flatMap((_, i) => {
      const order = round.candidates.map((c) => c.id).sort(() => next() - 0.5);
      const k = 1 + Math.floor(next() * CANDIDATES);
      return order.slice(0, k).map((candidateId, r) => ({ ballotId: `bench-ballot-${i}`, candidateId, rank: r + 1 }));
    });
    for (let i = 0; i < rankings.length; i += 10_000)
      await db.ballotRanking.createMany({ data: rankings.slice(i, i + 10_000) });
    // Fresh statistics, as autovacuum would have after a bulk load: otherwise the planner sorts on disk.
    await db.$executeRawUnsafe("ANALYZE");
    console.log(
      `Data: ${CONCERNS} concerns, 1 round of ${CANDIDATES} candidates, ${BALLOTS} ballots, ${rankings.length} rankings (${((performance.now() - started) / 1000).toFixed(1)} s to write)`,
    );

    const leadViewer = await loadViewer(lead.id, 0);
    await timed(`computeRoundResults (${BALLOTS} ballots, 3 groups)`, 20, () => computeRoundResults(round.id));
    await timed("getRoundPage as the lead (results included)", 20, () => getRoundPage(leadViewer, "wessex", round.id));
    await timed("getRoundPage signed out (round open: no results)", 20, () =>
      getRoundPage(ANONYMOUS, "wessex", round.id),
    );
    await timed(`getWorkspace signed out (${CONCERNS} concerns summarised)`, 20, () =>
      getWorkspace(ANONYMOUS, "wessex"),
    );
    await db.$disconnect();
  } finally {
    // BENCH_KEEP=1 keeps the database for EXPLAIN ANALYZE by hand.
    if (process.env.BENCH_KEEP !== "1") await dropDatabase(serverUrl, DATABASE);
  }
}
