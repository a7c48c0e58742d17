// Charts people can use in a meeting (issue 15): a rate measure with a year of baseline before the
// change work started, notes on two values and a sustained shift after the change. The chart marks
// the notes (N1, N2) and lists them, shades and labels the baseline, shows the value first in the
// tooltip, draws every tick the server chose at 390 px, says what to do next, and no success message
// outlives the undo of what it announced. Every page is axe-scanned (tests/e2e/fixtures.ts).
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const marker = randomUUID().slice(0, 8);
const measureName = `Falls per 1,000 bed days ${marker}`;
// A year of baseline around 10, then a year around 6 once the change work started.
const VALUES = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 7];
const NOTES: Record<number, string> = {
  4: "Two agency nurses on nights all month.",
  13: "Falls huddle started at handover.",
};
let measurePath = "";
let projectStart = new Date();
const monthOf = (start: Date, offset: number) =>
  new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1));
const label = (d: Date) => d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

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
    // A Wessex demo project (staff of the collaborative may update it) that started at least 13 months ago.
    const { rows } = await client.query<{ id: string; startDate: Date }>(
      `SELECT p.id, p."startDate" FROM "Project" p JOIN "Collaborative" c ON c.id = p."collaborativeId"
        WHERE c.slug = 'wessex' AND p."startDate" <= now() - interval '13 months'
        ORDER BY p."startDate" DESC, p.id LIMIT 1`,
    );
    const project = rows[0]!;
    // The change work started on the 1st of a month: the 12 months before it are the baseline.
    projectStart = monthOf(project.startDate, 1);
    await client.query(`UPDATE "Project" SET "startDate" = $2 WHERE id = $1`, [project.id, projectStart]);
    const measureId = `e2echarts${marker}`;
    await client.query(
      `INSERT INTO "Measure" (id, "projectId", name, kind, definition, unit, direction, period, "valueType", "rateMultiplier", "rebaseDates", "updatedAt")
       VALUES ($1, $2, $3, 'OUTCOME', 'Inpatient falls per 1,000 occupied bed days.', 'per 1,000 bed days', 'DECREASE', 'MONTH', 'RATE', 1000, '{}', now())`,
      [measureId, project.id, measureName],
    );
    for (const [i, value] of VALUES.entries()) {
      await client.query(
        `INSERT INTO "MeasurePoint" (id, "measureId", "periodStart", value, numerator, denominator, note, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 1000, $6, now())`,
        [`${measureId}p${i}`, measureId, monthOf(projectStart, i - 12), value, value, NOTES[i] ?? ""],
      );
    }
    measurePath = `/projects/${project.id}/measures/${measureId}`;
  } finally {
    await client.end();
  }
});

const chartOf = (page: Page) =>
  page.getByRole("img", { name: `XmR chart of ${measureName}. The description below the chart says what it shows.` });

test("notes are marked on the chart and listed under it; the tooltip shows the value first", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(measurePath);
  const chart = chartOf(page);
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();

  // Two numbered markers on the chart, and the same numbers with their text in the list below it.
  await expect(chart.locator(".chart-note-marker")).toHaveCount(2);
  await expect(chart.locator(".chart-note-marker").first()).toContainText("N1");
  const notes = page.getByRole("list", { name: `Notes on the values of ${measureName}` });
  await expect(notes.getByRole("listitem")).toHaveText([
    `N1 (${label(monthOf(projectStart, -8))}): ${NOTES[4]}`,
    `N2 (${label(monthOf(projectStart, 1))}): ${NOTES[13]}`,
  ]);
  await expect(page.locator("figcaption").first()).toContainText("2 values have notes, listed below the chart.");

  // Hovering the point with note N2: value (with its unit) first, then numerator and denominator, period, variation, note.
  await chart.locator("circle.chart-point[data-index='13']").hover();
  const tooltip = chart.locator(".chart-tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator("p")).toHaveText([
    "5 per 1,000 bed days",
    "5 out of 1,000 (numerator / denominator)",
    label(monthOf(projectStart, 1)),
    "Special cause: improvement (shift)",
    `Note N2: ${NOTES[13]}`,
  ]);

  // The data table has every period, the notes and the baseline rows.
  await page.getByText("Show the data table").first().click();
  const table = page.getByRole("table", { name: `Data for ${measureName} (per 1,000 bed days)` });
  await expect(table.getByRole("row")).toHaveCount(VALUES.length + 1);
  await expect(table.getByRole("row", { name: new RegExp(label(monthOf(projectStart, -8))) })).toContainText(
    `N1: ${NOTES[4]}`,
  );
  await expect(table.getByRole("rowheader", { name: /\(baseline\)/ })).toHaveCount(12);
  await expectAccessible(page);
});

test("the baseline before the change work started is shaded, labelled and described", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(measurePath);
  const chart = chartOf(page);
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  await expect(chart.locator(".recharts-reference-area")).toHaveCount(1);
  await expect(chart.locator("svg.recharts-surface text", { hasText: /^Baseline$/ })).toHaveCount(1);
  const started = projectStart.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const span = `${label(monthOf(projectStart, -12))} to ${label(monthOf(projectStart, -1))}`;
  await expect(page.locator("figcaption").first()).toContainText(
    `Baseline: ${span} (12 points), before the change work started on ${started}.`,
  );
  await expect(page.getByText(`Shaded: the baseline, ${span}, before the change work started`)).toBeVisible();
  // The variation in plain English with what to do next.
  await expect(page.getByText("What to do next:")).toBeVisible();
  await expect(page.locator("figcaption").first()).toContainText(
    `consider recalculating the limits from ${label(projectStart)}`,
  );
});

test("at 390 px every tick label the server chose is drawn", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(measurePath);
  const chart = chartOf(page);
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  const expected = Number(await chart.getAttribute("data-ticks-narrow"));
  expect(expected).toBeGreaterThan(4);
  const ticks = chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(ticks).toHaveCount(expected);
  // Each label is drawn, with text, inside the chart.
  for (const tick of await ticks.all()) {
    await expect(tick).toBeVisible();
    expect((await tick.textContent())?.trim()).not.toBe("");
  }
  await expect(ticks.first()).toHaveText(label(monthOf(projectStart, -12)));
  await expect(
    page.getByText(/The axis labels every \d+(st|nd|rd|th) month; the data table lists every period\./),
  ).toBeVisible();
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("undoing a recalculation leaves no message saying the limits were recalculated", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(measurePath);
  await hydrated(page);
  const suggestion = page.getByTestId("rebase-suggestion");
  await expect(suggestion).toContainText(`consider recalculating the limits from ${label(projectStart)}`);

  await page.getByLabel("Recalculate the limits from").selectOption({ label: label(projectStart) });
  await page.getByRole("button", { name: "Recalculate the limits" }).click();
  const status = page.getByRole("status").filter({ hasText: "The limits have been recalculated" });
  await expect(status).toBeVisible();
  await expect(page.getByText(`Limits recalculated from ${label(projectStart)}`)).toBeVisible();
  await expect(suggestion).toHaveCount(0);

  await page.getByRole("button", { name: `Undo the recalculation from ${label(projectStart)}` }).click();
  await expect(page.getByText(`Limits recalculated from ${label(projectStart)}`)).toHaveCount(0);
  await expect(suggestion).toBeVisible();
  await expect(status).toHaveCount(0);
  await expectAccessible(page);
});
