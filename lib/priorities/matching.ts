/**
 * Whether a chosen candidate is a priority the collaborative already has. Pure, so the rule is tested
 * directly; closing a round applies it and the confirmation page shows what it will do.
 *
 * Choosing "Falls" once made a new local priority called Falls with no projects, although the
 * collaborative's falls projects were linked (ProjectPriority) to the national Falls area; and a
 * candidate raised from concerns about a local priority made a copy of that priority. A chosen
 * candidate now stands for the priority it matches, in this order:
 *   1. the area it was put forward from (a national area, or one of this collaborative's local priorities);
 *   2. a local priority of this collaborative with the same title, ignoring capitals and spaces;
 *   3. a national priority area with the same title, ignoring capitals and spaces.
 * Only a candidate matching none of these becomes a new local priority.
 */

export type KnownPriority = {
  id: string;
  name: string;
  kind: "NATIONAL" | "LOCAL";
  collaborativeId: string | null;
};

/** A title as it is compared: lower case, without spaces ("Safer  Discharge" is "saferdischarge"). */
export function titleKey(title: string): string {
  return title.normalize("NFKC").toLocaleLowerCase("en-GB").replace(/\s+/gu, "");
}

export function matchChosenPriority<P extends KnownPriority>(
  candidate: { title: string; priorityAreaId: string | null },
  collaborativeId: string,
  known: readonly P[],
): P | null {
  const usable = known.filter((p) => p.kind === "NATIONAL" || p.collaborativeId === collaborativeId);
  const own = candidate.priorityAreaId ? usable.find((p) => p.id === candidate.priorityAreaId) : undefined;
  if (own) return own;
  const key = titleKey(candidate.title);
  return (
    usable.find((p) => p.kind === "LOCAL" && titleKey(p.name) === key) ??
    usable.find((p) => p.kind === "NATIONAL" && titleKey(p.name) === key) ??
    null
  );
}
