// Issue 16: the reporter replies to the team and says whether the response answered their concern,
// with only the tracking link (JavaScript off and on); the reply reaches the lead's triage; the lead
// previews a response before publishing it; each triage result is focused at the top; the triage list
// reads as stacked rows on a phone. Every page is scanned with axe (fixtures.ts). The hazard log cites
// these tests by name.
import { randomUUID } from "node:crypto";
import { test, expect, expectAccessible, signIn, freshConcernLimits } from "./fixtures";

test.beforeEach(freshConcernLimits);
// The demo patient's first Wessex concern, which has a response (prisma/seed/demo-build.ts, DEMO_TRACKING_TOKEN).
const DEMO_TRACKING_TOKEN = "demo-tracking-token-wessex-1";

test.describe.configure({ mode: "serial" });

const marker = randomUUID().slice(0, 8);
const trackingPath = `/concerns/track/${DEMO_TRACKING_TOKEN}`;
const firstReply = `Reply ${marker}: thank you, but nobody told the ward pharmacist.`;
const secondReply = `Reply ${marker}-2: I still do not know who to ask.`;
const state = { reference: "" };

test.describe("the reporter, with only the tracking link (JavaScript off)", () => {
  test.use({ javaScriptEnabled: false });

  test("replies and rates the response without JavaScript, and lands on the thanks with the reply shown", async ({
    page,
  }) => {
    await page.goto(trackingPath);
    state.reference = (await page.locator("strong", { hasText: /^PSC-/ }).first().textContent())!.trim();
    const form = page.getByRole("form", { name: "Reply to the team" });
    await expect(form).toBeVisible();

    // Nothing chosen or written: the error summary links to the question.
    await form.getByRole("button", { name: "Send reply" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("There is a problem");
    await expect(
      summary.getByRole("link", { name: "Select whether our response answered your concern, or write a reply" }),
    ).toHaveAttribute("href", "#field-answered");

    await page.getByRole("group", { name: "Did our response answer your concern?" }).getByLabel("Partly").check();
    await page.getByLabel("Your reply (optional)").fill(firstReply);
    await page.getByRole("button", { name: "Send reply" }).click();

    await expect(page).toHaveURL(new RegExp(`${trackingPath}\\?done=reply-sent#done$`));
    const banner = page.locator("main #done");
    await expect(banner).toHaveText(
      "Thank you. Your reply has been sent to the patient safety team, and is shown below.",
    );
    const conversation = page.getByRole("list", { name: "Responses from the team and your replies, oldest first" });
    await expect(conversation.getByText(firstReply)).toBeVisible();
    await expect(conversation.getByText("Did the response answer your concern? Partly")).toBeVisible();
  });
});

test("replies and rates the response with JavaScript, and the thanks banner takes the focus", async ({ page }) => {
  await page.goto(trackingPath);
  await page.getByRole("group", { name: "Did our response answer your concern?" }).getByLabel("No").check();
  await page.getByLabel("Your reply (optional)").fill(secondReply);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.locator("main #done")).toBeFocused();
  await expect(page.getByText(secondReply)).toBeVisible();
  await expectAccessible(page);
});

test("the reply shows in the lead's triage, in order with its rating, and the concern is tagged 'Reply waiting'", async ({
  page,
}) => {
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/concerns?status=reply");
  await page.getByRole("link", { name: state.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Concern ${state.reference}`);
  await expect(page.getByText("Reply waiting", { exact: true })).toBeVisible();
  const conversation = page.getByRole("list", { name: "Responses and replies, oldest first" });
  const items = conversation.getByRole("listitem");
  // The team's response first, then the two replies in the order they were sent.
  const texts = await items.allTextContents();
  const first = texts.findIndex((t) => t.includes(firstReply));
  const second = texts.findIndex((t) => t.includes(secondReply));
  expect(texts[0]).toContain("Response,");
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(first);
  expect(texts[first]).toContain("Did the response answer their concern? Partly");
  expect(texts[second]).toContain("Did the response answer their concern? No");
  await expectAccessible(page);
});

test("the lead previews a response, changes it, publishes it, and the result banner is focused at the top", async ({
  page,
}) => {
  test.slow();
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/concerns?status=reply");
  await page.getByRole("link", { name: state.reference }).click();
  const draft = `Thank you (${marker}). We have told the ward pharmacist,\nand Sam on the ward will call you.`;
  await page.getByLabel("Public response to the reporter").fill(draft);
  await page.getByRole("button", { name: "Preview response" }).click();

  const preview = page.getByRole("region", { name: "Preview: what the reporter will see" });
  await expect(page.getByRole("heading", { name: "Preview: what the reporter will see" })).toBeFocused();
  await expect(preview.getByText("We have told the ward pharmacist,")).toBeVisible();
  await expectAccessible(page);

  // "Change" goes back to the text exactly as typed; nothing was saved.
  await preview.getByRole("button", { name: "Change" }).click();
  await expect(page.getByLabel("Public response to the reporter")).toHaveValue(draft);
  await page.getByRole("button", { name: "Preview response" }).click();
  await page
    .getByRole("region", { name: "Preview: what the reporter will see" })
    .getByRole("button", { name: "Publish response" })
    .click();

  await expect(page).toHaveURL(/\?done=concern-responded-no-contact#done$/);
  const banner = page.locator("main #done");
  await expect(banner).toBeFocused();
  await expect(banner).toHaveText(
    "Response published on the reporter's tracking page. They did not give contact details for email, so it was not emailed.",
  );
  // The banner is the first thing in main.
  expect(await page.evaluate(() => document.querySelector("main")?.firstElementChild?.id)).toBe("done");
  await expect(page.getByText("Reply waiting", { exact: true })).toHaveCount(0);

  // A status change lands on its own banner, focused again.
  await page.getByLabel("New status").selectOption({ label: "Closed" });
  await page.getByLabel("Outcome (needed when closing)").fill(`Closed after the call (${marker}).`);
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.locator("main #done")).toHaveText(
    'Status changed to "Closed". The reporter sees the outcome on their tracking page.',
  );
  await expect(page.locator("main #done")).toBeFocused();

  // The reporter sees the published response as previewed, after their replies.
  await page.context().clearCookies();
  await page.goto(trackingPath);
  const conversation = page.getByRole("list", { name: "Responses from the team and your replies, oldest first" });
  const last = conversation.getByRole("listitem").last();
  await expect(last).toContainText("We have told the ward pharmacist,");
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the triage list reads as stacked rows, with no horizontal scroll", async ({ page }) => {
    await signIn(page, "lead.wessex@demo.nhs.uk");
    await page.goto("/collaboratives/wessex/concerns?status=all");
    const cards = page.getByRole("region", { name: /concerns?$/ });
    await expect(cards.getByRole("heading", { level: 3 }).first()).toBeVisible();
    await expect(page.getByRole("table", { name: /concerns/ })).toBeHidden();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
