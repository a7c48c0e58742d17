import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { updateProjectAction } from "@/lib/projects/actions";
import { getProjectForEdit } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { visibilityChoices } from "@/lib/projects/status";
import { ProjectForm } from "@/components/projects/ProjectForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Edit the project" };

type Props = { params: Promise<{ id: string }> };

const dateParts = (name: string, date: Date | null) =>
  date
    ? {
        [`${name}-day`]: String(date.getUTCDate()),
        [`${name}-month`]: String(date.getUTCMonth() + 1),
        [`${name}-year`]: String(date.getUTCFullYear()),
      }
    : {};

export default async function EditProjectPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/edit`);
  const { project, options, canArchive } = await orNotFound(getProjectForEdit(viewer, id));
  return (
    <>
      <BackLink href={`/projects/${id}`}>{project.title}</BackLink>
      <h1>Edit the project</h1>
      <p>
        To move the project to another stage, <Link href={`/projects/${id}/status`}>change its stage</Link>.
      </p>
      <ProjectForm
        action={updateProjectAction}
        mode="edit"
        hidden={{ id: project.id }}
        options={{
          organisations: options.organisations,
          priorities: options.priorities,
          stages: options.stages,
          visibilities: visibilityChoices(project.collaborative.name),
        }}
        initial={{
          version: String(project.version),
          title: project.title,
          problem: project.problem,
          aimWhat: project.aimWhat,
          aimHowMuch: project.aimHowMuch,
          ...dateParts("aimByWhen", project.aimByWhen),
          ...dateParts("startDate", project.startDate),
          organisationIds: project.organisationIds.join(","),
          priorityAreaIds: project.priorityAreaIds.join(","),
          pathwayStageIds: project.pathwayStageIds.join(","),
          visibility: project.visibility,
          learningSummary: project.learningSummary,
        }}
      />
      {canArchive && (
        <p>
          <Link href={`/projects/${id}/archive`} className="text-nhs-red!">
            Archive this project
          </Link>
        </p>
      )}
    </>
  );
}
