// Accounts journeys in Chromium (every page axe-scanned by the fixture): registering, signing in and
// out, resetting a password through the captured email, accepting an invitation, and the attacks that
// must change nothing: a replayed server action from a signed-out browser and a removed member's session.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { mailDir } from "../../playwright.config";
import { listCapturedMail } from "../../lib/mail/captured";

const PASSWORD = "correct horse battery staple";
const LEAD = "lead.wessex@demo.nhs.uk";

const newEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@nhs.net`;

/** The first link in the newest captured email to `to`, waiting for it to arrive. */
async function emailedLink(to: string, pathPrefix: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const message = listCapturedMail(mailDir).find((m) => m.to.includes(to));
        link = message?.text.match(/https?:\/\/\S+/)?.[0];
        return link ? new URL(link).pathname : undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(pathPrefix);
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

async function registerPatient(page: Page, email: string, name: string) {
  await page.goto("/register");
  await page.getByRole("link", { name: "I am a patient or carer" }).click();
  await page.getByLabel("Your postcode, or the first part of it").fill("SO16 6YD");
  await page.getByRole("button", { name: "Find my collaborative" }).click();
  await expect(page.getByText("is mostly covered by Wessex Patient Safety Collaborative")).toBeVisible();
  // The guess is pre-selected for the person to confirm.
  await expect(page.getByLabel("Your local collaborative")).toHaveValue(/.+/);
  await expect(page.getByLabel("Your local collaborative").locator("option:checked")).toHaveText(
    /^Wessex Patient Safety Collaborative/,
  );
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account\?welcome=patient$/);
}

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-out$/);
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("a patient registers, signs out, and signs in again (a wrong password gets one plain error)", async ({ page }) => {
  const email = newEmail("patient");
  await registerPatient(page, email, "Pat Register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.getByRole("main").getByRole("link", { name: "Wessex Patient Safety Collaborative" })).toBeVisible();
  await expect(page.getByText("Patient or carer", { exact: true })).toBeVisible();

  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter a correct email address and password");
  // The email typed is kept; the password never is.
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("banner").getByRole("link", { name: /Pat Register/ })).toBeVisible();
});

test("signing in works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await page.getByLabel("Email address").fill(LEAD);
  await page.getByLabel("Password", { exact: true }).fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("Collaborative lead", { exact: true })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  await context.close();
});

test("a forgotten password is reset through the emailed link, which works once", async ({ page }) => {
  const email = newEmail("forgetful");
  await registerPatient(page, email, "Fay Forgetful");
  await signOut(page);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  // The sign-in page has an "Email address" field too: fill in the new page's, once it is shown.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  const link = await emailedLink(email, "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a completely new passphrase");
  await page.getByLabel("Confirm new password").fill("a completely new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);

  await signIn(page, email, "a completely new passphrase");
  await expect(page.getByRole("banner").getByRole("link", { name: /Fay Forgetful/ })).toBeVisible();

  // The link cannot be used again.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
});

test("a lead invites someone who accepts with a new account; removing them ends their session", async ({
  page,
  browser,
}) => {
  const email = newEmail("invitee");
  const name = `Ivy Invitee ${randomUUID().slice(0, 6)}`;
  await signIn(page, LEAD);
  await page.goto("/collaboratives/wessex/members");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members of Wessex Patient Safety Collaborative");
  await page.getByLabel("Their email address").fill(email);
  await page.getByLabel("Staff member").check();
  await page.getByLabel("Organisation", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();

  // The invitee, in their own browser.
  const invitee = await newPage(browser);
  await invitee.goto(await emailedLink(email, "/invitations/accept"));
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Join Wessex Patient Safety Collaborative");
  await invitee.getByLabel("Full name").fill(name);
  await invitee.getByLabel("Create a password").fill(PASSWORD);
  await invitee.getByLabel("Confirm password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(/\/account\?welcome=invitation$/);
  await expect(invitee.getByText("Staff member", { exact: true })).toBeVisible();

  // The lead removes them; the invitee's open session stops working at once.
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(page.getByText("Member removed.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);

  await invitee.goto("/account");
  await expect(invitee).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  const members = await invitee.goto("/collaboratives/wessex/members");
  await expect(invitee).toHaveURL(/\/sign-in/);
  expect(members?.ok()).toBe(true);
  await invitee.context().close();
});

test("a server action replayed by a signed-out browser is refused and changes nothing", async ({
  page,
  browser,
  request,
}) => {
  const email = newEmail("target");
  const name = `Tara Target ${randomUUID().slice(0, 6)}`;
  const target = await newPage(browser);
  await registerPatient(target, email, name);
  await target.context().close();

  await signIn(page, LEAD);
  await page.goto("/collaboratives/wessex/members");
  // Capture the lead's real "Remove" request without letting it through.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/collaboratives/wessex/members", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer()! };
    await route.abort();
  });
  await page
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("button", { name: `Remove ${name}` })
    .click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/collaboratives/wessex/members");
  expect(captured!.headers["next-action"]).toBeTruthy();

  await page.goto("/collaboratives/wessex/members");
  await signOut(page);

  // Replay it exactly, from a client with no session cookie.
  const { cookie: _cookie, "content-length": _length, ...headers } = captured!.headers;
  const replay = await request.fetch(captured!.url, { method: "POST", headers, data: captured!.body });
  const text = await replay.text();
  expect(text).not.toContain("Member removed.");
  expect(text).toContain("We could not find that page or record.");

  // The member is still there.
  await signIn(page, LEAD);
  await page.goto("/collaboratives/wessex/members");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
});
