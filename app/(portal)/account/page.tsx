import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getAccount } from "@/lib/accounts/queries";
import { changePasswordAction, signOutEverywhereAction } from "@/lib/accounts/actions";
import { globalRoleLabel, roleLabel } from "@/lib/accounts/roles";
import { AccountForm } from "@/components/accounts/AccountForm";
import { PASSWORD_HINT } from "@/components/accounts/password-hint";
import { InsetText, SummaryList, Tag, SuccessMessage } from "@/components/ui/Panels";
import { Button } from "@/components/ui/Button";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Your account" };

const WELCOME: Record<string, string> = {
  patient: "Your account has been created.",
  staff:
    "Your account has been created. The collaborative's lead will check your request to join; we will email you when they have.",
  invitation: "You have joined the collaborative.",
  "invitation-pending":
    "Invitation accepted. The collaborative's lead will check your request to join; we will email you when they have, and you will then be on the project team.",
};

type Props = { searchParams: Promise<{ welcome?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const viewer = await requireViewer("/account");
  const account = await getAccount(viewer);
  const { welcome } = await searchParams;
  return (
    <div className="max-w-3xl">
      <h1>Your account</h1>
      {welcome && WELCOME[welcome] && <SuccessMessage>{WELCOME[welcome]}</SuccessMessage>}
      <SummaryList
        rows={[
          { label: "Name", value: account.name },
          { label: "Email address", value: account.email },
          ...(account.globalRole !== "NONE"
            ? [{ label: "National role", value: globalRoleLabel(account.globalRole) }]
            : []),
          { label: "Account created", value: formatDate(account.createdAt) },
        ]}
      />

      <h2>Your collaboratives</h2>
      {account.memberships.length === 0 ? (
        <p>
          You are not a member of a collaborative. <Link href="/register/staff">Ask to join as a member of staff</Link>.
        </p>
      ) : (
        <ul className="mb-8 space-y-3">
          {account.memberships.map((m) => (
            <li key={m.id} className="bg-white p-4">
              <p className="mb-1">
                <Link href={`/collaboratives/${m.collaborativeSlug}`} className="font-bold">
                  {m.collaborativeName}
                </Link>{" "}
                <Tag colour={m.pending ? "orange" : "blue"}>
                  {m.pending ? `${roleLabel(m.role)}: waiting for approval` : roleLabel(m.role)}
                </Tag>
              </p>
              {(m.organisationName || m.jobTitle) && (
                <p className="mb-1">{[m.jobTitle, m.organisationName].filter(Boolean).join(", ")}</p>
              )}
              {m.canManageMembers && (
                <p className="mb-0">
                  <Link href={`/collaboratives/${m.collaborativeSlug}/members`}>
                    Manage members<span className="sr-only"> of {m.collaborativeName}</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {account.memberships.some((m) => m.role === "PATIENT" && !m.pending) && (
        <p>
          <Link href="/my/concerns">Safety concerns you have raised</Link>
        </p>
      )}

      <h2>Emails from the portal</h2>
      <p>
        <Link href="/account/notifications">Notification settings</Link>: choose which emails you get, and when.
      </p>

      <h2>{account.hasPassword ? "Change your password" : "Set a password"}</h2>
      <p>You will stay signed in here and be signed out on your other devices.</p>
      <AccountForm
        action={changePasswordAction}
        fields={[
          ...(account.hasPassword
            ? [
                {
                  name: "currentPassword",
                  label: "Current password",
                  type: "password" as const,
                  autoComplete: "current-password",
                },
              ]
            : []),
          {
            name: "password",
            label: "New password",
            hint: PASSWORD_HINT,
            type: "password",
            autoComplete: "new-password",
          },
          { name: "confirmPassword", label: "Confirm new password", type: "password", autoComplete: "new-password" },
        ]}
        submitLabel={account.hasPassword ? "Change password" : "Set password"}
      />

      <h2>Sign out everywhere</h2>
      <InsetText>
        <p className="mb-0">
          If you signed in on a shared or lost device, this signs you out on every device, including this one.
        </p>
      </InsetText>
      <form action={signOutEverywhereAction}>
        <Button variant="warning">Sign out everywhere</Button>
      </form>
    </div>
  );
}
