-- CreateTable
CREATE TABLE "DashboardSummaryRefresh" (
    "id" TEXT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "sourceChanges" BIGINT NOT NULL,

    CONSTRAINT "DashboardSummaryRefresh_pkey" PRIMARY KEY ("id")
);


-- ─── National dashboard summaries (hand-written) ────────────────────────────────
-- Materialised views the dashboard reads instead of the raw tables, refreshed together by the
-- `dashboard.refresh` job (lib/dashboard/summaries.ts) with REFRESH ... CONCURRENTLY, which needs a
-- unique index on each. Prisma's schema cannot describe them: their indexes are listed in
-- tests/integration/schema-drift.test.ts ALLOWED_EXTRAS. A priority area is keyed by its slug when
-- national, 'local' for any local priority, and (concerns only) 'other' when none was chosen.

-- Working days after `a` up to and including `b`: Monday to Friday less England's bank holidays, as
-- lib/concerns/service-level.ts workingDaysBetween (the list mirrors ENGLAND_BANK_HOLIDAYS there, and an
-- integration test compares the two).
CREATE FUNCTION psc_working_days_between(a date, b date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN b <= a THEN 0 ELSE
    ((b - a) / 7) * 5
    + (SELECT count(*)::int FROM generate_series(1, (b - a) % 7) AS i WHERE extract(isodow FROM a + i) < 6)
    - (SELECT count(*)::int FROM unnest('{2024-01-01,2024-03-29,2024-04-01,2024-05-06,2024-05-27,2024-08-26,2024-12-25,2024-12-26,2025-01-01,2025-04-18,2025-04-21,2025-05-05,2025-05-26,2025-08-25,2025-12-25,2025-12-26,2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28,2027-01-01,2027-03-26,2027-03-29,2027-05-03,2027-05-31,2027-08-30,2027-12-27,2027-12-28}'::date[]) AS h(day)
       WHERE h.day > a AND h.day <= b AND extract(isodow FROM h.day) < 6)
  END
$$;

-- Months as one integer (year × 12 + month − 1), so a period is a range of integers.
CREATE FUNCTION psc_month_index(d date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM d)::int * 12 + extract(month FROM d)::int - 1)
$$;

-- One row per project: its priority-area keys and the months in which it reported any measure data.
CREATE MATERIALIZED VIEW dashboard_project_facts AS
WITH areas AS (
  SELECT pp."projectId" AS project_id,
         array_agg(DISTINCT CASE WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END ORDER BY CASE WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END) AS area_keys
  FROM "ProjectPriority" pp JOIN "PriorityArea" pa ON pa.id = pp."priorityAreaId"
  GROUP BY pp."projectId"
), months AS (
  SELECT m."projectId" AS project_id, array_agg(DISTINCT psc_month_index(mp."periodStart")) AS reporting_months
  FROM "MeasurePoint" mp JOIN "Measure" m ON m.id = mp."measureId"
  GROUP BY m."projectId"
)
SELECT p.id AS project_id,
       p."collaborativeId" AS collaborative_id,
       p.status::text AS status,
       p."startDate" AS start_date,
       coalesce(a.area_keys, '{}'::text[]) AS area_keys,
       coalesce(mo.reporting_months, '{}'::integer[]) AS reporting_months
FROM "Project" p
LEFT JOIN areas a ON a.project_id = p.id
LEFT JOIN months mo ON mo.project_id = p.id;
CREATE UNIQUE INDEX dashboard_project_facts_project_id_key ON dashboard_project_facts (project_id);
CREATE INDEX dashboard_project_facts_collaborative_idx ON dashboard_project_facts (collaborative_id);

-- One row per measure with data: its stored SPC status (lib/measures/spc-status.ts) and where it belongs.
CREATE MATERIALIZED VIEW dashboard_measure_status AS
SELECT m.id AS measure_id,
       m.name AS measure_name,
       m.unit,
       m."spcLatestSpecialCause" AS signal,
       m."spcVariation" AS variation,
       m."spcLatestPeriod" AS latest_period,
       m."spcPointCount" AS point_count,
       p.id AS project_id,
       p.title AS project_title,
       p."collaborativeId" AS collaborative_id,
       coalesce((SELECT array_agg(DISTINCT CASE WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END)
                 FROM "ProjectPriority" pp JOIN "PriorityArea" pa ON pa.id = pp."priorityAreaId"
                 WHERE pp."projectId" = p.id), '{}'::text[]) AS area_keys
FROM "Measure" m JOIN "Project" p ON p.id = m."projectId"
WHERE m."spcPointCount" > 0;
CREATE UNIQUE INDEX dashboard_measure_status_measure_id_key ON dashboard_measure_status (measure_id);
CREATE INDEX dashboard_measure_status_period_idx ON dashboard_measure_status (latest_period, collaborative_id);
CREATE INDEX dashboard_measure_status_signal_idx ON dashboard_measure_status (signal, latest_period DESC) WHERE signal IN ('improvement', 'concern');

-- Concerns per week (Monday, UK time) × collaborative × area: counts only, never free text.
CREATE MATERIALIZED VIEW dashboard_concern_weekly AS
WITH c AS (
  SELECT c."collaborativeId" AS collaborative_id,
         CASE WHEN pa.id IS NULL THEN 'other' WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END AS area_key,
         (c."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London') AS received_local,
         (c."acknowledgedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date AS acknowledged_day,
         col."acknowledgementDays" AS sla_days,
         (c."linkedPriorityId" IS NOT NULL OR c."linkedProjectId" IS NOT NULL) AS linked
  FROM "Concern" c
  JOIN "Collaborative" col ON col.id = c."collaborativeId"
  LEFT JOIN "PriorityArea" pa ON pa.id = c."priorityAreaId"
)
SELECT date_trunc('week', received_local)::date AS week_start,
       collaborative_id,
       area_key,
       count(*)::int AS received,
       count(acknowledged_day)::int AS acknowledged,
       -- On time: acknowledged no later than the due day (received + N working days), i.e. fewer than N
       -- working days had passed by the day before. Overdue: the due day has ended (as isAcknowledgementOverdue).
       count(*) FILTER (WHERE acknowledged_day IS NOT NULL AND psc_working_days_between(received_local::date, acknowledged_day - 1) < sla_days)::int AS acknowledged_in_time,
       coalesce(sum(psc_working_days_between(received_local::date, acknowledged_day)) FILTER (WHERE acknowledged_day IS NOT NULL), 0)::int AS working_days_to_acknowledge,
       count(*) FILTER (WHERE acknowledged_day IS NULL AND psc_working_days_between(received_local::date, (now() AT TIME ZONE 'Europe/London')::date - 1) >= sla_days)::int AS overdue_unacknowledged,
       count(*) FILTER (WHERE linked)::int AS linked
FROM c
GROUP BY 1, 2, 3;
CREATE UNIQUE INDEX dashboard_concern_weekly_key ON dashboard_concern_weekly (week_start, collaborative_id, area_key);

-- Sign up to Safety: monthly sums of numerators and denominators of the national harm measures, per
-- collaborative, for all areas together (area_key '') and for each area.
CREATE MATERIALIZED VIEW dashboard_harm_monthly AS
WITH points AS (
  SELECT m."nationalMetric" AS metric, p.id AS project_id, p."collaborativeId" AS collaborative_id,
         date_trunc('month', mp."periodStart")::date AS month, m.id AS measure_id, mp.numerator, mp.denominator
  FROM "MeasurePoint" mp
  JOIN "Measure" m ON m.id = mp."measureId"
  JOIN "Project" p ON p.id = m."projectId"
  WHERE m."nationalMetric" IS NOT NULL AND m."valueType" = 'RATE' AND mp.numerator IS NOT NULL AND mp.denominator > 0
), areas AS (
  SELECT DISTINCT pp."projectId" AS project_id, CASE WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END AS area_key
  FROM "ProjectPriority" pp JOIN "PriorityArea" pa ON pa.id = pp."priorityAreaId"
)
SELECT metric, collaborative_id, ''::text AS area_key, month,
       sum(numerator)::float8 AS numerator, sum(denominator)::float8 AS denominator, count(DISTINCT measure_id)::int AS measures
FROM points GROUP BY metric, collaborative_id, month
UNION ALL
SELECT metric, collaborative_id, a.area_key, month,
       sum(numerator)::float8, sum(denominator)::float8, count(DISTINCT measure_id)::int
FROM points JOIN areas a USING (project_id) GROUP BY metric, collaborative_id, a.area_key, month;
CREATE UNIQUE INDEX dashboard_harm_monthly_key ON dashboard_harm_monthly (metric, area_key, collaborative_id, month);

-- Spread: one row per adoption of a learning item that came from a collaborative (national notes have
-- no origin), with the item's areas.
CREATE MATERIALIZED VIEW dashboard_adoption_facts AS
SELECT ad.id AS adoption_id,
       ad."learningItemId" AS learning_item_id,
       li.title AS learning_title,
       li.slug AS learning_slug,
       li."collaborativeId" AS origin_id,
       ad."collaborativeId" AS adopter_id,
       ad.status::text AS status,
       ad."createdAt" AS adopted_at,
       li."publishedAt" AS published_at,
       coalesce((SELECT array_agg(DISTINCT CASE WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END)
                 FROM "LearningItemPriority" lp JOIN "PriorityArea" pa ON pa.id = lp."priorityAreaId"
                 WHERE lp."learningItemId" = li.id), '{}'::text[]) AS area_keys
FROM "Adoption" ad JOIN "LearningItem" li ON li.id = ad."learningItemId"
WHERE li."collaborativeId" IS NOT NULL;
CREATE UNIQUE INDEX dashboard_adoption_facts_adoption_id_key ON dashboard_adoption_facts (adoption_id);
CREATE INDEX dashboard_adoption_facts_adopted_at_idx ON dashboard_adoption_facts (adopted_at);
