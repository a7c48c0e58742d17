/**
 * The driver diagram as a tree: aim (the project) → primary drivers → secondary drivers → change
 * ideas. Pure: builds the tree from flat rows and works out re-orderings; no data access.
 */
export type DriverNodeRow = {
  id: string;
  parentId: string | null;
  kind: "PRIMARY" | "SECONDARY";
  text: string;
  sortOrder: number;
};
export type ChangeIdeaRow = {
  id: string;
  driverNodeId: string | null;
  title: string;
  description: string;
  sortOrder: number;
};

export type ChangeIdeaLeaf = { id: string; title: string; description: string };
export type SecondaryDriver = { id: string; text: string; changeIdeas: ChangeIdeaLeaf[] };
export type PrimaryDriver = { id: string; text: string; secondaries: SecondaryDriver[]; changeIdeas: ChangeIdeaLeaf[] };
export type DriverTree = { primaries: PrimaryDriver[]; unlinkedIdeas: ChangeIdeaLeaf[] };

const bySortOrder = <T extends { sortOrder: number; id: string }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id.localeCompare(b.id);

export function buildDriverTree(nodes: readonly DriverNodeRow[], ideas: readonly ChangeIdeaRow[]): DriverTree {
  const leaf = (i: ChangeIdeaRow): ChangeIdeaLeaf => ({ id: i.id, title: i.title, description: i.description });
  const ideasFor = (nodeId: string) =>
    ideas
      .filter((i) => i.driverNodeId === nodeId)
      .sort(bySortOrder)
      .map(leaf);
  const primaries = nodes.filter((n) => n.kind === "PRIMARY" && n.parentId === null).sort(bySortOrder);
  const placed = new Set<string>(primaries.map((p) => p.id));
  const tree: PrimaryDriver[] = primaries.map((p) => {
    const secondaries = nodes.filter((n) => n.kind === "SECONDARY" && n.parentId === p.id).sort(bySortOrder);
    for (const s of secondaries) placed.add(s.id);
    return {
      id: p.id,
      text: p.text,
      secondaries: secondaries.map((s) => ({ id: s.id, text: s.text, changeIdeas: ideasFor(s.id) })),
      changeIdeas: ideasFor(p.id),
    };
  });
  // Ideas with no driver, or whose driver is not in the tree (never expected), stay visible.
  const unlinkedIdeas = ideas
    .filter((i) => i.driverNodeId === null || !placed.has(i.driverNodeId))
    .sort(bySortOrder)
    .map(leaf);
  return { primaries: tree, unlinkedIdeas };
}

/** Sibling ids in their new order after moving `id` one place up or down (unchanged at the ends). */
export function reorderedSiblings(
  siblings: readonly { id: string; sortOrder: number }[],
  id: string,
  direction: "up" | "down",
): string[] {
  const ordered = [...siblings].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id)).map((s) => s.id);
  const index = ordered.indexOf(id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ordered.length) return ordered;
  [ordered[index], ordered[target]] = [ordered[target]!, ordered[index]!];
  return ordered;
}

/** Every driver node in diagram order with its depth: for "serves this driver" select lists. */
export function flattenDrivers(tree: DriverTree): { id: string; text: string; depth: 1 | 2 }[] {
  return tree.primaries.flatMap((p) => [
    { id: p.id, text: p.text, depth: 1 as const },
    ...p.secondaries.map((s) => ({ id: s.id, text: s.text, depth: 2 as const })),
  ]);
}
