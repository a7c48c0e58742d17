// Registration, invitations, membership decisions, roles and administration: allowed and denied
// callers, bad input, tampered ids from another collaborative (nothing changes), and sessions ending.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${27000 + Math.floor(Math.random() * 900)}`;
});

import { db } from "@/lib/db";
import { deliverNotifications } from "@/lib/notifications/mutations";
import { ANONYMOUS, type Viewer } from "@/lib/auth/viewer-types";
import { loadViewer } from "@/lib/auth/load-viewer";
import { can } from "@/lib/auth/policy";
import { verifyPassword } from "@/lib/auth/passwords";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
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
} from "@/lib/accounts/mutations";
import {
  getAccount,
  getInvitationForToken,
  getMembersPage,
  listAuditEvents,
  listUsers,
  findCollaborativesForPostcode,
} from "@/lib/accounts/queries";
import { registerPatientSchema } from "@/lib/accounts/schemas";
import { emailDomainAllowed } from "@/lib/accounts/roles";
import {
  collaborative,
  createCast,
  createOrganisation,
  sessionOf,
  viewerFor,
  type Cast,
} from "@/tests/fixtures/factories";
import {
  createPasswordUser,
  PASSWORD,
  rejection,
  startMailbox,
  uniqueEmail,
  uniqueIp,
} from "@/tests/fixtures/accounts";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let cast: Cast;
let wessex: { id: string };
let oxford: { id: string };
let wessexOrg: { id: string };
let oxfordOrg: { id: string };

beforeAll(async () => {
  mailbox = await startMailbox();
  cast = await createCast();
  wessex = cast.collaborativeA;
  oxford = cast.collaborativeB;
  wessexOrg = await createOrganisation(wessex.id);
  oxfordOrg = await createOrganisation(oxford.id);
  await db.collaborative.update({ where: { id: wessex.id }, data: { allowedEmailDomains: ["nhs.net"] } });
});
afterAll(async () => {
  await mailbox.stop();
});

const membershipsOf = (userId: string) =>
  db.membership.findMany({ where: { userId }, orderBy: { collaborativeId: "asc" } });

describe("registering as a patient or carer", () => {
  it("creates the account with a hashed password and an active patient membership", async () => {
    const email = uniqueEmail("patient");
    await registerPatient(
      ANONYMOUS,
      { name: "Pat Carer", email: email.toUpperCase(), password: PASSWORD, collaborativeId: wessex.id },
      uniqueIp(),
    );
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const session = { id: user.id, sessionVersion: user.sessionVersion };
    expect(user.email).toBe(email);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(await membershipsOf(user.id)).toMatchObject([
      { collaborativeId: wessex.id, role: "PATIENT", status: "ACTIVE" },
    ]);
    const viewer = await loadViewer(user.id, session.sessionVersion, await sessionOf(user.id));
    expect(can(viewer, "round.participate", { collaborativeId: wessex.id })).toBe(true);
    expect(can(viewer, "project.create", { collaborativeId: wessex.id })).toBe(false);
  });

  it("changes nothing for an email that already has an account (its owner is emailed instead)", async () => {
    const { user } = await createPasswordUser();
    await expect(
      registerPatient(
        ANONYMOUS,
        { name: "Again", email: user.email, password: PASSWORD, collaborativeId: wessex.id },
        uniqueIp(),
      ),
    ).resolves.toBeUndefined();
    expect(await membershipsOf(user.id)).toHaveLength(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it("refuses a collaborative id that does not exist", async () => {
    const email = uniqueEmail();
    await rejection(
      registerPatient(ANONYMOUS, { name: "X", email, password: PASSWORD, collaborativeId: "forged-id" }, uniqueIp()),
      DomainError,
    );
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("rejects weak passwords, mismatched confirmation and bad emails at the form", () => {
    const base = {
      name: "Pat",
      email: "pat@example.com",
      password: PASSWORD,
      confirmPassword: PASSWORD,
      collaborativeId: "x",
    };
    expect(registerPatientSchema.safeParse(base).success).toBe(true);
    const errors = (input: object) =>
      Object.keys(registerPatientSchema.safeParse({ ...base, ...input }).error?.flatten().fieldErrors ?? {});
    expect(errors({ password: "short", confirmPassword: "short" })).toContain("password");
    expect(errors({ password: "password1234", confirmPassword: "password1234" })).toContain("password");
    expect(errors({ password: "aaaaaaaaaaaaaa", confirmPassword: "aaaaaaaaaaaaaa" })).toContain("password");
    expect(errors({ confirmPassword: "something else" })).toContain("confirmPassword");
    expect(errors({ email: "not an email" })).toContain("email");
    expect(errors({ name: "  " })).toContain("name");
  });

  it("guesses the collaborative from the postcode area, with the other possibilities", async () => {
    const match = await findCollaborativesForPostcode(ANONYMOUS, "so16 6yd");
    expect(match?.likely.id).toBe(wessex.id);
    expect(match?.area).toBe("SO");
    expect(await findCollaborativesForPostcode(ANONYMOUS, "ZZ1 1ZZ")).toBeNull();
  });
});

describe("staff asking to join", () => {
  it("creates a PENDING staff membership that gives no rights until a lead approves", async () => {
    const email = uniqueEmail("nurse");
    await registerStaff(
      ANONYMOUS,
      {
        name: "Nurse",
        email,
        password: PASSWORD,
        collaborativeId: wessex.id,
        organisationId: wessexOrg.id,
        jobTitle: "Ward sister",
      },
      uniqueIp(),
    );
    const session = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
    const [membership] = await membershipsOf(session.id);
    expect(membership).toMatchObject({
      role: "STAFF",
      status: "PENDING",
      organisationId: wessexOrg.id,
      jobTitle: "Ward sister",
    });
    const viewer = await loadViewer(session.id, session.sessionVersion, await sessionOf(session.id));
    expect(viewer.memberships).toEqual([]);
    expect(can(viewer, "project.create", { collaborativeId: wessex.id })).toBe(false);

    // Only a lead of Wessex (or an administrator) can approve.
    await rejection(approveMembership(cast.viewers.leadB, { membershipId: membership!.id }), NotFoundError);
    await rejection(approveMembership(cast.viewers.staffA, { membershipId: membership!.id }), NotFoundError);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership!.id } })).status).toBe("PENDING");

    await approveMembership(cast.viewers.leadA, { membershipId: membership!.id });
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership!.id } })).status).toBe("ACTIVE");
    expect(
      can(await loadViewer(session.id, session.sessionVersion, await sessionOf(session.id)), "project.create", {
        collaborativeId: wessex.id,
      }),
    ).toBe(true);
    // Told through the notifications outbox (the job sends it).
    await deliverNotifications(new Date(), { userIds: [membership!.userId] });
    expect(mailbox.messagesTo(email).map((m) => m.subject)).toContain(
      "You have joined Wessex Patient Safety Collaborative",
    );
    expect(
      await db.auditEvent.count({
        where: { action: "membership.approved", subjectId: membership!.id, actorId: cast.viewers.leadA.userId },
      }),
    ).toBe(1);
    // A second approval of the same request is a conflict, not a silent success.
    await rejection(approveMembership(cast.viewers.leadA, { membershipId: membership!.id }), ConflictError);
  });

  it("refuses an email domain the collaborative does not allow", async () => {
    const email = `someone-${Date.now()}@gmail.com`;
    const error = await rejection(
      registerStaff(
        ANONYMOUS,
        {
          name: "X",
          email,
          password: PASSWORD,
          collaborativeId: wessex.id,
          organisationId: wessexOrg.id,
          jobTitle: "",
        },
        uniqueIp(),
      ),
      DomainError,
    );
    expect(error.fieldErrors.email).toMatch(/@nhs\.net/);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an organisation from another collaborative (a tampered id)", async () => {
    const email = uniqueEmail();
    await rejection(
      registerStaff(
        ANONYMOUS,
        {
          name: "X",
          email,
          password: PASSWORD,
          collaborativeId: wessex.id,
          organisationId: oxfordOrg.id,
          jobTitle: "",
        },
        uniqueIp(),
      ),
      DomainError,
    );
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("lets a signed-in person ask to join, and a lead decline", async () => {
    const { user, viewer } = await createPasswordUser();
    await requestStaffMembership(viewer, { collaborativeId: wessex.id, organisationId: wessexOrg.id, jobTitle: "" });
    const [membership] = await membershipsOf(user.id);
    expect(membership?.status).toBe("PENDING");
    await rejection(
      requestStaffMembership(ANONYMOUS, { collaborativeId: wessex.id, organisationId: wessexOrg.id, jobTitle: "" }),
      ForbiddenError,
    );
    await rejection(declineMembership(cast.viewers.leadB, { membershipId: membership!.id }), NotFoundError);
    await declineMembership(cast.viewers.leadA, { membershipId: membership!.id });
    expect(await membershipsOf(user.id)).toHaveLength(0);
  });

  it("matches email domains exactly or as subdomains, never look-alikes", () => {
    expect(emailDomainAllowed("a@nhs.net", ["nhs.net"])).toBe(true);
    expect(emailDomainAllowed("a@trust.nhs.net", ["nhs.net"])).toBe(true);
    expect(emailDomainAllowed("a@evil-nhs.net", ["nhs.net"])).toBe(false);
    expect(emailDomainAllowed("a@nhs.net.evil.com", ["nhs.net"])).toBe(false);
    expect(emailDomainAllowed("a@b@nhs.net", ["nhs.net"])).toBe(false);
    expect(emailDomainAllowed("a@nhs.net", [])).toBe(false);
  });
});

describe("invitations", () => {
  async function invite(viewer: Viewer, email: string, role: "PATIENT" | "STAFF" | "LEAD" = "STAFF") {
    await inviteMember(viewer, {
      collaborativeId: wessex.id,
      email,
      role,
      organisationId: role === "PATIENT" ? null : wessexOrg.id,
    });
    return mailbox.linkTo(email).searchParams.get("token")!;
  }

  it("lets a lead invite; the invitee creates an account from the link and joins as ACTIVE", async () => {
    const email = uniqueEmail("invitee");
    const token = await invite(cast.viewers.leadA, email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation.tokenHash).not.toContain(token);
    expect(await db.auditEvent.count({ where: { action: "invitation.sent", subjectId: invitation.id } })).toBe(1);
    expect(await getInvitationForToken(ANONYMOUS, token)).toMatchObject({ email, role: "STAFF", hasAccount: false });

    const session = await acceptInvitationWithNewAccount(
      ANONYMOUS,
      { token, name: "New Starter", password: PASSWORD },
      uniqueIp(),
    );
    expect(await membershipsOf(session.id)).toMatchObject([
      { collaborativeId: wessex.id, role: "STAFF", status: "ACTIVE", organisationId: wessexOrg.id },
    ]);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "invitation.accepted", subjectId: invitation.id } })).toBe(1);
    // Single use.
    await rejection(
      acceptInvitationWithNewAccount(ANONYMOUS, { token, name: "Again", password: PASSWORD }, uniqueIp()),
      DomainError,
    );
    expect(await getInvitationForToken(ANONYMOUS, token)).toBeNull();
  });

  it("lets an existing account accept only when signed in as the invited email", async () => {
    const invitee = await createPasswordUser({ memberships: { oxford: "STAFF" } });
    const token = await invite(cast.viewers.leadA, invitee.user.email, "LEAD");
    await rejection(acceptInvitation(cast.viewers.staffB, { token }), ForbiddenError);
    await rejection(acceptInvitation(ANONYMOUS, { token }), NotFoundError);
    expect(await membershipsOf(invitee.user.id)).toHaveLength(1);

    await acceptInvitation(invitee.viewer, { token });
    const viewer = await viewerFor(invitee.user.id);
    // Different roles in different collaboratives.
    expect(viewer.memberships.map((m) => [m.collaborativeId, m.role]).sort()).toEqual(
      [
        [oxford.id, "STAFF"],
        [wessex.id, "LEAD"],
      ].sort(),
    );
    expect(can(viewer, "member.invite", { collaborativeId: wessex.id })).toBe(true);
    expect(can(viewer, "member.invite", { collaborativeId: oxford.id })).toBe(false);
  });

  it("refuses invitations from anyone but the collaborative's leads and administrators", async () => {
    for (const role of ["anonymous", "patientA", "staffA", "leadB", "national"] as const) {
      const email = uniqueEmail(`by-${role}`);
      const error = await rejection(
        inviteMember(cast.viewers[role], {
          collaborativeId: wessex.id,
          email,
          role: "STAFF",
          organisationId: wessexOrg.id,
        }),
        Error,
      );
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(await db.invitation.count({ where: { email } })).toBe(0);
      expect(mailbox.messagesTo(email)).toHaveLength(0);
    }
    const email = uniqueEmail("by-admin");
    await inviteMember(cast.viewers.admin, {
      collaborativeId: wessex.id,
      email,
      role: "STAFF",
      organisationId: wessexOrg.id,
    });
    expect(await db.invitation.count({ where: { email } })).toBe(1);
  });

  it("refuses an organisation of another collaborative, and staff without an organisation", async () => {
    const email = uniqueEmail();
    await rejection(
      inviteMember(cast.viewers.leadA, {
        collaborativeId: wessex.id,
        email,
        role: "STAFF",
        organisationId: oxfordOrg.id,
      }),
      DomainError,
    );
    await rejection(
      inviteMember(cast.viewers.leadA, { collaborativeId: wessex.id, email, role: "STAFF", organisationId: null }),
      DomainError,
    );
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("lets only the collaborative's leads withdraw an invitation, which then stops working", async () => {
    const email = uniqueEmail();
    const token = await invite(cast.viewers.leadA, email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    await rejection(revokeInvitation(cast.viewers.leadB, { invitationId: invitation.id }), NotFoundError);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
    await revokeInvitation(cast.viewers.leadA, { invitationId: invitation.id });
    await rejection(
      acceptInvitationWithNewAccount(ANONYMOUS, { token, name: "Late", password: PASSWORD }, uniqueIp()),
      DomainError,
    );
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an expired invitation", async () => {
    const email = uniqueEmail();
    const token = await invite(cast.viewers.leadA, email);
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await rejection(
      acceptInvitationWithNewAccount(ANONYMOUS, { token, name: "Late", password: PASSWORD }, uniqueIp()),
      DomainError,
    );
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("changing roles and removing members", () => {
  it("lets a lead change a member's role; demotion ends the member's sessions", async () => {
    const member = await createPasswordUser({ memberships: { wessex: "STAFF" } });
    const membershipId = member.memberships.wessex!;
    await rejection(changeMemberRole(cast.viewers.leadB, { membershipId, role: "LEAD" }), NotFoundError);
    await rejection(changeMemberRole(cast.viewers.staffA, { membershipId, role: "LEAD" }), NotFoundError);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).role).toBe("STAFF");

    await changeMemberRole(cast.viewers.leadA, { membershipId, role: "LEAD" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).role).toBe("LEAD");
    expect((await loadViewer(member.user.id, 0, await sessionOf(member.user.id))).userId).toBe(member.user.id);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "membership.role_changed", subjectId: membershipId },
    });
    expect(event).toMatchObject({
      actorId: cast.viewers.leadA.userId,
      collaborativeId: wessex.id,
      details: { from: "STAFF", to: "LEAD" },
    });

    await changeMemberRole(cast.viewers.leadA, { membershipId, role: "PATIENT" });
    expect(await loadViewer(member.user.id, 0, await sessionOf(member.user.id))).toEqual(ANONYMOUS);
  });

  it("does not let a lead change or remove their own membership", async () => {
    const lead = await createPasswordUser({ memberships: { wessex: "LEAD" } });
    await rejection(
      changeMemberRole(lead.viewer, { membershipId: lead.memberships.wessex!, role: "STAFF" }),
      DomainError,
    );
    await rejection(removeMember(lead.viewer, { membershipId: lead.memberships.wessex! }), DomainError);
    expect((await db.membership.findUniqueOrThrow({ where: { id: lead.memberships.wessex! } })).role).toBe("LEAD");
  });

  it("removes a member: their old session stops working and their new one has no rights there", async () => {
    const member = await createPasswordUser({ memberships: { wessex: "STAFF", oxford: "PATIENT" } });
    const membershipId = member.memberships.wessex!;
    const oldViewer = member.viewer;
    expect(can(oldViewer, "project.create", { collaborativeId: wessex.id })).toBe(true);

    // Tampered: a lead of another collaborative, a staff member, and the signed-out are all refused.
    for (const viewer of [cast.viewers.leadB, cast.viewers.staffA, ANONYMOUS, cast.viewers.national]) {
      await rejection(removeMember(viewer, { membershipId }), NotFoundError);
    }
    expect(await db.membership.count({ where: { id: membershipId } })).toBe(1);

    await removeMember(cast.viewers.leadA, { membershipId });
    expect(await db.membership.count({ where: { id: membershipId } })).toBe(0);
    expect(await loadViewer(member.user.id, 0, await sessionOf(member.user.id))).toEqual(ANONYMOUS);
    const fresh = await viewerFor(member.user.id);
    expect(fresh.memberships.map((m) => m.collaborativeId)).toEqual([oxford.id]);
    for (const action of [
      "project.create",
      "project.update",
      "member.list",
      "round.participate",
      "concern.triage",
    ] as const) {
      expect(can(fresh, action, { collaborativeId: wessex.id })).toBe(
        can(ANONYMOUS, action, { collaborativeId: wessex.id }),
      );
    }
    expect(await db.auditEvent.count({ where: { action: "membership.removed", subjectId: membershipId } })).toBe(1);
  });

  it("shows the members page only to the collaborative's leads and administrators", async () => {
    const page = await getMembersPage(cast.viewers.leadA, "wessex");
    expect(page.collaborative.id).toBe(wessex.id);
    expect(page.groups.flatMap((g) => g.members).some((m) => m.userId === cast.viewers.staffA.userId)).toBe(true);
    expect(page.groups.flatMap((g) => g.members).some((m) => m.userId === cast.viewers.staffB.userId)).toBe(false);
    for (const viewer of [
      cast.viewers.leadB,
      cast.viewers.staffA,
      cast.viewers.patientA,
      cast.viewers.national,
      ANONYMOUS,
    ]) {
      await rejection(getMembersPage(viewer, "wessex"), NotFoundError);
    }
    await expect(getMembersPage(cast.viewers.admin, "wessex")).resolves.toBeTruthy();
    await rejection(getMembersPage(cast.viewers.leadA, "no-such-collaborative"), NotFoundError);
  });
});

describe("own account", () => {
  it("changes the password only with the current one, and ends other sessions", async () => {
    const { user, viewer } = await createPasswordUser();
    const wrong = await rejection(
      changePassword(viewer, { currentPassword: "not it", password: "a new long passphrase" }, uniqueIp()),
      DomainError,
    );
    expect(wrong.fieldErrors).toHaveProperty("currentPassword");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    const session = await changePassword(
      viewer,
      { currentPassword: PASSWORD, password: "a new long passphrase" },
      uniqueIp(),
    );
    expect(session.sessionVersion).toBe(1);
    expect(await loadViewer(user.id, 0, await sessionOf(user.id))).toEqual(ANONYMOUS);
    expect((await loadViewer(user.id, 1, await sessionOf(user.id))).userId).toBe(user.id);
    expect(await db.auditEvent.count({ where: { action: "auth.password_changed", subjectId: user.id } })).toBe(1);
    await rejection(
      changePassword(ANONYMOUS, { currentPassword: PASSWORD, password: "a new long passphrase" }, uniqueIp()),
      ForbiddenError,
    );
  });

  it("signs out everywhere", async () => {
    const { user, viewer } = await createPasswordUser({ memberships: { wessex: "PATIENT" } });
    await signOutEverywhere(viewer);
    expect(await loadViewer(user.id, 0, await sessionOf(user.id))).toEqual(ANONYMOUS);
    await rejection(signOutEverywhere(ANONYMOUS), ForbiddenError);
  });

  it("shows the person their own details and memberships, pending ones included", async () => {
    const { viewer } = await createPasswordUser({ memberships: { wessex: "LEAD", oxford: "PATIENT" } });
    const account = await getAccount(viewer);
    expect(account.memberships.map((m) => [m.collaborativeSlug, m.role, m.canManageMembers]).sort()).toEqual([
      ["oxford", "PATIENT", false],
      ["wessex", "LEAD", true],
    ]);
    await rejection(getAccount(ANONYMOUS), ForbiddenError);
  });
});

describe("administration", () => {
  it("lets only administrators set national roles; demotion ends sessions", async () => {
    const { user } = await createPasswordUser();
    for (const role of ["leadA", "national", "staffA"] as const) {
      await rejection(setGlobalRole(cast.viewers[role], { userId: user.id, globalRole: "ADMIN" }), ForbiddenError);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).globalRole).toBe("NONE");
    await setGlobalRole(cast.viewers.admin, { userId: user.id, globalRole: "NATIONAL" });
    expect((await viewerFor(user.id)).globalRole).toBe("NATIONAL");
    await setGlobalRole(cast.viewers.admin, { userId: user.id, globalRole: "NONE" });
    expect(await loadViewer(user.id, 0, await sessionOf(user.id))).toEqual(ANONYMOUS);
    await rejection(
      setGlobalRole(cast.viewers.admin, { userId: cast.viewers.admin.userId!, globalRole: "NONE" }),
      DomainError,
    );
    await rejection(setGlobalRole(cast.viewers.admin, { userId: "forged", globalRole: "ADMIN" }), NotFoundError);
    expect(await db.auditEvent.count({ where: { action: "user.global_role_changed", subjectId: user.id } })).toBe(2);
  });

  it("shows users and the audit log to administrators only, filtered and paginated", async () => {
    await expect(listUsers(cast.viewers.admin, { page: 1 })).resolves.toMatchObject({ total: expect.any(Number) });
    const log = await listAuditEvents(cast.viewers.admin, { action: "membership.removed", page: 1 });
    expect(log.events.every((e) => e.action === "membership.removed")).toBe(true);
    expect(log.actions).toContain("membership.removed");
    for (const role of ["leadA", "national", "patientA", "anonymous"] as const) {
      await rejection(listUsers(cast.viewers[role], { page: 1 }), ForbiddenError);
      await rejection(listAuditEvents(cast.viewers[role], { page: 1 }), ForbiddenError);
    }
  });

  it("lets administrators, and no one else, set the email domains staff may join with", async () => {
    const c = await collaborative("eastern");
    await rejection(
      updateCollaborativeSettings(cast.viewers.leadA, { collaborativeId: c.id, allowedEmailDomains: ["gmail.com"] }),
      ForbiddenError,
    );
    expect((await db.collaborative.findUniqueOrThrow({ where: { id: c.id } })).allowedEmailDomains).not.toContain(
      "gmail.com",
    );
    await updateCollaborativeSettings(cast.viewers.admin, {
      collaborativeId: c.id,
      allowedEmailDomains: ["nhs.net", "nhs.uk"],
    });
    expect((await db.collaborative.findUniqueOrThrow({ where: { id: c.id } })).allowedEmailDomains).toEqual([
      "nhs.net",
      "nhs.uk",
    ]);
  });
});
