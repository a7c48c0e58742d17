// Member organisations: leads add and manage them; ODS codes are checked; outsiders change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { EditConflictError } from "@/lib/forms/conflict";
import { createOrganisation, updateOrganisation } from "@/lib/collaboratives/mutations";
import { listActiveOrganisations, listOrganisationsForManagement } from "@/lib/collaboratives/queries";
import { createOrganisationSchema, updateOrganisationSchema } from "@/lib/collaboratives/schemas";
import { ANONYMOUS, createCast, createUser, type Cast } from "@/tests/fixtures/factories";
import { concernAbout, createProjectIn, unique } from "@/tests/fixtures/workspaces";

let cast: Cast;
let A: string;
let B: string;
beforeAll(async () => {
  cast = await createCast();
  A = cast.collaborativeA.id;
  B = cast.collaborativeB.id;
});

const form = (overrides: Record<string, string> = {}) =>
  createOrganisationSchema.parse({
    collaborativeId: A,
    name: `Test Practice ${unique()}`,
    type: "GP_PRACTICE",
    odsCode: "",
    ...overrides,
  });

/** A 6-character GP practice code unlikely to clash with other tests. */
const gpCode = () => `J${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}`;

describe("adding an organisation", () => {
  it("stores it with its ODS code tidied, and audits the change", async () => {
    const code = gpCode();
    const input = form({ odsCode: ` ${code.toLowerCase()} ` });
    const created = await createOrganisation(cast.viewers.leadA, input);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      collaborativeId: A,
      type: "GP_PRACTICE",
      odsCode: code,
      active: true,
      version: 1,
    });
    expect(
      await db.auditEvent.findFirst({ where: { action: "organisation.created", subjectId: created.id } }),
    ).toMatchObject({ actorId: cast.viewers.leadA.userId, collaborativeId: A });
    expect((await listActiveOrganisations(ANONYMOUS, A)).map((o) => o.id)).toContain(created.id);
  });

  it("explains an ODS code that does not fit the type (the form's schema)", () => {
    const result = createOrganisationSchema.safeParse({
      collaborativeId: A,
      name: "Somewhere",
      type: "ACUTE_TRUST",
      odsCode: "J82001",
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["odsCode"],
        message: expect.stringContaining("3 characters starting with R or T"),
      }),
    ]);
    expect(
      createOrganisationSchema
        .safeParse({ collaborativeId: A, name: "", type: "NOPE" })
        .error?.issues.map((i) => i.path[0])
        .sort(),
    ).toEqual(["name", "type"]);
  });

  it("refuses a name or an ODS code already in the collaborative, saying which", async () => {
    const code = gpCode();
    const first = await createOrganisation(cast.viewers.leadA, form({ odsCode: code }));
    const name = (await db.organisation.findUniqueOrThrow({ where: { id: first.id } })).name;
    await expect(createOrganisation(cast.viewers.leadA, form({ name }))).rejects.toMatchObject({
      fieldErrors: { name: "An organisation with this name is already a member of this collaborative" },
    });
    await expect(createOrganisation(cast.viewers.leadA, form({ odsCode: code }))).rejects.toMatchObject({
      fieldErrors: { odsCode: `ODS code ${code} is already used by ${name}` },
    });
    expect(await db.organisation.count({ where: { collaborativeId: A, OR: [{ name }, { odsCode: code }] } })).toBe(1);
    // The same name in another collaborative is a different organisation.
    await createOrganisation(
      cast.viewers.leadB,
      createOrganisationSchema.parse({ collaborativeId: B, name, type: "GP_PRACTICE" }),
    );
  });

  it("is for the collaborative's leads and administrators only", async () => {
    const name = `Forbidden ${unique()}`;
    for (const viewer of [
      cast.viewers.staffA,
      cast.viewers.patientA,
      cast.viewers.leadB,
      cast.viewers.national,
      ANONYMOUS,
    ]) {
      await expect(createOrganisation(viewer, form({ name }))).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.organisation.count({ where: { name } })).toBe(0);
    await createOrganisation(cast.viewers.admin, form({ name }));
    expect(await db.organisation.count({ where: { name } })).toBe(1);
  });
});

describe("the leads' list of organisations", () => {
  it("counts each organisation's members, projects and concerns, and nothing of another organisation's", async () => {
    const [counted, empty] = await Promise.all([
      createOrganisation(cast.viewers.leadA, form()),
      createOrganisation(cast.viewers.leadA, form()),
    ]);
    const { user } = await createUser({ memberships: { wessex: "STAFF" } });
    await db.membership.updateMany({ where: { userId: user.id }, data: { organisationId: counted.id } });
    const project = await createProjectIn(A, cast.viewers.staffA.userId!, "PUBLIC");
    await db.projectOrganisation.create({ data: { projectId: project.id, organisationId: counted.id } });
    const concerns = await Promise.all([concernAbout(A, null), concernAbout(A, null)]);
    await db.concern.updateMany({
      where: { id: { in: concerns.map((c) => c.id) } },
      data: { organisationId: counted.id },
    });

    const { organisations } = await listOrganisationsForManagement(cast.viewers.leadA, "wessex");
    expect(organisations.find((o) => o.id === counted.id)).toMatchObject({ members: 1, projects: 1, concerns: 2 });
    expect(organisations.find((o) => o.id === empty.id)).toMatchObject({ members: 0, projects: 0, concerns: 0 });
  });
});

describe("changing an organisation", () => {
  const update = (o: { id: string; name: string; version: number }, overrides: Record<string, string> = {}) =>
    updateOrganisationSchema.parse({
      collaborativeId: A,
      organisationId: o.id,
      version: String(o.version),
      name: o.name,
      type: "GP_PRACTICE",
      odsCode: "",
      active: "true",
      ...overrides,
    });

  it("renames it and retires it; a retired organisation is no longer offered but is still listed for the leads", async () => {
    const created = await createOrganisation(cast.viewers.leadA, form());
    const row = await db.organisation.findUniqueOrThrow({ where: { id: created.id } });
    await updateOrganisation(cast.viewers.leadA, update(row, { name: `${row.name} (merged)`, active: "false" }));
    expect(await db.organisation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      name: `${row.name} (merged)`,
      active: false,
      version: 2,
    });
    expect((await listActiveOrganisations(ANONYMOUS, A)).map((o) => o.id)).not.toContain(row.id);
    const managed = await listOrganisationsForManagement(cast.viewers.leadA, "wessex");
    expect(managed.organisations.find((o) => o.id === row.id)).toMatchObject({ active: false, version: 2 });
  });

  it("shows what someone else changed when two leads save at once, and keeps their change", async () => {
    const created = await createOrganisation(cast.viewers.leadA, form());
    const row = await db.organisation.findUniqueOrThrow({ where: { id: created.id } });
    await updateOrganisation(cast.viewers.leadA, update(row, { name: `${row.name} renamed` }));
    const stale = updateOrganisation(cast.viewers.admin, update(row, { odsCode: gpCode() }));
    await expect(stale).rejects.toBeInstanceOf(EditConflictError);
    await stale.catch((error: EditConflictError) => {
      expect(error.details.version).toBe(2);
      expect(error.details.changes.map((c) => c.field)).toContain("name");
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      name: `${row.name} renamed`,
      odsCode: null,
      version: 2,
    });
  });

  it("treats another collaborative's organisation as not found, and changes nothing", async () => {
    const theirs = await createOrganisation(
      cast.viewers.leadB,
      createOrganisationSchema.parse({ collaborativeId: B, name: `Oxford ${unique()}`, type: "CARE_HOME" }),
    );
    const row = await db.organisation.findUniqueOrThrow({ where: { id: theirs.id } });
    await expect(
      updateOrganisation(cast.viewers.leadA, update(row, { name: "Hijacked", type: "CARE_HOME" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateOrganisation(cast.viewers.leadA, {
        ...update(row, { name: "Hijacked", type: "CARE_HOME" }),
        collaborativeId: B,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      name: row.name,
      version: 1,
    });
    await expect(listOrganisationsForManagement(cast.viewers.leadA, "oxford")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
