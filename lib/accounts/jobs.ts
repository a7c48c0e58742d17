// Scheduled housekeeping for accounts (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { deleteExpiredBuckets } from "@/lib/auth/throttle";
import { deleteExpiredLinkTokens } from "./recovery";

export const accountJobs: Record<string, JobDefinition> = {
  // Hourly: throttling windows older than a day and used or expired sign-in/reset links are useless.
  "accounts.cleanup": {
    cron: "7 * * * *",
    handler: async () => {
      const buckets = await deleteExpiredBuckets();
      const tokens = await deleteExpiredLinkTokens();
      console.log(`[jobs] accounts.cleanup: ${buckets} throttling windows, ${tokens} link tokens removed`);
    },
  },
};
