// The CSV import with the files people have: a Wessex staff member downloads a measure's template,
// uploads a spreadsheet's own file (an Excel header, Excel's month format, a month already entered),
// confirms which column is which, chooses to replace the month, sees old → new, imports and sees the
// values; on a phone-sized screen (390 px). Then the same kind of file with JavaScript off, keeping
// the month already entered. Every page is axe-scanned (tests/e2e/fixtures.ts), and again after
// client-side changes.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn } from "./fixtures";
import { formatMonth, isoDate } from "@/lib/format";
import { withE2eDatabase } from "@/tests/fixtures/e2e-database";

test.describe.configure({ timeout: 180_000 });

const marker = randomUUID().slice(0, 8);
const STAFF = "staff.wessex@demo.nhs.uk";
const rate = { id: `csv-e2e-rate-${marker}`, name: `Falls per 1,000 occupied bed days ${marker}` };
const count = { id: `csv-e2e-count-${marker}`, name: `Falls on the ward ${marker}` };
let projectId = "";
// The last three whole months (the demo data's dates are relative to today too).
const now = new Date();
const [m1, m2, m3] = [3, 2, 1].map((back) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))) as [
  Date,
  Date,
  Date,
];
/** As Excel writes a month formatted "mmm-yy": "Sep-25". */
const excelMonth = (d: Date) =>
  `${d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" }).slice(0, 3)}-${String(d.getUTCFullYear()).slice(2)}`;

test.beforeAll(async () => {
  // Two measures on a Wessex project, made here in the e2e database, each with months already
  // entered, so no demo measure is changed.
  await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT p.id FROM "Project" p JOIN "Collaborative" c ON c.id = p."collaborativeId"
       WHERE c.slug = 'wessex' AND p."startDate" <= $1 ORDER BY p."startDate" LIMIT 1`,
      [isoDate(m1)],
    );
    if (!rows[0]) throw new Error("The demo data has no Wessex project started three months ago");
    projectId = rows[0].id;
    await client.query(
      `INSERT INTO "Measure" (id, "projectId", name, kind, definition, unit, "valueType", "rateMultiplier", "updatedAt")
       VALUES ($1, $3, $2, 'OUTCOME', 'Falls reported on Datix.', 'falls per 1,000 occupied bed days', 'RATE', 1000, now()),
              ($4, $3, $5, 'OUTCOME', 'Falls reported on Datix.', 'falls', 'NUMBER', 1, now())`,
      [rate.id, rate.name, projectId, count.id, count.name],
    );
    await client.query(
      `INSERT INTO "MeasurePoint" (id, "measureId", "periodStart", value, numerator, denominator, "updatedAt") VALUES
         ($1 || '-1', $1, $3::date, 3000.0 / 1150, 3, 1150, now()),
         ($1 || '-2', $1, $4::date, 4000.0 / 1180, 4, 1180, now()),
         ($2 || '-1', $2, $3::date, 4, NULL, NULL, now())`,
      [rate.id, count.id, isoDate(m1), isoDate(m2)],
    );
  });
});

/** Typing into a form before React has hydrated it can be lost on a busy machine: wait for the page to settle. */
async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
}

const importPath = (measureId: string) => `/projects/${projectId}/measures/${measureId}/import`;

/** Chooses a file as the browser would send it, checks it, and returns the "which column is which" group. */
async function checkFile(page: Page, text: string) {
  await page
    .getByLabel("A CSV file")
    .setInputFiles({ name: "falls.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Check the data" }).click();
  const columns = page.getByRole("group", { name: "Which column is which" });
  await expect(columns.getByLabel("Period")).toHaveValue("0");
  return columns;
}

test.describe("on a phone, with JavaScript", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("template, a spreadsheet's header matched, a month replaced old → new, then imported", async ({ page }) => {
    await signIn(page, STAFF);
    await page.goto(importPath(rate.id));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import data from a CSV file");
    await hydrated(page);

    // The template: this measure's columns and the months already entered, ready for a spreadsheet.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download a template for this measure (CSV)" }).click();
    const template = await readFile((await (await downloading).path())!, "utf8");
    expect(
      template
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 3),
    ).toEqual(["period,numerator,denominator,note", `${isoDate(m1)},3,1150,`, `${isoDate(m2)},4,1180,`]);

    // A file as Excel saves it: its own header, "Sep-25" months, thousands separators; the first month is already entered.
    const columns = await checkFile(
      page,
      `\uFEFFMonth,Falls,Occupied bed days\r\n${excelMonth(m2)},5,"1,180"\r\n${excelMonth(m3)},6,"1,204"\r\n`,
    );
    await expect(columns.getByLabel("Numerator")).toHaveValue("1");
    await expect(columns.getByLabel("Denominator")).toHaveValue("2");
    const existing = page.getByRole("group", { name: "1 period in the file already has a value" });
    await expect(existing).toContainText(formatMonth(m2));
    await expect(existing.getByLabel("Keep existing values and add only new periods")).toBeChecked();
    await expect(page.getByRole("heading", { name: "1 row is ready to import" })).toBeVisible();
    await expect(page.getByText("1 row will be skipped")).toBeVisible();
    await expectAccessible(page);

    await existing.getByLabel("Replace existing values with the file’s").check();
    await page.getByRole("button", { name: "Check the data again" }).click();
    await expect(page.getByRole("heading", { name: "2 rows are ready to import" })).toBeVisible();
    const preview = page.getByRole("table", { name: "Preview of the file" });
    // Rates as the measure shows them: two decimals, not nine.
    await expect(preview.getByRole("row", { name: new RegExp(formatMonth(m2)) })).toContainText(
      "Replaced: 3.39 (4 ÷ 1,180) → 4.24 (5 ÷ 1,180)",
    );
    await expect(preview.getByRole("row", { name: new RegExp(formatMonth(m3)) })).toContainText("4.98");
    await expect(preview.getByRole("row", { name: new RegExp(formatMonth(m3)) })).toContainText("Added");
    await expectAccessible(page);
    // Nothing on the page is wider than the phone (the preview table scrolls inside its own box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByText("Imported 2 rows (1 value replaced).")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(rate.name);
    await expect(page.getByText("4.24").first()).toBeAttached();
    await expect(page.getByText("4.98").first()).toBeAttached();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a semicolon file with a month already entered: kept, and only the new month imported", async ({ page }) => {
    await signIn(page, STAFF);
    await page.goto(importPath(count.id));
    const columns = await checkFile(page, `Month;Falls\r\n${excelMonth(m1)};5\r\n${excelMonth(m2)};7\r\n`);
    await expect(columns.getByLabel("Value")).toHaveValue("1");
    await expect(page.getByRole("heading", { name: "1 row is ready to import" })).toBeVisible();
    const preview = page.getByRole("table", { name: "Preview of the file" });
    await expect(preview.getByRole("row", { name: new RegExp(formatMonth(m1)) })).toContainText("Skipped: keeps 4");
    await page.getByRole("button", { name: "Import 1 row" }).click();
    await expect(page.getByText("Imported 1 row.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(count.name);
  });
});
