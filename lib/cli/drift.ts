// `npm run db:drift`: compares the database (DATABASE_URL, as its owner) with a scratch database built
// from the committed migrations on the same server, object by object — tables, indexes, constraints,
// and the triggers, functions, views and generated columns only raw SQL makes — and names every
// difference (a function replaced by hand, a trigger dropped to load data, an index added in an
// emergency). Exits 1 when they differ. Needs the right to create a database.
import { createDatabase, dropDatabase, migrate } from "./database";
import { catalogDifferences, catalogOf } from "./schema-catalog";
import { withDatabase } from "@/lib/db-url";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ DATABASE_URL is not set: run this through `npm run db:drift`.");
  process.exit(1);
}
const scratch = `psc_drift_${Date.now()}`;
await createDatabase(url, scratch);
let differences;
try {
  const reference = withDatabase(url, scratch);
  migrate(reference);
  differences = catalogDifferences(await catalogOf(reference), await catalogOf(url));
} finally {
  await dropDatabase(url, scratch);
}
if (differences.length === 0) {
  console.log("✔ The database matches its migrations.");
  process.exit(0);
}
for (const { kind, missing, unexpected } of differences) {
  console.log(`✖ ${kind}`);
  for (const item of missing) console.log(`  missing or changed (as the migrations make it): ${item}`);
  for (const item of unexpected) console.log(`  not made by the migrations: ${item}`);
}
process.exit(1);
