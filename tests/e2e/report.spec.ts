// The project report for a board: a public demo project's report opens signed out and draws every
// measure's chart on the server (no JavaScript), prints without the site's chrome, fits a phone; a
// private project's report is not found signed out; chart downloads (SVG without JavaScript, PNG with).
import pg from "pg";
import { test, expect, signIn } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";

type Demo = {
  publicId: string;
  publicTitle: string;
  charted: number;
  measureId: string;
  draftId: string;
  draftMeasureId: string;
  draftTitle: string;
};
let demo: Demo | undefined;

/** A public demo project with charted measures, and a draft one, straight from the e2e database. */
async function demoProjects(): Promise<Demo> {
  if (demo) return demo;
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const charted = `EXISTS (SELECT 1 FROM "MeasurePoint" mp WHERE mp."measureId" = m.id)`;
    const { rows } = await client.query<{ id: string; title: string; charted: number; measure: string }>(
      `SELECT p.id, p.title,
              (SELECT count(*) FROM "Measure" m WHERE m."projectId" = p.id AND ${charted})::int AS charted,
              (SELECT m.id FROM "Measure" m WHERE m."projectId" = p.id AND ${charted} ORDER BY m.id LIMIT 1) AS measure
         FROM "Project" p
        WHERE p.visibility = 'PUBLIC'
          AND EXISTS (SELECT 1 FROM "Measure" m WHERE m."projectId" = p.id AND ${charted})
          AND EXISTS (SELECT 1 FROM "PdsaCycle" c WHERE c."projectId" = p.id)
        ORDER BY p.id LIMIT 1`,
    );
    const draft = await client.query<{ id: string; measure: string; title: string }>(
      `SELECT p.id, p.title, m.id AS measure FROM "Project" p JOIN "Measure" m ON m."projectId" = p.id
        WHERE p.visibility = 'DRAFT' ORDER BY p.id, m.id LIMIT 1`,
    );
    const found = rows[0];
    if (!found || !draft.rows[0]) throw new Error("The demo data has no public project with charts, or no draft");
    demo = {
      publicId: found.id,
      publicTitle: found.title,
      charted: found.charted,
      measureId: found.measure,
      draftId: draft.rows[0].id,
      draftMeasureId: draft.rows[0].measure,
      draftTitle: draft.rows[0].title,
    };
    return demo;
  } finally {
    await client.end();
  }
}

test.describe("without JavaScript, signed out", () => {
  test.use({ javaScriptEnabled: false });

  test("a public project's report opens, with one server-drawn chart per measure, and prints without the site's chrome", async ({
    page,
  }) => {
    const d = await demoProjects();
    const response = await page.goto(`/projects/${d.publicId}/report`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(d.publicTitle);
    for (const heading of ["Aim", "Driver diagram", "Measures", "PDSA cycles", "What we learned"])
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expect(page.getByText(/^Report generated on /)).toBeVisible();
    // One SVG per charted measure, each with its text alternative; and nothing else drawn with SVG.
    const report = page.locator("article.report");
    await expect(report.locator("svg")).toHaveCount(d.charted);
    await expect(report.locator('svg[role="img"] > title')).toHaveCount(d.charted);
    await expect(page.getByRole("img", { name: /^(XmR|Run) chart of / }).first()).toBeVisible();
    await expect(page.getByRole("table", { name: /PDSA cycles/ })).toBeVisible();
    // No button that cannot work: the page says how to print.
    await expect(page.getByText(/use your browser’s Print/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Print this report" })).toHaveCount(0);

    const chrome = [
      page.locator('header[role="banner"]'),
      page.locator('nav[aria-label="Main"]'),
      page.locator('footer[role="contentinfo"]'),
    ];
    for (const part of chrome) await expect(part).toBeVisible();
    await page.emulateMedia({ media: "print" });
    for (const part of chrome) await expect(part).toBeHidden();
    await expect(page.getByText(/use your browser’s Print/)).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(report.locator("svg").first()).toBeVisible();
  });

  test("a private project's report, and its charts, are not found signed out", async ({ page }) => {
    const d = await demoProjects();
    // Asked over HTTP: Next 16 sends every page's not-found answer as a shell that needs JavaScript to show.
    const report = await page.request.get(`/projects/${d.draftId}/report`);
    expect(report.status()).toBe(404);
    expect(await report.text()).not.toContain(d.draftTitle);
    const chart = await page.request.get(`/projects/${d.draftId}/measures/${d.draftMeasureId}/chart.svg`);
    expect(chart.status()).toBe(404);
  });

  test("the chart downloads as an SVG attachment without JavaScript", async ({ page }) => {
    const d = await demoProjects();
    await page.goto(`/projects/${d.publicId}/measures/${d.measureId}`);
    const link = page.getByRole("link", { name: /^Download chart \(SVG\)/ });
    await expect(link).toBeVisible();
    // The PNG is made in the browser: not offered without JavaScript.
    await expect(page.getByRole("button", { name: /^Download chart \(PNG\)/ })).toHaveCount(0);
    const response = await page.request.get((await link.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9-]+-chart\.svg"$/);
    const svg = await response.text();
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/<title id="chart-title">(XmR|Run) chart of /);
  });
});

test("with JavaScript: the Print button prints, the report fits a phone, and the chart downloads as a PNG", async ({
  page,
}) => {
  const d = await demoProjects();
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(`/projects/${d.publicId}`);
  await page.getByRole("link", { name: "Print a report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(d.publicTitle);
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await page.getByRole("button", { name: "Print this report" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("button", { name: "Print this report" })).toBeVisible();
  // Nothing wider than the phone: charts scroll sideways inside their own focusable region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByRole("region", { name: /^Chart of / }).first()).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/projects/${d.publicId}/measures/${d.measureId}`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: /^Download chart \(PNG\)/ }).click();
  const png = await download;
  expect(png.suggestedFilename()).toMatch(/^[a-z0-9-]+-chart\.png$/);
  const bytes = await (await png.createReadStream()).toArray();
  const file = Buffer.concat(bytes as Buffer[]);
  // A PNG, drawn at twice the SVG's 760 px width.
  expect(file.subarray(1, 4).toString()).toBe("PNG");
  expect(file.readUInt32BE(16)).toBe(1520);
});
