import "server-only";
import { db } from "@/lib/db";

const TIMEOUT_MS = 3_000;

/** How long the database takes to answer through the portal's own connection pool; throws if it does not answer within 3 s. */
export async function measureDatabaseLatency(): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - started;
}
