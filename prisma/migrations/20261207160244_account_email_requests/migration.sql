-- CreateTable
CREATE TABLE "AccountEmailRequest" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "callbackUrl" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountEmailRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountEmailRequest_createdAt_idx" ON "AccountEmailRequest"("createdAt");


-- Wakes the job worker (lib/jobs/worker.ts listens) so the email goes out within seconds rather than
-- at the next minute's scheduled run.
CREATE FUNCTION account_email_requested() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('psc_job_wake', 'accounts.send-emails');
  RETURN NULL;
END $$;

CREATE TRIGGER account_email_requested AFTER INSERT ON "AccountEmailRequest"
  FOR EACH STATEMENT EXECUTE FUNCTION account_email_requested();
