// Every background job: its name, schedule (cron, UTC) and handler. Each feature adds its entry here;
// lib/jobs/worker.ts registers them all. Handlers must be safe to run again (they may be retried).
export type JobDefinition = { cron?: string; handler: () => Promise<unknown> };

export const jobs: Record<string, JobDefinition> = {};
