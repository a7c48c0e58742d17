import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { poolConfigFromUrl } from "@/lib/db-url";

export type { Prisma } from "@/lib/generated/prisma/client";

// One client per process (Next's dev server reloads modules, so keep it on globalThis).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg({
    ...poolConfigFromUrl(env().DATABASE_URL),
    max: 10,
    // Fail fast when the database is down, so requests get a 503 rather than hanging.
    connectionTimeoutMillis: 3_000,
  });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;

export type Db = PrismaClient;
/** A transaction client: domain functions that write together take one of these. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
