// The production build (`next build`), made only when the sources changed since the last one: used by
// `npm start` before serving, and by `npm test`, which builds while the vitest suites run.
import { spawn } from "node:child_process";
import { existsSync, openSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const BUILD_ID = ".next/BUILD_ID";

function newestSourceChange(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      // lib/generated is rewritten by prisma generate on every start; schema.prisma stands for it.
      for (const entry of readdirSync(path)) if (entry !== "node_modules" && entry !== "generated" && !entry.startsWith(".")) visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "postcss.config.mjs"]) {
    if (existsSync(path)) visit(path);
  }
  return newest;
}

/** True when there is no build, or a source file changed after it was made. */
export function buildIsStale(): boolean {
  return !existsSync(BUILD_ID) || statSync(BUILD_ID).mtimeMs < newestSourceChange();
}

/**
 * Runs `next build` with the environment and `env`, showing its output or, given `logFile`, writing it
 * there. Resolves with whether it succeeded.
 */
export function build(logFile?: string, env: Record<string, string> = {}): Promise<boolean> {
  const output = logFile === undefined ? "inherit" : openSync(logFile, "w");
  const child = spawn("npx", ["next", "build"], { stdio: ["ignore", output, output], env: { ...process.env, ...env, NODE_ENV: "production" } });
  return new Promise((resolve) => {
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}
