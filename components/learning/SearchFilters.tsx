import { formatNumber } from "@/lib/format";
import { learningTypeKey, learningTypeLabel } from "@/lib/learning/labels";
import type { FacetValue, SearchFacets } from "@/lib/learning/search";
import { FACET_COUNT_LIMIT } from "@/lib/learning/search-params";
import type { LearningType } from "@/lib/generated/prisma/enums";

/**
 * Facet checkboxes inside the library's GET form: choosing values and pressing "Apply filters" puts
 * them in the URL, so filters work without JavaScript, can be shared and the back button undoes them.
 */
function Count({ count }: { count: number | null }) {
  return count === null ? null : <span className="text-nhs-secondary-text">({formatNumber(count)})</span>;
}

function FacetGroup({
  legend,
  name,
  values,
}: {
  legend: string;
  name: string;
  values: (FacetValue & { key: string })[];
}) {
  if (values.length === 0) return null;
  return (
    <fieldset className="mb-6">
      <legend className="mb-2 font-bold">{legend}</legend>
      <ul className="mb-0 list-none space-y-2 p-0">
        {values.map((v) => {
          const id = `filter-${name}-${v.key}`;
          return (
            <li key={v.key} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                name={name}
                value={v.key}
                defaultChecked={v.selected}
                className="mt-0.5 size-6 shrink-0 accent-nhs-blue"
              />
              <label htmlFor={id} className="text-base">
                {v.label} <Count count={v.count} />
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function SearchFilters({ facets }: { facets: SearchFacets }) {
  const slugKeyed = (values: FacetValue[]) => values.map((v) => ({ ...v, key: v.value }));
  return (
    <div className="bg-white p-4">
      <h2 className="mb-4 text-xl">Filter</h2>
      {!facets.counted && (
        <p className="text-base text-nhs-secondary-text">
          More than {formatNumber(FACET_COUNT_LIMIT)} items match, so the number for each filter is not shown. Add words
          or choose filters to narrow the search.
        </p>
      )}
      <FacetGroup
        legend="Type of learning"
        name="type"
        values={facets.types.map((t) => ({
          ...t,
          label: learningTypeLabel[t.value as LearningType],
          key: learningTypeKey[t.value as LearningType],
        }))}
      />
      <FacetGroup legend="Priority area" name="area" values={slugKeyed(facets.areas)} />
      <FacetGroup legend="Collaborative" name="collaborative" values={slugKeyed(facets.collaboratives)} />
      <FacetGroup legend="Stage of the patient’s pathway" name="stage" values={slugKeyed(facets.stages)} />
      <fieldset className="mb-6">
        <legend className="mb-2 font-bold">Evidence</legend>
        <div className="flex items-start gap-2">
          <input
            id="filter-evidence"
            type="checkbox"
            name="evidence"
            value="yes"
            defaultChecked={facets.evidence.selected}
            className="mt-0.5 size-6 shrink-0 accent-nhs-blue"
          />
          <label htmlFor="filter-evidence" className="text-base">
            Has evidence of improvement <Count count={facets.evidence.count} />
          </label>
        </div>
      </fieldset>
      <button
        type="submit"
        className="mb-2 cursor-pointer rounded-sm border-2 border-nhs-blue bg-white px-4 py-2 font-bold text-nhs-blue shadow-[0_4px_0_var(--color-nhs-blue)] active:translate-y-1 active:shadow-none"
      >
        Apply filters
      </button>
    </div>
  );
}
