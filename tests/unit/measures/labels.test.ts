import { describe, expect, it } from "vitest";
import { ImprovementDirection, MeasureKind } from "@/lib/generated/prisma/enums";
import { DIRECTION_WORDS, KIND_LABELS, KIND_TAG_COLOURS } from "@/lib/measures/labels";
import { directions, measureKinds } from "@/lib/measures/schemas";

describe("the words for measures, said once", () => {
  it("names every kind and direction the database and the form know", () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual(Object.values(MeasureKind).sort());
    expect(Object.keys(KIND_TAG_COLOURS).sort()).toEqual([...measureKinds].sort());
    expect(Object.keys(DIRECTION_WORDS).sort()).toEqual(Object.values(ImprovementDirection).sort());
    expect(Object.keys(DIRECTION_WORDS)).toEqual([...directions]);
  });

  it("uses Making Data Count's improvement directions: higher or lower is better, or neither", () => {
    expect(DIRECTION_WORDS).toEqual({
      INCREASE: "Higher is better",
      DECREASE: "Lower is better",
      NEITHER: "Neither (no improvement direction)",
    });
  });
});
