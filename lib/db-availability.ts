// Whether the database can be reached, as this server process last saw it. No imports on purpose:
// lib/forms/index.ts (also loaded by client components) and the proxy use it. The state lives on
// globalThis so that the proxy, the pages and the server actions of one `next start` process share it.

/** Prisma's codes for "cannot reach / lost / timed out waiting for" the database. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** What @prisma/adapter-pg reports for a lost or refused connection. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** PostgreSQL: shutting down or starting up (57P0x), connection failures (08xxx), too many connections. */
const POSTGRES_CODES = /^(57P0[123]|08\d{3}|53300)$/;
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const MESSAGES =
  /Can't reach database server|Connection terminated|timeout exceeded when trying to connect|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Connection closed|server closed the connection/i;

/**
 * A failure because the database is down, restarting or unreachable — not a fault in the request.
 * Recognised by shape (Prisma error codes, the adapter's error kinds, PostgreSQL and socket codes),
 * looking through wrapped causes.
 */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 5) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    name?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (
    typeof e.code === "string" &&
    (PRISMA_CODES.has(e.code) || POSTGRES_CODES.test(e.code) || SOCKET_CODES.has(e.code))
  )
    return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.originalCode === "string" && POSTGRES_CODES.test(e.originalCode)) return true;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return (
    isDatabaseUnavailableError(e.cause, depth + 1) || isDatabaseUnavailableError(e.meta?.driverAdapterError, depth + 1)
  );
}

type Availability = { down: boolean; changedAt: number; lastCheckedAt: number };

const KEY = Symbol.for("psc.databaseAvailability");

export function availability(): Availability {
  const holder = globalThis as unknown as Record<symbol, Availability | undefined>;
  return (holder[KEY] ??= { down: false, changedAt: Date.now(), lastCheckedAt: 0 });
}

export function markDatabaseDown(): void {
  const state = availability();
  if (!state.down) {
    state.down = true;
    state.changedAt = Date.now();
    console.error("[db] the database is unreachable: answering 503 until it is back");
  }
}

export function markDatabaseUp(): void {
  const state = availability();
  state.lastCheckedAt = Date.now();
  if (state.down) {
    state.down = false;
    state.changedAt = Date.now();
    console.log("[db] the database is reachable again");
  }
}

/** What a form says when its action could not reach the database; what was typed is kept. */
export const SERVICE_UNAVAILABLE_MESSAGE =
  "Sorry, the service is unavailable at the moment and nothing has been saved. What you entered is still here: please try again in a few minutes.";
