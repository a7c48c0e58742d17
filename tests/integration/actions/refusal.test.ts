// Every server action asks the permission table, and obeys its answer. The authorization matrix checks
// the table's rules; this checks that each action consults them. For every action: a valid submission by
// someone allowed, with the policy's questions recorded (which permission, about what); from those
// answers, the closest person the table refuses (a lead of the same collaborative before a signed-in
// stranger before someone signed out); then a fresh valid submission by that person must be refused,
// the table must have said no during it, and every table must be unchanged. Actions the table opens to
// everyone are listed, with why, so a new one is a decision rather than an accident.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const asked = vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${28000 + Math.floor(Math.random() * 900)}`;
  return [] as { action: string; resource: object; allowed: boolean }[];
});
vi.mock("@/lib/auth/viewer", async () => (await import("@/tests/fixtures/request-context")).viewerModule);
vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));
// The real policy, recording every question put to it and its answer.
vi.mock("@/lib/auth/policy", async (importOriginal) => {
  const policy = await importOriginal<typeof import("@/lib/auth/policy")>();
  return {
    ...policy,
    can: (viewer: Viewer, action: Action, resource: Resource = {}) => {
      const allowed = policy.can(viewer, action, resource);
      asked.push({ action, resource, allowed });
      return allowed;
    },
    authorize: (viewer: Viewer, action: Action, resource: Resource = {}) => {
      asked.push({ action, resource, allowed: policy.can(viewer, action, resource) });
      policy.authorize(viewer, action, resource);
    },
  };
});

import type { Action, Resource } from "@/lib/auth/policy";
import { permissions } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer-types";
import {
  allActions,
  callAction,
  changedTables,
  describeOutcome,
  fingerprint,
  toFormData,
} from "@/tests/fixtures/action-harness";
import { specs } from "@/tests/fixtures/action-specs";
import { createWorlds } from "@/tests/fixtures/action-worlds";
import { ANONYMOUS, createUser } from "@/tests/fixtures/factories";
import { startMailbox } from "@/tests/fixtures/accounts";

/** Open to everyone by the table: no viewer it refuses. Why, for each. */
const OPEN: Record<string, string> = {
  "accounts.signInAction": "signing in is open to anyone (throttling guards it)",
  "accounts.requestPasswordResetAction": "recovering an account is open to anyone",
  "accounts.resetPasswordAction": "the secret link token is the proof",
  "accounts.requestEmailSignInLinkAction": "signing in is open to anyone",
  "accounts.registerPatientAction": "registering is open to anyone",
  "accounts.registerStaffAction": "registering is open to anyone (a lead approves)",
  "accounts.acceptInvitationWithNewAccountAction": "the secret link token sent to the invitee is the proof",
  "accounts.signOutAction": "anyone may sign out",
  "concerns.submitConcernAction": "anyone may raise a concern",
  "concerns.trackLookupAction": "whoever holds the private tracking link may follow the concern",
  "concerns.requestNewLinkAction": "anyone may ask; the link goes only to the address given with the concern",
  "concerns.replyByTrackingLinkAction":
    "whoever holds the private tracking link may reply to that concern (the token finds it alone)",
  "notifications.unsubscribeAction": "the signed token in the email (an HMAC over person and kind) is the proof",
};

let worlds: Awaited<ReturnType<typeof createWorlds>>;
let people: [string, Viewer][];
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  mailbox = await startMailbox();
  worlds = await createWorlds();
  const stranger = await createUser();
  const { A, B } = worlds;
  // The closest to being allowed first: a refusal of someone who nearly may is the sharper test.
  people = [
    ["A's lead", A.lead],
    ["A's staff", A.staff],
    ["the national team", A.national],
    ["an administrator", A.admin],
    ["B's lead", B.lead],
    ["B's staff", B.staff],
    ["A's patient", A.patient],
    ["a signed-in person with no role", stranger.viewer],
    ["someone signed out", ANONYMOUS],
  ];
}, 120_000);

afterAll(async () => {
  await mailbox?.stop();
  await worlds?.restore();
});

/** The first person the table refuses for one of the questions the action asked. */
function refusedPerson(questions: typeof asked): { who: string; viewer: Viewer; because: string } | null {
  for (const [who, viewer] of people) {
    const no = questions.find((q) => !permissions[q.action as Action](viewer, q.resource as Resource));
    if (no) return { who, viewer, because: no.action };
  }
  return null;
}

describe("every action asks the permission table and obeys a refusal", () => {
  it("lists every action, open ones with a reason", () => {
    expect(Object.keys(allActions).filter((name) => !specs[name])).toEqual([]);
    expect(Object.keys(OPEN).filter((name) => !allActions[name])).toEqual([]);
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: refused, with nothing written, for someone the table refuses`, async () => {
      // Allowed: what the action asks the table, about what.
      const allowed = await spec.build(worlds.A);
      asked.length = 0;
      const outcome = await callAction(name, toFormData(allowed.form), allowed.viewer);
      const questions = [...asked];
      const refused = refusedPerson(questions);
      if (OPEN[name]) {
        expect(
          refused,
          `${name} is listed as open but the table refuses someone: ${refused?.who} (${refused?.because})`,
        ).toBeNull();
        return;
      }
      expect(
        questions.length,
        `${name} asked the permission table nothing (${describeOutcome(outcome)})`,
      ).toBeGreaterThan(0);
      expect(
        refused,
        `${name} asked only ${[...new Set(questions.map((q) => q.action))].join(", ")}, which refuse nobody: list it in OPEN with why`,
      ).not.toBeNull();

      // Refused: a fresh valid submission by that person.
      const { form } = await spec.build(worlds.A);
      const before = await fingerprint();
      asked.length = 0;
      const answer = await callAction(name, toFormData(form), refused!.viewer);
      const after = await fingerprint();
      const context = `${name} as ${refused!.who} (refused ${refused!.because}): ${describeOutcome(answer)}`;
      if (answer.kind === "state") {
        expect(answer.state.ok, context).toBe(false);
        expect(answer.state.message ?? "", context).toMatch(/^(We could not find|You do not have permission)/);
      } else if (answer.kind === "redirect") {
        // Someone signed out is sent to sign in.
        expect(answer.to, context).toMatch(/^\/sign-in\b/);
      } else {
        expect(answer.kind, context).toBe("not-found");
      }
      // The refusal came from the table: it answered no during the call (a redirect to sign in comes first).
      if (answer.kind !== "redirect")
        expect(
          asked.some((q) => !q.allowed),
          context,
        ).toBe(true);
      expect(changedTables(before, after), context).toEqual([]);
    }, 60_000);
  }
});
