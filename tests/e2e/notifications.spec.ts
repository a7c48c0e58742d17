// Notifications (issues 16 and 23): a concern's arrival emailed to the collaborative's lead, an urgent
// one at once whatever their setting, the settings page (axe, a 390 px phone), and one-click
// unsubscribe (RFC 8058) posted without cookies, as a mail client does.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, freshConcernLimits } from "./fixtures";
import { listCapturedMail } from "@/lib/mail/captured";
import { mailDir } from "../../playwright.config";

test.beforeEach(freshConcernLimits);

test.describe.configure({ mode: "serial" });

const LEAD = "lead.wessex@demo.nhs.uk";
const marker = randomUUID().slice(0, 8);
let unsubscribePath = "";

async function sendConcern(page: Page, whatHappened: string): Promise<string> {
  await page.goto("/concerns/new");
  await page.getByLabel("What happened?").fill(whatHappened);
  await page.getByRole("group", { name: "Roughly when did it happen?" }).getByLabel("In the last week").check();
  await page.getByLabel("Postcode of where it happened").fill("SO16 6YD");
  await page
    .getByRole("group", { name: "Where in their care did it happen?" })
    .getByLabel("On a hospital ward")
    .check();
  await page.getByRole("group", { name: "What is it mostly about?" }).getByLabel("Falls").check();
  await page
    .getByRole("group", { name: "Who are you?" })
    .getByLabel("I am a carer, relative or friend of the patient")
    .check();
  await page
    .getByRole("group", { name: "Can the patient safety team contact you about this concern?" })
    .getByLabel("No, I want to stay anonymous")
    .check();
  await page.getByRole("button", { name: "Send concern", exact: true }).click();
  const confirm = page.getByRole("button", { name: "Confirm and send concern" });
  await expect(confirm.or(page.getByRole("heading", { name: "Concern sent" }))).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  // Words that suggest someone may be in danger now show the urgent-help page before the confirmation.
  const urgentHelp = page.getByRole("link", { name: "Continue to your confirmation" });
  await expect(urgentHelp.or(page.getByRole("heading", { level: 1, name: "Concern sent" }))).toBeVisible();
  if (await urgentHelp.isVisible()) await urgentHelp.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concern sent");
  return (await page.locator("strong", { hasText: /^PSC-/ }).textContent())!.trim();
}

const mailAbout = (reference: string) =>
  listCapturedMail(mailDir).find((m) => m.to.includes(LEAD) && m.text.includes(reference));

test("the lead is emailed when a concern arrives, without its words, with one-click unsubscribe", async ({
  browser,
}) => {
  const reporter = await (await browser.newContext()).newPage();
  const reference = await sendConcern(reporter, `Notify ${marker}: my dad fell at night on the ward.`);
  await expect.poll(() => mailAbout(reference)?.subject ?? "", { timeout: 30_000 }).toMatch(/arrived in Wessex/);
  const mail = mailAbout(reference)!;
  expect(mail.text).not.toContain(`Notify ${marker}`);
  expect(mail.text).toMatch(/\/collaboratives\/wessex\/concerns\/\w+/);
  expect(mail.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
  unsubscribePath = new URL(mail.listUnsubscribe!.replace(/^<|>$/g, "")).pathname;
  expect(unsubscribePath).toMatch(/^\/notifications\/unsubscribe\//);
});

test("opening the unsubscribe link changes nothing; its button or a one-click POST without cookies does", async ({
  page,
  playwright,
  baseURL,
}) => {
  // A mail scanner's GET: the page with a button, nothing changed.
  await page.goto(unsubscribePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stop emails about new safety concerns");
  await expectAccessible(page);

  // The mail client's one-click POST: no cookies, no session.
  const client = await playwright.request.newContext({ baseURL });
  const refused = await client.post(`${unsubscribePath.slice(0, -4)}AAAA`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(refused.status()).toBe(404);
  const answer = await client.post(unsubscribePath, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(answer.status()).toBe(200);
  await client.dispose();

  // The next concern is not emailed to the lead.
  const reporter = await (await page.context().browser()!.newContext()).newPage();
  const reference = await sendConcern(reporter, `Quiet ${marker}: my mum was given the wrong tablets.`);
  await page.waitForTimeout(8_000);
  expect(mailAbout(reference)).toBeUndefined();
});

test("the lead changes their settings; an urgent concern is still emailed at once", async ({ page, browser }) => {
  await signIn(page, LEAD);
  await page.goto("/account");
  await page.getByRole("link", { name: "Notification settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notification settings");
  const received = page.getByRole("group", { name: /New safety concerns/ });
  await expect(received.getByLabel("Do not email me")).toBeChecked(); // the one-click POST above
  await expect(page.getByText("cannot be turned off")).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await received.getByLabel(/daily summary/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Your notification settings have been saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: /New safety concerns/ }).getByLabel(/daily summary/)).toBeChecked();
  await expectAccessible(page);

  const reporter = await (await browser.newContext()).newPage();
  const reference = await sendConcern(
    reporter,
    `Urgent ${marker}: he said he is not safe at home and it is still happening.`,
  );
  await expect
    .poll(() => mailAbout(reference)?.subject ?? "", { timeout: 30_000 })
    .toContain("may describe someone in danger now");
  expect(mailAbout(reference)!.text).not.toContain(`Urgent ${marker}`);
});
