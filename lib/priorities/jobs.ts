// Priority-setting rounds' background work (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { openScheduledRounds } from "./opening-mutations";

export const priorityJobs: Record<string, JobDefinition> = {
  // Every minute: a scheduled round opens at the start of its day (UK time). Each round opens once,
  // however often this runs (the status moves from SCHEDULED to OPEN under a row lock).
  "rounds.open-scheduled": {
    cron: "* * * * *",
    timeoutSeconds: 5 * 60,
    handler: async () => {
      const opened = await openScheduledRounds();
      if (opened) console.log(`[jobs] rounds.open-scheduled: ${opened} opened`);
    },
  },
};
