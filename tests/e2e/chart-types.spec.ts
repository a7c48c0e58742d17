// Issue 22: a rate measure with large denominators, switched by a member of staff from the XmR chart
// to Laney's U′ chart. The measure page names the chart, explains what "outside the limits" means on
// it, draws each month's own limits (the tooltip and the data table show them), and still fits a
// phone; the SVG download and the report (without JavaScript) draw the same type. Every page is
// axe-scanned (tests/e2e/fixtures.ts).
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const marker = randomUUID().slice(0, 8);
const measureName = `Inpatient falls ${marker}`;
// 18 months of falls per 1,000 occupied bed days on wards with 26,000 to 45,000 bed days a month: the
// months differ by more than chance, so a plain U chart would flag many of them.
const RATES = [5.0, 6.4, 3.8, 5.9, 4.1, 6.8, 3.5, 5.2, 6.1, 4.0, 5.5, 6.6, 3.9, 5.0, 4.4, 6.2, 4.8, 5.7];
const BED_DAYS = [
  30000, 42000, 26000, 38000, 31000, 45000, 28000, 33000, 40000, 27000, 35000, 44000, 29000, 32000, 30500, 41000, 34000,
  39000,
];
let projectId = "";
let measurePath = "";

/** Typing into a form before React has hydrated it can be lost on a busy machine: wait for the page to settle. */
async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
}

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    // A Wessex demo project, which the collaborative's staff may update.
    const { rows } = await client.query<{ id: string }>(
      `SELECT p.id FROM "Project" p JOIN "Collaborative" c ON c.id = p."collaborativeId"
        WHERE c.slug = 'wessex' AND p."archivedAt" IS NULL ORDER BY p.id LIMIT 1`,
    );
    projectId = rows[0]!.id;
    const measureId = `e2eptype${marker}`;
    await client.query(
      `INSERT INTO "Measure" (id, "projectId", name, kind, definition, unit, direction, period, "valueType", "rateMultiplier", "rebaseDates", "updatedAt")
       VALUES ($1, $2, $3, 'OUTCOME', 'Inpatient falls per 1,000 occupied bed days.', 'per 1,000 bed days', 'DECREASE', 'MONTH', 'RATE', 1000, '{}', now())`,
      [measureId, projectId, measureName],
    );
    for (const [i, rate] of RATES.entries()) {
      const falls = Math.round((rate * BED_DAYS[i]!) / 1000);
      await client.query(
        `INSERT INTO "MeasurePoint" (id, "measureId", "periodStart", value, numerator, denominator, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [
          `${measureId}p${i}`,
          measureId,
          new Date(Date.UTC(2024, i, 1)),
          (falls / BED_DAYS[i]!) * 1000,
          falls,
          BED_DAYS[i],
        ],
      );
    }
    measurePath = `/projects/${projectId}/measures/${measureId}`;
  } finally {
    await client.end();
  }
});

const chartOf = (page: Page, type: string) =>
  page.getByRole("img", { name: `${type} of ${measureName}. The description below the chart says what it shows.` });

test("staff switch a rate measure to U′: the chart names its type, draws each month's limits and fits a phone", async ({
  page,
}) => {
  test.slow(); // five page loads, each scanned with axe
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(measurePath);
  await expect(chartOf(page, "XmR chart").locator("svg.recharts-surface")).toBeVisible();

  await page.getByRole("link", { name: "Edit the measure" }).click();
  await hydrated(page);
  const choice = page.getByRole("group", { name: /Which chart to draw/ });
  // When each fits, and that the stored status stays XmR, are said beside the choice.
  await expect(choice.getByText("U′ when denominators are large and a U chart flags almost every point")).toBeVisible();
  await expect(choice.getByText(/always come from the XmR chart/)).toBeVisible();
  await expect(choice.getByRole("radio", { name: /^XmR chart/ })).toBeChecked();
  await choice.getByRole("radio", { name: /^U′ chart \(Laney\)/ }).check();
  await page.getByRole("button", { name: "Save the measure" }).click();
  await page.waitForURL((u) => u.pathname === measurePath);

  const chart = chartOf(page, "U′ chart (Laney)");
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  await expect(chart).toHaveAttribute("data-chart-type", "U_PRIME");
  await expect(page.getByTestId("chart-type-guidance")).toContainText(
    "Each period has its own process limits, worked out from its own denominator",
  );
  await expect(
    page.getByText("U′ chart (Laney) (status icons on dashboards still come from the XmR chart)"),
  ).toBeVisible();
  await expect(page.locator("figcaption").first()).toContainText(
    `U′ chart (Laney) of ${measureName} (per 1,000 bed days): 18 monthly points`,
  );

  // The tooltip gives the month's own limits.
  await chart.locator("circle.chart-point[data-index='2']").hover();
  await expect(chart.locator(".chart-tooltip")).toContainText(
    /This period’s limits: [\d.]+ per 1,000 bed days to [\d.]+ per 1,000 bed days/,
  );

  // The data table lists each month's limits: the quietest month (26,000 bed days) has the widest.
  await page.getByText("Show the data table").first().click();
  const table = page.getByRole("table", { name: `Data for ${measureName} (per 1,000 bed days)` });
  await expect(table.getByRole("columnheader", { name: "Centre" })).toBeVisible();
  const limitsOf = async (month: string) => {
    const cells = table.getByRole("row", { name: new RegExp(`^${month}`) }).getByRole("cell");
    // Value, numerator, denominator, centre, lower, upper, variation.
    return [Number(await cells.nth(4).textContent()), Number(await cells.nth(5).textContent())] as const;
  };
  const [quietLower, quietUpper] = await limitsOf("Mar 2024");
  const [busyLower, busyUpper] = await limitsOf("Jun 2024");
  expect(quietUpper - quietLower).toBeGreaterThan(busyUpper - busyLower);
  await expectAccessible(page);

  // At phone width the chart and its words fit; the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(chartOf(page, "U′ chart (Laney)").locator("svg.recharts-surface")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The SVG download draws the same chart, with stepped limits.
  const response = await page.request.get(`${measurePath}/chart.svg`);
  expect(response.status()).toBe(200);
  const svg = await response.text();
  expect(svg).toContain(`<title id="chart-title">U′ chart (Laney) of ${measureName} (per 1,000 bed days)</title>`);
  expect(svg).toContain('data-chart-type="U_PRIME"');
  expect(svg).toMatch(/<path[^>]*data-line="upper"[^>]*data-stepped=""/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the project report draws the measure as the same U′ chart", async ({ page }) => {
    await signIn(page, "staff.wessex@demo.nhs.uk");
    await page.goto(`/projects/${projectId}/report`);
    const section = page.locator("section.report-measure", { has: page.getByRole("heading", { name: measureName }) });
    await expect(section.getByText(", drawn as a U′ chart (Laney)")).toBeVisible();
    const chart = section.getByRole("img", { name: new RegExp(`^U′ chart \\(Laney\\) of ${measureName}`) });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute("data-chart-type", "U_PRIME");
    await expect(chart.locator('path[data-line="upper"][data-stepped]')).toHaveCount(1);
    // It fits a phone: the chart scrolls sideways inside its own region, the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(chart).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
