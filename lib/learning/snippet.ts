// ts_headline marks matches with two private-use characters (never in stored text: they are removed
// before highlighting). Splitting on them gives text segments that React renders escaped, so a
// snippet can show <mark> without ever injecting HTML.
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

export type SnippetSegment = { text: string; highlighted: boolean };

export function splitHighlighted(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let highlighted = false;
  let text = "";
  const flush = () => {
    if (text) segments.push({ text, highlighted });
    text = "";
  };
  for (const char of headline) {
    if (char === HIGHLIGHT_START) {
      flush();
      highlighted = true;
    } else if (char === HIGHLIGHT_STOP) {
      flush();
      highlighted = false;
    } else text += char;
  }
  flush();
  // Merge neighbours with the same state (ts_headline marks each word of a phrase separately).
  return segments.reduce<SnippetSegment[]>((merged, segment) => {
    const last = merged[merged.length - 1];
    if (last && last.highlighted === segment.highlighted) last.text += segment.text;
    else merged.push({ ...segment });
    return merged;
  }, []);
}
