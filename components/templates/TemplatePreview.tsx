import { DIRECTION_WORDS, KIND_LABELS } from "@/lib/measures/labels";
import type { TemplatePreview as Preview } from "@/lib/templates/queries";

/** What a project from this template starts with: its measures, and its driver diagram with change ideas. */
export function TemplatePreview({ template }: { template: Preview }) {
  return (
    <details className="mb-6 bg-white p-4">
      <summary className="cursor-pointer font-bold text-nhs-blue">What the project starts with</summary>
      <h2 className="mt-4 text-xl">Measures</h2>
      <ul>
        {template.measures.map((m) => (
          <li key={m.name} className="mb-3">
            <strong>{m.name}</strong> ({KIND_LABELS[m.kind].toLowerCase()}; {DIRECTION_WORDS[m.direction].toLowerCase()}
            ){m.nationalMetricName && <> — feeds the national measure “{m.nationalMetricName}”</>}
            <br />
            <span className="text-nhs-secondary-text">{m.definition}</span>
          </li>
        ))}
      </ul>
      <h2 className="text-xl">Driver diagram and change ideas</h2>
      <ul>
        {template.drivers.map((p) => (
          <li key={p.text}>
            {p.text}
            <ul>
              {p.ideas.map((i) => (
                <li key={i}>Change idea: {i}</li>
              ))}
              {p.secondaries.map((s) => (
                <li key={s.text}>
                  {s.text}
                  {s.ideas.length > 0 && (
                    <ul>
                      {s.ideas.map((i) => (
                        <li key={i}>Change idea: {i}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
