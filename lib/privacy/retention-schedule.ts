// The retention schedule: every personal field the portal keeps, how long, and the job that ends it. This is
// the one source: the jobs' functions import their periods from here, the privacy notice (/privacy) prints
// `notice` for each entry, and `npm run safety:render` writes docs/privacy/retention-schedule.md from it
// (tests/unit/safety/retention-schedule.test.ts checks all three). Pure data: safe for any module.

/** IP addresses in the audit log are kept this long (for investigating abuse of sign-in and forms), then removed. */
export const AUDIT_IP_RETENTION_DAYS = 90;
/** An invitation never accepted is deleted (with the email address it was sent to) this long after it expired. */
export const STALE_INVITATION_DAYS = 30;
/** A concern held as "possibly automated" waits this long for a lead's decision, then is erased whole. */
export const HELD_CONCERN_DAYS = 30;
/** Reporters' contact details: a collaborative chooses 1 to this many months (the database CHECK agrees)… */
export const CONTACT_RETENTION_MAX_MONTHS = 12;
export const CONTACT_RETENTION_MIN_MONTHS = 1;
/** …and a new collaborative starts at this (the column's default in prisma/schema.prisma). */
export const CONTACT_RETENTION_DEFAULT_MONTHS = 12;
/** A session row is removed this long after it ended or expired. */
export const ENDED_SESSION_HOURS = 24;
/** A password-reset link is removed this long after it was used or expired (sign-in links at expiry). */
export const USED_LINK_HOURS = 24;
/** A request for an account email (reset, sign-in link, registration) not sent within this is dropped. */
export const ACCOUNT_EMAIL_REQUEST_MINUTES = 60;
/** Throttling windows (keyed by IP address or email address) are removed this long after they started. */
export const THROTTLE_WINDOW_HOURS = 24;
/** Notification emails' rows (the person, the kind, the subject and text) are deleted this long after sending. */
export const NOTIFICATION_RETENTION_DAYS = 90;
/** A reporter's request for an email (a confirmation copy, a new tracking link) is dropped unsent after this… */
export const CONCERN_NEW_LINK_REQUEST_MINUTES = 60;
/** …or, for a confirmation copy, after this. Either is deleted once sent. */
export const CONCERN_CONFIRMATION_REQUEST_HOURS = 24;

export type RetentionEntry = {
  /** A stable name, used by the tests and as the anchor in the generated schedule. */
  id: string;
  /** What the data is, in words. */
  data: string;
  /** Where it is stored (model.field). */
  where: string;
  /** How long it is kept, for the schedule. */
  period: string;
  /** What ends it: a registered job (lib/jobs/registry.ts), or the event that does. */
  enforcedBy: { job: string; module: string; constant: string } | { event: string };
  /** The sentence the privacy notice prints, addressed to the person. */
  notice: string;
};

export const RETENTION_SCHEDULE: readonly RetentionEntry[] = [
  {
    id: "concern-contact",
    data: "Reporter's contact details (name, email, phone), encrypted with AES-256-GCM",
    where: "Concern.contactEncrypted",
    period: `${CONTACT_RETENTION_MIN_MONTHS} to ${CONTACT_RETENTION_MAX_MONTHS} months (the collaborative's setting, default ${CONTACT_RETENTION_DEFAULT_MONTHS}) after the concern closed, or after its last activity (received, status change, note, response) if it is never closed; at once on an erasure request`,
    enforcedBy: {
      job: "concerns.erase-contact-details",
      module: "lib/concerns/schemas.ts",
      constant: "CONTACT_RETENTION_MAX_MONTHS",
    },
    notice: `If you give contact details with a concern, they are deleted ${CONTACT_RETENTION_MAX_MONTHS} months after your concern is closed, or ${CONTACT_RETENTION_MAX_MONTHS} months after anything last happened on it if it is never closed, unless the collaborative has set a shorter period.`,
  },
  {
    id: "held-concern",
    data: "A concern held as possibly automated, whole (with any contact details)",
    where: "Concern (heldAt set)",
    period: `${HELD_CONCERN_DAYS} days unless a lead releases it`,
    enforcedBy: { job: "concerns.purge-held", module: "lib/concerns/mutations.ts", constant: "HELD_CONCERN_DAYS" },
    notice: `If our checks hold your concern back as possibly sent by a computer program, it is deleted after ${HELD_CONCERN_DAYS} days unless a lead releases it.`,
  },
  {
    id: "concern-text",
    data: "Concern text (what happened, where, when)",
    where: "Concern.whatHappened and the other answers",
    period: "kept as the safety record; the form asks for no identifying details",
    enforcedBy: { event: "kept: the record of patient safety concerns" },
    notice:
      "What you tell us about what happened is kept as a record of patient safety concerns. The national team sees only counts and descriptions the collaborative has checked contain nothing that could identify you.",
  },
  {
    id: "concern-reporter-link",
    data: "Link from a concern to the reporter's account",
    where: "Concern.reporterId",
    period: "until the person's account is erased",
    enforcedBy: { event: "erasure (lib/privacy/erase-person.ts)" },
    notice:
      "If you were signed in when you raised a concern and chose to link it to your account, the link is kept until your account is erased.",
  },
  {
    id: "user",
    data: "Name, email address, password hash (argon2id), picture",
    where: "User",
    period: "until erasure: replaced by “Erased user” and an address that cannot receive email",
    enforcedBy: { event: "erasure (lib/privacy/erase-person.ts)" },
    notice:
      "If you have an account, we keep your name, email address and the collaboratives you belong to until you ask an administrator to delete your personal details. Your password is stored only as a one-way hash.",
  },
  {
    id: "membership",
    data: "Memberships, job titles, follows and learning digests",
    where: "Membership, Follow, LearningDigest",
    period: "until removed, or erasure",
    enforcedBy: { event: "removal by a lead or the person, or erasure" },
    notice:
      "Your memberships, job title and what you follow are kept until they are removed or your account is erased.",
  },
  {
    id: "session",
    data: "Sessions (signed-in devices)",
    where: "Session",
    period: `${ENDED_SESSION_HOURS} hours after the session ended or expired; all at erasure`,
    enforcedBy: { job: "accounts.cleanup", module: "lib/auth/sessions.ts", constant: "ENDED_SESSION_HOURS" },
    notice: `A record of each device you are signed in on is deleted ${ENDED_SESSION_HOURS} hours after you sign out or the session expires.`,
  },
  {
    id: "link-token",
    data: "Password-reset and sign-in links (stored as hashes)",
    where: "PasswordResetToken, VerificationToken",
    period: `reset links ${USED_LINK_HOURS} hours after they were used or expired; sign-in links at expiry`,
    enforcedBy: { job: "accounts.cleanup", module: "lib/accounts/recovery.ts", constant: "USED_LINK_HOURS" },
    notice: `Password-reset and sign-in links we email you are deleted within ${USED_LINK_HOURS} hours of being used or expiring.`,
  },
  {
    id: "account-email-request",
    data: "Requests for an account email (the address asked for)",
    where: "AccountEmailRequest",
    period: `until sent; dropped unsent after ${ACCOUNT_EMAIL_REQUEST_MINUTES} minutes`,
    enforcedBy: {
      job: "accounts.cleanup",
      module: "lib/accounts/outbox.ts",
      constant: "ACCOUNT_EMAIL_REQUEST_MINUTES",
    },
    notice: `When you ask for a password reset or a sign-in link, the request is deleted once the email is sent, or after ${ACCOUNT_EMAIL_REQUEST_MINUTES} minutes.`,
  },
  {
    id: "concern-email-request",
    data: "A reporter's request for an email: a confirmation copy, or a new tracking link (the reference, a keyed hash of the address typed, never the address)",
    where: "ConcernEmailRequest",
    period: `deleted once sent; dropped unsent after ${CONCERN_NEW_LINK_REQUEST_MINUTES} minutes (a new link) or ${CONCERN_CONFIRMATION_REQUEST_HOURS} hours (a confirmation copy)`,
    enforcedBy: {
      job: "concerns.send-emails",
      module: "lib/concerns/outbox.ts",
      constant: "CONCERN_CONFIRMATION_REQUEST_HOURS",
    },
    notice: `When you ask for a copy of your reference or a new tracking link, the request is deleted once the email is sent, or after ${CONCERN_CONFIRMATION_REQUEST_HOURS} hours at most if it cannot be. We never keep the email address you type to ask for a new link.`,
  },
  {
    id: "concern-reply",
    data: "A reporter's replies to the team and whether the response answered their concern",
    where: "ConcernReply",
    period: "kept with the concern as its record; included in the person's data export",
    enforcedBy: { event: "kept: the record of the conversation about a concern" },
    notice:
      "If you reply to the team's response on your tracking page, your reply is kept with your concern as part of its record. Dashboards show only counts of whether responses answered concerns, never what you wrote.",
  },
  {
    id: "notification",
    data: "Notification emails to staff: the person, the kind, the subject and text (never a concern's words), and their settings",
    where: "Notification, NotificationPreference",
    period: `${NOTIFICATION_RETENTION_DAYS} days after sending (or giving up); settings until changed or erasure`,
    enforcedBy: {
      job: "notifications.cleanup",
      module: "lib/notifications/mutations.ts",
      constant: "NOTIFICATION_RETENTION_DAYS",
    },
    notice: `If you have an account, a record of each notification email we send you is deleted ${NOTIFICATION_RETENTION_DAYS} days after it is sent; your notification settings are kept until you change them or your account is erased.`,
  },
  {
    id: "invitation",
    data: "Invitations' email address",
    where: "Invitation.email",
    period: `unaccepted: deleted ${STALE_INVITATION_DAYS} days after the link expired; accepted: replaced at erasure`,
    enforcedBy: {
      job: "privacy.purge-stale-invitations",
      module: "lib/privacy/mutations.ts",
      constant: "STALE_INVITATION_DAYS",
    },
    notice: `If you are invited to join a collaborative and do not accept, the invitation and your email address are deleted ${STALE_INVITATION_DAYS} days after the invitation expires.`,
  },
  {
    id: "audit-ip",
    data: "IP address recorded with an audited action",
    where: "AuditEvent.ip",
    period: `${AUDIT_IP_RETENTION_DAYS} days, then removed (the rest of the audit record is kept)`,
    enforcedBy: {
      job: "privacy.expire-audit-ips",
      module: "lib/privacy/mutations.ts",
      constant: "AUDIT_IP_RETENTION_DAYS",
    },
    notice: `When you sign in or make a change that we record, we keep your IP address with the record, to investigate misuse. We delete it after ${AUDIT_IP_RETENTION_DAYS} days.`,
  },
  {
    id: "audit-actor",
    data: "Who did what (audit log, status histories, authors)",
    where: "AuditEvent.actorId, *StatusChange.changedById, authors",
    period: "kept as the record; points at “Erased user” after erasure",
    enforcedBy: { event: "kept: the audit record" },
    notice:
      "Records of who changed what are kept; after your account is erased they show “Erased user” instead of your name.",
  },
  {
    id: "throttle",
    data: "Throttling windows, keyed by IP address or email address",
    where: "RateLimitBucket",
    period: `${THROTTLE_WINDOW_HOURS} hours`,
    enforcedBy: { job: "accounts.cleanup", module: "lib/auth/throttle.ts", constant: "THROTTLE_WINDOW_HOURS" },
    notice: `To stop misuse we count attempts from each IP address and email address; the counts are deleted after ${THROTTLE_WINDOW_HOURS} hours.`,
  },
  {
    id: "team-names",
    data: "Names typed into a project team as free text",
    where: "ProjectTeamMember.name",
    period: "until removed from the team (free text: erasure cannot find it)",
    enforcedBy: { event: "removal from the team by its staff" },
    notice:
      "If a project team lists your name, it is kept until the team removes it; ask the project's collaborative to remove it.",
  },
];

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const hoursMs = (hours: number) => hours * HOUR_MS;
