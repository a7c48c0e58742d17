// Inviting someone without an account to a project team by email: the staff member invites a patient
// partner from the team page, the invitee accepts from the emailed link in their own browser, and is
// on the team. Every page is axe-scanned by the fixtures.
import { randomUUID } from "node:crypto";
import { test, expect, signIn } from "./fixtures";
import { mailDir } from "../../playwright.config";
import { listCapturedMail } from "../../lib/mail/captured";

test.describe.configure({ timeout: 180_000 });

test("a staff member invites a patient partner by email, who accepts and joins the team", async ({ page, browser }) => {
  const email = `partner-${randomUUID().slice(0, 8)}@example.org`;
  const name = `Pat Partner ${randomUUID().slice(0, 6)}`;
  await signIn(page, "staff.wessex@demo.nhs.uk");
  const projectLink = page.getByRole("region", { name: "Your projects" }).getByRole("heading", { level: 3 }).first();
  const projectTitle = (await projectLink.textContent())!.trim();
  const projectPath = (await projectLink.getByRole("link").getAttribute("href"))!;
  await page.goto(`${projectPath}/team`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Their email address").fill(email);
  await page.getByLabel("A patient partner").check();
  await page.getByLabel("Their role on the team (optional)").fill("Patient partner");
  await page.getByRole("button", { name: "Invite to the team" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`${email}, as a patient partner`)).toBeVisible();

  let link: string | undefined;
  await expect
    .poll(
      () => {
        const message = listCapturedMail(mailDir).find((m) => m.to.includes(email));
        link = message?.text.match(/https?:\/\/\S+/)?.[0];
        return link ? new URL(link).pathname : undefined;
      },
      { timeout: 15_000 },
    )
    .toBe("/invitations/accept");
  const url = new URL(link!);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(`${url.pathname}${url.search}`);
  await expect(invitee.getByText(`the team of the project “${projectTitle}”`)).toBeVisible();
  await invitee.getByLabel("Full name").fill(name);
  await invitee.getByLabel("Create a password").fill("correct horse battery staple");
  await invitee.getByLabel("Confirm password").fill("correct horse battery staple");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(/\/account\?welcome=invitation$/);
  await context.close();

  await page.reload();
  await expect(page.getByRole("table", { name: "Team members" })).toContainText(name);
  await expect(page.getByText(`${email}, as a patient partner`)).toHaveCount(0);
});
