import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { importMeasureAction } from "@/lib/measures/actions";
import { getMeasureForEdit } from "@/lib/measures/queries";
import { orNotFound } from "@/lib/route-errors";
import { PERIOD_LABELS } from "@/lib/measures/periods";
import { CsvImportForm } from "@/components/measures/CsvImportForm";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Import data from a CSV file" };

type Props = { params: Promise<{ id: string; measureId: string }> };

export default async function ImportPage({ params }: Props) {
  const { id, measureId } = await params;
  const viewer = await requireViewer(`/projects/${id}/measures/${measureId}/import`);
  const { measure } = await orNotFound(getMeasureForEdit(viewer, id, measureId));
  const example =
    measure.valueType === "RATE"
      ? "period,numerator,denominator,note\n2024-01,3,1250,\n2024-02,5,1190,New beds opened"
      : "period,value,note\n2024-01,12,\n2024-02,9,New falls policy";
  return (
    <>
      <BackLink href={`/projects/${id}/measures/${measureId}`}>{measure.name}</BackLink>
      <h1>Import data from a CSV file</h1>
      <p className="max-w-3xl">
        Add many {PERIOD_LABELS[measure.period].adjective} values at once. Periods can be written as 2024-03-01,
        2024-03, 01/03/2024 or Mar-24. The data are checked first: if any row has a problem, nothing is imported, so you
        never end up with half a file.
      </p>
      <p className="max-w-3xl">
        <a href={`/api/projects/${id}/measures/${measureId}/csv/template`}>
          Download a template for this measure (CSV)
        </a>
        : its columns, the values already entered and the periods due next, ready to fill in with a spreadsheet. Your
        own file works too: if its columns have other names, you will be asked which is which. Values already entered
        are kept unless you choose to replace them.
      </p>
      <CsvImportForm
        action={importMeasureAction}
        projectId={id}
        measureId={measureId}
        valueType={measure.valueType}
        example={example}
      />
    </>
  );
}
