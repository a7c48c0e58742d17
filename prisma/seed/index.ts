/**
 * npm run db:seed [-- --reference-only] [-- --allow-production]
 *
 * Always loads the reference data (idempotent upserts, safe in production). Then, unless
 * --reference-only is given, loads the demo data set — which refuses to run with
 * NODE_ENV=production unless --allow-production is passed.
 */
import { pathToFileURL } from "node:url";
import { seedReferenceData } from "./reference-data";
import { DEMO_TRACKING_TOKEN, seedDemoData } from "./demo";

export { seedReferenceData, seedDemoData, DEMO_TRACKING_TOKEN };

async function main(argv: string[]): Promise<number> {
  const referenceOnly = argv.includes("--reference-only");
  const allowProduction = argv.includes("--allow-production");
  if (!referenceOnly && process.env.NODE_ENV === "production" && !allowProduction) {
    console.error(
      "Refusing to load demo data with NODE_ENV=production: use --reference-only, or pass --allow-production if you really mean it.",
    );
    return 1;
  }

  // Imported here so that a configuration error is reported by main(), not at module load.
  const { db } = await import("@/lib/db");
  const started = performance.now();
  try {
    const reference = await seedReferenceData(db);
    console.log(
      `Reference data: ${reference.collaboratives} collaboratives, ${reference.postcodeAreas} postcode areas, ` +
        `${reference.priorityAreas} national priority areas, ${reference.pathwayStages} pathway stages, ` +
        `${reference.projectTemplates} project templates.`,
    );
    if (!referenceOnly) {
      const demo = await seedDemoData(db);
      if (demo === null) {
        console.log("Demo data: already present (admin@demo.nhs.uk exists), nothing to do.");
      } else {
        const { seriesMismatches, ...rest } = demo;
        console.log(
          `Demo data: ${Object.entries(rest)
            .map(([k, v]) => `${v} ${k}`)
            .join(", ")}.`,
        );
        if (seriesMismatches > 0)
          console.warn(`Note: ${seriesMismatches} demo measures did not reach their intended SPC pattern.`);
        await refreshDashboard();
        console.log(
          "Sign in as admin@demo.nhs.uk, national@demo.nhs.uk, lead.<slug>@demo.nhs.uk, staff.<slug>@demo.nhs.uk or patient@demo.nhs.uk with password demo-password.",
        );
      }
    }
    console.log(`Seed finished in ${((performance.now() - started) / 1000).toFixed(1)}s.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

/** The national dashboard reads materialised summaries: fill them now rather than at the first scheduled refresh. */
async function refreshDashboard(): Promise<void> {
  try {
    const { refreshDashboardSummaries } = await import("@/lib/dashboard/summaries");
    await refreshDashboardSummaries({ force: true });
  } catch (error) {
    console.warn(
      `Note: the dashboard summaries were not refreshed (${error instanceof Error ? error.message : String(error)}); the scheduled refresh will fill them.`,
    );
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
