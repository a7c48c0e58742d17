import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, type Viewer } from "@/lib/auth/policy";
import { DomainError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation, isUniqueViolationOf } from "@/lib/db-errors";
import { changedFields, EditConflictError } from "@/lib/forms/conflict";
import { ORGANISATION_TYPE_LABELS } from "./organisation-types";
import type { CreateOrganisationInput, UpdateOrganisationInput } from "./schemas";

const DUPLICATE_NAME = "An organisation with this name is already a member of this collaborative";

/** The same ODS code twice in one collaborative is almost always a typing slip: say which organisation has it. */
async function assertOdsCodeFree(tx: Tx, collaborativeId: string, odsCode: string | null, exceptId?: string) {
  if (!odsCode) return;
  const other = await tx.organisation.findFirst({
    where: { collaborativeId, odsCode, id: exceptId ? { not: exceptId } : undefined },
    select: { name: true },
  });
  if (other)
    throw new DomainError("Check the ODS code.", { odsCode: `ODS code ${odsCode} is already used by ${other.name}` });
}

/** A name or an ODS code taken at the same moment by another save: the same messages as the checks beforehand. */
async function duplicateError(error: unknown, collaborativeId: string, odsCode: string | null): Promise<unknown> {
  if (isUniqueViolationOf(error, "Organisation_collaborativeId_odsCode_key")) {
    return (
      (await assertOdsCodeFree(db, collaborativeId, odsCode).then(
        () => null,
        (e: unknown) => e,
      )) ?? error
    );
  }
  if (isUniqueViolation(error)) return new DomainError(DUPLICATE_NAME, { name: DUPLICATE_NAME });
  return error;
}

export async function createOrganisation(viewer: Viewer, input: CreateOrganisationInput) {
  authorize(viewer, "organisation.manage", { collaborativeId: input.collaborativeId });
  try {
    return await db.$transaction(async (tx) => {
      await assertOdsCodeFree(tx, input.collaborativeId, input.odsCode);
      const organisation = await tx.organisation.create({
        data: { collaborativeId: input.collaborativeId, name: input.name, type: input.type, odsCode: input.odsCode },
        select: { id: true, name: true },
      });
      await recordAudit(tx, {
        action: "organisation.created",
        subjectType: "Organisation",
        subjectId: organisation.id,
        actorId: viewer.userId,
        collaborativeId: input.collaborativeId,
        details: { type: input.type, odsCode: input.odsCode },
      });
      return organisation;
    });
  } catch (error) {
    throw await duplicateError(error, input.collaborativeId, input.odsCode);
  }
}

const EDITABLE_LABELS = { name: "Name", type: "Type", odsCode: "ODS code", active: "Still a member" };

function comparable(o: {
  name: string;
  type: string;
  odsCode: string | null;
  active: boolean;
}): Record<string, string> {
  return {
    name: o.name,
    type: ORGANISATION_TYPE_LABELS[o.type as keyof typeof ORGANISATION_TYPE_LABELS] ?? o.type,
    odsCode: o.odsCode ?? "",
    active: o.active ? "Yes" : "No",
  };
}

/**
 * Renames, retypes or retires an organisation (retired ones stay linked to past projects and
 * concerns but are no longer offered in forms). A stale version shows what the other person changed.
 */
export async function updateOrganisation(viewer: Viewer, input: UpdateOrganisationInput) {
  const existing = await db.organisation.findUnique({
    where: { id: input.organisationId },
    select: { collaborativeId: true },
  });
  // Another collaborative's organisation: not found, so that its existence is not revealed.
  if (!existing || existing.collaborativeId !== input.collaborativeId) throw new NotFoundError();
  authorize(viewer, "organisation.manage", { collaborativeId: existing.collaborativeId });
  try {
    await db.$transaction(async (tx) => {
      await assertOdsCodeFree(tx, existing.collaborativeId, input.odsCode, input.organisationId);
      const { count } = await tx.organisation.updateMany({
        where: { id: input.organisationId, version: input.version },
        data: {
          name: input.name,
          type: input.type,
          odsCode: input.odsCode,
          active: input.active,
          version: { increment: 1 },
        },
      });
      if (count === 0) {
        const current = await tx.organisation.findUniqueOrThrow({
          where: { id: input.organisationId },
          select: { name: true, type: true, odsCode: true, active: true, version: true },
        });
        throw new EditConflictError({
          version: current.version,
          changes: changedFields(EDITABLE_LABELS, comparable(current), comparable(input)),
        });
      }
      await recordAudit(tx, {
        action: "organisation.updated",
        subjectType: "Organisation",
        subjectId: input.organisationId,
        actorId: viewer.userId,
        collaborativeId: existing.collaborativeId,
        details: { type: input.type, odsCode: input.odsCode, active: input.active },
      });
    });
  } catch (error) {
    throw await duplicateError(error, existing.collaborativeId, input.odsCode);
  }
}
