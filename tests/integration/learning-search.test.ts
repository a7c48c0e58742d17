// The learning library's search in PostgreSQL: ranking, phrases, near misses, facets, and hostile input.
// Every test's items carry a made-up word, so other tests' items never match.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomInt } from "node:crypto";
import { ANONYMOUS, collaborative, createUser } from "@/tests/fixtures/factories";
import { insertLearningItem, nonsenseWord } from "@/tests/fixtures/learning";
import { searchLearning } from "@/lib/learning/search";
import { Snippet } from "@/components/learning/SearchResults";
import { FACET_COUNT_LIMIT, PAGE_SIZE, parseLearningSearch } from "@/lib/learning/search-params";
import { db } from "@/lib/db";

let authorId: string;
let wessex: string;
let oxford: string;

beforeAll(async () => {
  authorId = (await createUser({ memberships: { wessex: "STAFF" } })).user.id;
  wessex = (await collaborative("wessex")).id;
  oxford = (await collaborative("oxford")).id;
});

const search = (params: Record<string, string | string[]>) => searchLearning(ANONYMOUS, parseLearningSearch(params));
const titles = async (params: Record<string, string | string[]>) => (await search(params)).hits.map((h) => h.title);

describe("ranking", () => {
  it("puts an exact title match first, ahead of items that repeat the words in their body", async () => {
    const word = nonsenseWord();
    const exact = `${word} falls bundle`;
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `Falls and ${word}: a longer story`,
      body: `${exact}. `.repeat(30),
      summary: `All about the ${exact}`,
    });
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `The ${word} bundle for falls on wards`,
      summary: exact,
    });
    await insertLearningItem({ authorId, collaborativeId: wessex, title: exact });
    const result = await titles({ q: exact });
    expect(result).toHaveLength(3);
    expect(result[0]).toBe(exact);
  });

  it("ranks a title match above a match only in the body", async () => {
    const word = nonsenseWord();
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: "Something else entirely",
      body: `We mention ${word} once.`,
    });
    await insertLearningItem({ authorId, collaborativeId: wessex, title: `Using ${word} on night shifts` });
    expect(await titles({ q: word })).toEqual([`Using ${word} on night shifts`, "Something else entirely"]);
  });

  it("matches a quoted phrase only where the words are together", async () => {
    const word = nonsenseWord();
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `Together ${word}`,
      body: `Every patient gets red ${word} socks on admission.`,
    });
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `Apart ${word}`,
      body: `Red lights on the bay, and ${word} socks in the drawer.`,
    });
    expect(await titles({ q: `"red ${word} socks"` })).toEqual([`Together ${word}`]);
    // Without quotes both match; a phrase query also turns off near-miss title matching.
    expect((await titles({ q: `red ${word} socks` })).sort()).toEqual([`Apart ${word}`, `Together ${word}`]);
  });

  it("ranks summary and tag matches above body-only matches, and an excluded word in the body excludes a title match", async () => {
    const word = nonsenseWord();
    const [other, excluded] = [nonsenseWord(), nonsenseWord()];
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: "Night shift handovers",
      body: `The ${word} ${other} phrase in the body only.`,
    });
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: "Ward safety huddles",
      summary: `How the ${word} ${other} phrase helped.`,
    });
    // Title matches do not fill the page, so the summary match is found through its own index, and ranks first.
    expect(await titles({ q: `"${word} ${other}"` })).toEqual(["Ward safety huddles", "Night shift handovers"]);
    // "-word" excludes the item even when its title matches the rest and the title matches fill the page.
    for (let i = 0; i < PAGE_SIZE; i++)
      await insertLearningItem({ authorId, collaborativeId: wessex, title: `${word} title ${i}` });
    // The newest, so it would be on the first page if the title alone decided.
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `A ${word} title`,
      body: `Mentions ${excluded} in the body.`,
    });
    const pages = [
      ...(await titles({ q: `${word} -${excluded}` })),
      ...(await titles({ q: `${word} -${excluded}`, page: "2" })),
    ];
    expect(pages).toHaveLength(PAGE_SIZE + 2);
    expect(pages).not.toContain(`A ${word} title`);
    expect((await search({ q: word })).total).toBe(PAGE_SIZE + 3);
  });

  it("still finds an item when its title word is misspelt", async () => {
    const word = nonsenseWord(10);
    const title = `${word} catheter removal`;
    await insertLearningItem({ authorId, collaborativeId: wessex, title });
    const misspelt = word.slice(0, 4) + word.slice(5); // one letter dropped
    expect(await titles({ q: misspelt })).toContain(title);
    const swapped = word.slice(0, 3) + word[4] + word[3] + word.slice(5); // two letters swapped
    expect(await titles({ q: `${swapped} catheter` })).toContain(title);
  });

  it("highlights the matches in snippets as text segments", async () => {
    const word = nonsenseWord();
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `Snippet ${word}`,
      summary: `The <b>${word}</b> approach worked well on three wards.`,
    });
    const [hit] = (await search({ q: word })).hits;
    expect(hit!.snippet!.filter((s) => s.highlighted).map((s) => s.text.toLowerCase())).toContain(word);
    // Markup typed into the text is rendered as text, never as elements.
    const html = renderToStaticMarkup(createElement(Snippet, { segments: hit!.snippet! }));
    expect(html).toMatch(/<mark[^>]*>[^<]*<\/mark>/);
    expect(html).not.toMatch(/<b[\s>]/);
  });

  it("breaks ties featured first, then newest", async () => {
    const word = nonsenseWord();
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `Old ${word}`,
      publishedAt: new Date("2025-01-01"),
    });
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `New ${word}`,
      publishedAt: new Date("2025-06-01"),
    });
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `Featured ${word}`,
      publishedAt: new Date("2024-01-01"),
      featured: true,
    });
    expect(await titles({ q: word })).toEqual([`Featured ${word}`, `New ${word}`, `Old ${word}`]);
  });
});

describe("phrases", () => {
  it("finds exactly the items a query's phrases match: the index of adjacent word pairs never loses one (property)", async () => {
    // Every item and every alternative of every query holds the anchor, so only this test's items count.
    const anchor = nonsenseWord();
    const vocabulary = [nonsenseWord(6), nonsenseWord(6), nonsenseWord(6)];
    const words = [...vocabulary, "the", "of", "care", "homes", `${vocabulary[0]}-${vocabulary[1]}`];
    const pick = () => words[randomInt(words.length)]!;
    const text = (length: number) => Array.from({ length }, pick).join(randomInt(4) === 0 ? ", " : " ");
    for (let i = 0; i < 40; i++) {
      await insertLearningItem({
        authorId,
        collaborativeId: wessex,
        title: `${text(3)} ${anchor}`,
        summary: text(6),
        body: `${text(12)}.\n\n${text(12)}`,
        status: i % 10 === 0 ? "DRAFT" : "PUBLISHED",
      });
    }
    const term = fc.record({
      excluded: fc.boolean(),
      quoted: fc.boolean(),
      words: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
    });
    const render = (t: { excluded: boolean; quoted: boolean; words: string[] }) =>
      `${t.excluded ? "-" : ""}${t.quoted ? `"${t.words.join(" ")}"` : t.words.join(" ")}`;
    const query = fc
      .array(fc.array(term, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
      .map((alternatives) => alternatives.map((terms) => `${anchor} ${terms.map(render).join(" ")}`).join(" or "));
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const [{ count }] = await db.$queryRaw<[{ count: number }]>`
          SELECT count(*)::int AS count FROM "LearningItem" WHERE status = 'PUBLISHED' AND "searchVector" @@ websearch_to_tsquery('english', ${q})`;
        const result = await search({ q });
        expect(result.total).toBe(count);
        expect(result.hits).toHaveLength(Math.min(count, PAGE_SIZE));
      }),
      { numRuns: 80 },
    );
  });
});

describe("filters and facets", () => {
  it("filters by area, collaborative, type, stage and evidence, with counts that ignore the facet's own choice", async () => {
    const word = nonsenseWord();
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `A ${word}`,
      areaSlugs: ["falls"],
      stageSlugs: ["inpatient-ward"],
      hasImprovementEvidence: true,
    });
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: `B ${word}`,
      areaSlugs: ["falls", "pressure-ulcers"],
      type: "CASE_STUDY",
    });
    await insertLearningItem({
      authorId,
      collaborativeId: oxford,
      title: `C ${word}`,
      areaSlugs: ["pressure-ulcers"],
      stageSlugs: ["care-home"],
      type: "LESSON",
    });
    await insertLearningItem({ authorId, collaborativeId: oxford, title: `Draft ${word}`, status: "DRAFT" });

    const all = await search({ q: word });
    expect(all.total).toBe(3);
    expect(all.facets.areas.find((a) => a.value === "falls")?.count).toBe(2);
    expect(all.facets.collaboratives.find((c) => c.value === "oxford")?.count).toBe(1);
    expect(all.facets.evidence.count).toBe(1);

    const falls = await search({ q: word, area: "falls" });
    expect(falls.hits.map((h) => h.title).sort()).toEqual([`A ${word}`, `B ${word}`]);
    // Disjunctive: the area facet still counts pressure ulcers as if falls were not chosen.
    expect(falls.facets.areas.find((a) => a.value === "pressure-ulcers")?.count).toBe(2);
    // Other facets are narrowed by the area filter.
    expect(falls.facets.collaboratives.find((c) => c.value === "oxford")).toBeUndefined();

    expect(await titles({ q: word, area: ["falls", "pressure-ulcers"], collaborative: "oxford" })).toEqual([
      `C ${word}`,
    ]);
    expect(await titles({ q: word, type: "case-study" })).toEqual([`B ${word}`]);
    expect(await titles({ q: word, stage: "care-home" })).toEqual([`C ${word}`]);
    expect(await titles({ q: word, evidence: "yes" })).toEqual([`A ${word}`]);
    expect((await search({ q: word, area: "no-such-area" })).total).toBe(0);
  });
});

describe("a broad search", () => {
  it("ranks the title matches first on every page, counts every match, and lists filters without counts", async () => {
    const word = nonsenseWord();
    // More matches than facet counts are given for, most with the word only in their body (written in one
    // statement: the factory would take minutes); a page and a half of title matches, one the exact word;
    // a featured, recent body-only match, which must still rank after every title match. (The bulk rows
    // are dated 2001, so they never crowd other tests' newest-first listings.)
    const bodyOnly = FACET_COUNT_LIMIT + 1;
    await db.$executeRaw`
      INSERT INTO "LearningItem" (id, slug, type, title, body, status, "collaborativeId", "authorId", "publishedAt", "updatedAt")
      SELECT 'broad-' || ${word} || '-' || g, 'broad-' || ${word} || '-' || g, 'CASE_STUDY', 'Body match ' || g, 'The ' || ${word} || ' story, told at length.',
             'PUBLISHED', ${wessex}, ${authorId}, timestamp '2001-01-01' - g * interval '1 hour', now()
      FROM generate_series(1, ${bodyOnly}) g`;
    const titleMatches = Math.floor(PAGE_SIZE * 1.5);
    for (let i = 1; i < titleMatches; i++)
      await insertLearningItem({
        authorId,
        collaborativeId: oxford,
        title: `Title match ${i} ${word}`,
        publishedAt: new Date(2020, 0, i),
      });
    await insertLearningItem({ authorId, collaborativeId: oxford, title: word, publishedAt: new Date(2019, 0, 1) });
    await insertLearningItem({
      authorId,
      collaborativeId: wessex,
      title: "Featured body match",
      body: word,
      featured: true,
    });

    const first = await search({ q: word });
    expect(first.total).toBe(bodyOnly + titleMatches + 1);
    expect(first.hits).toHaveLength(PAGE_SIZE);
    expect(first.hits[0]!.title).toBe(word);
    expect(first.hits.every((h) => h.title.includes(word))).toBe(true);
    // Page 2 holds the rest of the title matches, then the body-only matches: featured first, then newest.
    const second = await search({ q: word, page: "2" });
    const rest = titleMatches - PAGE_SIZE;
    expect(second.hits.slice(0, rest).every((h) => h.title.includes(word))).toBe(true);
    expect(second.hits.slice(rest).map((h) => h.title)).toEqual([
      "Featured body match",
      ...Array.from({ length: PAGE_SIZE - rest - 1 }, (_, i) => `Body match ${i + 1}`),
    ]);

    // Too many matches to count each filter: values are offered without counts, and the page says why.
    expect(first.facets.counted).toBe(false);
    expect(first.facets.types.find((t) => t.value === "CASE_STUDY")).toMatchObject({ count: null });
    expect(first.facets.collaboratives.map((c) => c.value)).toContain("oxford");
    // Narrowed below the limit, the counts come back.
    const narrowed = await search({ q: word, collaborative: "oxford" });
    expect(narrowed.total).toBe(titleMatches);
    expect(narrowed.facets.counted).toBe(true);
    expect(narrowed.facets.collaboratives.find((c) => c.value === "wessex")?.count).toBe(bodyOnly + 1);
  });
});

describe("any query text is safe", () => {
  const hostile = [
    `"unterminated phrase`,
    `a & b | !c <-> (d`,
    `'; DROP TABLE "LearningItem"; --`,
    `\\x00 \u0000 NUL in the middle`,
    `😀🏥 falls 💊`,
    `-`,
    `""`,
    `or or or and not`,
    `***`,
    `%_%`,
    `\uD800 lone surrogate`,
    `${"falls bundle ".repeat(900)}`,
    `<script>alert(1)</script>`,
    `:* | & ! ( ) <->`,
    `   `,
  ];

  /** The count and the page come from two queries: for any text they must agree. */
  const expectConsistent = (result: Awaited<ReturnType<typeof search>>) => {
    expect(Number.isInteger(result.total)).toBe(true);
    expect(result.hits.length).toBe(Math.min(result.total, PAGE_SIZE));
  };

  it.each(hostile.map((q) => [q.slice(0, 40), q]))(
    "answers %j with a count that matches its results",
    async (_label, q) => {
      expectConsistent(await search({ q }));
    },
  );

  it("finds an item by the ordinary word among operators and wildcards, and nothing else", async () => {
    const word = nonsenseWord();
    await insertLearningItem({ authorId, collaborativeId: wessex, title: `${word} handover` });
    for (const q of [`${word} %_%`, `"${word}`, `${word} :* | & ( ) <->`, `*** ${word} ***`]) {
      expect(await titles({ q }), q).toEqual([`${word} handover`]);
    }
  });

  it("never fails for arbitrary text (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 300 }), async (q) => {
        expectConsistent(await search({ q }));
      }),
      { numRuns: 60 },
    );
  });

  it("offers similar titles when nothing matches", async () => {
    const word = nonsenseWord(10);
    await insertLearningItem({ authorId, collaborativeId: wessex, title: `${word} wristbands for allergies` });
    const result = await search({ q: `${word.slice(0, 5)}xyzq wristbandz allergiez` });
    expect(result.total).toBe(0);
    expect(result.suggestions.map((s) => s.title)).toContain(`${word} wristbands for allergies`);
  });
});
