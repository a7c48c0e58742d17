import { describe, expect, it } from "vitest";
import type { Assurance, Variation } from "@/lib/spc";
import { assuranceGuidance, nextStep, variationGuidance } from "@/lib/measures/guidance";

const VARIATIONS: Variation[] = [
  "common-cause",
  "improvement-high",
  "improvement-low",
  "concern-high",
  "concern-low",
  "neither-high",
  "neither-low",
];
const ASSURANCES: (Assurance | null)[] = ["consistently-meets", "consistently-fails", "inconsistent", null];

describe("Making Data Count's icons in plain English, with what to do next", () => {
  it("says what each variation icon means and what to do", () => {
    expect(variationGuidance("common-cause")).toBe(
      "Common cause variation: the latest point is within what this process usually produces, with no significant change. Do not react to single ups and downs; to get a different result, change the process.",
    );
    expect(variationGuidance("improvement-low", "decrease")).toBe(
      "Special cause variation of an improving nature: the measure is significantly lower than before. Find out what changed and whether it can be sustained; once a shift is sustained and explained, consider recalculating the limits from where it began.",
    );
    expect(variationGuidance("improvement-high", "increase")).toMatch(/significantly higher than before/);
    expect(variationGuidance("concern-high", "decrease")).toBe(
      "Special cause variation of a concerning nature: the measure is significantly higher than before. Investigate what changed, and act on the cause; do not wait for more points.",
    );
    expect(variationGuidance("concern-low", "increase")).toMatch(/significantly lower than before\. Investigate/);
    expect(variationGuidance("neither-high", "neither")).toBe(
      "Special cause variation: the measure is significantly higher than before, neither improvement nor concern (no improvement direction is set). Find out what changed; if higher or lower is better, set the measure’s improvement direction.",
    );
    expect(variationGuidance(null)).toMatch(/^Not enough data to identify variation: add more points/);
  });

  it("says what each assurance icon means and what to do", () => {
    expect(assuranceGuidance("consistently-meets")).toMatch(/^Consistently passes: .* Keep monitoring\.$/);
    expect(assuranceGuidance("consistently-fails")).toMatch(
      /^Consistently fails: .* Only a change to the process will\.$/,
    );
    expect(assuranceGuidance("inconsistent")).toMatch(/^Hit and miss: .* change the process\.$/);
    expect(assuranceGuidance(null)).toMatch(/^No assurance can be given/);
  });

  const expected: Record<string, RegExp> = {
    "common/consistently-meets": /^The process is stable and will consistently meet the target: keep monitoring/,
    "common/consistently-fails": /^The process is stable but will not meet the target: .*test a change to the process/,
    "common/inconsistent":
      /^The process is stable but will meet the target only some of the time, by chance: .*test a change/,
    "common/none": /^The process is stable, with no special cause: keep plotting/,
    "improvement/consistently-meets":
      /^The measure has improved and the process will now consistently meet the target: .*consider recalculating the limits/,
    "improvement/consistently-fails":
      /^The measure has improved, but not yet enough to meet the target: find out what changed/,
    "improvement/inconsistent": /^The measure has improved, but will meet the target only some of the time/,
    "improvement/none": /^The measure has improved: find out what changed .*consider recalculating the limits/,
    "concern/consistently-meets":
      /^The measure has moved the wrong way, although the process is still expected to meet the target: investigate/,
    "concern/consistently-fails":
      /^The measure has moved the wrong way and the process will not meet the target: investigate the cause urgently/,
    "concern/inconsistent":
      /^The measure has moved the wrong way and will meet the target only some of the time: investigate/,
    "concern/none": /^The measure has moved the wrong way: investigate the cause and act on it\.$/,
    "neither/none":
      /^The measure has changed significantly: find out why; if higher or lower is better, set its improvement direction/,
  };

  for (const variation of VARIATIONS) {
    for (const assurance of ASSURANCES) {
      const kind = variation === "common-cause" ? "common" : variation.split("-")[0]!;
      // The neither icons occur only without an improvement direction, which assurance needs.
      const key = `${kind}/${kind === "neither" ? "none" : (assurance ?? "none")}`;
      it(`${variation} with ${assurance ?? "no assurance"}: says what it means and what to do next`, () => {
        const text = nextStep(variation, assurance);
        expect(text).toMatch(expected[key]!);
        expect(text).toMatch(/\.$/);
      });
    }
  }

  it("says nothing about next steps before there are limits", () => {
    for (const assurance of ASSURANCES) expect(nextStep(null, assurance)).toBeNull();
  });

  it("gives every combination its own sentence", () => {
    const sentences = new Set(
      VARIATIONS.filter((v) => !v.startsWith("neither")).flatMap((v) => ASSURANCES.map((a) => nextStep(v, a))),
    );
    expect(sentences.size).toBe(12);
  });
});
