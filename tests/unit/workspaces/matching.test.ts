import { describe, expect, it } from "vitest";
import { matchChosenPriority, titleKey } from "@/lib/priorities/matching";
import { pluralise } from "@/lib/format";
import { describePlacing } from "@/lib/priorities/placing";

const A = "collab-a";
const known = [
  { id: "n-falls", name: "Falls", kind: "NATIONAL" as const, collaborativeId: null },
  { id: "n-meds", name: "Medication safety", kind: "NATIONAL" as const, collaborativeId: null },
  { id: "l-discharge", name: "Safer discharge", kind: "LOCAL" as const, collaborativeId: A },
  { id: "l-falls-copy", name: "falls", kind: "LOCAL" as const, collaborativeId: A },
  { id: "b-theirs", name: "Their priority", kind: "LOCAL" as const, collaborativeId: "collab-b" },
];

describe("which priority a chosen candidate stands for", () => {
  it("compares titles ignoring capitals and spaces", () => {
    expect(titleKey("  Safer   Discharge ")).toBe("saferdischarge");
    expect(titleKey("Safer discharge")).toBe(titleKey("SAFER\tDISCHARGE"));
    expect(titleKey("Safer discharges")).not.toBe(titleKey("Safer discharge"));
  });

  it("is the area it was put forward from, first", () => {
    expect(matchChosenPriority({ title: "Falls", priorityAreaId: "n-falls" }, A, known)?.id).toBe("n-falls");
    expect(matchChosenPriority({ title: "Anything", priorityAreaId: "l-discharge" }, A, known)?.id).toBe("l-discharge");
  });

  it("then a local priority of the same title, then a national area of the same title", () => {
    expect(matchChosenPriority({ title: "safer  DISCHARGE", priorityAreaId: null }, A, known)?.id).toBe("l-discharge");
    expect(matchChosenPriority({ title: "Medication Safety", priorityAreaId: null }, A, known)?.id).toBe("n-meds");
    // A member's proposal "Falls" matches this collaborative's local "falls" before the national area.
    expect(matchChosenPriority({ title: "FALLS", priorityAreaId: null }, A, known)?.id).toBe("l-falls-copy");
  });

  it("never another collaborative's priority; anything else is new", () => {
    expect(matchChosenPriority({ title: "Their priority", priorityAreaId: null }, A, known)).toBeNull();
    expect(matchChosenPriority({ title: "x", priorityAreaId: "b-theirs" }, A, known)).toBeNull();
    expect(matchChosenPriority({ title: "Something new", priorityAreaId: null }, A, known)).toBeNull();
  });
});

describe("singular and plural in rounds", () => {
  it("says 1 point, 2 points, 1 ranking, 0 rankings", () => {
    expect(pluralise(1, "point")).toBe("1 point");
    expect(pluralise(2, "point")).toBe("2 points");
    expect(pluralise(0, "ranking")).toBe("0 rankings");
    expect(pluralise(1, "person has", "people have")).toBe("1 person has");
    expect(pluralise(1_200, "ballot")).toBe("1,200 ballots");
  });

  it("describes a candidate's placing with the right words", () => {
    expect(describePlacing({ position: 2, points: 1, tied: false, of: 3, ballots: 1 })).toBe(
      "2 of 3, 1 point from 1 ranking",
    );
    expect(describePlacing({ position: 1, points: 4, tied: true, of: 3, ballots: 2 })).toBe(
      "Joint 1 of 3, 4 points from 2 rankings",
    );
    expect(describePlacing({ position: 1, points: 0, tied: true, of: 3, ballots: 0 })).toBe("No rankings");
    expect(describePlacing(null)).toBe("No rankings");
  });
});
