import { KINDS } from "@/lib/notifications/kinds";
import type { NotDelivered } from "@/lib/notifications/queries";
import { formatDateTime, pluralise } from "@/lib/format";
import { WarningCallout } from "@/components/ui/Panels";

/**
 * Issue 23: when email is down, a concern still arrives, and the failure is visible. How many
 * notifications could not be delivered, of which kind and since when: never their content or recipients.
 */
export function NotDeliveredPanel({ failures, who }: { failures: NotDelivered[]; who: string }) {
  if (failures.length === 0) return null;
  const total = failures.reduce((sum, f) => sum + f.count, 0);
  return (
    <WarningCallout title="Notifications not delivered">
      <p>
        {pluralise(total, "email notification")} to {who} could not be sent. The portal keeps trying; check the portal
        directly in the meantime, and ask your administrator to check the email settings.
      </p>
      <ul className="mb-0 list-disc pl-6">
        {failures.map((f) => (
          <li key={f.kind}>
            {KINDS[f.kind]?.label ?? f.kind}: {f.count}, failing since {formatDateTime(f.since)}
          </li>
        ))}
      </ul>
    </WarningCallout>
  );
}
