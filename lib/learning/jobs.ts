// Scheduled work for shared learning (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { runLearningDigest } from "./digest";

export const learningJobs: Record<string, JobDefinition> = {
  // Monday 07:00 (Europe/London): the weekly digest of new learning and adoptions people follow.
  "learning.weekly-digest": {
    cron: "0 7 * * 1",
    handler: async () => {
      const result = await runLearningDigest();
      console.log(
        `[jobs] learning.weekly-digest: ${result.sent} sent, ${result.nothingNew} with nothing new, ${result.alreadySent} already sent`,
      );
    },
  },
};
