// "You said, we did" is written by the team, never in the reporter's own words: a summary that repeats
// a run of QUOTE_WORDS or more consecutive words from a linked concern is refused. Pure, so the rule is
// tested on its own and the form and the domain share it.

/** The shortest run of consecutive words that counts as quoting the reporter. */
export const QUOTE_WORDS = 8;

/** Words as compared: lower case, letters and digits only (punctuation, capitals and spacing do not hide a quote). */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .match(/[\p{L}\p{N}']+/gu)
      ?.map((w) => w.replace(/^'+|'+$/g, ""))
      .filter(Boolean) ?? []
  );
}

/**
 * The first run of `length` or more consecutive words of `summary` found in any of `sources`, as the
 * summary's words (for the message beside the field); null when it quotes none.
 */
export function findQuotedRun(summary: string, sources: readonly string[], length = QUOTE_WORDS): string | null {
  const words = wordsOf(summary);
  if (words.length < length) return null;
  const runs = new Set<string>();
  for (const source of sources) {
    const sourceWords = wordsOf(source);
    for (let i = 0; i + length <= sourceWords.length; i += 1) runs.add(sourceWords.slice(i, i + length).join(" "));
  }
  for (let i = 0; i + length <= words.length; i += 1) {
    const run = words.slice(i, i + length).join(" ");
    if (runs.has(run)) return run;
  }
  return null;
}
