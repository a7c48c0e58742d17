import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import {
  addChangeIdeaAction,
  addDriverAction,
  deleteChangeIdeaAction,
  deleteDriverAction,
  moveDriverAction,
  renameDriverAction,
  reparentDriverAction,
  updateChangeIdeaAction,
} from "@/lib/projects/actions";
import { getDriverDiagram } from "@/lib/projects/queries";
import { flattenDrivers } from "@/lib/projects/driver-tree";
import { orNotFound } from "@/lib/route-errors";
import { formatDate } from "@/lib/format";
import { DriverDiagram } from "@/components/projects/DriverDiagram";
import { ActionButton, ChangeIdeaForm, InlineTextForm } from "@/components/projects/DriverForms";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Driver diagram and change ideas" };

type Props = { params: Promise<{ id: string }> };

const smallButton = "cursor-pointer text-nhs-blue underline disabled:text-nhs-secondary-text disabled:no-underline";

export default async function DriversPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/drivers`);
  const d = await orNotFound(getDriverDiagram(viewer, id));
  const drivers = flattenDrivers(d.tree);
  const primaries = d.tree.primaries;
  const aim = [d.aimWhat, d.aimHowMuch, d.aimByWhen ? `by ${formatDate(d.aimByWhen)}` : ""].filter(Boolean).join(" – ");

  return (
    <>
      <BackLink href={`/projects/${id}`}>{d.title}</BackLink>
      <h1>Driver diagram and change ideas</h1>
      <p className="max-w-3xl">
        Work from the aim: the <strong>primary drivers</strong> are the big things that must change to reach it, the{" "}
        <strong>secondary drivers</strong> the areas within each, and the <strong>change ideas</strong> what you will
        test in PDSA cycles. Change the aim on the <Link href={`/projects/${id}/edit`}>project’s edit page</Link>.
      </p>

      <DriverDiagram
        aim={aim}
        tree={d.tree}
        driverControls={(node) => (
          <details className="mt-1 text-base">
            <summary className="cursor-pointer text-nhs-blue underline">
              Change
              <span className="sr-only">
                {" "}
                the {node.kind === "PRIMARY" ? "primary" : "secondary"} driver “{node.text}”
              </span>
            </summary>
            <div className="mt-2 border-l-2 border-nhs-grey-3 bg-white p-3">
              <InlineTextForm
                action={renameDriverAction}
                hidden={{ projectId: id, nodeId: node.id }}
                name="text"
                label="Driver"
                defaultValue={node.text}
                submitLabel="Rename"
                idPrefix={`rename-${node.id}`}
              />
              <div className="flex flex-wrap gap-4">
                <form action={moveDriverAction}>
                  <input type="hidden" name="projectId" value={id} />
                  <input type="hidden" name="nodeId" value={node.id} />
                  <input type="hidden" name="direction" value="up" />
                  <button type="submit" className={smallButton} disabled={node.first}>
                    Move up
                  </button>
                </form>
                <form action={moveDriverAction}>
                  <input type="hidden" name="projectId" value={id} />
                  <input type="hidden" name="nodeId" value={node.id} />
                  <input type="hidden" name="direction" value="down" />
                  <button type="submit" className={smallButton} disabled={node.last}>
                    Move down
                  </button>
                </form>
                <form action={deleteDriverAction}>
                  <input type="hidden" name="projectId" value={id} />
                  <input type="hidden" name="nodeId" value={node.id} />
                  <button type="submit" className="cursor-pointer text-[#8c1c13] underline">
                    Delete{node.kind === "PRIMARY" ? " with its secondary drivers" : ""}
                  </button>
                </form>
              </div>
              {node.kind === "SECONDARY" && primaries.length > 1 && (
                <form action={reparentDriverAction} className="mt-3">
                  <input type="hidden" name="projectId" value={id} />
                  <input type="hidden" name="nodeId" value={node.id} />
                  <label htmlFor={`parent-${node.id}`} className="mb-1 block font-bold">
                    Move under another primary driver
                  </label>
                  <select
                    id={`parent-${node.id}`}
                    name="parentId"
                    className="mr-2 border-2 border-nhs-grey-1 bg-white px-2 py-1.5"
                  >
                    {primaries.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.text}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className={smallButton}>
                    Move
                  </button>
                </form>
              )}
              {node.kind === "PRIMARY" && (
                <InlineTextForm
                  action={addDriverAction}
                  hidden={{ projectId: id, parentId: node.id }}
                  name="text"
                  label="Add a secondary driver under this one"
                  submitLabel="Add secondary driver"
                  idPrefix={`add-under-${node.id}`}
                />
              )}
            </div>
          </details>
        )}
        ideaControls={(idea) => (
          <details className="mt-1 text-base">
            <summary className="cursor-pointer text-nhs-blue underline">
              Change<span className="sr-only"> the change idea “{idea.title}”</span>
            </summary>
            <div className="mt-2 border-l-2 border-nhs-grey-3 bg-white p-3">
              <ChangeIdeaForm
                action={updateChangeIdeaAction}
                hidden={{ projectId: id, ideaId: idea.id }}
                drivers={drivers}
                idPrefix={`idea-${idea.id}`}
                initial={{ title: idea.title, description: idea.description, driverNodeId: driverOf(d.tree, idea.id) }}
                submitLabel="Save change idea"
              />
              {(d.cycleCounts[idea.id] ?? 0) === 0 ? (
                <ActionButton
                  action={deleteChangeIdeaAction}
                  hidden={{ projectId: id, ideaId: idea.id }}
                  label="Delete"
                  srLabel={`the change idea “${idea.title}”`}
                />
              ) : (
                <p className="mb-0 text-sm text-nhs-secondary-text">
                  Tested in {d.cycleCounts[idea.id]} PDSA cycles, so it is kept.
                </p>
              )}
            </div>
          </details>
        )}
      />

      <h2>Add a primary driver</h2>
      <div className="mb-8 bg-white p-4">
        <InlineTextForm
          action={addDriverAction}
          hidden={{ projectId: id, parentId: "" }}
          name="text"
          label="Primary driver"
          submitLabel="Add primary driver"
          idPrefix="add-primary"
        />
      </div>

      <h2>Add a change idea</h2>
      <div className="mb-8 bg-white p-4">
        <ChangeIdeaForm
          action={addChangeIdeaAction}
          hidden={{ projectId: id }}
          drivers={drivers}
          idPrefix="add-idea"
          submitLabel="Add change idea"
        />
      </div>
    </>
  );
}

function driverOf(tree: Awaited<ReturnType<typeof getDriverDiagram>>["tree"], ideaId: string): string {
  for (const p of tree.primaries) {
    if (p.changeIdeas.some((i) => i.id === ideaId)) return p.id;
    for (const s of p.secondaries) if (s.changeIdeas.some((i) => i.id === ideaId)) return s.id;
  }
  return "";
}
