import { readFileSync } from "node:fs";
import { test, expect, expectAccessible, signIn } from "./fixtures";

test("the national team filters the dashboard in the URL, drills down to projects and downloads CSV", async ({
  page,
}) => {
  await signIn(page, "national@demo.nhs.uk");
  await page.goto("/national");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("National dashboard");
  await expect(page.getByTestId("figures-as-of")).toContainText("Figures as of");
  for (const panel of ["Coverage", "Improvement found", "Patients’ voice", "Spread", "Sign up to Safety", "Map"]) {
    await expect(page.getByRole("heading", { level: 2, name: panel, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("coverage-matrix").locator("tbody tr")).toHaveCount(15);

  // Filters are a GET form: the choice ends up in the URL and every panel follows it.
  await page.getByLabel("Priority area", { exact: true }).selectOption({ label: "Falls" });
  await page
    .getByLabel("Collaborative", { exact: true })
    .selectOption({ label: "Wessex Patient Safety Collaborative" });
  await page.getByLabel("From (month)").fill("2025-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]area=falls/);
  await expect(page).toHaveURL(/[?&]collaborative=wessex/);
  await expect(page).toHaveURL(/[?&]from=2025-01/);
  await expect(page.getByTestId("filter-summary")).toContainText("priority area: Falls");
  await expect(page.getByTestId("filter-summary")).toContainText("Wessex Patient Safety Collaborative");
  await expect(page.getByTestId("coverage-matrix").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("coverage-matrix").locator("thead th")).toHaveCount(3); // collaborative, Falls, all areas

  // The CSV download carries the same filters.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download coverage as CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^national-dashboard-coverage-2025-01-to-\d{4}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").split(/\r?\n/);
  expect(csv[0]).toBe(
    "period_from,period_to,collaborative,area,projects,reporting_in_period,idea,planning,testing,implementing,spreading,sustaining,closed",
  );
  expect(csv.slice(1).filter(Boolean)).toHaveLength(1);
  expect(csv[1]).toMatch(/^2025-01,\d{4}-\d{2},wessex,falls,\d+,\d+/);

  // Each panel has a page of its own with every table, keeping the filters.
  await page.getByRole("link", { name: "All the coverage figures" }).click();
  await expect(page).toHaveURL(/\/national\/coverage\?.*area=falls/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coverage – National dashboard");
  await expect(page.getByRole("table", { name: "Projects by stage and priority area" })).toBeVisible();

  // Drill down from the matrix to the project list, filtered the same way.
  await page
    .getByTestId("coverage-matrix")
    .getByRole("row", { name: /Wessex/ })
    .getByRole("link")
    .first()
    .click();
  await expect(page).toHaveURL(/\/projects\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("collaborative")).toBe("wessex");
  expect(url.searchParams.get("priority")).toBe("falls");

  // The "local" column drills down to the projects with any local priority, as many as the cell counts.
  await page.goto("/national/coverage?collaborative=wessex&area=local");
  const localCell = page
    .getByTestId("coverage-matrix")
    .getByRole("row", { name: /Wessex/ })
    .getByRole("link")
    .first();
  const counted = Number((await localCell.innerText()).replace(/\D/g, ""));
  expect(counted).toBeGreaterThan(0);
  await localCell.click();
  await expect(page).toHaveURL(/\/projects\?.*priority=local/);
  await expect(page.getByLabel("Priority area", { exact: true })).toHaveValue("local");
  await expect(page.getByRole("heading", { level: 2, name: /projects? match/ })).toBeVisible();
});

test("a malformed or unknown filter is ignored with a note, never an error", async ({ page }) => {
  await signIn(page, "national@demo.nhs.uk");
  const response = await page.goto("/national?area=bananas&from=2025-13&collaborative=atlantis&map=volcanoes");
  expect(response?.status()).toBe(200);
  const notes = page.getByTestId("filter-notes");
  await expect(notes).toContainText("There is no priority area called “bananas”");
  await expect(notes).toContainText("The period start “2025-13” is not a month");
  await expect(notes).toContainText("There is no collaborative called “atlantis”");
  await expect(notes).toContainText("The map cannot show “volcanoes”");
  await expect(page.getByTestId("filter-summary")).toContainText("all priority areas");
  await expect(page.getByTestId("coverage-matrix").locator("tbody tr")).toHaveCount(15);

  // The map has its own page, shaded by a metric chosen in the URL, with its table.
  await page.getByRole("link", { name: "Concerns received", exact: true }).click();
  await expect(page).toHaveURL(/\/national\/map\?.*map=concerns/);
  await expect(
    page.getByRole("img", {
      name: /Map of England.s 15 Patient Safety Collaborative regions shaded by concerns received/,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Concerns received by Patient Safety Collaborative region" }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("staff are denied the national dashboard and its downloads; signed-out people are sent to sign in", async ({
  page,
}) => {
  await page.goto("/national");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/api/national/coverage")).status()).toBe(403);

  await signIn(page, "staff.wessex@demo.nhs.uk");
  const denied = await page.goto("/national");
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expect(page.getByTestId("coverage-matrix")).toHaveCount(0);
  expect((await page.request.get("/api/national/coverage")).status()).toBe(403);
  expect((await page.request.get("/api/collaboratives/wessex/dashboard/coverage")).status()).toBe(403);
});

test("a collaborative's lead sees the same dashboard scoped to their collaborative", async ({ page }) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/dashboard?collaborative=oxford");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wessex Patient Safety Collaborative dashboard");
  await expect(page.getByTestId("filter-notes")).toContainText("This dashboard shows one collaborative only");
  await expect(page.getByTestId("coverage-matrix").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByLabel("Collaborative", { exact: true })).toHaveCount(0);
  const csv = await page.request.get("/api/collaboratives/wessex/dashboard/concerns");
  expect(csv.status()).toBe(200);
  const rows = (await csv.text()).split(/\r?\n/).slice(1).filter(Boolean);
  expect(rows.every((row) => row.split(",")[1] === "wessex")).toBe(true);
  // Each panel's own page is scoped the same way.
  await page.goto("/collaboratives/wessex/dashboard/spread");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Spread – Wessex Patient Safety Collaborative dashboard",
  );
  // Another collaborative's dashboard is not theirs.
  expect((await page.request.get("/api/collaboratives/oxford/dashboard/concerns")).status()).toBe(403);
  expect((await page.goto("/collaboratives/oxford/dashboard"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
});

test("on a phone, a table wider than the screen scrolls sideways from the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, "national@demo.nhs.uk");
  await page.goto("/national/coverage");
  const region = page.getByRole("region", { name: "Projects by stage and priority area" });
  const scrollLeft = () => region.evaluate((element) => element.scrollLeft);
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  // It takes focus (a plain wrapper would not), then scrolls with the arrow keys.
  await region.focus();
  await expect(region).toBeFocused();
  expect(await scrollLeft()).toBe(0);
  await page.keyboard.press("ArrowRight");
  await expect.poll(scrollLeft).toBeGreaterThan(0);
});
