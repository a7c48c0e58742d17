// What a notification email looks like: plain text, the link on a line of its own, then how to change
// settings and (for kinds a person can turn off) how to stop them, with the RFC 8058 headers.
import "server-only";
import { portalUrl } from "@/lib/accounts/emails";
import type { Email } from "@/lib/mail/send";
import { KINDS, canUnsubscribe, type NotificationKind } from "./kinds";
import { unsubscribeToken } from "./unsubscribe-token";

export const SETTINGS_PATH = "/account/notifications";

export function unsubscribeUrl(userId: string, kind: NotificationKind): string {
  return portalUrl(`/notifications/unsubscribe/${unsubscribeToken(userId, kind)}`);
}

export function notificationEmail(
  to: string,
  n: { userId: string; kind: NotificationKind; subject: string; text: string; url: string },
): Email {
  const link = portalUrl(n.url);
  const settings = `To choose which emails you get, and when, go to your notification settings:\n${portalUrl(SETTINGS_PATH)}`;
  if (!canUnsubscribe(n.kind)) {
    return {
      to,
      subject: n.subject,
      text: `${n.text}\n\n${link}\n\n${KINDS[n.kind].hint}\n\n${settings}\n\nPatient Safety Collaboratives`,
    };
  }
  const unsubscribe = unsubscribeUrl(n.userId, n.kind);
  const stop =
    n.kind === "concern.digest"
      ? `To stop these daily summaries (nothing will be emailed in their place):\n${unsubscribe}`
      : `To stop emails about ${KINDS[n.kind].label.toLowerCase()}:\n${unsubscribe}`;
  return {
    to,
    subject: n.subject,
    text: `${n.text}\n\n${link}\n\n${settings}\n\n${stop}\n\nPatient Safety Collaboratives`,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
