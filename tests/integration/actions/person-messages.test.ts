// Every message a person can see is written for a person (issue 14, finding 8): each server action gets
// its valid submission with one field missing, emptied, replaced by "NaN" or by a file, and whatever it
// answers must not be a validator's developer text ("Invalid input: expected string, received undefined").
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

import {
  allActions,
  callAction,
  describeOutcome,
  toFormData,
  type Form,
  type Outcome,
} from "@/tests/fixtures/action-harness";
import { specs, type Submission } from "@/tests/fixtures/action-specs";
import { createWorlds } from "@/tests/fixtures/action-worlds";
import { startMailbox } from "@/tests/fixtures/accounts";

const DEVELOPER_SPEAK = /invalid input|expected|received|zod|undefined|NaN/i;

type Tamper = { name: string; apply: (form: Form, field: string) => FormData };
const without = (form: Form, field: string) => {
  const rest = { ...form };
  delete rest[field];
  return rest;
};
const TAMPERS: Tamper[] = [
  { name: "missing", apply: (form, field) => toFormData(without(form, field)) },
  { name: "empty", apply: (form, field) => toFormData({ ...form, [field]: "" }) },
  { name: "NaN", apply: (form, field) => toFormData({ ...form, [field]: "NaN" }) },
  {
    name: "a file",
    apply: (form, field) => {
      const formData = toFormData(without(form, field));
      formData.append(field, new File(["x"], "x.txt", { type: "text/plain" }));
      return formData;
    },
  },
];

/** The texts of a refusal that reach the person: the message and every field's message (a success may echo what was typed). */
function shown(outcome: Outcome): string[] {
  if (outcome.kind !== "state" || outcome.state.ok) return [];
  return [outcome.state.message ?? "", ...Object.values(outcome.state.fieldErrors ?? {})].filter(Boolean);
}

const accepted = (outcome: Outcome) =>
  (outcome.kind === "state" && outcome.state.ok) || outcome.kind === "void" || outcome.kind === "redirect";

let worlds: Awaited<ReturnType<typeof createWorlds>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  mailbox = await startMailbox();
  worlds = await createWorlds();
}, 120_000);

afterAll(async () => {
  await mailbox?.stop();
  await worlds?.restore();
});

describe("a missing or tampered field gets a message written for a person", () => {
  for (const name of Object.keys(allActions)) {
    it(`${name}: no developer text whichever field is missing or of the wrong kind`, async () => {
      const spec = specs[name];
      expect(spec, `no spec for ${name}`).toBeDefined();
      const found: string[] = [];
      let base: Submission = await spec!.build(worlds.A);
      for (const field of Object.keys(base.form)) {
        for (const tamper of TAMPERS) {
          const outcome = await callAction(name, tamper.apply(base.form, field), base.viewer);
          expect(outcome.kind, `${name} with ${field} ${tamper.name}: ${describeOutcome(outcome)}`).not.toBe("threw");
          // Quoting back what was typed ("not “NaN”") is for the person; the rest must be too.
          for (const text of shown(outcome))
            if (DEVELOPER_SPEAK.test(text.replaceAll("“NaN”", "“…”"))) found.push(`${field} ${tamper.name}: ${text}`);
          // An accepted submission used its rows up: the next case starts from fresh ones.
          if (accepted(outcome)) base = await spec!.build(worlds.A);
        }
      }
      expect(found).toEqual([]);
    }, 120_000);
  }
});
