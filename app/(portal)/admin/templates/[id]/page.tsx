import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getTemplateForEdit, listTemplateAreas } from "@/lib/templates/queries";
import { updateTemplateAction } from "@/lib/templates/actions";
import { MAX_TEMPLATE_MEASURES, templateFormValues } from "@/lib/templates/schemas";
import { orNotFound } from "@/lib/route-errors";
import { TemplateForm } from "@/components/templates/TemplateForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Change a project template" };

type Props = { params: Promise<{ id: string }> };

export default async function EditTemplatePage({ params }: Props) {
  const viewer = await requireViewer("/admin/templates");
  const { id } = await params;
  const [template, areas] = await orNotFound(Promise.all([getTemplateForEdit(viewer, id), listTemplateAreas(viewer)]));
  return (
    <>
      <BackLink href="/admin/templates">Project templates</BackLink>
      <h1>Change “{template.name}”</h1>
      <p>
        Identifier: <code>{template.key}</code> (staff start from it at{" "}
        <a href={`/projects/new?template=${template.key}`}>/projects/new?template={template.key}</a>)
      </p>
      <TemplateForm
        action={updateTemplateAction}
        initial={templateFormValues(template)}
        hidden={{ id: template.id }}
        rows={Math.min(MAX_TEMPLATE_MEASURES, template.measures.length + 1)}
        areas={areas.map((a) => ({ value: a.id, label: a.name }))}
        askKey={false}
        submitLabel="Save the template"
        key={template.version}
      />
    </>
  );
}
