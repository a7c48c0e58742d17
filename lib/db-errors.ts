import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A write refused by a unique constraint (Prisma P2002): how code that relies on the database to
 * enforce "only one" (one ballot per person per round, one name per collaborative) recognises it.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
