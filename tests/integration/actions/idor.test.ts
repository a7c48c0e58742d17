// IDOR sweep through the real server actions: for every action that takes the id of something in a
// collaborative, a valid submission about collaborative B's rows is sent by each role of collaborative A
// (staff, lead, patient, a pending member) and by someone signed out. Every one must be refused with a
// message (or the not-found page), never accepted, and every table must be exactly as it was.
// The national team and administrators reach every collaborative by design and are not part of this.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${28000 + Math.floor(Math.random() * 900)}`;
});
vi.mock("@/lib/auth/viewer", async () => (await import("@/tests/fixtures/request-context")).viewerModule);
vi.mock("next/headers", async () => (await import("@/tests/fixtures/request-context")).headersModule);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

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

const ROLES = ["staffA", "leadA", "patientA", "pendingA", "anonymous"] as const;
const looksLikeId = (value: string) => /^c[a-z0-9]{20,}$/.test(value);

let worlds: Awaited<ReturnType<typeof createWorlds>>;
let roles: Record<(typeof ROLES)[number], Viewer>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  mailbox = await startMailbox();
  worlds = await createWorlds();
  const pending = await createUser({ memberships: { wessex: "STAFF" }, pending: true });
  roles = {
    staffA: worlds.A.staff,
    leadA: worlds.A.lead,
    patientA: worlds.A.patient,
    pendingA: pending.viewer,
    anonymous: ANONYMOUS,
  };
}, 120_000);

afterAll(async () => {
  await mailbox?.stop();
  await worlds?.restore();
});

describe("IDOR sweep: collaborative A's people cannot act on collaborative B's rows through any server action", () => {
  it("every action is in the sweep, or says why not and names every id it takes", async () => {
    const unexplained: string[] = [];
    for (const name of Object.keys(allActions)) {
      const spec = specs[name];
      if (!spec) unexplained.push(`${name}: no spec`);
      else if (spec.idor !== "sweep") {
        const { form } = await spec.build(worlds.B);
        const idFields = Object.entries(form)
          .filter(([, v]) => [v].flat().some(looksLikeId))
          .map(([k]) => k);
        const undeclared = idFields.filter((f) => !(spec.idor as { ids?: string[] }).ids?.includes(f));
        if (undeclared.length) unexplained.push(`${name} takes ${undeclared.join(", ")} but is not in the sweep`);
      }
    }
    expect(unexplained).toEqual([]);
  }, 120_000);

  for (const [name, spec] of Object.entries(specs)) {
    if (spec.idor !== "sweep") continue;
    it(`${name} refuses every role of A on B's rows, and writes nothing`, async () => {
      // One set of B's rows for every role: each refusal is checked to have changed nothing.
      const { form } = await spec.build(worlds.B);
      for (const role of ROLES) {
        const before = await fingerprint();
        const outcome = await callAction(name, toFormData(form), roles[role]);
        const after = await fingerprint();
        const context = `${name} as ${role}: ${describeOutcome(outcome)}`;
        // Refused with the policy's answer (not found / no permission), or the not-found page for the
        // buttons without form state; a redirect or a void return means the action went through.
        if (outcome.kind === "state") {
          expect(outcome.state.ok, context).toBe(false);
          expect(outcome.state.message ?? "", context).toMatch(/^(We could not find|You do not have permission)/);
        } else {
          expect(outcome.kind, context).toBe("not-found");
        }
        expect(changedTables(before, after), context).toEqual([]);
      }
    }, 60_000);
  }
});
