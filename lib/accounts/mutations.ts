// Writes for accounts, memberships, invitations and global roles. Each asks the policy first, writes
// in one transaction with its audit event, and treats records the viewer may not manage as not found.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, can, type Action, type Viewer } from "@/lib/auth/policy";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { limits, returnSlots, takeSlots } from "@/lib/auth/throttle";
import type { SessionUser } from "@/lib/auth/session-cookie";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordAudit, type AuditInput } from "@/lib/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { emailDomainAllowed, roleLabel } from "./roles";
import { normaliseEmail } from "./schemas";
import { hashLinkToken, newLinkToken } from "./tokens";
import { portalUrl, sendInvitationEmail } from "./emails";
import { queueNotification } from "@/lib/notifications/mutations";
import { requestAccountEmail } from "./outbox";
import { requireProject } from "@/lib/projects/access";

const INVITATION_DAYS = 14;
export const INVITATION_INVALID =
  "This invitation has expired, has been withdrawn or has already been used. Ask the collaborative's lead for a new one.";

type SignedIn = Viewer & { userId: string };

function requireSignedIn(viewer: Viewer): asserts viewer is SignedIn {
  if (!viewer.userId) throw new NotFoundError();
}

/** For records found by id: a viewer who may not act on it learns nothing about it. */
function authorizeOrNotFound(viewer: Viewer, action: Action, collaborativeId: string) {
  if (!can(viewer, action, { collaborativeId })) throw new NotFoundError();
}

function isUniqueViolation(error: unknown) {
  return (error as { code?: string } | null)?.code === "P2002";
}

/** Mail is sent after the transaction commits; a failure is logged and does not undo the change. */
async function deliver(send: () => Promise<void>) {
  try {
    await send();
  } catch (error) {
    console.error("[accounts] could not send email", error);
  }
}

// ─── Registration ─────────────────────────────────────────────────────────────
// A registration never signs in: the new account's owner confirms the address through the emailed
// link, and a registration with an address that already has an account looks exactly the same.

export async function registerPatient(
  viewer: Viewer,
  input: { name: string; email: string; password: string; collaborativeId: string },
  ip: string,
): Promise<void> {
  authorize(viewer, "account.register");
  await takeSlots([limits.registerIp(ip)]);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(async (tx) => {
      const collaborative = await tx.collaborative.findUnique({
        where: { id: input.collaborativeId },
        select: { id: true },
      });
      if (!collaborative)
        throw new DomainError("Select your local collaborative", {
          collaborativeId: "Select your local collaborative",
        });
      const user = await tx.user.create({
        data: { email, name: input.name, passwordHash },
        select: { id: true, name: true, email: true, sessionVersion: true },
      });
      await tx.membership.create({
        data: {
          userId: user.id,
          collaborativeId: collaborative.id,
          role: "PATIENT",
          status: "ACTIVE",
          approvedAt: new Date(),
        },
      });
      await recordAudit(tx, {
        action: "account.registered",
        subjectType: "User",
        subjectId: user.id,
        actorId: user.id,
        collaborativeId: collaborative.id,
        ip,
        details: { role: "PATIENT" },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return registrationWithKnownAddress(email, ip);
    throw error;
  }
  await requestAccountEmail("registration-welcome", email, { ip, callbackUrl: "/account?welcome=patient" });
}

/** Staff whose email domain the collaborative allows ask to join; a lead approves (PENDING until then). */
export async function registerStaff(
  viewer: Viewer,
  input: {
    name: string;
    email: string;
    password: string;
    collaborativeId: string;
    organisationId: string;
    jobTitle: string;
  },
  ip: string,
): Promise<void> {
  authorize(viewer, "account.register");
  await takeSlots([limits.registerIp(ip)]);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(async (tx) => {
      const collaborative = await tx.collaborative.findUnique({
        where: { id: input.collaborativeId },
        select: { id: true, allowedEmailDomains: true },
      });
      if (!collaborative)
        throw new DomainError("Select the collaborative you work with", {
          collaborativeId: "Select the collaborative you work with",
        });
      if (!emailDomainAllowed(email, collaborative.allowedEmailDomains)) {
        const message = collaborative.allowedEmailDomains.length
          ? `Use your work email address (ending ${collaborative.allowedEmailDomains.map((d) => `@${d}`).join(" or ")}), or ask the collaborative's lead to invite you`
          : "This collaborative adds staff by invitation only: ask its lead to invite you";
        throw new DomainError(message, { email: message });
      }
      const organisation = await tx.organisation.findFirst({
        where: { id: input.organisationId, collaborativeId: collaborative.id, active: true },
        select: { id: true },
      });
      if (!organisation)
        throw new DomainError("Select your organisation", { organisationId: "Select your organisation" });
      const user = await tx.user.create({
        data: { email, name: input.name, passwordHash },
        select: { id: true, name: true, email: true, sessionVersion: true },
      });
      const membership = await tx.membership.create({
        data: {
          userId: user.id,
          collaborativeId: collaborative.id,
          organisationId: organisation.id,
          role: "STAFF",
          status: "PENDING",
          jobTitle: input.jobTitle || null,
        },
      });
      await recordAudit(tx, {
        action: "account.registered",
        subjectType: "User",
        subjectId: user.id,
        actorId: user.id,
        collaborativeId: collaborative.id,
        ip,
        details: { role: "STAFF" },
      });
      await recordAudit(tx, {
        action: "membership.requested",
        subjectType: "Membership",
        subjectId: membership.id,
        actorId: user.id,
        collaborativeId: collaborative.id,
        ip,
        details: { role: "STAFF" },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return registrationWithKnownAddress(email, ip);
    throw error;
  }
  await requestAccountEmail("registration-welcome", email, { ip, callbackUrl: "/account?welcome=staff" });
}

/**
 * Registering with an address that has an account changes nothing and answers like a new registration
 * ("check your email"); the address's owner is told instead (lib/accounts/outbox.ts).
 */
async function registrationWithKnownAddress(email: string, ip: string): Promise<void> {
  await requestAccountEmail("registration-attempt", email, { ip });
}

/** A signed-in person (e.g. a patient who also works in the NHS) asks to join a collaborative as staff. */
export async function requestStaffMembership(
  viewer: Viewer,
  input: { collaborativeId: string; organisationId: string; jobTitle: string },
): Promise<void> {
  authorize(viewer, "account.manage");
  requireSignedIn(viewer);
  await db.$transaction(async (tx) => {
    const collaborative = await tx.collaborative.findUnique({
      where: { id: input.collaborativeId },
      select: { id: true, allowedEmailDomains: true },
    });
    if (!collaborative) throw new NotFoundError();
    if (!emailDomainAllowed(viewer.email ?? "", collaborative.allowedEmailDomains)) {
      throw new DomainError(
        "Your email address is not one this collaborative accepts for staff: ask its lead to invite you.",
      );
    }
    const organisation = await tx.organisation.findFirst({
      where: { id: input.organisationId, collaborativeId: collaborative.id, active: true },
      select: { id: true },
    });
    if (!organisation)
      throw new DomainError("Select your organisation", { organisationId: "Select your organisation" });
    const existing = await tx.membership.findUnique({
      where: { userId_collaborativeId: { userId: viewer.userId, collaborativeId: collaborative.id } },
    });
    if (existing && existing.role !== "PATIENT")
      throw new DomainError("You are already a member of this collaborative, or have asked to join it.");
    // A patient member keeps their patient membership until a lead approves the staff request.
    if (existing)
      throw new DomainError(
        "You take part in this collaborative as a patient or carer: ask its lead to change your role.",
      );
    const membership = await tx.membership.create({
      data: {
        userId: viewer.userId,
        collaborativeId: collaborative.id,
        organisationId: organisation.id,
        role: "STAFF",
        status: "PENDING",
        jobTitle: input.jobTitle || null,
      },
    });
    await recordAudit(tx, {
      action: "membership.requested",
      subjectType: "Membership",
      subjectId: membership.id,
      actorId: viewer.userId,
      collaborativeId: collaborative.id,
      details: { role: "STAFF" },
    });
  });
}

// ─── Invitations ──────────────────────────────────────────────────────────────

export async function inviteMember(
  viewer: Viewer,
  input: { collaborativeId: string; email: string; role: MembershipRole; organisationId: string | null },
): Promise<{ invitationId: string }> {
  authorize(viewer, "member.invite", { collaborativeId: input.collaborativeId });
  requireSignedIn(viewer);
  const email = normaliseEmail(input.email);
  const { token, tokenHash } = newLinkToken();
  const result = await db.$transaction(async (tx) => {
    const collaborative = await tx.collaborative.findUniqueOrThrow({
      where: { id: input.collaborativeId },
      select: { id: true, name: true },
    });
    if (input.role !== "PATIENT" && !input.organisationId)
      throw new DomainError("Select the organisation they work for", {
        organisationId: "Select the organisation they work for",
      });
    if (input.organisationId) {
      const organisation = await tx.organisation.findFirst({
        where: { id: input.organisationId, collaborativeId: collaborative.id },
        select: { id: true },
      });
      if (!organisation)
        throw new DomainError("Select the organisation they work for", {
          organisationId: "Select the organisation they work for",
        });
    }
    const member = await tx.membership.findFirst({
      where: { collaborativeId: collaborative.id, status: "ACTIVE", user: { email } },
      select: { id: true },
    });
    if (member)
      throw new DomainError("This person is already a member: change their role in the list of members instead", {
        email: "This person is already a member",
      });
    // A new invitation replaces any open one to the same person (a project team's invitation stays:
    // it also adds them to that team).
    await tx.invitation.updateMany({
      where: { collaborativeId: collaborative.id, email, acceptedAt: null, revokedAt: null, projectId: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        collaborativeId: collaborative.id,
        organisationId: input.organisationId,
        email,
        role: input.role,
        tokenHash,
        invitedById: viewer.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "invitation.sent",
      subjectType: "Invitation",
      subjectId: invitation.id,
      actorId: viewer.userId,
      collaborativeId: collaborative.id,
      details: { role: input.role },
    });
    return { invitationId: invitation.id, collaborativeName: collaborative.name };
  });
  await deliver(() =>
    sendInvitationEmail(email, {
      collaborativeName: result.collaborativeName,
      roleLabel: roleLabel(input.role).toLowerCase(),
      inviterName: viewer.name ?? "The collaborative's lead",
      url: portalUrl(`/invitations/accept?token=${encodeURIComponent(token)}`),
      expiresInDays: INVITATION_DAYS,
    }),
  );
  return { invitationId: result.invitationId };
}

/**
 * From a project's team page: someone who is an active member of the project's collaborative is added
 * to the team at once; anyone else (with or without an account: which is not revealed) is emailed an
 * invitation to join the collaborative as staff (pending a lead's approval) or as a patient partner,
 * and joins the team once they are a member. Asks the same permission as editing the team.
 */
export async function inviteToProjectTeam(
  viewer: Viewer,
  input: { projectId: string; email: string; joinAs: "STAFF" | "PATIENT"; teamRole: string },
): Promise<{ invited: boolean }> {
  requireSignedIn(viewer);
  const email = normaliseEmail(input.email);
  const { token, tokenHash } = newLinkToken();
  const result = await db.$transaction(async (tx) => {
    const access = await requireProject(viewer, input.projectId, "project.update", tx);
    const project = await tx.project.findUniqueOrThrow({
      where: { id: access.id },
      select: { id: true, title: true, collaborative: { select: { id: true, name: true } } },
    });
    const collaborativeId = project.collaborative.id;
    const member = await tx.membership.findFirst({
      where: { collaborativeId, status: "ACTIVE", user: { email, erasedAt: null } },
      select: { userId: true },
    });
    if (member) {
      const added = await tx.projectTeamMember.createManyAndReturn({
        data: [{ projectId: project.id, userId: member.userId, role: input.teamRole }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (added.length === 0)
        throw new DomainError("This person is already on the team", { email: "This person is already on the team" });
      await recordAudit(tx, {
        action: "project.team_member_added",
        subjectType: "Project",
        subjectId: project.id,
        actorId: viewer.userId,
        collaborativeId,
        details: { memberId: added[0]!.id, portalUser: true },
      });
      return { invited: false as const };
    }
    // A new invitation to this team replaces any open one to the same person.
    await tx.invitation.updateMany({
      where: { projectId: project.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        collaborativeId,
        email,
        role: input.joinAs,
        tokenHash,
        invitedById: viewer.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
        projectId: project.id,
        projectRole: input.teamRole,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "invitation.sent",
      subjectType: "Invitation",
      subjectId: invitation.id,
      actorId: viewer.userId,
      collaborativeId,
      details: { role: input.joinAs, projectId: project.id },
    });
    return { invited: true as const, projectTitle: project.title, collaborativeName: project.collaborative.name };
  });
  if (!result.invited) return { invited: false };
  await deliver(() =>
    sendInvitationEmail(email, {
      collaborativeName: result.collaborativeName,
      roleLabel: input.joinAs === "PATIENT" ? "a patient partner" : "a member of staff",
      inviterName: viewer.name ?? "A member of the project team",
      url: portalUrl(`/invitations/accept?token=${encodeURIComponent(token)}`),
      expiresInDays: INVITATION_DAYS,
      projectTitle: result.projectTitle,
      pendingApproval: input.joinAs === "STAFF",
    }),
  );
  return { invited: true };
}

export async function revokeInvitation(viewer: Viewer, input: { invitationId: string }): Promise<void> {
  const invitation = await db.invitation.findUnique({
    where: { id: input.invitationId },
    select: { id: true, collaborativeId: true },
  });
  if (!invitation) throw new NotFoundError();
  authorizeOrNotFound(viewer, "member.invite", invitation.collaborativeId);
  await db.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) throw new ConflictError("This invitation has already been accepted or withdrawn.");
    await recordAudit(tx, {
      action: "invitation.revoked",
      subjectType: "Invitation",
      subjectId: invitation.id,
      actorId: viewer.userId,
      collaborativeId: invitation.collaborativeId,
    });
  });
}

async function openInvitation(tx: Tx, token: string) {
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      collaborativeId: true,
      organisationId: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      projectId: true,
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date())
    throw new DomainError(INVITATION_INVALID);
  return invitation;
}

/** Single use: of two simultaneous acceptances only one succeeds. */
async function markAccepted(tx: Tx, invitationId: string) {
  const accepted = await tx.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (accepted.count === 0) throw new DomainError(INVITATION_INVALID);
}

/** Whether the invitee is now a member, or waits for a lead's approval (a project team's staff invitation). */
type Joined = { pending: boolean };

async function joinFromInvitation(
  tx: Tx,
  userId: string,
  invitation: Awaited<ReturnType<typeof openInvitation>>,
): Promise<Joined> {
  if (invitation.projectId) return joinFromProjectInvitation(tx, userId, invitation);
  const membership = await tx.membership.upsert({
    where: { userId_collaborativeId: { userId, collaborativeId: invitation.collaborativeId } },
    create: {
      userId,
      collaborativeId: invitation.collaborativeId,
      organisationId: invitation.organisationId,
      role: invitation.role,
      status: "ACTIVE",
      approvedAt: new Date(),
    },
    update: {
      organisationId: invitation.organisationId ?? undefined,
      role: invitation.role,
      status: "ACTIVE",
      approvedAt: new Date(),
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    action: "invitation.accepted",
    subjectType: "Invitation",
    subjectId: invitation.id,
    actorId: userId,
    collaborativeId: invitation.collaborativeId,
    details: { role: invitation.role, membershipId: membership.id },
  });
  return { pending: false };
}

/**
 * An invitation sent from a project's team page was sent by a member of staff, not a lead: it never
 * changes a membership the person already has, and makes a new one as a patient partner (active at
 * once, as registering as a patient is) or as staff waiting for a lead's approval, as registering as
 * staff does. They join the project team as soon as they are an active member (for staff, when a
 * lead approves them: decideMembership).
 */
async function joinFromProjectInvitation(
  tx: Tx,
  userId: string,
  invitation: Awaited<ReturnType<typeof openInvitation>>,
): Promise<Joined> {
  const existing = await tx.membership.findUnique({
    where: { userId_collaborativeId: { userId, collaborativeId: invitation.collaborativeId } },
    select: { id: true, status: true },
  });
  const active = invitation.role === "PATIENT";
  const membership =
    existing ??
    (await tx.membership.create({
      data: {
        userId,
        collaborativeId: invitation.collaborativeId,
        role: invitation.role,
        status: active ? "ACTIVE" : "PENDING",
        approvedAt: active ? new Date() : null,
      },
      select: { id: true, status: true },
    }));
  await recordAudit(tx, {
    action: "invitation.accepted",
    subjectType: "Invitation",
    subjectId: invitation.id,
    actorId: userId,
    collaborativeId: invitation.collaborativeId,
    details: {
      role: invitation.role,
      membershipId: membership.id,
      status: membership.status,
      projectId: invitation.projectId,
    },
  });
  if (membership.status === "ACTIVE") await joinInvitedTeams(tx, userId, invitation.collaborativeId);
  return { pending: membership.status === "PENDING" };
}

/**
 * Adds an active member to the team of every project whose invitation they accepted in this
 * collaborative (an accepted invitation was for the account with its address). Safe to repeat.
 */
async function joinInvitedTeams(tx: Tx, userId: string, collaborativeId: string) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const invitations = await tx.invitation.findMany({
    where: { collaborativeId, email: user.email, acceptedAt: { not: null }, projectId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { projectId: true, projectRole: true },
  });
  for (const invitation of invitations) {
    const projectId = invitation.projectId!;
    const added = await tx.projectTeamMember.createManyAndReturn({
      data: [{ projectId, userId, role: invitation.projectRole ?? "" }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (added.length === 0) continue;
    await recordAudit(tx, {
      action: "project.team_member_added",
      subjectType: "Project",
      subjectId: projectId,
      actorId: userId,
      collaborativeId,
      details: { memberId: added[0]!.id, portalUser: true, via: "invitation" },
    });
  }
}

/** The signed-in invitee accepts: only the account with the invited email address may. */
export async function acceptInvitation(
  viewer: Viewer,
  input: { token: string },
): Promise<{ collaborativeId: string } & Joined> {
  requireSignedIn(viewer);
  return db.$transaction(async (tx) => {
    const invitation = await openInvitation(tx, input.token);
    const invitee = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    authorize(viewer, "invitation.accept", {
      ownerId: invitee?.id ?? null,
      collaborativeId: invitation.collaborativeId,
    });
    await markAccepted(tx, invitation.id);
    await tx.user.update({ where: { id: viewer.userId }, data: { emailVerified: new Date() } });
    const joined = await joinFromInvitation(tx, viewer.userId, invitation);
    return { collaborativeId: invitation.collaborativeId, ...joined };
  });
}

/** An invitee without an account creates one from the invitation (the link proves the email address). */
export async function acceptInvitationWithNewAccount(
  viewer: Viewer,
  input: { token: string; name: string; password: string },
  ip: string,
): Promise<SessionUser & Joined> {
  authorize(viewer, "account.register");
  await takeSlots([limits.registerIp(ip)]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await openInvitation(tx, input.token);
      await markAccepted(tx, invitation.id);
      const user = await tx.user.create({
        data: { email: invitation.email, name: input.name, passwordHash, emailVerified: new Date() },
        select: { id: true, name: true, email: true, sessionVersion: true },
      });
      await recordAudit(tx, {
        action: "account.registered",
        subjectType: "User",
        subjectId: user.id,
        actorId: user.id,
        collaborativeId: invitation.collaborativeId,
        ip,
        details: { role: invitation.role, via: "invitation" },
      });
      return { ...user, ...(await joinFromInvitation(tx, user.id, invitation)) };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("You already have an account: sign in to accept the invitation.");
    throw error;
  }
}

// ─── Members (leads and administrators) ───────────────────────────────────────

async function loadMembership(membershipId: string) {
  const membership = await db.membership.findUnique({
    where: { id: membershipId },
    select: {
      id: true,
      userId: true,
      collaborativeId: true,
      role: true,
      status: true,
      user: { select: { email: true } },
      collaborative: { select: { name: true } },
    },
  });
  if (!membership) throw new NotFoundError();
  return membership;
}

/** Leads manage others; changing or removing your own membership is for another lead or an administrator. */
function refuseSelf(viewer: Viewer, userId: string) {
  if (viewer.userId === userId && viewer.globalRole !== "ADMIN") {
    throw new DomainError("You cannot change your own membership. Ask another lead or an administrator.");
  }
}

function recordMembershipAudit(
  tx: Tx,
  viewer: Viewer,
  membership: { id: string; collaborativeId: string },
  action: string,
  details: AuditInput["details"],
) {
  return recordAudit(tx, {
    action,
    subjectType: "Membership",
    subjectId: membership.id,
    actorId: viewer.userId,
    collaborativeId: membership.collaborativeId,
    details,
  });
}

/** A lead's answer to a pending request: approval activates it, a refusal deletes it; the person is told either way. */
async function decideMembership(viewer: Viewer, membershipId: string, approved: boolean): Promise<void> {
  const membership = await loadMembership(membershipId);
  authorizeOrNotFound(viewer, "member.approve", membership.collaborativeId);
  await db.$transaction(async (tx) => {
    const decided = approved
      ? await tx.membership.updateMany({
          where: { id: membership.id, status: "PENDING" },
          data: { status: "ACTIVE", approvedAt: new Date() },
        })
      : await tx.membership.deleteMany({ where: { id: membership.id, status: "PENDING" } });
    if (decided.count === 0) throw new ConflictError("This request has already been dealt with.");
    await recordMembershipAudit(tx, viewer, membership, approved ? "membership.approved" : "membership.declined", {
      role: membership.role,
    });
    // Invited to a project team before joining: they join it now.
    if (approved) await joinInvitedTeams(tx, membership.userId, membership.collaborativeId);
    // The person is told through the notifications outbox, so the email exists exactly when the decision does.
    const name = membership.collaborative.name;
    await queueNotification(tx, {
      userId: membership.userId,
      kind: "membership.decided",
      subject: approved ? `You have joined ${name}` : `Your request to join ${name}`,
      text: approved
        ? `Your request to join ${name} has been approved. Sign in to start:`
        : `Your request to join ${name} was not approved. If you think this is a mistake, contact the collaborative's patient safety team.\n\nYour account:`,
      url: approved ? "/sign-in" : "/account",
      dedupeKey: `membership.decided:${membership.id}`,
      collaborativeId: membership.collaborativeId,
    });
  });
}

export async function approveMembership(viewer: Viewer, input: { membershipId: string }): Promise<void> {
  await decideMembership(viewer, input.membershipId, true);
}

export async function declineMembership(viewer: Viewer, input: { membershipId: string }): Promise<void> {
  await decideMembership(viewer, input.membershipId, false);
}

const RANK: Record<MembershipRole, number> = { PATIENT: 0, STAFF: 1, LEAD: 2 };

export async function changeMemberRole(
  viewer: Viewer,
  input: { membershipId: string; role: MembershipRole },
): Promise<void> {
  const membership = await loadMembership(input.membershipId);
  authorizeOrNotFound(viewer, "member.changeRole", membership.collaborativeId);
  refuseSelf(viewer, membership.userId);
  if (membership.role === input.role) return;
  await db.$transaction(async (tx) => {
    const changed = await tx.membership.updateMany({
      where: { id: membership.id, role: membership.role, status: "ACTIVE" },
      data: { role: input.role },
    });
    if (changed.count === 0)
      throw new ConflictError("This membership changed while you were looking at it. Check it and try again.");
    // Losing rights ends the person's sessions, so nothing cached in an open page keeps them.
    if (RANK[input.role] < RANK[membership.role])
      await tx.user.update({ where: { id: membership.userId }, data: { sessionVersion: { increment: 1 } } });
    await recordMembershipAudit(tx, viewer, membership, "membership.role_changed", {
      from: membership.role,
      to: input.role,
    });
  });
}

export async function removeMember(viewer: Viewer, input: { membershipId: string }): Promise<void> {
  const membership = await loadMembership(input.membershipId);
  authorizeOrNotFound(viewer, "member.remove", membership.collaborativeId);
  refuseSelf(viewer, membership.userId);
  await db.$transaction(async (tx) => {
    const removed = await tx.membership.deleteMany({ where: { id: membership.id } });
    if (removed.count === 0) throw new ConflictError("This member has already been removed.");
    await tx.user.update({ where: { id: membership.userId }, data: { sessionVersion: { increment: 1 } } });
    await recordMembershipAudit(tx, viewer, membership, "membership.removed", {
      role: membership.role,
      userId: membership.userId,
    });
  });
}

// ─── Own account ──────────────────────────────────────────────────────────────

/** Changes the password and ends every other session; returns the new session for this browser. */
export async function changePassword(
  viewer: Viewer,
  input: { currentPassword: string; password: string },
  ip: string,
): Promise<SessionUser> {
  authorize(viewer, "account.manage");
  requireSignedIn(viewer);
  const slots = await takeSlots([limits.signInAccountAddress(viewer.email ?? viewer.userId, ip), limits.signInIp(ip)]);
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { passwordHash: true } });
  // People who only ever used a sign-in link or Microsoft have no password yet: they may set one.
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("Your current password is not right", {
      currentPassword: "Your current password is not right",
    });
  }
  await returnSlots(slots);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: viewer.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, name: true, email: true, sessionVersion: true },
    });
    await recordAudit(tx, {
      action: "auth.password_changed",
      subjectType: "User",
      subjectId: viewer.userId,
      actorId: viewer.userId,
      ip,
    });
    return updated;
  });
}

export async function signOutEverywhere(viewer: Viewer): Promise<void> {
  authorize(viewer, "account.manage");
  requireSignedIn(viewer);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { sessionVersion: { increment: 1 } } });
    await endAllSessions(tx, viewer.userId);
    await recordAudit(tx, {
      action: "auth.signed_out_everywhere",
      subjectType: "User",
      subjectId: viewer.userId,
      actorId: viewer.userId,
    });
  });
}

// ─── Administration ───────────────────────────────────────────────────────────

export async function setGlobalRole(
  viewer: Viewer,
  input: { userId: string; globalRole: "NONE" | "NATIONAL" | "ADMIN" },
): Promise<void> {
  authorize(viewer, "user.setGlobalRole");
  if (viewer.userId === input.userId)
    throw new DomainError("You cannot change your own role. Ask another administrator.");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, globalRole: true } });
  if (!user) throw new NotFoundError();
  if (user.globalRole === input.globalRole) return;
  const rank = { NONE: 0, NATIONAL: 1, ADMIN: 2 } as const;
  await db.$transaction(async (tx) => {
    const changed = await tx.user.updateMany({
      where: { id: user.id, globalRole: user.globalRole },
      data: { globalRole: input.globalRole },
    });
    if (changed.count === 0)
      throw new ConflictError("This person's role changed while you were looking at it. Check it and try again.");
    if (rank[input.globalRole] < rank[user.globalRole])
      await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      action: "user.global_role_changed",
      subjectType: "User",
      subjectId: user.id,
      actorId: viewer.userId,
      details: { from: user.globalRole, to: input.globalRole },
    });
  });
}

export async function updateCollaborativeSettings(
  viewer: Viewer,
  input: { collaborativeId: string; allowedEmailDomains: string[] },
): Promise<void> {
  authorize(viewer, "collaborative.manage", { collaborativeId: input.collaborativeId });
  await db.$transaction(async (tx) => {
    const updated = await tx.collaborative.updateMany({
      where: { id: input.collaborativeId },
      data: { allowedEmailDomains: input.allowedEmailDomains },
    });
    if (updated.count === 0) throw new NotFoundError();
    await recordAudit(tx, {
      action: "collaborative.settings_changed",
      subjectType: "Collaborative",
      subjectId: input.collaborativeId,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { allowedEmailDomains: input.allowedEmailDomains },
    });
  });
}
