import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";

export type AuditInput = {
  /** What happened, "<subject>.<verb>" in the past tense, e.g. "project.status_changed", "auth.sign_in_failed". */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  actorId?: string | null;
  collaborativeId?: string | null;
  ip?: string | null;
  /** Facts about the change WITHOUT personal data (no names, emails, free text, passwords). */
  details?: Prisma.InputJsonValue;
};

/** Appends one row to the audit log, inside the caller's transaction so it commits with the change. */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      actorId: event.actorId ?? null,
      collaborativeId: event.collaborativeId ?? null,
      ip: event.ip ?? null,
      details: event.details,
    },
  });
}

/**
 * A download of data (CSV exports, a person's data): it changes nothing, so it is recorded on its own,
 * once the data has been read and is about to leave.
 */
export async function recordExport(actorId: string | null, event: Omit<AuditInput, "actorId">): Promise<void> {
  await recordAudit(db, { ...event, actorId });
}
