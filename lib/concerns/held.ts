// Concerns held as "possibly automated" (the form's hidden field was filled in): how long a held
// concern waits for a lead's decision before it is erased.
// The period is in the retention schedule.
export { HELD_CONCERN_DAYS } from "@/lib/privacy/retention-schedule";
