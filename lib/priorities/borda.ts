/**
 * The Borda count used to rank candidate priorities. Pure: results are recomputed from the stored
 * ballots whenever they are shown, so anyone can check them.
 *
 * With n candidates in the round, a candidate ranked 1st on a ballot gets n − 1 points, 2nd gets
 * n − 2, and so on; a candidate the person did not rank gets 0 from that ballot (people may rank as
 * few as one). The candidate with the most points comes first.
 *
 * Ties: candidates with equal points are ordered by how many people ranked them 1st; if still equal,
 * by how many ranked them 2nd, and so on. Candidates equal on all of these share a position and are
 * listed alphabetically.
 */

export type Group = "PATIENT_CARER" | "STAFF";

export type CountedBallot = { group: Group; rankings: { candidateId: string; rank: number }[] };

export type CandidateTally = {
  candidateId: string;
  title: string;
  points: number;
  /** rankCounts[0] = number of ballots ranking it 1st, rankCounts[1] = 2nd, … (length n). */
  rankCounts: number[];
  /** Number of ballots that ranked it at all. */
  rankedBy: number;
  /** 1 = first; candidates that share a position have the same number. */
  position: number;
  tied: boolean;
};

export type RoundResults = {
  ballots: number;
  tallies: CandidateTally[];
};

export function bordaPoints(rank: number, candidateCount: number): number {
  return candidateCount - rank;
}

/** How many ballots gave a candidate a rank: the only thing the count needs from the ballots. */
export type RankCount = { candidateId: string; rank: number; count: number };

/** Borda count over the ballots given; throws on a ballot the validation should have rejected. */
export function bordaCount(
  candidates: { id: string; title: string }[],
  ballots: { rankings: { candidateId: string; rank: number }[] }[],
): RoundResults {
  const n = candidates.length;
  const known = new Set(candidates.map((c) => c.id));
  const counts = new Map<string, RankCount>();
  for (const ballot of ballots) {
    const seenRanks = new Set<number>();
    const seenCandidates = new Set<string>();
    for (const { candidateId, rank } of ballot.rankings) {
      if (!known.has(candidateId)) throw new Error(`Ballot ranks a candidate that is not in the round: ${candidateId}`);
      if (!Number.isInteger(rank) || rank < 1 || rank > n)
        throw new Error(`Ballot has a rank outside 1..${n}: ${rank}`);
      if (seenRanks.has(rank) || seenCandidates.has(candidateId))
        throw new Error("Ballot repeats a rank or a candidate");
      seenRanks.add(rank);
      seenCandidates.add(candidateId);
      const key = `${candidateId}:${rank}`;
      const entry = counts.get(key) ?? { candidateId, rank, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return bordaFromRankCounts(candidates, ballots.length, [...counts.values()]);
}

/**
 * The same count from "so many ballots gave this candidate this rank" (what the database aggregates,
 * so that a round with thousands of ballots is counted without loading each one).
 */
export function bordaFromRankCounts(
  candidates: { id: string; title: string }[],
  ballots: number,
  counts: RankCount[],
): RoundResults {
  const n = candidates.length;
  const byId = new Map(
    candidates.map((c) => [
      c.id,
      { candidateId: c.id, title: c.title, points: 0, rankCounts: new Array<number>(n).fill(0), rankedBy: 0 },
    ]),
  );
  for (const { candidateId, rank, count } of counts) {
    const tally = byId.get(candidateId);
    if (!tally) throw new Error(`A ranking names a candidate that is not in the round: ${candidateId}`);
    if (!Number.isInteger(rank) || rank < 1 || rank > n)
      throw new Error(`A ranking has a rank outside 1..${n}: ${rank}`);
    tally.points += bordaPoints(rank, n) * count;
    tally.rankCounts[rank - 1]! += count;
    tally.rankedBy += count;
  }
  const sorted = [...byId.values()].sort((a, b) => compareTallies(a, b) || a.title.localeCompare(b.title, "en-GB"));
  const tallies: CandidateTally[] = sorted.map((t) => ({ ...t, position: 0, tied: false }));
  tallies.forEach((t, i) => {
    const previous = tallies[i - 1];
    t.position = previous && compareTallies(previous, t) === 0 ? previous.position : i + 1;
  });
  for (const t of tallies) t.tied = tallies.some((o) => o !== t && o.position === t.position);
  return { ballots, tallies };
}

/** Negative when a comes before b: more points, then more 1st places, then more 2nd places… */
function compareTallies(
  a: { points: number; rankCounts: number[] },
  b: { points: number; rankCounts: number[] },
): number {
  if (a.points !== b.points) return b.points - a.points;
  for (let i = 0; i < a.rankCounts.length; i++) {
    const difference = (b.rankCounts[i] ?? 0) - (a.rankCounts[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export type ResultsByGroup = { overall: RoundResults; patientCarer: RoundResults; staff: RoundResults };

/** Overall results and, so that the patient voice is visible, patients and carers apart from staff. */
export function resultsByGroup(candidates: { id: string; title: string }[], ballots: CountedBallot[]): ResultsByGroup {
  return {
    overall: bordaCount(candidates, ballots),
    patientCarer: bordaCount(
      candidates,
      ballots.filter((b) => b.group === "PATIENT_CARER"),
    ),
    staff: bordaCount(
      candidates,
      ballots.filter((b) => b.group === "STAFF"),
    ),
  };
}
