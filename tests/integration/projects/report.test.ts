// The project report and the chart download on a real database: `project.read` decides both, so a
// private project's report and charts are refused to another collaborative's staff and to someone
// signed out, while a public project's open to everyone.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/viewer", async () => (await import("@/tests/fixtures/request-context")).viewerModule);
vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);

import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getProjectReport } from "@/lib/projects/report";
import type { Viewer } from "@/lib/auth/viewer-types";
import { GET as chartSvg } from "@/app/(portal)/projects/[id]/measures/[measureId]/chart.svg/route";
import { asViewer } from "@/tests/fixtures/request-context";
import { createCast, type Cast } from "@/tests/fixtures/factories";
import { insertProject, utc } from "@/tests/fixtures/projects";

const VALUES = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 7];
let cast: Cast;
const projects: Record<"DRAFT" | "PORTAL" | "PUBLIC", { id: string; measureId: string; title: string }> = {} as never;

/** A project of A's with one measure: 6 baseline months before its start, then 18 after. */
async function projectWith(visibility: "DRAFT" | "PORTAL" | "PUBLIC") {
  const title = `Report ${visibility} ${Math.random().toString(36).slice(2, 8)}`;
  const project = await insertProject({
    collaborativeId: cast.collaborativeA.id,
    createdById: cast.viewers.staffA.userId!,
    visibility,
    title,
    startDate: utc("2023-07-01"),
  });
  const measure = await db.measure.create({
    data: {
      projectId: project.id,
      name: `Falls with harm ${visibility}`,
      kind: "OUTCOME",
      definition: "Falls with harm",
      unit: "per 1,000 bed days",
      direction: "DECREASE",
      target: 8,
    },
  });
  await db.measurePoint.createMany({
    data: VALUES.map((value, i) => ({ measureId: measure.id, periodStart: new Date(Date.UTC(2023, i, 1)), value })),
  });
  return { id: project.id, measureId: measure.id, title };
}

async function download(viewer: Viewer, projectId: string, measureId: string) {
  asViewer(viewer);
  const response = await chartSvg(
    new Request(`http://localhost/projects/${projectId}/measures/${measureId}/chart.svg`),
    {
      params: Promise.resolve({ id: projectId, measureId }),
    },
  );
  return { response, body: await response.text() };
}

beforeAll(async () => {
  cast = await createCast();
  for (const visibility of ["DRAFT", "PORTAL", "PUBLIC"] as const) projects[visibility] = await projectWith(visibility);
});

describe("project report", () => {
  it("gives the project's team everything the printed page shows, with one line per measure", async () => {
    const report = await getProjectReport(cast.viewers.staffA, projects.DRAFT.id);
    expect(report.title).toBe(projects.DRAFT.title);
    expect(report.generatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(report.measures).toHaveLength(1);
    const [m] = report.measures;
    expect(m!.chartKind).toBe("xmr");
    expect(m!.chart.pointCount).toBe(24);
    expect(m!.headline).toBe(
      "Latest value 7 per 1,000 bed days (Dec 2024); special cause variation of an improving nature where the measure is significantly lower; the system may achieve or fail the target subject to random variation.",
    );
  });

  it("refuses a private project's report to another collaborative's staff and to someone signed out", async () => {
    for (const viewer of [cast.viewers.staffB, cast.viewers.leadB, cast.viewers.anonymous])
      await expect(getProjectReport(viewer, projects.DRAFT.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProjectReport(cast.viewers.anonymous, projects.PORTAL.id)).rejects.toBeInstanceOf(NotFoundError);
    // Portal projects are for staff everywhere; public ones for anyone.
    expect((await getProjectReport(cast.viewers.staffB, projects.PORTAL.id)).title).toBe(projects.PORTAL.title);
    expect((await getProjectReport(cast.viewers.anonymous, projects.PUBLIC.id)).title).toBe(projects.PUBLIC.title);
  });

  it("draws a short series as a run chart", async () => {
    const short = await projectWith("DRAFT");
    await db.measurePoint.deleteMany({
      where: { measureId: short.measureId, periodStart: { gte: utc("2023-09-01") } },
    });
    const report = await getProjectReport(cast.viewers.staffA, short.id);
    expect(report.measures[0]!.chartKind).toBe("run");
    expect(report.measures[0]!.headline).toBe(
      "Latest value 11 per 1,000 bed days (Aug 2023); no signal yet (run chart).",
    );
  });
});

describe("chart download (SVG)", () => {
  it("sends the chart as an SVG attachment, baseline shaded, to someone who may read the project", async () => {
    const { response, body } = await download(cast.viewers.staffA, projects.DRAFT.id, projects.DRAFT.measureId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="falls-with-harm-draft-chart.svg"');
    expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(body).toContain('<title id="chart-title">XmR chart of Falls with harm DRAFT (per 1,000 bed days)</title>');
    expect(body).toContain('data-baseline="6"');
    // The 24 points (the key's swatches sit above their labels, at a negative y).
    expect(body.match(/<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+"><\/circle>/g)).toHaveLength(24);

    const open = await download(cast.viewers.anonymous, projects.PUBLIC.id, projects.PUBLIC.measureId);
    expect(open.response.status).toBe(200);
  });

  it("is not found for a private project's measure, asked by another collaborative or signed out, or under another project", async () => {
    for (const viewer of [cast.viewers.staffB, cast.viewers.anonymous]) {
      const { response, body } = await download(viewer, projects.DRAFT.id, projects.DRAFT.measureId);
      expect(response.status).toBe(404);
      expect(body).not.toContain("Falls with harm");
    }
    // A readable project's address with a private measure's id.
    const mixed = await download(cast.viewers.anonymous, projects.PUBLIC.id, projects.DRAFT.measureId);
    expect(mixed.response.status).toBe(404);
    expect((await download(cast.viewers.staffA, "not an id", projects.DRAFT.measureId)).response.status).toBe(404);
  });
});
