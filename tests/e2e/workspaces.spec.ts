// Priority setting end to end: the Wessex lead sets up a draft round and opens it, a patient (with
// JavaScript off) and a member of staff rank the candidates, the lead closes the round through its
// confirmation page with a rationale, and the chosen priorities appear on the collaborative's workspace
// with their history: a new local priority, and the national Falls area linked (with its projects)
// rather than copied. Every page is axe-scanned.
import { randomUUID } from "node:crypto";
import { test, expect, expectAccessible, signIn } from "./fixtures";

// Four sign-ins and an axe scan of every page: slower than the default minute on a busy machine.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const marker = randomUUID().slice(0, 8);
const roundTitle = `E2E priorities ${marker}`;
const ownCandidate = `Safer weekend discharges ${marker}`;
const rationale = `Patients and staff both ranked weekend discharges first (${marker}).`;
let roundPath = "";

test("the lead sets up a draft round with national areas, their concern evidence and a candidate of their own, then opens it", async ({
  page,
}) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wessex Patient Safety Collaborative");
  // Leads see the membership summary on the workspace, linking to the members page.
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Manage members, requests and invitations" })).toHaveAttribute(
    "href",
    "/collaboratives/wessex/members",
  );

  await page.getByRole("link", { name: "Set up a priority-setting round" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up a priority-setting round");

  // Nothing chosen: the error summary says what to do.
  await page.getByRole("button", { name: "Save as a draft" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: /Enter a title for the round/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Title of the round").fill(roundTitle);
  const areas = page.getByRole("group", { name: "Candidates from the priority areas" });
  // Each area shows its evidence: the number of concerns raised in the last 12 months.
  await expect(areas.getByText(/Concerns: \d+/).first()).toBeVisible();
  await areas.getByRole("checkbox", { name: /^Falls/ }).check();
  await areas.getByRole("checkbox", { name: /^Medication safety/ }).check();
  await page.getByLabel("Candidates of your own (optional)").fill(ownCandidate);
  await page.getByRole("button", { name: "Save as a draft" }).click();

  // A draft: nobody is asked yet, and the page says so.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(roundTitle);
  roundPath = new URL(page.url()).pathname;
  expect(roundPath).toMatch(/^\/collaboratives\/wessex\/rounds\/[a-z0-9]+$/);
  await expect(page.getByRole("status")).toContainText("Draft round saved");
  await expect(page.getByText("This round is a draft: only your collaborative's leads can see it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit my ranking" })).toHaveCount(0);
  await expectAccessible(page);

  // Opening it: the page says what will happen, then it opens and says so.
  const manage = page.getByRole("region", { name: "Manage this round" });
  await manage.getByRole("link", { name: "Open or schedule the round" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open or schedule the round");
  await expect(
    page.getByText(/member(s)? of the collaborative \(patients and carers and staff\) can rank its 3 candidates/),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: /Open it now/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(roundTitle);
  await expect(page.getByRole("status").first()).toContainText("The round is open.");
  // Closing is not a prominent button under the title of a round just opened: it is under "Manage this round", at the end.
  await expect(page.getByRole("button", { name: /Close the round/ })).toHaveCount(0);
  await expect(
    page
      .getByRole("region", { name: "Manage this round" })
      .getByRole("link", { name: "Close the round and record the decision" }),
  ).toBeVisible();
  const candidates = page.getByRole("region", { name: "The candidates" });
  await expect(candidates.getByRole("heading", { level: 3 })).toHaveText(["Falls", "Medication safety", ownCandidate]);
  // The counting method is stated on the page.
  await page.getByText("How the rankings are counted (Borda count)").click();
  await expect(page.getByText(/a candidate ranked 1st on someone’s ranking gets 2 points/)).toBeVisible();
  await expectAccessible(page);

  // While it is open, the lead can change its details (not its candidates).
  await page.getByRole("link", { name: "Edit the round’s details" }).click();
  await expect(page.getByLabel("Title of the round")).toHaveValue(roundTitle);
  await page.getByLabel("What you are asking people (optional)").fill("Rank what matters most to you.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(roundTitle);
  await expect(page.getByText("Rank what matters most to you.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a patient ranks the candidates; a duplicate rank is explained and nothing is lost", async ({ page }) => {
    await signIn(page, "patient@demo.nhs.uk");
    await page.goto(roundPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(roundTitle);
    await page.getByLabel(`Rank for “${ownCandidate}”`).selectOption("1");
    await page.getByLabel("Rank for “Falls”").selectOption("1");
    await page.getByRole("button", { name: "Submit my ranking" }).click();

    // Said once: one line in the error summary, not the same thing twice in other words.
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "You gave rank 1 to more than one candidate: give each rank once",
    ]);
    await expect(summary.getByText(/You gave rank 1/)).toHaveCount(1);
    await expect(summary).not.toContainText("Each rank can be given");
    await expect(page.getByLabel(`Rank for “${ownCandidate}”`)).toHaveValue("1");

    await page.getByLabel("Rank for “Falls”").selectOption("2");
    await page.getByRole("button", { name: "Submit my ranking" }).click();
    await expect(page.getByText(/Thank you for taking part. You ranked on/)).toBeVisible();

    // One ballot per person: the form is gone and their ranking is shown.
    await page.goto(roundPath);
    await expect(page.getByText(/You ranked on/)).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: ownCandidate }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Submit my ranking" })).toHaveCount(0);
    // Results stay hidden from participants until the round closes.
    await expect(page.getByText("Results will be shown here when the round closes.")).toBeVisible();
  });
});

test("a member of staff ranks the candidates", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto(roundPath);
  await page.getByLabel(`Rank for “${ownCandidate}”`).selectOption("1");
  await page.getByLabel("Rank for “Medication safety”").selectOption("2");
  await page.getByRole("button", { name: "Submit my ranking" }).click();
  await expect(page.getByText(/Thank you for taking part. You ranked on/)).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText(/2 people have ranked: 1 patient or carer and 1 member of staff/)).toBeVisible();
});

test("the lead closes the round through a confirmation page; the chosen priorities appear on the workspace, Falls linked with its projects", async ({
  page,
}) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto(roundPath);
  // Leads see results by group while the round is open.
  const results = page.getByRole("region", { name: "Results" });
  await expect(
    results
      .getByRole("table", { name: /Patients and carers/ })
      .getByRole("row")
      .nth(1),
  ).toContainText(ownCandidate);
  await page.getByRole("link", { name: "Close the round and record the decision" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Close the round and record the decision");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Choose at least one candidate to become a local priority",
  );
  await expectAccessible(page);

  const choices = page.getByRole("group", { name: "Which candidates become the collaborative's priorities?" });
  await choices.getByRole("checkbox", { name: new RegExp(`^${ownCandidate}`) }).check();
  // Falls is a national area the collaborative's projects use: choosing it links to it, it is not copied.
  const falls = choices.getByRole("checkbox", { name: /^Falls/ });
  await falls.check();
  const fallsHint = (
    await choices
      .locator("label")
      .filter({ hasText: /^Falls/ })
      .innerText()
  ).replace(/\s+/g, " ");
  const fallsProjects = Number(/the national priority area “Falls” \((\d+) projects?\)/.exec(fallsHint)?.[1]);
  expect(fallsProjects).toBeGreaterThan(0);
  await page.getByLabel("Why you chose them").fill(rationale);
  await page.getByRole("button", { name: "Continue" }).click();

  // The confirmation page: what closing does and how many ranked, before anything changes; at 390 px too.
  await expect(page.getByRole("heading", { name: "Check your decision before you close the round" })).toBeVisible();
  await expect(page.getByText("2 people have ranked: 1 patient or carer and 1 member of staff.")).toBeVisible();
  await expect(page.getByText("It cannot be undone", { exact: false })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Close the round", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(roundTitle);
  await expect(page.getByRole("status").first()).toContainText("The round is closed and your decision is published.");
  const decision = page.getByRole("region", { name: "The decision" });
  await expect(decision).toContainText(rationale);
  await expect(page.getByRole("button", { name: "Submit my ranking" })).toHaveCount(0);

  await page.goto("/collaboratives/wessex");
  const priorities = page.getByRole("region", { name: "Local priorities" });
  const link = priorities.getByRole("link", { name: ownCandidate });
  await expect(link).toBeVisible();
  await expect(priorities.getByRole("listitem").filter({ hasText: ownCandidate })).toContainText(
    `Chosen in “${roundTitle}”`,
  );

  // Falls: the national area itself, with the collaborative's projects on it (not a copy with none).
  const fallsItem = priorities
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Falls", exact: true }) });
  await expect(fallsItem).toContainText("National priority area");
  await expect(fallsItem).toContainText(`${fallsProjects} project${fallsProjects === 1 ? "" : "s"},`);
  await expectAccessible(page);

  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ownCandidate);
  await expect(page.getByText(rationale)).toBeVisible();
  await expect(page.getByText("Ranking, patients and carers").locator("..")).toContainText("1 of 3");

  await page.goto("/collaboratives/wessex");
  await page
    .getByRole("region", { name: "Local priorities" })
    .getByRole("link", { name: "Falls", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Falls");
  await expect(page.getByRole("region", { name: "Projects working on it" }).getByRole("listitem")).not.toHaveCount(0);
  await expectAccessible(page);
});

test("the public sees the workspace, the closed round's results and the priority, but no forms", async ({ page }) => {
  await page.goto("/collaboratives/wessex");
  await expect(page.getByRole("region", { name: "Safety concerns raised" })).toContainText("These are counts only");
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toHaveCount(0);
  await page.goto(roundPath);
  await expect(page.getByRole("region", { name: "Results" }).getByRole("table", { name: /Everyone/ })).toContainText(
    ownCandidate,
  );
  await expect(page.getByRole("button", { name: "Submit my ranking" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Close the round and record the decision" })).toHaveCount(0);
  await page.goto("/collaboratives/wessex/events");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Events");
  await page.goto("/collaboratives/wessex/rounds");
  await expect(page.getByRole("link", { name: roundTitle })).toBeVisible();
});

test("the lead manages member organisations, with ODS codes checked", async ({ page }) => {
  const name = `E2E Surgery ${marker}`;
  const code = `J${String(parseInt(marker.slice(0, 5), 16) % 100000).padStart(5, "0")}`;
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex");
  await page.getByRole("link", { name: "Manage member organisations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Member organisations");

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "GP practice" });
  await page.getByLabel("ODS code", { exact: true }).fill("RHM");
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "A GP practice's ODS code is a letter followed by 5 numbers, for example J82001",
  );
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expectAccessible(page);

  await page.getByLabel("ODS code", { exact: true }).fill(code.toLowerCase());
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByRole("status")).toHaveText(`${name} has been added.`);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(code);

  await row.getByRole("link", { name: `Change ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Change ${name}`);
  await page.getByRole("group", { name: "Is it still a member?" }).getByLabel("No, it has left").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText(`${name} has been updated.`);
  await page.goto("/collaboratives/wessex/organisations");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Left");
});

test("the lead runs an event: adds it, people sign up, and its notes become a draft learning item", async ({
  page,
}) => {
  const title = `E2E learning event ${marker}`;
  const year = String(new Date().getUTCFullYear() + 1);
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/events");
  await page.getByRole("link", { name: "Add an event" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an event");
  await page.getByLabel("Title").fill(title);
  const date = page.getByRole("group", { name: "Date" });
  await date.getByLabel("Day").fill("15");
  await date.getByLabel("Month").fill("7");
  await date.getByLabel("Year").fill(year);
  await page.getByLabel("Starts at").fill("10:00");
  await page.getByLabel("Finishes at").fill("09:00");
  await page.getByLabel("Place", { exact: true }).fill("Winchester Guildhall");
  await page.getByLabel("Number of places").fill("2");
  await page.getByLabel("Agenda").fill("10:00 Welcome\n10:30 Stories from three care homes");
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "The finish time must be after the start time",
  );
  await expectAccessible(page);
  await page.getByLabel("Finishes at").fill("15:30");
  await page.getByRole("button", { name: "Add event" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(`15 July ${year} at 10:00 am to 3:30 pm`)).toBeVisible();
  await expect(page.getByText("2 left of 2")).toBeVisible();
  await page.getByRole("button", { name: "Sign up for this event" }).click();
  await expect(page.getByText("You have a place at this event.")).toBeVisible();
  await expect(page.getByText("1 left of 2")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Change the event" }).click();
  await expect(page.getByLabel("Starts at")).toHaveValue("10:00");
  await page.getByLabel("Place", { exact: true }).fill("Winchester Guildhall, The Broadway");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Winchester Guildhall, The Broadway")).toBeVisible();

  await page.getByRole("link", { name: "Publish notes or outputs as learning" }).click();
  await page.getByRole("group", { name: "What kind of learning is it?" }).getByLabel("Case study").check();
  await page.getByLabel("Summary").fill("Three care homes shared how they cut falls at night.");
  await page.getByLabel("Notes and outputs").fill("## What we heard\n- Night-time toileting rounds helped most.");
  await page.getByRole("button", { name: "Save as a draft learning item" }).click();
  await expect(page.getByRole("status")).toContainText("has been saved as a draft learning item");
  await expect(page.getByRole("link", { name: "Review and publish it" })).toHaveAttribute(
    "href",
    /^\/learning\/e2e-learning-event-/,
  );
  await expect(page.getByRole("region", { name: "Notes and outputs" })).toContainText("Draft");

  // The public sees the event but not the draft, and is asked to sign in to take part.
  const eventPath = new URL(page.url()).pathname;
  await page.context().clearCookies();
  await page.goto(eventPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("region", { name: "Notes and outputs" })).not.toContainText("Draft");
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
});
