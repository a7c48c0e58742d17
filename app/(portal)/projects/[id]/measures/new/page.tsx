import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { createMeasureAction } from "@/lib/measures/actions";
import { getProjectForMeasures } from "@/lib/measures/queries";
import { orNotFound } from "@/lib/route-errors";
import { MeasureForm } from "@/components/measures/MeasureForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Add a measure" };

type Props = { params: Promise<{ id: string }> };

export default async function NewMeasurePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/measures/new`);
  const project = await orNotFound(getProjectForMeasures(viewer, id));
  return (
    <>
      <BackLink href={`/projects/${id}`}>{project.title}</BackLink>
      <h1>Add a measure</h1>
      <p className="max-w-3xl">
        How will you know a change is an improvement? Most projects have one or two outcome measures, a few process
        measures and a balancing measure.
      </p>
      <MeasureForm
        action={createMeasureAction}
        hidden={{ projectId: id }}
        initial={{ period: "MONTH", valueType: "NUMBER", direction: "DECREASE", rateMultiplier: "100" }}
        submitLabel="Add the measure"
      />
    </>
  );
}
