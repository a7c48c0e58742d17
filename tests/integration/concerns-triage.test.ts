// Triage by the collaborative's leads, against the real database: every action allowed for A's lead
// and denied (with nothing changed) for everyone else; history, responses, links, privacy, retention.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer-types";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  addConcernNote,
  assignConcern,
  changeConcernStatus,
  deliverResponseEmail,
  eraseExpiredContactDetails,
  linkConcern,
  respondToConcern,
  revealContact,
  setConcernShareable,
  transferConcern,
  updateConcernSettings,
} from "@/lib/concerns/mutations";
import {
  getConcernByTrackingToken,
  getConcernForTriage,
  getTriageQueue,
  listDeidentifiedConcerns,
} from "@/lib/concerns/queries";
import { queueFilterSchema } from "@/lib/concerns/schemas";
import type { Email } from "@/lib/mail/send";
import { createCast, createOrganisation, type Cast, type CastRole } from "@/tests/fixtures/factories";
import {
  concernForm,
  createConcern,
  createLocalPriority,
  createProject,
  submitOrThrow,
} from "@/tests/fixtures/concerns";

let cast: Cast;
let leadA: Viewer;
beforeAll(async () => {
  cast = await createCast();
  leadA = cast.viewers.leadA;
});

const contact = { name: "Rosa Santos", email: "rosa.santos@example.com", phone: "07700 900123" };
const filters = (query: Record<string, string> = {}) => queueFilterSchema.parse(query);

/** Everything about a concern that a denied action must leave as it was. */
async function snapshot(concernId: string) {
  const [concern, notes, responses, history, audit] = await Promise.all([
    db.concern.findUniqueOrThrow({ where: { id: concernId } }),
    db.concernNote.count({ where: { concernId } }),
    db.concernResponse.count({ where: { concernId } }),
    db.concernStatusChange.count({ where: { concernId } }),
    db.auditEvent.count({ where: { subjectId: concernId } }),
  ]);
  return { concern, notes, responses, history, audit };
}

describe("every triage action is for the leads of the concern's collaborative only", () => {
  type Op = (viewer: Viewer, concern: { id: string; version: number }) => Promise<unknown>;
  const ops: Record<string, Op> = {
    "see the queue": (v) => getTriageQueue(v, "wessex", filters()),
    "open the concern": (v, c) => getConcernForTriage(v, c.id),
    "change its status": (v, c) =>
      changeConcernStatus(v, { concernId: c.id, version: c.version, status: "ACKNOWLEDGED", reason: "", outcome: "" }),
    "assign it": (v, c) => assignConcern(v, { concernId: c.id, version: c.version, assigneeId: leadA.userId }),
    "add an internal note": (v, c) => addConcernNote(v, { concernId: c.id, note: "Checked with the ward" }),
    "publish a response": (v, c) => respondToConcern(v, { concernId: c.id, response: "Thank you" }),
    "link it to a local priority": async (v, c) => {
      const priority = await createLocalPriority(cast.collaborativeA.id);
      return linkConcern(v, { concernId: c.id, version: c.version, target: `priority:${priority.id}`, linkReason: "" });
    },
    "mark it shareable": (v, c) => setConcernShareable(v, { concernId: c.id, version: c.version, shareable: "yes" }),
    "pass it to another collaborative": (v, c) =>
      transferConcern(v, {
        concernId: c.id,
        version: c.version,
        collaborative: "south-west",
        transferReason: "Wrong area",
      }),
    "reveal the contact details": (v, c) => revealContact(v, c.id),
  };
  type Seen = {
    result: unknown;
    before: Awaited<ReturnType<typeof snapshot>>;
    after: Awaited<ReturnType<typeof snapshot>>;
    concernId: string;
  };
  /** What each operation visibly did for A's lead: the positive control before every denial. */
  const done: Record<keyof typeof ops, (seen: Seen) => void> = {
    "see the queue": ({ result }) =>
      expect((result as Awaited<ReturnType<typeof getTriageQueue>>).total).toBeGreaterThan(0),
    "open the concern": ({ result, concernId }) => expect((result as { id: string }).id).toBe(concernId),
    "change its status": ({ before, after }) => {
      expect(after.concern.status).toBe("ACKNOWLEDGED");
      expect(after.history).toBe(before.history + 1);
    },
    "assign it": ({ after }) => expect(after.concern.assignedToId).toBe(leadA.userId),
    "add an internal note": ({ before, after }) => expect(after.notes).toBe(before.notes + 1),
    "publish a response": ({ before, after }) => expect(after.responses).toBe(before.responses + 1),
    "link it to a local priority": ({ after }) => expect(after.concern.linkedPriorityId).not.toBeNull(),
    "mark it shareable": ({ before, after }) => {
      expect(before.concern.shareable).toBe(false);
      expect(after.concern.shareable).toBe(true);
    },
    "pass it to another collaborative": ({ after }) =>
      expect(after.concern.collaborativeId).not.toBe(cast.collaborativeA.id),
    "reveal the contact details": ({ result }) => expect(result).toMatchObject(contact),
  };
  const denied: CastRole[] = ["anonymous", "patientA", "staffA", "staffB", "leadB", "national", "admin"];

  for (const [name, op] of Object.entries(ops)) {
    it(`lets A's lead ${name}`, async () => {
      const concern = await createConcern(cast.collaborativeA.id, { contact });
      const before = await snapshot(concern.id);
      const result = await op(leadA, concern);
      done[name]!({ result, before, after: await snapshot(concern.id), concernId: concern.id });
    });
    for (const role of denied) {
      it(`denies ${role} to ${name}, changing nothing`, async () => {
        const concern = await createConcern(cast.collaborativeA.id, { contact });
        const before = await snapshot(concern.id);
        const error = await op(cast.viewers[role], concern).then(
          () => null,
          (e: unknown) => e,
        );
        // Outsiders are told it does not exist; nobody learns whether the concern is there.
        expect(error).toBeInstanceOf(NotFoundError);
        expect(await snapshot(concern.id)).toEqual(before);
      });
    }
  }

  it("lets only A's lead change A's service level and retention settings", async () => {
    const before = await db.collaborative.findUniqueOrThrow({ where: { id: cast.collaborativeA.id } });
    for (const role of denied) {
      await expect(
        updateConcernSettings(cast.viewers[role], {
          collaborativeId: cast.collaborativeA.id,
          acknowledgementDays: 2,
          contactRetentionMonths: 3,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.collaborative.findUniqueOrThrow({ where: { id: cast.collaborativeA.id } })).toEqual(before);
    try {
      await updateConcernSettings(leadA, {
        collaborativeId: cast.collaborativeA.id,
        acknowledgementDays: 3,
        contactRetentionMonths: 6,
      });
      expect(await db.collaborative.findUniqueOrThrow({ where: { id: cast.collaborativeA.id } })).toMatchObject({
        acknowledgementDays: 3,
        contactRetentionMonths: 6,
      });
      expect(
        await db.auditEvent.findFirst({
          where: {
            action: "collaborative.concern_settings_changed",
            subjectId: cast.collaborativeA.id,
            actorId: leadA.userId,
          },
        }),
      ).not.toBeNull();
    } finally {
      await db.collaborative.update({
        where: { id: cast.collaborativeA.id },
        data: {
          acknowledgementDays: before.acknowledgementDays,
          contactRetentionMonths: before.contactRetentionMonths,
        },
      });
    }
  });
});

describe("status changes", () => {
  it("record who, when and why, count as the acknowledgement, and are audited without personal data", async () => {
    const concern = await createConcern(cast.collaborativeA.id, { contact });
    await changeConcernStatus(leadA, {
      concernId: concern.id,
      version: 1,
      status: "ACKNOWLEDGED",
      reason: "Read and logged",
      outcome: "",
    });
    const row = await db.concern.findUniqueOrThrow({
      where: { id: concern.id },
      include: { statusChanges: { orderBy: { changedAt: "asc" } } },
    });
    expect(row).toMatchObject({ status: "ACKNOWLEDGED", version: 2 });
    expect(row.acknowledgedAt).not.toBeNull();
    expect(row.statusChanges.at(-1)).toMatchObject({
      fromStatus: "RECEIVED",
      toStatus: "ACKNOWLEDGED",
      reason: "Read and logged",
      changedById: leadA.userId,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: concern.id, action: "concern.status_changed" },
    });
    expect(audit).toMatchObject({
      actorId: leadA.userId,
      collaborativeId: cast.collaborativeA.id,
      details: { from: "RECEIVED", to: "ACKNOWLEDGED" },
    });
    const detail = await getConcernForTriage(leadA, concern.id);
    expect(detail.history.at(-1)).toMatchObject({
      toStatus: "ACKNOWLEDGED",
      reason: "Read and logged",
      by: leadA.name,
    });
  });

  it("close with an outcome the reporter sees, and reopen only with a reason", async () => {
    const submitted = await submitOrThrow();
    const id = (await db.concern.findUniqueOrThrow({ where: { reference: submitted.reference } })).id;
    await changeConcernStatus(leadA, {
      concernId: id,
      version: 1,
      status: "CLOSED",
      reason: "",
      outcome: "The ward now checks frames are in reach at night.",
    });
    expect(await getConcernByTrackingToken(cast.viewers.anonymous, submitted.token)).toMatchObject({
      status: "CLOSED",
      outcome: "The ward now checks frames are in reach at night.",
    });
    await expect(
      changeConcernStatus(leadA, { concernId: id, version: 2, status: "UNDER_REVIEW", reason: "", outcome: "" }),
    ).rejects.toBeInstanceOf(DomainError);
    await changeConcernStatus(leadA, {
      concernId: id,
      version: 2,
      status: "UNDER_REVIEW",
      reason: "The family came back to us",
      outcome: "",
    });
    expect(await db.concern.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "UNDER_REVIEW",
      closedAt: null,
      outcome: null,
    });
  });

  it("refuse moves the lifecycle does not allow", async () => {
    const concern = await createConcern(cast.collaborativeA.id, { status: "UNDER_REVIEW" });
    const error = await changeConcernStatus(leadA, {
      concernId: concern.id,
      version: 1,
      status: "ACKNOWLEDGED",
      reason: "",
      outcome: "",
    }).catch((e: DomainError) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors.status).toMatch(/cannot be moved/);
  });

  it("refuse a change made to an out-of-date version, changing nothing", async () => {
    const concern = await createConcern(cast.collaborativeA.id);
    await changeConcernStatus(leadA, {
      concernId: concern.id,
      version: 1,
      status: "ACKNOWLEDGED",
      reason: "",
      outcome: "",
    });
    const before = await snapshot(concern.id);
    await expect(
      changeConcernStatus(leadA, { concernId: concern.id, version: 1, status: "CLOSED", reason: "", outcome: "Done" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      assignConcern(leadA, { concernId: concern.id, version: 1, assigneeId: leadA.userId }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(concern.id)).toEqual(before);
  });
});

describe("assignment", () => {
  it("goes to a lead of the concern's collaborative, not to anyone else", async () => {
    const concern = await createConcern(cast.collaborativeA.id);
    await expect(
      assignConcern(leadA, { concernId: concern.id, version: 1, assigneeId: cast.viewers.staffA.userId }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      assignConcern(leadA, { concernId: concern.id, version: 1, assigneeId: cast.viewers.leadB.userId }),
    ).rejects.toBeInstanceOf(DomainError);
    await assignConcern(leadA, { concernId: concern.id, version: 1, assigneeId: leadA.userId });
    expect((await getConcernForTriage(leadA, concern.id)).assignedTo).toEqual({ id: leadA.userId, name: leadA.name });
  });
});

describe("notes and responses", () => {
  it("keep internal notes from the reporter, and show public responses on the tracking page", async () => {
    const submitted = await submitOrThrow();
    const id = (await db.concern.findUniqueOrThrow({ where: { reference: submitted.reference } })).id;
    await addConcernNote(leadA, { concernId: id, note: "INTERNAL: spoke to the ward sister" });
    await respondToConcern(leadA, { concernId: id, response: "Thank you. The ward has changed its night checks." });
    const view = await getConcernByTrackingToken(cast.viewers.anonymous, submitted.token);
    expect(view?.responses.map((r) => r.body)).toEqual(["Thank you. The ward has changed its night checks."]);
    expect(view?.status).toBe("RESPONDED");
    expect(JSON.stringify(view)).not.toContain("INTERNAL");
    expect((await getConcernForTriage(leadA, id)).notes.map((n) => n.body)).toEqual([
      "INTERNAL: spoke to the ward sister",
    ]);
    const history = await db.concernStatusChange.findMany({ where: { concernId: id }, orderBy: { changedAt: "asc" } });
    expect(history.at(-1)).toMatchObject({
      fromStatus: "RECEIVED",
      toStatus: "RESPONDED",
      reason: "Public response sent",
      changedById: leadA.userId,
    });
  });

  it("email a response once to a reporter who gave an email address and agreed, with a working tracking link", async () => {
    const submitted = await submitOrThrow(
      concernForm({ contactPreference: "contact", contactEmail: "reporter@example.com" }),
    );
    const id = (await db.concern.findUniqueOrThrow({ where: { reference: submitted.reference } })).id;
    const { responseId, mayEmail } = await respondToConcern(leadA, {
      concernId: id,
      response: "We have shared your story with the ward.",
    });
    expect(mayEmail).toBe(true);
    const sent: Email[] = [];
    const send = async (email: Email) => void sent.push(email);
    expect(await deliverResponseEmail(responseId, send)).toBe("sent");
    expect(await deliverResponseEmail(responseId, send)).toBe("already-sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: "reporter@example.com",
      subject: `A response to your safety concern ${submitted.reference}`,
    });
    expect(sent[0]!.text).toContain("We have shared your story with the ward.");
    const token = /\/concerns\/track\/([A-Za-z0-9_-]+)/.exec(sent[0]!.text)![1]!;
    expect(token).toBe(submitted.token);
    expect((await db.concernResponse.findUniqueOrThrow({ where: { id: responseId } })).emailedAt).not.toBeNull();
  });

  it("do not email anonymous or phone-only reporters, and give a failed email back for the retry job", async () => {
    const anonymous = await submitOrThrow();
    const phoneOnly = await submitOrThrow(concernForm({ contactPreference: "contact", contactPhone: "07700 900456" }));
    const withEmail = await submitOrThrow(
      concernForm({ contactPreference: "contact", contactEmail: "later@example.com" }),
    );
    const idOf = async (reference: string) => (await db.concern.findUniqueOrThrow({ where: { reference } })).id;
    const never = async () => {
      throw new Error("should not send");
    };
    const r1 = await respondToConcern(leadA, { concernId: await idOf(anonymous.reference), response: "Thanks" });
    expect(r1.mayEmail).toBe(false);
    expect(await deliverResponseEmail(r1.responseId, never)).toBe("no-consent");
    const r2 = await respondToConcern(leadA, { concernId: await idOf(phoneOnly.reference), response: "Thanks" });
    expect(await deliverResponseEmail(r2.responseId, never)).toBe("no-email");
    const r3 = await respondToConcern(leadA, { concernId: await idOf(withEmail.reference), response: "Thanks" });
    await expect(
      deliverResponseEmail(r3.responseId, async () => Promise.reject(new Error("SMTP down"))),
    ).rejects.toThrow("SMTP down");
    expect((await db.concernResponse.findUniqueOrThrow({ where: { id: r3.responseId } })).emailedAt).toBeNull();
  });
});

describe("linking to local priorities and projects", () => {
  it("links to the collaborative's own local priority or project, and the project counts the concerns that prompted it", async () => {
    const priority = await createLocalPriority(cast.collaborativeA.id, "Safer night-time care");
    const project = await createProject(cast.collaborativeA.id, cast.viewers.staffA.userId!);
    const first = await createConcern(cast.collaborativeA.id);
    const second = await createConcern(cast.collaborativeA.id, { status: "RESPONDED" });
    await linkConcern(leadA, {
      concernId: first.id,
      version: 1,
      target: `priority:${priority.id}`,
      linkReason: "Third fall at night this month",
    });
    await linkConcern(leadA, { concernId: second.id, version: 1, target: `project:${project.id}`, linkReason: "" });
    const linked = await db.concern.findUniqueOrThrow({
      where: { id: first.id },
      include: { statusChanges: { orderBy: { changedAt: "asc" } } },
    });
    expect(linked).toMatchObject({ status: "LINKED", linkedPriorityId: priority.id });
    expect(linked.statusChanges.at(-1)!.reason).toBe(
      'Linked to the local priority "Safer night-time care": Third fall at night this month',
    );
    // A responded concern keeps its status; the link is still made.
    expect(await db.concern.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "RESPONDED",
      linkedProjectId: project.id,
    });
    expect(await db.concern.count({ where: { linkedProjectId: project.id } })).toBe(1);
  });

  it("never links across collaboratives, or to a national area", async () => {
    const concern = await createConcern(cast.collaborativeA.id);
    const priorityB = await createLocalPriority(cast.collaborativeB.id);
    const projectB = await createProject(cast.collaborativeB.id, cast.viewers.staffB.userId!);
    const national = await db.priorityArea.findUniqueOrThrow({ where: { slug: "falls" } });
    const before = await snapshot(concern.id);
    for (const target of [`priority:${priorityB.id}`, `project:${projectB.id}`, `priority:${national.id}`]) {
      await expect(
        linkConcern(leadA, { concernId: concern.id, version: 1, target, linkReason: "" }),
      ).rejects.toBeInstanceOf(DomainError);
    }
    expect(await snapshot(concern.id)).toEqual(before);
  });
});

describe("passing a concern to the right collaborative", () => {
  it("moves it with its history, clears what belonged to the old collaborative, and hands it to the new leads", async () => {
    const organisation = await createOrganisation(cast.collaborativeA.id);
    const priority = await createLocalPriority(cast.collaborativeA.id);
    const submitted = await submitOrThrow(
      concernForm({ postcode: "", collaborative: "", organisationText: organisation.name }),
    );
    const concern = await db.concern.findUniqueOrThrow({ where: { reference: submitted.reference } });
    await linkConcern(leadA, { concernId: concern.id, version: 1, target: `priority:${priority.id}`, linkReason: "" });
    await transferConcern(leadA, {
      concernId: concern.id,
      version: 2,
      collaborative: "oxford",
      transferReason: "It happened in Reading",
    });
    const moved = await db.concern.findUniqueOrThrow({
      where: { id: concern.id },
      include: { statusChanges: { orderBy: { changedAt: "asc" } } },
    });
    expect(moved).toMatchObject({
      collaborativeId: cast.collaborativeB.id,
      organisationId: null,
      organisationText: organisation.name,
      linkedPriorityId: null,
      status: "RECEIVED",
    });
    expect(moved.statusChanges.at(-1)!.reason).toMatch(
      /Passed on from Wessex Patient Safety Collaborative to .*Oxford.*: It happened in Reading/,
    );
    await expect(getConcernForTriage(leadA, concern.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getConcernForTriage(cast.viewers.leadB, concern.id)).resolves.toMatchObject({
      reference: submitted.reference,
    });
    expect((await getConcernByTrackingToken(cast.viewers.anonymous, submitted.token))?.collaborativeName).toBe(
      cast.collaborativeB.name,
    );
  });
});

describe("contact details", () => {
  it("are decrypted for A's lead, and every reveal is audited (without the details)", async () => {
    const concern = await createConcern(cast.collaborativeA.id, { contact });
    const before = await db.auditEvent.count({ where: { subjectId: concern.id, action: "concern.contact_revealed" } });
    expect(await revealContact(leadA, concern.id, "198.51.100.7")).toEqual(contact);
    const audit = await db.auditEvent.findMany({
      where: { subjectId: concern.id, action: "concern.contact_revealed" },
    });
    expect(audit).toHaveLength(before + 1);
    expect(audit[0]).toMatchObject({
      actorId: leadA.userId,
      collaborativeId: cast.collaborativeA.id,
      ip: "198.51.100.7",
    });
    expect(audit[0]!.details).toBeNull();
  });

  it("are never part of the concern as the team's screen receives it", async () => {
    const concern = await createConcern(cast.collaborativeA.id, { contact });
    const detail = await getConcernForTriage(leadA, concern.id);
    expect(detail.contact).toEqual({ held: true, consent: true, erasedAt: null });
    expect(JSON.stringify(detail)).not.toMatch(/Rosa|rosa\.santos|900123|v1\./);
  });

  it("cannot be revealed when the reporter stayed anonymous", async () => {
    const concern = await createConcern(cast.collaborativeA.id);
    await expect(revealContact(leadA, concern.id)).rejects.toBeInstanceOf(DomainError);
    expect(await db.auditEvent.count({ where: { subjectId: concern.id, action: "concern.contact_revealed" } })).toBe(0);
  });
});

describe("de-identified data for the national team and the dashboard", () => {
  it("has no contact details, no reference and no free text unless the lead marked it shareable", async () => {
    const text = `Unique words ${randomUUID()}`;
    const concern = await createConcern(cast.collaborativeA.id, {
      contact,
      whatHappened: text,
      reporterId: cast.viewers.patientA.userId!,
    });
    const find = async (viewer: Viewer) =>
      (await listDeidentifiedConcerns(viewer, { take: 5000 })).filter((r) => r.whatHappened === text);
    const all = JSON.stringify(await listDeidentifiedConcerns(cast.viewers.national, { take: 5000 }));
    expect(all).not.toContain(text);
    expect(all).not.toMatch(/Rosa|rosa\.santos|v1\.|PSC-|reporterId|contact/);
    expect(all).not.toContain(cast.viewers.patientA.userId!);
    await setConcernShareable(leadA, { concernId: concern.id, version: 1, shareable: "yes" });
    expect(await find(cast.viewers.national)).toHaveLength(1);
    expect(await find(leadA)).toHaveLength(1);
    expect(await find(cast.viewers.leadB)).toHaveLength(0); // another collaborative's lead sees their own only
  });

  it("is refused to staff, patients and the public", async () => {
    for (const role of ["anonymous", "patientA", "staffA", "staffB"] as const) {
      await expect(listDeidentifiedConcerns(cast.viewers[role])).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("the triage queue", () => {
  const DAY = 86_400_000;
  let organisationId: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    const organisation = await createOrganisation(cast.collaborativeA.id);
    organisationId = organisation.id;
    const now = Date.now();
    const make = (options: Parameters<typeof createConcern>[1]) =>
      createConcern(cast.collaborativeA.id, { organisationId, ...options }).then((c) => c.id);
    ids = {
      old: await make({ receivedAt: new Date(now - 20 * DAY) }),
      oldAcknowledged: await make({
        receivedAt: new Date(now - 19.5 * DAY),
        status: "ACKNOWLEDGED",
        acknowledgedAt: new Date(now - 19 * DAY),
      }),
      recent: await make({ receivedAt: new Date(now - 1 * DAY) }),
      closed: await make({
        receivedAt: new Date(now - 40 * DAY),
        status: "CLOSED",
        acknowledgedAt: new Date(now - 39 * DAY),
        closedAt: new Date(now - 30 * DAY),
      }),
      urgent: await make({ whatHappened: "My mother is still on the ward and it is still happening every night." }),
    };
  });
  const idsIn = async (query: Record<string, string>) =>
    (await getTriageQueue(leadA, "wessex", filters({ organisation: organisationId, ...query }))).rows.map((r) => r.id);

  it("shows open concerns by default, oldest first, with days since received and overdue acknowledgements", async () => {
    const queue = await getTriageQueue(leadA, "wessex", filters({ organisation: organisationId }));
    expect(queue.rows.map((r) => r.id)).toEqual([ids.old, ids.oldAcknowledged, ids.recent, ids.urgent]);
    const old = queue.rows.find((r) => r.id === ids.old)!;
    expect(old).toMatchObject({ daysSinceReceived: 20, overdue: true });
    expect(queue.rows.find((r) => r.id === ids.oldAcknowledged)!.overdue).toBe(false);
    expect(queue.rows.find((r) => r.id === ids.recent)!.overdue).toBe(false);
    expect(queue.overdueCount).toBeGreaterThanOrEqual(1);
  });

  it("filters by status, age and overdue acknowledgement", async () => {
    expect(await idsIn({ status: "CLOSED" })).toEqual([ids.closed]);
    expect(await idsIn({ status: "all", age: "overdue" })).toEqual([ids.old]);
    expect((await idsIn({ age: "week" })).sort()).toEqual([ids.recent, ids.urgent].sort());
    expect(await idsIn({ status: "all", age: "month" })).toEqual([ids.oldAcknowledged, ids.old]); // history: newest first
    expect(await idsIn({ status: "all", age: "older" })).toEqual([ids.closed]);
  });

  it("filters by area ('something else' is no area)", async () => {
    expect((await idsIn({ area: "something-else" })).length).toBe(4);
    expect(await idsIn({ area: "falls" })).toEqual([]);
  });

  it("puts new concerns that may describe immediate danger first, whatever the filters", async () => {
    const queue = await getTriageQueue(leadA, "wessex", filters({ status: "CLOSED" }));
    expect(queue.urgentUnread.map((c) => c.id)).toContain(ids.urgent);
    expect(queue.urgentUnread.map((c) => c.id)).not.toContain(ids.recent);
  });

  it("is not found for another collaborative's lead", async () => {
    await expect(getTriageQueue(cast.viewers.leadB, "wessex", filters())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTriageQueue(leadA, "atlantis", filters())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("retention: contact details are erased after the collaborative's period", () => {
  const monthsAgo = (months: number) => {
    const d = new Date();
    d.setUTCMonth(d.getUTCMonth() - months);
    return d;
  };
  let oxfordMonths: number;
  beforeAll(async () => {
    oxfordMonths = (await db.collaborative.findUniqueOrThrow({ where: { id: cast.collaborativeB.id } }))
      .contactRetentionMonths;
    await db.collaborative.update({ where: { id: cast.collaborativeB.id }, data: { contactRetentionMonths: 6 } });
  });
  afterAll(async () => {
    await db.collaborative.update({
      where: { id: cast.collaborativeB.id },
      data: { contactRetentionMonths: oxfordMonths },
    });
  });

  it("erases each collaborative's expired contacts with an audit event, keeps the rest, and can run again", async () => {
    const closed = (collaborativeId: string, months: number) =>
      createConcern(collaborativeId, {
        contact,
        status: "CLOSED",
        receivedAt: monthsAgo(months + 1),
        acknowledgedAt: monthsAgo(months + 1),
        closedAt: monthsAgo(months),
      });
    const a13 = await closed(cast.collaborativeA.id, 13); // Wessex: 12 months
    const a11 = await closed(cast.collaborativeA.id, 11);
    const b7 = await closed(cast.collaborativeB.id, 7); // Oxford, set to 6 months here
    const b5 = await closed(cast.collaborativeB.id, 5);
    // Left open: counted from the last activity (issue 19, finding 6), not kept for ever.
    const idle = await createConcern(cast.collaborativeA.id, {
      contact,
      status: "RESPONDED",
      receivedAt: monthsAgo(30),
    });
    const open = await createConcern(cast.collaborativeA.id, { contact, receivedAt: monthsAgo(30) });
    await db.concernNote.create({
      data: { concernId: open.id, authorId: leadA.userId!, body: "Still looking into it.", createdAt: monthsAgo(1) },
    });

    expect(await eraseExpiredContactDetails()).toBeGreaterThanOrEqual(3);
    const state = async (id: string) =>
      db.concern.findUniqueOrThrow({ where: { id }, select: { contactEncrypted: true, contactErasedAt: true } });
    for (const erased of [a13, b7, idle]) {
      expect(await state(erased.id)).toMatchObject({ contactEncrypted: null, contactErasedAt: expect.any(Date) });
      const audit = await db.auditEvent.findMany({ where: { subjectId: erased.id, action: "concern.contact_erased" } });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actorId).toBeNull();
    }
    for (const kept of [a11, b5, open]) expect((await state(kept.id)).contactEncrypted).toMatch(/^v1\./);

    await eraseExpiredContactDetails();
    expect(await db.auditEvent.count({ where: { subjectId: a13.id, action: "concern.contact_erased" } })).toBe(1);
    await expect(revealContact(leadA, a13.id)).rejects.toBeInstanceOf(DomainError);
    expect((await getConcernForTriage(leadA, a13.id)).contact).toMatchObject({
      held: false,
      erasedAt: expect.any(Date),
    });
  });
});
