import { test, expect } from "./fixtures";

test("the home page explains the programme and leads to the collaboratives", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Making care safer, together, across England");
  await page.getByRole("link", { name: "Find your local collaborative" }).click();
  await expect(page).toHaveURL(/\/collaboratives$/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(16); // header + 15
});

test("each collaborative has its page with its AHSN and region", async ({ page }) => {
  await page.goto("/collaboratives");
  await page.getByRole("link", { name: "Wessex Patient Safety Collaborative" }).click();
  await expect(page).toHaveURL(/\/collaboratives\/wessex$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wessex Patient Safety Collaborative");
  await expect(page.getByText("Wessex AHSN (since 2023: Health Innovation Wessex)")).toBeVisible();
  await expect(page.getByText("Hampshire, Isle of Wight, Dorset and south Wiltshire")).toBeVisible();
});

test("an unknown page gets a helpful not-found page with status 404", async ({ page }) => {
  const response = await page.goto("/collaboratives/atlantis");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
});

test("pages work on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/collaboratives");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
