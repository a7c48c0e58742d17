-- CreateTable
CREATE TABLE "ConcernEmailRequest" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "concernId" TEXT,
    "reference" TEXT,
    "emailHash" TEXT,
    "ip" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernEmailRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConcernEmailRequest_claimedAt_notBefore_idx" ON "ConcernEmailRequest"("claimedAt", "notBefore");

-- CreateIndex
CREATE INDEX "ConcernEmailRequest_concernId_idx" ON "ConcernEmailRequest"("concernId");

-- AddForeignKey
ALTER TABLE "ConcernEmailRequest" ADD CONSTRAINT "ConcernEmailRequest_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What each kind needs (the job reads nothing else).
ALTER TABLE "ConcernEmailRequest" ADD CONSTRAINT "ConcernEmailRequest_kind_check" CHECK (
  ("kind" = 'confirmation' AND "concernId" IS NOT NULL)
  OR ("kind" = 'new-link' AND "reference" IS NOT NULL AND "emailHash" IS NOT NULL));

-- One confirmation email per concern, whatever retries or races happen.
CREATE UNIQUE INDEX "ConcernEmailRequest_confirmation_key" ON "ConcernEmailRequest" ("concernId")
  WHERE "kind" = 'confirmation';

-- Wakes the job worker (lib/jobs/worker.ts listens) so the email goes out within seconds rather than
-- at the next minute's scheduled run.
CREATE FUNCTION concern_email_requested() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('psc_job_wake', 'concerns.send-emails');
  RETURN NULL;
END $$;

CREATE TRIGGER concern_email_requested AFTER INSERT ON "ConcernEmailRequest"
  FOR EACH STATEMENT EXECUTE FUNCTION concern_email_requested();
