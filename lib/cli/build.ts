// The production build (`next build`), made only when the sources changed since the last one: used by
// `npm start` before serving, and by `npm test`, which builds while the vitest suites run.
import { spawn } from "node:child_process";
import { existsSync, openSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const BUILD_ID = ".next/BUILD_ID";

/**
 * Everything `next build` reads: the sources, the root files that change how they are compiled or served
 * (the proxy that sets the CSP, instrumentation, TypeScript paths, Next's and PostCSS's configuration, the
 * locked dependencies) and the static files. The schema stands for lib/generated, which prisma generate
 * rewrites on every start. A new top-level entry must be sorted here or in NOT_BUILD_INPUTS (a test checks).
 */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "tsconfig.json",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "postcss.config.mjs",
  "postcss.config.js",
  "postcss.config.cjs",
  "package.json",
  "package-lock.json",
];

/** Top-level entries that do not change the build (tests, tooling, documentation, generated or local files). */
export const NOT_BUILD_INPUTS = [
  ".ci",
  ".data",
  ".env.local",
  ".git",
  ".gitignore",
  ".next",
  "node_modules",
  "next-env.d.ts",
  "tsconfig.tsbuildinfo",
  "prisma",
  "prisma.config.ts",
  "tests",
  // The clinical safety case, hazard log and data-protection record: read at run time by /admin/safety.
  "docs",
  "vitest.config.ts",
  "playwright.config.ts",
  "test-results",
  "playwright-report",
  // Licence, lint and format configuration (next build does not lint).
  "LICENSE",
  "LICENCE",
  "eslint.config.mjs",
  "eslint.config.js",
  "eslint-architecture.js",
  "prettier.config.mjs",
  ".prettierrc",
  ".prettierrc.json",
  ".prettierignore",
  ".editorconfig",
];

function newestSourceChange(root: string): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    // A folder's own time changes when a file in it is deleted or renamed.
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path))
        if (entry !== "node_modules" && entry !== "generated" && (entry === ".well-known" || !entry.startsWith(".")))
          visit(join(path, entry));
    }
  };
  for (const path of BUILD_INPUTS) {
    if (existsSync(join(root, path))) visit(join(root, path));
  }
  return newest;
}

/** True when there is no build in `root`, or a build input changed after it was made. */
export function buildIsStale(root = "."): boolean {
  const buildId = join(root, BUILD_ID);
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceChange(root);
}

/**
 * Runs `next build` with the environment and `env`, showing its output or, given `logFile`, writing it
 * there. Resolves with whether it succeeded.
 */
export function build(logFile?: string, env: Record<string, string> = {}): Promise<boolean> {
  const output = logFile === undefined ? "inherit" : openSync(logFile, "w");
  const child = spawn("npx", ["next", "build"], {
    stdio: ["ignore", output, output],
    env: { ...process.env, ...env, NODE_ENV: "production" },
  });
  return new Promise((resolve) => {
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}
