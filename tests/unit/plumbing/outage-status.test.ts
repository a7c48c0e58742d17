import { afterAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sendOutageErrorsAs503 } from "@/lib/outage-status";
import { markDatabaseDown, markDatabaseUp } from "@/lib/db-availability";

const original = http.ServerResponse.prototype.writeHead;
afterAll(() => {
  http.ServerResponse.prototype.writeHead = original;
  markDatabaseUp();
});

async function statusOf(status: number) {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { "Content-Type": "text/plain" });
    res.end("answer");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("Next's error page during a database outage (instrumentation.ts, Node.js runtime)", () => {
  it("is sent as 503 with Retry-After only while the database is down, and only in place of a 500", async () => {
    sendOutageErrorsAs503();
    markDatabaseUp();
    expect(await statusOf(500)).toEqual({ status: 500, retryAfter: null });
    markDatabaseDown();
    expect(await statusOf(500)).toEqual({ status: 503, retryAfter: "30" });
    expect(await statusOf(404)).toEqual({ status: 404, retryAfter: null });
    expect(await statusOf(200)).toEqual({ status: 200, retryAfter: null });
  });
});
