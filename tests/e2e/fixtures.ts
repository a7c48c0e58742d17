import { test as base, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { ScanLedger, VIOLATIONS } from "./scan-ledger";
import { withE2eDatabase } from "@/tests/fixtures/e2e-database";

export { expect };

/** Every page a test visits gets an axe scan (WCAG 2.2 A and AA); any violation fails the test. */
export async function expectAccessible(page: Page) {
  if (!(await scriptsRun(page))) return expectAccessibleWithoutScripts(page);
  await runAxe(page);
}

const axeRunsOf = new WeakMap<Page, Promise<unknown>>();

/**
 * One axe run at a time in a page: a scan that began as one page loaded can still be waiting for the
 * title when the next page loads and its own scan starts, and axe refuses a second run in a document.
 */
function runAxe(page: Page): Promise<void> {
  const run = (axeRunsOf.get(page) ?? Promise.resolve()).then(() => scan(page));
  axeRunsOf.set(
    page,
    run.catch(() => undefined),
  );
  return run;
}

async function scan(page: Page) {
  // Next.js streams the <title> with the page's metadata, and a server action's refresh renders it
  // again: scanning in that moment would report a missing title the person never meets. A title still
  // missing after the wait is reported by axe as usual.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `${VIOLATIONS} ${page.url()}`).toEqual([]);
}

/** With JavaScript switched off (test.use({ javaScriptEnabled: false })) page timers never fire, so axe cannot run in the page. */
async function scriptsRun(page: Page): Promise<boolean> {
  const tick = page
    .evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0)))
    .catch(() => false);
  return Promise.race([tick, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000))]);
}

/**
 * Scans exactly what a browser without JavaScript shows: the page's HTML (scripts removed, so nothing
 * hydrates) served at the same address in a scripting page of its own, with the real stylesheets.
 */
async function expectAccessibleWithoutScripts(page: Page) {
  const url = page.url();
  // The document and its address in one read. A page that is already navigating away, or showing the
  // next document before it has loaded, is not scanned here: the fixture below scans it again (at its next load or after the test).
  const snapshot = await page
    .evaluate(() => ({ html: document.documentElement.outerHTML, at: location.href, state: document.readyState }))
    .catch((error: Error) => {
      throw new Error(`Not scanned during navigation: ${error.message}`);
    });
  if (snapshot.at !== url || snapshot.state !== "complete")
    throw new Error(`Not scanned during navigation: ${snapshot.at} was ${snapshot.state}`);
  const html = `<!DOCTYPE html>${snapshot.html}`.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  // Explicitly with scripts: inside a test, new contexts inherit the test's options (javaScriptEnabled: false).
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(url);
    await runAxe(copy);
  } finally {
    await context.close();
  }
}

const scansOf = new WeakMap<Page, Promise<void>[]>();

/** Waits for the scans of the pages loaded so far: a test that goes straight on to the next address calls it first. */
export async function scansFinished(page: Page) {
  await Promise.all(scansOf.get(page) ?? []);
}

/**
 * `page` here scans each page after it loads (navigation or form submission), so no visited page
 * escapes the check. Tests may also call expectAccessible after client-side changes.
 *
 * Axe on every page, guaranteed: violations on a page that stayed put fail the test at once. A scan that
 * could not finish, or that finished after the page had moved on (its result may describe a document
 * half-replaced, such as a title Next.js is rendering again), is retried at the address's next load; an
 * address the test never loads again is opened afresh in the same context (same session) after the test
 * and scanned there, and anything that scan finds, or a failure to scan it at all, fails the test.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const ledger = new ScanLedger();
    const pending: Promise<void>[] = [];
    let navigations = 0;
    scansOf.set(page, pending);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    page.on("load", () => {
      const url = page.url();
      if (!ledger.startScan(url)) return;
      const at = navigations;
      pending.push(
        expectAccessible(page).then(
          () => ledger.passed(url),
          (error: Error) => ledger.failed(url, error, page.url() !== url || navigations !== at),
        ),
      );
    });
    await use(page);
    await Promise.all(pending);
    for (const url of ledger.owing()) {
      const again = await page.context().newPage();
      try {
        const response = await again.goto(url).catch((error: Error) => {
          throw new Error(
            `Could not open ${url} again to scan it for accessibility (its scan was interrupted when the page moved on): ${error.message}`,
          );
        });
        if (!response) throw new Error(`Could not open ${url} again to scan it for accessibility`);
        await expectAccessible(again);
      } finally {
        await again.close();
      }
    }
  },
});

export async function signIn(page: Page, email: string, password = "demo-password") {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Pastes text into a field as a spreadsheet's copy would arrive (a paste event carrying text/plain). */
export async function pasteInto(field: Locator, text: string) {
  await field.evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Every test's browser sends from 127.0.0.1, so the per-address limits on concerns, replies and lost
 * links (10 in a window) would count the whole suite as one person. Specs that send those call this
 * before each test: each test is a person on their own connection, and the limits stay as they are.
 */
export async function freshConcernLimits() {
  await withE2eDatabase((db) =>
    db.query(
      `DELETE FROM "RateLimitBucket" WHERE key LIKE 'concern:%' OR key LIKE 'concern-reply:%' OR key LIKE 'concern-link:%'`,
    ),
  );
}
