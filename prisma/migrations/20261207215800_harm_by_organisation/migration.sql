-- ─── Sign up to Safety harm by member organisation (issue 22, hand-written) ─────────────────────
-- A collaborative's funnel plot across its own organisations needs each harm measure's monthly sums
-- by organisation. A measure carries an organisation only through its project's organisations, so its
-- figures belong to one organisation only when the project names exactly one of its collaborative's
-- organisations. Projects naming several (their figures cannot be split between them) or none are
-- summed under organisation_id '' so the page can say how much could not be attributed. Counted
-- projects and measures only (no drafts, nothing archived), as dashboard_harm_monthly.
CREATE MATERIALIZED VIEW dashboard_harm_organisation_monthly AS
WITH project_organisations AS (
  SELECT po."projectId" AS project_id, min(po."organisationId") AS organisation_id, count(*)::int AS organisations
  FROM "ProjectOrganisation" po
  JOIN "Organisation" o ON o.id = po."organisationId"
  JOIN "Project" p ON p.id = po."projectId"
  WHERE o."collaborativeId" = p."collaborativeId"
  GROUP BY po."projectId"
)
SELECT m."nationalMetric" AS metric, p."collaborativeId" AS collaborative_id,
       CASE WHEN po.organisations = 1 THEN po.organisation_id ELSE '' END AS organisation_id,
       date_trunc('month', mp."periodStart")::date AS month,
       sum(mp.numerator)::float8 AS numerator, sum(mp.denominator)::float8 AS denominator,
       count(DISTINCT m.id)::int AS measures
FROM "MeasurePoint" mp
JOIN "Measure" m ON m.id = mp."measureId"
JOIN "Project" p ON p.id = m."projectId"
LEFT JOIN project_organisations po ON po.project_id = p.id
WHERE m."nationalMetric" IS NOT NULL AND m."valueType" = 'RATE' AND mp.numerator IS NOT NULL AND mp.denominator > 0
  AND m."archivedAt" IS NULL AND psc_project_counted(p.visibility, p."archivedAt")
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX dashboard_harm_organisation_monthly_key
  ON dashboard_harm_organisation_monthly (collaborative_id, month, metric, organisation_id);

-- Refreshed with the other summaries, in one snapshot (lib/dashboard/summaries.ts lists the same order).
CREATE OR REPLACE FUNCTION psc_refresh_dashboard_summaries() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_project_facts;
  ANALYZE dashboard_project_facts;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_measure_status;
  ANALYZE dashboard_measure_status;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_concern_weekly;
  ANALYZE dashboard_concern_weekly;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_harm_monthly;
  ANALYZE dashboard_harm_monthly;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_harm_organisation_monthly;
  ANALYZE dashboard_harm_organisation_monthly;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_adoption_facts;
  ANALYZE dashboard_adoption_facts;
END
$$;
