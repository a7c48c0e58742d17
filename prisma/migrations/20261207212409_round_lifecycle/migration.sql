-- Priority rounds people can trust (issue 16): a round is a draft, then scheduled or opened, then closed.
-- Existing rounds keep their status (OPEN stays open, CLOSED closed) and their opening date.

-- The enum is rebuilt rather than extended: a value added by ALTER TYPE … ADD VALUE cannot be used (as
-- the new default) in the same transaction.
ALTER TYPE "RoundStatus" RENAME TO "RoundStatus_old";
CREATE TYPE "RoundStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED');
ALTER TABLE "PriorityRound" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "PriorityRound" ALTER COLUMN "status" TYPE "RoundStatus" USING ("status"::text::"RoundStatus");
ALTER TABLE "PriorityRound" ALTER COLUMN "status" SET DEFAULT 'DRAFT';
DROP TYPE "RoundStatus_old";

-- AlterTable
ALTER TABLE "PriorityRound" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "opensAt" TIMESTAMP(3),
ADD COLUMN     "participantGroups" "ParticipantGroup"[] DEFAULT ARRAY['PATIENT_CARER', 'STAFF']::"ParticipantGroup"[],
ALTER COLUMN "openedAt" DROP NOT NULL,
ALTER COLUMN "openedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "PriorityCandidate" ADD COLUMN     "chosenPriorityId" TEXT;

-- CreateIndex
CREATE INDEX "PriorityRound_status_opensAt_idx" ON "PriorityRound"("status", "opensAt");

-- CreateIndex
CREATE INDEX "PriorityCandidate_chosenPriorityId_idx" ON "PriorityCandidate"("chosenPriorityId");

-- AddForeignKey
ALTER TABLE "PriorityCandidate" ADD CONSTRAINT "PriorityCandidate_chosenPriorityId_fkey" FOREIGN KEY ("chosenPriorityId") REFERENCES "PriorityArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing rows: a round was created when it opened, and a chosen candidate stands for the priority made
-- from it. Closed rounds are frozen by their triggers, which this one-off backfill passes.
ALTER TABLE "PriorityRound" DISABLE TRIGGER "PriorityRound_frozen_when_closed";
ALTER TABLE "PriorityCandidate" DISABLE TRIGGER "PriorityCandidate_frozen_when_closed";
UPDATE "PriorityRound" SET "createdAt" = "openedAt" WHERE "openedAt" IS NOT NULL;
UPDATE "PriorityCandidate" c SET "chosenPriorityId" = p.id FROM "PriorityArea" p WHERE p."candidateId" = c.id;
ALTER TABLE "PriorityCandidate" ENABLE TRIGGER "PriorityCandidate_frozen_when_closed";
ALTER TABLE "PriorityRound" ENABLE TRIGGER "PriorityRound_frozen_when_closed";

-- The lifecycle's rules, kept by the database too: an open or closed round has opened; a scheduled one
-- knows when it opens; somebody is asked to rank.
ALTER TABLE "PriorityRound" ADD CONSTRAINT "PriorityRound_opened_check"
  CHECK ("status" IN ('DRAFT', 'SCHEDULED') OR "openedAt" IS NOT NULL);
ALTER TABLE "PriorityRound" ADD CONSTRAINT "PriorityRound_scheduled_check"
  CHECK ("status" <> 'SCHEDULED' OR "opensAt" IS NOT NULL);
ALTER TABLE "PriorityRound" ADD CONSTRAINT "PriorityRound_participantGroups_check"
  CHECK (cardinality("participantGroups") >= 1);

-- Nobody ranks in a round that has not opened (a closed one is refused by the frozen triggers).
CREATE FUNCTION ballot_only_when_open() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "PriorityRound" r WHERE r.id = NEW."roundId" AND r.status IN ('OPEN', 'CLOSED')) THEN
    RAISE EXCEPTION 'Priority round % has not opened: nobody can rank in it yet', NEW."roundId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Ballot_only_when_open"
  BEFORE INSERT OR UPDATE ON "Ballot"
  FOR EACH ROW EXECUTE FUNCTION ballot_only_when_open();
