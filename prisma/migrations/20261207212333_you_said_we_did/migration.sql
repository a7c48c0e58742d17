-- CreateEnum
CREATE TYPE "ConcernKind" AS ENUM ('CONCERN', 'EXCELLENCE');

-- CreateEnum
CREATE TYPE "YouSaidStatus" AS ENUM ('DRAFT', 'AWAITING_APPROVAL', 'PUBLISHED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "kind" "ConcernKind" NOT NULL DEFAULT 'CONCERN',
ADD COLUMN     "publicSummaryConsent" BOOLEAN;

-- CreateTable
CREATE TABLE "YouSaidWeDid" (
    "id" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" "YouSaidStatus" NOT NULL DEFAULT 'DRAFT',
    "youSaid" TEXT NOT NULL,
    "weDid" TEXT NOT NULL,
    "priorityId" TEXT,
    "projectId" TEXT,
    "measureId" TEXT,
    "sentBackReason" TEXT,
    "approvedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YouSaidWeDid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YouSaidWeDidConcern" (
    "itemId" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,

    CONSTRAINT "YouSaidWeDidConcern_pkey" PRIMARY KEY ("itemId","concernId")
);

-- CreateIndex
CREATE INDEX "YouSaidWeDid_collaborativeId_status_publishedAt_idx" ON "YouSaidWeDid"("collaborativeId", "status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "YouSaidWeDid_authorId_idx" ON "YouSaidWeDid"("authorId");

-- CreateIndex
CREATE INDEX "YouSaidWeDid_approvedById_idx" ON "YouSaidWeDid"("approvedById");

-- CreateIndex
CREATE INDEX "YouSaidWeDid_priorityId_idx" ON "YouSaidWeDid"("priorityId");

-- CreateIndex
CREATE INDEX "YouSaidWeDid_projectId_idx" ON "YouSaidWeDid"("projectId");

-- CreateIndex
CREATE INDEX "YouSaidWeDid_measureId_idx" ON "YouSaidWeDid"("measureId");

-- CreateIndex
CREATE INDEX "YouSaidWeDidConcern_concernId_idx" ON "YouSaidWeDidConcern"("concernId");

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "PriorityArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDidConcern" ADD CONSTRAINT "YouSaidWeDidConcern_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "YouSaidWeDid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDidConcern" ADD CONSTRAINT "YouSaidWeDidConcern_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A published item says when it was published (the public list's order).
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_published_check"
  CHECK ("status" NOT IN ('PUBLISHED', 'WITHDRAWN') OR "publishedAt" IS NOT NULL);

-- "What went well" is not a concern: it leaves the concern counts and acknowledgement figures and is
-- counted as its own figure (went_well). Held submissions are still in no figure until released.
DROP MATERIALIZED VIEW dashboard_concern_weekly;
CREATE MATERIALIZED VIEW dashboard_concern_weekly AS
WITH c AS (
  SELECT c."collaborativeId" AS collaborative_id,
         CASE WHEN pa.id IS NULL THEN 'other' WHEN pa.kind = 'NATIONAL' THEN pa.slug ELSE 'local' END AS area_key,
         (c.kind = 'EXCELLENCE') AS went_well,
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
       count(*) FILTER (WHERE NOT went_well)::int AS received,
       count(acknowledged_day) FILTER (WHERE NOT went_well)::int AS acknowledged,
       -- On time: acknowledged no later than the due day (received + N working days), i.e. fewer than N
       -- working days had passed by the day before. Overdue: the due day has ended (as isAcknowledgementOverdue).
       count(*) FILTER (WHERE NOT went_well AND acknowledged_day IS NOT NULL AND psc_working_days_between(received_local::date, acknowledged_day - 1) < sla_days)::int AS acknowledged_in_time,
       coalesce(sum(psc_working_days_between(received_local::date, acknowledged_day)) FILTER (WHERE NOT went_well AND acknowledged_day IS NOT NULL), 0)::int AS working_days_to_acknowledge,
       count(*) FILTER (WHERE NOT went_well AND acknowledged_day IS NULL AND psc_working_days_between(received_local::date, (now() AT TIME ZONE 'Europe/London')::date - 1) >= sla_days)::int AS overdue_unacknowledged,
       count(*) FILTER (WHERE NOT went_well AND linked)::int AS linked,
       count(*) FILTER (WHERE went_well)::int AS went_well
FROM c
GROUP BY 1, 2, 3;
CREATE UNIQUE INDEX dashboard_concern_weekly_key ON dashboard_concern_weekly (week_start, collaborative_id, area_key);
