// Hooks Next.js runs in the server process: the connection's address for every request, and how the
// portal answers while its database is unreachable.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const http = await import("node:http");
  // Every request carries the address of the connection it came on (lib/auth/peer-header.ts): per-IP
  // limits, the audit log and /dev/mail decide from it, never from what the client wrote in a header.
  const { installPeerHeader } = await import("@/lib/auth/peer-header");
  installPeerHeader(http);
  const { availability } = await import("@/lib/db-availability");
  const { RETRY_AFTER_SECONDS } = await import("@/lib/unavailable-page");
  // The proxy answers 503 once the database is known to be down. A request already past it when the
  // database went (a query failed mid-render) ends in Next's error page, which Next sends as 500 —
  // wrong for a temporary outage (clients and monitors should retry, not report a fault). Next.js 16
  // offers no way to choose that status, so it is corrected here, at the one place every response
  // passes: while the database is down, a 500 becomes 503 with Retry-After. What was checked first:
  // - error.tsx / global-error.tsx render the page but cannot set the status (Next sets 500);
  // - proxy.ts runs before rendering, so it cannot see a failure that happens during it;
  // - onRequestError (below) is a notification after the fact: it cannot change the response;
  // - unstable_rethrow only lets Next's own control-flow errors (redirect, notFound) out of a catch;
  // - notFound()/forbidden()/unauthorized() exist, but for 404/403/401 only, and a status cannot be
  //   set from a server component once streaming has begun (vercel/next.js discussion #53225).
  // Only 500s are touched, and only while the database is marked down (lib/db-availability.ts), so
  // every other response, including real faults while the database is up, is sent unchanged.
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
