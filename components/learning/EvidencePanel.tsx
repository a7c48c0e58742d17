import { MeasureChartPanel } from "@/components/measures/MeasureChartPanel";
import { Tag } from "@/components/ui/Panels";
import type { EvidenceView } from "@/lib/learning/queries";
import { KIND_LABELS } from "@/lib/measures/labels";

/** The measure cited as evidence: its SPC chart (lib/spc, Making Data Count) and, in words, whether it shows improvement. */
export function EvidencePanel({ evidence }: { evidence: EvidenceView }) {
  const { measure, project } = evidence;
  return (
    <section className="mb-10" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      {project && (
        <p>
          From the improvement project{" "}
          {project.readable ? (
            <a href={`/projects/${project.id}`}>{project.title}</a>
          ) : (
            <strong>{project.title}</strong>
          )}
          .
        </p>
      )}
      {!measure ? (
        <p>No measure has been linked as evidence for this learning.</p>
      ) : (
        <>
          <h3 className="text-xl">
            {measure.name} <span className="font-normal text-nhs-secondary-text">({KIND_LABELS[measure.kind]})</span>
          </h3>
          <div className="mb-4 border-l-[10px] border-nhs-blue bg-white p-4">
            {measure.showsImprovement ? (
              <p className="mb-0">
                <Tag colour="green">Evidence of improvement</Tag> The latest point on this measure shows special-cause
                variation of an improving nature (Making Data Count rules).
              </p>
            ) : (
              <p className="mb-0">
                <Tag colour="grey">No special-cause improvement yet</Tag>{" "}
                {measure.spcPointCount === 0
                  ? "This measure has no data yet."
                  : "The latest point on this measure does not show special-cause improvement (Making Data Count rules)."}
              </p>
            )}
          </div>
          <MeasureChartPanel
            id={`evidence-${measure.id}`}
            name={measure.name}
            unit={measure.unit}
            valueType={measure.valueType}
            chart={measure.chart}
          />
        </>
      )}
    </section>
  );
}
