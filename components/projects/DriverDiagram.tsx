// The driver diagram as an accessible nested list: aim → primary drivers → secondary drivers → change ideas.
// Each level says what it is in words, so the structure does not depend on indentation alone.
import type { ReactNode } from "react";
import type { ChangeIdeaLeaf, DriverTree } from "@/lib/projects/driver-tree";

type Slots = {
  /** Extra controls after a driver (the editor's small forms). */
  driverControls?: (node: {
    id: string;
    kind: "PRIMARY" | "SECONDARY";
    text: string;
    first: boolean;
    last: boolean;
  }) => ReactNode;
  ideaControls?: (idea: ChangeIdeaLeaf) => ReactNode;
};

export function DriverDiagram({ aim, tree, driverControls, ideaControls }: { aim: string; tree: DriverTree } & Slots) {
  const ideas = (list: ChangeIdeaLeaf[]) =>
    list.length > 0 && (
      <ul className="mt-2 list-none space-y-2 border-l-4 border-nhs-green pl-4">
        {list.map((idea) => (
          <li key={idea.id} className="bg-nhs-grey-5 p-2">
            <span className="text-sm font-bold text-nhs-dark-green">Change idea: </span>
            {idea.title}
            {idea.description && <span className="block text-sm text-nhs-secondary-text">{idea.description}</span>}
            {ideaControls?.(idea)}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="mb-8 bg-white p-4">
      <p className="mb-3">
        <span className="font-bold">Aim: </span>
        {aim || <span className="text-nhs-secondary-text">not set yet</span>}
      </p>
      {tree.primaries.length === 0 ? (
        <p className="mb-0 text-nhs-secondary-text">No drivers yet.</p>
      ) : (
        <ul className="list-none space-y-4 border-l-4 border-nhs-blue pl-4" aria-label="Primary drivers">
          {tree.primaries.map((p, pi) => (
            <li key={p.id}>
              <div className="bg-[#d6e5f2] p-2">
                <span className="text-sm font-bold text-nhs-dark-blue">Primary driver: </span>
                {p.text}
                {driverControls?.({
                  id: p.id,
                  kind: "PRIMARY",
                  text: p.text,
                  first: pi === 0,
                  last: pi === tree.primaries.length - 1,
                })}
              </div>
              {ideas(p.changeIdeas)}
              {p.secondaries.length > 0 && (
                <ul className="mt-2 list-none space-y-3 border-l-4 border-nhs-aqua-green pl-4">
                  {p.secondaries.map((s, si) => (
                    <li key={s.id}>
                      <div className="bg-[#e6f5f4] p-2">
                        <span className="text-sm font-bold">Secondary driver: </span>
                        {s.text}
                        {driverControls?.({
                          id: s.id,
                          kind: "SECONDARY",
                          text: s.text,
                          first: si === 0,
                          last: si === p.secondaries.length - 1,
                        })}
                      </div>
                      {ideas(s.changeIdeas)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {tree.unlinkedIdeas.length > 0 && (
        <div className="mt-4">
          <p className="mb-1 font-bold">Change ideas not yet linked to a driver</p>
          {ideas(tree.unlinkedIdeas)}
        </div>
      )}
    </div>
  );
}
