// Scheduled housekeeping for accounts (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { deleteExpiredBuckets } from "@/lib/auth/throttle";
import { deleteOldSessions } from "@/lib/auth/sessions";
import { deleteExpiredLinkTokens } from "./recovery";

export const accountJobs: Record<string, JobDefinition> = {
  // Hourly: throttling windows older than a day, used or expired sign-in/reset links and ended sessions are useless.
  "accounts.cleanup": {
    cron: "7 * * * *",
    handler: async () => {
      const buckets = await deleteExpiredBuckets();
      const tokens = await deleteExpiredLinkTokens();
      const sessions = await deleteOldSessions();
      console.log(`[jobs] accounts.cleanup: ${buckets} throttling windows, ${tokens} link tokens, ${sessions} sessions removed`);
    },
  },
};
