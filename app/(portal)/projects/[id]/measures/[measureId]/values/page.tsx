import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { saveValuesAction } from "@/lib/measures/actions";
import { getValuesGrid } from "@/lib/measures/queries";
import { PERIOD_LABELS } from "@/lib/measures/periods";
import { orNotFound } from "@/lib/route-errors";
import { ValuesGrid } from "@/components/measures/ValuesGrid";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Enter values" };

type Props = {
  params: Promise<{ id: string; measureId: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
};

export default async function ValuesPage({ params, searchParams }: Props) {
  const { id, measureId } = await params;
  const { from } = await searchParams;
  const base = `/projects/${id}/measures/${measureId}`;
  const viewer = await requireViewer(`${base}/values`);
  const grid = await orNotFound(
    getValuesGrid(viewer, id, measureId, typeof from === "string" ? from.slice(0, 10) : undefined),
  );
  const { measure } = grid;
  const columns =
    measure.valueType === "RATE" ? "period, numerator and denominator" : "period and value (and a note, if you like)";
  return (
    <>
      <BackLink href={base}>{measure.name}</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{grid.project.title}</p>
      <h1>Enter values: {measure.name}</h1>
      <p className="max-w-3xl">
        One row per {PERIOD_LABELS[measure.period].noun}. Fill in the periods you have data for and leave the others
        empty; everything is saved together when you select “Save values”. Changing a value that is already there
        corrects it, and the correction is kept in the audit log.
      </p>
      <p className="max-w-3xl">
        From a spreadsheet: copy the columns ({columns}) and paste them into the first cell. Periods can be written as
        Sep 2025, 2025-09 or 01/09/2025; rows are added for periods not shown. Values alone fill the rows from the first
        empty one downwards.
      </p>
      <ValuesGrid
        key={grid.rows[0]?.key}
        action={saveValuesAction}
        projectId={id}
        measureId={measureId}
        valueType={measure.valueType}
        period={measure.period}
        unit={measure.unit}
        rows={grid.rows}
        oldestKey={grid.oldestKey}
        measureName={measure.name}
      />
    </>
  );
}
