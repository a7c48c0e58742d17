-- CreateEnum
CREATE TYPE "ReplyAnswer" AS ENUM ('YES', 'PARTLY', 'NO');

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "replyWaitingAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConcernReply" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "responseId" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "answered" "ReplyAnswer",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "ConcernReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConcernReply_concernId_createdAt_idx" ON "ConcernReply"("concernId", "createdAt");

-- CreateIndex
CREATE INDEX "ConcernReply_responseId_idx" ON "ConcernReply"("responseId");

-- AddForeignKey
ALTER TABLE "ConcernReply" ADD CONSTRAINT "ConcernReply_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernReply" ADD CONSTRAINT "ConcernReply_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "ConcernResponse"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A reply says something: words, a rating of the response, or both (the form asks for one of them).
ALTER TABLE "ConcernReply" ADD CONSTRAINT "ConcernReply_body_or_answer_check"
  CHECK ("answered" IS NOT NULL OR length(btrim("body")) > 0);

-- The dashboards' "Did the response answer the concern?": of concerns (not held) that got a public
-- response, how many reporters said yes, partly or no (their latest rating), counted by the week the
-- concern arrived like every other concern figure. Counts only: no reply text reaches a summary. Keeps
-- the went_well column and filters of the you_said_we_did migration before it.
DROP MATERIALIZED VIEW dashboard_concern_weekly;
CREATE MATERIALIZED VIEW dashboard_concern_weekly AS
WITH c AS (
  SELECT c."collaborativeId" AS collaborative_id,
         CASE WHEN pa.id IS NULL THEN 'other' WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END AS area_key,
         (c.kind = 'EXCELLENCE') AS went_well,
         (c."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London') AS received_local,
         (c."acknowledgedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date AS acknowledged_day,
         col."acknowledgementDays" AS sla_days,
         (c."linkedPriorityId" IS NOT NULL OR c."linkedProjectId" IS NOT NULL) AS linked,
         EXISTS (SELECT 1 FROM "ConcernResponse" r WHERE r."concernId" = c.id) AS responded,
         (SELECT rp.answered FROM "ConcernReply" rp
          WHERE rp."concernId" = c.id AND rp.answered IS NOT NULL
          ORDER BY rp."createdAt" DESC, rp.id DESC LIMIT 1) AS answered
  FROM "Concern" c
  JOIN "Collaborative" col ON col.id = c."collaborativeId"
  LEFT JOIN "PriorityArea" pa ON pa.id = c."priorityAreaId"
  WHERE c."heldAt" IS NULL
)
SELECT date_trunc('week', received_local)::date AS week_start,
       collaborative_id,
       area_key,
       count(*) FILTER (WHERE NOT went_well)::int AS received,
       count(acknowledged_day) FILTER (WHERE NOT went_well)::int AS acknowledged,
       -- On time: acknowledged no later than the due day (received + N working days), i.e. fewer than N
       -- working days had passed by the day before. Overdue: the due day has ended (as isAcknowledgementOverdue).
       count(*) FILTER (WHERE NOT went_well AND acknowledged_day IS NOT NULL AND psc_working_days_between(received_local::date, acknowledged_day - 1) < sla_days)::int AS acknowledged_in_time,
       coalesce(sum(psc_working_days_between(received_local::date, acknowledged_day)) FILTER (WHERE NOT went_well AND acknowledged_day IS NOT NULL), 0)::int AS working_days_to_acknowledge,
       count(*) FILTER (WHERE NOT went_well AND acknowledged_day IS NULL AND psc_working_days_between(received_local::date, (now() AT TIME ZONE 'Europe/London')::date - 1) >= sla_days)::int AS overdue_unacknowledged,
       count(*) FILTER (WHERE NOT went_well AND linked)::int AS linked,
       count(*) FILTER (WHERE went_well)::int AS went_well,
       -- "Did the response answer the concern?" is asked of concerns; "what went well" is counted above.
       count(*) FILTER (WHERE NOT went_well AND responded)::int AS responded,
       count(*) FILTER (WHERE NOT went_well AND responded AND answered = 'YES')::int AS answered_yes,
       count(*) FILTER (WHERE NOT went_well AND responded AND answered = 'PARTLY')::int AS answered_partly,
       count(*) FILTER (WHERE NOT went_well AND responded AND answered = 'NO')::int AS answered_no
FROM c
GROUP BY 1, 2, 3;
CREATE UNIQUE INDEX dashboard_concern_weekly_key ON dashboard_concern_weekly (week_start, collaborative_id, area_key);
