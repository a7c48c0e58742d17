// Every background job: its name, schedule (cron, UK time) and handler. Each feature adds its entry here;
// lib/jobs/worker.ts registers them all. Handlers must be safe to run again (they may be retried).
import { concernJobs } from "@/lib/concerns/jobs";
import { learningJobs } from "@/lib/learning/jobs";
import { dashboardJobs } from "@/lib/dashboard/jobs";
import { accountJobs } from "@/lib/accounts/jobs";
import { privacyJobs } from "@/lib/privacy/jobs";
import { notificationJobs } from "@/lib/notifications/jobs";
import { priorityJobs } from "@/lib/priorities/jobs";

export type JobDefinition = {
  /** When it runs, in UK time (Europe/London), e.g. "30 2 * * *"; none: only when sent. */
  cron?: string;
  handler: () => Promise<unknown>;
  /** After this long a run counts as stuck: it is failed and retried (default 15 minutes). */
  timeoutSeconds?: number;
  /** Retries after a failure, with growing delays (default 3). */
  retryLimit?: number;
};

export const jobs: Record<string, JobDefinition> = {
  ...concernJobs,
  ...learningJobs,
  ...dashboardJobs,
  ...accountJobs,
  ...privacyJobs,
  ...notificationJobs,
  ...priorityJobs,
};
