// The rules the forms check (zod) are kept by the database too (issue 19, finding 3): a script or a
// future code path that skips the form is refused by CHECK constraints and foreign keys. Each bad
// write runs as the app role in a transaction that is rolled back, so nothing leaks into other tests.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NATIONAL_METRICS } from "@/lib/dashboard/national-metrics";
import { addPoint, createMeasure } from "@/lib/measures/mutations";
import { submitBallot } from "@/lib/priorities/mutations";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { insertProject, measureInput, utc } from "@/tests/fixtures/projects";
import { concernAbout, createEventIn, openTestRound, ranks } from "@/tests/fixtures/workspaces";

let cast: Cast;
let ids: {
  point: string;
  measure: string;
  ranking: { ballotId: string; candidateId: string };
  event: string;
  collaborative: string;
  concern: string;
};

class RolledBack extends Error {}

/** Runs `sql` and rolls it back; resolves to the database's refusal, or null if it was accepted. */
async function refusal(sql: string): Promise<string | null> {
  const error = await db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(sql);
      throw new RolledBack();
    })
    .then(
      () => null,
      (e: unknown) => e,
    );
  return error instanceof RolledBack ? null : String((error as Error).message);
}

beforeAll(async () => {
  cast = await createCast();
  const A = cast.collaborativeA.id;
  const project = await insertProject({
    collaborativeId: A,
    createdById: cast.viewers.staffA.userId!,
    visibility: "PORTAL",
    startDate: utc("2023-01-01"),
  });
  const measure = await createMeasure(
    cast.viewers.staffA,
    measureInput(project.id, { valueType: "RATE", rateMultiplier: 1000 }),
  );
  const point = await addPoint(
    cast.viewers.staffA,
    {
      projectId: project.id,
      measureId: measure.id,
      period: utc("2024-01-01"),
      value: "",
      numerator: "3",
      denominator: "1200",
      note: "",
    },
    utc("2026-11-25"),
  );
  const { roundId, byTitle } = await openTestRound(cast.viewers.leadA, A);
  await submitBallot(cast.viewers.staffA, { roundId, ranks: ranks(byTitle, ["Alpha", "Bravo"]) });
  const ranking = await db.ballotRanking.findFirstOrThrow({
    where: { ballot: { roundId }, rank: 1 },
    select: { ballotId: true, candidateId: true },
  });
  const event = await createEventIn(A, cast.viewers.leadA.userId!, { capacity: 20 });
  const concern = await concernAbout(A, null);
  ids = { point: point.id, measure: measure.id, ranking, event: event.id, collaborative: A, concern: concern.id };
});

const CHECK = /violates check constraint/;

describe("the database refuses what the forms refuse", () => {
  it("accepts a good write (the harness itself rolls back)", async () => {
    expect(
      await refusal(`UPDATE "MeasurePoint" SET denominator = 1000, numerator = 2 WHERE id = '${ids.point}'`),
    ).toBeNull();
  });

  it("measure points: a denominator of 0 or below, a negative numerator, a numerator without a denominator", async () => {
    for (const set of ["denominator = 0", "denominator = -4", "numerator = -1", "denominator = NULL"]) {
      expect(await refusal(`UPDATE "MeasurePoint" SET ${set} WHERE id = '${ids.point}'`), set).toMatch(CHECK);
    }
  });

  it("ballots: a rank below 1", async () => {
    for (const rank of [0, -7]) {
      expect(
        await refusal(
          `UPDATE "BallotRanking" SET rank = ${rank} WHERE "ballotId" = '${ids.ranking.ballotId}' AND "candidateId" = '${ids.ranking.candidateId}'`,
        ),
        String(rank),
      ).toMatch(CHECK);
    }
  });

  it("events: an end not after the start, and a number of places outside 1 to 10,000", async () => {
    for (const set of [
      `"endsAt" = "startsAt" - interval '1 hour'`,
      `"endsAt" = "startsAt"`,
      "capacity = -1",
      "capacity = 0",
      "capacity = 10001",
    ]) {
      expect(await refusal(`UPDATE "Event" SET ${set} WHERE id = '${ids.event}'`), set).toMatch(CHECK);
    }
    expect(await refusal(`UPDATE "Event" SET capacity = NULL WHERE id = '${ids.event}'`)).toBeNull();
  });

  it("collaborative settings: contact retention outside 1 to 12 months, acknowledgement outside 1 to 30 working days", async () => {
    for (const set of [
      `"contactRetentionMonths" = -5`,
      `"contactRetentionMonths" = 0`,
      `"contactRetentionMonths" = 13`,
      `"acknowledgementDays" = 0`,
      `"acknowledgementDays" = 31`,
    ]) {
      expect(await refusal(`UPDATE "Collaborative" SET ${set} WHERE id = '${ids.collaborative}'`), set).toMatch(CHECK);
    }
  });

  it("measures: SPC icons and national metrics outside their closed sets", async () => {
    for (const set of [
      `"spcVariation" = 'sideways'`,
      `"spcAssurance" = 'probably'`,
      `"spcLatestSpecialCause" = 'improvment'`,
      `"nationalMetric" = 'falls-with-harm-2'`,
    ]) {
      expect(await refusal(`UPDATE "Measure" SET ${set} WHERE id = '${ids.measure}'`), set).toMatch(CHECK);
    }
    expect(
      await refusal(
        `UPDATE "Measure" SET "spcVariation" = 'improvement-low', "spcAssurance" = 'inconsistent', "spcLatestSpecialCause" = 'neither-high' WHERE id = '${ids.measure}'`,
      ),
    ).toBeNull();
    // The constraint's list is the code's list: a new national metric needs a migration too.
    for (const { key } of NATIONAL_METRICS)
      expect(
        await refusal(`UPDATE "Measure" SET "nationalMetric" = '${key}' WHERE id = '${ids.measure}'`),
        key,
      ).toBeNull();
  });

  it("concerns: a postcode area that is not one of the postcode areas", async () => {
    expect(await refusal(`UPDATE "Concern" SET "postcodeArea" = 'ZZ' WHERE id = '${ids.concern}'`)).toMatch(
      /violates foreign key constraint/,
    );
    expect(
      await refusal(
        `UPDATE "Concern" SET "postcodeArea" = (SELECT code FROM "PostcodeArea" LIMIT 1) WHERE id = '${ids.concern}'`,
      ),
    ).toBeNull();
  });
});
