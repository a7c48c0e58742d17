// UK GDPR requests, against the real database: an administrator exports everything held about a
// person, and erases a person's identifying details while their de-identified work stays intact.
// Only administrators may do either; a refused or failed request changes nothing.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { loadViewer } from "@/lib/auth/load-viewer";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { submitBallot } from "@/lib/priorities/mutations";
import { exportPersonalData, EXPORT_FORMAT } from "@/lib/privacy/export-personal-data";
import { erasePerson, erasedEmail, ERASED_NAME } from "@/lib/privacy/erase-person";
import { getPersonForDataRequest } from "@/lib/privacy/queries";
import { eraseSchema } from "@/lib/privacy/schemas";
import { createCast, type Cast, type CastRole } from "@/tests/fixtures/factories";
import { createPasswordUser, PASSWORD, uniqueIp } from "@/tests/fixtures/accounts";
import { concernForm, submitOrThrow } from "@/tests/fixtures/concerns";
import { insertLearningItem } from "@/tests/fixtures/learning";
import { openTestRound, ranks } from "@/tests/fixtures/workspaces";
import { runAsOwner } from "@/tests/fixtures/owner-sql";

let cast: Cast;
beforeAll(async () => {
  cast = await createCast();
});

const contact = { name: "Grace Mensah", email: "grace.mensah@example.org", phone: "07700 900777" };

/** A patient who is also staff elsewhere, with something of every kind the portal keeps about people. */
async function personWithHistory() {
  const person = await createPasswordUser({ memberships: { wessex: "PATIENT", oxford: "STAFF" } });
  const userId = person.user.id;
  const withContact = await submitOrThrow(
    concernForm({
      contactPreference: "contact",
      contactName: contact.name,
      contactEmail: contact.email,
      contactPhone: contact.phone,
      linkToAccount: "yes",
    }),
    { viewer: person.viewer, ip: uniqueIp() },
  );
  const anonymous = await submitOrThrow(concernForm({ linkToAccount: "yes" }), {
    viewer: person.viewer,
    ip: uniqueIp(),
  });
  const project = await db.project.create({
    data: {
      collaborativeId: cast.collaborativeB.id,
      createdById: userId,
      title: `Night-time falls ${randomUUID().slice(0, 6)}`,
    },
  });
  const learning = await insertLearningItem({
    authorId: userId,
    collaborativeId: cast.collaborativeB.id,
    title: `Bed rails checklist ${randomUUID().slice(0, 6)}`,
  });
  const comment = await db.comment.create({
    data: { learningItemId: learning.id, authorId: userId, body: "We tried this on two wards." },
  });
  const round = await openTestRound(cast.viewers.leadA, cast.collaborativeA.id);
  await submitBallot(person.viewer, { roundId: round.roundId, ranks: ranks(round.byTitle, ["Bravo", "Alpha"]) });
  await db.session.create({ data: { userId, sessionToken: randomUUID(), expires: new Date(Date.now() + 86_400_000) } });
  await db.account.create({ data: { userId, type: "oauth", provider: "azure-ad", providerAccountId: randomUUID() } });
  await db.passwordResetToken.create({
    data: { userId, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) },
  });
  await db.follow.create({ data: { userId, learningItemId: learning.id } });
  const concerns = await db.concern.findMany({
    where: { reference: { in: [withContact.reference, anonymous.reference] } },
    orderBy: { receivedAt: "asc" },
  });
  return { ...person, userId, concerns, project, learning, comment, round };
}

/** Everything about the person that a refused or failed erasure must leave as it was. */
async function personSnapshot(userId: string) {
  const [user, memberships, sessions, accounts, tokens, follows, concerns] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId } }),
    db.membership.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.session.count({ where: { userId } }),
    db.account.count({ where: { userId } }),
    db.passwordResetToken.count({ where: { userId } }),
    db.follow.count({ where: { userId } }),
    db.concern.findMany({ where: { reporterId: userId }, orderBy: { id: "asc" } }),
  ]);
  return { user, memberships, sessions, accounts, tokens, follows, concerns };
}

const everyoneButAdmin: CastRole[] = ["anonymous", "patientA", "staffA", "leadA", "staffB", "leadB", "national"];

describe("exporting a person's data", () => {
  it("gives an administrator everything held about the person, with their concerns' contact details decrypted", async () => {
    const person = await personWithHistory();
    const data = await exportPersonalData(cast.viewers.admin, person.userId);
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.account).toMatchObject({
      id: person.userId,
      email: person.user.email,
      name: person.user.name,
      hasPassword: true,
      signInMethods: ["azure-ad"],
      erasedAt: null,
    });
    expect(data.memberships.map((m) => [m.collaborativeSlug, m.role]).sort()).toEqual([
      ["oxford", "STAFF"],
      ["wessex", "PATIENT"],
    ]);
    expect(data.concernsReported.map((c) => c.reference).sort()).toEqual(
      person.concerns.map((c) => c.reference).sort(),
    );
    const reported = data.concernsReported.find((c) => c.reference === person.concerns[0]!.reference)!;
    expect(reported.contact).toEqual(contact);
    expect(reported.whatHappened).toBe(concernForm().whatHappened);
    expect(reported.statusChanges[0]).toMatchObject({ fromStatus: null, toStatus: "RECEIVED" });
    expect(data.concernsReported.find((c) => c.reference === person.concerns[1]!.reference)!.contact).toBeNull();
    expect(data.projectsCreated).toEqual([
      expect.objectContaining({ id: person.project.id, title: person.project.title }),
    ]);
    expect(data.learningAuthored).toEqual([expect.objectContaining({ slug: person.learning.slug })]);
    expect(data.comments).toEqual([
      expect.objectContaining({ body: "We tried this on two wards.", learningItem: person.learning.slug }),
    ]);
    expect(data.ballots).toEqual([
      expect.objectContaining({
        roundId: person.round.roundId,
        ranking: [
          { rank: 1, candidate: "Bravo" },
          { rank: 2, candidate: "Alpha" },
        ],
      }),
    ]);
    expect(data.follows).toHaveLength(1);
    expect(data.auditEvents.map((e) => e.action)).toContain("round.ballot_cast");
    // No secrets leave: no password hash, session tokens or provider tokens.
    const text = JSON.stringify(data);
    expect(text).not.toContain(person.user.passwordHash!);
    expect(text).not.toMatch(/passwordHash|sessionToken|access_token|tokenHash|contactEncrypted/);
  });

  it("is refused to everyone but administrators, and a refusal is not recorded as an export", async () => {
    const person = await personWithHistory();
    for (const role of everyoneButAdmin) {
      await expect(exportPersonalData(cast.viewers[role], person.userId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPersonForDataRequest(cast.viewers[role], person.userId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.auditEvent.count({ where: { action: "user.data_exported", subjectId: person.userId } })).toBe(0);
  });
});

describe("erasing a person's personal details", () => {
  it("removes what identifies them and keeps their de-identified work", async () => {
    const person = await personWithHistory();
    const countsBefore = await Promise.all([
      db.concern.count(),
      db.project.count(),
      db.learningItem.count(),
      db.comment.count(),
      db.ballot.count(),
      db.concernStatusChange.count(),
    ]);
    const summary = await erasePerson(cast.viewers.admin, person.userId, { ip: "203.0.113.50" });
    expect(summary).toEqual({
      concernContactsErased: 1,
      membershipsRemoved: 2,
      sessionsEnded: 1,
      alreadyErased: false,
    });

    const user = await db.user.findUniqueOrThrow({ where: { id: person.userId } });
    expect(user).toMatchObject({
      name: ERASED_NAME,
      email: erasedEmail(person.userId),
      passwordHash: null,
      emailVerified: null,
      globalRole: "NONE",
    });
    expect(user.erasedAt).toBeInstanceOf(Date);
    expect(user.sessionVersion).toBe(person.user.sessionVersion + 1);
    const after = await personSnapshot(person.userId);
    expect([after.memberships.length, after.sessions, after.accounts, after.tokens, after.follows]).toEqual([
      0, 0, 0, 0, 0,
    ]);

    // The concerns stay, with their text and history, but no longer lead back to the person.
    const concerns = await db.concern.findMany({
      where: { id: { in: person.concerns.map((c) => c.id) } },
      include: { statusChanges: true },
      orderBy: { receivedAt: "asc" },
    });
    expect(concerns).toHaveLength(2);
    for (const concern of concerns) {
      expect(concern).toMatchObject({
        reporterId: null,
        contactEncrypted: null,
        contactConsent: false,
        whatHappened: concernForm().whatHappened,
      });
      expect(concern.statusChanges).toHaveLength(1);
    }
    expect(concerns[0]!.contactErasedAt).toBeInstanceOf(Date);
    expect(concerns[1]!.contactErasedAt).toBeNull();
    // Projects, learning, comments and ballots remain, attributed to the erased account.
    expect(await db.project.findUniqueOrThrow({ where: { id: person.project.id } })).toMatchObject({
      createdById: person.userId,
      title: person.project.title,
    });
    expect(await db.learningItem.findUniqueOrThrow({ where: { id: person.learning.id } })).toMatchObject({
      authorId: person.userId,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: person.comment.id } })).toMatchObject({
      authorId: person.userId,
    });
    expect(await db.ballot.count({ where: { roundId: person.round.roundId, userId: person.userId } })).toBe(1);
    expect(
      await Promise.all([
        db.concern.count(),
        db.project.count(),
        db.learningItem.count(),
        db.comment.count(),
        db.ballot.count(),
        db.concernStatusChange.count(),
      ]),
    ).toEqual(countsBefore);

    // Nothing readable about them is left: an export after erasure finds neither name, email nor contact.
    const text = JSON.stringify(await exportPersonalData(cast.viewers.admin, person.userId));
    for (const value of [person.user.email, person.user.name, contact.name, contact.email, contact.phone])
      expect(text).not.toContain(value);

    const audit = await db.auditEvent.findMany({
      where: {
        OR: [
          { action: "user.erased", subjectId: person.userId },
          { action: "concern.contact_erased", subjectId: person.concerns[0]!.id },
        ],
      },
    });
    expect(audit.map((e) => e.action).sort()).toEqual(["concern.contact_erased", "user.erased"]);
    expect(audit.find((e) => e.action === "user.erased")).toMatchObject({
      actorId: cast.viewers.admin.userId,
      ip: "203.0.113.50",
    });
  });

  it("stops them signing in, and any session they held", async () => {
    const person = await personWithHistory();
    expect((await loadViewer(person.userId, person.user.sessionVersion)).userId).toBe(person.userId);
    await erasePerson(cast.viewers.admin, person.userId);
    await expect(
      signInWithPassword(ANONYMOUS, { email: person.user.email, password: PASSWORD }, uniqueIp()),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await loadViewer(person.userId, person.user.sessionVersion)).toEqual(ANONYMOUS);
    expect(await loadViewer(person.userId, person.user.sessionVersion + 1)).toEqual(ANONYMOUS);
  });

  it("frees their email address: they can register again as a new person", async () => {
    const person = await personWithHistory();
    await erasePerson(cast.viewers.admin, person.userId);
    const again = await createPasswordUser({ email: person.user.email });
    expect(again.user.id).not.toBe(person.userId);
  });

  it("is refused to everyone but administrators, changing nothing", async () => {
    const person = await personWithHistory();
    const before = await personSnapshot(person.userId);
    for (const role of everyoneButAdmin) {
      await expect(erasePerson(cast.viewers[role], person.userId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await personSnapshot(person.userId)).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "user.erased", subjectId: person.userId } })).toBe(0);
  });

  it("does not let an administrator erase themselves", async () => {
    const admin = await createPasswordUser({ globalRole: "ADMIN" });
    await expect(erasePerson(admin.viewer, admin.user.id)).rejects.toThrow(/your own account/);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).erasedAt).toBeNull();
  });

  it("done twice, or by two administrators at once, erases once", async () => {
    const person = await personWithHistory();
    const results = await Promise.all([
      erasePerson(cast.viewers.admin, person.userId),
      erasePerson(cast.viewers.admin, person.userId),
    ]);
    expect(results.filter((r) => r.alreadyErased)).toHaveLength(1);
    expect(await erasePerson(cast.viewers.admin, person.userId)).toMatchObject({ alreadyErased: true });
    expect(await db.auditEvent.count({ where: { action: "user.erased", subjectId: person.userId } })).toBe(1);
  });

  describe("when something fails part-way", () => {
    afterEach(async () => {
      await runAsOwner(`DROP TRIGGER IF EXISTS privacy_test_fail ON "Membership"`);
      await runAsOwner(`DROP FUNCTION IF EXISTS privacy_test_fail()`);
    });

    it("leaves the person exactly as they were (one transaction)", async () => {
      const person = await personWithHistory();
      const before = await personSnapshot(person.userId);
      // Membership rows are removed after the concerns' contact details and the sessions: fail there.
      await runAsOwner(
        `CREATE FUNCTION privacy_test_fail() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''simulated failure''; END;'`,
      );
      await runAsOwner(
        `CREATE TRIGGER privacy_test_fail BEFORE DELETE ON "Membership" FOR EACH ROW WHEN (OLD."userId" = '${person.userId}') EXECUTE FUNCTION privacy_test_fail()`,
      );
      await expect(erasePerson(cast.viewers.admin, person.userId)).rejects.toThrow(/simulated failure/);
      expect(await personSnapshot(person.userId)).toEqual(before);
      expect(
        await db.auditEvent.count({
          where: {
            OR: [
              { action: "user.erased", subjectId: person.userId },
              { action: "concern.contact_erased", subjectId: person.concerns[0]!.id },
            ],
          },
        }),
      ).toBe(0);
    });
  });
});

describe("the erasure form's confirmation", () => {
  it("needs the word typed, in any case", () => {
    expect(eraseSchema.safeParse({ userId: "u1", confirm: "" }).success).toBe(false);
    expect(eraseSchema.safeParse({ userId: "u1", confirm: "yes" }).success).toBe(false);
    expect(eraseSchema.safeParse({ userId: "u1", confirm: " erase " }).success).toBe(true);
  });
});
