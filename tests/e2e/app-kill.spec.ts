// The portal's server process is killed (SIGKILL: no chance to tidy up) while concern submissions
// and CSV imports are in flight, then started again. No partial data: every concern has its first
// status entry, every measure import is all or nothing, and nothing acknowledged is missing.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { test, expect } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";
import { PortalUnderTest } from "@/tests/fixtures/portal-process";
import { concernsInDatabase } from "@/tests/fixtures/outage-scenario";
import {
  concernFormAction,
  get,
  hiddenFieldsOfForm,
  postForm,
  sessionCookie,
  submitConcernForm,
  type ConcernSubmission,
} from "@/tests/fixtures/portal-client";

const MEASURES = 24;
const DAYS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let portal: PortalUnderTest;
let client: pg.Client;
let projectId: string;
let measureIds: string[];
let cookie: string;

/** 1,500 daily values from 1 January 2015: a file big enough to take a moment to import. */
function dailyCsv(): string {
  const lines = ["period,value"];
  for (let day = 0; day < DAYS; day++)
    lines.push(`${new Date(Date.UTC(2015, 0, 1 + day)).toISOString().slice(0, 10)},${(day * 7) % 23}`);
  return lines.join("\n");
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  portal = await new PortalUnderTest({ seed: "demo" }).start();
  client = new pg.Client(poolConfigFromUrl(portal.databaseUrl));
  await client.connect();
  const user = (
    await client.query(
      `SELECT u.id, u.name, u.email, u."sessionVersion", m."collaborativeId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = 'staff.wessex@demo.nhs.uk'`,
    )
  ).rows[0];
  projectId = `kill-test-${randomUUID().slice(0, 8)}`;
  await client.query(
    `INSERT INTO "Project" (id, "collaborativeId", title, "startDate", "createdById", "updatedAt") VALUES ($1, $2, 'Kill test: night-time falls', '2015-01-01', $3, now())`,
    [projectId, user.collaborativeId, user.id],
  );
  measureIds = Array.from({ length: MEASURES }, (_, i) => `${projectId}-m${i}`);
  for (const id of measureIds) {
    await client.query(
      `INSERT INTO "Measure" (id, "projectId", name, kind, period, "updatedAt") VALUES ($1, $2, $3, 'OUTCOME', 'DAY', now())`,
      [id, projectId, `Falls ${id}`],
    );
  }
  cookie = await sessionCookie(
    portal.secret,
    { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
    portal.databaseUrl,
  );
});

test.afterAll(async () => {
  await client?.end();
  await portal?.stop();
});

test("killing the server mid-submission and mid-import leaves no partial data", async () => {
  test.setTimeout(240_000);
  const concernAction = await concernFormAction(portal.url);
  const importPage = await get(`${portal.url}/projects/${projectId}/measures/${measureIds[0]}/import`, { cookie });
  expect(importPage.status).toBe(200);
  const csv = dailyCsv();
  // As a person does: preview the file first; the confirm step carries the preview's plan (a
  // fingerprint of what will happen to each row), the same for every measure here (all empty).
  const preview = await postForm(
    `${portal.url}/projects/${projectId}/measures/${measureIds[0]}/import`,
    { ...hiddenFieldsOfForm(importPage.body, "csv"), projectId, measureId: measureIds[0]!, step: "preview", csv },
    { cookie, timeoutMs: 60_000 },
  );
  expect(preview.status).toBe(200);
  const importAction = hiddenFieldsOfForm(preview.body, "plan");
  expect(importAction.plan).toMatch(/\S/);

  const submissions: ConcernSubmission[] = [];
  const imports: { measureId: string; status: number; location: string | null; error?: string }[] = [];
  let running = true;
  const submitter = async () => {
    while (running) {
      const submission = await submitConcernForm(portal.url, concernAction);
      submissions.push(submission);
      if (submission.outcome.status === 0) await sleep(250); // the server is down: try again shortly
    }
  };
  const queue = [...measureIds];
  const importer = async () => {
    for (let measureId = queue.shift(); measureId && running; measureId = queue.shift()) {
      const outcome = await postForm(
        `${portal.url}/projects/${projectId}/measures/${measureId}/import`,
        { ...importAction, projectId, measureId, step: "confirm", csv },
        { cookie, timeoutMs: 60_000 },
      );
      imports.push({ measureId, status: outcome.status, location: outcome.location, error: outcome.error });
      if (outcome.status === 0) await sleep(500);
    }
  };
  const load = [submitter(), submitter(), importer(), importer()];

  // Kill once some imports have finished, so that others are surely under way.
  const deadline = Date.now() + 60_000;
  while (imports.filter((i) => i.status === 303).length < 2 && Date.now() < deadline) await sleep(50);
  const appPid = portal.appPid;
  const beforeKill = submissions.length;
  await portal.killApp();
  await sleep(1_000);
  await portal.startApp();
  const afterRestart = submissions.length;
  expect(portal.appPid).not.toBe(appPid);
  // The load goes on until the restarted server has acknowledged a few concerns.
  const acknowledgedSince = (from: number) => submissions.slice(from).filter((s) => s.reference).length;
  const restartDeadline = Date.now() + 30_000;
  while (acknowledgedSince(afterRestart) < 3 && Date.now() < restartDeadline) await sleep(50);
  running = false;
  await Promise.all(load);
  console.log(
    JSON.stringify(
      { submissions: submissions.length, acknowledged: submissions.filter((s) => s.reference).length, imports },
      null,
      1,
    ),
  );

  // Some requests really were cut off by the kill.
  const cutOff = [...submissions.map((s) => s.outcome.status), ...imports.map((i) => i.status)].filter(
    (status) => status === 0,
  );
  expect(cutOff.length).toBeGreaterThan(0);

  // Concerns were acknowledged on both sides of the kill, so the checks below have something to check.
  expect(submissions.slice(0, beforeKill).filter((s) => s.reference).length).toBeGreaterThan(0);
  expect(acknowledgedSince(afterRestart)).toBeGreaterThanOrEqual(3);
  // Concerns: each acknowledged one stored once with its first status entry; none without it.
  const stored = await concernsInDatabase(
    portal.databaseUrl,
    submissions.map((s) => s.key),
    portal.encryptionKey,
  );
  const byKey = new Map(stored.rows.map((r) => [r.idempotencyKey, r]));
  for (const submission of submissions.filter((s) => s.reference)) {
    expect(byKey.get(submission.key)).toMatchObject({
      reference: submission.reference,
      firstStatus: "RECEIVED",
      statusEntries: 1,
    });
  }
  expect(stored.withoutFirstStatus).toBe(0);
  expect(stored.duplicateReferences).toBe(0);

  // Imports: every measure has none or all of the file's rows, its stored SPC status matches its
  // points, and exactly the complete imports are in the audit log.
  const measures = (
    await client.query<{ id: string; points: number; spcPointCount: number; audited: number }>(
      `SELECT m.id, (SELECT count(*)::int FROM "MeasurePoint" p WHERE p."measureId" = m.id) AS points, m."spcPointCount",
              (SELECT count(*)::int FROM "AuditEvent" a WHERE a.action = 'measure.imported' AND a."subjectId" = m.id) AS audited
       FROM "Measure" m WHERE m."projectId" = $1`,
      [projectId],
    )
  ).rows;
  for (const measure of measures) {
    expect([0, DAYS], `${measure.id} has ${measure.points} points`).toContain(measure.points);
    expect(measure.spcPointCount).toBe(measure.points);
    expect(measure.audited).toBe(measure.points === DAYS ? 1 : 0);
  }
  for (const done of imports.filter((i) => i.status === 303)) {
    expect(measures.find((m) => m.id === done.measureId)!.points).toBe(DAYS);
  }
  expect(measures.filter((m) => m.points === DAYS).length).toBeGreaterThanOrEqual(2);
});
