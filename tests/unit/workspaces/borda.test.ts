import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bordaCount,
  bordaFromRankCounts,
  resultsByGroup,
  type CountedBallot,
  type RankCount,
} from "@/lib/priorities/borda";

const candidates = (...titles: string[]) => titles.map((t) => ({ id: t, title: t }));
const ballot = (...order: string[]) => ({ rankings: order.map((candidateId, i) => ({ candidateId, rank: i + 1 })) });
const summary = (results: ReturnType<typeof bordaCount>) =>
  results.tallies.map((t) => [t.title, t.points, t.position, t.tied]);

describe("Borda count, hand-worked", () => {
  it("gives n-1, n-2, … points to ranked candidates and 0 to unranked ones", () => {
    // 4 candidates: 3, 2, 1, 0 points. A = 3+2 = 5; B = 2+3+2+3 = 10; C = 1+0+3 = 4; D = 0+1 = 1.
    const results = bordaCount(candidates("A", "B", "C", "D"), [
      ballot("A", "B", "C", "D"),
      ballot("B", "A", "D", "C"),
      ballot("C", "B"),
      ballot("B"),
    ]);
    expect(results.ballots).toBe(4);
    expect(summary(results)).toEqual([
      ["B", 10, 1, false],
      ["A", 5, 2, false],
      ["C", 4, 3, false],
      ["D", 1, 4, false],
    ]);
    expect(results.tallies.find((t) => t.title === "B")).toMatchObject({ rankCounts: [2, 2, 0, 0], rankedBy: 4 });
  });

  it("breaks a tie on points by the number of first places", () => {
    // 3 candidates: 2, 1, 0. X = 2+2 = 4 (two 1st places); Y = 1+2+1 = 4 (one 1st place); Z = 1+2 = 3.
    const results = bordaCount(candidates("Y", "X", "Z"), [
      ballot("X", "Y"),
      ballot("Y", "Z"),
      ballot("X"),
      ballot("Z", "Y"),
    ]);
    expect(summary(results)).toEqual([
      ["X", 4, 1, false],
      ["Y", 4, 2, false],
      ["Z", 3, 3, false],
    ]);
  });

  it("then by second places, and so on", () => {
    // 4 candidates: 3, 2, 1, 0. A = 3+1+1 = 5 (1st once, 3rd twice); C = 0+3+2 = 5 (1st once, 2nd once):
    // C comes first. D = 1+0+3 = 4 (one 1st); B = 2+2 = 4 (no 1st): D before B.
    const results = bordaCount(candidates("A", "B", "C", "D"), [
      ballot("A", "B", "D", "C"),
      ballot("C", "B", "A"),
      ballot("D", "C", "A"),
    ]);
    expect(summary(results)).toEqual([
      ["C", 5, 1, false],
      ["A", 5, 2, false],
      ["D", 4, 3, false],
      ["B", 4, 4, false],
    ]);
  });

  it("lets candidates equal on every count share a position, listed alphabetically", () => {
    const results = bordaCount(candidates("Q", "P", "R"), [ballot("P", "Q"), ballot("Q", "P")]);
    expect(summary(results)).toEqual([
      ["P", 3, 1, true],
      ["Q", 3, 1, true],
      ["R", 0, 3, false],
    ]);
  });

  it("with no ballots, every candidate shares first place with 0 points", () => {
    const results = bordaCount(candidates("B", "A"), []);
    expect(summary(results)).toEqual([
      ["A", 0, 1, true],
      ["B", 0, 1, true],
    ]);
  });

  it("refuses a ballot that validation should have rejected", () => {
    expect(() => bordaCount(candidates("A", "B"), [ballot("A", "Z")])).toThrow(/not in the round/);
    expect(() =>
      bordaCount(candidates("A", "B"), [
        {
          rankings: [
            { candidateId: "A", rank: 1 },
            { candidateId: "B", rank: 1 },
          ],
        },
      ]),
    ).toThrow(/repeats/);
    expect(() => bordaCount(candidates("A", "B"), [{ rankings: [{ candidateId: "A", rank: 3 }] }])).toThrow(/outside/);
  });
});

describe("results by participant group", () => {
  it("counts patients and carers apart from staff, and everyone together", () => {
    const ballots: CountedBallot[] = [
      { group: "PATIENT_CARER", ...ballot("Falls", "Sepsis") },
      { group: "PATIENT_CARER", ...ballot("Falls") },
      { group: "STAFF", ...ballot("Sepsis", "Falls") },
      { group: "STAFF", ...ballot("Sepsis") },
      { group: "STAFF", ...ballot("Sepsis", "Falls") },
    ];
    // 2 candidates: 1, 0 points. Patients: Falls 2, Sepsis 0. Staff: Sepsis 3, Falls 0. Overall: Sepsis 3, Falls 2.
    const results = resultsByGroup(candidates("Falls", "Sepsis"), ballots);
    expect(summary(results.patientCarer)).toEqual([
      ["Falls", 2, 1, false],
      ["Sepsis", 0, 2, false],
    ]);
    expect(summary(results.staff)).toEqual([
      ["Sepsis", 3, 1, false],
      ["Falls", 0, 2, false],
    ]);
    expect(summary(results.overall)).toEqual([
      ["Sepsis", 3, 1, false],
      ["Falls", 2, 2, false],
    ]);
    expect([results.patientCarer.ballots, results.staff.ballots, results.overall.ballots]).toEqual([2, 3, 5]);
  });
});

describe("Borda count, properties", () => {
  const roundWithBallots = fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(
        fc
          .shuffledSubarray(
            Array.from({ length: n }, (_, i) => `c${i}`),
            { minLength: 1 },
          )
          .map((order) => ballot(...order)),
        { maxLength: 30 },
      ),
    ),
  );

  it("hands out exactly the points the ballots carry, whatever the order of the ballots", () => {
    fc.assert(
      fc.property(roundWithBallots, ([n, ballots]) => {
        const cands = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, title: `c${i}` }));
        const results = bordaCount(cands, ballots);
        const expected = ballots.reduce((sum, b) => sum + b.rankings.reduce((s, r) => s + (n - r.rank), 0), 0);
        expect(results.tallies.reduce((s, t) => s + t.points, 0)).toBe(expected);
        expect(bordaCount(cands, [...ballots].reverse())).toEqual(results);
        // Positions never decrease down the list, and points never increase.
        for (let i = 1; i < results.tallies.length; i++) {
          expect(results.tallies[i]!.position).toBeGreaterThanOrEqual(results.tallies[i - 1]!.position);
          expect(results.tallies[i]!.points).toBeLessThanOrEqual(results.tallies[i - 1]!.points);
        }
      }),
    );
  });

  it("counts the same from aggregated rank counts (as the database supplies them) as from the ballots", () => {
    fc.assert(
      fc.property(roundWithBallots, ([n, ballots]) => {
        const cands = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, title: `c${i}` }));
        const counts = new Map<string, RankCount>();
        for (const r of ballots.flatMap((b) => b.rankings)) {
          const key = `${r.candidateId}:${r.rank}`;
          counts.set(key, { ...r, count: (counts.get(key)?.count ?? 0) + 1 });
        }
        expect(bordaFromRankCounts(cands, ballots.length, [...counts.values()])).toEqual(bordaCount(cands, ballots));
      }),
    );
  });

  it("refuses aggregated counts naming an unknown candidate or an impossible rank", () => {
    const cands = candidates("A", "B");
    expect(() => bordaFromRankCounts(cands, 1, [{ candidateId: "Z", rank: 1, count: 1 }])).toThrow(/not in the round/);
    expect(() => bordaFromRankCounts(cands, 1, [{ candidateId: "A", rank: 3, count: 1 }])).toThrow(/outside/);
  });
});
