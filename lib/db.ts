import "server-only";
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
      // How long a query waits for a connection: opening one, or a free one when all ten are busy.
      // Under load on a small machine waiting a few seconds is normal and better than failing the
      // request. An outage is still answered at once: a stopped server refuses connections
      // immediately, and the proxy's own probe (lib/db-probe.ts, 1 s) notices a hung one.
      connectionTimeoutMillis: 10_000,
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
  return new PrismaClient({
    adapter,
    // Prisma's defaults (2 s to get a connection, 5 s in all) made saves fail with "something went
    // wrong" under load (P2028 "Unable to start a transaction in the given time" in the soak, on a
    // busy 2-core machine). Waiting for a connection matches the pool's wait above; the whole
    // transaction still has a bound, so one that is stuck cannot hold its row locks for long.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;

export type Db = PrismaClient;
/** A transaction client: domain functions that write together take one of these. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
