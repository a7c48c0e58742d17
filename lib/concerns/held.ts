// Concerns held as "possibly automated" (the form's hidden field was filled in): how long a held
// concern waits for a lead's decision before it is erased.
export const HELD_CONCERN_DAYS = 30;
