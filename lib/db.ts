import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { poolConfigFromUrl } from "@/lib/db-url";
import { markDatabaseDown } from "@/lib/db-availability";

export type { Prisma } from "@/lib/generated/prisma/client";

// One client per process (Next's dev server reloads modules, so keep it on globalThis).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg(
    {
      ...poolConfigFromUrl(env().DATABASE_URL),
      max: 10,
      // Fail fast when the database is down, so requests get a 503 rather than hanging.
      connectionTimeoutMillis: 3_000,
      // Connections the database dropped (a restart) leave the pool and new ones are opened on
      // demand: the portal recovers by itself once the database is back.
      keepAlive: true,
    },
    {
      // A restart ends every connection at once: the proxy starts answering 503 straight away.
      onPoolError: () => markDatabaseDown(),
      onConnectionError: () => markDatabaseDown(),
    },
  );
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;

export type Db = PrismaClient;
/** A transaction client: domain functions that write together take one of these. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
