// "You said, we did" (issue 16), against the real database: who may write and approve (never the author,
// never another collaborative's lead; the national team may), consent enforced on every link, the
// reporter's own words refused, and drafts, private projects and concern text never public.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer-types";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import {
  approveYouSaidItem,
  createYouSaidItem,
  sendBackYouSaidItem,
  submitYouSaidItem,
  updateYouSaidItem,
  withdrawYouSaidItem,
} from "@/lib/you-said-we-did/mutations";
import {
  getYouSaidFormOptions,
  getYouSaidForTeam,
  listPublishedForPriority,
  listPublishedYouSaid,
} from "@/lib/you-said-we-did/queries";
import { findQuotedRun } from "@/lib/you-said-we-did/quotes";
import { createMeasure, addPoint } from "@/lib/measures/mutations";
import { getConcerns, getDashboardReference, knownValues } from "@/lib/dashboard/queries";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { refreshDashboardSummaries } from "@/lib/dashboard/summaries";
import { getConcernsSummary } from "@/lib/collaboratives/queries";
import { getTriageQueue } from "@/lib/concerns/queries";
import { queueFilterSchema } from "@/lib/concerns/schemas";
import { createCast, createUser, type Cast } from "@/tests/fixtures/factories";
import { concernForm, createConcern, createLocalPriority, submitOrThrow } from "@/tests/fixtures/concerns";
import { insertProject, measureInput } from "@/tests/fixtures/projects";

let cast: Cast;
let leadA: Viewer;
let secondLeadA: Viewer;
beforeAll(async () => {
  cast = await createCast();
  leadA = cast.viewers.leadA;
  secondLeadA = (await createUser({ memberships: { wessex: "LEAD" } })).viewer;
});

const REPORTER_WORDS =
  "Nobody answered the call bell for forty minutes while my father lay on the bathroom floor at night";

async function item(author: Viewer = leadA, overrides: Record<string, unknown> = {}) {
  const concern = await createConcern(cast.collaborativeA.id, {
    publicSummaryConsent: true,
    whatHappened: REPORTER_WORDS,
  });
  const { id } = await createYouSaidItem(author, {
    collaborativeId: cast.collaborativeA.id,
    youSaid: "People told us that call bells on one ward were not answered quickly at night.",
    weDid: "The ward added a night-time check of every bay each hour and audits call-bell response times.",
    concernIds: [concern.id],
    priorityId: null,
    projectId: null,
    measureId: null,
    ...overrides,
  });
  return { id, concern };
}

const version = async (id: string) => (await db.youSaidWeDid.findUniqueOrThrow({ where: { id } })).version;
const status = async (id: string) => (await db.youSaidWeDid.findUniqueOrThrow({ where: { id } })).status;

async function awaitingApproval(author: Viewer = leadA, overrides: Record<string, unknown> = {}) {
  const made = await item(author, overrides);
  await submitYouSaidItem(author, { itemId: made.id, version: await version(made.id) });
  return made;
}

describe("the reporter's own words are never used", () => {
  it("a summary quoting 8 or more consecutive words from a linked concern is refused, beside the field", async () => {
    const concern = await createConcern(cast.collaborativeA.id, {
      publicSummaryConsent: true,
      whatHappened: REPORTER_WORDS,
    });
    const attempt = createYouSaidItem(leadA, {
      collaborativeId: cast.collaborativeA.id,
      youSaid: `Someone said: "nobody answered the call bell for forty minutes while my father" waited.`,
      weDid: "Night checks every hour.",
      concernIds: [concern.id],
      priorityId: null,
      projectId: null,
      measureId: null,
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: { youSaid: expect.stringMatching(/reporter's own words/) },
    });
  });

  it("seven words in a row are the team's to use; punctuation and capitals do not hide a quote", () => {
    expect(findQuotedRun("nobody answered the call bell for forty", [REPORTER_WORDS])).toBeNull();
    expect(findQuotedRun("NOBODY answered — the call-bell for forty minutes, while", [REPORTER_WORDS])).toBe(
      "nobody answered the call bell for forty minutes",
    );
  });
});

describe("consent is enforced", () => {
  it("a concern whose reporter said no, or did not answer, cannot be linked, and is not offered", async () => {
    const said = await createConcern(cast.collaborativeA.id, { publicSummaryConsent: false });
    const unanswered = await createConcern(cast.collaborativeA.id, { publicSummaryConsent: null });
    for (const concern of [said, unanswered]) {
      await expect(item(leadA, { concernIds: [concern.id] })).rejects.toMatchObject({
        fieldErrors: { concernIds: expect.stringMatching(/agreed to a summary/) },
      });
    }
    const offered = (await getYouSaidFormOptions(leadA, cast.collaborativeA.id)).concerns.map((c) => c.id);
    expect(offered).not.toContain(said.id);
    expect(offered).not.toContain(unanswered.id);
  });

  it("another collaborative's concern cannot be linked, even with consent", async () => {
    const elsewhere = await createConcern(cast.collaborativeB.id, { publicSummaryConsent: true });
    await expect(item(leadA, { concernIds: [elsewhere.id] })).rejects.toMatchObject({
      fieldErrors: { concernIds: expect.any(String) },
    });
  });

  it("the form's consent answer is stored on the concern (yes, no, or not answered)", async () => {
    const yes = await submitOrThrow(concernForm({ publicSummaryConsent: "yes" }));
    const no = await submitOrThrow(concernForm({ publicSummaryConsent: "no" }));
    const none = await submitOrThrow(concernForm());
    const consent = async (reference: string) =>
      (await db.concern.findUniqueOrThrow({ where: { reference } })).publicSummaryConsent;
    expect([await consent(yes.reference), await consent(no.reference), await consent(none.reference)]).toEqual([
      true,
      false,
      null,
    ]);
  });
});

describe("who may write and approve", () => {
  it("only a lead of the collaborative writes: staff and another collaborative's lead cannot", async () => {
    await expect(item(cast.viewers.staffA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(item(cast.viewers.leadB)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the author cannot approve their own item", async () => {
    const { id } = await awaitingApproval(leadA);
    await expect(approveYouSaidItem(leadA, { itemId: id, version: await version(id) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await status(id)).toBe("AWAITING_APPROVAL");
  });

  it("another collaborative's lead cannot approve (or even see) it", async () => {
    const { id } = await awaitingApproval(leadA);
    await expect(
      approveYouSaidItem(cast.viewers.leadB, { itemId: id, version: await version(id) }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getYouSaidForTeam(cast.viewers.leadB, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await status(id)).toBe("AWAITING_APPROVAL");
  });

  it("a second lead of the same collaborative approves, and it is published", async () => {
    const { id } = await awaitingApproval(leadA);
    await approveYouSaidItem(secondLeadA, { itemId: id, version: await version(id) });
    const row = await db.youSaidWeDid.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PUBLISHED", approvedById: secondLeadA.userId });
    expect(row.publishedAt).not.toBeNull();
  });

  it("the national team may approve", async () => {
    const { id } = await awaitingApproval(leadA);
    await approveYouSaidItem(cast.viewers.national, { itemId: id, version: await version(id) });
    expect(await status(id)).toBe("PUBLISHED");
  });

  it("the approver can send it back with a reason; the author changes it and sends it again", async () => {
    const { id, concern } = await awaitingApproval(leadA);
    await sendBackYouSaidItem(secondLeadA, {
      itemId: id,
      version: await version(id),
      sendBackReason: "Say what the audit found.",
    });
    expect(await db.youSaidWeDid.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DRAFT",
      sentBackReason: "Say what the audit found.",
    });
    // Only its author changes a draft.
    const change = (viewer: Viewer, v: number) =>
      updateYouSaidItem(viewer, {
        itemId: id,
        version: v,
        youSaid: "People told us call bells went unanswered at night.",
        weDid: "Hourly night checks; the audit found answers within five minutes.",
        concernIds: [concern.id],
        priorityId: null,
        projectId: null,
        measureId: null,
      });
    await expect(change(secondLeadA, await version(id))).rejects.toBeInstanceOf(ForbiddenError);
    await change(leadA, await version(id));
    await submitYouSaidItem(leadA, { itemId: id, version: await version(id) });
    expect(await status(id)).toBe("AWAITING_APPROVAL");
  });

  it("a step taken on an old version is refused (two leads cannot act on it unseen)", async () => {
    const { id } = await awaitingApproval(leadA);
    await expect(approveYouSaidItem(secondLeadA, { itemId: id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
  });

  it("a published item can be withdrawn, and leaves the public page", async () => {
    const { id } = await awaitingApproval(leadA);
    await approveYouSaidItem(secondLeadA, { itemId: id, version: await version(id) });
    await withdrawYouSaidItem(leadA, { itemId: id, version: await version(id), withdrawReason: "Reversed." });
    expect(await status(id)).toBe("WITHDRAWN");
    const published = await listPublishedYouSaid(ANONYMOUS, "wessex", 1);
    expect(published.items.map((i) => i.id)).not.toContain(id);
  });
});

describe("what is public", () => {
  it("drafts and items awaiting approval are never on the public pages", async () => {
    const draft = await item(leadA);
    const waiting = await awaitingApproval(leadA);
    const ids = (await listPublishedYouSaid(ANONYMOUS, "wessex", 1)).items.map((i) => i.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(waiting.id);
    await expect(getYouSaidForTeam(ANONYMOUS, draft.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getYouSaidForTeam(cast.viewers.staffA, draft.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a reporter is never identified on the public page: no concern text, reference or names", async () => {
    const { id, concern } = await awaitingApproval(leadA);
    await approveYouSaidItem(secondLeadA, { itemId: id, version: await version(id) });
    const published = await listPublishedYouSaid(ANONYMOUS, "wessex", 1);
    const shown = JSON.stringify(published.items.find((i) => i.id === id));
    expect(shown).toContain("call bells on one ward");
    expect(shown).not.toContain(REPORTER_WORDS.slice(0, 30));
    expect(shown).not.toContain(concern.reference);
    expect(shown).not.toContain(concern.id);
    expect(shown).not.toMatch(/author|approvedBy|reporter/i);
  });

  it("a draft or portal-only project, and its chart, are never linked publicly; a public one is, with its chart", async () => {
    const measured = async (visibility: "DRAFT" | "PORTAL" | "PUBLIC") => {
      const project = await insertProject({
        collaborativeId: cast.collaborativeA.id,
        createdById: leadA.userId!,
        visibility,
      });
      const { id: measureId } = await createMeasure(leadA, measureInput(project.id));
      await addPoint(leadA, {
        projectId: project.id,
        measureId,
        period: new Date("2024-01-01"),
        value: "4",
        numerator: "",
        denominator: "",
        note: "",
      });
      await addPoint(leadA, {
        projectId: project.id,
        measureId,
        period: new Date("2024-02-01"),
        value: "3",
        numerator: "",
        denominator: "",
        note: "",
      });
      const { id } = await awaitingApproval(leadA, { projectId: project.id, measureId });
      await approveYouSaidItem(secondLeadA, { itemId: id, version: await version(id) });
      return { id, project };
    };
    const draft = await measured("DRAFT");
    const portal = await measured("PORTAL");
    const open = await measured("PUBLIC");
    const items = new Map((await listPublishedYouSaid(ANONYMOUS, "wessex", 1)).items.map((i) => [i.id, i]));
    for (const hidden of [draft, portal]) {
      expect(items.get(hidden.id)).toMatchObject({ project: null, chart: null });
      expect(JSON.stringify(items.get(hidden.id))).not.toContain(hidden.project.title);
    }
    expect(items.get(open.id)).toMatchObject({ project: { id: open.project.id }, chart: { kind: "run" } });
  });

  it("a local priority's page lists the items linked to it", async () => {
    const priority = await createLocalPriority(cast.collaborativeA.id);
    const { id } = await awaitingApproval(leadA, { priorityId: priority.id });
    await approveYouSaidItem(secondLeadA, { itemId: id, version: await version(id) });
    const listed = await listPublishedForPriority(ANONYMOUS, cast.collaborativeA.id, priority.id);
    expect(listed.map((i) => i.id)).toEqual([id]);
  });
});

describe("what went well", () => {
  it("is triaged like a concern, kept out of the concern counts, and counted on the dashboard as its own figure", async () => {
    const period = () => ({
      from: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 7),
      to: new Date().toISOString().slice(0, 7),
    });
    const dashboard = async () => {
      await refreshDashboardSummaries({ force: true });
      const filters = parseDashboardFilters(period(), knownValues(await getDashboardReference()), {
        fixedCollaborative: "wessex",
      }).filters;
      return getConcerns(leadA, { kind: "collaborative", slug: "wessex" }, filters);
    };
    const before = await dashboard();
    const summaryBefore = await getConcernsSummary(ANONYMOUS, cast.collaborativeA.id);
    const sent = await submitOrThrow(
      concernForm({ kind: "EXCELLENCE", whatHappened: "The night nurse sat with my dad and explained everything." }),
    );
    const queue = await getTriageQueue(leadA, "wessex", queueFilterSchema.parse({ status: "all" }));
    expect(queue.rows.find((r) => r.reference === sent.reference)).toMatchObject({ kind: "EXCELLENCE" });
    const after = await dashboard();
    expect(after.wentWell).toBe(before.wentWell + 1);
    expect(after.received).toBe(before.received);
    expect((await getConcernsSummary(ANONYMOUS, cast.collaborativeA.id)).total).toBe(summaryBefore.total);
  });

  it("published items are counted on the collaborative dashboard", async () => {
    const period = {
      from: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 7),
      to: new Date().toISOString().slice(0, 7),
    };
    const read = async () => {
      await refreshDashboardSummaries({ force: true });
      const filters = parseDashboardFilters(period, knownValues(await getDashboardReference()), {
        fixedCollaborative: "wessex",
      }).filters;
      return (await getConcerns(leadA, { kind: "collaborative", slug: "wessex" }, filters)).youSaidPublished;
    };
    const before = await read();
    const { id } = await awaitingApproval(leadA);
    await approveYouSaidItem(secondLeadA, { itemId: id, version: await version(id) });
    expect(await read()).toBe(before + 1);
  });
});
