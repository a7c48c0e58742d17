-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PriorityArea" ADD COLUMN     "candidateId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "PriorityArea_candidateId_key" ON "PriorityArea"("candidateId");

-- AddForeignKey
ALTER TABLE "PriorityArea" ADD CONSTRAINT "PriorityArea_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "PriorityCandidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Priority setting is only fair if a closed round stays exactly as it was, so that its results can be
-- recomputed from the stored ballots at any time. The application checks first and explains; the
-- database refuses any change to a closed round, its candidates, ballots and rankings regardless.
-- Rows written in the same transaction that closed the round are allowed (a seed writing history).
CREATE FUNCTION priority_round_reject_if_closed(round_id text) RETURNS void AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "PriorityRound" r
    WHERE r.id = round_id AND r.status = 'CLOSED' AND r.xmin <> pg_current_xact_id()::xid
  ) THEN
    RAISE EXCEPTION 'Priority round % is closed: it, its candidates and its ballots cannot change', round_id
      USING ERRCODE = 'check_violation';
  END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION priority_round_frozen_when_closed() RETURNS trigger AS $$
BEGIN
  PERFORM priority_round_reject_if_closed(OLD.id);
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION priority_round_part_frozen_when_closed() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM priority_round_reject_if_closed(OLD."roundId"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM priority_round_reject_if_closed(NEW."roundId"); END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION ballot_ranking_frozen_when_closed() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM priority_round_reject_if_closed((SELECT b."roundId" FROM "Ballot" b WHERE b.id = OLD."ballotId"));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM priority_round_reject_if_closed((SELECT b."roundId" FROM "Ballot" b WHERE b.id = NEW."ballotId"));
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PriorityRound_frozen_when_closed"
  BEFORE UPDATE OR DELETE ON "PriorityRound"
  FOR EACH ROW EXECUTE FUNCTION priority_round_frozen_when_closed();

CREATE TRIGGER "PriorityCandidate_frozen_when_closed"
  BEFORE INSERT OR UPDATE OR DELETE ON "PriorityCandidate"
  FOR EACH ROW EXECUTE FUNCTION priority_round_part_frozen_when_closed();

CREATE TRIGGER "Ballot_frozen_when_closed"
  BEFORE INSERT OR UPDATE OR DELETE ON "Ballot"
  FOR EACH ROW EXECUTE FUNCTION priority_round_part_frozen_when_closed();

CREATE TRIGGER "BallotRanking_frozen_when_closed"
  BEFORE INSERT OR UPDATE OR DELETE ON "BallotRanking"
  FOR EACH ROW EXECUTE FUNCTION ballot_ranking_frozen_when_closed();
