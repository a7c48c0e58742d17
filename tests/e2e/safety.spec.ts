// The clinical safety hazard log at /admin/safety (the national team and administrators), and the public
// privacy notice and accessibility statement that the data-protection record and GOV.UK's model govern. Every
// page is axe-scanned (tests/e2e/fixtures.ts).
import { test, expect, signIn } from "./fixtures";
import { loadHazardLog } from "@/lib/safety/load";
import { RETENTION_SCHEDULE } from "@/lib/privacy/retention-schedule";

test("the national team reads the hazard log: every hazard with its risk, controls and the tests that show them", async ({
  page,
}) => {
  const log = loadHazardLog();
  await signIn(page, "national@demo.nhs.uk");
  const response = await page.goto("/admin/safety");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clinical safety hazard log");
  const summary = page.getByRole("region", { name: "Hazards", exact: true });
  await expect(summary.getByRole("row")).toHaveCount(log.hazards.length + 1);
  for (const hazard of log.hazards) {
    const section = page.getByRole("region", { name: `${hazard.id}: ${hazard.title}` });
    await expect(section.getByText(`Residual risk: ${hazard.residualRisk.rating}`, { exact: false })).toBeVisible();
    const [file, title] = hazard.controls[0]!.tests[0]!.split("::");
    await expect(section.getByText(title!, { exact: false }).first()).toBeVisible();
    await expect(section.getByText(`(${file})`).first()).toBeVisible();
  }
});

test("staff get not found for the hazard log", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  const response = await page.goto("/admin/safety");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Clinical safety hazard log")).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the privacy notice lists every retention period, and the accessibility statement has GOV.UK's sections", async ({
    page,
  }) => {
    await page.goto("/privacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How we use your information");
    const periods = page.locator("[data-retention]");
    await expect(periods).toHaveCount(RETENTION_SCHEDULE.length);
    await expect(page.getByText(RETENTION_SCHEDULE.find((e) => e.id === "audit-ip")!.notice)).toBeVisible();

    await page.goto("/accessibility");
    for (const heading of ["How accessible this website is", "Enforcement procedure", "Compliance status"])
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
