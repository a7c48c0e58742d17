import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { archiveProjectAction } from "@/lib/projects/actions";
import { getProjectForEdit } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { ConfirmDeleteForm } from "@/components/projects/ConfirmDeleteForm";
import { BackLink, InsetText } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Archive the project" };

type Props = { params: Promise<{ id: string }> };

export default async function ArchiveProjectPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/archive`);
  const { project, canArchive } = await orNotFound(getProjectForEdit(viewer, id));
  if (!canArchive) notFound();
  return (
    <>
      <BackLink href={`/projects/${id}/edit`}>Edit the project</BackLink>
      <h1>Archive “{project.title}”</h1>
      <InsetText>
        <p>
          The project leaves every list, search, dashboard and national figure, and shared learning stops showing its
          measures as evidence of improvement. Nothing is deleted: its history, measures, data and PDSA cycles are kept,
          staff of the collaborative can still open it, and a lead can restore it at any time. Concerns linked to it
          keep the link, with a note in their history.
        </p>
        <p>If the work has finished, consider closing the project instead, so others can learn from it.</p>
      </InsetText>
      <ConfirmDeleteForm
        action={archiveProjectAction}
        hidden={{ id }}
        confirmLabel="I understand the project will be hidden until a lead restores it"
        buttonLabel="Archive the project"
      />
    </>
  );
}
