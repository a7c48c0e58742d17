// Scheduled retention of personal data (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import { expireAuditIps, purgeStaleInvitations } from "./mutations";

export const privacyJobs: Record<string, JobDefinition> = {
  // Nightly: audit events older than 90 days lose their IP address.
  "privacy.expire-audit-ips": {
    cron: "15 3 * * *",
    handler: async () => console.log(`[jobs] privacy.expire-audit-ips: ${await expireAuditIps()} removed`),
  },
  // Nightly: invitations never accepted, 30 days after they expired, go with their email address.
  "privacy.purge-stale-invitations": {
    cron: "20 3 * * *",
    handler: async () =>
      console.log(`[jobs] privacy.purge-stale-invitations: ${await purgeStaleInvitations()} deleted`),
  },
};
