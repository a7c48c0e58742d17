// The rule that keeps reporters' own words off the public page: a run of 8 or more consecutive words
// from a linked concern is a quote, whatever the punctuation, capitals or spacing.
import { describe, expect, it } from "vitest";
import { QUOTE_WORDS, findQuotedRun, wordsOf } from "@/lib/you-said-we-did/quotes";

const reporter = "My mum's tablets were left off the discharge letter and nobody at the GP noticed for a week.";

describe("findQuotedRun", () => {
  it("finds a run of 8 words taken from what the reporter wrote", () => {
    expect(QUOTE_WORDS).toBe(8);
    expect(findQuotedRun("They said tablets were left off the discharge letter and nobody checked.", [reporter])).toBe(
      "tablets were left off the discharge letter and",
    );
  });

  it("lets the team use 7 of the reporter's words in a row, and their own words freely", () => {
    expect(findQuotedRun("tablets were left off the discharge letter", [reporter])).toBeNull();
    expect(
      findQuotedRun("Medicines were missing from discharge letters; pharmacists now check them.", [reporter]),
    ).toBeNull();
  });

  it("is not fooled by capitals, punctuation, line breaks or curly apostrophes", () => {
    expect(findQuotedRun("MY MUM’S tablets—were left\noff the: discharge letter!", [reporter])).toBe(
      "my mum's tablets were left off the discharge",
    );
    expect(wordsOf("  Don’t   stop ")).toEqual(["don't", "stop"]);
  });

  it("checks every linked concern's text", () => {
    const other = "The ward ran out of pressure mattresses for three nights in a row last winter.";
    expect(findQuotedRun("we heard the ward ran out of pressure mattresses for three nights", [reporter, other])).toBe(
      "the ward ran out of pressure mattresses for",
    );
  });
});
