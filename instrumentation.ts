// Hooks Next.js runs in the server process: the connection's address for every request, and how the
// portal answers while its database is unreachable.
import type { Instrumentation } from "next";

export async function register() {
  // Node-only code is imported inside this condition, the form Next's Edge build removes whole
  // (an early return for other runtimes is not removed, and node:http then warns in the build).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Every request carries the address of the connection it came on (lib/auth/peer-header.ts): per-IP
    // limits, the audit log and /dev/mail decide from it, never from what the client wrote in a header.
    const http = await import("node:http");
    const { installPeerHeader } = await import("@/lib/auth/peer-header");
    installPeerHeader(http);
    const { sendOutageErrorsAs503 } = await import("@/lib/outage-status");
    sendOutageErrorsAs503();
  }
}

// Every error a page, route handler or server action throws: when the cause is an unreachable
// database, the proxy starts answering 503 at once (see lib/db-probe.ts).
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  const { isDatabaseUnavailableError, markDatabaseDown } = await import("@/lib/db-availability");
  if (isDatabaseUnavailableError(error)) markDatabaseDown();
};
