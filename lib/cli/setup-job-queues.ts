// `tsx lib/cli/setup-job-queues.ts`, run by lib/cli/database-roles.ts as the schema's owner after the
// migrations: pg-boss's schema and one queue per registered job (both DDL, which the app role may not do).
import { createBoss } from "@/lib/jobs/queue";
import { jobs } from "@/lib/jobs/registry";
import { setUpQueues } from "@/lib/jobs/worker";

const databaseUrl = process.env.DATABASE_URL!;
// No maintenance or schedule evaluation here: this process only installs and leaves.
const boss = createBoss(databaseUrl, { supervise: false, schedule: false });
await boss.start();
try {
  await setUpQueues(boss, databaseUrl, jobs);
} finally {
  await boss.stop({ graceful: false, wait: true });
}
