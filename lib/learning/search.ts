// The learning library's search: full-text search in PostgreSQL (a weighted, generated tsvector with a
// GIN index, websearch_to_tsquery so people can type naturally, ts_rank, ts_headline snippets), trigram
// similarity on titles for near misses, and facet counts — no separate search server.
// Every value reaches SQL as a bound parameter (Prisma.sql tagged templates), never by concatenation.
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LearningType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { LEARNING_TYPES } from "./labels";
import { FACET_COUNT_LIMIT, MAX_FUZZY_QUERY_LENGTH, PAGE_SIZE, type LearningSearch } from "./search-params";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, splitHighlighted, type SnippetSegment } from "./snippet";

/** A near miss must share at least this share of its trigrams with some run of words in a title. */
const WORD_SIMILARITY_THRESHOLD = 0.5;
/** "Did you mean" titles when nothing matched: looser, since they are only suggestions. */
const SUGGESTION_SIMILARITY_THRESHOLD = 0.2;
const MIN_FUZZY_QUERY_CHARACTERS = 4;
/** Near-miss titles are looked for only when the words themselves find fewer items than this. */
const FUZZY_WHEN_FEWER_THAN = PAGE_SIZE;
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export type SearchHit = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  type: LearningType;
  featured: boolean;
  hasImprovementEvidence: boolean;
  publishedAt: Date | null;
  collaborativeName: string | null;
  adoptionCount: number;
  /** Highlighted matches from the summary and body; null when there is no query. */
  snippet: SnippetSegment[] | null;
};

/** `count` is null when the search matches too many items for counts to be worth their cost (see FACET_COUNT_LIMIT). */
export type FacetValue = { value: string; label: string; count: number | null; selected: boolean };

export type SearchFacets = {
  /** False when the search matched more than FACET_COUNT_LIMIT items: values are listed without counts. */
  counted: boolean;
  types: FacetValue[];
  areas: FacetValue[];
  collaboratives: FacetValue[];
  stages: FacetValue[];
  evidence: { count: number | null; selected: boolean };
};

export type LearningSearchResult = {
  search: LearningSearch;
  total: number;
  pageCount: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** Titles close to the query, offered when nothing matched. */
  suggestions: { slug: string; title: string }[];
};

export type SearchReference = {
  areas: { id: string; slug: string; name: string; kind: "NATIONAL" | "LOCAL" }[];
  collaboratives: { id: string; slug: string; name: string }[];
  stages: { id: string; slug: string; name: string }[];
};

/** Facet labels and slug → id look-ups: small reference tables, read once per request. */
export const getSearchReference = cache(async (): Promise<SearchReference> => {
  const [areas, collaboratives, stages] = await Promise.all([
    db.priorityArea.findMany({ where: { status: { not: "RETIRED" } }, select: { id: true, slug: true, name: true, kind: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] }),
    db.collaborative.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
    db.pathwayStage.findMany({ select: { id: true, slug: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  return { areas, collaboratives, stages };
});

type Filters = { areaIds: string[]; collaborativeIds: string[]; types: LearningType[]; stageIds: string[]; evidenceOnly: boolean };

/** Each filter as a SQL condition on "LearningItem" li (TRUE when unused, so the planner drops it). */
function filterConditions(f: Filters) {
  return {
    type: f.types.length > 0 ? Prisma.sql`li.type::text = ANY(${f.types}::text[])` : Prisma.sql`TRUE`,
    collaborative: f.collaborativeIds.length > 0 ? Prisma.sql`li."collaborativeId" = ANY(${f.collaborativeIds}::text[])` : Prisma.sql`TRUE`,
    area:
      f.areaIds.length > 0
        ? Prisma.sql`EXISTS (SELECT 1 FROM "LearningItemPriority" lp WHERE lp."learningItemId" = li.id AND lp."priorityAreaId" = ANY(${f.areaIds}::text[]))`
        : Prisma.sql`TRUE`,
    stage:
      f.stageIds.length > 0
        ? Prisma.sql`EXISTS (SELECT 1 FROM "LearningItemPathwayStage" ls WHERE ls."learningItemId" = li.id AND ls."pathwayStageId" = ANY(${f.stageIds}::text[]))`
        : Prisma.sql`TRUE`,
    evidence: f.evidenceOnly ? Prisma.sql`li."hasImprovementEvidence"` : Prisma.sql`TRUE`,
  };
}

/**
 * Published items the text matches, once each, as a statement over "LearningItem" li selecting
 * `columns` (which must include li.id AS id), then `matched_title` and `nearness` (word similarity of
 * the query to the title, for near-miss titles; 0 otherwise): the full-text match through the GIN
 * index, and — for typed-length queries that the words themselves match in fewer than a page of items —
 * near-miss titles through the trigram index, as a second branch (one WHERE with OR would make
 * PostgreSQL recheck the full-text condition row by row, reading every matching item's large body
 * vector). `counted` says which full-text rows count towards "fewer than a page": the facet statement
 * selects rows without the filters and applies them through its columns.
 */
function matchingRows(q: string, columns: Prisma.Sql, where: Prisma.Sql, counted: Prisma.Sql = Prisma.sql`TRUE`) {
  const from = Prisma.sql`FROM "LearningItem" li WHERE li.status = 'PUBLISHED' AND ${where}`;
  const fts = q === "" ? Prisma.empty : Prisma.sql`AND li."searchVector" @@ websearch_to_tsquery('english', ${q})`;
  if (!fuzzyAllowed(q)) return Prisma.sql`SELECT ${columns}, NULL::text AS matched_title, 0::float8 AS nearness ${from} ${fts}`;
  // The trigram branch reads every candidate title, which for a common word costs more than the whole
  // full-text search — and near misses matter only when the words found little. The count is of rows
  // already found and is evaluated once: when it is a page or more, PostgreSQL never runs the branch
  // (nor computes a similarity).
  return Prisma.sql`WITH text_matches AS (SELECT ${columns}, li.title AS matched_title ${from} ${fts}),
    few AS (SELECT count(*) < ${FUZZY_WHEN_FEWER_THAN} AS yes FROM text_matches WHERE ${counted})
    SELECT *, CASE WHEN (SELECT yes FROM few) AND ${q} <% matched_title THEN word_similarity(${q}, matched_title) ELSE 0 END::float8 AS nearness
    FROM text_matches
    UNION ALL
    SELECT ${columns}, li.title, word_similarity(${q}, li.title)::float8 ${from} AND ${q} <% li.title AND (SELECT yes FROM few)
      AND li.id NOT IN (SELECT id FROM text_matches)`;
}

/**
 * Near misses only for typed-length queries with something to compare (not "the" or "a b"), and not
 * when the person asked for exactness: a "quoted phrase" or an -excluded word would be undone by them.
 */
function fuzzyAllowed(q: string) {
  const length = Array.from(q).length;
  const exact = q.includes('"') || /(^|\s)-\S/.test(q);
  return !exact && length <= MAX_FUZZY_QUERY_LENGTH && q.replace(/\s+/g, "").length >= MIN_FUZZY_QUERY_CHARACTERS;
}

/**
 * Relevance, in order: the title matches the query (so for a broad query the first pages come from the
 * few items whose title matches, found through their own small index — see searchStatements); the
 * title is exactly the query; the query's text appears in the title; the title, summary and tags
 * together (the small "searchHead" vector) match the query; then ts_rank over that weighted title (A),
 * summary (B) and tags (C), so ranking thousands of matches stays cheap; matches only in the body rank
 * after those — plus, for near misses, how closely the title
 * resembles the query (matchingRows' nearness, so a misspelt title still surfaces). Ties, and no query:
 * featured, then newest.
 */
function rankColumns(q: string) {
  if (q === "") return Prisma.sql`FALSE AS title_match, FALSE AS exact, FALSE AS in_title, FALSE AS head_match, 0::float8 AS rank`;
  const query = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  return Prisma.sql`li."searchTitle" @@ ${query} AS title_match, lower(li.title) = lower(${q}) AS exact,
    strpos(lower(li.title), lower(${q})) > 0 AS in_title, li."searchHead" @@ ${query} AS head_match,
    ts_rank('{0.1, 0.2, 0.4, 1.0}', li."searchHead", ${query})::float8 AS rank`;
}
const RANK_ORDER = Prisma.raw(`title_match DESC, exact DESC, in_title DESC, head_match DESC, rank DESC, featured DESC, "publishedAt" DESC NULLS LAST, id`);

type HitRow = Omit<SearchHit, "snippet"> & { headline: string | null };
type FacetRow = { facet: "type" | "collaborative" | "area" | "stage" | "evidence" | "total"; value: string | null; count: number };

/** The search statement and the facet statement, for the benchmark and for searchLearning. */
export function searchStatements(search: LearningSearch, filters: Filters) {
  const q = search.q;
  const c = filterConditions(filters);
  const allFilters = Prisma.sql`${c.type} AND ${c.collaborative} AND ${c.area} AND ${c.stage} AND ${c.evidence}`;
  // Markdown punctuation and the highlight markers are removed before ts_headline; only the first
  // few thousand characters are highlighted (snippets are short, and ts_headline is the costly part).
  const headline =
    q === ""
      ? Prisma.sql`NULL::text`
      : Prisma.sql`ts_headline('english',
          regexp_replace(translate(left(li.summary || E'\n' || li.body, 4000), ${HIGHLIGHT_START + HIGHLIGHT_STOP}, ''), '[#*_\`>|\\[\\]]+', ' ', 'g'),
          websearch_to_tsquery('english', ${q}), ${HEADLINE_OPTIONS})`;

  // The page of results. When the items whose title matches fill it, only those are ranked (one look-up
  // in the title's small GIN index): every other match ranks after them. Failing that, the same with the
  // items whose title, summary or tags match (they rank before matches in the body alone). Otherwise
  // every match is ranked. PostgreSQL evaluates "enough" once and runs only the branch it chooses. Only the page's
  // rows are then joined back for display and highlighted (ts_headline is the costly part).
  const offset = (search.page - 1) * PAGE_SIZE;
  const everyMatch = Prisma.sql`SELECT id, title_match, exact, in_title, head_match, rank + 0.3 * nearness AS rank, featured, "publishedAt"
    FROM (${matchingRows(q, Prisma.sql`li.id, ${rankColumns(q)}, li.featured, li."publishedAt"`, allFilters)}) found`;
  // Matches whose title (then: title, summary or tags — the "head") matches the query, each through its
  // own small GIN index. The whole-text condition is checked as well (a word excluded with "-" may be
  // in the body), but only for these few rows: a phrase of common words is otherwise checked against
  // the word positions of every item holding all its words, which is the costly part of a phrase search.
  const tier = (vector: "searchTitle" | "searchHead", guard: Prisma.Sql) => Prisma.sql`
    SELECT li.id, ${rankColumns(q)}, li.featured, li."publishedAt" FROM "LearningItem" li
    WHERE ${guard} AND li.status = 'PUBLISHED' AND ${allFilters}
      AND li.${Prisma.raw(`"${vector}"`)} @@ websearch_to_tsquery('english', ${q}) AND li."searchVector" @@ websearch_to_tsquery('english', ${q})`;
  const need = offset + PAGE_SIZE;
  const matched =
    q === ""
      ? everyMatch
      : Prisma.sql`WITH title_matches AS MATERIALIZED (${tier("searchTitle", Prisma.sql`TRUE`)}),
        enough AS (SELECT count(*) >= ${need} AS yes FROM title_matches),
        head_matches AS MATERIALIZED (${tier("searchHead", Prisma.sql`NOT (SELECT yes FROM enough)`)}),
        enough_with_head AS (SELECT count(*) >= ${need} AS yes FROM head_matches)
        SELECT * FROM title_matches WHERE (SELECT yes FROM enough)
        UNION ALL
        SELECT * FROM head_matches WHERE NOT (SELECT yes FROM enough) AND (SELECT yes FROM enough_with_head)
        UNION ALL
        SELECT * FROM (${everyMatch}) every_match WHERE NOT (SELECT yes FROM enough) AND NOT (SELECT yes FROM enough_with_head)`;
  const hits = Prisma.sql`
    WITH page AS (SELECT * FROM (${matched}) matched ORDER BY ${RANK_ORDER} LIMIT ${PAGE_SIZE} OFFSET ${offset})
    SELECT li.id, li.slug, li.title, li.summary, li.type::text AS type, li.featured,
           li."hasImprovementEvidence", li."publishedAt", c.name AS "collaborativeName",
           (SELECT count(*)::int FROM "Adoption" a WHERE a."learningItemId" = li.id AND a.status <> 'NOT_ADOPTED') AS "adoptionCount",
           ${headline} AS headline
    FROM page JOIN "LearningItem" li ON li.id = page.id LEFT JOIN "Collaborative" c ON c.id = li."collaborativeId"
    ORDER BY page.title_match DESC, page.exact DESC, page.in_title DESC, page.head_match DESC, page.rank DESC, page.featured DESC, page."publishedAt" DESC NULLS LAST, page.id`;

  // Facet counts are "disjunctive": each facet is counted with every OTHER filter applied, so a person
  // can see how many results choosing another value in the same facet would add. The total is counted
  // on its own rather than from base, so that a search matching more than FACET_COUNT_LIMIT items
  // never builds base: the per-value counts, its only reader, are skipped then.
  const facets = Prisma.sql`
    WITH base AS MATERIALIZED (${matchingRows(
      q,
      Prisma.sql`li.id, li.type::text AS type, li."collaborativeId", li."hasImprovementEvidence" AS evidence,
                 ${c.type} AS f_type, ${c.collaborative} AS f_collaborative, ${c.area} AS f_area, ${c.stage} AS f_stage, ${c.evidence} AS f_evidence`,
      Prisma.sql`TRUE`,
      Prisma.sql`f_type AND f_collaborative AND f_area AND f_stage AND f_evidence`,
    )}),
    total AS (SELECT count(*)::int AS count FROM (${matchingRows(q, Prisma.sql`li.id`, allFilters)}) found)
    SELECT 'total' AS facet, NULL AS value, count FROM total
    UNION ALL
    SELECT * FROM (
    SELECT 'type', type, count(*)::int FROM base WHERE f_collaborative AND f_area AND f_stage AND f_evidence GROUP BY type
    UNION ALL
    SELECT 'collaborative', "collaborativeId", count(*)::int FROM base WHERE f_type AND f_area AND f_stage AND f_evidence AND "collaborativeId" IS NOT NULL GROUP BY "collaborativeId"
    UNION ALL
    SELECT 'area', lp."priorityAreaId", count(*)::int FROM base JOIN "LearningItemPriority" lp ON lp."learningItemId" = base.id
      WHERE f_type AND f_collaborative AND f_stage AND f_evidence GROUP BY lp."priorityAreaId"
    UNION ALL
    SELECT 'stage', ls."pathwayStageId", count(*)::int FROM base JOIN "LearningItemPathwayStage" ls ON ls."learningItemId" = base.id
      WHERE f_type AND f_collaborative AND f_area AND f_evidence GROUP BY ls."pathwayStageId"
    UNION ALL
    SELECT 'evidence', NULL, count(*)::int FROM base WHERE f_type AND f_collaborative AND f_area AND f_stage AND evidence
    ) counts WHERE (SELECT count FROM total) <= ${FACET_COUNT_LIMIT}`;

  return { hits, facets };
}

/** A filter naming only unknown slugs must match nothing, not be silently dropped. */
const NO_MATCH = "-";

/**
 * Settings for the search transaction only: the near-miss threshold, and — when there is text to match —
 * no sequential scans. The planner does not count the cost of reading each row's large body vector, so
 * for a common word it would otherwise scan the whole table instead of using the GIN index.
 */
export function searchSettings(q: string) {
  return Prisma.sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true),
                           set_config('enable_seqscan', ${q === "" ? "on" : "off"}, true)`;
}

function resolveFilters(search: LearningSearch, reference: SearchReference): Filters {
  const ids = <T extends { id: string; slug: string }>(rows: T[], slugs: string[]) => {
    if (slugs.length === 0) return [];
    const found = rows.filter((r) => slugs.includes(r.slug)).map((r) => r.id);
    return found.length > 0 ? found : [NO_MATCH];
  };
  return {
    areaIds: ids(reference.areas, search.areas),
    collaborativeIds: ids(reference.collaboratives, search.collaboratives),
    types: search.types,
    stageIds: ids(reference.stages, search.stages),
    evidenceOnly: search.evidenceOnly,
  };
}

/** Published learning matching the search, with facet counts; any query text gives results or none, never an error. */
export async function searchLearning(viewer: Viewer, search: LearningSearch): Promise<LearningSearchResult> {
  authorize(viewer, "learning.read", { status: "PUBLISHED" });
  const reference = await getSearchReference();
  const filters = resolveFilters(search, reference);
  const { hits, facets } = searchStatements(search, filters);
  // One transaction so the settings apply to both statements (and only to them): a batch, sent in one
  // go, which costs a fraction of an interactive transaction's round trips (p95 3.7 ms against 11.6 ms
  // for two trivial statements here).
  const [, hitRows, facetRows] = await db.$transaction([db.$queryRaw(searchSettings(search.q)), db.$queryRaw<HitRow[]>(hits), db.$queryRaw<FacetRow[]>(facets)]);

  const total = facetRows.find((r) => r.facet === "total")?.count ?? 0;
  const suggestions = total === 0 && search.q !== "" ? await suggestTitles(search.q) : [];
  return {
    search,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hits: hitRows.map(({ headline, ...hit }) => ({ ...hit, snippet: headline === null ? null : splitHighlighted(headline) })),
    facets: buildFacets(search, reference, facetRows, total),
    suggestions,
  };
}

function buildFacets(search: LearningSearch, reference: SearchReference, rows: FacetRow[], total: number): SearchFacets {
  const counted = total <= FACET_COUNT_LIMIT;
  const counts = (facet: FacetRow["facet"]) => new Map(rows.filter((r) => r.facet === facet).map((r) => [r.value ?? "", r.count]));
  const typeCounts = counts("type");
  const collaborativeCounts = counts("collaborative");
  const areaCounts = counts("area");
  const stageCounts = counts("stage");
  const count = (counted_: Map<string, number>, key: string) => (counted ? (counted_.get(key) ?? 0) : null);
  // Values with no results are left out unless chosen (so a chosen filter can always be removed);
  // without counts every value is offered.
  const list = <T extends { id: string; slug: string; name: string }>(items: T[], counted_: Map<string, number>, chosen: string[]) =>
    items
      .map((i) => ({ value: i.slug, label: i.name, count: count(counted_, i.id), selected: chosen.includes(i.slug) }))
      .filter((v) => v.count === null || v.count > 0 || v.selected);
  return {
    counted,
    types: LEARNING_TYPES.map((t) => ({ value: t, label: t, count: count(typeCounts, t), selected: search.types.includes(t) })),
    areas: list(reference.areas, areaCounts, search.areas),
    collaboratives: list(reference.collaboratives, collaborativeCounts, search.collaboratives),
    stages: list(reference.stages, stageCounts, search.stages),
    evidence: { count: counted ? (rows.find((r) => r.facet === "evidence")?.count ?? 0) : null, selected: search.evidenceOnly },
  };
}

/** Published titles most like the query (trigram similarity), for the "no results" page. */
async function suggestTitles(q: string): Promise<{ slug: string; title: string }[]> {
  const [, titles] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(SUGGESTION_SIMILARITY_THRESHOLD)}, true)`,
    db.$queryRaw<{ slug: string; title: string }[]>`
      SELECT slug, title FROM "LearningItem"
      WHERE status = 'PUBLISHED' AND title % ${q.slice(0, MAX_FUZZY_QUERY_LENGTH * 2)}
      ORDER BY similarity(title, ${q.slice(0, MAX_FUZZY_QUERY_LENGTH * 2)}) DESC, "publishedAt" DESC
      LIMIT 3`,
  ]);
  return titles;
}

