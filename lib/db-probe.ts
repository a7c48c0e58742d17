// The proxy's check that the database answers, on a connection of its own (the app's pool may be
// busy or full). Cheap: it runs only while the database is thought to be down, or when the last
// good answer is more than a second old, and concurrent requests share one check.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { poolConfigFromUrl } from "@/lib/db-url";
import { availability, markDatabaseDown, markDatabaseUp } from "@/lib/db-availability";

const FRESH_MS = 1_000;
const RECHECK_WHILE_DOWN_MS = 250;

const KEY = Symbol.for("psc.databaseProbe");
type Probe = { pool: pg.Pool; inFlight: Promise<boolean> | null };

function probe(): Probe {
  const holder = globalThis as unknown as Record<symbol, Probe | undefined>;
  if (!holder[KEY]) {
    const pool = new pg.Pool({
      ...poolConfigFromUrl(env().DATABASE_URL),
      application_name: "psc-availability",
      max: 1,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 1_000,
      query_timeout: 1_500,
    });
    // An idle connection dropped by a database restart: the next check opens a new one.
    pool.on("error", () => markDatabaseDown());
    holder[KEY] = { pool, inFlight: null };
  }
  return holder[KEY];
}

export async function isDatabaseAvailable(): Promise<boolean> {
  const state = availability();
  const age = Date.now() - state.lastCheckedAt;
  if (!state.down && age < FRESH_MS) return true;
  if (state.down && age < RECHECK_WHILE_DOWN_MS) return false;
  const p = probe();
  p.inFlight ??= p.pool
    .query("SELECT 1")
    .then(() => (markDatabaseUp(), true))
    .catch(() => {
      markDatabaseDown();
      availability().lastCheckedAt = Date.now();
      return false;
    })
    .finally(() => {
      p.inFlight = null;
    });
  return p.inFlight;
}
