// Scheduled work for concerns (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/registry";
import {
  deliverPendingResponseEmails,
  eraseExpiredContactDetails,
  hashLegacyIdempotencyKeys,
  purgeExpiredHeldConcerns,
  queueAcknowledgementReminders,
} from "./mutations";
import { deliverConcernEmails } from "./outbox";

export const concernJobs: Record<string, JobDefinition> = {
  // Nightly: reporters' contact details are erased N months after their concern closed.
  "concerns.erase-contact-details": {
    cron: "30 2 * * *",
    handler: async () =>
      console.log(`[jobs] concerns.erase-contact-details: ${await eraseExpiredContactDetails()} erased`),
  },
  // Nightly: concerns held as possibly automated that no lead released or discarded in 30 days.
  "concerns.purge-held": {
    cron: "45 2 * * *",
    handler: async () => console.log(`[jobs] concerns.purge-held: ${await purgeExpiredHeldConcerns()} erased`),
  },
  // Confirmation copies and new tracking links (lib/concerns/outbox.ts). A trigger on the requests wakes
  // it at once (WAKE_CHANNEL in lib/jobs/worker.ts); the schedule catches anything missed and retries.
  "concerns.send-emails": {
    cron: "* * * * *",
    timeoutSeconds: 5 * 60,
    handler: async () => {
      const sent = await deliverConcernEmails();
      if (sent) console.log(`[jobs] concerns.send-emails: ${sent} sent`);
    },
  },
  // Hourly: leads are reminded a working day before a concern's acknowledgement falls overdue (once per concern).
  "concerns.acknowledgement-reminders": {
    cron: "5 * * * *",
    handler: async () =>
      console.log(`[jobs] concerns.acknowledgement-reminders: ${await queueAcknowledgementReminders()} concerns`),
  },
  // Responses whose email failed when they were published.
  "concerns.retry-response-emails": { cron: "*/15 * * * *", handler: () => deliverPendingResponseEmails() },
  // After the upgrade that hashed idempotency keys: converts the clear keys still stored (then finds none).
  "concerns.hash-legacy-keys": {
    cron: "*/5 * * * *",
    handler: async () =>
      console.log(`[jobs] concerns.hash-legacy-keys: ${await hashLegacyIdempotencyKeys()} converted`),
  },
};
