/** Plain-English wording and colours for the Making Data Count icons. */
import type { Assurance, Direction, Variation } from "./types";

/** NHS identity colours used by Making Data Count charts and icons. */
export const SPC_COLOURS = {
  /** Special cause of an improving nature: NHS Blue. */
  improvement: "#005eb8",
  /** Special cause of a concerning nature: NHS Orange. */
  concern: "#ed8b00",
  /** Special cause, neither improvement nor concern (no direction set): NHS Purple. */
  neither: "#7c2855",
  /** Common cause variation: NHS Mid Grey. */
  common: "#768692",
} as const;

/**
 * One sentence describing a variation icon. `direction` only changes the wording of the
 * "neither" icons (which occur when no improvement direction is set); the other icons already
 * say whether the change is good or bad.
 */
export function describeVariation(variation: Variation | null, direction: Direction = "neither"): string {
  switch (variation) {
    case "common-cause":
      return "Common cause variation – no significant change";
    case "improvement-high":
      return "Special cause variation of an improving nature where the measure is significantly higher";
    case "improvement-low":
      return "Special cause variation of an improving nature where the measure is significantly lower";
    case "concern-high":
      return "Special cause variation of a concerning nature where the measure is significantly higher";
    case "concern-low":
      return "Special cause variation of a concerning nature where the measure is significantly lower";
    case "neither-high":
    case "neither-low": {
      const way = variation === "neither-high" ? "higher" : "lower";
      const why = direction === "neither" ? " (no improvement direction is set)" : "";
      return `Special cause variation where the measure is significantly ${way} – neither improvement nor concern${why}`;
    }
    default:
      return "Not enough data to identify variation";
  }
}

/** One sentence describing an assurance icon. */
export function describeAssurance(assurance: Assurance | null): string {
  switch (assurance) {
    case "consistently-meets":
      return "The system is expected to consistently meet the target";
    case "consistently-fails":
      return "The system is expected to consistently fail the target";
    case "inconsistent":
      return "The system may achieve or fail the target subject to random variation";
    default:
      return "No assurance can be given: it needs a target, an improvement direction and enough data for process limits";
  }
}
