// The values grid (issue 15): without JavaScript, three values in one submit (a bad cell first, which
// saves nothing and keeps what was typed); with JavaScript, 24 months pasted from a spreadsheet and
// saved in one submit, in two page loads from the project page, usable on a 390 px phone.
// Every page is axe-scanned (tests/e2e/fixtures.ts), and again after client-side changes.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { test, expect, expectAccessible, pasteInto, signIn } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";
import { formatPeriod } from "@/lib/measures/periods";

const STAFF = "staff.wessex@demo.nhs.uk";
const marker = randomUUID().slice(0, 8);
const projectId = `grid-e2e-${marker}`;
const typedMeasure = `Falls on Oak Ward ${marker}`;
const pastedMeasure = `Falls on Elm Ward ${marker}`;
const earlierMeasure = `Falls on Ash Ward ${marker}`;
const earlierJsMeasure = `Falls on Yew Ward ${marker}`;
const measureIds = {
  typed: `${projectId}-typed`,
  pasted: `${projectId}-pasted`,
  earlier: `${projectId}-earlier`,
  earlierJs: `${projectId}-earlier-js`,
};

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const user = (
      await client.query<{ id: string; collaborativeId: string }>(
        `SELECT u.id, m."collaborativeId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = $1`,
        [STAFF],
      )
    ).rows[0]!;
    // The change work starts in June 2026: every value below is baseline from before it.
    await client.query(
      `INSERT INTO "Project" (id, "collaborativeId", title, "startDate", "createdById", "updatedAt") VALUES ($1, $2, $3, '2026-06-01', $4, now())`,
      [projectId, user.collaborativeId, `Values grid ${marker}`, user.id],
    );
    for (const [id, name] of [
      [measureIds.typed, typedMeasure],
      [measureIds.pasted, pastedMeasure],
      [measureIds.earlier, earlierMeasure],
      [measureIds.earlierJs, earlierJsMeasure],
    ])
      await client.query(
        `INSERT INTO "Measure" (id, "projectId", name, kind, definition, period, direction, "updatedAt") VALUES ($1, $2, $3, 'OUTCOME', 'Falls reported on the ward.', 'MONTH', 'DECREASE', now())`,
        [id, projectId, name],
      );
  } finally {
    await client.end();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("three values in one submit; a bad cell saves nothing and keeps everything typed", async ({ page }) => {
    test.slow(); // every page load is scanned with axe
    await signIn(page, STAFF);
    await page.goto(`/projects/${projectId}/measures/${measureIds.typed}/values`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Enter values: ${typedMeasure}`);
    await page.getByRole("button", { name: /^Show earlier periods/ }).click();
    await page.getByLabel("Value for Jan 2026").fill("4");
    await page.getByLabel("Value for Feb 2026").fill("five");
    await page.getByLabel("Value for Mar 2026").fill("6");
    await page.getByLabel("Note for Mar 2026").fill("New mattresses");
    await page.getByRole("button", { name: "Save values" }).click();

    const summary = page.getByRole("alert", { name: "There is a problem" });
    const message = "Value for Feb 2026 must be a number, like 12 or 3.5 (not “five”)";
    await expect(summary.getByRole("link", { name: message })).toHaveCount(1);
    await expect(page.locator("td p", { hasText: message })).toHaveCount(1); // and beside the cell
    await expect(page.getByLabel("Value for Jan 2026")).toHaveValue("4");
    await expect(page.getByLabel("Value for Feb 2026")).toHaveValue("five");
    await expect(page.getByLabel("Note for Mar 2026")).toHaveValue("New mattresses");

    await page.getByLabel("Value for Feb 2026").fill("5");
    await page.getByRole("button", { name: "Save values" }).click();
    await expect(page).toHaveURL(new RegExp(`/measures/${measureIds.typed}\\?entered=3$`));
    await expect(page.getByText("3 values saved.")).toBeVisible();
    const values = page.getByRole("region", { name: `Values of ${typedMeasure}` });
    await expect(values.getByRole("row")).toHaveCount(4);
    await expect(values.getByRole("row", { name: /Mar 2026/ })).toContainText("New mattresses");
  });
});

/** The label of the month `back` months before the current one (the e2e server runs on this machine's clock). */
const monthLabel = (back: number) => {
  const now = new Date();
  return formatPeriod(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)), "MONTH");
};
const currentMonth = () => monthLabel(0);

test.describe("showing earlier periods without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("keeps what was typed, adds the earlier rows and saves nothing until 'Save values'", async ({ page }) => {
    test.slow();
    await signIn(page, STAFF);
    await page.goto(`/projects/${projectId}/measures/${measureIds.earlier}/values`);
    await page.getByLabel(`Value for ${currentMonth()}`).fill("3");
    await page.getByLabel(`Note for ${currentMonth()}`).fill("Typed before asking for earlier months");
    await page.getByRole("button", { name: /^Show earlier periods/ }).click();
    await expect(page.getByLabel(`Value for ${currentMonth()}`)).toHaveValue("3");
    await expect(page.getByLabel(`Note for ${currentMonth()}`)).toHaveValue("Typed before asking for earlier months");
    await expect(page.getByRole("status")).toContainText("Added 12 earlier periods");
    await page.getByLabel(`Value for ${monthLabel(12)}`).fill("4");
    // A second time: both typed values stay.
    await page.getByRole("button", { name: /^Show earlier periods/ }).click();
    await expect(page.getByLabel(`Value for ${monthLabel(24)}`)).toHaveValue("");
    await expect(page.getByLabel(`Value for ${monthLabel(12)}`)).toHaveValue("4");
    await expect(page.getByLabel(`Value for ${currentMonth()}`)).toHaveValue("3");
    await page.getByRole("button", { name: "Save values" }).click();
    await expect(page.getByText("2 values saved.")).toBeVisible();
  });
});

test("with JavaScript, 'Show earlier periods' keeps typed and pasted cells, without a page load", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto(`/projects/${projectId}/measures/${measureIds.earlierJs}/values`);
  await page.waitForLoadState("networkidle");
  let pageLoads = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) pageLoads++;
  });
  await page.getByLabel(`Value for ${currentMonth()}`).fill("8");
  // Pasted: a month the grid did not show yet, which adds its row.
  await pasteInto(page.getByLabel(`Note for ${currentMonth()}`), `${monthLabel(2)}\t6\tPasted`);
  await expect(page.getByLabel(`Value for ${monthLabel(2)}`)).toHaveValue("6");
  await page.getByRole("button", { name: /^Show earlier periods/ }).click();
  await expect(page.getByLabel(`Value for ${monthLabel(14)}`)).toHaveValue("");
  await expect(page.getByLabel(`Value for ${currentMonth()}`)).toHaveValue("8");
  await expect(page.getByLabel(`Value for ${monthLabel(2)}`)).toHaveValue("6");
  await expect(page.getByLabel(`Note for ${monthLabel(2)}`)).toHaveValue("Pasted");
  await expect(page.getByRole("status")).toContainText(/Added \d+ earlier periods/);
  await expectAccessible(page);
  expect(pageLoads).toBe(0);
  await page.getByRole("button", { name: "Save values" }).click();
  await expect(page.getByText("2 values saved.")).toBeVisible();
});

test("24 months pasted from a spreadsheet are saved in one submit, two page loads from the project page", async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, STAFF);
  await page.goto(`/projects/${projectId}`);
  await page.waitForLoadState("networkidle");
  let pageLoads = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) pageLoads++;
  });

  await page.getByRole("link", { name: `Enter values for ${pastedMeasure}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Enter values: ${pastedMeasure}`);
  await page.waitForLoadState("networkidle");

  // As Excel copies two columns: month and value, tab-separated, one line per row.
  const falls = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 7];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const text = falls.map((v, i) => `${months[i % 12]} ${2024 + Math.floor(i / 12)}\t${v}`).join("\r\n");
  await pasteInto(page.getByLabel(/^Value for /).first(), text);
  await expect(page.getByRole("status").filter({ hasText: "Pasted 24 rows" })).toBeVisible();
  await expect(page.getByLabel("Value for Jan 2024")).toHaveValue("10");
  await expect(page.getByLabel("Value for Dec 2025")).toHaveValue("7");

  // At 390 px the page does not scroll sideways (the table may, inside its own region).
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await expect(page.getByRole("region", { name: "Values to save" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save values" }).click();
  await expect(page.getByText("24 values saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/measures/${measureIds.pasted}\\?entered=24$`));
  await expectAccessible(page);
  expect(pageLoads).toBe(2); // the grid, then the measure page with its message
});

test("with JavaScript, a bad cell saves nothing and every typed and pasted cell stays as it was", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto(`/projects/${projectId}/measures/${measureIds.typed}/values`);
  await page.waitForLoadState("networkidle");
  await pasteInto(page.getByLabel(/^Value for /).first(), "Month\tFalls\nApr 2026\t8\nMay 2026\tn/a");
  await page.getByLabel("Note for Apr 2026").fill("Two wards merged");
  await page.getByRole("button", { name: "Save values" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(
    summary.getByRole("link", { name: "Value for May 2026 must be a number, like 12 or 3.5 (not “n/a”)" }),
  ).toBeVisible();
  await expect(page.getByLabel("Value for Apr 2026")).toHaveValue("8");
  await expect(page.getByLabel("Note for Apr 2026")).toHaveValue("Two wards merged");
  await expect(page.getByLabel("Value for May 2026")).toHaveValue("n/a");
  await expectAccessible(page);
});
