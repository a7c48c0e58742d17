// The learning library's query and filters live in the URL (/learning?q=falls+bundle&area=falls):
// parsing is total (any input gives a valid search, never an error) and building is the inverse.
import type { LearningType } from "@/lib/generated/prisma/enums";
import { learningTypeFromKey, learningTypeKey } from "./labels";

/** Longer text is cut here: websearch_to_tsquery and trigram matching stay fast, and nobody types more. */
export const MAX_QUERY_LENGTH = 500;
/** Spelling correction and similar titles only for queries people type, not pasted paragraphs. */
export const MAX_TYPED_QUERY_LENGTH = 60;
export const PAGE_SIZE = 20;
/**
 * Facet values are counted only when a search matches at most this many items: counting reads every
 * match and its areas and stages, which for a broad search ("falls" in 10,000 items) costs many times
 * the search itself. The total is always exact.
 */
export const FACET_COUNT_LIMIT = 1000;
const MAX_VALUES_PER_FILTER = 20;
const MAX_PAGE = 500;

export type LearningSearch = {
  q: string;
  areas: string[]; // priority area slugs
  collaboratives: string[]; // collaborative slugs
  types: LearningType[];
  stages: string[]; // pathway stage slugs
  evidenceOnly: boolean;
  page: number;
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

// C0/C1 controls except tab and newline; NUL is rejected by PostgreSQL text outright.
const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}/gu;
// Half of a surrogate pair on its own is not valid Unicode (PostgreSQL would reject its UTF-8).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What is searched for: well-formed Unicode (lone surrogates replaced), no control characters,
 * whitespace collapsed, at most MAX_QUERY_LENGTH characters (cut between code points).
 */
export function normaliseQuery(input: unknown): string {
  if (typeof input !== "string") return "";
  const cleaned = input.replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim();
  const codePoints = Array.from(cleaned);
  return codePoints.length <= MAX_QUERY_LENGTH ? cleaned : codePoints.slice(0, MAX_QUERY_LENGTH).join("").trim();
}

function values(raw: string | string[] | undefined): string[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  // Slugs only: anything else cannot match a filter, so it is dropped rather than searched for.
  const slugs = list
    .flatMap((v) => v.split(","))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => /^[a-z0-9-]{1,80}$/.test(v));
  return [...new Set(slugs)].slice(0, MAX_VALUES_PER_FILTER);
}

function first(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

export function parseLearningSearch(params: RawSearchParams): LearningSearch {
  const page = Number.parseInt(first(params.page) ?? "1", 10);
  return {
    q: normaliseQuery(first(params.q)),
    areas: values(params.area),
    collaboratives: values(params.collaborative),
    types: values(params.type).flatMap((key) => learningTypeFromKey(key) ?? []),
    stages: values(params.stage),
    evidenceOnly: ["yes", "true", "1"].includes(first(params.evidence) ?? ""),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

export function hasFilters(search: LearningSearch): boolean {
  return (
    search.areas.length + search.collaboratives.length + search.types.length + search.stages.length > 0 ||
    search.evidenceOnly
  );
}

/** The URL for a search; page 1 and empty values are left out so URLs stay short and shareable. */
export function learningSearchHref(search: Partial<LearningSearch>): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  for (const area of search.areas ?? []) params.append("area", area);
  for (const c of search.collaboratives ?? []) params.append("collaborative", c);
  for (const t of search.types ?? []) params.append("type", learningTypeKey[t]);
  for (const s of search.stages ?? []) params.append("stage", s);
  if (search.evidenceOnly) params.set("evidence", "yes");
  if (search.page && search.page > 1) params.set("page", String(search.page));
  const query = params.toString();
  return query ? `/learning?${query}` : "/learning";
}

type FilterKey = "areas" | "collaboratives" | "types" | "stages";

/** The same search with one filter value added or removed (and back to page 1). */
export function toggleFilter<K extends FilterKey>(
  search: LearningSearch,
  key: K,
  value: LearningSearch[K][number],
): string {
  const current = search[key] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return learningSearchHref({ ...search, [key]: next, page: 1 });
}
