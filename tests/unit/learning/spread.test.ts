import { describe, expect, it } from "vitest";
import { buildSpread, type SpreadAdoptionInput } from "@/lib/adoptions/spread";
import { canMoveAdoption, nextAdoptionStatuses } from "@/lib/adoptions/status";

const adoption = (overrides: Partial<SpreadAdoptionInput>): SpreadAdoptionInput => ({
  id: Math.random().toString(36),
  status: "TESTING",
  notAdoptedReason: null,
  createdAt: new Date("2025-02-01T00:00:00Z"),
  collaborativeSlug: "oxford",
  collaborativeName: "Oxford",
  organisationId: null,
  organisationName: null,
  hasMeasure: false,
  showsImprovement: false,
  changes: [],
  ...overrides,
});

describe("buildSpread", () => {
  it("counts adopting collaboratives and organisations, leaving out teams that decided not to", () => {
    const spread = buildSpread({
      publishedAt: new Date("2025-01-01T00:00:00Z"),
      originSlug: "wessex",
      adoptions: [
        adoption({ organisationId: "o1", collaborativeSlug: "oxford" }),
        adoption({ organisationId: "o1", collaborativeSlug: "oxford" }),
        adoption({ organisationId: "o2", collaborativeSlug: "eastern" }),
        adoption({
          organisationId: "o3",
          collaborativeSlug: "south-london",
          status: "NOT_ADOPTED",
          notAdoptedReason: "No staff",
        }),
      ],
    });
    expect(spread.collaborativeCount).toBe(2);
    expect(spread.organisationCount).toBe(2);
    expect(spread.adoptingCount).toBe(3);
    expect(spread.notAdoptedCount).toBe(1);
    expect(spread.regionValues).toEqual({ oxford: 2, eastern: 1 });
  });

  it("measures the time from publication to the first adoption recorded", () => {
    const spread = buildSpread({
      publishedAt: new Date("2025-01-01T12:00:00Z"),
      originSlug: "wessex",
      adoptions: [
        adoption({ createdAt: new Date("2025-03-01T00:00:00Z") }),
        adoption({ createdAt: new Date("2025-01-31T13:00:00Z") }),
      ],
    });
    expect(spread.daysToFirstAdoption).toBe(30);
    expect(spread.firstAdoptionAt).toEqual(new Date("2025-01-31T13:00:00Z"));
    expect(buildSpread({ publishedAt: new Date(), originSlug: null, adoptions: [] }).daysToFirstAdoption).toBeNull();
  });

  it("counts adopters improving on their own measures among those who linked one", () => {
    const spread = buildSpread({
      publishedAt: new Date("2025-01-01"),
      originSlug: "wessex",
      adoptions: [
        adoption({ hasMeasure: true, showsImprovement: true }),
        adoption({ hasMeasure: true }),
        adoption({}),
        adoption({ hasMeasure: true, showsImprovement: true, status: "NOT_ADOPTED" }),
      ],
    });
    expect(spread.adoptersWithMeasures).toBe(2);
    expect(spread.adoptersShowingImprovement).toBe(1);
  });

  it("orders the timeline from publication on", () => {
    const spread = buildSpread({
      publishedAt: new Date("2025-01-01"),
      originSlug: "wessex",
      adoptions: [
        adoption({
          changes: [
            { fromStatus: null, toStatus: "CONSIDERING", reason: "", changedAt: new Date("2025-02-01") },
            { fromStatus: "CONSIDERING", toStatus: "ADOPTED", reason: "", changedAt: new Date("2025-05-01") },
          ],
        }),
        adoption({
          collaborativeName: "Eastern",
          changes: [{ fromStatus: null, toStatus: "TESTING", reason: "", changedAt: new Date("2025-03-01") }],
        }),
      ],
    });
    expect(spread.timeline.map((e) => [e.kind, e.toStatus])).toEqual([
      ["published", null],
      ["status", "CONSIDERING"],
      ["status", "TESTING"],
      ["status", "ADOPTED"],
    ]);
  });
});

describe("adoption status moves", () => {
  it("goes forward, or to not adopted, and a team that stopped can think again", () => {
    expect(canMoveAdoption("CONSIDERING", "TESTING")).toBe(true);
    expect(canMoveAdoption("TESTING", "ADOPTED")).toBe(true);
    expect(canMoveAdoption("ADOPTED", "SUSTAINED")).toBe(true);
    expect(canMoveAdoption("SUSTAINED", "NOT_ADOPTED")).toBe(true);
    expect(canMoveAdoption("NOT_ADOPTED", "CONSIDERING")).toBe(true);
    expect(canMoveAdoption("CONSIDERING", "SUSTAINED")).toBe(false);
    expect(canMoveAdoption("ADOPTED", "TESTING")).toBe(false);
    expect(nextAdoptionStatuses("SUSTAINED")).toEqual(["NOT_ADOPTED"]);
  });
});
