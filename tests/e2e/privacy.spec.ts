// An administrator answers a data-protection request: downloads everything held about a person, then
// erases their personal details; the person's page then shows them as erased.
import { randomUUID } from "node:crypto";
import { test, expect, signIn } from "./fixtures";
import { withE2eDatabase } from "@/tests/fixtures/e2e-database";

const marker = randomUUID().slice(0, 8);
const person = { id: `privacy-e2e-${marker}`, name: `Priya Shah ${marker}`, email: `priya.${marker}@example.org` };

test.beforeAll(async () => {
  // The person is made here, in the e2e database, so that no demo account is erased.
  await withE2eDatabase(async (client) => {
    await client.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [
      person.id,
      person.email,
      person.name,
    ]);
    await client.query(
      `INSERT INTO "Membership" (id, "userId", "collaborativeId", role) SELECT $1, $2, id, 'PATIENT' FROM "Collaborative" WHERE slug = 'wessex'`,
      [`${person.id}-m`, person.id],
    );
  });
});

test("an administrator exports a person's data, then erases their personal details", async ({ page }) => {
  await signIn(page, "admin@demo.nhs.uk");
  await page.goto(`/admin?q=${encodeURIComponent(person.email)}`);
  await page.getByRole("link", { name: person.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);
  await expect(page.getByRole("definition").filter({ hasText: "Wessex" })).toBeVisible();

  // The export is a JSON download with their account and memberships.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download their data \(JSON\)/ }).click();
  const download = await downloadPromise;
  const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8"));
  expect(exported.account).toMatchObject({ id: person.id, email: person.email, name: person.name });
  expect(exported.memberships).toEqual([expect.objectContaining({ collaborativeSlug: "wessex", role: "PATIENT" })]);

  // Erasing needs the confirmation word: without it, the error summary says so and nothing happens.
  const erase = page.getByRole("button", { name: "Erase their personal details" });
  await erase.click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Type ERASE to confirm");
  await page.getByLabel("Type ERASE to confirm").fill("ERASE");
  await erase.click();
  // The page now shows the person as erased (the form is gone), also after a reload.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erased person");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erased person");
  await expect(page.getByText(person.email)).toHaveCount(0);
  await expect(page.getByText(/Their personal details were erased on/)).toBeVisible();

  // Someone signed out is sent to sign in; someone signed in who is not an administrator is told the
  // page and the download do not exist.
  const other = await page.context().browser()!.newContext();
  const signedOut = await other.request.get(`/admin/people/${person.id}`);
  expect(signedOut.status()).toBe(200);
  expect(new URL(signedOut.url()).pathname).toBe("/sign-in");
  expect((await other.request.get(`/api/admin/people/${person.id}/export`)).status()).toBe(404);
  await signIn(await other.newPage(), "staff.wessex@demo.nhs.uk");
  expect((await other.request.get(`/admin/people/${person.id}`)).status()).toBe(404);
  expect((await other.request.get(`/api/admin/people/${person.id}/export`)).status()).toBe(404);
  await other.close();
});
