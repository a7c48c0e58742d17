import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { changeStatusAction } from "@/lib/projects/actions";
import { getProjectForEdit } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { PROJECT_STATUSES, STATUS_HINTS, STATUS_LABELS } from "@/lib/projects/status";
import { StatusForm } from "@/components/projects/StatusForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Change the project’s stage" };

type Props = { params: Promise<{ id: string }> };

export default async function ProjectStatusPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/status`);
  const { project } = await orNotFound(getProjectForEdit(viewer, id));
  return (
    <>
      <BackLink href={`/projects/${id}`}>{project.title}</BackLink>
      <h1>Change the project’s stage</h1>
      <p>
        It is at <strong>{STATUS_LABELS[project.status]}</strong> now. Projects usually move from idea to planning,
        testing, implementing, spreading and sustaining; they can close at any stage.
      </p>
      <StatusForm
        action={changeStatusAction}
        id={project.id}
        version={project.version}
        current={project.status}
        options={PROJECT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s], hint: STATUS_HINTS[s] }))}
      />
    </>
  );
}
