import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { createProjectAction } from "@/lib/projects/actions";
import { getProjectFormOptions, listCollaborativesForNewProject } from "@/lib/projects/queries";
import { visibilityChoices } from "@/lib/projects/status";
import { ProjectForm } from "@/components/projects/ProjectForm";
import { ChoiceField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Start a new project" };

type Props = { searchParams: Promise<{ collaborative?: string }> };

export default async function NewProjectPage({ searchParams }: Props) {
  const viewer = await requireViewer("/projects/new");
  const { collaborative: chosen } = await searchParams;
  const collaboratives = await listCollaborativesForNewProject(viewer);

  if (collaboratives.length === 0) {
    return (
      <>
        <BackLink href="/projects">Improvement projects</BackLink>
        <h1>Start a new project</h1>
        <p>
          Projects are started by staff of a collaborative’s member organisations. If you work for one, ask your
          collaborative’s lead to add you as a staff member.
        </p>
      </>
    );
  }

  const collaborative = collaboratives.length === 1 ? collaboratives[0] : collaboratives.find((c) => c.slug === chosen);
  if (!collaborative) {
    return (
      <>
        <BackLink href="/projects">Improvement projects</BackLink>
        <h1>Start a new project</h1>
        <form method="get" action="/projects/new">
          <ChoiceField
            name="collaborative"
            label="Which collaborative is the project part of?"
            options={collaboratives.map((c) => ({ value: c.slug, label: c.name }))}
          />
          <Button>Continue</Button>
        </form>
      </>
    );
  }

  const options = await getProjectFormOptions(viewer, collaborative.id);
  const today = new Date();
  const homeOrganisation = viewer.memberships.find((m) => m.collaborativeId === collaborative.id)?.organisationId;
  return (
    <>
      <BackLink href="/projects">Improvement projects</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Start a new project</h1>
      <p className="max-w-3xl">
        Start with the problem and what you want to achieve. You can add measures, the driver diagram, change ideas and
        PDSA cycles once the project is created.
      </p>
      <ProjectForm
        action={createProjectAction}
        mode="create"
        hidden={{ collaborativeId: collaborative.id }}
        options={{
          organisations: options.organisations,
          priorities: options.priorities,
          stages: options.stages,
          visibilities: visibilityChoices(collaborative.name),
        }}
        initial={{
          "startDate-day": String(today.getUTCDate()),
          "startDate-month": String(today.getUTCMonth() + 1),
          "startDate-year": String(today.getUTCFullYear()),
          visibility: "DRAFT",
          organisationIds: homeOrganisation ?? "",
        }}
      />
    </>
  );
}
