-- Refreshing (and analysing) a materialised view needs its owner. The portal connects as an app role
-- that owns nothing (lib/cli/database-roles.ts), so the dashboard.refresh job calls this function,
-- which runs with the rights of the role that ran the migrations and can do nothing else.
CREATE FUNCTION psc_refresh_dashboard_summaries() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- In lib/dashboard/summaries.ts's order; CONCURRENTLY: readers keep the old rows until the new are ready.
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_project_facts;
  ANALYZE dashboard_project_facts;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_measure_status;
  ANALYZE dashboard_measure_status;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_concern_weekly;
  ANALYZE dashboard_concern_weekly;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_harm_monthly;
  ANALYZE dashboard_harm_monthly;
  REFRESH MATERIALIZED VIEW CONCURRENTLY dashboard_adoption_facts;
  ANALYZE dashboard_adoption_facts;
END
$$;
-- Only roles granted it (the app role) may call it.
REVOKE ALL ON FUNCTION psc_refresh_dashboard_summaries() FROM PUBLIC;
