// Node.js runtime only (instrumentation.ts loads it inside its NEXT_RUNTIME === "nodejs" branch, which
// the Edge build drops, so node:http is never bundled for the Edge runtime).
import http from "node:http";
import { availability } from "@/lib/db-availability";
import { RETRY_AFTER_SECONDS } from "@/lib/unavailable-page";

/**
 * The proxy answers 503 once the database is known to be down. A request already past it when the
 * database went (a query failed mid-render) ends in Next's error page, which Next sends as 500 —
 * wrong for a temporary outage (clients and monitors should retry, not report a fault). Next.js 16
 * offers no way to choose that status, so it is corrected here, at the one place every response
 * passes: while the database is down, a 500 becomes 503 with Retry-After. What was checked first:
 * - error.tsx / global-error.tsx render the page but cannot set the status (Next sets 500);
 * - proxy.ts runs before rendering, so it cannot see a failure that happens during it;
 * - onRequestError (instrumentation.ts) is a notification after the fact: it cannot change the response;
 * - unstable_rethrow only lets Next's own control-flow errors (redirect, notFound) out of a catch;
 * - notFound()/forbidden()/unauthorized() exist, but for 404/403/401 only, and a status cannot be
 *   set from a server component once streaming has begun (vercel/next.js discussion #53225).
 * Only 500s are touched, and only while the database is marked down (lib/db-availability.ts), so
 * every other response, including real faults while the database is up, is sent unchanged.
 */
export function sendOutageErrorsAs503() {
  const writeHead = http.ServerResponse.prototype.writeHead;
  http.ServerResponse.prototype.writeHead = function (
    this: http.ServerResponse,
    statusCode: number,
    ...rest: unknown[]
  ) {
    if (statusCode === 500 && availability().down) {
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
      return (writeHead as (...args: unknown[]) => http.ServerResponse).call(this, 503, ...rest);
    }
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof writeHead;
}
