import { describe, expect, it } from "vitest";
import { changedFields, conflictState, EditConflictError, readConflict } from "@/lib/forms/conflict";
import { buildDriverTree, flattenDrivers, reorderedSiblings } from "@/lib/projects/driver-tree";
import { statusChangeProblem } from "@/lib/projects/status";

describe("changedFields", () => {
  const labels = { title: "Title", problem: "The problem", aimHowMuch: "How much" };
  it("lists the differing fields in the form's order, comparing trimmed text", () => {
    expect(
      changedFields(
        labels,
        { title: "A", problem: "same ", aimHowMuch: "" },
        { title: "B", problem: " same", aimHowMuch: "30%" },
      ),
    ).toEqual([
      { field: "title", label: "Title", theirs: "A", yours: "B" },
      { field: "aimHowMuch", label: "How much", theirs: "", yours: "30%" },
    ]);
  });
  it("finds nothing when every field matches", () => {
    expect(changedFields(labels, { title: "A", problem: "P" }, { title: "A", problem: "P", aimHowMuch: "" })).toEqual(
      [],
    );
  });
});

describe("conflict form state", () => {
  it("keeps what was typed, moves the version on and carries the comparison", () => {
    const form = new FormData();
    form.set("title", "Mine");
    form.set("version", "3");
    const changes = [{ field: "title", label: "Title", theirs: "Theirs", yours: "Mine" }];
    const state = conflictState(new EditConflictError({ version: 5, changes }), form);
    expect(state).toMatchObject({ ok: false, values: { title: "Mine", version: "5" } });
    expect(state.message).toMatch(/Nothing has been saved|nothing has been saved/i);
    expect(readConflict(state)).toEqual(changes);
    expect(readConflict({ ok: false })).toBeNull();
  });
});

describe("driver tree", () => {
  const nodes = [
    { id: "p2", parentId: null, kind: "PRIMARY" as const, text: "Environment", sortOrder: 2 },
    { id: "p1", parentId: null, kind: "PRIMARY" as const, text: "Culture", sortOrder: 1 },
    { id: "s2", parentId: "p1", kind: "SECONDARY" as const, text: "Lighting", sortOrder: 2 },
    { id: "s1", parentId: "p1", kind: "SECONDARY" as const, text: "Huddles", sortOrder: 1 },
  ];
  const ideas = [
    { id: "i1", driverNodeId: "s1", title: "Handover huddle", description: "", sortOrder: 1 },
    { id: "i2", driverNodeId: "p2", title: "Bed alarms", description: "", sortOrder: 2 },
    { id: "i3", driverNodeId: null, title: "Unlinked", description: "", sortOrder: 3 },
    { id: "i4", driverNodeId: "gone", title: "Orphan", description: "", sortOrder: 4 },
  ];
  it("orders drivers and hangs each change idea from its driver", () => {
    const tree = buildDriverTree(nodes, ideas);
    expect(
      tree.primaries.map((p) => [p.text, p.secondaries.map((s) => s.text), p.changeIdeas.map((i) => i.title)]),
    ).toEqual([
      ["Culture", ["Huddles", "Lighting"], []],
      ["Environment", [], ["Bed alarms"]],
    ]);
    expect(tree.primaries[0]!.secondaries[0]!.changeIdeas.map((i) => i.title)).toEqual(["Handover huddle"]);
    expect(tree.unlinkedIdeas.map((i) => i.title)).toEqual(["Unlinked", "Orphan"]);
    expect(flattenDrivers(tree).map((d) => [d.text, d.depth])).toEqual([
      ["Culture", 1],
      ["Huddles", 2],
      ["Lighting", 2],
      ["Environment", 1],
    ]);
  });
  it("moves one place up or down, and not past the ends", () => {
    const siblings = [
      { id: "a", sortOrder: 1 },
      { id: "b", sortOrder: 2 },
      { id: "c", sortOrder: 3 },
    ];
    expect(reorderedSiblings(siblings, "b", "up")).toEqual(["b", "a", "c"]);
    expect(reorderedSiblings(siblings, "b", "down")).toEqual(["a", "c", "b"]);
    expect(reorderedSiblings(siblings, "a", "up")).toEqual(["a", "b", "c"]);
    expect(reorderedSiblings(siblings, "c", "down")).toEqual(["a", "b", "c"]);
  });
});

describe("status changes", () => {
  it("needs a different stage, and a reason to close", () => {
    expect(statusChangeProblem("TESTING", "TESTING", "")?.field).toBe("status");
    expect(statusChangeProblem("TESTING", "CLOSED", "  ")).toEqual({
      field: "reason",
      message: "Say why the project is closing",
    });
    expect(statusChangeProblem("TESTING", "CLOSED", "Funding ended")).toBeNull();
    expect(statusChangeProblem("CLOSED", "TESTING", "")).toBeNull();
    expect(statusChangeProblem("IDEA", "SUSTAINING", "")).toBeNull();
  });
});
