-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('IMMEDIATELY', 'DIGEST', 'OFF');

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "failedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "skippedAt" TIMESTAMP(3),
    "digestAt" TIMESTAMP(3),
    "digestId" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "Notification_sentAt_skippedAt_nextAttemptAt_idx" ON "Notification"("sentAt", "skippedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_failedAt_idx" ON "Notification"("failedAt");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Wakes the job worker (lib/jobs/worker.ts listens) so a notification goes out within seconds rather
-- than at the next minute's scheduled run. NOTIFY is delivered on commit: a rolled-back cause wakes nothing.
CREATE FUNCTION notification_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('psc_job_wake', 'notifications.send');
  RETURN NULL;
END $$;

CREATE TRIGGER notification_queued AFTER INSERT ON "Notification"
  FOR EACH STATEMENT EXECUTE FUNCTION notification_queued();

ALTER TABLE "Notification" ADD CONSTRAINT "Notification_url_path_check" CHECK (url LIKE '/%' AND url NOT LIKE '//%');
