// A concern's whole journey: sent with JavaScript switched off, followed by its tracking link,
// triaged and answered by the collaborative's lead, and the answer seen by the reporter.
import { randomUUID } from "node:crypto";
import { test, expect, expectAccessible, signIn, freshConcernLimits } from "./fixtures";
import { listCapturedMail } from "@/lib/mail/captured";
import { mailDir } from "../../playwright.config";

test.beforeEach(freshConcernLimits);

test.describe.configure({ mode: "serial" });

const marker = randomUUID().slice(0, 8);
const whatHappened = `Test ${marker}: my dad fell at night on the ward. <script>window.__pscInjected = 1</script> <b>not bold</b>`;
const reporterEmail = `reporter-${marker}@example.com`;
const sent = { reference: "", trackingPath: "" };

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a carer sends a concern, confirms where it goes, and gets a reference and a private tracking link", async ({
    page,
  }) => {
    test.slow(); // seven page loads, each scanned with axe
    await page.goto("/concerns/new");
    // Before anything else: not for emergencies, not a formal complaint.
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("Tell us about a safety concern");
    await expect(main.getByRole("heading", { level: 2 }).first()).toHaveText("Important: This is not for emergencies");
    await expect(main.getByText("call 999 in an emergency")).toBeVisible();
    await expect(main.getByText("This is not a formal complaint.")).toBeVisible();

    // Sending it empty: the error summary links to each field, and each field shows its error.
    await page.getByRole("button", { name: "Send concern", exact: true }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("There is a problem");
    await expect(summary.getByRole("link", { name: "Enter what happened" })).toHaveAttribute(
      "href",
      "#field-whatHappened",
    );
    await expect(summary.getByRole("link", { name: "Select who you are" })).toHaveAttribute(
      "href",
      "#field-reporterRelation",
    );
    await expect(page.locator("#field-whatHappened-error")).toHaveText("Error: Enter what happened");
    await expectAccessible(page); // same address as the empty form, so scanned here

    await page.getByLabel("What happened?").fill(whatHappened);
    await page.getByRole("group", { name: "Roughly when did it happen?" }).getByLabel("In the last week").check();
    await page.getByLabel("Postcode of where it happened").fill("so16 6yd");
    await page
      .getByRole("group", { name: "Where in their care did it happen?" })
      .getByLabel("On a hospital ward")
      .check();
    await page.getByRole("group", { name: "What is it mostly about?" }).getByLabel("Falls").check();
    await page.getByLabel("What was the impact? (optional)").fill("He broke his wrist.");
    await page
      .getByRole("group", { name: "Who are you?" })
      .getByLabel("I am a carer, relative or friend of the patient")
      .check();
    await page
      .getByRole("group", { name: "Can the patient safety team contact you about this concern?" })
      .getByLabel("Yes, you can contact me")
      .check();
    await page.getByLabel("Email address").fill(reporterEmail);
    await page.getByRole("button", { name: "Send concern", exact: true }).click();

    // The postcode's collaborative is a guess the person confirms; what they typed is kept.
    const question = page.getByRole("region", { name: "Check where to send your concern" });
    await expect(question).toBeVisible();
    await expect(
      question.getByRole("group", {
        name: "This postcode is usually covered by the Wessex Patient Safety Collaborative. Is that right?",
      }),
    ).toBeVisible();
    await expect(question.getByLabel("Yes, the Wessex Patient Safety Collaborative")).toBeChecked();
    await expect(page.getByLabel("What happened?")).toHaveValue(whatHappened);
    await expect(page.getByLabel("Email address")).toHaveValue(reporterEmail);
    await expectAccessible(page);
    await question.getByRole("button", { name: "Confirm and send concern" }).click();

    await expect(page).toHaveURL(/\/concerns\/confirmation$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concern sent");
    const reference = (await page.locator("strong", { hasText: /^PSC-/ }).textContent())!.trim();
    expect(reference).toMatch(/^PSC-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
    await expect(page.getByText("We have sent your concern to the Wessex Patient Safety Collaborative.")).toBeVisible();
    const link = page.getByRole("link", { name: /\/concerns\/track\// });
    sent.reference = reference;
    sent.trackingPath = (await link.getAttribute("href"))!;
    expect(sent.trackingPath).toMatch(/^\/concerns\/track\/[A-Za-z0-9_-]{43}$/);

    // Refreshing the confirmation never sends the concern again.
    await page.reload();
    await expect(page.getByText(reference)).toBeVisible();

    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your safety concern");
    await expect(page.getByText(reference)).toBeVisible();
    await expect(page.getByText("Received", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("There are no responses yet.")).toBeVisible();
    await expect(page.getByText(`Test ${marker}`)).toHaveCount(0); // what they wrote is not on the tracking page
  });

  test("the reference and link can be entered on the 'follow a concern' page", async ({ page }) => {
    await page.goto("/concerns/track");
    // The page also has the "lost your tracking link" form, with a reference of its own.
    const lookup = page.locator("form").filter({ has: page.getByRole("button", { name: "Find my concern" }) });
    await lookup.getByLabel("Reference").fill(sent.reference.toLowerCase());
    await lookup.getByLabel("Tracking link").fill(`http://example.test${sent.trackingPath}`);
    await lookup.getByRole("button", { name: "Find my concern" }).click();
    await expect(page).toHaveURL(new RegExp(`${sent.trackingPath}$`));
    await expect(page.getByText(sent.reference)).toBeVisible();
  });

  test("the form fits a phone-sized screen", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto("/concerns/new");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("the form can be completed with the keyboard alone (JavaScript on)", async ({ context }) => {
  test.slow();
  // A page of its own, scanned only when the test says so: the automatic scan of each load runs in the
  // background and would otherwise overlap with the key presses (it would see a link mid-focus).
  const page = await context.newPage();
  /** Presses Tab until the element has focus: proves it is reachable, in order, without a mouse. */
  const tabTo = async (target: ReturnType<typeof page.locator>, limit = 12) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press("Tab");
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Could not reach ${target} with the Tab key`);
  };
  await page.goto("/concerns/new");
  await expectAccessible(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page.getByLabel("What happened?"));
  await page.keyboard.type(`Keyboard test ${marker}: the pharmacy gave my mum the wrong strength of tablets.`);
  await tabTo(page.getByLabel("In the last week"), 3);
  await page.keyboard.press("Space");
  await tabTo(page.getByLabel("Postcode of where it happened"), 3);
  await page.keyboard.type("BH1 1AA");
  await tabTo(page.getByRole("group", { name: "Where in their care did it happen?" }).getByRole("radio").first(), 4);
  await page.keyboard.press("Space");
  await tabTo(page.getByRole("group", { name: "What is it mostly about?" }).getByRole("radio").first(), 3);
  await page.keyboard.press("Space");
  await tabTo(page.getByLabel("I am the patient"), 4);
  await page.keyboard.press("Space");
  await tabTo(page.getByLabel("Yes, you can contact me"), 3);
  await page.keyboard.press("ArrowDown"); // radios: arrows move the choice
  await expect(page.getByLabel("No, I want to stay anonymous")).toBeChecked();
  await tabTo(page.getByRole("button", { name: "Send concern", exact: true }), 6);
  await page.keyboard.press("Enter");

  // The confirmation question takes the focus, and is answered from the keyboard too.
  const question = page.getByRole("region", { name: "Check where to send your concern" });
  await expect(question).toBeFocused();
  await expectAccessible(page);
  await tabTo(question.getByRole("button", { name: "Confirm and send concern" }), 3);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concern sent");
  await expectAccessible(page);
});

test("the Wessex lead triages the concern and responds; the reporter sees the response", async ({ page }) => {
  test.slow();
  await signIn(page, "lead.wessex@demo.nhs.uk");
  await page.goto("/collaboratives/wessex/concerns?age=week");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Safety concerns");
  await page.getByRole("link", { name: sent.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Concern ${sent.reference}`);

  // What the reporter typed is shown as text: markup is not rendered and scripts do not run.
  await expect(page.getByText(whatHappened)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pscInjected?: number }).__pscInjected)).toBeUndefined();
  await expect(page.locator("main b", { hasText: "not bold" })).toHaveCount(0);

  await page.getByLabel("New status").selectOption({ label: "Acknowledged" });
  await page.getByLabel("Why? (needed when reopening)").fill("Read by the patient safety team");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("status")).toHaveText('Status changed to "Acknowledged".');
  await expect(page.getByRole("row", { name: /Received → Acknowledged/ })).toContainText(
    "Read by the patient safety team",
  );

  await page.getByRole("button", { name: "Show contact details" }).click();
  await expect(page.getByText(reporterEmail)).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("Your viewing of these details has been recorded in the audit log.")).toBeVisible();

  await page.getByLabel("Internal note").fill(`Internal ${marker}: checked the ward's night rota`);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Note added. Only the team can see it.")).toBeVisible();

  const response = `Thank you for telling us. The ward now checks walking frames are within reach at night (${marker}).`;
  await page.getByLabel("Public response to the reporter").fill(response);
  await page.getByRole("button", { name: "Publish response" }).click();
  await expect(
    page.getByText("Response published on the reporter's tracking page. It has been emailed to the reporter."),
  ).toBeVisible();

  // The reporter, with only the tracking link.
  await page.context().clearCookies();
  await page.goto(sent.trackingPath);
  await expect(page.getByText(response)).toBeVisible();
  await expect(page.getByText("Responded", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`Internal ${marker}`)).toHaveCount(0);

  // And by email, because they gave an address and agreed to be contacted.
  await expect
    .poll(() => listCapturedMail(mailDir).find((m) => m.to.includes(reporterEmail))?.text ?? "")
    .toContain(response);
  expect(listCapturedMail(mailDir).find((m) => m.to.includes(reporterEmail))!.text).toContain(sent.trackingPath);
});

test("a registered patient sees the concerns they raised under My concerns", async ({ page }) => {
  await signIn(page, "patient@demo.nhs.uk");
  await page.goto("/my/concerns");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My concerns");
  const first = page.getByRole("main").getByRole("link", { name: /^PSC-/ }).first();
  const reference = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your safety concern");
  await expect(page.getByText(reference)).toBeVisible();
});

test.describe("a form whose hidden field a browser filled in (JavaScript off)", () => {
  test.use({ javaScriptEnabled: false });
  const autofilled = `Test ${marker}-held: the night staff did not answer the call bell for an hour.`;

  test("gets the usual confirmation, and waits for a lead to release it into triage", async ({ page }) => {
    test.slow();
    await page.goto("/concerns/new");
    await page.getByLabel("What happened?").fill(autofilled);
    await page.getByRole("group", { name: "Roughly when did it happen?" }).getByLabel("In the last week").check();
    await page.getByLabel("Postcode of where it happened").fill("so16 6yd");
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
    await page.locator("#field-website").fill("https://my-homepage.example", { force: true });
    await page.getByRole("button", { name: "Send concern", exact: true }).click();
    await page
      .getByRole("region", { name: "Check where to send your concern" })
      .getByRole("button", { name: "Confirm and send concern" })
      .click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concern sent");
    const reference = (await page.locator("strong", { hasText: /^PSC-/ }).textContent())!.trim();
    await page.getByRole("link", { name: /\/concerns\/track\// }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your safety concern");
    await expect(page.getByText(reference)).toBeVisible();

    await signIn(page, "lead.wessex@demo.nhs.uk");
    await page.goto("/collaboratives/wessex/concerns?status=all");
    await expect(page.getByRole("heading", { name: "Possibly automated — check before triage" })).toBeVisible();
    await expect(page.getByRole("table", { name: /concerns/ }).getByText(reference)).toHaveCount(0);
    await expect(page.getByText(autofilled)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Release into triage: ${reference}` }).click();
    await expect(page.locator("main #done")).toHaveText(
      "Concern released: it is now in the list below as a new concern, its acknowledgement due from the day it was sent.",
    );
    await page.goto("/collaboratives/wessex/concerns?status=all");
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
  });
});
