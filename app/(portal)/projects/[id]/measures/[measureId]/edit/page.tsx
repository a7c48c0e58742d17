import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { archiveMeasureAction, updateMeasureAction } from "@/lib/measures/actions";
import { getMeasureForEdit } from "@/lib/measures/queries";
import { orNotFound } from "@/lib/route-errors";
import { MeasureForm } from "@/components/measures/MeasureForm";
import { ConfirmDeleteForm } from "@/components/projects/ConfirmDeleteForm";
import { BackLink } from "@/components/ui/Panels";
import { pluralise } from "@/lib/format";

export const metadata: Metadata = { title: "Edit the measure" };

type Props = { params: Promise<{ id: string; measureId: string }> };

export default async function EditMeasurePage({ params }: Props) {
  const { id, measureId } = await params;
  const viewer = await requireViewer(`/projects/${id}/measures/${measureId}/edit`);
  const { measure, pointCount } = await orNotFound(getMeasureForEdit(viewer, id, measureId));
  return (
    <>
      <BackLink href={`/projects/${id}/measures/${measureId}`}>{measure.name}</BackLink>
      <h1>Edit the measure</h1>
      <MeasureForm
        action={updateMeasureAction}
        hidden={{ projectId: id, id: measure.id }}
        locked={pointCount > 0}
        initial={{
          version: String(measure.version),
          name: measure.name,
          kind: measure.kind,
          definition: measure.definition,
          unit: measure.unit,
          direction: measure.direction,
          target: measure.target === null ? "" : String(measure.target),
          period: measure.period,
          valueType: measure.valueType,
          rateMultiplier: String(
            measure.rateMultiplier === 1 && measure.valueType === "NUMBER" ? 100 : measure.rateMultiplier,
          ),
          screenOutlierMovingRanges: measure.screenOutlierMovingRanges ? "on" : "",
          chartType: measure.chartType,
        }}
        submitLabel="Save the measure"
      />
      <details className="mb-8">
        <summary className="cursor-pointer text-nhs-red underline">Archive this measure</summary>
        <div className="mt-4">
          <p>
            The measure leaves the project page, every dashboard figure and the evidence shown on shared learning. Its{" "}
            {pluralise(pointCount, "data point")} are kept, and the project’s staff can restore it from the project
            page.
          </p>
          <ConfirmDeleteForm
            action={archiveMeasureAction}
            hidden={{ projectId: id, id: measure.id }}
            confirmLabel="I understand the measure will be hidden until it is restored"
            buttonLabel="Archive the measure"
          />
        </div>
      </details>
    </>
  );
}
