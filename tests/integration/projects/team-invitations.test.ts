// Inviting someone to a project team by email: a member is added at once; anyone else is invited to
// join the collaborative (staff pending a lead's approval, or a patient partner) and joins the team
// once they are a member. Refused (nothing written) for anyone who may not edit the team.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${27000 + Math.floor(Math.random() * 900)}`;
});

import { db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  approveMembership,
  inviteMember,
  inviteToProjectTeam,
} from "@/lib/accounts/mutations";
import { createCast, createOrganisation, createUser, type Cast } from "@/tests/fixtures/factories";
import {
  createPasswordUser,
  PASSWORD,
  rejection,
  startMailbox,
  uniqueEmail,
  uniqueIp,
} from "@/tests/fixtures/accounts";
import { insertProject } from "@/tests/fixtures/projects";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let cast: Cast;
beforeAll(async () => {
  mailbox = await startMailbox();
  cast = await createCast();
});
afterAll(async () => {
  await mailbox.stop();
});

const newProject = (visibility: "DRAFT" | "PORTAL" = "DRAFT") =>
  insertProject({ collaborativeId: cast.collaborativeA.id, createdById: cast.viewers.staffA.userId!, visibility });
const teamOf = async (projectId: string) =>
  db.projectTeamMember.findMany({ where: { projectId }, select: { userId: true, role: true } });
const tokenFor = (email: string) => mailbox.linkTo(email).searchParams.get("token")!;

describe("inviting someone to a project team by email", () => {
  it("invites someone without an account as a patient partner: accepting makes the account, the membership and the team place", async () => {
    const project = await newProject();
    const email = uniqueEmail("partner");
    expect(
      await inviteToProjectTeam(cast.viewers.staffA, {
        projectId: project.id,
        email: email.toUpperCase(),
        joinAs: "PATIENT",
        teamRole: "Patient partner",
      }),
    ).toEqual({ invited: true });
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation).toMatchObject({
      projectId: project.id,
      projectRole: "Patient partner",
      role: "PATIENT",
      collaborativeId: cast.collaborativeA.id,
      invitedById: cast.viewers.staffA.userId,
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { action: "invitation.sent", subjectId: invitation.id } }),
    ).toMatchObject({ actorId: cast.viewers.staffA.userId, details: { role: "PATIENT", projectId: project.id } });
    const message = mailbox.messagesTo(email)[0]!;
    expect(message.subject).toBe(`You are invited to join the team of “${project.title}”`);
    expect(message.text).toContain("as a patient partner");
    expect(await teamOf(project.id)).toEqual([]);

    const user = await acceptInvitationWithNewAccount(
      ANONYMOUS,
      { token: tokenFor(email), name: "Pat Partner", password: PASSWORD },
      uniqueIp(),
    );
    expect(user.pending).toBe(false);
    expect(await db.membership.findMany({ where: { userId: user.id } })).toMatchObject([
      { collaborativeId: cast.collaborativeA.id, role: "PATIENT", status: "ACTIVE" },
    ]);
    expect(await teamOf(project.id)).toEqual([{ userId: user.id, role: "Patient partner" }]);
    expect(await db.auditEvent.count({ where: { action: "project.team_member_added", subjectId: project.id } })).toBe(
      1,
    );
  });

  it("invites staff as pending: they join the team when a lead approves them, not before", async () => {
    const project = await newProject();
    const email = uniqueEmail("nurse");
    await inviteToProjectTeam(cast.viewers.staffA, {
      projectId: project.id,
      email,
      joinAs: "STAFF",
      teamRole: "Data lead",
    });
    expect(mailbox.messagesTo(email)[0]!.text).toContain("leads approves new staff members");
    const user = await acceptInvitationWithNewAccount(
      ANONYMOUS,
      { token: tokenFor(email), name: "Nia Nurse", password: PASSWORD },
      uniqueIp(),
    );
    expect(user.pending).toBe(true);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership).toMatchObject({ role: "STAFF", status: "PENDING", approvedAt: null });
    expect(await teamOf(project.id)).toEqual([]);

    await approveMembership(cast.viewers.leadA, { membershipId: membership.id });
    expect(await teamOf(project.id)).toEqual([{ userId: user.id, role: "Data lead" }]);
  });

  it("never changes an existing membership: their own pending staff request stands, and the team waits for its approval", async () => {
    const project = await newProject();
    const invitee = await createPasswordUser({ memberships: { oxford: "LEAD" } });
    await db.membership.create({
      data: { userId: invitee.user.id, collaborativeId: cast.collaborativeA.id, role: "STAFF", status: "PENDING" },
    });
    await inviteToProjectTeam(cast.viewers.staffA, {
      projectId: project.id,
      email: invitee.user.email,
      joinAs: "PATIENT",
      teamRole: "",
    });
    await acceptInvitation(invitee.viewer, { token: tokenFor(invitee.user.email) });
    // Their own pending staff request stands: no team place until a lead approves it.
    expect(
      await db.membership.findFirstOrThrow({
        where: { userId: invitee.user.id, collaborativeId: cast.collaborativeA.id },
      }),
    ).toMatchObject({ role: "STAFF", status: "PENDING" });
    expect(await teamOf(project.id)).toEqual([]);
  });

  it("adds an active member of the collaborative at once, without an invitation, and only once", async () => {
    const project = await newProject();
    const { user } = await createUser({ memberships: { wessex: "PATIENT" } });
    expect(
      await inviteToProjectTeam(cast.viewers.staffA, {
        projectId: project.id,
        email: user.email,
        joinAs: "STAFF",
        teamRole: "Patient partner",
      }),
    ).toEqual({ invited: false });
    expect(await teamOf(project.id)).toEqual([{ userId: user.id, role: "Patient partner" }]);
    expect(await db.invitation.count({ where: { email: user.email } })).toBe(0);
    const again = await rejection(
      inviteToProjectTeam(cast.viewers.staffA, {
        projectId: project.id,
        email: user.email,
        joinAs: "STAFF",
        teamRole: "",
      }),
      DomainError,
    );
    expect(again.fieldErrors).toEqual({ email: "This person is already on the team" });
  });

  it("refuses anyone who may not edit the team, writing nothing", async () => {
    const draft = await newProject("DRAFT");
    const portal = await newProject("PORTAL");
    const email = uniqueEmail("refused");
    const attempt = (viewer: Cast["viewers"][keyof Cast["viewers"]], projectId: string) =>
      inviteToProjectTeam(viewer, { projectId, email, joinAs: "STAFF", teamRole: "" });
    await rejection(attempt(cast.viewers.staffB, draft.id), NotFoundError);
    await rejection(attempt(cast.viewers.staffB, portal.id), ForbiddenError);
    await rejection(attempt(cast.viewers.patientA, draft.id), NotFoundError);
    await rejection(attempt(cast.viewers.national, portal.id), ForbiddenError);
    await rejection(attempt(ANONYMOUS, portal.id), NotFoundError);
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    expect(mailbox.messagesTo(email)).toHaveLength(0);
  });

  it("keeps a team invitation open when a lead invites the same person to the collaborative", async () => {
    const project = await newProject();
    const email = uniqueEmail("both");
    await inviteToProjectTeam(cast.viewers.staffA, { projectId: project.id, email, joinAs: "STAFF", teamRole: "" });
    await inviteMember(cast.viewers.leadA, {
      collaborativeId: cast.collaborativeA.id,
      email,
      role: "STAFF",
      organisationId: (await createOrganisation(cast.collaborativeA.id)).id,
    });
    expect(await db.invitation.count({ where: { email, revokedAt: null } })).toBe(2);
  });
});
