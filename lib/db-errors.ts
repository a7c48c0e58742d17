import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A write refused by a unique constraint (Prisma P2002): how code that relies on the database to
 * enforce "only one" (one ballot per person per round, one name per collaborative) recognises it.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Whether `error` is a unique violation of the named constraint or index: where one write is guarded by
 * several (an organisation's name and its ODS code), each gets its own message.
 */
export function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  if (!isUniqueViolation(error)) return false;
  const meta = (error as Prisma.PrismaClientKnownRequestError).meta as
    { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: string } } } } | undefined;
  const target = meta?.driverAdapterError?.cause?.constraint?.index ?? meta?.target;
  return (
    target === constraint ||
    (Array.isArray(target) && target.includes(constraint)) ||
    (error as Error).message.includes(constraint)
  );
}
