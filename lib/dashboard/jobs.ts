// Scheduled work for the national dashboard (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { refreshDashboardSummaries } from "./summaries";

export const dashboardJobs: Record<string, JobDefinition> = {
  // Every 5 minutes; skipped cheaply when no source table changed since the last refresh, so the
  // figures are at most about 5 minutes behind the data (the page says "Figures as of …").
  "dashboard.refresh": {
    cron: "*/5 * * * *",
    handler: async () => {
      const result = await refreshDashboardSummaries();
      if (result.refreshed) console.log(`[jobs] dashboard.refresh: summaries refreshed in ${result.durationMs} ms`);
    },
  },
};
