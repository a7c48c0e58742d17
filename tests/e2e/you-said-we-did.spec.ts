// "You said, we did" and "what went well" (issue 16): a concern sent with consent to a public summary,
// a lead's item (a verbatim quote refused beside the field), approved by a second lead, then public
// without the reporter's words (JavaScript off, 390 px); and "what went well" sent with JavaScript off,
// shown as such in triage and counted on the collaborative's dashboard as its own figure.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, signIn, freshConcernLimits } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";
import { cloneRows } from "@/tests/fixtures/db-clone";

test.beforeEach(freshConcernLimits);

test.describe.configure({ mode: "serial" });

const marker = randomUUID().slice(0, 8);
const concernText = `Test ${marker}: the call bell on the ward was not answered for forty minutes while my father waited in pain at night`;
const quote = "the call bell on the ward was not answered for forty minutes";
const youSaid = `People told us (${marker}) that call bells on one ward went unanswered for a long time at night.`;
const weDid = "The ward now checks every bay each hour overnight and audits how quickly call bells are answered.";
const wentWell = `Test ${marker}-well: the night nurse sat with my mum and explained every new medicine clearly`;
const secondLead = `second.lead.wessex.${marker}@demo.nhs.uk`;
const state = { reference: "", itemPath: "" };

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The dashboards read summaries the worker refreshes every 5 minutes: refresh them now, as the job does. */
const refreshDashboards = () =>
  withDatabase(async (client) => {
    await client.query("SELECT psc_refresh_dashboard_summaries()");
    await client.query(
      `INSERT INTO "DashboardSummaryRefresh" (id, "refreshedAt", "durationMs", "sourceChanges") VALUES ('dashboard', now(), 0, 0) ON CONFLICT (id) DO UPDATE SET "refreshedAt" = now()`,
    );
  });

async function wentWellFigure(page: Page): Promise<number> {
  await page.goto("/collaboratives/wessex/dashboard/patients-voice");
  const figure = page.locator("dl > div").filter({ has: page.locator("dt", { hasText: /^What went well$/ }) });
  return Number((await figure.locator("dd").first().textContent())!.replace(/,/g, ""));
}

/** The concern form's questions every submission answers, with Wessex chosen from the list of regions. */
async function fillCommon(page: Page) {
  await page.getByRole("group", { name: "Roughly when did it happen?" }).getByLabel("In the last week").check();
  await page
    .getByLabel("If you do not know the postcode, choose the part of England (optional)")
    .selectOption("wessex");
  await page
    .getByRole("group", { name: "Where in their care did it happen?" })
    .getByLabel("On a hospital ward")
    .check();
  await page
    .getByRole("group", { name: /mostly about\?$/ })
    .getByLabel("Falls")
    .check();
  await page
    .getByRole("group", { name: "Who are you?" })
    .getByLabel("I am a carer, relative or friend of the patient")
    .check();
  await page
    .getByRole("group", { name: /^Can the patient safety team contact you/ })
    .getByLabel(/stay anonymous/)
    .check();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a carer sends a concern and agrees to a summary written by the team being shared", async ({ page }) => {
    await page.goto("/concerns/new");
    await page.getByLabel("What happened?").fill(concernText);
    await fillCommon(page);
    const consent = page.getByRole("group", { name: /share a short summary of this publicly/ });
    await expect(consent.getByRole("radio", { checked: true })).toHaveCount(0); // never pre-selected
    await consent.getByLabel("Yes, a summary written by the team can be shared publicly").check();
    await page.getByRole("button", { name: "Send concern", exact: true }).click();
    await expect(page).toHaveURL(/\/concerns\/confirmation$/);
    state.reference = (await page.locator("strong", { hasText: /^PSC-/ }).textContent())!.trim();
  });

  test("someone tells us what went well, on the same form adapted, with JavaScript off", async ({ page }) => {
    await page.goto("/concerns/new");
    await page.getByRole("link", { name: "Tell us what went well instead" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tell us what went well in your care");
    await expect(page.getByText("If someone is in danger now")).toBeVisible();
    await page.getByLabel("What went well?").fill(wentWell);
    await fillCommon(page);
    await page.getByRole("button", { name: "Send what went well", exact: true }).click();
    await expect(page).toHaveURL(/\/concerns\/confirmation$/);
  });
});

test("what went well appears in triage as such and is counted on the collaborative dashboard", async ({ page }) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/concerns?status=all");
  const row = page.getByRole("row").filter({ hasText: `Test ${marker}-well` });
  await expect(row.getByText("What went well", { exact: true })).toBeVisible();
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^What went well PSC-/);

  // The demo data has no "what went well": once the summaries are refreshed, the figure counts this one.
  await refreshDashboards();
  await expect.poll(async () => wentWellFigure(page), { timeout: 20_000 }).toBeGreaterThan(0);
  const counted = await withDatabase(async (client) => {
    const { rows } = await client.query<{ went_well: number }>(
      `SELECT coalesce(sum(went_well), 0)::int AS went_well FROM dashboard_concern_weekly WHERE collaborative_id = (SELECT id FROM "Collaborative" WHERE slug = 'wessex')`,
    );
    return rows[0]!.went_well;
  });
  expect(await wentWellFigure(page)).toBe(counted);
});

test("a lead writes an item: a verbatim quote is refused beside the field; then sends it for approval", async ({
  page,
}) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/you-said-we-did/manage/new");
  await page.getByLabel("You said: what people raised").fill(`Someone wrote that ${quote}.`);
  await page.getByLabel("We did: what changed").fill(weDid);
  await page.getByRole("group", { name: "The concerns this is about" }).getByLabel(state.reference).check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#field-youSaid-error")).toContainText("reporter's own words");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("There is a problem");

  await page.getByLabel("You said: what people raised").fill(youSaid);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/you-said-we-did\/manage\/[a-z0-9]+\?done=yousaid-created$/);
  await expect(page.getByRole("status")).toContainText("Draft saved");
  state.itemPath = new URL(page.url()).pathname;
  // The author cannot approve their own item.
  await page.getByRole("button", { name: "Send for approval" }).click();
  await expect(page.getByRole("status")).toContainText("Sent for approval");
  await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
  await expect(page.getByText("Waiting for another lead")).toBeVisible();
});

test("a second lead of the collaborative approves it", async ({ page }) => {
  await withDatabase(async (client) => {
    const [userId] = await cloneRows(client, "User", `t.email = 'lead.wessex@demo.nhs.uk'`, [secondLead, marker], {
      id: `'second-lead-' || $2`,
      email: "$1",
      name: `'Second Lead ' || $2`,
    });
    await cloneRows(
      client,
      "Membership",
      `t."userId" = (SELECT id FROM "User" WHERE email = 'lead.wessex@demo.nhs.uk') AND t."collaborativeId" = (SELECT id FROM "Collaborative" WHERE slug = 'wessex')`,
      [userId, marker],
      { id: `'second-lead-membership-' || $2`, userId: "$1" },
    );
  });
  await signIn(page, secondLead);
  await page.goto(state.itemPath);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published");
});

test.describe("the public page, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the item is public without the reporter's words or reference, and fits 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/collaboratives/wessex");
    await page.getByRole("link", { name: "You said, we did in the Wessex Patient Safety Collaborative" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You said, we did");
    await expect(page.getByText(youSaid)).toBeVisible();
    await expect(page.getByText(weDid).first()).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(concernText.slice(0, 40));
    expect(html).not.toContain(quote);
    expect(html).not.toContain(state.reference);
    expect(html).not.toContain("Second Lead");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
