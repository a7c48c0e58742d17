import { describe, expect, it } from "vitest";
import { filtersQuery, monthParam, parseDashboardFilters, periodMonths } from "@/lib/dashboard/filters";

const known = { areas: ["falls", "infections"], collaboratives: ["wessex", "oxford"] };
const now = new Date("2026-11-25T12:00:00Z");
const parse = (params: Record<string, string | string[] | undefined>, options: { fixedCollaborative?: string } = {}) =>
  parseDashboardFilters(params, known, { now, ...options });

describe("dashboard filters from the URL", () => {
  it("defaults to the 24 months up to this month, every area and collaborative, the projects map", () => {
    const { filters, notes } = parse({});
    expect([monthParam(filters.from), monthParam(filters.to)]).toEqual(["2024-12", "2026-11"]);
    expect(filters).toMatchObject({ area: null, collaborative: null, map: "projects" });
    expect(notes).toEqual([]);
    expect(periodMonths(filters)).toHaveLength(24);
  });

  it("reads a period, an area (national or local), a collaborative and a map metric", () => {
    const { filters, notes } = parse({
      from: "2025-03",
      to: "2025-08",
      area: "local",
      collaborative: "oxford",
      map: "concerns",
    });
    expect([monthParam(filters.from), monthParam(filters.to)]).toEqual(["2025-03", "2025-08"]);
    expect(filters).toMatchObject({ area: "local", collaborative: "oxford", map: "concerns" });
    expect(notes).toEqual([]);
    expect(filtersQuery(filters)).toBe("from=2025-03&to=2025-08&area=local&collaborative=oxford&map=concerns");
  });

  it("a period end alone gives the 24 months before it; a start alone runs to this month", () => {
    const end = parse({ to: "2025-06" }).filters;
    expect([monthParam(end.from), monthParam(end.to)]).toEqual(["2023-07", "2025-06"]);
    const start = parse({ from: "2026-01" }).filters;
    expect([monthParam(start.from), monthParam(start.to)]).toEqual(["2026-01", "2026-11"]);
  });

  it("ignores malformed and unknown values with a note for each, keeping the rest", () => {
    const { filters, notes } = parse({
      from: "2025-13",
      to: "last week",
      area: "bananas",
      collaborative: "<script>",
      map: "volcanoes",
    });
    expect(filters).toMatchObject({ area: null, collaborative: null, map: "projects" });
    expect([monthParam(filters.from), monthParam(filters.to)]).toEqual(["2024-12", "2026-11"]);
    expect(notes).toHaveLength(5);
    expect(notes.join(" ")).toContain("“bananas”");
    expect(notes.join(" ")).toContain("“2025-13”");
  });

  it("ignores a period that starts after it ends, or lies outside the programme's dates", () => {
    expect(parse({ from: "2026-05", to: "2026-01" }).notes).toEqual([
      "The period start is after its end, so the default period is shown.",
    ]);
    const old = parse({ from: "2010-01" });
    expect(monthParam(old.filters.from)).toBe("2024-12");
    expect(old.notes[0]).toContain("outside the programme’s dates");
  });

  it("uses the first of repeated values, and says so", () => {
    const { filters, notes } = parse({ area: ["falls", "infections"] });
    expect(filters.area).toBe("falls");
    expect(notes).toHaveLength(1);
  });

  it("keeps a collaborative's own dashboard on that collaborative whatever the URL says", () => {
    const { filters, notes } = parse({ collaborative: "oxford" }, { fixedCollaborative: "wessex" });
    expect(filters.collaborative).toBe("wessex");
    expect(notes).toHaveLength(1);
    expect(parse({ collaborative: "wessex" }, { fixedCollaborative: "wessex" }).notes).toEqual([]);
    expect(filtersQuery(filters, {}, { omitCollaborative: true })).not.toContain("collaborative");
  });

  it("reads URLSearchParams the same way (the CSV route)", () => {
    const { filters } = parseDashboardFilters(new URLSearchParams("from=2025-01&to=2025-02&area=falls"), known, {
      now,
    });
    expect([monthParam(filters.from), monthParam(filters.to), filters.area]).toEqual(["2025-01", "2025-02", "falls"]);
  });
});
