import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { deleteProjectAction } from "@/lib/projects/actions";
import { getProjectForEdit } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { ConfirmDeleteForm } from "@/components/projects/ConfirmDeleteForm";
import { BackLink, WarningCallout } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Delete the project" };

type Props = { params: Promise<{ id: string }> };

export default async function DeleteProjectPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/delete`);
  const { project, canDelete } = await orNotFound(getProjectForEdit(viewer, id));
  if (!canDelete) notFound();
  return (
    <>
      <BackLink href={`/projects/${id}/edit`}>Edit the project</BackLink>
      <h1>Delete “{project.title}”</h1>
      <WarningCallout title="This cannot be undone">
        <p>
          Its measures and their data, PDSA cycles, driver diagram and team list will be deleted. Concerns and shared
          learning that mention the project keep their own text. Consider closing the project instead, so others can
          learn from it.
        </p>
      </WarningCallout>
      <ConfirmDeleteForm
        action={deleteProjectAction}
        hidden={{ id }}
        confirmLabel="I understand the project and all its data will be deleted"
        buttonLabel="Delete the project"
      />
    </>
  );
}
