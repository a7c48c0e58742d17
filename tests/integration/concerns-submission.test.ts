// Raising a concern: saved with its first status entry, never lost or duplicated, routed only to a
// collaborative the person confirmed, contact details encrypted at rest, throttled per address.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/auth/viewer-types";
import { DomainError, ForbiddenError, NotFoundError, RateLimitError } from "@/lib/errors";
import { ConcernThrottledError, concernSubmissionLimit } from "@/lib/concerns/mutations";
import { getConcernByTrackingToken, getMyConcern, listMyConcerns, referenceMatchesToken } from "@/lib/concerns/queries";
import { decryptContact } from "@/lib/concerns/contact-crypto";
import { hashTrackingToken } from "@/lib/concerns/tracking-token";
import { collaborative, createOrganisation, createUser } from "@/tests/fixtures/factories";
import { concernForm, submit, submitOrThrow } from "@/tests/fixtures/concerns";

const countConcerns = () => db.concern.count();

async function expectDomainError(promise: Promise<unknown>, field?: string): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  if (field) expect(Object.keys((error as DomainError).fieldErrors)).toContain(field);
  return error as DomainError;
}

describe("submitting a concern", () => {
  it("saves it with its first status entry and gives a reference and a working tracking token", async () => {
    const result = await submitOrThrow();
    expect(result.reference).toMatch(/^PSC-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
    expect(result.duplicate).toBe(false);
    const row = await db.concern.findUniqueOrThrow({
      where: { reference: result.reference },
      include: { statusChanges: true, collaborative: true },
    });
    expect(row.collaborative.slug).toBe("wessex");
    expect(row.status).toBe("RECEIVED");
    expect(row.postcodeArea).toBe("SO"); // the area only, never the full postcode
    expect(row.statusChanges).toMatchObject([{ fromStatus: null, toStatus: "RECEIVED" }]);
    expect(row.trackingTokenHash).toBe(hashTrackingToken(result.token));
    const view = await getConcernByTrackingToken(ANONYMOUS, result.token);
    expect(view).toMatchObject({
      reference: result.reference,
      status: "RECEIVED",
      collaborativeName: "Wessex Patient Safety Collaborative",
    });
    expect(await referenceMatchesToken(ANONYMOUS, result.reference.toLowerCase(), result.token)).toBe(true);
  });

  it("stores the tracking token only as a hash: the token itself is nowhere in the row", async () => {
    const result = await submitOrThrow();
    const [raw] = await db.$queryRaw<
      Record<string, unknown>[]
    >`SELECT * FROM "Concern" WHERE reference = ${result.reference}`;
    expect(JSON.stringify(raw)).not.toContain(result.token);
    expect(await getConcernByTrackingToken(ANONYMOUS, "x".repeat(43))).toBeNull();
    expect(await referenceMatchesToken(ANONYMOUS, "PSC-2222-2222", result.token)).toBe(false);
  });

  it("encrypts contact details: the database column holds no plaintext", async () => {
    const contact = {
      contactPreference: "contact",
      contactName: "Harriet Blake",
      contactEmail: "harriet.blake@example.com",
      contactPhone: "07700 900982",
    };
    const result = await submitOrThrow(concernForm(contact));
    const [raw] = await db.$queryRaw<{ contactEncrypted: string; contactConsent: boolean }[]>`
      SELECT "contactEncrypted", "contactConsent" FROM "Concern" WHERE reference = ${result.reference}`;
    expect(raw!.contactConsent).toBe(true);
    expect(raw!.contactEncrypted).toMatch(/^v1\./);
    for (const plain of ["Harriet", "Blake", "harriet.blake", "example.com", "07700", "900982"])
      expect(raw!.contactEncrypted).not.toContain(plain);
    expect(Buffer.from(raw!.contactEncrypted.split(".")[3]!, "base64url").toString("latin1")).not.toContain("Harriet");
    expect(decryptContact(raw!.contactEncrypted)).toEqual({
      name: "Harriet Blake",
      email: "harriet.blake@example.com",
      phone: "07700 900982",
    });
  });

  it("keeps nothing of contact details typed by someone who chose to stay anonymous", async () => {
    const result = await submitOrThrow(
      concernForm({ contactPreference: "anonymous", contactEmail: "typed.anyway@example.com" }),
    );
    const row = await db.concern.findUniqueOrThrow({ where: { reference: result.reference } });
    expect(row.contactEncrypted).toBeNull();
    expect(row.contactConsent).toBe(false);
  });

  it("stores HTML and scripts as the text that was typed", async () => {
    const text = `<script>alert("x")</script><b>bold</b> & "quotes"`;
    const result = await submitOrThrow(concernForm({ whatHappened: text }));
    expect((await db.concern.findUniqueOrThrow({ where: { reference: result.reference } })).whatHappened).toBe(text);
  });
});

describe("never lost, never duplicated", () => {
  it("returns the first submission when the same form is sent again (retry after a lost response)", async () => {
    const form = concernForm();
    const first = await submitOrThrow(form);
    const again = await submitOrThrow({ ...form, whatHappened: "Edited and sent again" });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await db.concern.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });

  it("saves one concern when a double click sends the same form ten times at once", async () => {
    const form = concernForm();
    const before = await countConcerns();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitOrThrow(form)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(new Set(results.map((r) => r.token)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate).length).toBeLessThanOrEqual(1);
    expect(await countConcerns()).toBe(before + 1);
    const row = await db.concern.findUniqueOrThrow({
      where: { idempotencyKey: form.idempotencyKey },
      include: { statusChanges: true },
    });
    expect(row.statusChanges).toHaveLength(1);
  });

  it("saves every one of many different concerns sent at once, each with its own reference", async () => {
    const forms = Array.from({ length: 40 }, () => concernForm());
    const results = await Promise.all(forms.map((f) => submitOrThrow(f)));
    const stored = await db.concern.findMany({
      where: { reference: { in: results.map((r) => r.reference) } },
      include: { _count: { select: { statusChanges: true } } },
    });
    expect(stored).toHaveLength(40);
    expect(stored.every((c) => c._count.statusChanges === 1)).toBe(true);
  });
});

describe("routing to the right collaborative", () => {
  it("asks the person to confirm the usual collaborative for a postcode, and saves nothing until they do", async () => {
    const before = await countConcerns();
    const outcome = await submit(concernForm({ postcode: "so16", collaborative: "" }));
    expect(outcome).toEqual({
      kind: "confirm",
      reason: "postcode",
      suggested: "wessex",
      options: ["wessex"],
      postcodeArea: "SO",
      place: "Southampton",
    });
    expect(await countConcerns()).toBe(before);
  });

  it("offers each possible collaborative when the postcode area crosses a boundary, and goes where the person chose", async () => {
    const question = await submit(concernForm({ postcode: "RG1 1AA", collaborative: "" }));
    expect(question).toMatchObject({ kind: "confirm", suggested: "oxford", options: ["oxford", "wessex"] });
    const saved = await submitOrThrow(concernForm({ postcode: "RG1 1AA", collaborative: "wessex" }));
    expect(
      (await db.concern.findUniqueOrThrow({ where: { reference: saved.reference }, include: { collaborative: true } }))
        .collaborative.slug,
    ).toBe("wessex");
  });

  it("does not accept a collaborative the postcode's question did not offer", async () => {
    const outcome = await submit(concernForm({ postcode: "SO16", collaborative: "north-west-coast" }));
    expect(outcome.kind).toBe("confirm");
  });

  it("routes by a member organisation chosen from the list, linking the organisation", async () => {
    const oxford = await collaborative("oxford");
    const organisation = await createOrganisation(oxford.id, `Test Hospital ${randomUUID().slice(0, 6)}`);
    const saved = await submitOrThrow(
      concernForm({ postcode: "", collaborative: "", organisationText: organisation.name.toUpperCase() }),
    );
    const row = await db.concern.findUniqueOrThrow({ where: { reference: saved.reference } });
    expect(row.collaborativeId).toBe(oxford.id);
    expect(row.organisationId).toBe(organisation.id);
  });

  it("asks when the organisation and the postcode disagree", async () => {
    const oxford = await collaborative("oxford");
    const organisation = await createOrganisation(oxford.id);
    const outcome = await submit(
      concernForm({ postcode: "SO16", collaborative: "", organisationText: organisation.name }),
    );
    expect(outcome).toMatchObject({
      kind: "confirm",
      reason: "conflict",
      suggested: "oxford",
      options: ["oxford", "wessex"],
    });
  });

  it("routes by the part of England chosen when there is no postcode, keeping free-text organisation names", async () => {
    const saved = await submitOrThrow(
      concernForm({
        postcode: "",
        collaborative: "",
        region: "south-west",
        organisationText: "The walk-in centre by the harbour",
      }),
    );
    const row = await db.concern.findUniqueOrThrow({
      where: { reference: saved.reference },
      include: { collaborative: true },
    });
    expect(row.collaborative.slug).toBe("south-west");
    expect(row.organisationText).toBe("The walk-in centre by the harbour");
    expect(row.organisationId).toBeNull();
  });

  it("explains what is missing or wrong about where it happened", async () => {
    await expectDomainError(submit(concernForm({ postcode: "", collaborative: "" })), "postcode");
    await expectDomainError(submit(concernForm({ postcode: "Hampshire", collaborative: "" })), "postcode");
    await expectDomainError(submit(concernForm({ postcode: "CF10 1AA", collaborative: "" })), "postcode"); // Cardiff: not England
    await expectDomainError(submit(concernForm({ postcode: "", collaborative: "", region: "atlantis" })), "region");
  });
});

describe("bad input", () => {
  it("keeps a submission whose hidden field is filled in, held for a lead (tests/integration/concerns-held.test.ts)", async () => {
    const before = await countConcerns();
    const result = await submitOrThrow(concernForm({ website: "http://spam.example" }));
    expect(await db.concern.findUniqueOrThrow({ where: { reference: result.reference } })).toMatchObject({
      heldAt: expect.any(Date),
    });
    expect(await countConcerns()).toBe(before + 1);
  });

  it("rejects areas and stages that are not on the form", async () => {
    await expectDomainError(submit(concernForm({ priorityArea: "not-an-area" })), "priorityArea");
    await expectDomainError(submit(concernForm({ pathwayStage: "not-a-stage" })), "pathwayStage");
  });

  it("accepts 'something else' and 'not sure' as no area and no stage", async () => {
    const saved = await submitOrThrow(concernForm({ priorityArea: "something-else", pathwayStage: "not-sure" }));
    expect(await db.concern.findUniqueOrThrow({ where: { reference: saved.reference } })).toMatchObject({
      priorityAreaId: null,
      pathwayStageId: null,
    });
  });
});

describe("throttling per address", () => {
  it("stops the 11th submission in 15 minutes from one address, with a clear wait, and saves nothing", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
    for (let i = 0; i < concernSubmissionLimit(ip).limit; i += 1) await submitOrThrow(concernForm(), { ip });
    const form = concernForm();
    const error = await submit(form, { ip }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcernThrottledError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(
      /try again in \d+ minutes?\. Nothing has been sent yet, and what you wrote is still here\./,
    );
    expect(await db.concern.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(0);
    const bucket = await db.rateLimitBucket.findFirstOrThrow({ where: { key: concernSubmissionLimit(ip).key } });
    expect(bucket.count).toBe(11);
  });

  it("does not hold up other addresses", async () => {
    const busy = `busy-${randomUUID()}`;
    for (let i = 0; i < 11; i += 1) await submit(concernForm(), { ip: busy }).catch(() => undefined);
    await expect(submitOrThrow(concernForm(), { ip: `other-${randomUUID()}` })).resolves.toMatchObject({
      kind: "submitted",
    });
  });

  it("still answers a retry of an accepted submission from a throttled address", async () => {
    const ip = `retry-${randomUUID()}`;
    const form = concernForm();
    const first = await submitOrThrow(form, { ip });
    for (let i = 0; i < 10; i += 1) await submit(concernForm(), { ip }).catch(() => undefined);
    await expect(submitOrThrow(form, { ip })).resolves.toEqual({ ...first, duplicate: true });
  });
});

describe("registered reporters: My concerns", () => {
  let patient: Awaited<ReturnType<typeof createUser>>;
  let other: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    patient = await createUser({ memberships: { wessex: "PATIENT" } });
    other = await createUser({ memberships: { wessex: "PATIENT" } });
  });

  it("lists concerns raised while signed in, and only to the person who raised them", async () => {
    const mine = await submitOrThrow(concernForm({ linkToAccount: "yes" }), { viewer: patient.viewer });
    const list = await listMyConcerns(patient.viewer);
    expect(list.map((c) => c.reference)).toContain(mine.reference);
    expect((await listMyConcerns(other.viewer)).map((c) => c.reference)).not.toContain(mine.reference);
    const id = list.find((c) => c.reference === mine.reference)!.id;
    await expect(getMyConcern(patient.viewer, id)).resolves.toMatchObject({ reference: mine.reference });
    await expect(getMyConcern(other.viewer, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyConcern(ANONYMOUS, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("does not link the account when the person unticks the box", async () => {
    const unlinked = await submitOrThrow(concernForm(), { viewer: patient.viewer });
    expect((await db.concern.findUniqueOrThrow({ where: { reference: unlinked.reference } })).reporterId).toBeNull();
  });

  it("refuses My concerns to someone not signed in", async () => {
    await expect(listMyConcerns(ANONYMOUS)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
