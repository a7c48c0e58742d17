import { test, expect, expectAccessible, signIn } from "./fixtures";

// One journey through shared learning: staff write up a change idea, their lead publishes it, anyone
// searches and filters the library (the query lives in the URL), and staff of another collaborative
// record that they are adopting it — which then shows on the spread view and its region map.
const word = `quillbrook${Date.now()
  .toString(36)
  .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
const title = `The ${word} huddle prompt for falls`;

test.describe.configure({ mode: "serial" });

test("staff write up a change idea with a Markdown preview, and it is saved as a draft", async ({ page }) => {
  await signIn(page, "staff.wessex@demo.nhs.uk");
  await page.goto("/learning/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write up learning");
  await page.getByLabel(/^Change idea/).check();
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Summary")
    .fill(
      `A ${word} prompt at the safety huddle made sure every new patient had a falls risk assessment within 6 hours.`,
    );
  await page
    .getByLabel("The full write-up (optional)")
    .fill(
      `## What we did\n\nWe added **one question** to the huddle.\n\n<script>alert(1)</script>\n\n[Bad link](javascript:alert(1))`,
    );
  await page.getByLabel("Falls", { exact: true }).check();

  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview of the write-up" });
  await expect(preview.getByRole("heading", { name: "What we did" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("one question");
  await expect(preview.locator("script")).toHaveCount(0);
  await expect(preview.getByRole("link", { name: "Bad link" })).toHaveAttribute("href", "#");
  // What was typed is kept after the preview.
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Draft.", { exact: false }).first()).toBeVisible();
  // Staff cannot publish: only the lead can.
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
});

test("the collaborative's lead publishes it", async ({ page }) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/learning");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search box and the filters are a plain form: the URL carries them and the back button undoes them", async ({
    page,
  }) => {
    test.slow(); // every page load is scanned with axe
    await page.goto("/learning");
    await page.getByLabel("Search shared learning").fill(word);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/learning\\?q=${word}$`));
    await expect(page.getByRole("link", { name: title })).toBeVisible();

    await page
      .getByRole("group", { name: "Type of learning" })
      .getByLabel(/^Lesson/)
      .check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/type=lesson/);
    await expect(page.getByRole("heading", { name: /^No results/ })).toBeVisible();
    // Each chosen filter has a link that removes it.
    await page.getByRole("link", { name: /Remove filter: Lesson/ }).click();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/type=lesson/);
  });

  test("staff of another collaborative record an adoption with the plain form, and see it on the spread view", async ({
    page,
  }) => {
    test.slow();
    await signIn(page, "staff.eastern@demo.nhs.uk");
    await page.goto(`/learning?q=${word}`);
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("link", { name: "Record that your team is adopting this" }).click();
    await page.getByLabel(/^Adopted/).check();
    await page.getByRole("button", { name: "Record adoption" }).click();
    await expect(page.getByRole("status")).toContainText("Your adoption is recorded");
    const adopters = page
      .getByRole("region", { name: "Spread and adoption" })
      .getByRole("table", { name: "Teams that have taken it up" });
    await expect(adopters.getByRole("row", { name: /Eastern Patient Safety Collaborative/ })).toContainText("Adopted");
  });

  test("the write-up preview works as a submit button", async ({ page }) => {
    test.slow();
    await signIn(page, "staff.wessex@demo.nhs.uk");
    await page.goto("/learning/new");
    await page.getByLabel("Title").fill(`Preview without scripts ${word}`);
    await page.getByLabel("The full write-up (optional)").fill("A list:\n\n- first\n- second");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview of the write-up" });
    await expect(preview.getByRole("listitem")).toHaveText(["first", "second"]);
    await expect(page.getByLabel("Title")).toHaveValue(`Preview without scripts ${word}`);
  });
});

test("anyone can search and filter the library, with the search in the URL", async ({ page }) => {
  await page.goto("/learning");
  await page.getByLabel("Search shared learning").fill(`${word} huddle`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}\\+huddle`));
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: title })).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();

  await page
    .getByRole("group", { name: "Type of learning" })
    .getByLabel(/Change idea/)
    .check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=change-idea/);
  await expect(results.getByRole("link", { name: title })).toBeVisible();

  await page
    .getByRole("group", { name: "Type of learning" })
    .getByLabel(/^Case study/)
    .check();
  await page
    .getByRole("group", { name: "Type of learning" })
    .getByLabel(/Change idea/)
    .uncheck();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("heading", { name: /^No results/ })).toBeVisible();

  // The back button returns to the previous search.
  await page.goBack();
  await expect(page).toHaveURL(/type=change-idea/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // A misspelling still finds it, and the page says which spelling the results are for; hostile text
  // gives a friendly page, never an error.
  const misspelt = word.slice(0, 5) + word.slice(6);
  await page.goto(`/learning?q=${encodeURIComponent(misspelt)}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(
    page.getByText(`We found nothing for “${misspelt}”, so these results are for the spelling “${word}”.`),
  ).toBeVisible();
  await expect(page.getByLabel("Search shared learning")).toHaveValue(misspelt);
  const response = await page.goto(
    `/learning?q=${encodeURIComponent(`"'; DROP TABLE x; -- 😀 <script> ${"x".repeat(600)}`)}`,
  );
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /^No results/ })).toBeVisible();

  await page.goto(`/learning?q=${word}`);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "Spread and adoption" })).toBeVisible();
});

test("staff of another collaborative record an adoption, and it shows on the spread view", async ({ page }) => {
  await signIn(page, "staff.oxford@demo.nhs.uk");
  await page.goto(`/learning?q=${word}`);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Record that your team is adopting this" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record that your team is adopting this");

  // "Not adopted" needs a reason: the error summary says so and what was chosen is kept.
  await page.getByLabel(/^Not adopted/).check();
  await page.getByRole("button", { name: "Record adoption" }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expect(page.getByRole("link", { name: "Tell others why you decided not to adopt it" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^Testing/).check();
  await page.getByRole("button", { name: "Record adoption" }).click();
  await expect(page.getByRole("status")).toContainText("Your adoption is recorded");

  const spread = page.getByRole("region", { name: "Spread and adoption" });
  await expect(spread.getByText("Collaboratives adopting")).toBeVisible();
  const adopters = spread.getByRole("table", { name: "Teams that have taken it up" });
  await expect(adopters.getByRole("row", { name: /Oxford Patient Safety Collaborative/ })).toContainText("Testing");
  // The map's table alternative counts Oxford's team.
  await spread.getByText("Show the map as a table").click();
  const mapTable = spread.getByRole("table", { name: "Teams adopting by Patient Safety Collaborative region" });
  await expect(mapTable.getByRole("row", { name: /^Oxford/ })).toContainText("1");
  await expect(mapTable.getByRole("row", { name: /^Wessex/ })).toContainText("where it started");
  await expect(spread.getByText(/Contains National Statistics data/)).toBeVisible();
  await expectAccessible(page);
});

test("signed-in people follow an item and a priority area, see them on “What you follow”, and stop following", async ({
  page,
}) => {
  await signIn(page, "patient@demo.nhs.uk");
  await page.goto(`/learning?q=${word}`);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Follow this learning" }).click();
  await expect(page.getByRole("button", { name: "Stop following" })).toBeVisible();

  await page.goto("/learning/following");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.getByRole("button", { name: "Follow Pressure ulcers", exact: true }).click();
  await expect(page.getByRole("button", { name: "Stop following Pressure ulcers", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: `Stop following ${title}` }).click();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await page.getByRole("button", { name: "Stop following Pressure ulcers", exact: true }).click();
  await expect(page.getByRole("button", { name: "Follow Pressure ulcers", exact: true })).toBeVisible();
});
