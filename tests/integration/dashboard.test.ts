// The national dashboard's aggregates against hand-computed figures on a small fixed dataset
// (tests/fixtures/dashboard.ts), and who may see them.
import { beforeAll, describe, expect, it, inject } from "vitest";
import pg from "pg";
import { poolConfigFromUrl, withDatabase } from "@/lib/db-url";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseDashboardFilters, type DashboardFilters } from "@/lib/dashboard/filters";
import {
  getConcerns,
  getCoverage,
  getDashboard,
  getDashboardReference,
  getFunnels,
  getHarm,
  getImprovement,
  getSpread,
  knownValues,
  recordDashboardSql,
  type DashboardScope,
} from "@/lib/dashboard/queries";
import { clearDashboardCache } from "@/lib/dashboard/cache";
import { dashboardCsv } from "@/lib/dashboard/exports";
import { refreshDashboardSummaries } from "@/lib/dashboard/summaries";
import { dayFromIso, workingDaysBetween } from "@/lib/concerns/service-level";
import { createCast, createUser, type Cast } from "@/tests/fixtures/factories";
import { createDashboardDataset, type DashboardDataset } from "@/tests/fixtures/dashboard";

const NATIONAL: DashboardScope = { kind: "national" };
let data: DashboardDataset;
let cast: Cast;

/** The period 2019: January to December. */
async function filters(params: Record<string, string> = {}, fixedCollaborative?: string): Promise<DashboardFilters> {
  const reference = await getDashboardReference();
  return parseDashboardFilters({ from: "2019-01", to: "2019-12", ...params }, knownValues(reference), {
    fixedCollaborative,
  }).filters;
}

beforeAll(async () => {
  cast = await createCast();
  data = await createDashboardDataset();
  await refreshDashboardSummaries({ force: true });
});

describe("coverage", () => {
  it("counts projects by collaborative × area × stage, and those reporting data in the period", async () => {
    const coverage = await getCoverage(cast.viewers.national, NATIONAL, await filters());
    const x = coverage.rows.find((r) => r.collaborative.slug === "south-west")!;
    const y = coverage.rows.find((r) => r.collaborative.slug === "eastern")!;
    expect(coverage.rows).toHaveLength(15);
    expect(coverage.areas.map((a) => a.key).sort()).toEqual([
      "falls",
      "infections",
      "local",
      "medication-safety",
      "pressure-ulcers",
      "transfers-discharge",
    ]);
    expect(x.cells.falls).toMatchObject({
      projects: 2,
      reporting: 1,
      byStage: { TESTING: 1, IMPLEMENTING: 1, IDEA: 0 },
    });
    expect(x.cells["pressure-ulcers"]).toMatchObject({ projects: 1, reporting: 0, byStage: { IMPLEMENTING: 1 } });
    expect(x.cells.local).toMatchObject({ projects: 1, reporting: 0, byStage: { IDEA: 1 } });
    // P2 is in two areas but is one project.
    expect({ projects: x.projects, reporting: x.reporting }).toEqual({ projects: 3, reporting: 1 });
    // P5 starts after the period; P6 has no priority area.
    expect(y.cells.falls!.projects).toBe(0);
    expect(y.cells["pressure-ulcers"]).toMatchObject({ projects: 1, reporting: 1, byStage: { TESTING: 1 } });
    expect({ projects: y.projects, reporting: y.reporting }).toEqual({ projects: 1, reporting: 1 });
    expect(coverage.totals).toEqual({ projects: 4, reporting: 2 });
  });

  it("applies the area and collaborative filters", async () => {
    const falls = await getCoverage(cast.viewers.national, NATIONAL, await filters({ area: "falls" }));
    expect(falls.areas.map((a) => a.key)).toEqual(["falls"]);
    expect(falls.totals).toEqual({ projects: 2, reporting: 1 });
    const eastern = await getCoverage(cast.viewers.national, NATIONAL, await filters({ collaborative: "eastern" }));
    expect(eastern.rows.map((r) => r.collaborative.slug)).toEqual(["eastern"]);
    expect(eastern.totals).toEqual({ projects: 1, reporting: 1 });
  });

  it("counts a project as reporting only when it has data within the period", async () => {
    // January to May 2019: P1, P2, P3 (started 1 May) and P4 had started; P1 and P4 reported data.
    const early = await getCoverage(cast.viewers.national, NATIONAL, await filters({ from: "2019-01", to: "2019-05" }));
    expect(early.totals).toEqual({ projects: 4, reporting: 2 });
    // 2020: the same projects (P5 starts in February 2020, after January), none reporting.
    const later = await getCoverage(cast.viewers.national, NATIONAL, await filters({ from: "2020-01", to: "2020-01" }));
    expect(later.rows.find((r) => r.collaborative.slug === "south-west")).toMatchObject({ projects: 3, reporting: 0 });
  });
});

describe("improvement found", () => {
  it("counts measures showing special-cause improvement and concern from their stored SPC status", async () => {
    const improvement = await getImprovement(cast.viewers.national, NATIONAL, await filters());
    expect({
      analysed: improvement.analysed,
      improvement: improvement.improvement,
      concern: improvement.concern,
    }).toEqual({ analysed: 5, improvement: 1, concern: 1 });
    const byArea = Object.fromEntries(
      improvement.byArea.map((a) => [a.key, { analysed: a.analysed, improvement: a.improvement, concern: a.concern }]),
    );
    expect(byArea.falls).toEqual({ analysed: 3, improvement: 1, concern: 0 });
    expect(byArea["pressure-ulcers"]).toEqual({ analysed: 2, improvement: 0, concern: 1 });
    expect(byArea.local).toEqual({ analysed: 0, improvement: 0, concern: 0 });
    const byCollaborative = Object.fromEntries(
      improvement.byCollaborative.map((c) => [
        c.slug,
        { analysed: c.analysed, improvement: c.improvement, concern: c.concern },
      ]),
    );
    expect(byCollaborative["south-west"]).toEqual({ analysed: 3, improvement: 1, concern: 0 });
    expect(byCollaborative.eastern).toEqual({ analysed: 2, improvement: 0, concern: 1 });
  });

  it("lists the flagged measures with mini-charts from the same analysis as the stored status", async () => {
    const improvement = await getImprovement(cast.viewers.national, NATIONAL, await filters());
    expect(improvement.improvementList.map((m) => m.measureId)).toEqual([data.measures.m1.id]);
    expect(improvement.concernList.map((m) => m.measureId)).toEqual([data.measures.m2.id]);
    const m1 = improvement.improvementList[0]!;
    expect(m1).toMatchObject({
      projectId: data.projects.p1.id,
      collaborativeSlug: "south-west",
      signal: "improvement",
    });
    expect(m1.points).toHaveLength(13);
    expect(m1.points.at(-1)).toMatchObject({ value: 2, specialCause: "improvement" });
    const stored = await db.measure.findUniqueOrThrow({ where: { id: data.measures.m1.id } });
    expect(stored.spcLatestSpecialCause).toBe(m1.points.at(-1)!.specialCause);
    expect(improvement.concernList[0]!.points.at(-1)).toMatchObject({ value: 10, specialCause: "concern" });
  });

  it("follows the filters, and leaves out measures whose latest point is outside the period", async () => {
    const eastern = await getImprovement(cast.viewers.national, NATIONAL, await filters({ collaborative: "eastern" }));
    expect({ analysed: eastern.analysed, improvement: eastern.improvement, concern: eastern.concern }).toEqual({
      analysed: 2,
      improvement: 0,
      concern: 1,
    });
    const falls = await getImprovement(cast.viewers.national, NATIONAL, await filters({ area: "falls" }));
    expect({ analysed: falls.analysed, improvement: falls.improvement, concern: falls.concern }).toEqual({
      analysed: 3,
      improvement: 1,
      concern: 0,
    });
    const before = await getImprovement(
      cast.viewers.national,
      NATIONAL,
      await filters({ from: "2019-01", to: "2019-11" }),
    );
    expect({ analysed: before.analysed, improvement: before.improvement }).toEqual({ analysed: 0, improvement: 0 });
  });
});

describe("patients' voice", () => {
  it("counts concerns per week, acknowledgement against the service level (UK working days) and links", async () => {
    const concerns = await getConcerns(cast.viewers.national, NATIONAL, await filters());
    expect(concerns.weeks).toHaveLength(52);
    expect(concerns.weeks[0]!.toISOString().slice(0, 10)).toBe("2019-01-07");
    expect({
      received: concerns.received,
      acknowledged: concerns.acknowledged,
      acknowledgedInTime: concerns.acknowledgedInTime,
      overdueUnacknowledged: concerns.overdueUnacknowledged,
      linked: concerns.linked,
    }).toEqual({ received: 4, acknowledged: 3, acknowledgedInTime: 2, overdueUnacknowledged: 1, linked: 2 });
    expect(concerns.meanWorkingDaysToAcknowledge).toBeCloseTo(16 / 3, 10);
    const byArea = Object.fromEntries(concerns.byArea.map((a) => [a.key, a]));
    expect(byArea.falls!.total).toBe(2);
    expect(byArea.falls!.counts[8]).toBe(2); // the week of Monday 4 March 2019
    expect(byArea.other!.total).toBe(1);
    expect(byArea["pressure-ulcers"]!.counts[25]).toBe(1); // the week of Monday 1 July 2019
    const x = concerns.byCollaborative.find((c) => c.slug === "south-west")!;
    expect(x).toMatchObject({
      received: 3,
      acknowledged: 2,
      acknowledgedInTime: 1,
      overdueUnacknowledged: 1,
      linked: 1,
      acknowledgementDays: 5,
    });
    expect(x.meanWorkingDaysToAcknowledge).toBeCloseTo(5.5, 10);
    const y = concerns.byCollaborative.find((c) => c.slug === "eastern")!;
    expect(y).toMatchObject({
      received: 1,
      acknowledged: 1,
      acknowledgedInTime: 1,
      meanWorkingDaysToAcknowledge: 5,
      linked: 1,
    });
  });

  it("filters by area, and never exports what people wrote", async () => {
    const falls = await getConcerns(cast.viewers.national, NATIONAL, await filters({ area: "falls" }));
    expect(falls.received).toBe(2);
    expect(falls.byArea.map((a) => a.key)).toEqual(["falls"]);
    const csv = await dashboardCsv(cast.viewers.national, NATIONAL, "concerns", await filters());
    expect(csv.body.split("\r\n")[0]).toBe(
      "week_start,collaborative,area,received,acknowledged,acknowledged_in_time,working_days_to_acknowledge_total,overdue_unacknowledged,linked_to_priority_or_project,responded,response_answered_yes,response_answered_partly,response_answered_no,response_not_rated",
    );
    expect(csv.body).toContain("2019-03-04,south-west,falls,2,2,1,11,0,1,0,0,0,0,0");
    expect(csv.body).not.toContain(data.secret);
  });

  it("counts working days in SQL exactly as the concerns service level does (weekends and bank holidays)", async () => {
    const pairs: [string, string][] = [
      ["2026-12-23", "2027-01-05"], // Christmas, the substitute Boxing Day and New Year
      ["2025-04-17", "2025-04-22"], // Easter
      ["2026-08-28", "2026-09-01"], // a bank holiday Monday
      ["2019-03-05", "2019-03-14"],
      ["2024-02-02", "2024-02-05"],
      ["2024-02-05", "2024-02-05"],
    ];
    for (const [from, to] of pairs) {
      const [row] = await db.$queryRaw<
        { days: number }[]
      >`SELECT psc_working_days_between(${from}::date, ${to}::date) AS days`;
      expect(row!.days, `${from} to ${to}`).toBe(workingDaysBetween(dayFromIso(from), dayFromIso(to)));
    }
  });
});

describe("spread", () => {
  it("counts adoptions across collaboratives as flows, rankings and the fastest-spreading ideas", async () => {
    const spread = await getSpread(cast.viewers.national, NATIONAL, await filters());
    expect(spread.adoptions).toBe(3);
    expect(spread.flows.map((f) => [f.origin.slug, f.adopter.slug, f.adoptions]).sort()).toEqual(
      [
        ["eastern", "south-west", 1],
        ["south-west", "eastern", 1],
        ["south-west", "north-west-london", 1],
      ].sort(),
    );
    expect(spread.origins.map((o) => [o.slug, o.adoptions])).toEqual([
      ["south-west", 2],
      ["eastern", 1],
    ]);
    expect(spread.adopters.map((o) => [o.slug, o.adoptions]).sort()).toEqual([
      ["eastern", 1],
      ["north-west-london", 1],
      ["south-west", 1],
    ]);
    expect(spread.fastest.map((i) => [i.learningItemId, i.adopters, i.medianDaysToAdopt])).toEqual([
      [data.learning.l1.id, 2, 20],
      [data.learning.l2.id, 1, 5],
    ]);
  });

  it("scopes flows to a collaborative (in and out) and to an area", async () => {
    const eastern = await getSpread(cast.viewers.national, NATIONAL, await filters({ collaborative: "eastern" }));
    expect(eastern.adoptions).toBe(2);
    const falls = await getSpread(cast.viewers.national, NATIONAL, await filters({ area: "falls" }));
    expect(falls.adoptions).toBe(2);
    expect(falls.fastest.map((i) => i.learningItemId)).toEqual([data.learning.l1.id]);
  });
});

describe("Sign up to Safety", () => {
  it("adds numerators and denominators nationally per month and charts them against a halved baseline", async () => {
    const harm = await getHarm(cast.viewers.national, NATIONAL, await filters());
    const falls = harm.find((h) => h.key === "falls-with-harm")!;
    // Shown: January to December 2019. Baseline: the first 12 months of data, December 2018 to November 2019.
    expect(falls.points).toHaveLength(12);
    expect(falls.points[0]).toMatchObject({ value: 10, numerator: 10, denominator: 1000, measures: 1 });
    expect(falls.baseline!.from.toISOString().slice(0, 10)).toBe("2018-12-01");
    expect(falls.baseline!.to.toISOString().slice(0, 10)).toBe("2019-11-01");
    expect(falls.baseline!.mean).toBeCloseTo(6, 10);
    expect(falls.ambition).toBeCloseTo(3, 10);
    // December 2019: (2 + 30) harms in (1,000 + 3,000) bed days = 8 per 1,000, above the upper limit.
    expect(falls.latest).toMatchObject({ numerator: 32, denominator: 4000, measures: 2 });
    expect(falls.latest!.value).toBeCloseTo(8, 10);
    expect(falls.latest!.specialCause).toBe("concern");
    const ulcers = harm.find((h) => h.key === "pressure-ulcers")!;
    expect(ulcers.latest!.value).toBeCloseTo(10, 10);
    expect(harm.find((h) => h.key === "delayed-transfers")!.points.filter((p) => p.value !== null)).toHaveLength(0);
  });

  it("follows the collaborative filter", async () => {
    const harm = await getHarm(cast.viewers.national, NATIONAL, await filters({ collaborative: "eastern" }));
    expect(harm.find((h) => h.key === "falls-with-harm")!.latest).toBeNull();
    expect(harm.find((h) => h.key === "pressure-ulcers")!.latest!.value).toBeCloseTo(10, 10);
  });
});

describe("comparing collaboratives (funnel plots)", () => {
  it("compares every collaborative in the latest complete month with data, in the metric's unit", async () => {
    const funnels = await getFunnels(cast.viewers.national, NATIONAL, await filters());
    // 2019 is complete; December 2019 is its latest month with data.
    expect(funnels.month!.toISOString().slice(0, 10)).toBe("2019-12-01");
    expect(funnels.months).toHaveLength(12);
    expect(funnels.highlight).toBeNull();
    const falls = funnels.metrics.find((m) => m.key === "falls-with-harm")!;
    // Only south-west reported falls: 32 in 4,000 bed days. Expected = 8 per 1,000 × 4,000 = 32: ratio 1.
    expect(falls.dataType).toBe("SR");
    expect(falls.rows).toHaveLength(1);
    expect(falls.rows[0]).toMatchObject({ slug: "south-west", numerator: 32, denominator: 4000, outlier95: null });
    expect(falls.rows[0]!.expected).toBeCloseTo(32, 10);
    expect(falls.rows[0]!.ratio).toBeCloseTo(1, 12);
    expect(falls.rows[0]!.rate).toBeCloseTo(8, 10);
    expect(falls.overallRate).toBeCloseTo(8, 10);
    expect(falls.missing).toHaveLength(14);
    // One unit: φ = z² = 0, nothing to widen.
    expect(falls).toMatchObject({ phi: 0, tau2: 0, adjusted: false });
    expect(funnels.metrics.find((m) => m.key === "delayed-transfers")!).toMatchObject({ dataType: "PR", rows: [] });
  });

  it("takes the month asked for, and highlights the collaborative of the scope or filter", async () => {
    const june = await getFunnels(cast.viewers.national, NATIONAL, await filters({ month: "2019-06" }));
    expect(june.month!.toISOString().slice(0, 10)).toBe("2019-06-01");
    expect(june.metrics.find((m) => m.key === "falls-with-harm")!.rows[0]!.numerator).toBe(2); // 2 a month from June 2019
    const own = await getFunnels(
      cast.viewers.national,
      { kind: "collaborative", slug: "south-west" },
      await filters({}, "south-west"),
    );
    expect(own.highlight!.slug).toBe("south-west");
    const ulcers = own.metrics.find((m) => m.key === "pressure-ulcers")!;
    // Every collaborative is compared (eastern's ulcers show on south-west's dashboard), south-west highlighted.
    expect(ulcers.rows.map((r) => [r.slug, r.highlighted])).toEqual([["eastern", false]]);
    expect(own.metrics.find((m) => m.key === "falls-with-harm")!.rows[0]!.highlighted).toBe(true);
  });

  it("compares a collaborative's member organisations where a project names exactly one of them", async () => {
    const organisation = (collaborativeId: string, name: string) =>
      db.organisation.create({ data: { collaborativeId, name, type: "ACUTE_TRUST" } });
    const [one, two, three] = await Promise.all([
      organisation(data.x.id, "Funnel Trust One"),
      organisation(data.y.id, "Funnel Trust Two"),
      organisation(data.y.id, "Funnel Trust Three"),
    ]);
    const links = [
      { projectId: data.projects.p1.id, organisationId: one.id },
      { projectId: data.projects.p4.id, organisationId: two.id },
      { projectId: data.projects.p4.id, organisationId: three.id },
    ];
    await db.projectOrganisation.createMany({ data: links });
    try {
      await refreshDashboardSummaries({ force: true });
      const own = (slug: string) =>
        filters({}, slug).then((f) => getFunnels(cast.viewers.national, { kind: "collaborative", slug }, f));
      const southWest = (await own("south-west")).organisations!;
      // P1 names one organisation: its falls (32 in 4,000 bed days in December 2019) are that trust's.
      expect(southWest.metrics.find((m) => m.key === "falls-with-harm")!.rows).toMatchObject([
        { name: "Funnel Trust One", numerator: 32, denominator: 4000 },
      ]);
      expect(southWest.unattributed).toEqual([]);
      // P4 names two: its pressure ulcers cannot be split between them, and are said to be left out.
      const eastern = (await own("eastern")).organisations!;
      expect(eastern.metrics.find((m) => m.key === "pressure-ulcers")!.rows).toEqual([]);
      expect(eastern.unattributed).toEqual([{ key: "pressure-ulcers", numerator: 10, measures: 1 }]);
      // Nationally, with no collaborative chosen, there is no organisation funnel.
      expect((await getFunnels(cast.viewers.national, NATIONAL, await filters())).organisations).toBeNull();
    } finally {
      await db.projectOrganisation.deleteMany({ where: { organisationId: { in: [one.id, two.id, three.id] } } });
      await db.organisation.deleteMany({ where: { id: { in: [one.id, two.id, three.id] } } });
      await refreshDashboardSummaries({ force: true });
    }
  });

  it("downloads the funnel figures as CSV with the same access as the page", async () => {
    const { body } = await dashboardCsv(cast.viewers.national, NATIONAL, "funnel", await filters());
    const lines = body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "month,compared,metric,unit,data_type,collaborative,organisation,highlighted,numerator,denominator,expected,value,rate,overall_rate,lower_95,upper_95,lower_998,upper_998,outlier_95,outlier_998,phi,tau2,limits_widened",
    );
    expect(lines.filter((l) => l.startsWith("2019-12,collaboratives,falls-with-harm,"))).toHaveLength(1);
    await expect(dashboardCsv(cast.viewers.staffB, NATIONAL, "funnel", await filters())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("who may see the dashboard", () => {
  it("lets the national team and administrators see the national dashboard, and nobody else", async () => {
    const f = await filters();
    for (const role of ["national", "admin"] as const)
      await expect(getDashboard(cast.viewers[role], NATIONAL, f)).resolves.toBeTruthy();
    for (const role of ["anonymous", "patientA", "staffA", "leadA", "staffB", "leadB"] as const) {
      await expect(getDashboard(cast.viewers[role], NATIONAL, f), role).rejects.toBeInstanceOf(ForbiddenError);
      await expect(dashboardCsv(cast.viewers[role], NATIONAL, "coverage", f), role).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
  });

  it("shows a collaborative's own dashboard to its leads and the national team, scoped to it", async () => {
    const f = await filters({}, "wessex");
    const scope: DashboardScope = { kind: "collaborative", slug: "wessex" };
    const lead = await getDashboard(cast.viewers.leadA, scope, f);
    expect(lead.coverage.rows.map((r) => r.collaborative.slug)).toEqual(["wessex"]);
    expect(lead.concerns.byCollaborative.map((c) => c.slug)).toEqual(["wessex"]);
    await expect(getDashboard(cast.viewers.national, scope, f)).resolves.toBeTruthy();
    for (const role of ["anonymous", "patientA", "staffA", "staffB", "leadB"] as const) {
      await expect(getDashboard(cast.viewers[role], scope, f), role).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      getDashboard(cast.viewers.leadA, { kind: "collaborative", slug: "no-such-place" }, f),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps a lead's view on their collaborative whatever the URL asks for", async () => {
    const reference = await getDashboardReference();
    const { filters: f, notes } = parseDashboardFilters(
      { from: "2019-01", to: "2019-12", collaborative: "south-west" },
      knownValues(reference),
      { fixedCollaborative: "eastern" },
    );
    expect(f.collaborative).toBe("eastern");
    expect(notes).toHaveLength(1);
    const { viewer } = await createUser({ memberships: { eastern: "LEAD" } });
    const coverage = await getCoverage(viewer, { kind: "collaborative", slug: "eastern" }, f);
    expect(coverage.rows.map((r) => r.collaborative.slug)).toEqual(["eastern"]);
    expect(coverage.totals).toEqual({ projects: 1, reporting: 1 });
  });

  it("gives not found for a download of an unknown panel", async () => {
    await expect(dashboardCsv(cast.viewers.national, NATIONAL, "secrets", await filters())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("summaries", () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** PostgreSQL's change counters reach pg_stat_user_tables a few seconds after a write: poll. */
  async function refreshUntil(refreshed: boolean) {
    for (let i = 0; i < 30; i++) {
      const result = await refreshDashboardSummaries();
      if (result.refreshed === refreshed) return result;
      await sleep(1000);
    }
    throw new Error(`refresh never returned refreshed=${refreshed}`);
  }

  it("are refreshed when the source tables change, and skipped when they have not", async () => {
    await refreshDashboardSummaries({ force: true });
    await refreshUntil(false);
    expect((await refreshDashboardSummaries()).refreshed).toBe(false);
    const before = await getConcerns(cast.viewers.national, NATIONAL, await filters());
    await db.concern.create({
      data: {
        reference: "DASH-LATE-ONE",
        trackingTokenHash: "dash-late-one",
        idempotencyKey: "dash-late-one",
        collaborativeId: data.x.id,
        whatHappened: "x",
        reporterRelation: "CARER",
        receivedAt: new Date("2019-10-01T10:00:00Z"),
      },
    });
    // Until the summaries are refreshed the dashboard shows the figures as of the last refresh.
    expect((await getConcerns(cast.viewers.national, NATIONAL, await filters())).received).toBe(before.received);
    await refreshUntil(true);
    expect((await getConcerns(cast.viewers.national, NATIONAL, await filters())).received).toBe(before.received + 1);
  }, 90_000);

  it("are refreshed on a new UK day even when nothing changed, so date-dependent figures (overdue) move on", async () => {
    await refreshDashboardSummaries({ force: true });
    await refreshUntil(false);
    // The last refresh was yesterday; the source tables have not changed since.
    await refreshDashboardSummaries({ force: true, now: () => new Date(Date.now() - 86_400_000) });
    expect((await refreshDashboardSummaries()).refreshed).toBe(true);
  }, 90_000);

  it("are refreshed from one snapshot: a write committed during a refresh is in none of the views", async () => {
    // As the server's superuser: a lock on Concern stops the refresh at its third view (the first
    // two read no concerns), and an adoption committed meanwhile must not reach the fifth.
    const databaseName = new URL(inject("databaseUrl")).pathname.slice(1);
    const superuserUrl = withDatabase(inject("serverUrl"), databaseName);
    const admin = new pg.Client(poolConfigFromUrl(superuserUrl));
    const writer = new pg.Client(poolConfigFromUrl(superuserUrl));
    await Promise.all([admin.connect(), writer.connect()]);
    let adoptionId: string | undefined;
    try {
      await admin.query("BEGIN");
      await admin.query(`LOCK TABLE "Concern" IN ACCESS EXCLUSIVE MODE`);
      const refresh = refreshDashboardSummaries({ force: true });
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`,
        );
        if (rows[0]!.waiting > 0) break;
        await sleep(100);
      }
      const { rows } = await writer.query<{ id: string }>(
        `INSERT INTO "Adoption" (id, "learningItemId", "collaborativeId", "recordedById", "updatedAt")
         SELECT 'snapshot-adoption', li.id, c.id, $1, now()
         FROM "LearningItem" li CROSS JOIN "Collaborative" c
         WHERE li."collaborativeId" IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM "Adoption" a WHERE a."learningItemId" = li.id AND a."collaborativeId" = c.id AND a."organisationId" IS NULL)
         LIMIT 1 RETURNING id`,
        [cast.viewers.staffA.userId],
      );
      adoptionId = rows[0]!.id;
      await admin.query("COMMIT");
      await refresh;
      const inView = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM dashboard_adoption_facts WHERE adoption_id = ${adoptionId}`;
      expect(inView[0]!.n).toBe(0);
    } finally {
      await admin.query("ROLLBACK").catch(() => {});
      if (adoptionId) await writer.query(`DELETE FROM "Adoption" WHERE id = $1`, [adoptionId]);
      await Promise.all([admin.end(), writer.end()]);
      await refreshDashboardSummaries({ force: true });
    }
  }, 90_000);

  it("reach a page from one refresh: a refresh committed between two panel reads shows in none of them", async () => {
    await refreshDashboardSummaries({ force: true });
    const f = await filters();
    const before = await getDashboard(cast.viewers.national, NATIONAL, f);
    const concern = await db.concern.create({
      data: {
        reference: "DASH-MID-PAGE",
        trackingTokenHash: "dash-mid-page",
        idempotencyKey: "dash-mid-page",
        collaborativeId: data.x.id,
        whatHappened: "x",
        reporterRelation: "CARER",
        receivedAt: new Date("2019-10-01T10:00:00Z"),
      },
    });
    try {
      // The page reads cold; just before its first read of the concerns summary, a refresh that
      // counts the new concern commits (in another connection).
      clearDashboardCache();
      let refreshedMidPage = false;
      recordDashboardSql(async (statement) => {
        if (refreshedMidPage || !statement.text.includes("dashboard_concern_weekly")) return;
        refreshedMidPage = true;
        await refreshDashboardSummaries({ force: true });
      });
      const during = await getDashboard(cast.viewers.national, NATIONAL, f);
      recordDashboardSql(undefined);
      expect(refreshedMidPage).toBe(true);
      // Every figure, and "Figures as of", is the previous refresh's.
      expect(during).toEqual(before);
      // The next page is the new refresh's, in every panel (nothing cached from the mixed moment).
      const after = await getDashboard(cast.viewers.national, NATIONAL, f);
      expect(after.refreshedAt!.getTime()).toBeGreaterThan(before.refreshedAt!.getTime());
      expect(after.concerns.received).toBe(before.concerns.received + 1);
      expect(after.coverage).toEqual(before.coverage);
    } finally {
      recordDashboardSql(undefined);
      await db.concern.delete({ where: { id: concern.id } });
      await refreshDashboardSummaries({ force: true });
    }
  }, 90_000);
});
