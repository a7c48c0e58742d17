import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { addRebaseAction, removeRebaseAction, restoreMeasureAction } from "@/lib/measures/actions";
import { doneMessage } from "@/lib/forms/done";
import { getMeasurePage } from "@/lib/measures/queries";
import { PERIOD_LABELS, formatPeriod } from "@/lib/measures/periods";
import { DIRECTION_WORDS, KIND_LABELS, KIND_TAG_COLOURS } from "@/lib/measures/labels";
import { orNotFound } from "@/lib/route-errors";
import { formatDate, formatDecimal, isoDate, pluralise } from "@/lib/format";
import { MeasureChartPanel } from "@/components/measures/MeasureChartPanel";
import { ChartDownloads } from "@/components/measures/ChartDownloads";
import { RebaseForm } from "@/components/measures/RebaseForm";
import { BackLink, SuccessMessage, SummaryList, Tag, WarningCallout } from "@/components/ui/Panels";
import { RestoreForm } from "@/components/projects/RestoreForm";
import { ButtonLink } from "@/components/ui/Button";
import { ScrollableTable } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Measure" };

type Props = {
  params: Promise<{ id: string; measureId: string }>;
  searchParams: Promise<{ imported?: string; replaced?: string; saved?: string; entered?: string; done?: string }>;
};

export default async function MeasurePage({ params, searchParams }: Props) {
  const { id, measureId } = await params;
  const query = await searchParams;
  const { project, measure, chart, canUpdate, canRestore } = await orNotFound(
    getMeasurePage(await getViewer(), id, measureId),
  );
  const done = doneMessage(query.done);
  const imported = Number(query.imported);
  const replaced = Number(query.replaced);
  const entered = Number(query.entered);
  const base = `/projects/${id}/measures/${measureId}`;

  return (
    <>
      <BackLink href={`/projects/${id}`}>{project.title}</BackLink>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <h1>{measure.name}</h1>
      <p>
        <Tag colour={KIND_TAG_COLOURS[measure.kind]}>{KIND_LABELS[measure.kind]}</Tag>{" "}
        {measure.archivedAt && <Tag colour="red">Archived</Tag>}
      </p>
      {measure.archivedAt && (
        <WarningCallout title="This measure is archived">
          <p>
            Archived on {formatDate(measure.archivedAt)}. It is hidden from the project page, every dashboard figure and
            the evidence shown on shared learning; its data are kept and cannot be changed until it is restored.
          </p>
          {canRestore && (
            <RestoreForm
              action={restoreMeasureAction}
              hidden={{ projectId: id, id: measure.id }}
              buttonLabel="Restore the measure"
            />
          )}
        </WarningCallout>
      )}
      {Number.isFinite(imported) && imported > 0 && (
        <SuccessMessage>
          Imported {pluralise(imported, "row")}
          {Number.isFinite(replaced) && replaced > 0 ? ` (${pluralise(replaced, "value")} replaced)` : ""}. The chart
          and its limits have been updated.
        </SuccessMessage>
      )}
      {Number.isInteger(entered) && entered > 0 && (
        <SuccessMessage>
          {pluralise(entered, "value")} saved. The chart and its limits have been updated.
        </SuccessMessage>
      )}
      {query.saved && (
        <SuccessMessage>
          {query.saved === "deleted" ? "The point has been deleted." : "The point has been corrected."} The chart has
          been updated.
        </SuccessMessage>
      )}
      <SummaryList
        rows={[
          { label: "Definition", value: <span className="whitespace-pre-line">{measure.definition}</span> },
          { label: "Unit", value: measure.unit || "–" },
          { label: "Which way is better", value: DIRECTION_WORDS[measure.direction] },
          { label: "Target", value: measure.target === null ? "None" : formatDecimal(measure.target, 2) },
          {
            label: "Collected",
            value: `${PERIOD_LABELS[measure.period].adjective}${measure.valueType === "RATE" ? `, as a numerator and denominator (× ${measure.rateMultiplier})` : ""}`,
          },
          {
            label: "Chart",
            value: `${chart.chartTypeName}${chart.chartType === "XMR" ? "" : " (status icons on dashboards still come from the XmR chart)"}`,
          },
        ]}
      />
      {canUpdate && (
        <ul className="mb-6 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
          <li>
            <Link href={`${base}/edit`}>Edit the measure</Link>
          </li>
          <li>
            <Link href={`${base}/import`}>Import data from a CSV file</Link>
          </li>
        </ul>
      )}
      <p>
        <a href={`/api/projects/${id}/measures/${measureId}/csv`}>Download the data (CSV)</a>
      </p>

      <h2>Chart</h2>
      <MeasureChartPanel
        id={measure.id}
        name={measure.name}
        unit={measure.unit}
        valueType={measure.valueType}
        chart={chart}
      />
      {chart.pointCount > 0 && <ChartDownloads projectId={id} measureId={measureId} name={measure.name} />}

      {canUpdate && (
        <>
          <h2 id="add">Add values</h2>
          <p>Enter this period’s value, or many at once: paste them from a spreadsheet into the grid.</p>
          <ButtonLink href={`${base}/values`}>Enter values</ButtonLink>

          <h2 id="data">Correct or delete values</h2>
          {chart.points.length === 0 ? (
            <p>No values yet.</p>
          ) : (
            <ScrollableTable label={`Values of ${measure.name}`} className="mb-8">
              <table className="w-full border-collapse bg-white text-left text-base">
                <caption className="sr-only">Values of {measure.name}</caption>
                <thead>
                  <tr className="border-b-2 border-nhs-grey-3">
                    <th scope="col" className="p-2">
                      Period
                    </th>
                    <th scope="col" className="p-2">
                      Value
                    </th>
                    {measure.valueType === "RATE" && (
                      <th scope="col" className="p-2">
                        Numerator / denominator
                      </th>
                    )}
                    <th scope="col" className="p-2">
                      Note
                    </th>
                    <th scope="col" className="p-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {chart.points.map((p) => (
                    <tr key={p.id} className="border-b border-nhs-grey-4">
                      <th scope="row" className="p-2 font-normal">
                        {p.label}
                      </th>
                      <td className="p-2">{formatDecimal(p.value, 2)}</td>
                      {measure.valueType === "RATE" && (
                        <td className="p-2">
                          {p.numerator ?? "–"} / {p.denominator ?? "–"}
                        </td>
                      )}
                      <td className="p-2">{p.note}</td>
                      <td className="p-2">
                        <Link href={`${base}/points/${p.id}`}>
                          Correct or delete<span className="sr-only"> the value for {p.label}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}

          {chart.points.length > 2 && (
            <>
              <h2>Recalculate the limits (rebasing)</h2>
              {measure.rebaseDates.length > 0 && (
                <ul className="mb-4 list-none p-0">
                  {measure.rebaseDates.map((d) => (
                    <li key={isoDate(d)} className="mb-2 flex flex-wrap items-center gap-4">
                      <span>Limits recalculated from {formatPeriod(d, measure.period)}</span>
                      <form action={removeRebaseAction}>
                        <input type="hidden" name="projectId" value={id} />
                        <input type="hidden" name="measureId" value={measureId} />
                        <input type="hidden" name="from" value={isoDate(d)} />
                        <button type="submit" className="cursor-pointer text-nhs-blue underline">
                          Undo<span className="sr-only"> the recalculation from {formatPeriod(d, measure.period)}</span>
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              )}
              <div className="mb-8 bg-white p-4">
                <RebaseForm
                  action={addRebaseAction}
                  projectId={id}
                  measureId={measureId}
                  options={chart.points.slice(1).map((p) => ({ value: p.key, label: p.label }))}
                  rebasedFrom={measure.rebaseDates.map(isoDate)}
                />
              </div>
            </>
          )}
          <ButtonLink href={`/projects/${id}`} variant="secondary">
            Back to the project
          </ButtonLink>
        </>
      )}
    </>
  );
}
