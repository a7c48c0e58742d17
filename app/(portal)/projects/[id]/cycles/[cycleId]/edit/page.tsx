import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { updatePdsaAction } from "@/lib/projects/actions";
import { getPdsaCycle } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { PdsaForm } from "@/components/projects/PdsaForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Update a PDSA cycle" };

type Props = { params: Promise<{ id: string; cycleId: string }> };

const parts = (name: string, date: Date | null) =>
  date
    ? {
        [`${name}-day`]: String(date.getUTCDate()),
        [`${name}-month`]: String(date.getUTCMonth() + 1),
        [`${name}-year`]: String(date.getUTCFullYear()),
      }
    : {};

export default async function EditCyclePage({ params }: Props) {
  const { id, cycleId } = await params;
  const viewer = await requireViewer(`/projects/${id}/cycles/${cycleId}/edit`);
  const data = await orNotFound(getPdsaCycle(viewer, id, cycleId, "project.update"));
  const c = data.cycle;
  if (!c) notFound();
  return (
    <>
      <BackLink href={`/projects/${id}/cycles/${cycleId}`}>
        Cycle {c.number}: {c.title}
      </BackLink>
      <h1>Update PDSA cycle {c.number}</h1>
      <PdsaForm
        action={updatePdsaAction}
        changeIdeas={data.changeIdeas}
        hidden={{ projectId: id, id: c.id }}
        initial={{
          version: String(c.version),
          changeIdeaId: c.changeIdeaId,
          title: c.title,
          plan: c.plan,
          prediction: c.prediction,
          doNotes: c.doNotes,
          study: c.study,
          act: c.act ?? "",
          actNotes: c.actNotes,
          ...parts("startDate", c.startDate),
          ...parts("endDate", c.endDate),
        }}
        submitLabel="Save the cycle"
      />
    </>
  );
}
