"use server";
// Thin adapters from forms to the accounts domain: parse, find the viewer, call, respond.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { requestIp } from "@/lib/auth/request-ip";
import { clearSessionCookie, endThisSession, issueSessionCookie } from "@/lib/auth/session-cookie";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { formObject, invalid, runForm, type FormState } from "@/lib/forms";
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
function withoutSecrets(state: FormState): FormState {
  if (!state.values) return state;
  const { password: _p, currentPassword: _c, confirmPassword: _x, ...values } = state.values;
  return { ...state, values };
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(formObject(formData));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, formData));
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, async () => {
    const user = await signInWithPassword(viewer, parsed.data, ip);
    await issueSessionCookie(user);
  });
  if (!state.ok) return withoutSecrets(state);
  redirect(safeCallbackUrl(parsed.data.callbackUrl));
}

export async function signOutAction(): Promise<void> {
  await endThisSession();
  redirect("/");
}

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = emailOnlySchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, () => requestPasswordReset(viewer, parsed.data, ip));
  if (!state.ok) return state;
  redirect("/forgot-password/sent");
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse(formObject(formData));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, formData));
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, () => resetPassword(viewer, parsed.data, ip));
  if (!state.ok) return withoutSecrets(state);
  // Every session of the account has ended (including this browser's, if it was signed in).
  await clearSessionCookie();
  redirect("/sign-in?reset=done");
}

export async function requestEmailSignInLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = emailOnlySchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, () => requestEmailSignInLink(viewer, parsed.data, ip));
  if (!state.ok) return state;
  redirect("/sign-in/email/sent");
}

// ─── Registration and invitations ─────────────────────────────────────────────

export async function registerPatientAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = registerPatientSchema.safeParse(formObject(formData));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, formData));
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, () => registerPatient(viewer, parsed.data, ip));
  if (!state.ok) return withoutSecrets(state);
  redirect("/register/check-email");
}

export async function registerStaffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = registerStaffSchema.safeParse(formObject(formData));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, formData));
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, () => registerStaff(viewer, parsed.data, ip));
  if (!state.ok) return withoutSecrets(state);
  redirect("/register/check-email");
}

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = acceptInvitationSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => acceptInvitation(viewer, parsed.data).then(() => undefined));
  if (!state.ok) return state;
  revalidatePath("/account");
  redirect("/account?welcome=invitation");
}

export async function acceptInvitationWithNewAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = acceptInvitationNewAccountSchema.safeParse(formObject(formData));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, formData));
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, async () => {
    await issueSessionCookie(await acceptInvitationWithNewAccount(viewer, parsed.data, ip));
  });
  if (!state.ok) return withoutSecrets(state);
  redirect("/account?welcome=invitation");
}

// ─── Own account ──────────────────────────────────────────────────────────────

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse(formObject(formData));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, formData));
  const viewer = await getViewer();
  const ip = await requestIp();
  const state = await runForm(formData, async () => {
    // Every other session has ended; this browser gets a new one.
    await issueSessionCookie(await changePassword(viewer, parsed.data, ip));
    return { ok: true, message: "Your password has been changed. You have been signed out on your other devices." };
  });
  return withoutSecrets(state);
}

export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer.userId) await signOutEverywhere(viewer);
  await clearSessionCookie();
  redirect("/sign-in");
}

export async function requestStaffMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = staffRequestSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, () => requestStaffMembership(viewer, parsed.data));
  if (!state.ok) return state;
  revalidatePath("/account");
  redirect("/account?welcome=staff");
}

// ─── Members (leads) ──────────────────────────────────────────────────────────

function membersPath(formData: FormData) {
  const slug = String(formData.get("slug") ?? "");
  return /^[a-z0-9-]{1,80}$/.test(slug) ? `/collaboratives/${slug}/members` : "/account";
}

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = inviteSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await inviteMember(viewer, parsed.data);
    return { ok: true, message: `Invitation sent to ${parsed.data.email}.` };
  });
  if (state.ok) revalidatePath(membersPath(formData));
  return state;
}

/**
 * The small buttons on the members page (approve, decline, revoke, remove, change role) share one shape.
 * Success goes back to the page with what was done in the address (the row itself may have gone);
 * failures show beside the button.
 */
function memberButtonAction<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import("zod").ZodError } },
  run: (viewer: Awaited<ReturnType<typeof getViewer>>, input: T) => Promise<void>,
  done: MemberActionDone,
) {
  return async (formData: FormData): Promise<FormState> => {
    const parsed = schema.safeParse(formObject(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const viewer = await getViewer();
    const state = await runForm(formData, () => run(viewer, parsed.data));
    if (!state.ok) return state;
    const path = membersPath(formData);
    revalidatePath(path);
    redirect(`${path}?done=${done}`);
  };
}

type MemberActionDone = "approved" | "declined" | "role-changed" | "removed" | "withdrawn";

export async function approveMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberButtonAction(membershipIdSchema, approveMembership, "approved")(formData);
}

export async function declineMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberButtonAction(membershipIdSchema, declineMembership, "declined")(formData);
}

export async function changeMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberButtonAction(changeRoleSchema, changeMemberRole, "role-changed")(formData);
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberButtonAction(membershipIdSchema, removeMember, "removed")(formData);
}

export async function revokeInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberButtonAction(invitationIdSchema, revokeInvitation, "withdrawn")(formData);
}

// ─── Administration ───────────────────────────────────────────────────────────

export async function setGlobalRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = setGlobalRoleSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await setGlobalRole(viewer, parsed.data);
    return { ok: true, message: "Role changed." };
  });
  if (state.ok) revalidatePath("/admin");
  return state;
}

export async function updateCollaborativeSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = collaborativeSettingsSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const viewer = await getViewer();
  const state = await runForm(formData, async () => {
    await updateCollaborativeSettings(viewer, parsed.data);
    return { ok: true, message: "Saved." };
  });
  if (state.ok) revalidatePath("/admin/collaboratives");
  return state;
}
