// `npm run db:migrate`: as the schema's owner (MIGRATION_DATABASE_URL, or DATABASE_URL when one role
// does everything), applies the migrations, sets up the job queues and grants the app role
// (DATABASE_URL's) its rights. Safe to run again.
import { ownerUrlFromEnv, prepareDatabase } from "./database-roles";

const appUrl = process.env.DATABASE_URL;
if (!appUrl) {
  console.error(
    "✖ DATABASE_URL is not set: run this through `npm run db:migrate`, which uses the embedded database when it is unset.",
  );
  process.exit(1);
}
await prepareDatabase({ ownerUrl: ownerUrlFromEnv(), appUrl });
console.log("✔ Migrations applied, job queues set up, app role's rights granted.");
