// The learning library's search: full-text search in PostgreSQL (a weighted, generated tsvector with a
// GIN index, websearch_to_tsquery so people can type naturally, ts_rank, ts_headline snippets), spelling
// correction against the words of titles (pg_trgm similarity), and facet counts — no separate search server.
// Every value reaches SQL as a bound parameter (Prisma.sql tagged templates), never by concatenation.
import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LearningType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { LEARNING_TYPES } from "./labels";
import { FACET_COUNT_LIMIT, MAX_TYPED_QUERY_LENGTH, PAGE_SIZE, type LearningSearch } from "./search-params";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, splitHighlighted, type SnippetSegment } from "./snippet";

/**
 * A misspelt word is corrected to a title word sharing at least this share of their trigrams: "sepssi"
 * and "sepsis" share 0.4, two swapped letters in a ten-letter word about 0.47, a dropped letter more.
 */
const SPELLING_SIMILARITY_THRESHOLD = 0.4;
/** Only words this long are corrected: shorter ones have too few trigrams to tell a typo from another word. */
const MIN_CORRECTED_WORD_LENGTH = 4;
/** "Did you mean" titles when nothing matched: looser, since they are only suggestions. */
const SUGGESTION_SIMILARITY_THRESHOLD = 0.2;
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
  /** When nothing matched the words as typed but their spelling could be corrected: the corrected text the results are for. */
  correctedQuery: string | null;
  total: number;
  pageCount: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** Titles close to the query, offered when nothing matched, even after correcting the spelling. */
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
    db.priorityArea.findMany({
      where: { status: { not: "RETIRED" } },
      select: { id: true, slug: true, name: true, kind: true },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
    db.collaborative.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
    db.pathwayStage.findMany({ select: { id: true, slug: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  return { areas, collaboratives, stages };
});

export type Filters = {
  areaIds: string[];
  collaborativeIds: string[];
  types: LearningType[];
  stageIds: string[];
  evidenceOnly: boolean;
};

/** Each filter as a SQL condition on "LearningItem" li (TRUE when unused, so the planner drops it). */
function filterConditions(f: Filters) {
  return {
    type: f.types.length > 0 ? Prisma.sql`li.type::text = ANY(${f.types}::text[])` : Prisma.sql`TRUE`,
    collaborative:
      f.collaborativeIds.length > 0
        ? Prisma.sql`li."collaborativeId" = ANY(${f.collaborativeIds}::text[])`
        : Prisma.sql`TRUE`,
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
 * The text of a search: the words as typed (or as corrected), and — for a quoted phrase — the pairs of
 * adjacent words every matching item must hold, as a tsquery from learning_phrase_pairs (null otherwise).
 */
export type TextQuery = { q: string; pairs: string | null };

/**
 * The full-text condition on "LearningItem" li. For a phrase, items holding every pair of its adjacent
 * words are found through their own index (learning_word_pairs), and only they are checked for the
 * phrase: otherwise each item holding all the words, thousands for a phrase of common ones, has its whole
 * search vector read to see where they stand. The check is written as ts_match_vq, the function behind
 * @@, so that PostgreSQL applies it to those few items rather than also combining the large full-text
 * index — which would make it recompute every candidate's pairs.
 */
function textCondition(text: TextQuery) {
  const query = Prisma.sql`websearch_to_tsquery('english', ${text.q})`;
  if (text.pairs === null) return Prisma.sql`li."searchVector" @@ ${query}`;
  return Prisma.sql`learning_word_pairs(li."searchVector") @@ ${text.pairs}::tsquery AND ts_match_vq(li."searchVector", ${query})`;
}

/** Published items the text matches, as a statement over "LearningItem" li selecting `columns`. */
function matchingRows(text: TextQuery, columns: Prisma.Sql, where: Prisma.Sql) {
  const match = text.q === "" ? Prisma.empty : Prisma.sql`AND ${textCondition(text)}`;
  return Prisma.sql`SELECT ${columns} FROM "LearningItem" li WHERE li.status = 'PUBLISHED' AND ${where} ${match}`;
}

/**
 * Spelling is corrected only for typed-length queries, and not when the person asked for exactness: a
 * "quoted phrase" or an -excluded word.
 */
function correctionAllowed(q: string) {
  const exact = q.includes('"') || /(^|\s)-\S/.test(q);
  return !exact && Array.from(q).length <= MAX_TYPED_QUERY_LENGTH;
}

/**
 * Relevance, in order: the title matches the query (so for a broad query the first pages come from the
 * few items whose title matches, found through their own small index — see searchStatements); the
 * title is exactly the query; the query's text appears in the title; the title, summary and tags
 * together (the small "searchHead" vector) match the query; then ts_rank over that weighted title (A),
 * summary (B) and tags (C), so ranking thousands of matches stays cheap; matches only in the body rank
 * after those. Ties, and no query: featured, then newest.
 */
function rankColumns(q: string) {
  if (q === "")
    return Prisma.sql`FALSE AS title_match, FALSE AS exact, FALSE AS in_title, FALSE AS head_match, 0::float8 AS rank`;
  const query = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  return Prisma.sql`li."searchTitle" @@ ${query} AS title_match, lower(li.title) = lower(${q}) AS exact,
    strpos(lower(li.title), lower(${q})) > 0 AS in_title, li."searchHead" @@ ${query} AS head_match,
    ts_rank('{0.1, 0.2, 0.4, 1.0}', li."searchHead", ${query})::float8 AS rank`;
}
const RANK_ORDER = Prisma.raw(
  `title_match DESC, exact DESC, in_title DESC, head_match DESC, rank DESC, featured DESC, "publishedAt" DESC NULLS LAST, id`,
);

type HitRow = Omit<SearchHit, "snippet"> & { headline: string | null };
type FacetRow = {
  facet: "type" | "collaborative" | "area" | "stage" | "evidence" | "total";
  value: string | null;
  count: number;
};

/** The search statement and the facet statement for a search whose text is `text`. */
function searchStatements(search: LearningSearch, text: TextQuery, filters: Filters) {
  const q = text.q;
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
  const everyMatch = matchingRows(
    text,
    Prisma.sql`li.id, ${rankColumns(q)}, li.featured, li."publishedAt"`,
    allFilters,
  );
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
      text,
      Prisma.sql`li.id, li.type::text AS type, li."collaborativeId", li."hasImprovementEvidence" AS evidence,
                 ${c.type} AS f_type, ${c.collaborative} AS f_collaborative, ${c.area} AS f_area, ${c.stage} AS f_stage, ${c.evidence} AS f_evidence`,
      Prisma.sql`TRUE`,
    )}),
    total AS (SELECT count(*)::int AS count FROM (${matchingRows(text, Prisma.sql`li.id`, allFilters)}) found)
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
 * Settings for a search transaction only: when there is text to match, no sequential scans. The planner
 * does not count the cost of reading each row's large body vector, so for a common word it would
 * otherwise scan the whole table instead of using the GIN index.
 */
function searchSettings(q: string) {
  return Prisma.sql`SELECT set_config('enable_seqscan', ${q === "" ? "on" : "off"}, true)`;
}

/**
 * Runs a statement with the search settings. One batch transaction, so the settings apply to the
 * statement (and only to it), sent in one go: a fraction of an interactive transaction's round trips
 * (p95 3.7 ms against 11.6 ms for two trivial statements here).
 */
async function withSearchSettings<T>(q: string, statement: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db.$transaction([db.$queryRaw(searchSettings(q)), db.$queryRaw<T[]>(statement)]);
  return rows;
}

export function resolveFilters(search: LearningSearch, reference: SearchReference): Filters {
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

/** The text of a search as typed, with the pairs its phrases require. */
export async function textQuery(q: string): Promise<TextQuery> {
  return { q, pairs: await phrasePairs(q) };
}

/**
 * The pairs of adjacent words a query's quoted phrases require (see textCondition), or null. Only phrases
 * every match must hold count: not one after "-", nor any when "or" offers alternatives.
 */
async function phrasePairs(q: string): Promise<string | null> {
  if (!q.includes('"')) return null;
  const outside = q.replace(/"[^"]*("|$)/g, " ");
  if (/\bor\b/i.test(outside)) return null;
  const phrases = [...q.matchAll(/(-\s*)?"([^"]*)("|$)/g)].filter((m) => m[1] === undefined).map((m) => m[2]!);
  if (phrases.length === 0) return null;
  const rows = await db.$queryRaw<
    { pairs: string | null }[]
  >`SELECT learning_phrase_pairs(p)::text AS pairs FROM unnest(${phrases}::text[]) p`;
  const required = rows.flatMap((r) => (r.pairs === null ? [] : [`(${r.pairs})`]));
  return required.length === 0 ? null : required.join(" & ");
}

/**
 * Corrects each word of the query that matches nothing published, at least MIN_CORRECTED_WORD_LENGTH
 * letters and not a stop word, to the most similar word of a published title (the LearningTitleWord
 * table, kept by triggers; most titles first on a tie). Null when no word needed or found a correction.
 */
async function correctSpelling(q: string): Promise<string | null> {
  const pattern = new RegExp(`\\p{L}{${MIN_CORRECTED_WORD_LENGTH},}`, "gu");
  const words = [...new Set(Array.from(q.matchAll(pattern), (m) => m[0].toLowerCase()))];
  if (words.length === 0) return null;
  const [, , rows] = await db.$transaction([
    db.$queryRaw(searchSettings(q)),
    db.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(SPELLING_SIMILARITY_THRESHOLD)}, true)`,
    db.$queryRaw<{ word: string; correction: string }[]>`
      SELECT typed.word, nearest.word AS correction
      FROM unnest(${words}::text[]) typed(word)
      CROSS JOIN LATERAL (SELECT w.word FROM "LearningTitleWord" w WHERE w.word % typed.word
                          ORDER BY similarity(w.word, typed.word) DESC, w."itemCount" DESC, w.word LIMIT 1) nearest
      WHERE NOT EXISTS (SELECT 1 FROM "LearningTitleWord" w WHERE w.word = typed.word)
        AND numnode(plainto_tsquery('english', typed.word)) > 0
        AND NOT EXISTS (SELECT 1 FROM "LearningItem" li WHERE li.status = 'PUBLISHED' AND li."searchVector" @@ plainto_tsquery('english', typed.word))`,
  ]);
  if (rows.length === 0) return null;
  const corrections = new Map(rows.map((r) => [r.word, r.correction]));
  return q.replace(pattern, (word) => corrections.get(word.toLowerCase()) ?? word);
}

/**
 * The page of results for the text as typed (see textQuery) and — when nothing matched words typed
 * without quotes or "-" — the page for their corrected spelling. Returns the text the rows are for.
 * With textQuery, this is the search query the benchmark times.
 */
export async function findResults(
  search: LearningSearch,
  text: TextQuery,
  filters: Filters,
): Promise<{ text: TextQuery; rows: HitRow[] }> {
  const rows = await withSearchSettings<HitRow>(text.q, searchStatements(search, text, filters).hits);
  if (rows.length > 0 || search.q === "" || !correctionAllowed(search.q)) return { text, rows };
  const corrected = await correctSpelling(search.q);
  if (corrected === null) return { text, rows };
  const correctedText: TextQuery = { q: corrected, pairs: null };
  const correctedRows = await withSearchSettings<HitRow>(
    corrected,
    searchStatements(search, correctedText, filters).hits,
  );
  return correctedRows.length > 0 ? { text: correctedText, rows: correctedRows } : { text, rows };
}

/** The facet counts and the total for a search whose text is `text`. */
export function countFacets(search: LearningSearch, text: TextQuery, filters: Filters) {
  return withSearchSettings<FacetRow>(text.q, searchStatements(search, text, filters).facets);
}

/** Published learning matching the search, with facet counts; any query text gives results or none, never an error. */
export async function searchLearning(viewer: Viewer, search: LearningSearch): Promise<LearningSearchResult> {
  authorize(viewer, "learning.read", { status: "PUBLISHED" });
  const reference = await getSearchReference();
  const filters = resolveFilters(search, reference);
  // The results and the counts are independent statements, so they run at once on two connections;
  // the counts are taken again only when the results are for a corrected spelling.
  const text = await textQuery(search.q);
  const [found, counts] = await Promise.all([findResults(search, text, filters), countFacets(search, text, filters)]);
  const facetRows = found.text.q === search.q ? counts : await countFacets(search, found.text, filters);

  const total = facetRows.find((r) => r.facet === "total")?.count ?? 0;
  const suggestions = total === 0 && search.q !== "" ? await suggestTitles(search.q) : [];
  return {
    search,
    correctedQuery: found.text.q === search.q ? null : found.text.q,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hits: found.rows.map(({ headline, ...hit }) => ({
      ...hit,
      snippet: headline === null ? null : splitHighlighted(headline),
    })),
    facets: buildFacets(search, reference, facetRows, total),
    suggestions,
  };
}

function buildFacets(
  search: LearningSearch,
  reference: SearchReference,
  rows: FacetRow[],
  total: number,
): SearchFacets {
  const counted = total <= FACET_COUNT_LIMIT;
  const counts = (facet: FacetRow["facet"]) =>
    new Map(rows.filter((r) => r.facet === facet).map((r) => [r.value ?? "", r.count]));
  const typeCounts = counts("type");
  const collaborativeCounts = counts("collaborative");
  const areaCounts = counts("area");
  const stageCounts = counts("stage");
  const count = (counted_: Map<string, number>, key: string) => (counted ? (counted_.get(key) ?? 0) : null);
  // Values with no results are left out unless chosen (so a chosen filter can always be removed);
  // without counts every value is offered.
  const list = <T extends { id: string; slug: string; name: string }>(
    items: T[],
    counted_: Map<string, number>,
    chosen: string[],
  ) =>
    items
      .map((i) => ({ value: i.slug, label: i.name, count: count(counted_, i.id), selected: chosen.includes(i.slug) }))
      .filter((v) => v.count === null || v.count > 0 || v.selected);
  return {
    counted,
    types: LEARNING_TYPES.map((t) => ({
      value: t,
      label: t,
      count: count(typeCounts, t),
      selected: search.types.includes(t),
    })),
    areas: list(reference.areas, areaCounts, search.areas),
    collaboratives: list(reference.collaboratives, collaborativeCounts, search.collaboratives),
    stages: list(reference.stages, stageCounts, search.stages),
    evidence: {
      count: counted ? (rows.find((r) => r.facet === "evidence")?.count ?? 0) : null,
      selected: search.evidenceOnly,
    },
  };
}

/** Published titles most like the query (trigram similarity), for the "no results" page. */
async function suggestTitles(q: string): Promise<{ slug: string; title: string }[]> {
  const [, titles] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(SUGGESTION_SIMILARITY_THRESHOLD)}, true)`,
    db.$queryRaw<{ slug: string; title: string }[]>`
      SELECT slug, title FROM "LearningItem"
      WHERE status = 'PUBLISHED' AND title % ${q.slice(0, MAX_TYPED_QUERY_LENGTH * 2)}
      ORDER BY similarity(title, ${q.slice(0, MAX_TYPED_QUERY_LENGTH * 2)}) DESC, "publishedAt" DESC
      LIMIT 3`,
  ]);
  return titles;
}
