// Issue 15's journey, as a new staff member does it, by clicking (only the sign-in page is typed in):
// sign in → home → a falls project from the template → 24 months of values pasted from a spreadsheet
// → the chart with its signals and the baseline marked → the report to print. At most 8 page loads,
// counted from the sign-in page. JavaScript on (the paste needs it), desktop width; every page is
// axe-scanned (tests/e2e/fixtures.ts: whole-document loads by the fixture, client-side ones here).
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, pasteInto } from "./fixtures";
import { formatMonth } from "@/lib/format";

test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 900 } });

const MAX_PAGE_LOADS = 8;
const MEASURE = "Inpatient falls per 1,000 occupied bed days";

/**
 * Every page the person sees, in order, as path and query: each new document in the main frame (typing
 * an address, a plain link, a reload) and each page Next.js renders in place at a new address (a link,
 * or a form's redirect). Next.js also rewrites the history entry of the address it is already at as it
 * starts (same document, same address): that shows nothing new, so it is not counted. Chromium's own
 * events (DevTools protocol) tell a new document from a change within one.
 */
async function countPageLoads(page: Page) {
  const loads: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  let mainFrame = "";
  let current = "";
  const record = (address: string, how: string) => {
    current = address;
    const url = new URL(address);
    loads.push(`${url.pathname}${url.search} (${how})`);
  };
  cdp.on("Page.frameNavigated", ({ frame }) => {
    if (frame.parentId) return;
    mainFrame = frame.id;
    record(frame.url, "new document");
  });
  cdp.on("Page.navigatedWithinDocument", ({ frameId, url }) => {
    if (frameId === mainFrame && url !== current) record(url, "rendered in place");
  });
  await cdp.send("Page.enable");
  return loads;
}

/** Dates as the portal stores periods: the first of the month, UTC. */
const monthsAgo = (n: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
};

test("a new staff member signs in, starts a falls project from the template, pastes 24 months and prints the report in at most 8 page loads", async ({
  page,
}) => {
  // 24 months up to last month; the change work started 12 months ago, so the first 12 are the baseline.
  const months = Array.from({ length: 24 }, (_, i) => monthsAgo(24 - i));
  const started = monthsAgo(12);
  const label = (i: number) => formatMonth(months[i]!);
  // Falls on a ward of about 900 occupied bed days a month: about 10 per 1,000 for 16 months, then
  // about 5 per 1,000 for the last 8, a sustained fall that the chart must call an improvement.
  const falls = [9, 10, 8, 9, 11, 9, 10, 8, 9, 10, 9, 11, 10, 9, 8, 10, 5, 4, 5, 4, 3, 5, 4, 4];
  const bedDays = [900, 910, 880, 905, 920, 890, 900, 915, 885, 900, 910, 895];
  const pasted = months
    .map((m, i) => `${m.toISOString().slice(0, 7)}\t${falls[i]}\t${bedDays[i % bedDays.length]}`)
    .join("\r\n");
  const title = `Fewer falls on Beech Ward ${randomUUID().slice(0, 8)}`;

  const loads = await countPageLoads(page);

  // 1. The sign-in page, without a callbackUrl: signing in lands on the home (2).
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("staff.wessex@demo.nhs.uk");
  await page.getByLabel("Password", { exact: true }).fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Your home");
  await expectAccessible(page);

  // 3. The template's short form, straight from the home.
  await page.getByRole("link", { name: "Reducing inpatient falls with harm" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Start a project: Reducing inpatient falls with harm",
  );
  await expectAccessible(page);
  await page.getByLabel("Project title").fill(title);
  const start = page.getByRole("group", { name: "When did (or will) the change work start?" });
  await start.getByLabel("Day").fill("1");
  await start.getByLabel("Month").fill(String(started.getUTCMonth() + 1));
  await start.getByLabel("Year").fill(String(started.getUTCFullYear()));
  await page.getByRole("button", { name: "Create project" }).click();

  // 4. The new project, with the template's measures.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status")).toContainText("Project created from the template");
  await expectAccessible(page);

  // 5. The values grid for the falls rate, from the project page.
  await page.getByRole("link", { name: `Enter values for ${MEASURE}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Enter values: ${MEASURE}`);
  await page.waitForLoadState("networkidle"); // the grid's paste handler is attached once it hydrates
  await expectAccessible(page);
  // As a spreadsheet copies three columns: month, numerator (falls) and denominator (occupied bed days).
  await pasteInto(page.getByLabel(/^Numerator for /).first(), pasted);
  await expect(page.getByRole("status").filter({ hasText: "Pasted 24 rows" })).toBeVisible();
  await expect(page.getByLabel(`Numerator for ${label(0)}`)).toHaveValue("9");
  await expect(page.getByLabel(`Denominator for ${label(23)}`)).toHaveValue(String(bedDays[23 % bedDays.length]));
  await page.getByRole("button", { name: "Save values" }).click();

  // 6. The measure page: the values saved, and the chart's signals in words.
  await expect(page.getByText("24 values saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MEASURE);
  const caption = page.locator("figcaption").filter({ hasText: "What the chart shows:" }).first();
  await expect(caption).toContainText(`24 monthly points from ${label(0)} to ${label(23)}`);
  // One set of limits over the whole series: the months before the fall sit above the mean (a concern,
  // as Making Data Count draws a step change) and the last 8 below it (the improvement).
  await expect(caption).toContainText(
    `Shift: 16 points in a row above the mean, ${label(0)} to ${label(15)} (concern).`,
  );
  await expect(caption).toContainText(
    `Shift: 8 points in a row below the mean, ${label(16)} to ${label(23)} (improvement).`,
  );
  // The variation icon's words: the latest points are an improvement.
  await expect(page.getByRole("listitem").filter({ hasText: "Variation: Improvement (low)" })).toContainText(
    "Special cause variation of an improving nature",
  );
  // The data table behind the chart says the same, point by point.
  await page.getByText(`Show the data table for ${MEASURE}`).click();
  const data = page.getByRole("table", { name: `Data for ${MEASURE}` });
  await expect(data.getByRole("row", { name: new RegExp(`^${label(23)}`) })).toContainText(
    "Special cause: improvement",
  );
  await expect(data.getByRole("row", { name: new RegExp(`^${label(0)}`) })).toContainText("Special cause: concern");
  await expectBaselineMarked(page, data, label);
  await expectAccessible(page);

  // 7. Back to the project, and 8. its report.
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Print a report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const report = page.locator("article.report");
  // One chart drawn on the server per measure with values: the falls rate, the template's others are empty.
  await expect(report.locator("svg")).toHaveCount(1);
  await expect(page.getByRole("img", { name: new RegExp(`^XmR chart of ${MEASURE}`) })).toBeVisible();
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await page.getByRole("button", { name: "Print this report" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");
  await expectAccessible(page);

  expect(
    loads.length,
    `at most ${MAX_PAGE_LOADS} page loads from the sign-in page to the report; there were ${loads.length}:\n${loads.join("\n")}`,
  ).toBeLessThanOrEqual(MAX_PAGE_LOADS);
});

/** The baseline, marked in words beside the chart (the shading's description) and in the data table. */
async function expectBaselineMarked(page: Page, data: ReturnType<Page["getByRole"]>, label: (i: number) => string) {
  await expect(page.locator("figcaption").filter({ hasText: "What the chart shows:" }).first()).toContainText(
    `Baseline: ${label(0)} to ${label(11)} (12 points), before the change work started on`,
  );
  await expect(page.getByText(`Shaded: the baseline, ${label(0)} to ${label(11)}`).first()).toBeVisible();
  await expect(data.getByRole("row", { name: new RegExp(`^${label(11)}\\s*\\(baseline\\)`) })).toBeVisible();
  await expect(data.getByRole("row", { name: new RegExp(`^${label(12)}`) })).not.toContainText("(baseline)");
}
