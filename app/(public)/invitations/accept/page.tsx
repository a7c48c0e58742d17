import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { getInvitationForToken } from "@/lib/accounts/queries";
import { INVITATION_INVALID } from "@/lib/accounts/mutations";
import { roleLabel } from "@/lib/accounts/roles";
import { acceptInvitationAction, acceptInvitationWithNewAccountAction } from "@/lib/accounts/actions";
import { AccountForm } from "@/components/accounts/AccountForm";
import { PASSWORD_HINT } from "@/components/accounts/password-hint";
import { SummaryList } from "@/components/ui/Panels";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Accept an invitation" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function AcceptInvitationPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const viewer = await getViewer();
  const invitation =
    typeof token === "string" && token.length >= 20 && token.length <= 200
      ? await getInvitationForToken(viewer, token)
      : null;
  if (!invitation || !token) {
    return (
      <div className="max-w-2xl">
        <h1>This invitation does not work</h1>
        <p>{INVITATION_INVALID}</p>
      </div>
    );
  }
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  return (
    <div className="max-w-2xl">
      <h1>Join {invitation.collaborativeName}</h1>
      <p>
        {invitation.inviterName} has invited you to join the collaborative
        {invitation.projectTitle ? ` and the team of the project “${invitation.projectTitle}”` : ""}.
      </p>
      {invitation.projectTitle && invitation.role === "STAFF" && (
        <p>
          One of the collaborative&apos;s leads approves new staff members: you join the project team once they have.
        </p>
      )}
      <SummaryList
        rows={[
          { label: "Invitation for", value: invitation.email },
          { label: "Role", value: roleLabel(invitation.role) },
          ...(invitation.organisationName ? [{ label: "Organisation", value: invitation.organisationName }] : []),
          { label: "Accept by", value: formatDate(invitation.expiresAt) },
        ]}
      />
      {invitation.isViewer ? (
        <AccountForm action={acceptInvitationAction} hidden={{ token }} fields={[]} submitLabel="Accept invitation" />
      ) : viewer.userId ? (
        <>
          <p>
            You are signed in as {viewer.email}, but this invitation is for {invitation.email}.
          </p>
          <p>
            <Link href="/sign-out">Sign out</Link>, then open the link in the invitation email again and sign in as{" "}
            {invitation.email}.
          </p>
        </>
      ) : invitation.hasAccount ? (
        <p>
          You already have an account.{" "}
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in to accept the invitation</Link>.
        </p>
      ) : (
        <>
          <h2>Create your account</h2>
          <p>You will sign in with {invitation.email}.</p>
          <AccountForm
            action={acceptInvitationWithNewAccountAction}
            hidden={{ token }}
            fields={[
              { name: "name", label: "Full name", autoComplete: "name" },
              {
                name: "password",
                label: "Create a password",
                hint: PASSWORD_HINT,
                type: "password",
                autoComplete: "new-password",
              },
              { name: "confirmPassword", label: "Confirm password", type: "password", autoComplete: "new-password" },
            ]}
            submitLabel="Create account and join"
          />
        </>
      )}
    </div>
  );
}
