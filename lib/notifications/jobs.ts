// Notification jobs (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { deleteOldNotifications, deliverNotifications, queueDigests } from "./mutations";

export const notificationJobs: Record<string, JobDefinition> = {
  // Sends what is queued. A trigger on Notification wakes it at once (WAKE_CHANNEL in lib/jobs/worker.ts);
  // the schedule catches anything missed and retries failures when their delay is up.
  "notifications.send": {
    cron: "* * * * *",
    timeoutSeconds: 5 * 60,
    handler: async () => {
      const sent = await deliverNotifications();
      if (sent) console.log(`[jobs] notifications.send: ${sent} sent`);
    },
  },
  // The daily summary at 07:30 UK time: one email per person listing what waited for it.
  "notifications.digest": {
    cron: "30 7 * * *",
    handler: async () => {
      const queued = await queueDigests();
      console.log(`[jobs] notifications.digest: ${queued} summaries queued`);
      await deliverNotifications();
    },
  },
  // Nightly: sent, skipped and abandoned notifications older than 90 days are deleted.
  "notifications.cleanup": {
    cron: "40 3 * * *",
    handler: async () => {
      const deleted = await deleteOldNotifications();
      console.log(`[jobs] notifications.cleanup: ${deleted} old notifications removed`);
    },
  },
};
