-- The rules the forms check (zod) are kept by the database too (issue 19, finding 3). Each constraint
-- is added NOT VALID (new writes are checked at once) and then validated against the rows already
-- there. Values that are derived or only hints are repaired first; a row breaking a rule that only a
-- person can put right (a rate with no denominator, an event ending before it starts) stops the
-- migration at VALIDATE, naming the constraint: correct that row and run the migration again.

-- Measure points: a rate has a numerator of 0 or more over a denominator above 0 (lib/measures/values.ts);
-- a plain number has neither.
ALTER TABLE "MeasurePoint" ADD CONSTRAINT "MeasurePoint_rate_parts_check"
  CHECK (("numerator" IS NULL) = ("denominator" IS NULL)) NOT VALID;
ALTER TABLE "MeasurePoint" ADD CONSTRAINT "MeasurePoint_denominator_check" CHECK ("denominator" > 0) NOT VALID;
ALTER TABLE "MeasurePoint" ADD CONSTRAINT "MeasurePoint_numerator_check" CHECK ("numerator" >= 0) NOT VALID;
ALTER TABLE "MeasurePoint" VALIDATE CONSTRAINT "MeasurePoint_rate_parts_check";
ALTER TABLE "MeasurePoint" VALIDATE CONSTRAINT "MeasurePoint_denominator_check";
ALTER TABLE "MeasurePoint" VALIDATE CONSTRAINT "MeasurePoint_numerator_check";

-- Ballots rank from 1 (lib/priorities/ranking.ts).
ALTER TABLE "BallotRanking" ADD CONSTRAINT "BallotRanking_rank_check" CHECK ("rank" >= 1) NOT VALID;
ALTER TABLE "BallotRanking" VALIDATE CONSTRAINT "BallotRanking_rank_check";

-- Events end after they start, and have 1 to 10,000 places or no limit (lib/events/schemas.ts).
ALTER TABLE "Event" ADD CONSTRAINT "Event_ends_after_start_check" CHECK ("endsAt" > "startsAt") NOT VALID;
ALTER TABLE "Event" ADD CONSTRAINT "Event_capacity_check" CHECK ("capacity" BETWEEN 1 AND 10000) NOT VALID;
ALTER TABLE "Event" VALIDATE CONSTRAINT "Event_ends_after_start_check";
ALTER TABLE "Event" VALIDATE CONSTRAINT "Event_capacity_check";

-- Collaborative settings (lib/concerns/schemas.ts): contact details kept 1 to 12 months after closure
-- (the privacy notice promises 12 at most, so a longer period is brought down to 12), and 1 to 30
-- working days to acknowledge a concern.
UPDATE "Collaborative" SET "contactRetentionMonths" = least(greatest("contactRetentionMonths", 1), 12)
WHERE "contactRetentionMonths" NOT BETWEEN 1 AND 12;
UPDATE "Collaborative" SET "acknowledgementDays" = least(greatest("acknowledgementDays", 1), 30)
WHERE "acknowledgementDays" NOT BETWEEN 1 AND 30;
ALTER TABLE "Collaborative" ADD CONSTRAINT "Collaborative_contactRetentionMonths_check" CHECK ("contactRetentionMonths" BETWEEN 1 AND 12) NOT VALID;
ALTER TABLE "Collaborative" ADD CONSTRAINT "Collaborative_acknowledgementDays_check" CHECK ("acknowledgementDays" BETWEEN 1 AND 30) NOT VALID;
ALTER TABLE "Collaborative" VALIDATE CONSTRAINT "Collaborative_contactRetentionMonths_check";
ALTER TABLE "Collaborative" VALIDATE CONSTRAINT "Collaborative_acknowledgementDays_check";

-- Closed sets kept as text. The SPC icons are lib/spc/types.ts's Variation, Assurance and SpecialCause;
-- they are derived, so an unknown value is cleared (the next write, or refreshAllMeasureSpc, recomputes
-- it). National metrics are the keys of lib/dashboard/national-metrics.ts; an unknown key was never
-- counted nationally, so it is cleared too. A new icon or metric needs a migration changing its list.
UPDATE "Measure" SET "spcVariation" = NULL, "spcComputedAt" = NULL
WHERE "spcVariation" NOT IN ('common-cause', 'improvement-high', 'improvement-low', 'concern-high', 'concern-low', 'neither-high', 'neither-low');
UPDATE "Measure" SET "spcAssurance" = NULL, "spcComputedAt" = NULL
WHERE "spcAssurance" NOT IN ('consistently-meets', 'consistently-fails', 'inconsistent');
UPDATE "Measure" SET "spcLatestSpecialCause" = NULL, "spcComputedAt" = NULL
WHERE "spcLatestSpecialCause" NOT IN ('improvement', 'concern', 'neither-high', 'neither-low');
UPDATE "Measure" SET "nationalMetric" = NULL
WHERE "nationalMetric" NOT IN ('falls-with-harm', 'pressure-ulcers', 'catheter-infections', 'medication-harm', 'delayed-transfers');
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_spcVariation_check" CHECK ("spcVariation" IN ('common-cause', 'improvement-high', 'improvement-low', 'concern-high', 'concern-low', 'neither-high', 'neither-low')) NOT VALID;
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_spcAssurance_check" CHECK ("spcAssurance" IN ('consistently-meets', 'consistently-fails', 'inconsistent')) NOT VALID;
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_spcLatestSpecialCause_check" CHECK ("spcLatestSpecialCause" IN ('improvement', 'concern', 'neither-high', 'neither-low')) NOT VALID;
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_nationalMetric_check" CHECK ("nationalMetric" IN ('falls-with-harm', 'pressure-ulcers', 'catheter-infections', 'medication-harm', 'delayed-transfers')) NOT VALID;
ALTER TABLE "Measure" VALIDATE CONSTRAINT "Measure_spcVariation_check";
ALTER TABLE "Measure" VALIDATE CONSTRAINT "Measure_spcAssurance_check";
ALTER TABLE "Measure" VALIDATE CONSTRAINT "Measure_spcLatestSpecialCause_check";
ALTER TABLE "Measure" VALIDATE CONSTRAINT "Measure_nationalMetric_check";

-- A concern's postcode area is one of the postcode areas (reference data; routing only ever stores a
-- known one). An unknown area was a routing hint pointing nowhere: it is cleared.
UPDATE "Concern" c SET "postcodeArea" = NULL
WHERE "postcodeArea" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "PostcodeArea" p WHERE p.code = c."postcodeArea");
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_postcodeArea_fkey" FOREIGN KEY ("postcodeArea") REFERENCES "PostcodeArea"("code") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "Concern" VALIDATE CONSTRAINT "Concern_postcodeArea_fkey";
