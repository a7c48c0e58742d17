// The database restarts while the portal is under load: PostgreSQL (the test's own embedded server,
// never the machine's) is stopped and started under a running production server and job worker.
// While it is down the portal answers 503 with a friendly page, not 500; it recovers by itself,
// without restarting the app; every submission that was acknowledged is in the database exactly
// once with its first status entry, and nothing is half-written.
import { test, expect } from "./fixtures";
import { PortalUnderTest } from "@/tests/fixtures/portal-process";
import { concernsInDatabase, runOutageScenario, tally } from "@/tests/fixtures/outage-scenario";
import { get, submitConcernForm, concernFormAction } from "@/tests/fixtures/portal-client";

let portal: PortalUnderTest;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  portal = await new PortalUnderTest({ seed: "reference", worker: true }).start();
});

test.afterAll(async () => {
  await portal?.stop();
});

test("a database restart under load: 503 while down, recovery without a restart, no acknowledged submission lost or doubled", async () => {
  test.setTimeout(180_000);
  const appPid = portal.appPid;
  const result = await runOutageScenario(portal, {
    beforeMs: 5_000,
    downMs: 6_000,
    afterMs: 3_000,
    untilAnsweredAfterRecovery: { requests: 20, timeoutMs: 90_000 },
    submitters: 3,
    readers: 3,
  });
  console.log(JSON.stringify({ timings: result.timings, tally: tally(result.samples) }, null, 1));

  // Before: everything works.
  const before = result.samples.filter((s) => s.sentIn === "before" && s.answeredIn === "before");
  expect(before.length).toBeGreaterThan(5);
  expect(before.every((s) => s.status === 200 || s.status === 303)).toBe(true);

  // While down: the friendly 503 page for every page and every form post, never a 500.
  const down = result.samples.filter((s) => s.sentIn === "down" && s.answeredIn === "down");
  expect(down.length).toBeGreaterThan(5);
  expect(down.filter((s) => !s.unavailablePage)).toEqual([]);

  // No 500 anywhere, including requests caught in the moment of the stop or the start.
  expect(result.samples.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);

  // After: the same server process (not restarted) answers normally again once PostgreSQL has finished
  // starting (until then, 503), and from then on every request succeeds. How soon is measured by the
  // outage benchmark (tests/bench/outage.ts), not asserted here.
  expect(portal.appPid).toBe(appPid);
  expect(result.timings.firstSuccessAfterStartMs).not.toBeNull();
  const recoveredAt = result.startedAt + result.timings.firstSuccessAfterStartMs!;
  const after = result.samples.filter((s) => s.sentIn === "after");
  expect(
    after.filter((s) => s.sentAt < recoveredAt && !s.unavailablePage && s.status !== 200 && s.status !== 303),
  ).toEqual([]);
  const recovered = after.filter((s) => s.sentAt > recoveredAt + 500);
  expect(recovered.length).toBeGreaterThan(5);
  expect(recovered.filter((s) => s.status !== 200 && s.status !== 303)).toEqual([]);
  expect(result.submissions.some((s) => s.sentIn === "after" && s.reference)).toBe(true);
  expect(portal.workerAlive).toBe(true);
  expect((await get(`${portal.url}/api/health`)).status).toBe(200);

  // Every acknowledged submission is there once, with its first status entry; nothing half-written.
  const acknowledged = result.submissions.filter((s) => s.reference);
  expect(acknowledged.length).toBeGreaterThan(3);
  const stored = await concernsInDatabase(
    portal.databaseUrl,
    result.submissions.map((s) => s.key),
  );
  const byKey = new Map(stored.rows.map((r) => [r.idempotencyKey, r]));
  for (const submission of acknowledged) {
    const row = byKey.get(submission.key);
    expect(row, `acknowledged ${submission.reference} is stored`).toBeDefined();
    expect(row).toMatchObject({ reference: submission.reference, firstStatus: "RECEIVED", statusEntries: 1 });
  }
  expect(stored.rows.length).toBe(new Set(stored.rows.map((r) => r.idempotencyKey)).size);
  expect(stored.withoutFirstStatus).toBe(0);
  expect(stored.duplicateReferences).toBe(0);

  // The person whose submission was not acknowledged sends it again (same form, same key): it is
  // stored once, whether or not the first attempt had reached the database.
  const action = await concernFormAction(portal.url);
  const unacknowledged = result.submissions.filter((s) => !s.reference);
  for (const submission of unacknowledged) {
    const again = await submitConcernForm(portal.url, action, submission.key);
    expect(again.reference, `resubmitting ${submission.key}`).not.toBeNull();
  }
  const final = await concernsInDatabase(
    portal.databaseUrl,
    result.submissions.map((s) => s.key),
  );
  expect(final.rows.length).toBe(result.submissions.length);
  expect(final.rows.every((r) => r.firstStatus === "RECEIVED" && r.statusEntries === 1)).toBe(true);
});
