// The signed-in home: signing in without a callbackUrl lands there; staff see their projects with the
// next period due and a link to enter it (two page loads from home to the values form); leads see the
// concerns waiting; the navigation offers Home, and leads their collaborative's workspace and
// dashboard. At desktop width and on a 390 px phone; every page is axe-scanned by the fixtures.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

async function signInWithoutCallback(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
}

/** Nothing wider than the screen: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.content).toBeLessThanOrEqual(widths.screen);
}

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["390 px phone", { width: 390, height: 844 }],
] as const) {
  test.describe(label, () => {
    test.use({ viewport });

    test("staff land on their home and reach this period's values form from it", async ({ page }) => {
      await signInWithoutCallback(page, "staff.wessex@demo.nhs.uk");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Your home");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" })).toHaveAttribute(
        "href",
        "/home",
      );
      const projects = page.getByRole("region", { name: "Your projects" });
      await expect(projects.getByText(/Next due: /).first()).toBeVisible();
      await expect(projects.getByText(/Last value entered: /).first()).toBeVisible();
      await expect(projects.getByText(/Variation: /).first()).toBeVisible();
      const enter = projects.getByRole("link", { name: /^Enter .+ value for / }).first();
      const href = await enter.getAttribute("href");
      expect(href).toMatch(/^\/projects\/[^/]+\/measures\/[^/]+\/values$/);
      // The link names the period that is due, the same one the card says is next.
      const period = /^Enter (.+) value for /.exec((await enter.textContent())!.replace(/\s+/g, " "))?.[1];
      await expect(projects.getByText(`Next due: ${period}`).first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      // The second page load: the values form (built on another branch; here only the address is checked).
      await enter.click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
    });

    test("leads see the concerns waiting and their collaborative's workspace and dashboard", async ({ page }) => {
      await signInWithoutCallback(page, "lead.wessex@demo.nhs.uk");
      const waiting = page.getByRole("region", { name: "Waiting for you" });
      await expect(waiting.getByRole("link", { name: /\d+ concerns? to triage/ })).toHaveAttribute(
        "href",
        "/collaboratives/wessex/concerns",
      );
      await expect(waiting.getByText(/overdue/)).toBeVisible();
      await expect(
        waiting.getByRole("link", { name: /join requests? waiting|No join requests waiting/ }),
      ).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Your collaborative" })).toHaveAttribute(
        "href",
        "/collaboratives/wessex",
      );
      await expect(nav.getByRole("link", { name: "Collaborative dashboard" })).toHaveAttribute(
        "href",
        "/collaboratives/wessex/dashboard",
      );
      await expectNoSidewaysScroll(page);
    });
  });
}

test("the national team's home links to the national dashboard", async ({ page }) => {
  await signInWithoutCallback(page, "national@demo.nhs.uk");
  await expect(
    page
      .getByRole("region", { name: "Your collaboratives and dashboards" })
      .getByRole("link", { name: "National dashboard" }),
  ).toHaveAttribute("href", "/national");
});

test("signed out, the home asks you to sign in and comes back to it", async ({ page }) => {
  await page.goto("/home");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fhome$/);
});

test("a signed-in person on the front page is offered their home", async ({ page }) => {
  await signInWithoutCallback(page, "patient@demo.nhs.uk");
  await page.goto("/");
  await page.getByRole("link", { name: "Go to your home" }).click();
  await expect(page).toHaveURL(/\/home$/);
});
