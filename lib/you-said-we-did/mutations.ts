// Writes for "You said, we did". Every write checks, in its transaction, that the linked concerns are the
// collaborative's own and that their reporters agreed to a public summary, and that neither summary
// quotes them (quotes.ts); approval checks it all again, since a draft may have waited a while.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, can, type Viewer } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { YouSaidStatus } from "@/lib/generated/prisma/enums";
import { QUOTE_WORDS, findQuotedRun } from "./quotes";
import type { CreateItemInput, ItemStepInput, SendBackInput, UpdateItemInput, WithdrawInput } from "./schemas";

type Summaries = Omit<CreateItemInput, "collaborativeId">;

export const NOT_CONSENTED =
  "Select only concerns whose reporter agreed to a summary being shared publicly. The others cannot be linked";

/** The message beside a summary that repeats a reporter's words. */
export function quoteMessage(run: string): string {
  return `This uses the reporter's own words ("${run}…"). Write it in the team's words: no run of ${QUOTE_WORDS} or more words from what people wrote`;
}

/** Checks what an item links to and says, field by field; the values to store. */
async function checkedLinks(tx: Tx, collaborativeId: string, input: Summaries) {
  const concernIds = [...new Set(input.concernIds)];
  const [concerns, priority, project, measure] = await Promise.all([
    tx.concern.findMany({
      where: { id: { in: concernIds }, collaborativeId, heldAt: null },
      select: { id: true, publicSummaryConsent: true, whatHappened: true, impact: true, whatWouldHaveHelped: true },
    }),
    input.priorityId
      ? tx.priorityArea.findFirst({
          where: { id: input.priorityId, kind: "LOCAL", collaborativeId },
          select: { id: true },
        })
      : null,
    input.projectId
      ? tx.project.findFirst({
          where: { id: input.projectId, collaborativeId, archivedAt: null },
          select: { id: true },
        })
      : null,
    input.measureId
      ? tx.measure.findFirst({
          where: { id: input.measureId, archivedAt: null, projectId: input.projectId ?? "" },
          select: { id: true },
        })
      : null,
  ]);
  const errors: Record<string, string> = {};
  // A concern of another collaborative, a held one or a missing one is refused like one without consent:
  // the form offers none of them, so the message need not tell them apart.
  if (concerns.length !== concernIds.length || concerns.some((c) => c.publicSummaryConsent !== true))
    errors.concernIds = NOT_CONSENTED;
  if (input.priorityId && !priority) errors.priorityId = "Select one of your collaborative's local priorities";
  if (input.projectId && !project) errors.projectId = "Select one of your collaborative's projects";
  if (input.measureId && !input.projectId) errors.measureId = "Select the project the measure belongs to";
  else if (input.measureId && !measure) errors.measureId = "Select a measure of the project you chose";
  const sources = concerns.flatMap((c) => [c.whatHappened, c.impact, c.whatWouldHaveHelped]);
  for (const field of ["youSaid", "weDid"] as const) {
    const run = findQuotedRun(input[field], sources);
    if (run) errors[field] = quoteMessage(run);
  }
  if (Object.keys(errors).length > 0) throw new DomainError("", errors);
  return {
    concernIds,
    data: {
      youSaid: input.youSaid,
      weDid: input.weDid,
      priorityId: input.priorityId,
      projectId: input.projectId,
      measureId: input.measureId,
    },
  };
}

async function requireItem(tx: Tx, viewer: Viewer, itemId: string, action: Parameters<typeof can>[1]) {
  const item = await tx.youSaidWeDid.findUnique({
    where: { id: itemId },
    select: { id: true, collaborativeId: true, authorId: true, status: true, version: true },
  });
  const resource = item && { collaborativeId: item.collaborativeId, ownerId: item.authorId, status: item.status };
  // Someone who may not even read it is told it is not there; a reader who may not do this, forbidden.
  if (!item || !can(viewer, "yousaid.read", resource!)) throw new NotFoundError();
  authorize(viewer, action, resource!);
  return item;
}

/** Moves an item on, only from `from` and only at the version the form was opened with. */
async function step(
  tx: Tx,
  item: { id: string; version: number; status: YouSaidStatus },
  input: ItemStepInput,
  from: YouSaidStatus[],
  data: Record<string, unknown>,
) {
  if (!from.includes(item.status) || item.version !== input.version) throw new ConflictError();
  const done = await tx.youSaidWeDid.updateMany({
    where: { id: item.id, version: input.version, status: { in: from } },
    data: { ...data, version: { increment: 1 } },
  });
  if (done.count === 0) throw new ConflictError();
}

export async function createYouSaidItem(viewer: Viewer, input: CreateItemInput): Promise<{ id: string }> {
  authorize(viewer, "yousaid.write", { collaborativeId: input.collaborativeId });
  return db.$transaction(async (tx) => {
    const { concernIds, data } = await checkedLinks(tx, input.collaborativeId, input);
    const item = await tx.youSaidWeDid.create({
      data: {
        ...data,
        collaborativeId: input.collaborativeId,
        authorId: viewer.userId!,
        concerns: { create: concernIds.map((concernId) => ({ concernId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "yousaid.created",
      subjectType: "YouSaidWeDid",
      subjectId: item.id,
      actorId: viewer.userId,
      collaborativeId: input.collaborativeId,
      details: { concerns: concernIds.length },
    });
    return item;
  });
}

/** A draft (or one sent back) changed by its author. */
export async function updateYouSaidItem(viewer: Viewer, input: UpdateItemInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, input.itemId, "yousaid.edit");
    const { concernIds, data } = await checkedLinks(tx, item.collaborativeId, input);
    await step(tx, item, input, ["DRAFT"], data);
    await tx.youSaidWeDidConcern.deleteMany({ where: { itemId: item.id } });
    await tx.youSaidWeDidConcern.createMany({ data: concernIds.map((concernId) => ({ itemId: item.id, concernId })) });
  });
}

/** The author asks for approval; what it links to and says is checked again first. */
export async function submitYouSaidItem(viewer: Viewer, input: ItemStepInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, input.itemId, "yousaid.edit");
    await recheck(tx, item.id, item.collaborativeId);
    await step(tx, item, input, ["DRAFT"], { status: "AWAITING_APPROVAL", sentBackReason: null });
    await audit(tx, viewer, item, "yousaid.submitted");
  });
}

/** A second lead (not the author) or the national team publishes it. */
export async function approveYouSaidItem(viewer: Viewer, input: ItemStepInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, input.itemId, "yousaid.approve");
    await recheck(tx, item.id, item.collaborativeId);
    await step(tx, item, input, ["AWAITING_APPROVAL"], {
      status: "PUBLISHED",
      approvedById: viewer.userId,
      publishedAt: new Date(),
    });
    await audit(tx, viewer, item, "yousaid.published");
  });
}

export async function sendBackYouSaidItem(viewer: Viewer, input: SendBackInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, input.itemId, "yousaid.approve");
    await step(tx, item, input, ["AWAITING_APPROVAL"], { status: "DRAFT", sentBackReason: input.sendBackReason });
    await audit(tx, viewer, item, "yousaid.sent_back");
  });
}

/** A published item taken down (it stays, withdrawn, for the record). */
export async function withdrawYouSaidItem(viewer: Viewer, input: WithdrawInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const item = await requireItem(tx, viewer, input.itemId, "yousaid.withdraw");
    await step(tx, item, input, ["PUBLISHED"], {
      status: "WITHDRAWN",
      withdrawnAt: new Date(),
      withdrawnReason: input.withdrawReason,
    });
    await audit(tx, viewer, item, "yousaid.withdrawn");
  });
}

async function recheck(tx: Tx, itemId: string, collaborativeId: string) {
  const stored = await tx.youSaidWeDid.findUniqueOrThrow({
    where: { id: itemId },
    select: {
      youSaid: true,
      weDid: true,
      priorityId: true,
      projectId: true,
      measureId: true,
      concerns: { select: { concernId: true } },
    },
  });
  try {
    await checkedLinks(tx, collaborativeId, { ...stored, concernIds: stored.concerns.map((c) => c.concernId) });
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError(`It cannot go further as it is: ${Object.values(error.fieldErrors)[0] ?? error.message}.`);
    throw error;
  }
}

async function audit(tx: Tx, viewer: Viewer, item: { id: string; collaborativeId: string }, action: string) {
  await recordAudit(tx, {
    action,
    subjectType: "YouSaidWeDid",
    subjectId: item.id,
    actorId: viewer.userId,
    collaborativeId: item.collaborativeId,
  });
}
