// `npm start` and `npm test` rebuild only when a build input changed after the last build: a change to
// any of them (the proxy that sets the CSP, instrumentation, tsconfig, Next's or PostCSS's configuration,
// the lockfile, a static file) must make the build stale, and a change elsewhere must not.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILD_INPUTS, NOT_BUILD_INPUTS, buildIsStale } from "@/lib/cli/build";

const files = [
  "app/page.tsx",
  "components/ui/button.tsx",
  "lib/env.ts",
  "public/favicon.svg",
  "public/.well-known/security.txt",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "tsconfig.json",
  "next.config.js",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
];
const elsewhere = [
  "README.md",
  "tests/unit/a.test.ts",
  "prisma/migrations/1/migration.sql",
  "vitest.config.ts",
  "lib/generated/prisma/client.ts",
];

let root: string;
const past = new Date(Date.now() - 3_600_000);
const write = (path: string, when: Date) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), "x");
  utimesSync(join(root, path), when, when);
};
/** Sets every folder's time to the past too (creating files touched them). */
const settle = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) settle(join(dir, entry.name));
  utimesSync(dir, past, past);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "psc-build-"));
  for (const f of [...files, ...elsewhere]) write(f, past);
  write(".next/BUILD_ID", new Date(Date.now() - 60_000));
  settle(root);
  utimesSync(join(root, ".next/BUILD_ID"), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("whether the production build is stale", () => {
  it("is current when nothing changed since the build, and stale when there is no build", () => {
    expect(buildIsStale(root)).toBe(false);
    rmSync(join(root, ".next"), { recursive: true });
    expect(buildIsStale(root)).toBe(true);
  });

  for (const file of files) {
    it(`is stale after ${file} changes`, () => {
      write(file, new Date());
      expect(buildIsStale(root)).toBe(true);
    });
  }

  it("is stale after a source file is deleted", () => {
    rmSync(join(root, "components/ui/button.tsx"));
    expect(buildIsStale(root)).toBe(true);
  });

  for (const file of elsewhere) {
    it(`is still current after ${file} changes`, () => {
      write(file, new Date());
      expect(buildIsStale(root)).toBe(false);
    });
  }

  it("knows every top-level entry of the repository as a build input or not", () => {
    const unsorted = readdirSync(process.cwd()).filter(
      (entry) => !BUILD_INPUTS.includes(entry) && !NOT_BUILD_INPUTS.includes(entry) && !entry.endsWith(".md"),
    );
    expect(unsorted).toEqual([]);
  });
});
