// The kinds of notification, who they are for, and what each person may choose for each (issue 16).
// Security emails (sign-in links, password resets, registration) are not notifications: they go out
// through lib/accounts whatever anyone chooses, and never carry an unsubscribe link.

export const NOTIFICATION_KINDS = [
  "concern.received",
  "concern.urgent",
  "concern.reply",
  "concern.ack-due",
  "concern.digest",
  "learning.answered",
  "membership.decided",
  "round.opened",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Delivery = "IMMEDIATELY" | "DIGEST" | "OFF";

export const DELIVERY_LABELS: Record<Delivery, string> = {
  IMMEDIATELY: "Email me straight away",
  DIGEST: "Include it in a daily summary email (sent at 7:30am)",
  OFF: "Do not email me",
};

export type KindInfo = {
  /** For the settings page and the unsubscribe page: what the emails are about. */
  label: string;
  hint: string;
  /** Who gets them: collaborative leads, or anyone signed in. */
  audience: "lead" | "staff" | "everyone";
  /** What a person may choose, in the order shown; the first is the default. Empty: not a setting. */
  choices: readonly Delivery[];
};

export const KINDS: Record<NotificationKind, KindInfo> = {
  "concern.received": {
    label: "New safety concerns",
    hint: "When a patient, carer or member of the public tells your collaborative about a safety concern.",
    audience: "lead",
    choices: ["IMMEDIATELY", "DIGEST", "OFF"],
  },
  "concern.urgent": {
    label: "Concerns that may describe someone in danger now",
    hint: "Always emailed straight away: this is a safety control and cannot be turned off.",
    audience: "lead",
    choices: [],
  },
  "concern.reply": {
    label: "Replies from people who raised a concern",
    hint: "When someone who raised a concern answers your collaborative.",
    audience: "lead",
    choices: ["IMMEDIATELY", "DIGEST", "OFF"],
  },
  "concern.ack-due": {
    label: "Concerns about to be overdue",
    hint: "A working day before a concern's acknowledgement is due.",
    audience: "lead",
    choices: ["IMMEDIATELY", "DIGEST", "OFF"],
  },
  "concern.digest": {
    label: "The daily summary",
    hint: "One email a day listing what you chose to get in a summary.",
    audience: "everyone",
    choices: [],
  },
  "learning.answered": {
    label: "Answers to your questions in the learning library",
    hint: "When someone answers a question you asked about shared learning.",
    audience: "staff",
    choices: ["IMMEDIATELY", "DIGEST", "OFF"],
  },
  "membership.decided": {
    label: "Your requests to join a collaborative",
    hint: "When a lead approves or declines your request.",
    audience: "everyone",
    choices: ["IMMEDIATELY", "OFF"],
  },
  "round.opened": {
    label: "Priority-setting rounds opening",
    hint: "When your collaborative opens a round to choose its local priorities.",
    audience: "everyone",
    choices: ["IMMEDIATELY", "DIGEST", "OFF"],
  },
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The kinds a person can choose about. */
export const SETTABLE_KINDS = NOTIFICATION_KINDS.filter((kind) => KINDS[kind].choices.length > 0);

/** A person's setting for a kind: what they chose if the kind allows it, else its default. */
export function effectiveDelivery(kind: NotificationKind, chosen: Delivery | undefined): Delivery {
  const { choices } = KINDS[kind];
  if (choices.length === 0) return "IMMEDIATELY";
  return chosen && choices.includes(chosen) ? chosen : choices[0]!;
}

/**
 * Kinds that carry List-Unsubscribe and an unsubscribe link: every one a person can turn off, and the
 * daily summary (turning it off turns off everything they had put in it). Urgent concerns cannot be
 * turned off, so their emails offer no unsubscribe that would not work.
 */
export function canUnsubscribe(kind: NotificationKind): boolean {
  return kind === "concern.digest" || KINDS[kind].choices.includes("OFF");
}
