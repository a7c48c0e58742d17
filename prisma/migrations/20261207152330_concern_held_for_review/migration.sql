-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "heldAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Concern_heldAt_idx" ON "Concern"("heldAt");


-- Held concerns ("possibly automated", waiting for a lead) are in no dashboard figure until released.
DROP MATERIALIZED VIEW dashboard_concern_weekly;
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
  WHERE c."heldAt" IS NULL
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
