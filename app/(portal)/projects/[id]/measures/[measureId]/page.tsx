import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { addPointAction, addRebaseAction, removeRebaseAction } from "@/lib/measures/actions";
import { getMeasurePage } from "@/lib/measures/queries";
import { PERIOD_LABELS, formatPeriod } from "@/lib/measures/periods";
import { DIRECTION_WORDS, KIND_LABELS, KIND_TAG_COLOURS } from "@/lib/measures/labels";
import { orNotFound } from "@/lib/route-errors";
import { formatDecimal, isoDate, pluralise } from "@/lib/format";
import { MeasureChartPanel } from "@/components/measures/MeasureChartPanel";
import { ChartDownloads } from "@/components/measures/ChartDownloads";
import { PointForm } from "@/components/measures/PointForm";
import { RebaseForm } from "@/components/measures/RebaseForm";
import { BackLink, InsetText, SummaryList, Tag } from "@/components/ui/Panels";
import { ButtonLink } from "@/components/ui/Button";
import { ScrollableTable } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Measure" };

type Props = {
  params: Promise<{ id: string; measureId: string }>;
  searchParams: Promise<{ imported?: string; saved?: string }>;
};

export default async function MeasurePage({ params, searchParams }: Props) {
  const { id, measureId } = await params;
  const query = await searchParams;
  const { project, measure, chart, canUpdate } = await orNotFound(getMeasurePage(await getViewer(), id, measureId));
  const imported = Number(query.imported);
  const base = `/projects/${id}/measures/${measureId}`;

  return (
    <>
      <BackLink href={`/projects/${id}`}>{project.title}</BackLink>
      <h1>{measure.name}</h1>
      <p>
        <Tag colour={KIND_TAG_COLOURS[measure.kind]}>{KIND_LABELS[measure.kind]}</Tag>
      </p>
      {Number.isFinite(imported) && imported > 0 && (
        <InsetText>
          <p className="mb-0 font-bold">
            Imported {pluralise(imported, "row")}. The chart and its limits have been updated.
          </p>
        </InsetText>
      )}
      {query.saved && (
        <InsetText>
          <p className="mb-0 font-bold">
            {query.saved === "deleted" ? "The point has been deleted." : "The point has been corrected."} The chart has
            been updated.
          </p>
        </InsetText>
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
          <h2 id="add">Add a value</h2>
          <div className="mb-8 bg-white p-4">
            <PointForm
              action={addPointAction}
              hidden={{ projectId: id, measureId }}
              valueType={measure.valueType}
              period={measure.period}
              unit={measure.unit}
              submitLabel="Save the value"
            />
          </div>

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
