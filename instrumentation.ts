// Hooks Next.js runs in the server process: how the portal answers while its database is unreachable.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const http = await import("node:http");
  const { availability } = await import("@/lib/db-availability");
  const { RETRY_AFTER_SECONDS } = await import("@/lib/unavailable-page");
  // The proxy answers 503 once the database is known to be down; a request already past it when the
  // database went (its query failed mid-render) ends in Next's error page, sent as 500. Next has no
  // way to choose that status, so it is corrected here: while the database is down, that error is a
  // temporary unavailability (503, try again later), not a fault of the request.
  const writeHead = http.ServerResponse.prototype.writeHead;
  http.ServerResponse.prototype.writeHead = function (this: import("node:http").ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && availability().down) {
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
      return (writeHead as (...args: unknown[]) => import("node:http").ServerResponse).call(this, 503, ...rest);
    }
    return (writeHead as (...args: unknown[]) => import("node:http").ServerResponse).call(this, statusCode, ...rest);
  } as typeof writeHead;
}

// Every error a page, route handler or server action throws: when the cause is an unreachable
// database, the proxy starts answering 503 at once (see lib/db-probe.ts).
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  const { isDatabaseUnavailableError, markDatabaseDown } = await import("@/lib/db-availability");
  if (isDatabaseUnavailableError(error)) markDatabaseDown();
};
