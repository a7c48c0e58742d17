import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { createPathwayStageAction, deletePathwayStageAction, updatePathwayStageAction } from "@/lib/projects/actions";
import { listPathwayStagesForAdmin } from "@/lib/projects/pathway-stages";
import { orNotFound } from "@/lib/route-errors";
import { PathwayStageForm } from "@/components/projects/PathwayStageForm";
import { ActionButton } from "@/components/projects/DriverForms";
import { TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Stages of the patient’s pathway" };

type Props = { searchParams: Promise<{ edit?: string }> };

export default async function PathwayStagesPage({ searchParams }: Props) {
  const viewer = await requireViewer("/admin/pathway-stages");
  const stages = await orNotFound(listPathwayStagesForAdmin(viewer));
  const { edit } = await searchParams;
  const editing = stages.find((s) => s.id === edit);
  return (
    <>
      <h1>Stages of the patient’s pathway</h1>
      <p className="max-w-3xl">
        Projects, safety concerns and shared learning say where on the patient’s pathway they act. A stage in use can be
        renamed or moved but not deleted.
      </p>
      <table className="mb-8 w-full border-collapse bg-white text-left">
        <caption className="sr-only">Pathway stages</caption>
        <TableHead
          cell="p-2"
          columns={["Position", "Name", "Identifier", "Used by", { label: <span className="sr-only">Actions</span> }]}
        />
        <tbody>
          {stages.map((s) => (
            <tr key={s.id} className="border-b border-nhs-grey-4">
              <td className="p-2">{s.sortOrder}</td>
              <th scope="row" className="p-2 font-normal">
                {s.name}
              </th>
              <td className="p-2">
                <code>{s.slug}</code>
              </td>
              <td className="p-2">{s.uses}</td>
              <td className="p-2">
                <Link href={`/admin/pathway-stages?edit=${s.id}`}>
                  Change<span className="sr-only"> {s.name}</span>
                </Link>
                {s.uses === 0 && (
                  <span className="ml-4">
                    <ActionButton
                      action={deletePathwayStageAction}
                      hidden={{ id: s.id }}
                      label="Delete"
                      srLabel={s.name}
                    />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <>
          <h2>Change “{editing.name}”</h2>
          <PathwayStageForm
            action={updatePathwayStageAction}
            initial={editing}
            submitLabel="Save the stage"
            key={editing.id}
          />
          <p className="mt-4">
            <Link href="/admin/pathway-stages">Add a stage instead</Link>
          </p>
        </>
      ) : (
        <>
          <h2>Add a stage</h2>
          <PathwayStageForm action={createPathwayStageAction} submitLabel="Add the stage" />
        </>
      )}
    </>
  );
}
