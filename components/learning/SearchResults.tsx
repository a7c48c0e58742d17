import { Tag } from "@/components/ui/Panels";
import { formatDate, pluralise } from "@/lib/format";
import { learningTypeLabel } from "@/lib/learning/labels";
import type { SearchHit } from "@/lib/learning/search";
import type { SnippetSegment } from "@/lib/learning/snippet";

/** Highlighted search matches: plain text segments, the matches in <mark> (never injected HTML). */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.highlighted ? (
          <mark key={i} className="bg-nhs-pale-yellow px-0.5 font-bold text-nhs-text">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

export function LearningTags({
  type,
  featured,
  hasImprovementEvidence,
}: {
  type: SearchHit["type"];
  featured: boolean;
  hasImprovementEvidence: boolean;
}) {
  return (
    <p className="mb-2 flex flex-wrap gap-2">
      <Tag colour={type === "LESSON" ? "orange" : type === "NATIONAL_NOTE" ? "purple" : "blue"}>
        {learningTypeLabel[type]}
      </Tag>
      {featured && <Tag colour="yellow">Featured nationally</Tag>}
      {hasImprovementEvidence && <Tag colour="green">Evidence of improvement</Tag>}
    </p>
  );
}

export function SearchResultList({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="mb-0 list-none p-0" aria-label="Search results">
      {hits.map((hit) => (
        <li key={hit.id} className="mb-4 border-b border-nhs-grey-4 bg-white p-4 sm:p-5">
          <h3 className="mb-2 text-xl">
            <a href={`/learning/${hit.slug}`}>{hit.title}</a>
          </h3>
          <LearningTags type={hit.type} featured={hit.featured} hasImprovementEvidence={hit.hasImprovementEvidence} />
          <p className="mb-2 text-base">
            {hit.snippet && hit.snippet.some((s) => s.highlighted) ? <Snippet segments={hit.snippet} /> : hit.summary}
          </p>
          <p className="mb-0 text-sm text-nhs-secondary-text">
            {hit.collaborativeName ?? "National team"}
            {hit.publishedAt && <> · Published {formatDate(hit.publishedAt)}</>}
            {hit.type === "CHANGE_IDEA" && (
              <>
                {" "}
                ·{" "}
                {hit.adoptionCount === 0
                  ? "Not yet adopted elsewhere"
                  : `Adopted by ${pluralise(hit.adoptionCount, "team")}`}
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
