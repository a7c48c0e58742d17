"use server";
// Thin adapters from forms to the accounts domain: schema, domain call, what to revalidate, response.
import { z } from "zod";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requestIp } from "@/lib/auth/request-ip";
import { clearSessionCookie, endThisSession, issueSessionCookie } from "@/lib/auth/session-cookie";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import type { Viewer } from "@/lib/auth/viewer-types";
import { buttonAction, formAction, pathSlug } from "@/lib/forms/action";
import {
  acceptInvitationNewAccountSchema,
  acceptInvitationSchema,
  changePasswordSchema,
  changeRoleSchema,
  collaborativeSettingsSchema,
  emailOnlySchema,
  invitationIdSchema,
  inviteSchema,
  membershipIdSchema,
  registerPatientSchema,
  registerStaffSchema,
  resetPasswordSchema,
  setGlobalRoleSchema,
  signInSchema,
  staffRequestSchema,
} from "./schemas";
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  approveMembership,
  changeMemberRole,
  changePassword,
  declineMembership,
  inviteMember,
  registerPatient,
  registerStaff,
  removeMember,
  requestStaffMembership,
  revokeInvitation,
  setGlobalRole,
  signOutEverywhere,
  updateCollaborativeSettings,
} from "./mutations";
import { signInWithPassword } from "./sign-in";
import { requestEmailSignInLink, requestPasswordReset, resetPassword } from "./recovery";

/** Never send a password back to the browser, even to refill a form. */
const PASSWORDS = ["password", "currentPassword", "confirmPassword"];

export const signInAction = formAction({
  schema: signInSchema,
  secret: PASSWORDS,
  handler: async ({ input, viewer }) => {
    await issueSessionCookie(await signInWithPassword(viewer, input, await requestIp()));
    redirect(safeCallbackUrl(input.callbackUrl));
  },
});

export const signOutAction = buttonAction({
  schema: z.object({}),
  handler: async () => {
    await endThisSession();
    redirect("/");
  },
});

export const requestPasswordResetAction = formAction({
  schema: emailOnlySchema,
  handler: async ({ input, viewer }) => {
    await requestPasswordReset(viewer, input, await requestIp());
    redirect("/forgot-password/sent");
  },
});

export const resetPasswordAction = formAction({
  schema: resetPasswordSchema,
  secret: PASSWORDS,
  handler: async ({ input, viewer }) => {
    await resetPassword(viewer, input, await requestIp());
    // Every session of the account has ended (including this browser's, if it was signed in).
    await clearSessionCookie();
    redirect("/sign-in?reset=done");
  },
});

export const requestEmailSignInLinkAction = formAction({
  schema: emailOnlySchema,
  handler: async ({ input, viewer }) => {
    await requestEmailSignInLink(viewer, input, await requestIp());
    redirect("/sign-in/email/sent");
  },
});

// ─── Registration and invitations ─────────────────────────────────────────────

export const registerPatientAction = formAction({
  schema: registerPatientSchema,
  secret: PASSWORDS,
  handler: async ({ input, viewer }) => {
    await registerPatient(viewer, input, await requestIp());
    redirect("/register/check-email");
  },
});

export const registerStaffAction = formAction({
  schema: registerStaffSchema,
  secret: PASSWORDS,
  handler: async ({ input, viewer }) => {
    await registerStaff(viewer, input, await requestIp());
    redirect("/register/check-email");
  },
});

export const acceptInvitationAction = formAction({
  schema: acceptInvitationSchema,
  handler: async ({ input, viewer }) => {
    const { pending } = await acceptInvitation(viewer, input);
    revalidatePath("/account");
    redirect(`/account?welcome=${pending ? "invitation-pending" : "invitation"}`);
  },
});

export const acceptInvitationWithNewAccountAction = formAction({
  schema: acceptInvitationNewAccountSchema,
  secret: PASSWORDS,
  handler: async ({ input, viewer }) => {
    const { pending, ...user } = await acceptInvitationWithNewAccount(viewer, input, await requestIp());
    await issueSessionCookie(user);
    redirect(`/account?welcome=${pending ? "invitation-pending" : "invitation"}`);
  },
});

// ─── Own account ──────────────────────────────────────────────────────────────

export const changePasswordAction = formAction({
  schema: changePasswordSchema,
  secret: PASSWORDS,
  handler: async ({ input, viewer }) => {
    // Every other session has ended; this browser gets a new one.
    await issueSessionCookie(await changePassword(viewer, input, await requestIp()));
    return { ok: true, message: "Your password has been changed. You have been signed out on your other devices." };
  },
});

export const signOutEverywhereAction = buttonAction({
  schema: z.object({}),
  handler: async ({ viewer }) => {
    if (viewer.userId) await signOutEverywhere(viewer);
    await clearSessionCookie();
    redirect("/sign-in");
  },
});

export const requestStaffMembershipAction = formAction({
  schema: staffRequestSchema,
  handler: async ({ input, viewer }) => {
    await requestStaffMembership(viewer, input);
    revalidatePath("/account");
    redirect("/account?welcome=staff");
  },
});

// ─── Members (leads) ──────────────────────────────────────────────────────────

const membersPath = (slug: string) => (slug ? `/collaboratives/${slug}/members` : "/account");

export const inviteMemberAction = formAction({
  schema: inviteSchema.extend({ slug: pathSlug }),
  handler: async ({ input: { slug, ...input }, viewer }) => {
    await inviteMember(viewer, input);
    revalidatePath(membersPath(slug));
    return { ok: true, message: `Invitation sent to ${input.email}.` };
  },
});

type MemberActionDone = "approved" | "declined" | "role-changed" | "removed" | "withdrawn";

/**
 * The small buttons on the members page (approve, decline, revoke, remove, change role) share one shape.
 * Success goes back to the page with what was done in the address (the row itself may have gone);
 * failures show beside the button.
 */
function memberButtonAction<Input extends object>(
  schema: z.ZodType<Input>,
  run: (viewer: Viewer, input: Input) => Promise<void>,
  done: MemberActionDone,
) {
  return formAction({
    schema: schema.and(z.object({ slug: pathSlug })),
    handler: async ({ input: { slug, ...input }, viewer }) => {
      await run(viewer, input as unknown as Input);
      revalidatePath(membersPath(slug));
      redirect(`${membersPath(slug)}?done=${done}`);
    },
  });
}

export const approveMembershipAction = memberButtonAction(membershipIdSchema, approveMembership, "approved");
export const declineMembershipAction = memberButtonAction(membershipIdSchema, declineMembership, "declined");
export const changeMemberRoleAction = memberButtonAction(changeRoleSchema, changeMemberRole, "role-changed");
export const removeMemberAction = memberButtonAction(membershipIdSchema, removeMember, "removed");
export const revokeInvitationAction = memberButtonAction(invitationIdSchema, revokeInvitation, "withdrawn");

// ─── Administration ───────────────────────────────────────────────────────────

export const setGlobalRoleAction = formAction({
  schema: setGlobalRoleSchema,
  handler: async ({ input, viewer }) => {
    await setGlobalRole(viewer, input);
    revalidatePath("/admin");
    return { ok: true, message: "Role changed." };
  },
});

export const updateCollaborativeSettingsAction = formAction({
  schema: collaborativeSettingsSchema,
  handler: async ({ input, viewer }) => {
    await updateCollaborativeSettings(viewer, input);
    revalidatePath("/admin/collaboratives");
    return { ok: true, message: "Saved." };
  },
});
