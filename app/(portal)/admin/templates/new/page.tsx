import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listTemplateAreas } from "@/lib/templates/queries";
import { createTemplateAction } from "@/lib/templates/actions";
import { orNotFound } from "@/lib/route-errors";
import { TemplateForm } from "@/components/templates/TemplateForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Add a project template" };

export default async function NewTemplatePage() {
  const viewer = await requireViewer("/admin/templates/new");
  const areas = await orNotFound(listTemplateAreas(viewer));
  return (
    <>
      <BackLink href="/admin/templates">Project templates</BackLink>
      <h1>Add a project template</h1>
      <TemplateForm
        action={createTemplateAction}
        initial={{}}
        hidden={{}}
        rows={3}
        areas={areas.map((a) => ({ value: a.id, label: a.name }))}
        askKey
        submitLabel="Add the template"
      />
    </>
  );
}
