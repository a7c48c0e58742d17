// `npm run bench [-- name …]`: performance benchmarks (never part of npm test). Each module in this
// folder exports `run()` and prints its own figures. Without names, runs all but the long soak test.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { prisma } from "@/lib/cli/database";

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["run.ts"].includes(f) && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""));
const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = requested.length > 0 ? requested : available.filter((n) => n !== "soak");

// The benchmarks import the database client: generate it, as npm start and npm test do (a fresh
// clone after `npm ci` has none).
prisma(["generate"], process.env.DATABASE_URL ?? "postgresql://localhost/unset", { quiet: true });

for (const name of names) {
  if (!available.includes(name)) {
    console.error(`Unknown benchmark "${name}". Available: ${available.join(", ")}`);
    process.exit(1);
  }
  console.log(`\n=== bench: ${name}`);
  const benchmark = (await import(join(here, `${name}.ts`))) as { run: () => Promise<void> };
  await benchmark.run();
}
process.exit(0);
