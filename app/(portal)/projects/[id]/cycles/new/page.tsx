import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { createPdsaAction } from "@/lib/projects/actions";
import { getPdsaCycle } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { PdsaForm } from "@/components/projects/PdsaForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Record a PDSA cycle" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ idea?: string }> };

export default async function NewCyclePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { idea } = await searchParams;
  const viewer = await requireViewer(`/projects/${id}/cycles/new`);
  const data = await orNotFound(getPdsaCycle(viewer, id, null, "project.update"));
  const today = new Date();
  return (
    <>
      <BackLink href={`/projects/${id}`}>{data.project.title}</BackLink>
      <h1>Record a PDSA cycle</h1>
      <p className="max-w-3xl">
        A Plan–Do–Study–Act cycle tests one change idea on a small scale. Fill in the plan and prediction now and the
        rest as the test goes on.
      </p>
      <PdsaForm
        action={createPdsaAction}
        changeIdeas={data.changeIdeas}
        hidden={{ projectId: id }}
        initial={{
          changeIdeaId: data.changeIdeas.some((i) => i.value === idea) ? idea! : "",
          "startDate-day": String(today.getUTCDate()),
          "startDate-month": String(today.getUTCMonth() + 1),
          "startDate-year": String(today.getUTCFullYear()),
          act: "",
        }}
        submitLabel="Save the cycle"
      />
    </>
  );
}
