// Scheduled housekeeping for accounts (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { deleteExpiredBuckets } from "@/lib/auth/throttle";
import { deleteOldSessions } from "@/lib/auth/sessions";
import { deleteExpiredLinkTokens } from "./recovery";
import { deleteStaleAccountEmailRequests, deliverAccountEmails } from "./outbox";

export const accountJobs: Record<string, JobDefinition> = {
  // Reset, sign-in link and registration emails asked for (lib/accounts/outbox.ts). A trigger on the
  // requests wakes it at once (WAKE_CHANNEL in lib/jobs/worker.ts); the schedule catches anything missed.
  "accounts.send-emails": {
    cron: "* * * * *",
    timeoutSeconds: 5 * 60,
    handler: async () => {
      const sent = await deliverAccountEmails();
      if (sent) console.log(`[jobs] accounts.send-emails: ${sent} sent`);
    },
  },
  // Hourly: throttling windows older than a day, used or expired sign-in/reset links and ended sessions are useless.
  "accounts.cleanup": {
    cron: "7 * * * *",
    handler: async () => {
      const buckets = await deleteExpiredBuckets();
      const tokens = await deleteExpiredLinkTokens();
      const sessions = await deleteOldSessions();
      const requests = await deleteStaleAccountEmailRequests();
      console.log(
        `[jobs] accounts.cleanup: ${buckets} throttling windows, ${tokens} link tokens, ${sessions} sessions, ${requests} stale email requests removed`,
      );
    },
  },
};
