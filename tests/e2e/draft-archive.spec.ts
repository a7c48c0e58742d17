// Drafts are true and projects are archived, not deleted (issues 15 and 19), on a desktop and a 390 px
// phone: the national team gets not-found for a Wessex draft and does not meet it on the national
// dashboard; a Wessex lead archives a project, it leaves /projects, and the lead restores it; editing a
// project without JavaScript ends on a success banner. Every page is axe-scanned (./fixtures).
import pg from "pg";
import { test, expect, signIn } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";

type Row = { id: string; title: string };

/** A Wessex project of the seeded demo data (not archived), read from the e2e server's database. */
async function wessexProject(visibility: "DRAFT" | "PORTAL"): Promise<Row> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const { rows } = await client.query<Row>(
      `SELECT p.id, p.title FROM "Project" p JOIN "Collaborative" c ON c.id = p."collaborativeId"
       WHERE c.slug = 'wessex' AND p.visibility = $1 AND p."archivedAt" IS NULL
       ORDER BY p."createdAt", p.id LIMIT 1`,
      [visibility],
    );
    if (!rows[0]) throw new Error(`The demo data has no ${visibility} Wessex project`);
    return rows[0];
  } finally {
    await client.end();
  }
}

const VIEWPORTS = [
  ["desktop", { width: 1280, height: 900 }],
  ["390 px phone", { width: 390, height: 844 }],
] as const;

for (const [device, viewport] of VIEWPORTS) {
  test.describe(device, () => {
    test.use({ viewport });

    test("the national team gets not found for a Wessex draft and does not see it nationally", async ({ page }) => {
      const draft = await wessexProject("DRAFT");
      // Its own collaborative's staff see it, labelled with exactly who can.
      await signIn(page, "lead.wessex@demo.nhs.uk");
      await page.goto(`/projects/${draft.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(draft.title);
      await expect(
        page.getByText("Draft: only staff and leads of Wessex Patient Safety Collaborative can see it"),
      ).toBeVisible();
      await page.context().clearCookies();

      await signIn(page, "national@demo.nhs.uk");
      const response = await page.goto(`/projects/${draft.id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByText(draft.title)).toHaveCount(0);
      for (const path of ["/national", "/national/improvement", `/projects?q=${encodeURIComponent(draft.title)}`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.getByText(draft.title)).toHaveCount(0);
      }
    });

    test("a lead archives a project, it leaves /projects, and the lead restores it", async ({ page }) => {
      const project = await wessexProject("PORTAL");
      const search = `/projects?q=${encodeURIComponent(project.title)}`;
      await signIn(page, "lead.wessex@demo.nhs.uk");
      await page.goto(search);
      await expect(page.getByRole("link", { name: project.title })).toBeVisible();

      await page.goto(`/projects/${project.id}/edit`);
      await page.getByRole("link", { name: "Archive this project" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Archive “${project.title}”`);
      await page.waitForLoadState("networkidle");
      await page.getByLabel("I understand the project will be hidden until a lead restores it").check();
      await page.getByRole("button", { name: "Archive the project" }).click();

      await expect(page.getByRole("status").filter({ hasText: "Project archived." })).toBeVisible();
      await expect(page.getByRole("heading", { name: "This project is archived" })).toBeVisible();
      await page.goto(search);
      await expect(page.getByRole("link", { name: project.title })).toHaveCount(0);
      await expect(page.getByRole("heading", { level: 2, name: "No projects match" })).toBeVisible();

      await page.goto(`/projects/${project.id}`);
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: "Restore the project" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Project restored." })).toBeVisible();
      await expect(page.getByRole("heading", { name: "This project is archived" })).toHaveCount(0);
      await page.goto(search);
      await expect(page.getByRole("link", { name: project.title })).toBeVisible();
    });

    test.describe("without JavaScript", () => {
      test.use({ javaScriptEnabled: false });

      test("editing a project ends on a success banner", async ({ page }) => {
        const project = await wessexProject("PORTAL");
        await signIn(page, "staff.wessex@demo.nhs.uk");
        await page.goto(`/projects/${project.id}/edit`);
        await page.getByRole("button", { name: "Save changes" }).click();
        await expect(page).toHaveURL(new RegExp(`/projects/${project.id}\\?done=project-updated$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(project.title);
        await expect(
          page.getByRole("status").filter({ hasText: "Your changes to the project have been saved." }),
        ).toBeVisible();
      });
    });
  });
}
