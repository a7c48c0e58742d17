// Every CSV the portal sends, from its real route handler, with hostile text in every field people
// type: no cell may start a spreadsheet formula. The routes are found from app/ (any route.ts that
// reaches lib/csv.ts), so a new CSV export fails this test until it is in ROUTES below.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/viewer", async () => (await import("@/tests/fixtures/request-context")).viewerModule);
vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);

import { db } from "@/lib/db";
import { CSV_PANELS } from "@/lib/dashboard/exports";
import { refreshDashboardSummaries } from "@/lib/dashboard/summaries";
import { refreshMeasureSpc } from "@/lib/measures/spc-status";
import type { Viewer } from "@/lib/auth/viewer-types";
import { asViewer } from "@/tests/fixtures/request-context";
import { collaborative, createUser } from "@/tests/fixtures/factories";

const ROOT = process.cwd();
const HOSTILE = {
  measure: '=HYPERLINK("http://x","y")',
  project: "+cmd|' /C calc'!A0",
  unit: "@SUM(1)",
  learning: "=1+2 learning",
  tabNote: "\t=cmd",
  crNote: "\r-1+2",
  fullWidth: "＝1+2",
};
const FORMULA_CELL = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

type Seeded = { national: Viewer; lead: Viewer; staff: Viewer; slug: string; projectId: string; measureId: string };
type Call = { url: string; params: Record<string, string>; viewer: Viewer; expect: string[] };

/**
 * Routes that import the writer's module through a shared data module but answer with something else,
 * each with what it answers: a new CSV route cannot hide here without saying so.
 */
const NOT_CSV: Record<string, string> = {
  "app/(portal)/projects/[id]/measures/[measureId]/chart.svg/route.ts":
    "an SVG chart: it reads the measure through lib/measures/queries.ts, which also builds the measure's CSV template",
};

/** Each CSV route and the requests that cover it, with the hostile text each answer must carry (escaped). */
const ROUTES: Record<string, (s: Seeded) => Call[]> = {
  "app/api/national/[panel]/route.ts": (s) =>
    CSV_PANELS.map((panel) => ({
      url: `http://localhost/api/national/${panel}?from=2024-01&to=2025-12`,
      params: { panel },
      viewer: s.national,
      expect:
        panel === "improvement"
          ? [HOSTILE.measure, HOSTILE.project, HOSTILE.unit]
          : panel === "spread-ideas"
            ? [HOSTILE.learning]
            : [],
    })),
  "app/api/collaboratives/[slug]/dashboard/[panel]/route.ts": (s) =>
    CSV_PANELS.map((panel) => ({
      url: `http://localhost/api/collaboratives/${s.slug}/dashboard/${panel}?from=2024-01&to=2025-12`,
      params: { slug: s.slug, panel },
      viewer: s.lead,
      expect: panel === "improvement" ? [HOSTILE.measure, HOSTILE.project, HOSTILE.unit] : [],
    })),
  "app/api/projects/[id]/measures/csv/route.ts": (s) => [
    {
      url: `http://localhost/api/projects/${s.projectId}/measures/csv`,
      params: { id: s.projectId },
      viewer: s.staff,
      expect: [HOSTILE.measure, HOSTILE.unit, HOSTILE.tabNote, HOSTILE.crNote, HOSTILE.fullWidth],
    },
  ],
  "app/api/projects/[id]/measures/[measureId]/csv/route.ts": (s) => [
    {
      url: `http://localhost/api/projects/${s.projectId}/measures/${s.measureId}/csv`,
      params: { id: s.projectId, measureId: s.measureId },
      viewer: s.staff,
      expect: [HOSTILE.measure, HOSTILE.unit, HOSTILE.tabNote],
    },
  ],
  // The import's template: the measure's own notes come back in it, so they are escaped too.
  "app/api/projects/[id]/measures/[measureId]/csv/template/route.ts": (s) => [
    {
      url: `http://localhost/api/projects/${s.projectId}/measures/${s.measureId}/csv/template`,
      params: { id: s.projectId, measureId: s.measureId },
      viewer: s.staff,
      expect: [HOSTILE.tabNote, HOSTILE.crNote, HOSTILE.fullWidth],
    },
  ],
};

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) return [];
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path) ? [path] : [];
  });
}

/** The repository's own modules a file imports (static and dynamic), resolved to paths. */
function localImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/")
      ? join(ROOT, specifier.slice(2))
      : specifier.startsWith(".")
        ? join(dirname(file), specifier)
        : null;
    if (!base) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) =>
      statSync(p, { throwIfNoEntry: false })?.isFile(),
    );
    return found ? [found] : [];
  });
}

function reaches(file: string, target: string, seen = new Set<string>()): boolean {
  if (file === target) return true;
  if (seen.has(file)) return false;
  seen.add(file);
  return localImports(file).some((next) => reaches(next, target, seen));
}

let seeded: Seeded;

beforeAll(async () => {
  const [home, other] = await Promise.all([collaborative("south-west"), collaborative("eastern")]);
  const [national, lead, staff] = await Promise.all([
    createUser({ globalRole: "NATIONAL" }),
    createUser({ memberships: { "south-west": "LEAD" } }),
    createUser({ memberships: { "south-west": "STAFF" } }),
  ]);
  const falls = await db.priorityArea.findFirstOrThrow({ where: { kind: "NATIONAL", slug: "falls" } });
  const project = await db.project.create({
    data: {
      collaborativeId: home.id,
      title: HOSTILE.project,
      status: "TESTING",
      // Shared, so its measure reaches the dashboard CSVs (a draft counts in none).
      visibility: "PORTAL",
      startDate: new Date("2024-01-01T00:00:00Z"),
      createdById: staff.user.id,
      priorities: { create: [{ priorityAreaId: falls.id }] },
    },
  });
  // Falling from 10 to 2: special-cause improvement, so the measure is listed in the improvement CSV.
  const months = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2024, i, 1)));
  const notes = [HOSTILE.tabNote, HOSTILE.crNote, HOSTILE.fullWidth, "-5", "@home"];
  const measure = await db.measure.create({
    data: {
      projectId: project.id,
      name: HOSTILE.measure,
      unit: HOSTILE.unit,
      kind: "OUTCOME",
      direction: "DECREASE",
      valueType: "NUMBER",
      points: {
        create: months.map((periodStart, i) => ({
          periodStart,
          value: i < 6 ? 10 : i === 12 ? -1 : 2,
          note: notes[i] ?? "",
        })),
      },
    },
  });
  await refreshMeasureSpc(db, measure.id);
  const item = await db.learningItem.create({
    data: {
      slug: `csv-hostile-${measure.id}`,
      type: "CHANGE_IDEA",
      title: HOSTILE.learning,
      status: "PUBLISHED",
      collaborativeId: home.id,
      authorId: staff.user.id,
      publishedAt: new Date("2024-02-01T00:00:00Z"),
      priorities: { create: [{ priorityAreaId: falls.id }] },
    },
  });
  await db.adoption.create({
    data: {
      learningItemId: item.id,
      collaborativeId: other.id,
      status: "ADOPTED",
      recordedById: staff.user.id,
      createdAt: new Date("2024-03-01T00:00:00Z"),
    },
  });
  await refreshDashboardSummaries({ force: true });
  seeded = {
    national: national.viewer,
    lead: lead.viewer,
    staff: staff.viewer,
    slug: home.slug,
    projectId: project.id,
    measureId: measure.id,
  };
}, 60_000);

describe("CSV exports", () => {
  it("every route that writes CSV is in this test's table, and only lib/csv.ts writes CSV", () => {
    const writer = join(ROOT, "lib/csv.ts");
    const routes = filesUnder(join(ROOT, "app"), (p) => p.endsWith("/route.ts"));
    const csvRoutes = routes.filter((route) => reaches(route, writer)).map((p) => relative(ROOT, p));
    expect(csvRoutes.sort()).toEqual([...Object.keys(ROUTES), ...Object.keys(NOT_CSV)].sort());
    // A CSV built anywhere else would bypass the writer's formula rule.
    const elsewhere = filesUnder(join(ROOT, "app"), (p) => /\.tsx?$/.test(p))
      .concat(filesUnder(join(ROOT, "lib"), (p) => /\.tsx?$/.test(p)))
      .filter((p) => p !== writer && /text\/csv|\bunparse\s*\(/.test(readFileSync(p, "utf8")))
      .map((p) => relative(ROOT, p));
    expect(elsewhere).toEqual([]);
  });

  for (const [route, calls] of Object.entries(ROUTES)) {
    it(`${route}: no cell starts a formula, hostile text is kept behind an apostrophe`, async () => {
      const { GET } = (await import(/* @vite-ignore */ join(ROOT, route))) as {
        GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      for (const call of calls(seeded)) {
        asViewer(call.viewer);
        const response = await GET(new Request(call.url), { params: Promise.resolve(call.params) });
        expect(response.status, call.url).toBe(200);
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        const cells = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), {
          skipEmptyLines: true,
        }).data.flat();
        const formulas = cells.filter((cell) => FORMULA_CELL.test(cell) && !NUMBER.test(cell));
        expect(formulas, call.url).toEqual([]);
        for (const text of call.expect)
          expect(cells, `${call.url} carries ${JSON.stringify(text)}`).toContain(`'${text}`);
      }
    });
  }

  it("keeps numbers numbers: a negative value is written as it is", async () => {
    const { GET } = await import("@/app/api/projects/[id]/measures/[measureId]/csv/route");
    asViewer(seeded.staff);
    const response = await GET(new Request("http://localhost/"), {
      params: Promise.resolve({ id: seeded.projectId, measureId: seeded.measureId }),
    });
    const rows = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.at(-1)).toMatchObject({ value: "-1", period_start: "2025-01-01" });
    expect(rows.map((r) => r.note)).toContain("-5");
    expect(rows.map((r) => r.note)).toContain("'@home");
  });
});
