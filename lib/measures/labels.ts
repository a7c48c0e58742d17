// Words for measure enums, in Making Data Count's language. Pure: no data access.
import type { ImprovementDirection, MeasureKind } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<MeasureKind, string> = {
  OUTCOME: "Outcome measure",
  PROCESS: "Process measure",
  BALANCING: "Balancing measure",
};

export const KIND_TAG_COLOURS: Record<MeasureKind, "blue" | "purple" | "orange"> = {
  OUTCOME: "blue",
  PROCESS: "purple",
  BALANCING: "orange",
};

/**
 * Which way is better. Making Data Count calls the third improvement direction "neither" (its
 * purple "neither" variation), so the words say that and what it means, as the measure form does.
 */
export const DIRECTION_WORDS: Record<ImprovementDirection, string> = {
  INCREASE: "Higher is better",
  DECREASE: "Lower is better",
  NEITHER: "Neither (no improvement direction)",
};
