// The accounts emails: plain text, plain words, the link on a line of its own.
import "server-only";
import { sendEmail } from "@/lib/mail/send";
import { env } from "@/lib/env";

const SIGN_OFF = "Patient Safety Collaboratives\n\nIf you did not expect this email, you can ignore it.";

/** Absolute links in emails point at the portal's public address. */
export function portalUrl(path: string): string {
  return new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

export async function sendSignInLinkEmail(to: string, url: string) {
  await sendEmail({
    to,
    subject: "Your sign-in link for Patient Safety Collaboratives",
    text: `Use this link to sign in. It works once, within 1 hour:\n\n${url}\n\n${SIGN_OFF}`,
  });
}

export async function sendPasswordResetEmail(to: string, url: string) {
  await sendEmail({
    to,
    subject: "Reset your Patient Safety Collaboratives password",
    text: `Someone asked to reset the password for this email address. To choose a new password, use this link within 1 hour:\n\n${url}\n\nThe link works once. Your password stays the same if you do nothing.\n\n${SIGN_OFF}`,
  });
}

export async function sendConfirmAddressEmail(to: string, url: string) {
  await sendEmail({
    to,
    subject: "Confirm your email address for Patient Safety Collaboratives",
    text: `Your account has been created. To confirm this is your email address and sign in, use this link within 1 hour:\n\n${url}\n\nAfter that, sign in with your email address and password. If the link has expired, ask for a new sign-in link on the sign-in page.\n\n${SIGN_OFF}`,
  });
}

export async function sendRegistrationAttemptEmail(to: string) {
  await sendEmail({
    to,
    subject: "Someone tried to register with your email address",
    text: `Someone tried to create a Patient Safety Collaboratives account with this email address, but you already have one, so nothing has changed.\n\nIf it was you, sign in:\n\n${portalUrl("/sign-in")}\n\nIf you have forgotten your password, reset it:\n\n${portalUrl("/forgot-password")}\n\n${SIGN_OFF}`,
  });
}

export async function sendInvitationEmail(
  to: string,
  invitation: {
    collaborativeName: string;
    roleLabel: string;
    inviterName: string;
    url: string;
    expiresInDays: number;
    /** Sent from a project's team page: the project they will join. */
    projectTitle?: string;
    /** Staff invited by a member of staff wait for a lead's approval, as staff who register do. */
    pendingApproval?: boolean;
  },
) {
  const team = invitation.projectTitle ? ` and the team of the project “${invitation.projectTitle}”` : "";
  const approval = invitation.pendingApproval
    ? `\n\nOne of the collaborative's leads approves new staff members; you join the project team once they have.`
    : "";
  await sendEmail({
    to,
    subject: invitation.projectTitle
      ? `You are invited to join the team of “${invitation.projectTitle}”`
      : `You are invited to join ${invitation.collaborativeName}`,
    text: `${invitation.inviterName} has invited you to join ${invitation.collaborativeName}${team} on the Patient Safety Collaboratives portal as ${invitation.roleLabel}.${approval}\n\nTo accept, use this link within ${invitation.expiresInDays} days:\n\n${invitation.url}\n\n${SIGN_OFF}`,
  });
}
