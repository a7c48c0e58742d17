/**
 * The dashboard's summaries: materialised views over the raw tables (see the dashboard_summaries
 * migration), refreshed together so every panel shows the same moment ("Figures as of HH:MM").
 * The `dashboard.refresh` job (lib/jobs/registry.ts) runs this every five minutes and on demand after
 * writes; a refresh is skipped when nothing in the source tables changed since the last one on the
 * same UK day (figures such as "overdue" depend on today's date, so a new day always refreshes).
 * All six views are refreshed from one snapshot (REPEATABLE READ): a write committed while the
 * refresh runs is in none of them or, next time, in all.
 */
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const REFRESH_ID = "dashboard";
/** Refreshed in this order inside one transaction (by psc_refresh_dashboard_summaries(), which lists them too). */
export const SUMMARY_VIEWS = [
  "dashboard_project_facts",
  "dashboard_measure_status",
  "dashboard_concern_weekly",
  "dashboard_harm_monthly",
  "dashboard_harm_organisation_monthly",
  "dashboard_adoption_facts",
] as const;
const SOURCE_TABLES = [
  "Project",
  "ProjectPriority",
  "ProjectOrganisation",
  "Organisation",
  "Measure",
  "MeasurePoint",
  "Concern",
  "ConcernResponse",
  "ConcernReply",
  "Collaborative",
  "PriorityArea",
  "LearningItem",
  "LearningItemPriority",
  "Adoption",
];
// Two refreshes never overlap: the second one simply skips.
const ADVISORY_LOCK_KEY = 7_420_001;

export type RefreshResult = { refreshed: boolean; refreshedAt: Date | null; durationMs: number };

const ukDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });
const sameUkDay = (a: Date, b: Date) => ukDay.format(a) === ukDay.format(b);

/** Inserts, updates and deletes ever made to the source tables, from PostgreSQL's statistics. */
async function sourceChanges(): Promise<bigint> {
  const rows = await db.$queryRaw<{ changes: bigint | null }[]>`
    SELECT sum(n_tup_ins + n_tup_upd + n_tup_del)::bigint AS changes
    FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname = ANY(${SOURCE_TABLES})`;
  return rows[0]?.changes ?? 0n;
}

// A dashboard page asks several times per request; the worker refreshes in another process, so a
// refresh is seen here within this long (and at once after a refresh in this process).
const STAMP_MEMO_MS = 2_000;
let stampMemo: { at: number; value: Promise<Date | null> } | undefined;

/** When the summaries were last refreshed (null: never, e.g. a fresh database). */
export function getSummariesRefreshedAt(): Promise<Date | null> {
  if (stampMemo && Date.now() - stampMemo.at < STAMP_MEMO_MS) return stampMemo.value;
  const value = readSummariesRefreshedAt(db);
  stampMemo = { at: Date.now(), value };
  value.catch(() => (stampMemo = undefined));
  return value;
}

/** The refresh time as `client` sees it (a dashboard page reads it in the snapshot it reads its panels in). */
export async function readSummariesRefreshedAt(client: Pick<Tx, "dashboardSummaryRefresh">): Promise<Date | null> {
  const row = await client.dashboardSummaryRefresh.findUnique({
    where: { id: REFRESH_ID },
    select: { refreshedAt: true },
  });
  return row?.refreshedAt ?? null;
}

/**
 * Refreshes every summary view (CONCURRENTLY: readers keep the old rows until the new ones are ready).
 * `force` refreshes even when the change counter says nothing changed (tests, the data generator).
 */
export async function refreshDashboardSummaries(
  options: { force?: boolean; now?: () => Date } = {},
): Promise<RefreshResult> {
  const clock = options.now ?? (() => new Date());
  const started = Date.now();
  const changes = await sourceChanges();
  const previous = await db.dashboardSummaryRefresh.findUnique({ where: { id: REFRESH_ID } });
  if (!options.force && previous && previous.sourceChanges === changes && sameUkDay(previous.refreshedAt, clock())) {
    return { refreshed: false, refreshedAt: previous.refreshedAt, durationMs: 0 };
  }
  const result = await db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${ADVISORY_LOCK_KEY}) AS locked`;
      if (!lock?.locked) return { refreshed: false, refreshedAt: previous?.refreshedAt ?? null, durationMs: 0 };
      // REFRESH and ANALYZE (fresh statistics, or the planner guesses a handful of rows and sorts on
      // disk) of every view in SUMMARY_VIEWS, as their owner: the app role owns nothing (migration
      // dashboard_refresh_as_owner).
      await tx.$executeRaw`SELECT psc_refresh_dashboard_summaries()`;
      const refreshedAt = clock();
      const durationMs = Date.now() - started;
      await tx.dashboardSummaryRefresh.upsert({
        where: { id: REFRESH_ID },
        create: { id: REFRESH_ID, refreshedAt, durationMs, sourceChanges: changes },
        update: { refreshedAt, durationMs, sourceChanges: changes },
      });
      return { refreshed: true, refreshedAt, durationMs };
    },
    // One snapshot for every view (at READ COMMITTED each REFRESH statement would take its own).
    { timeout: 10 * 60_000, maxWait: 10_000, isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  // After the commit, so that nothing in this process keeps the previous time.
  stampMemo = undefined;
  return result;
}
