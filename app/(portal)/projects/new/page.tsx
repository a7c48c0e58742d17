import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { createProjectAction } from "@/lib/projects/actions";
import { getProjectFormOptions, listCollaborativesForNewProject } from "@/lib/projects/queries";
import { visibilityChoices } from "@/lib/projects/status";
import { ProjectForm } from "@/components/projects/ProjectForm";
import { ChoiceField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { BackLink } from "@/components/ui/Panels";
import { notFound } from "next/navigation";
import { createProjectFromTemplateAction } from "@/lib/templates/actions";
import { getTemplateByKey, listTemplates } from "@/lib/templates/queries";
import { TemplateList } from "@/components/templates/TemplateList";
import { TemplatePreview } from "@/components/templates/TemplatePreview";
import { TemplateProjectForm } from "@/components/templates/TemplateProjectForm";

export const metadata: Metadata = { title: "Start a new project" };

type Props = { searchParams: Promise<{ collaborative?: string; template?: string }> };

export default async function NewProjectPage({ searchParams }: Props) {
  const viewer = await requireViewer("/projects/new");
  const { collaborative: chosen, template: templateKey } = await searchParams;
  const template = typeof templateKey === "string" ? await getTemplateByKey(templateKey) : null;
  if (typeof templateKey === "string" && !template) notFound();
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
          {template && <input type="hidden" name="template" value={template.key} />}
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

  if (template) {
    return (
      <>
        <BackLink href={`/projects/new?collaborative=${collaborative.slug}`}>Start a new project</BackLink>
        <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
        <h1>Start a project: {template.name}</h1>
        <p className="max-w-3xl">
          {template.description} The project starts as a draft with the template’s measures, driver diagram and change
          ideas; you can change any of them afterwards.
        </p>
        <TemplatePreview template={template} />
        <TemplateProjectForm
          action={createProjectFromTemplateAction}
          templateKey={template.key}
          collaborativeId={collaborative.id}
        />
      </>
    );
  }

  const [options, templates] = await Promise.all([getProjectFormOptions(viewer, collaborative.id), listTemplates()]);
  const homeOrganisation = viewer.memberships.find((m) => m.collaborativeId === collaborative.id)?.organisationId;
  return (
    <>
      <BackLink href="/projects">Improvement projects</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Start a new project</h1>
      {templates.length > 0 && (
        <section aria-labelledby="from-template">
          <h2 id="from-template">Start from a template</h2>
          <p className="max-w-3xl">
            Each national priority area has a template with standard measures, a driver diagram and suggested change
            ideas. You only give the project a title.
          </p>
          <TemplateList
            templates={templates}
            hrefFor={(key) => `/projects/new?collaborative=${collaborative.slug}&template=${key}`}
          />
        </section>
      )}
      {templates.length > 0 && <h2>Or start an empty project</h2>}
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
          visibility: "DRAFT",
          organisationIds: homeOrganisation ?? "",
        }}
      />
    </>
  );
}
