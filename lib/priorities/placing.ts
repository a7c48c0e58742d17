// A candidate's place in a round's results, in words (the close page and a priority's page). Pure.
import { formatNumber, pluralise } from "@/lib/format";
import type { RoundResults } from "./borda";

export type Placing = { position: number; points: number; tied: boolean; of: number; ballots: number } | null;

/** "Joint 1 of 3, 1 point from 2 rankings", or "No rankings". */
export function describePlacing(placing: Placing): string {
  if (!placing || placing.ballots === 0) return "No rankings";
  return `${placing.tied ? "Joint " : ""}${formatNumber(placing.position)} of ${formatNumber(placing.of)}, ${pluralise(placing.points, "point")} from ${pluralise(placing.ballots, "ranking")}`;
}

/** A candidate's placing in one group's results. */
export function placingIn(results: RoundResults, candidateId: string): Placing {
  const tally = results.tallies.find((t) => t.candidateId === candidateId);
  return tally
    ? {
        position: tally.position,
        points: tally.points,
        tied: tally.tied,
        of: results.tallies.length,
        ballots: results.ballots,
      }
    : null;
}
