// ESLint (flat config): the usual correctness rules, Next's and React's, type-aware promise checks,
// and the architectural rules of STYLE.md (eslint-architecture.js). Formatting is Prettier's job.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import { architecture } from "./eslint-architecture.js";

const TS = ["**/*.ts", "**/*.tsx"];

export default defineConfig([
  globalIgnores([
    ".next/",
    ".data/",
    "lib/generated/",
    "next-env.d.ts",
    "tests/.results/",
    "tests/e2e/.results/",
    "tests/bench/results/",
    "test-results/",
    "playwright-report/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  nextPlugin.configs["core-web-vitals"],
  // React code lives in app/, components/ and lib/ (form hooks); Playwright's fixtures also call `use`.
  { files: ["app/**", "components/**", "lib/**"], ...reactHooks.configs.flat.recommended },
  {
    files: TS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // A leading underscore marks what is left out on purpose (`const { secret: _secret, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    settings: { next: { rootDir: import.meta.dirname } },
    rules: {
      // App Router only: there is no pages/ directory for this rule to read.
      "@next/next/no-html-link-for-pages": "off",
    },
  },

  // Architecture (STYLE.md).
  {
    plugins: { architecture },
    rules: {
      "architecture/db-access": "error",
      "architecture/no-process-env": ["error", { allow: ["NEXT_RUNTIME"] }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/cli/**", "lib/generated/**"],
    rules: { "architecture/server-only": "error" },
  },
  {
    // Who may import the Prisma client besides lib/<domain>/queries.ts and mutations.ts.
    files: [
      "lib/*/queries.ts",
      "lib/*/mutations.ts",
      "lib/db.ts", // the client itself
      "lib/db-errors.ts", // recognises Prisma's error classes; runs no query
      "lib/audit.ts", // the audit log: every domain's mutations append to it in their own transaction
      "lib/auth/load-viewer.ts", // who is asking: loaded before any policy decision can be made
      "lib/auth/adapter.ts", // next-auth's storage adapter (users, accounts, verification tokens)
      "lib/auth/options.ts", // next-auth callbacks: an erased or signed-out account is refused at sign-in
      "lib/auth/throttle.ts", // the throttle's counters, shared by every process
      "lib/accounts/sign-in.ts", // password sign-in: throttle, check and audit before there is a viewer
      "lib/accounts/recovery.ts", // password reset and email links: same, for people who are not signed in
      "lib/accounts/outbox.ts", // account emails queued and sent by a job, before there is a viewer (nothing may show whether an account exists)
      "lib/concerns/outbox.ts", // emails to reporters queued and sent by a job; "I lost my link" compares in the job, so the answer shows no match
      "lib/auth/sessions.ts", // the server-side record of each signed-in browser, read and ended before there is a viewer
      "lib/dashboard/summaries.ts", // refreshes the dashboard's materialised views
      "lib/learning/search.ts", // full-text search in raw SQL (tsvector, pg_trgm): the library's query module
      "lib/learning/digest.ts", // the weekly digest job: reads what each follower gets and records it as sent
      "lib/privacy/erase-person.ts", // GDPR erasure, one transaction across every domain's tables
      "lib/privacy/export-personal-data.ts", // GDPR access request: reads every domain's tables
      "lib/projects/access.ts", // loads a project's access facts for the policy (used by every project write)
      "lib/projects/cycle-mutations.ts", // the projects domain's mutations, one file per part (PDSA cycles)
      "lib/projects/driver-mutations.ts", // (driver diagram)
      "lib/projects/pathway-stages.ts", // reads and writes of the pathway stage list
      "lib/priorities/opening-mutations.ts", // opening a round: shared with the scheduled job, which cannot load lib/forms
      "tests/**",
      "prisma/**",
    ],
    rules: { "architecture/db-access": "off" },
  },
  {
    // Configuration is read in lib/env.ts; the CLI sets up the environment the portal runs in.
    files: ["lib/env.ts", "lib/cli/**", "tests/**", "prisma/**", "*.config.{js,mjs,ts}"],
    rules: { "architecture/no-process-env": "off" },
  },

  // Prettier owns layout: turn off every rule it would fight with. Last on purpose.
  prettier,
]);
