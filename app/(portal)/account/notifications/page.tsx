import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getNotificationSettings } from "@/lib/notifications/queries";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { DELIVERY_LABELS, KINDS } from "@/lib/notifications/kinds";
import { fieldName } from "@/lib/notifications/schemas";
import { AccountForm } from "@/components/accounts/AccountForm";
import { BackLink, InsetText } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer("/account/notifications");
  const settings = await getNotificationSettings(viewer);
  const fixed = settings.filter((s) => s.fixed);
  const choices = settings.filter((s) => !s.fixed);
  return (
    <div className="max-w-3xl">
      <BackLink href="/account">Your account</BackLink>
      <h1>Notification settings</h1>
      <p>Choose which emails you get from the portal, and when. A daily summary arrives at 7:30am.</p>
      <p>Emails about signing in and resetting your password are always sent: they are not notifications.</p>
      {fixed.map((s) => (
        <InsetText key={s.kind}>
          <p className="mb-0">
            <strong>{KINDS[s.kind].label}</strong>: {KINDS[s.kind].hint}
          </p>
        </InsetText>
      ))}
      <AccountForm
        action={saveNotificationSettingsAction}
        fields={choices.map((s) => ({
          name: fieldName(s.kind),
          label: KINDS[s.kind].label,
          hint: KINDS[s.kind].hint,
          type: "radios" as const,
          options: KINDS[s.kind].choices.map((d) => ({ value: d, label: DELIVERY_LABELS[d] })),
          defaultValue: s.delivery,
        }))}
        submitLabel="Save settings"
      />
    </div>
  );
}
