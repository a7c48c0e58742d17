-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedById" TEXT;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedById" TEXT;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_archivedById_fkey" FOREIGN KEY ("archivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_archivedById_fkey" FOREIGN KEY ("archivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


CREATE INDEX "Project_archivedById_idx" ON "Project"("archivedById");
CREATE INDEX "Measure_archivedById_idx" ON "Measure"("archivedById");

-- ─── Drafts and archived rows count in no figure (hand-written) ─────────────────────────────────
-- The one rule, in SQL: a project counts in the dashboards, the national scan, harm metrics, coverage,
-- exports and learning evidence only once it is shared (not a draft) and not archived. The TypeScript
-- twin is lib/projects/counted.ts (countedProjectWhere / countedProjectSql), which calls this function.
CREATE FUNCTION psc_project_counted(visibility "Visibility", archived_at timestamp) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT visibility <> 'DRAFT' AND archived_at IS NULL
$$;

DROP MATERIALIZED VIEW dashboard_project_facts;
CREATE MATERIALIZED VIEW dashboard_project_facts AS
WITH areas AS (
  SELECT pp."projectId" AS project_id,
         array_agg(DISTINCT CASE WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END ORDER BY CASE WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END) AS area_keys
  FROM "ProjectPriority" pp JOIN "PriorityArea" pa ON pa.id = pp."priorityAreaId"
  GROUP BY pp."projectId"
), months AS (
  SELECT m."projectId" AS project_id, array_agg(DISTINCT psc_month_index(mp."periodStart")) AS reporting_months
  FROM "MeasurePoint" mp JOIN "Measure" m ON m.id = mp."measureId"
  WHERE m."archivedAt" IS NULL
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
LEFT JOIN months mo ON mo.project_id = p.id
WHERE psc_project_counted(p.visibility, p."archivedAt");
CREATE UNIQUE INDEX dashboard_project_facts_project_id_key ON dashboard_project_facts (project_id);
CREATE INDEX dashboard_project_facts_collaborative_idx ON dashboard_project_facts (collaborative_id);

DROP MATERIALIZED VIEW dashboard_measure_status;
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
WHERE m."spcPointCount" > 0 AND m."archivedAt" IS NULL AND psc_project_counted(p.visibility, p."archivedAt");
CREATE UNIQUE INDEX dashboard_measure_status_measure_id_key ON dashboard_measure_status (measure_id);
CREATE INDEX dashboard_measure_status_period_idx ON dashboard_measure_status (latest_period, collaborative_id);
CREATE INDEX dashboard_measure_status_signal_idx ON dashboard_measure_status (signal, latest_period DESC) WHERE signal IN ('improvement', 'concern');

DROP MATERIALIZED VIEW dashboard_harm_monthly;
CREATE MATERIALIZED VIEW dashboard_harm_monthly AS
WITH points AS (
  SELECT m."nationalMetric" AS metric, p.id AS project_id, p."collaborativeId" AS collaborative_id,
         date_trunc('month', mp."periodStart")::date AS month, m.id AS measure_id, mp.numerator, mp.denominator
  FROM "MeasurePoint" mp
  JOIN "Measure" m ON m.id = mp."measureId"
  JOIN "Project" p ON p.id = m."projectId"
  WHERE m."nationalMetric" IS NOT NULL AND m."valueType" = 'RATE' AND mp.numerator IS NOT NULL AND mp.denominator > 0
    AND m."archivedAt" IS NULL AND psc_project_counted(p.visibility, p."archivedAt")
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

-- Learning evidence: an item shows "evidence of improvement" only while its measure is improving, not
-- archived, and in a project that counts (lib/learning/evidence.ts recomputes it on every change).
UPDATE "LearningItem" li SET "hasImprovementEvidence" = false
WHERE li."hasImprovementEvidence" AND NOT EXISTS (
  SELECT 1 FROM "Measure" m JOIN "Project" p ON p.id = m."projectId"
  WHERE m.id = li."measureId" AND m."spcLatestSpecialCause" = 'improvement' AND m."archivedAt" IS NULL
    AND psc_project_counted(p.visibility, p."archivedAt"));
