// UK GDPR right of access: everything the portal holds about one person, as one JSON document.
// Administrators only; every export is audited (who took whose data, when).
import "server-only";
import { db } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { recordExport } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { decryptContact, type ContactDetails } from "@/lib/concerns/contact-crypto";

export const EXPORT_FORMAT = "psc-personal-data/1";

export type PersonalDataExport = Awaited<ReturnType<typeof collectPersonalData>> & {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
};

export async function exportPersonalData(
  viewer: Viewer,
  userId: string,
  context: { ip?: string | null } = {},
): Promise<PersonalDataExport> {
  authorize(viewer, "user.exportData");
  const data = await collectPersonalData(userId);
  await recordExport(viewer.userId, {
    action: "user.data_exported",
    subjectType: "User",
    subjectId: userId,
    ip: context.ip ?? null,
    details: { concerns: data.concernsReported.length, auditEvents: data.auditEvents.length },
  });
  return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), ...data };
}

/** Contact details the portal can no longer read (wrong key, damaged) are reported as such, not dropped. */
function readContact(sealed: string | null): ContactDetails | { unreadable: true } | null {
  if (!sealed) return null;
  try {
    return decryptContact(sealed);
  } catch {
    return { unreadable: true };
  }
}

async function collectPersonalData(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      emailVerified: true,
      image: true,
      globalRole: true,
      createdAt: true,
      updatedAt: true,
      erasedAt: true,
      passwordHash: true,
    },
  });
  if (!user) throw new NotFoundError();
  const [
    signInMethods,
    memberships,
    invitations,
    concerns,
    projectsCreated,
    projectTeams,
    learning,
    comments,
    ballots,
    priorityComments,
    candidatesProposed,
    eventRegistrations,
    follows,
    digests,
    concernNotes,
    concernResponses,
    auditEvents,
  ] = await Promise.all([
    db.account.findMany({ where: { userId }, select: { provider: true, type: true } }),
    db.membership.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        status: true,
        jobTitle: true,
        createdAt: true,
        approvedAt: true,
        collaborative: { select: { slug: true, name: true } },
        organisation: { select: { name: true } },
      },
    }),
    db.invitation.findMany({
      where: { email: user.email },
      select: {
        role: true,
        createdAt: true,
        acceptedAt: true,
        revokedAt: true,
        projectId: true,
        projectRole: true,
        collaborative: { select: { slug: true } },
      },
    }),
    db.concern.findMany({
      where: { reporterId: userId },
      orderBy: { receivedAt: "asc" },
      select: {
        reference: true,
        receivedAt: true,
        status: true,
        collaborative: { select: { slug: true, name: true } },
        organisationText: true,
        organisation: { select: { name: true } },
        postcodeArea: true,
        happenedWhen: true,
        whatHappened: true,
        impact: true,
        whatWouldHaveHelped: true,
        reporterRelation: true,
        contactEncrypted: true,
        contactConsent: true,
        contactErasedAt: true,
        statusChanges: { orderBy: { changedAt: "asc" }, select: { fromStatus: true, toStatus: true, changedAt: true } },
        responses: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
        // Their own replies to the team, and how they rated the responses (issue 16).
        replies: { orderBy: { createdAt: "asc" }, select: { body: true, answered: true, createdAt: true } },
      },
    }),
    db.project.findMany({
      where: { createdById: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        status: true,
        visibility: true,
        createdAt: true,
        collaborative: { select: { slug: true } },
      },
    }),
    db.projectTeamMember.findMany({
      where: { userId },
      select: { role: true, project: { select: { id: true, title: true } } },
    }),
    db.learningItem.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { slug: true, title: true, type: true, status: true, createdAt: true },
    }),
    db.comment.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { body: true, createdAt: true, hiddenAt: true, learningItem: { select: { slug: true } } },
    }),
    db.ballot.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        participantGroup: true,
        createdAt: true,
        round: { select: { id: true, title: true } },
        rankings: { orderBy: { rank: "asc" }, select: { rank: true, candidate: { select: { title: true } } } },
      },
    }),
    db.priorityComment.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { body: true, createdAt: true, roundId: true },
    }),
    db.priorityCandidate.findMany({
      where: { proposedById: userId },
      select: { title: true, description: true, createdAt: true, roundId: true },
    }),
    db.eventRegistration.findMany({
      where: { userId },
      select: { createdAt: true, event: { select: { title: true, startsAt: true } } },
    }),
    db.follow.findMany({
      where: { userId },
      select: { createdAt: true, priorityArea: { select: { slug: true } }, learningItem: { select: { slug: true } } },
    }),
    db.learningDigest.findMany({
      where: { userId },
      orderBy: { weekStart: "asc" },
      select: { weekStart: true, itemCount: true, adoptionCount: true, sentAt: true },
    }),
    db.concernNote.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { body: true, createdAt: true, concern: { select: { reference: true } } },
    }),
    db.concernResponse.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { body: true, createdAt: true, concern: { select: { reference: true } } },
    }),
    db.auditEvent.findMany({
      where: { OR: [{ actorId: userId }, { subjectType: "User", subjectId: userId }] },
      orderBy: { id: "asc" },
      select: {
        id: true,
        at: true,
        action: true,
        subjectType: true,
        subjectId: true,
        actorId: true,
        ip: true,
        details: true,
      },
    }),
  ]);

  return {
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerified,
      image: user.image,
      globalRole: user.globalRole,
      hasPassword: user.passwordHash !== null,
      signInMethods: signInMethods.map((a) => a.provider),
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      erasedAt: user.erasedAt,
    },
    memberships: memberships.map((m) => ({
      collaborative: m.collaborative.name,
      collaborativeSlug: m.collaborative.slug,
      organisation: m.organisation?.name ?? null,
      role: m.role,
      status: m.status,
      jobTitle: m.jobTitle,
      requestedAt: m.createdAt,
      approvedAt: m.approvedAt,
    })),
    invitations: invitations.map((i) => ({
      collaborativeSlug: i.collaborative.slug,
      role: i.role,
      sentAt: i.createdAt,
      acceptedAt: i.acceptedAt,
      revokedAt: i.revokedAt,
      // Sent from a project's team page: the project and the role they were invited to take in it.
      ...(i.projectId ? { projectId: i.projectId, projectRole: i.projectRole } : {}),
    })),
    concernsReported: concerns.map(({ contactEncrypted, collaborative, organisation, ...c }) => ({
      ...c,
      collaborative: collaborative.name,
      organisation: organisation?.name ?? c.organisationText,
      contact: readContact(contactEncrypted),
    })),
    projectsCreated: projectsCreated.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      visibility: p.visibility,
      createdAt: p.createdAt,
      collaborativeSlug: p.collaborative.slug,
    })),
    projectTeams: projectTeams.map((t) => ({ projectId: t.project.id, project: t.project.title, role: t.role })),
    learningAuthored: learning,
    comments: comments.map((c) => ({
      learningItem: c.learningItem.slug,
      body: c.body,
      createdAt: c.createdAt,
      hidden: c.hiddenAt !== null,
    })),
    ballots: ballots.map((b) => ({
      roundId: b.round.id,
      round: b.round.title,
      group: b.participantGroup,
      castAt: b.createdAt,
      ranking: b.rankings.map((r) => ({ rank: r.rank, candidate: r.candidate.title })),
    })),
    priorityComments,
    prioritiesProposed: candidatesProposed,
    eventRegistrations: eventRegistrations.map((r) => ({
      event: r.event.title,
      startsAt: r.event.startsAt,
      registeredAt: r.createdAt,
    })),
    follows: follows.map((f) => ({
      priorityArea: f.priorityArea?.slug ?? null,
      learningItem: f.learningItem?.slug ?? null,
      since: f.createdAt,
    })),
    learningDigests: digests,
    concernNotesWritten: concernNotes.map((n) => ({
      concern: n.concern.reference,
      body: n.body,
      createdAt: n.createdAt,
    })),
    concernResponsesWritten: concernResponses.map((r) => ({
      concern: r.concern.reference,
      body: r.body,
      createdAt: r.createdAt,
    })),
    auditEvents: auditEvents.map((e) => ({
      ...e,
      id: e.id.toString(),
      about: e.subjectType === "User" && e.subjectId === userId ? "this person" : "done by this person",
    })),
  };
}
