// Projects that do not begin empty, end to end: a Wessex staff member starts a falls project from the
// national template (one submit, with JavaScript off: the new-project page, then the created project's
// page), the national team changes a template measure's definition, and a staff member starts a project
// from another collaborative's published change idea and finds it in their projects. Every page is
// axe-scanned (tests/e2e/fixtures.ts); one test runs at 390 px wide.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";

test.describe.configure({ timeout: 180_000 });

const marker = randomUUID().slice(0, 8);

/** Whole-document loads (JavaScript off: every navigation and form submission is one). */
function countLoads(page: Page) {
  const loads: string[] = [];
  page.on("load", () => loads.push(new URL(page.url()).pathname));
  return loads;
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff start a falls project from the template: one submit from the new-project page lands on the project", async ({
    page,
  }) => {
    await signIn(page, "staff.wessex@demo.nhs.uk");
    await page.goto("/projects/new");
    await page.getByRole("link", { name: "Reducing inpatient falls with harm" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Start a project: Reducing inpatient falls with harm",
    );
    expect(new URL(page.url()).searchParams.get("template")).toBe("falls");

    const loads = countLoads(page);
    const title = `Fewer falls on Oak Ward ${marker}`;
    await page.getByLabel("Project title").fill(title);
    const start = page.getByRole("group", { name: "When did (or will) the change work start?" });
    await start.getByLabel("Day").fill("1");
    await start.getByLabel("Month").fill("4");
    await start.getByLabel("Year").fill("2025");
    await page.getByRole("button", { name: "Create project" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    expect(loads).toEqual([expect.stringMatching(/^\/projects\/[a-z0-9]+$/)]);
    await expect(page.getByRole("status")).toContainText("Project created from the template");
    const measures = page.getByRole("region", { name: "How we will know a change is an improvement" });
    await expect(
      measures.getByRole("heading", { name: "Falls with moderate or worse harm per 1,000 occupied bed days" }),
    ).toBeVisible();
    await expect(measures.getByRole("heading", { name: "Patients with bed rails in use" })).toBeVisible();
    await expect(page.getByText("Every patient’s individual falls risks are identified").first()).toBeVisible();
  });
});

test("the national team changes a template measure's definition", async ({ page }) => {
  await signIn(page, "national@demo.nhs.uk");
  await page.goto("/admin/templates");
  await page.getByRole("link", { name: "Safer transfers and discharge" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change “Safer transfers and discharge”");
  await page.waitForLoadState("networkidle");
  const definition = `Numerator: discharge summaries reaching the GP within 24 hours (${marker}). Denominator: all discharges.`;
  await page
    .getByRole("group", { name: "Measure 3", exact: true })
    .getByLabel("Operational definition")
    .fill(definition);
  await page.getByRole("button", { name: "Save the template" }).click();
  await expect(page.getByRole("status")).toContainText("Template saved");

  await page.getByRole("link", { name: "Safer transfers and discharge" }).click();
  await expect(
    page.getByRole("group", { name: "Measure 3", exact: true }).getByLabel("Operational definition"),
  ).toHaveValue(definition);
});

test("at 390 px, staff start a project from another collaborative's published change idea and find it in their projects", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const [idea] = await sql<{ slug: string; title: string; origin: string }>(
    `SELECT l.slug, l.title, c.name AS origin FROM "LearningItem" l JOIN "Collaborative" c ON c.id = l."collaborativeId"
     WHERE l.type = 'CHANGE_IDEA' AND l.status = 'PUBLISHED' AND c.slug <> 'wessex'
       AND NOT EXISTS (SELECT 1 FROM "Adoption" a WHERE a."learningItemId" = l.id AND a."collaborativeId" = (SELECT id FROM "Collaborative" WHERE slug = 'wessex'))
     ORDER BY l."publishedAt" DESC LIMIT 1`,
  );
  expect(idea, "the demo data has a published change idea from outside Wessex").toBeDefined();

  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(`/learning/${idea.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(idea.title);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Start a project from this" }).click();

  const title = `${idea.title} (from ${idea.origin})`;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status")).toContainText("adoption of the change idea is recorded");
  const hasNoHorizontalScroll = await page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
  expect(hasNoHorizontalScroll).toBe(true);

  await page.goto("/projects");
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
});
