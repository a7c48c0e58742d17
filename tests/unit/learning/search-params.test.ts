import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_QUERY_LENGTH,
  learningSearchHref,
  normaliseQuery,
  parseLearningSearch,
  toggleFilter,
} from "@/lib/learning/search-params";
import { splitHighlighted, HIGHLIGHT_START as S, HIGHLIGHT_STOP as E } from "@/lib/learning/snippet";

describe("normaliseQuery", () => {
  it("removes NULs and control characters, collapses spaces and trims", () => {
    expect(normaliseQuery("  falls\u0000\u0007 \n\t bundle  ")).toBe("falls bundle");
  });

  it("cuts at 500 characters without splitting an emoji", () => {
    const q = normaliseQuery("😀".repeat(600));
    expect(Array.from(q)).toHaveLength(MAX_QUERY_LENGTH);
    expect(q).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("replaces lone surrogates so PostgreSQL always gets valid UTF-8", () => {
    expect(normaliseQuery("a\uD800b")).toBe("a\uFFFDb");
  });

  it("gives well-formed, short, NUL-free text for any input (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 700 }), (input) => {
        const q = normaliseQuery(input);
        expect(Array.from(q).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(q).not.toContain("\u0000");
        expect(() => encodeURIComponent(q)).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });

  it("treats anything that is not text as no query", () => {
    expect(normaliseQuery(undefined)).toBe("");
    expect(normaliseQuery(["a"])).toBe("");
  });
});

describe("the library URL", () => {
  it("parses the query and filters, dropping what cannot be a filter value", () => {
    expect(
      parseLearningSearch({
        q: "falls bundle",
        area: ["falls", "FALLS", "x y", "pressure-ulcers"],
        type: ["change-idea", "nonsense"],
        evidence: "yes",
        page: "3",
      }),
    ).toEqual({
      q: "falls bundle",
      areas: ["falls", "pressure-ulcers"],
      collaboratives: [],
      types: ["CHANGE_IDEA"],
      stages: [],
      evidenceOnly: true,
      page: 3,
    });
  });

  it("turns bad page numbers into page 1", () => {
    for (const page of ["0", "-2", "abc", "1e9x", ""]) expect(parseLearningSearch({ page }).page).toBe(1);
    expect(parseLearningSearch({ page: "999999" }).page).toBe(500);
  });

  it("round-trips: the URL built from a search parses back to the same search", () => {
    const search = parseLearningSearch({
      q: 'sepsis & "grab bags"',
      area: ["falls"],
      collaborative: ["wessex", "oxford"],
      type: ["lesson"],
      stage: ["care-home"],
      evidence: "yes",
      page: "2",
    });
    const href = learningSearchHref(search);
    expect(href.startsWith("/learning?")).toBe(true);
    const params = new URLSearchParams(href.split("?")[1]);
    const raw: Record<string, string[]> = {};
    for (const [k, v] of params) (raw[k] ??= []).push(v);
    expect(parseLearningSearch(raw)).toEqual(search);
  });

  it("toggles one filter value and goes back to page 1", () => {
    const search = parseLearningSearch({ q: "falls", area: ["falls"], page: "4" });
    expect(toggleFilter(search, "areas", "falls")).toBe("/learning?q=falls");
    expect(toggleFilter(search, "areas", "pressure-ulcers")).toBe("/learning?q=falls&area=falls&area=pressure-ulcers");
  });
});

describe("splitHighlighted", () => {
  it("turns ts_headline markers into text segments", () => {
    expect(splitHighlighted(`The ${S}falls${E} ${S}bundle${E} worked`)).toEqual([
      { text: "The ", highlighted: false },
      { text: "falls", highlighted: true },
      { text: " ", highlighted: false },
      { text: "bundle", highlighted: true },
      { text: " worked", highlighted: false },
    ]);
  });

  it("leaves markup as text", () => {
    expect(splitHighlighted(`<img src=x onerror=alert(1)> ${S}x${E}`)[0]).toEqual({
      text: "<img src=x onerror=alert(1)> ",
      highlighted: false,
    });
  });
});
