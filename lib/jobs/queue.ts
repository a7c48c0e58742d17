import PgBoss from "pg-boss";
import { env } from "@/lib/env";

// Background jobs run on PostgreSQL (pg-boss): they survive restarts, and a scheduled job runs once
// per schedule however many workers are up.
let boss: PgBoss | undefined;

export async function getQueue(): Promise<PgBoss> {
  if (!boss) {
    const instance = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss" });
    instance.on("error", (error) => console.error("[jobs]", error));
    await instance.start();
    boss = instance;
  }
  return boss;
}

export async function stopQueue() {
  await boss?.stop({ graceful: true, timeout: 10_000 });
  boss = undefined;
}
