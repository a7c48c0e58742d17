/**
 * Checks a ranking as submitted by the form (one "Rank" select per candidate, named rank-<candidateId>,
 * with "" for "Not ranked"). Pure, so the rules are tested directly and the mutation only applies them.
 *
 * A valid ranking ranks at least one candidate, only candidates of the round, each rank once, and
 * uses ranks 1, 2, 3… without gaps.
 */
export const RANK_FIELD_PREFIX = "rank-";

export const rankField = (candidateId: string) => `${RANK_FIELD_PREFIX}${candidateId}`;

export type RankingCheck =
  | { ok: true; rankings: { candidateId: string; rank: number }[] }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/** The rank-<id> entries of a form, as { candidateId: value }. */
export function ranksFromForm(entries: Iterable<[string, unknown]>): Record<string, string> {
  const ranks: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.startsWith(RANK_FIELD_PREFIX) && typeof value === "string")
      ranks[key.slice(RANK_FIELD_PREFIX.length)] = value.trim();
  }
  return ranks;
}

export function checkRanking(candidateIds: string[], submitted: Record<string, string>): RankingCheck {
  const n = candidateIds.length;
  const known = new Set(candidateIds);
  const unknown = Object.keys(submitted).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return {
      ok: false,
      message:
        "Your ranking includes a candidate that is not in this round. Reload the page to see the current candidates, then rank again.",
      fieldErrors: {},
    };
  }

  const fieldErrors: Record<string, string> = {};
  const ranked: { candidateId: string; rank: number }[] = [];
  for (const id of candidateIds) {
    const value = submitted[id] ?? "";
    if (value === "") continue;
    const rank = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(rank) || rank < 1 || rank > n) {
      fieldErrors[rankField(id)] = `Choose a rank from 1 to ${n}, or "Not ranked"`;
      continue;
    }
    ranked.push({ candidateId: id, rank });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, message: "Check the ranks you chose.", fieldErrors };
  if (ranked.length === 0) {
    return {
      ok: false,
      message: "Rank at least one candidate: choose 1 for the one that matters most to you.",
      fieldErrors: candidateIds[0] ? { [rankField(candidateIds[0])]: "Rank at least one candidate" } : {},
    };
  }

  const byRank = new Map<number, string[]>();
  for (const r of ranked) byRank.set(r.rank, [...(byRank.get(r.rank) ?? []), r.candidateId]);
  for (const [rank, ids] of byRank) {
    if (ids.length > 1)
      for (const id of ids)
        fieldErrors[rankField(id)] = `You gave rank ${rank} to more than one candidate: give each rank once`;
  }
  // The message is the first field's own text: the error summary then says it once (it drops a message
  // that a field repeats, and lists each distinct field message once), not twice in other words.
  const repeated = Object.values(fieldErrors);
  if (repeated.length > 0) return { ok: false, message: repeated[0]!, fieldErrors };

  const missing = [];
  for (let rank = 1; rank <= ranked.length; rank++) if (!byRank.has(rank)) missing.push(rank);
  if (missing.length > 0) {
    const highest = ranked.reduce((a, b) => (b.rank > a.rank ? b : a));
    return {
      ok: false,
      message: `Ranks must run 1, 2, 3 and so on without gaps. You did not use ${missing.join(", ")}.`,
      fieldErrors: { [rankField(highest.candidateId)]: `Use ${missing.join(", ")} before rank ${highest.rank}` },
    };
  }
  return { ok: true, rankings: ranked.sort((a, b) => a.rank - b.rank) };
}
