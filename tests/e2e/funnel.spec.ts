import type { Locator, Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn } from "./fixtures";

const METRICS = ["falls-with-harm", "pressure-ulcers", "catheter-infections", "medication-harm", "delayed-transfers"];

/** Every collaborative a funnel's table marks outside a limit is named in the words beside the plot. */
async function expectOutliersNamed(figure: Locator) {
  const rows = figure.locator("table tbody tr");
  const count = await rows.count();
  const outside: string[] = [];
  for (let i = 0; i < count; i++) {
    const verdict = (await rows.nth(i).locator("td").last().innerText()).trim();
    const name = (await rows.nth(i).locator("th").innerText()).replace("(highlighted)", "").trim();
    if (verdict !== "Within the limits") outside.push(name);
  }
  if (outside.length === 0) {
    await expect(figure.getByText("Every one is within the 95% limits")).toBeVisible();
    return 0;
  }
  const list = figure.locator("[data-testid$='-outliers']");
  for (const name of outside) await expect(list).toContainText(name);
  return outside.length;
}

async function funnelFigures(page: Page) {
  const figures: Locator[] = [];
  for (const key of METRICS) {
    const figure = page.getByTestId(`funnel-${key}`);
    if ((await figure.locator("svg").count()) > 0) figures.push(figure);
  }
  return figures;
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the national dashboard compares the collaboratives on funnel plots, with tables and outliers in words", async ({
    page,
  }) => {
    await signIn(page, "national@demo.nhs.uk");
    await page.goto("/national/comparing");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing collaboratives – National dashboard");
    await expect(page.getByText("Why not a league table?")).toBeVisible();
    const figures = await funnelFigures(page);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      // The SVG is an image with a name and a description; the same figures are in a table.
      const chart = figure.getByRole("img");
      await expect(chart).toHaveAccessibleName(/: funnel plot, /);
      await expect(chart).toHaveAccessibleDescription(/Funnel plot of .* The centre line is the overall rate/);
      expect(await figure.locator("table tbody tr").count()).toBeGreaterThan(0);
      await expect(figure.getByText(/^Overdispersion: φ = /)).toBeVisible();
      await expectOutliersNamed(figure);
    }
    await expectAccessible(page);

    // The month is chosen with a GET form (no JavaScript): the choice is in the URL.
    const select = page.getByLabel("Month compared");
    const options = await select.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await select.selectOption({ label: options[1]! });
    await page.getByRole("button", { name: "Compare this month" }).click();
    await expect(page).toHaveURL(/[?&]month=\d{4}-\d{2}/);
    await expect(page.getByLabel("Month compared")).toHaveValue(new URL(page.url()).searchParams.get("month")!);
    // The funnel's own words name the month (the select's option holds the same text, but is not "visible").
    const month = options[1]!.trim().split(/\s+/).join("\\s+");
    await expect(page.getByText(new RegExp(`^${month}, \\d+ collaboratives?:`)).first()).toBeVisible();
    await expectAccessible(page);
  });

  test("on a 390 px phone the funnel scales to the screen and its table scrolls inside its box", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "national@demo.nhs.uk");
    await page.goto("/national/comparing");
    const figure = (await funnelFigures(page))[0]!;
    const box = await figure.locator("svg").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(box!.width).toBeGreaterThan(250);
    // The page itself never scrolls sideways; a wide table does, inside its labelled region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const region = figure.getByRole("region", { name: /the funnel plot's figures/ });
    await expect(region).toBeVisible();
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await expectAccessible(page);
  });
});

test("a collaborative's own dashboard rings it on every funnel and says where it lies", async ({ page }) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/dashboard/comparing");
  await expect(page.getByTestId("funnel-highlight-note")).toContainText("Wessex Patient Safety Collaborative");
  const figures = await funnelFigures(page);
  expect(figures.length).toBeGreaterThan(0);
  for (const figure of figures) {
    await expect(figure.locator("[data-testid$='-highlight']")).toContainText("Wessex Patient Safety Collaborative");
  }
  // Where Wessex reported, its row says so to a screen reader as well as in colour.
  const highlighted = page.getByRole("row", { name: /Wessex Patient Safety Collaborative \(highlighted\)/ });
  expect(await highlighted.count()).toBeGreaterThan(0);
  await expectAccessible(page);
  // The overview shows the funnels too, their tables folded away.
  await page.goto("/collaboratives/wessex/dashboard");
  await expect(page.getByRole("heading", { level: 2, name: "Comparing collaboratives" })).toBeVisible();
  await expect(page.getByText("Show the figures as a table").first()).toBeVisible();
});
