import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { correctPointAction, deletePointAction } from "@/lib/measures/actions";
import { getPointForCorrection } from "@/lib/measures/queries";
import { formatPeriod } from "@/lib/measures/periods";
import { plainNumber } from "@/lib/measures/values";
import { orNotFound } from "@/lib/route-errors";
import { PointForm } from "@/components/measures/PointForm";
import { BackLink } from "@/components/ui/Panels";
import { DeletePointForm } from "@/components/measures/DeletePointForm";

export const metadata: Metadata = { title: "Correct a value" };

type Props = { params: Promise<{ id: string; measureId: string; pointId: string }> };

export default async function PointPage({ params }: Props) {
  const { id, measureId, pointId } = await params;
  const viewer = await requireViewer(`/projects/${id}/measures/${measureId}/points/${pointId}`);
  const { measure, point } = await orNotFound(getPointForCorrection(viewer, id, measureId, pointId));
  const label = formatPeriod(point.periodStart, measure.period);
  return (
    <>
      <BackLink href={`/projects/${id}/measures/${measureId}#data`}>{measure.name}</BackLink>
      <h1>Correct the value for {label}</h1>
      <p>Corrections are kept in the audit log with the old and new values.</p>
      <PointForm
        action={correctPointAction}
        hidden={{ projectId: id, measureId, pointId }}
        valueType={measure.valueType}
        unit={measure.unit}
        initial={{
          value: plainNumber(point.value),
          numerator: plainNumber(point.numerator),
          denominator: plainNumber(point.denominator),
          note: point.note,
        }}
        submitLabel="Save the correction"
      />
      <h2>Delete the value</h2>
      <p>Delete it if there should be no value for {label} (for example, no data were collected).</p>
      <DeletePointForm action={deletePointAction} hidden={{ projectId: id, measureId, pointId }} label={label} />
    </>
  );
}
