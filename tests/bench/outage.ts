// `npm run bench -- outage`: the database-outage scenario at a larger scale than the e2e test
// (tests/e2e/database-outage.spec.ts): more clients, a longer outage, two restarts of PostgreSQL under
// a running production server and job worker. Prints, per phase, what the clients got, how long the
// portal took to recover, and whether every acknowledged submission is in the database exactly once.
// Settings (environment): OUTAGE_SUBMITTERS (8), OUTAGE_READERS (8), OUTAGE_DOWN_SECONDS (20), OUTAGE_ROUNDS (2).
import { PortalUnderTest } from "@/tests/fixtures/portal-process";
import { concernsInDatabase, runOutageScenario, tally } from "@/tests/fixtures/outage-scenario";

const SUBMITTERS = Number(process.env.OUTAGE_SUBMITTERS ?? 8);
const READERS = Number(process.env.OUTAGE_READERS ?? 8);
const DOWN_SECONDS = Number(process.env.OUTAGE_DOWN_SECONDS ?? 20);
const ROUNDS = Number(process.env.OUTAGE_ROUNDS ?? 2);

export async function run() {
  const portal = await new PortalUnderTest({ seed: "reference", worker: true, log: (l) => console.log(l) }).start();
  let failed = false;
  try {
    const appPid = portal.appPid;
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(
        `\n• Round ${round}: ${SUBMITTERS} submitters and ${READERS} readers; PostgreSQL down for ${DOWN_SECONDS} s`,
      );
      const result = await runOutageScenario(portal, {
        beforeMs: 10_000,
        downMs: DOWN_SECONDS * 1000,
        afterMs: 15_000,
        submitters: SUBMITTERS,
        readers: READERS,
      });
      const counts = tally(result.samples);
      for (const [key, n] of Object.entries(counts).sort()) console.log(`  ${key.padEnd(48)} ${n}`);
      const serverErrors = result.samples.filter((s) => s.status >= 500 && s.status !== 503).length;
      const downNot503 = result.samples.filter(
        (s) => s.sentIn === "down" && s.answeredIn === "down" && !s.unavailablePage,
      ).length;
      const acknowledged = result.submissions.filter((s) => s.reference);
      const stored = await concernsInDatabase(
        portal.databaseUrl,
        result.submissions.map((s) => s.key),
      );
      const byKey = new Map(stored.rows.map((r) => [r.idempotencyKey, r]));
      const lost = acknowledged.filter((s) => byKey.get(s.key)?.reference !== s.reference).length;
      const savedUnacknowledged = stored.rows.length - acknowledged.length;
      console.log(
        `  PostgreSQL stop took ${result.timings.stopMs} ms, start ${result.timings.startMs} ms; first success ${result.timings.firstSuccessAfterStartMs} ms after the start`,
      );
      console.log(
        `  ${result.samples.length} requests; 500s: ${serverErrors}; not the 503 page while down: ${downNot503}`,
      );
      console.log(
        `  ${acknowledged.length} submissions acknowledged, ${lost} of them missing or different in the database; ${savedUnacknowledged} saved without an acknowledgement (a retry with the same key returns them)`,
      );
      console.log(
        `  concerns without their first status entry: ${stored.withoutFirstStatus}; duplicate references: ${stored.duplicateReferences}`,
      );
      failed ||=
        serverErrors > 0 ||
        downNot503 > 0 ||
        lost > 0 ||
        stored.withoutFirstStatus > 0 ||
        stored.duplicateReferences > 0 ||
        result.timings.firstSuccessAfterStartMs === null;
    }
    console.log(
      `\nSame server process throughout: ${portal.appPid === appPid ? "yes" : "NO"}; worker still running: ${portal.workerAlive ? "yes" : "NO"}; server RSS ${(portal.appRssKb() / 1024).toFixed(0)} MB`,
    );
    failed ||= portal.appPid !== appPid || !portal.workerAlive;
  } finally {
    await portal.stop();
  }
  if (failed) process.exitCode = 1;
}
