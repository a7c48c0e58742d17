// Improvement projects end to end: a Wessex staff member starts a project, adds a measure, imports
// 24 months of data (a bad file first, which imports nothing), sees the chart flag the shift in its
// text alternative, and records a PDSA cycle that then appears on the project and its chart.
// Every page is axe-scanned (tests/e2e/fixtures.ts), and again after client-side changes.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 240_000 });

const marker = randomUUID().slice(0, 8);
const title = `Fewer falls on Beech Ward ${marker}`;
const measure = "Falls with harm per 1,000 bed days";
// Jan 2023 – Dec 2024: a year around 10, then a year around 6 after the change.
const VALUES = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5, 7];
const csv = (values: (number | string)[]) =>
  ["period,value", ...values.map((v, i) => `${new Date(Date.UTC(2023, i, 1)).toISOString().slice(0, 7)},${v}`)].join(
    "\n",
  );
let projectPath = "";

/** Typing into a form before React has hydrated it can be lost on a busy machine: wait for the page to settle. */
async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
}

test("a staff member creates a project, adds a measure, imports 24 months and sees the shift", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Improvement projects");
  await page.getByRole("link", { name: "Start a new project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a new project");
  await hydrated(page);

  // Nothing filled in: the error summary links to each field.
  await page.getByRole("button", { name: "Create project" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Enter a title for the project" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Select at least one priority area" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Project title").fill(title);
  await page
    .getByLabel("The problem, in plain words")
    .fill("Older patients fall at night on the way to the toilet; six fell with harm last year.");
  await page.getByLabel("What you are trying to accomplish").fill("Reduce falls with harm on Beech Ward");
  await page.getByLabel("How much").fill("By 30%");
  const started = page.getByRole("group", { name: "When did (or will) the change work start?" });
  await started.getByLabel("Day").fill("1");
  await started.getByLabel("Month").fill("1");
  await started.getByLabel("Year").fill("2023");
  const organisations = page.getByRole("group", { name: "Organisations taking part" });
  if ((await organisations.getByRole("checkbox", { checked: true }).count()) === 0)
    await organisations.getByRole("checkbox").first().check();
  await page
    .getByRole("group", { name: "Priority areas" })
    .getByRole("checkbox", { name: /^Falls/ })
    .check();
  await page
    .getByRole("group", { name: "Where on the patient’s pathway the project acts" })
    .getByRole("checkbox", { name: "On a hospital ward" })
    .check();
  await page.getByRole("button", { name: "Create project" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  projectPath = new URL(page.url()).pathname;
  expect(projectPath).toMatch(/^\/projects\/[a-z0-9]+$/);
  await expect(page.getByText("Idea", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Add a measure" }).first().click();
  await hydrated(page);
  await page.getByLabel("Name of the measure").fill(measure);
  await page
    .getByRole("group", { name: "Kind of measure" })
    .getByLabel(/^Outcome/)
    .check();
  await page
    .getByLabel("Definition")
    .fill("Falls reported on Datix with harm (low or above), per 1,000 occupied bed days on Beech Ward.");
  await page.getByLabel("Unit (optional)").fill("per 1,000 bed days");
  await page.getByRole("group", { name: "Which way is better?" }).getByLabel("Lower is better").check();
  await page.getByRole("button", { name: "Add the measure" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(measure);
  await expect(page.getByText("No data yet.")).toBeVisible();

  // A file with one bad row imports nothing, and says which row and why.
  await page.getByRole("link", { name: "Import data from a CSV file" }).click();
  await hydrated(page);
  await page.getByLabel("Or paste the data").fill(csv([...VALUES.slice(0, 5), "n/a", ...VALUES.slice(6)]));
  await page.getByRole("button", { name: "Check the data" }).click();
  const problems = page.getByRole("alert", { name: "There is a problem" });
  await expect(problems).toContainText("Nothing has been imported: 1 row has a problem");
  await expect(problems.getByRole("link", { name: /Line 7: Value must be a number/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page);

  // Fixed in the box and checked again: a preview, then the import.
  await page.getByLabel("Or paste the data").fill(csv(VALUES));
  await page.getByRole("button", { name: "Check the data" }).click();
  await expect(page.getByRole("heading", { name: "24 rows are ready to import" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Preview of the file" }).getByRole("row")).toHaveCount(25);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 24 rows" }).click();
  await expect(page.getByText("Imported 24 rows.")).toBeVisible();

  // The chart flags the shift, in colour on the chart and in words in its text alternative.
  const description = page.locator("figcaption").first();
  await expect(description).toContainText("24 monthly points from Jan 2023 to Dec 2024");
  await expect(description).toContainText(
    "Shift: 12 points in a row below the mean, Jan 2024 to Dec 2024 (improvement)",
  );
  await expect(page.getByText("Variation: Improvement (low)")).toBeVisible();
  await expect(
    page
      .getByRole("img", { name: `XmR chart of ${measure}. The description below the chart says what it shows.` })
      .locator("svg.recharts-surface"),
  ).toBeVisible();
  await page.getByText("Show the data table").click();
  const table = page.getByRole("table", { name: `Data for ${measure} (per 1,000 bed days)` });
  await expect(table.getByRole("row", { name: /Dec 2024/ })).toContainText("Special cause: improvement");
  await expectAccessible(page);

  // The project's CSV export has every point.
  const response = await page.request.get(`/api${projectPath}/measures/csv`);
  expect(response.status()).toBe(200);
  expect((await response.text()).trim().split(/\r?\n/)).toHaveLength(25);
});

test("the staff member records a PDSA cycle, shown on the project's timeline and charts", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(projectPath);
  await page.getByRole("link", { name: "Record a PDSA cycle" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record a PDSA cycle");
  await hydrated(page);
  await page.getByLabel("Cycle title").fill("Falls huddle at the night handover, one week");
  await page.getByLabel("The change idea this cycle tests").fill("Falls huddle at every handover");
  await page
    .getByLabel("What will you test, who, where and when?")
    .fill("Night staff on Beech Ward run a two-minute falls huddle at handover for one week.");
  await page.getByLabel("What do you predict will happen?").fill("Fewer unwitnessed falls at night.");
  const start = page.getByRole("group", { name: "Start date" });
  await start.getByLabel("Day").fill("15");
  await start.getByLabel("Month").fill("12");
  await start.getByLabel("Year").fill("2023");
  await page
    .getByLabel("What did you learn? How did it compare with your prediction?")
    .fill("No falls at night that week; staff liked it.");
  await page
    .getByRole("group", { name: "What will you do next?" })
    .getByLabel(/^Adopt/)
    .check();
  await page.getByRole("button", { name: "Save the cycle" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Falls huddle at the night handover, one week");
  await expect(page.getByText("PDSA cycle 1")).toBeVisible();
  await page.getByRole("link", { name: title }).click();

  const cycles = page.getByRole("region", { name: "PDSA cycles" });
  await expect(
    cycles.getByRole("link", { name: "Cycle 1: Falls huddle at the night handover, one week" }),
  ).toBeVisible();
  await expect(cycles).toContainText("Adopted");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(
    "PDSA cycle 1 began: Falls huddle at the night handover, one week",
  );
  await expect(page.getByText("C1 (Dec 2023): Falls huddle at the night handover, one week – adopted")).toBeVisible();
  await expect(page.getByRole("region", { name: "What changes we are making" })).toContainText(
    "Falls huddle at every handover",
  );
});

test("two people edit the project at once: the second sees what changed, and nothing is overwritten", async ({
  page,
}) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  const other = await page.context().newPage();
  await page.goto(`${projectPath}/edit`);
  await other.goto(`${projectPath}/edit`);
  await hydrated(page);
  await hydrated(other);

  await page.getByLabel("Project title").fill(`${title} (renamed)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (renamed)`);

  await other.getByLabel("How much").fill("By 40%");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Someone else saved changes to this while you were editing it",
  );
  const changes = other.getByRole("table", { name: "Saved version and your version, field by field" });
  await expect(changes.getByRole("row", { name: /^Title/ })).toContainText(`${title} (renamed)`);
  await expect(changes.getByRole("row", { name: /^Aim: how much/ })).toContainText("By 40%");
  await expectAccessible(other);

  // Nothing was saved from the second form.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (renamed)`);
  await expect(page.getByRole("region", { name: "Our aim" })).toContainText("By 30%");

  // Keeping their title and adding the new aim is now a deliberate save.
  await expect(other.getByLabel("How much")).toHaveValue("By 40%");
  await other.getByLabel("Project title").fill(`${title} (renamed)`);
  await other.getByRole("button", { name: "Save my version" }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(`${title} (renamed)`);
  await expect(other.getByRole("region", { name: "Our aim" })).toContainText("By 40%");
  await other.close();
});

test("the project's editing pages work and pass the accessibility scan", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(`${projectPath}/status`);
  await hydrated(page);
  await page
    .getByRole("group", { name: "Which stage is the project at now?" })
    .getByLabel(/^Testing changes/)
    .check();
  await page.getByLabel("Why? (needed when closing the project)").fill("First PDSA cycle done");
  await page.getByRole("button", { name: "Save the stage" }).click();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(
    "Moved from Idea to Testing changes: First PDSA cycle done",
  );

  await page.goto(`${projectPath}/team`);
  await hydrated(page);
  await page.getByLabel("Or someone without an account").fill("Pat Partner");
  await page.getByLabel("Their role in the project (optional)").fill("Patient partner");
  await page.getByRole("button", { name: "Add to the team" }).click();
  await expect(page.getByRole("table", { name: "Team members" })).toContainText("Pat Partner");
  await expectAccessible(page);

  await page.goto(`${projectPath}/drivers`);
  await hydrated(page);
  await page.getByLabel("Primary driver", { exact: true }).fill("Reliable night-time care");
  await page.getByRole("button", { name: "Add primary driver" }).click();
  await expect(page.getByText("Primary driver: Reliable night-time care")).toBeVisible();
  await page.getByText("Change the primary driver “Reliable night-time care”").click();
  await page.getByLabel("Add a secondary driver under this one").fill("Handover routines");
  await page.getByRole("button", { name: "Add secondary driver" }).click();
  await expect(page.getByText("Secondary driver: Handover routines")).toBeVisible();
  await expectAccessible(page);

  await page.goto(projectPath);
  await page.getByRole("link", { name: measure, exact: true }).click();
  await page.getByRole("link", { name: "Correct or delete the value for Dec 2024" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Correct the value for Dec 2024");
  await hydrated(page);
  await page.getByLabel("Value (per 1,000 bed days)").fill("seven");
  await page.getByRole("button", { name: "Save the correction" }).click();
  await expect(
    page.getByRole("alert", { name: "There is a problem" }).getByRole("link", { name: /Value must be a number/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Value (per 1,000 bed days)").fill("6.5");
  await page.getByRole("button", { name: "Save the correction" }).click();
  await expect(page.getByText("The point has been corrected.")).toBeVisible();
  await page.getByRole("link", { name: "Edit the measure" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit the measure");

  await page.goto(projectPath);
  await page.getByRole("link", { name: /^Cycle 1:/ }).click();
  await page.getByRole("link", { name: "Update the cycle" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Update PDSA cycle 1");
});

test("an administrator manages the list of pathway stages", async ({ page }) => {
  await signIn(page, "admin@demo.nhs.uk");
  await page.goto("/admin/pathway-stages");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stages of the patient’s pathway");
  await page.getByLabel("Name").fill(`Hospice care ${marker}`);
  await page.getByLabel("Identifier").fill(`hospice-${marker}`);
  await page.getByLabel("Position").fill("75");
  await page.getByRole("button", { name: "Add the stage" }).click();
  await expect(page.getByRole("table", { name: "Pathway stages" })).toContainText(`Hospice care ${marker}`);
  await expectAccessible(page);
});
