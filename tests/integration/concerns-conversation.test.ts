// Issue 16: the conversation between a reporter and the collaborative, against the real database.
// Who may reply (the tracking-link holder, for that concern only; the registered reporter on My
// concerns), who reads the replies (the concern's own leads), what a reply does to triage, the
// throttle, and the dashboards' de-identified counts of "did the response answer your concern?".
// The hazard log cites these tests by name.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The actions run as Next would run them: the viewer and request headers from the test's request context.
vi.mock("@/lib/auth/viewer", async () => (await import("@/tests/fixtures/request-context")).viewerModule);
vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer-types";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { ReplyThrottledError, replyToConcern, respondToConcern } from "@/lib/concerns/mutations";
import {
  getConcernByTrackingToken,
  getConcernForTriage,
  getMyConcern,
  getTriageQueue,
  listDeidentifiedConcerns,
} from "@/lib/concerns/queries";
import { queueFilterSchema } from "@/lib/concerns/schemas";
import { hashTrackingToken } from "@/lib/concerns/tracking-token";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { getConcerns, getDashboardReference, knownValues } from "@/lib/dashboard/queries";
import { dashboardCsv } from "@/lib/dashboard/exports";
import { refreshDashboardSummaries } from "@/lib/dashboard/summaries";
import { createCast, createOrganisation, type Cast } from "@/tests/fixtures/factories";
import { createConcern } from "@/tests/fixtures/concerns";
import { callAction, toFormData } from "@/tests/fixtures/action-harness";

let cast: Cast;
let leadA: Viewer;
beforeAll(async () => {
  cast = await createCast();
  leadA = cast.viewers.leadA;
});

const filters = (query: Record<string, string> = {}) => queueFilterSchema.parse(query);
const ip = () => `test-${randomUUID()}`;

/** A concern in A with a private tracking token and, unless told otherwise, one public response. */
async function concernWithToken(
  options: Parameters<typeof createConcern>[1] & { responded?: boolean; collaborativeId?: string } = {},
) {
  const token = randomUUID().replace(/-/g, "");
  const concern = await createConcern(options.collaborativeId ?? cast.collaborativeA.id, {
    status: options.responded === false ? "ACKNOWLEDGED" : "RESPONDED",
    ...options,
  });
  await db.concern.update({ where: { id: concern.id }, data: { trackingTokenHash: hashTrackingToken(token) } });
  if (options.responded !== false)
    await db.concernResponse.create({
      data: { concernId: concern.id, authorId: leadA.userId!, body: "We have changed the night rota." },
    });
  return { concern, token };
}

/** What a refused reply must leave as it was. */
async function replyState(concernId: string) {
  const [replies, concern] = await Promise.all([
    db.concernReply.count({ where: { concernId } }),
    db.concern.findUniqueOrThrow({ where: { id: concernId }, select: { replyWaitingAt: true, version: true } }),
  ]);
  return { replies, ...concern };
}

describe("who may reply", () => {
  it("a tracking-link holder replies to that concern only: the token finds its own concern, and no other", async () => {
    const mine = await concernWithToken();
    const other = await concernWithToken();
    const before = await replyState(other.concern.id);
    const { concernId } = await replyToConcern(
      cast.viewers.anonymous,
      { kind: "token", token: mine.token },
      { answered: "PARTLY", reply: "Thank you, but nobody said sorry." },
      { ip: ip() },
    );
    expect(concernId).toBe(mine.concern.id);
    expect(await replyState(other.concern.id)).toEqual(before);
    const seen = await getConcernByTrackingToken(cast.viewers.anonymous, mine.token);
    expect(seen!.replies.map((r) => [r.answered, r.body])).toEqual([["PARTLY", "Thank you, but nobody said sorry."]]);
    expect((await getConcernByTrackingToken(cast.viewers.anonymous, other.token))!.replies).toEqual([]);
  });

  it("a made-up or malformed tracking token finds nothing, and nothing is written", async () => {
    for (const token of [randomUUID().replace(/-/g, ""), "short", "../../etc/passwd-and-more"]) {
      const before = await db.concernReply.count();
      await expect(
        replyToConcern(cast.viewers.anonymous, { kind: "token", token }, { reply: "Hello" }, { ip: ip() }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await db.concernReply.count()).toBe(before);
    }
  });

  it("a reply needs a public response to answer: before one, it is refused and nothing is written", async () => {
    const { concern, token } = await concernWithToken({ responded: false });
    const before = await replyState(concern.id);
    await expect(
      replyToConcern(cast.viewers.anonymous, { kind: "token", token }, { answered: "NO", reply: "" }, { ip: ip() }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await replyState(concern.id)).toEqual(before);
  });

  it("a registered reporter replies from My concerns; nobody else can reply to their concern by its id", async () => {
    const { concern } = await concernWithToken({ reporterId: cast.viewers.patientA.userId! });
    for (const role of ["anonymous", "staffA", "leadA", "staffB", "leadB", "national", "admin"] as const) {
      const before = await replyState(concern.id);
      await expect(
        replyToConcern(
          cast.viewers[role],
          { kind: "own", concernId: concern.id },
          { answered: "YES", reply: "" },
          { ip: ip() },
        ),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await replyState(concern.id), role).toEqual(before);
    }
    await replyToConcern(
      cast.viewers.patientA,
      { kind: "own", concernId: concern.id },
      { answered: "YES", reply: "That is what I hoped for." },
      { ip: ip() },
    );
    const mine = await getMyConcern(cast.viewers.patientA, concern.id);
    expect(mine.replies.map((r) => r.answered)).toEqual(["YES"]);
  });

  it("replies are throttled per address like the concern form: the eleventh in 15 minutes is refused, unsaved", async () => {
    const { concern, token } = await concernWithToken();
    const address = ip();
    for (let i = 0; i < 10; i++)
      await replyToConcern(cast.viewers.anonymous, { kind: "token", token }, { reply: `Reply ${i}` }, { ip: address });
    const before = await replyState(concern.id);
    await expect(
      replyToConcern(cast.viewers.anonymous, { kind: "token", token }, { reply: "One more" }, { ip: address }),
    ).rejects.toBeInstanceOf(ReplyThrottledError);
    expect(await replyState(concern.id)).toEqual(before);
    // Another address is not held back by this one.
    await replyToConcern(cast.viewers.anonymous, { kind: "token", token }, { reply: "From elsewhere" }, { ip: ip() });
  });
});

describe("who reads the replies", () => {
  it("the concern's leads read the conversation with each reply's rating; other collaboratives, staff and the national team cannot", async () => {
    const { concern, token } = await concernWithToken();
    const secret = `Reply ${randomUUID()}: the ward sister was kind.`;
    await replyToConcern(
      cast.viewers.anonymous,
      { kind: "token", token },
      { answered: "NO", reply: secret },
      { ip: ip() },
    );
    const detail = await getConcernForTriage(leadA, concern.id);
    expect(detail.responses.map((r) => r.body)).toEqual(["We have changed the night rota."]);
    expect(detail.replies.map((r) => [r.answered, r.body])).toEqual([["NO", secret]]);
    expect(detail.replyWaitingAt).not.toBeNull();
    for (const role of ["anonymous", "patientA", "staffA", "staffB", "leadB", "national", "admin"] as const) {
      await expect(getConcernForTriage(cast.viewers[role], concern.id), role).rejects.toBeInstanceOf(NotFoundError);
    }
    // The national team's de-identified list never carries a reply's words, even for a shareable concern.
    await db.concern.update({ where: { id: concern.id }, data: { shareable: true } });
    const national = await listDeidentifiedConcerns(cast.viewers.national, { take: 5000 });
    expect(JSON.stringify(national)).not.toContain(secret);
  });
});

describe("who is told of a reply", () => {
  it("a reply notifies the assigned lead alone, in the reply's transaction, without the reporter's words", async () => {
    const { concern, token } = await concernWithToken();
    await db.concern.update({ where: { id: concern.id }, data: { assignedToId: leadA.userId } });
    const words = `Words ${randomUUID()}`;
    const { replyId } = await replyToConcern(
      cast.viewers.anonymous,
      { kind: "token", token },
      { answered: "PARTLY", reply: words },
      { ip: ip() },
    );
    const queued = await db.notification.findMany({ where: { dedupeKey: `concern.reply:${replyId}` } });
    expect(queued.map((n) => [n.userId, n.kind, n.url])).toEqual([
      [leadA.userId, "concern.reply", `/collaboratives/wessex/concerns/${concern.id}`],
    ]);
    expect(queued[0]!.text).toContain("they said: partly");
    expect(queued[0]!.text).not.toContain(words);
    expect((await db.concernReply.findUniqueOrThrow({ where: { id: replyId } })).notifiedAt).not.toBeNull();
  });

  it("with nobody assigned, every active lead of the concern's collaborative is told, and no one elsewhere", async () => {
    const { concern, token } = await concernWithToken();
    const { replyId } = await replyToConcern(
      cast.viewers.anonymous,
      { kind: "token", token },
      { answered: "NO", reply: "" },
      { ip: ip() },
    );
    const told = (await db.notification.findMany({ where: { dedupeKey: `concern.reply:${replyId}` } })).map(
      (n) => n.userId,
    );
    const leads = await db.membership.findMany({
      where: { collaborativeId: concern.collaborativeId, role: "LEAD", status: "ACTIVE", user: { erasedAt: null } },
      select: { userId: true },
    });
    expect(told.sort()).toEqual(leads.map((m) => m.userId).sort());
    expect(told).toContain(leadA.userId);
    expect(told).not.toContain(cast.viewers.leadB.userId);
    expect(told).not.toContain(cast.viewers.staffA.userId);
  });

  it("a refused reply queues no notification", async () => {
    const { token } = await concernWithToken({ responded: false });
    const before = await db.notification.count({ where: { kind: "concern.reply" } });
    await expect(
      replyToConcern(cast.viewers.anonymous, { kind: "token", token }, { answered: "NO", reply: "" }, { ip: ip() }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await db.notification.count({ where: { kind: "concern.reply" } })).toBe(before);
  });
});

describe("what a reply does to triage", () => {
  it("a reply keeps a closed concern's status but puts it in the open list as 'reply waiting', until the team responds again", async () => {
    // Its own organisation, so that the open list filtered to it is this concern or nothing.
    const org = await createOrganisation(cast.collaborativeA.id);
    const { concern, token } = await concernWithToken({
      status: "CLOSED",
      closedAt: new Date(),
      organisationId: org.id,
    });
    const open = async () =>
      (await getTriageQueue(leadA, "wessex", filters({ organisation: org.id }))).rows.find((r) => r.id === concern.id);
    expect(await open()).toBeUndefined();
    const { version } = await db.concern.findUniqueOrThrow({ where: { id: concern.id } });
    await replyToConcern(
      cast.viewers.anonymous,
      { kind: "token", token },
      { answered: "PARTLY", reply: "" },
      { ip: ip() },
    );
    const after = await db.concern.findUniqueOrThrow({ where: { id: concern.id } });
    expect(after.status).toBe("CLOSED");
    // Not versioned: a lead's open form on the concern is not made a conflict by the reporter's reply.
    expect(after.version).toBe(version);
    expect(await open()).toMatchObject({ replyWaiting: true, status: "CLOSED" });
    const waiting = await getTriageQueue(leadA, "wessex", filters({ status: "reply" }));
    expect(waiting.rows.map((r) => r.id)).toContain(concern.id);
    expect(waiting.replyWaitingCount).toBeGreaterThanOrEqual(1);

    await respondToConcern(leadA, { concernId: concern.id, response: "Thank you: we will apologise in person." });
    expect((await db.concern.findUniqueOrThrow({ where: { id: concern.id } })).replyWaitingAt).toBeNull();
    expect(await open()).toBeUndefined();
  });
});

describe("the actions", () => {
  it("the reply through the tracking link needs no account and lands on the thanks banner of that tracking page", async () => {
    const { concern, token } = await concernWithToken();
    const outcome = await callAction(
      "concerns.replyByTrackingLinkAction",
      toFormData({ token, answered: "YES", reply: "Thank you." }),
      cast.viewers.anonymous,
    );
    expect(outcome).toEqual({ kind: "redirect", to: `/concerns/track/${token}?done=reply-sent#done` });
    expect(await db.concernReply.count({ where: { concernId: concern.id } })).toBe(1);
  });

  it("a reply with neither an answer nor words is refused beside the question", async () => {
    const { token } = await concernWithToken();
    const outcome = await callAction(
      "concerns.replyByTrackingLinkAction",
      toFormData({ token, reply: "  " }),
      cast.viewers.anonymous,
    );
    expect(outcome.kind === "state" && outcome.state.fieldErrors?.answered).toBe(
      "Select whether our response answered your concern, or write a reply",
    );
  });

  it("a triage action lands back on the concern with its result banner (?done=…#done)", async () => {
    const concern = await createConcern(cast.collaborativeA.id);
    const outcome = await callAction(
      "concerns.changeStatusAction",
      toFormData({ concernId: concern.id, version: "1", status: "ACKNOWLEDGED", reason: "", outcome: "" }),
      leadA,
    );
    expect(outcome).toEqual({
      kind: "redirect",
      to: `/collaboratives/wessex/concerns/${concern.id}?done=concern-status-acknowledged#done`,
    });
  });

  it("previewing a response saves nothing and shows the text as typed; publishing saves it", async () => {
    const concern = await createConcern(cast.collaborativeA.id);
    const text = "Thank you for telling us.\nWe have changed the rota.";
    const preview = await callAction(
      "concerns.respondAction",
      toFormData({ concernId: concern.id, response: text, intent: "preview" }),
      leadA,
    );
    expect(preview.kind === "state" && preview.state.data?.preview).toBe(text);
    expect(await db.concernResponse.count({ where: { concernId: concern.id } })).toBe(0);
    // Only the concern's leads may preview a response to it.
    const outsider = await callAction(
      "concerns.respondAction",
      toFormData({ concernId: concern.id, response: text, intent: "preview" }),
      cast.viewers.leadB,
    );
    expect(outsider.kind === "state" && outsider.state.data?.preview).toBeFalsy();
    const published = await callAction(
      "concerns.respondAction",
      toFormData({ concernId: concern.id, response: text, intent: "publish" }),
      leadA,
    );
    expect(published.kind).toBe("redirect");
    expect((await db.concernResponse.findFirstOrThrow({ where: { concernId: concern.id } })).body).toBe(text);
  });
});

describe("dashboards: did the response answer the concern? (counts only)", () => {
  // February 2016 in A: nothing else in the test run is there.
  const at = (day: number) => new Date(Date.UTC(2016, 1, day, 12));
  const period = async (extra: Record<string, string> = {}, fixed?: string) =>
    parseDashboardFilters({ from: "2016-02", to: "2016-02", ...extra }, knownValues(await getDashboardReference()), {
      fixedCollaborative: fixed,
    }).filters;
  const words = `Words ${randomUUID()}`;

  beforeAll(async () => {
    const rate = async (token: string, answered: "YES" | "PARTLY" | "NO" | undefined, reply = "") =>
      replyToConcern(cast.viewers.anonymous, { kind: "token", token }, { answered, reply }, { ip: ip() });
    // Answered yes, then changed their mind: the latest answer (no) counts.
    const changed = await concernWithToken({ receivedAt: at(2) });
    await rate(changed.token, "YES", words);
    await new Promise((r) => setTimeout(r, 5));
    await rate(changed.token, "NO");
    await rate((await concernWithToken({ receivedAt: at(3) })).token, "PARTLY");
    // Responded, not rated (nothing, or words only).
    await concernWithToken({ receivedAt: at(4) });
    await rate((await concernWithToken({ receivedAt: at(9) })).token, undefined, words);
    // Not responded: a response only previewed (a draft the lead never published) does not count.
    const previewed = await createConcern(cast.collaborativeA.id, { receivedAt: at(10) });
    await callAction(
      "concerns.respondAction",
      toFormData({ concernId: previewed.id, response: "A draft.", intent: "preview" }),
      leadA,
    );
    // Held as possibly automated: in no figure, whatever is attached to it.
    const held = await concernWithToken({ receivedAt: at(11), held: true });
    await db.concernReply.create({ data: { concernId: held.concern.id, answered: "YES", body: "" } });
    // Another collaborative's answer: only in the national figures.
    await rate((await concernWithToken({ receivedAt: at(12), collaborativeId: cast.collaborativeB.id })).token, "YES");
    await refreshDashboardSummaries({ force: true });
  });

  it("the collaborative dashboard counts its reporters' latest answers, excluding held concerns and unpublished (previewed) responses", async () => {
    const concerns = await getConcerns(leadA, { kind: "collaborative", slug: "wessex" }, await period({}, "wessex"));
    expect(concerns).toMatchObject({
      received: 5,
      responded: 4,
      answeredYes: 0,
      answeredPartly: 1,
      answeredNo: 1,
      notAnswered: 2,
    });
  });

  it("the national dashboard counts every collaborative's answers, as numbers only (no reply text)", async () => {
    const concerns = await getConcerns(cast.viewers.national, { kind: "national" }, await period());
    expect(concerns).toMatchObject({ responded: 5, answeredYes: 1, answeredPartly: 1, answeredNo: 1, notAnswered: 2 });
    expect(JSON.stringify(concerns)).not.toContain(words);
    const csv = await dashboardCsv(cast.viewers.national, { kind: "national" }, "concerns", await period());
    expect(csv.body.split("\r\n")[0]).toContain(
      "responded,response_answered_yes,response_answered_partly,response_answered_no,response_not_rated",
    );
    expect(csv.body).not.toContain(words);
  });

  it("another collaborative's lead cannot see A's counts; the national team can", async () => {
    await expect(
      getConcerns(cast.viewers.leadB, { kind: "collaborative", slug: "wessex" }, await period({}, "wessex")),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      getConcerns(cast.viewers.staffA, { kind: "collaborative", slug: "wessex" }, await period({}, "wessex")),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
