import type { Metadata } from "next";
import { getViewer } from "@/lib/auth/viewer";
import { can, collaborativeIdsWhere } from "@/lib/auth/policy";
import { formatShortDate, pluralise } from "@/lib/format";
import { learningTypeLabel } from "@/lib/learning/labels";
import { listDraftsForViewer } from "@/lib/learning/queries";
import { searchLearning } from "@/lib/learning/search";
import {
  MAX_QUERY_LENGTH,
  hasFilters,
  learningSearchHref,
  parseLearningSearch,
  toggleFilter,
  type RawSearchParams,
} from "@/lib/learning/search-params";
import { ButtonLink } from "@/components/ui/Button";
import { Pagination } from "@/components/ui/Pagination";
import { SearchFilters } from "@/components/learning/SearchFilters";
import { SearchResultList } from "@/components/learning/SearchResults";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const search = parseLearningSearch(await searchParams);
  return { title: search.q ? `“${search.q.slice(0, 60)}” – Shared learning` : "Shared learning" };
}

export default async function LearningLibraryPage({ searchParams }: Props) {
  const search = parseLearningSearch(await searchParams);
  const viewer = await getViewer();
  const [result, drafts] = await Promise.all([searchLearning(viewer, search), listDraftsForViewer(viewer, 10)]);
  const canWrite =
    collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]).length > 0 ||
    can(viewer, "learning.create", { collaborativeId: null, learningType: "NATIONAL_NOTE" });
  const { facets } = result;

  // Chosen filters, each with a link that removes it.
  const chosen = [
    ...facets.types
      .filter((t) => t.selected)
      .map((t) => ({
        label: learningTypeLabel[t.value as keyof typeof learningTypeLabel],
        href: toggleFilter(search, "types", t.value as never),
      })),
    ...facets.areas
      .filter((v) => v.selected)
      .map((v) => ({ label: v.label, href: toggleFilter(search, "areas", v.value) })),
    ...facets.collaboratives
      .filter((v) => v.selected)
      .map((v) => ({ label: v.label, href: toggleFilter(search, "collaboratives", v.value) })),
    ...facets.stages
      .filter((v) => v.selected)
      .map((v) => ({ label: v.label, href: toggleFilter(search, "stages", v.value) })),
    ...(search.evidenceOnly
      ? [
          {
            label: "Has evidence of improvement",
            href: learningSearchHref({ ...search, evidenceOnly: false, page: 1 }),
          },
        ]
      : []),
  ];
  const singleArea = search.areas.length === 1 ? facets.areas.find((a) => a.selected) : undefined;

  return (
    <>
      <h1>Shared learning</h1>
      <p className="max-w-3xl text-xl">
        Changes teams have tested, case studies, tools, lessons from things that did not work, and notes from the
        national team — and where each idea has spread.
      </p>
      <div className="mb-6 flex flex-wrap gap-4">
        {canWrite && <ButtonLink href="/learning/new">Write up learning</ButtonLink>}
        {viewer.userId && (
          <ButtonLink href="/learning/following" variant="secondary">
            What you follow
          </ButtonLink>
        )}
      </div>

      <form method="get" action="/learning" role="search" aria-label="Shared learning">
        <div className="mb-8 max-w-3xl">
          <label htmlFor="learning-q" className="mb-2 block font-bold">
            Search shared learning
          </label>
          <div id="learning-q-hint" className="mb-2 text-nhs-secondary-text">
            For example: falls bundle, &quot;pressure ulcers&quot; care homes, sepsis -paediatric
          </div>
          <div className="flex">
            <input
              id="learning-q"
              name="q"
              type="search"
              defaultValue={search.q}
              maxLength={MAX_QUERY_LENGTH}
              aria-describedby="learning-q-hint"
              className="block w-full border-2 border-r-0 border-nhs-grey-1 bg-white px-2 py-1.5"
            />
            <button type="submit" className="cursor-pointer bg-nhs-blue px-4 font-bold text-white">
              Search
            </button>
          </div>
        </div>

        <div className="grid gap-8 md:grid-cols-[18rem_1fr]">
          <div>
            <SearchFilters facets={facets} />
          </div>
          <div>
            <h2 className="text-2xl" aria-live="polite">
              {result.total === 0 ? "No results" : pluralise(result.total, "result")}
              {search.q && <> for “{shorten(result.correctedQuery ?? search.q)}”</>}
            </h2>
            {result.correctedQuery && (
              <p className="mb-6">
                We found nothing for “{shorten(search.q)}”, so these results are for the spelling{" "}
                <strong>“{result.correctedQuery}”</strong>.
              </p>
            )}
            {chosen.length > 0 && (
              <div className="mb-6">
                <p className="mb-2 font-bold">Filters you chose:</p>
                <ul className="mb-2 flex list-none flex-wrap gap-2 p-0">
                  {chosen.map((c) => (
                    <li key={c.href}>
                      <a href={c.href} className="inline-block border border-nhs-grey-3 bg-white px-2 py-1 text-base">
                        <span className="sr-only">Remove filter: </span>
                        {c.label} <span aria-hidden="true">✕</span>
                      </a>
                    </li>
                  ))}
                </ul>
                <a href={learningSearchHref({ q: search.q })}>Clear all filters</a>
              </div>
            )}
            {singleArea && viewer.userId && (
              <p className="mb-6">
                <a href={`/learning/following?area=${singleArea.value}`}>
                  Get a weekly email about new learning in {singleArea.label}
                </a>
              </p>
            )}

            {result.total === 0 ? (
              <NoResults
                q={search.q}
                filtered={hasFilters(search)}
                clearHref={learningSearchHref({ q: search.q })}
                suggestions={result.suggestions}
              />
            ) : (
              <>
                <SearchResultList hits={result.hits} />
                <Pagination
                  page={search.page}
                  pageCount={result.pageCount}
                  hrefFor={(page) => learningSearchHref({ ...search, page })}
                />
              </>
            )}
          </div>
        </div>
      </form>

      {drafts.length > 0 && (
        <section className="mt-12" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Drafts you can see</h2>
          <p>
            Not yet published: only your collaborative
            {drafts.some((d) => d.collaborativeName === null) ? " and the national team" : ""} can see these.
          </p>
          <ul className="list-none p-0">
            {drafts.map((d) => (
              <li key={d.slug} className="mb-2 bg-white p-3">
                <a href={`/learning/${d.slug}`}>{d.title}</a>{" "}
                <span className="text-sm text-nhs-secondary-text">
                  {learningTypeLabel[d.type]} · {d.collaborativeName ?? "National team"} · updated{" "}
                  {formatShortDate(d.updatedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** A long pasted query is cut in headings. */
function shorten(q: string) {
  return q.length > 80 ? `${q.slice(0, 80)}…` : q;
}

function NoResults({
  q,
  filtered,
  clearHref,
  suggestions,
}: {
  q: string;
  filtered: boolean;
  clearHref: string;
  suggestions: { slug: string; title: string }[];
}) {
  return (
    <div className="bg-white p-4 sm:p-6">
      <p className="font-bold">
        {q
          ? "We could not find any learning that matches your search."
          : "There is no published learning with those filters yet."}
      </p>
      {suggestions.length > 0 && (
        <>
          <p className="mb-2">Did you mean:</p>
          <ul className="mb-4 list-disc pl-6">
            {suggestions.map((s) => (
              <li key={s.slug}>
                <a href={`/learning/${s.slug}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mb-2">You could:</p>
      <ul className="mb-0 list-disc pl-6">
        {filtered && (
          <li>
            <a href={clearHref}>search again without filters</a>
          </li>
        )}
        {q && (
          <li>
            check the spelling, or use fewer or more general words (for example “falls” rather than “falls bundle on
            ward 7”)
          </li>
        )}
        {q && <li>put a phrase in quotes to find those words together, like “red socks”</li>}
        <li>
          <a href="/learning">browse all published learning</a>, newest first
        </li>
      </ul>
    </div>
  );
}
