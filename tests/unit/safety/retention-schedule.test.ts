// The retention schedule is one source (lib/privacy/retention-schedule.ts): the deletion jobs read their
// periods from it, the privacy notice prints it, and docs/privacy/retention-schedule.md is generated from it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as schedule from "@/lib/privacy/retention-schedule";
import { RETENTION_SCHEDULE } from "@/lib/privacy/retention-schedule";
import PrivacyPage from "@/app/(public)/privacy/page";
import AccessibilityPage from "@/app/(public)/accessibility/page";

const source = (path: string) => readFileSync(join(process.cwd(), path), "utf8");
const enforced = RETENTION_SCHEDULE.flatMap((e) => ("job" in e.enforcedBy ? [{ ...e, by: e.enforcedBy }] : []));

describe("the retention schedule", () => {
  it("gives each enforcing module its period", () => {
    expect(enforced.length).toBeGreaterThanOrEqual(7);
    for (const { by } of enforced) {
      const text = source(by.module);
      const imports = [...text.matchAll(/import \{([^}]*)\} from "@\/lib\/privacy\/retention-schedule"/g)]
        .flatMap((m) => m[1]!.split(","))
        .map((name) => name.trim());
      expect(imports, `${by.module} imports ${by.constant} from the schedule`).toContain(by.constant);
      const uses = text.split(by.constant).length - 1;
      expect(uses, `${by.module} uses ${by.constant} beyond importing it`).toBeGreaterThanOrEqual(2);
      expect(typeof (schedule as Record<string, unknown>)[by.constant]).toBe("number");
    }
  });

  it("leaves no period typed in the modules that used to hold them", () => {
    expect(source("lib/privacy/mutations.ts")).not.toMatch(/=\s*(90|30);/);
    expect(source("lib/concerns/held.ts")).not.toMatch(/=\s*30;/);
    expect(source("lib/concerns/schemas.ts")).not.toMatch(/\.max\(12/);
    for (const path of ["lib/auth/sessions.ts", "lib/accounts/recovery.ts", "lib/auth/throttle.ts"])
      expect(source(path)).not.toMatch(/24 \* 60 \* 60 \* 1000/);
  });

  it("names only registered jobs", () => {
    const jobFiles = readdirSync(join(process.cwd(), "lib"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `lib/${d.name}/jobs.ts`)
      .filter((path) => {
        try {
          return source(path).length > 0;
        } catch {
          return false;
        }
      });
    const registry = source("lib/jobs/registry.ts");
    for (const { by } of enforced) {
      const file = jobFiles.find((path) => source(path).includes(`"${by.job}": {`));
      expect(file, `${by.job} is defined in a lib/*/jobs.ts`).toBeDefined();
      const exported = /export const (\w+)/.exec(source(file!))![1]!;
      expect(registry, `${file} is in the registry`).toContain(`...${exported}`);
    }
  });

  it("agrees with the database: the contact-details default and its allowed range", () => {
    expect(source("prisma/schema.prisma")).toMatch(
      new RegExp(`contactRetentionMonths\\s+Int\\s+@default\\(${schedule.CONTACT_RETENTION_DEFAULT_MONTHS}\\)`),
    );
    const migrations = readdirSync(join(process.cwd(), "prisma/migrations"))
      .filter((name) => !name.endsWith(".toml") && !name.endsWith(".prisma"))
      .map((name) => {
        try {
          return source(`prisma/migrations/${name}/migration.sql`);
        } catch {
          return "";
        }
      })
      .join("\n");
    expect(migrations).toContain(
      `CHECK ("contactRetentionMonths" BETWEEN ${schedule.CONTACT_RETENTION_MIN_MONTHS} AND ${schedule.CONTACT_RETENTION_MAX_MONTHS})`,
    );
  });

  it("lists each personal field once", () => {
    const ids = RETENTION_SCHEDULE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const where of ["Concern.contactEncrypted", "AuditEvent.ip", "Invitation.email", "Session", "RateLimitBucket"])
      expect(
        RETENTION_SCHEDULE.some((e) => e.where.includes(where)),
        where,
      ).toBe(true);
  });
});

describe("the privacy notice", () => {
  const html = renderToStaticMarkup(createElement(PrivacyPage));
  const text = html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
  const squash = (s: string) => s.replace(/\s+/g, " ");

  it("states every entry of the retention schedule", () => {
    for (const entry of RETENTION_SCHEDULE) {
      expect(html, entry.id).toContain(`data-retention="${entry.id}"`);
      expect(squash(text), entry.id).toContain(squash(entry.notice));
    }
  });

  it("gives the lawful bases the DPIA records, and the ICO for complaints", () => {
    const dpia = source("docs/privacy/dpia.md");
    for (const basis of ["Article 6(1)(e)", "Article 9(2)(h) and (i)", "Schedule 1, Part 1, paragraphs 2 and 3"]) {
      expect(squash(text)).toContain(basis);
    }
    expect(dpia).toContain("Article 6(1)(e)");
    expect(dpia).toContain("9(2)(h)");
    expect(html).toContain("https://ico.org.uk/make-a-complaint/");
  });
});

describe("the accessibility statement", () => {
  it("has every section of GOV.UK's model statement, with the EHRC's enforcement wording", () => {
    const html = renderToStaticMarkup(createElement(AccessibilityPage)).replace(/&#x27;|&apos;|&rsquo;/g, "'");
    for (const heading of [
      "How accessible this website is",
      "Feedback and contact information",
      "Enforcement procedure",
      "Technical information about this website's accessibility",
      "Compliance status",
      "Non-accessible content",
      "What we're doing to improve accessibility",
      "Preparation of this accessibility statement",
    ])
      expect(html).toMatch(new RegExp(`<h[23]>${heading.replace(/[()]/g, "\\$&")}</h[23]>`));
    expect(html).toContain("Equality and Human Rights Commission (EHRC)");
    expect(html).toContain("Equality Advisory and Support Service (EASS)");
    expect(html).toContain("(No. 2) Accessibility Regulations 2018");
    expect(html).toMatch(/This statement was prepared on \d{1,2} \w+ \d{4}/);
  });
});
