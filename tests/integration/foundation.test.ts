import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as health } from "@/app/api/health/route";
import { listCollaboratives } from "@/lib/collaboratives/queries";
import { ANONYMOUS } from "@/lib/auth/viewer-types";

describe("health endpoint", () => {
  it("answers 200 when the database is reachable", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
  });

  it("answers 503 when the database is not", () => {
    // A separate process whose DATABASE_URL points at a port nothing listens on.
    const script = `(async () => { const { GET } = await import("./app/api/health/route.ts"); const r = await GET(); console.log(r.status, JSON.stringify(await r.json())); process.exit(0); })()`;
    const result = spawnSync("npx", ["tsx", "--conditions=react-server", "--eval", script], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.stdout.trim()).toBe('503 {"status":"unavailable","database":"unreachable"}');
  });
});

describe("reference data", () => {
  it("lists the 15 collaboratives with their lead AHSNs", async () => {
    const collaboratives = await listCollaboratives(ANONYMOUS);
    expect(collaboratives).toHaveLength(15);
    expect(collaboratives.find((c) => c.slug === "wessex")).toMatchObject({
      name: "Wessex Patient Safety Collaborative",
      leadAhsn2014: "Wessex AHSN",
      nameSince2023: "Health Innovation Wessex",
    });
  });

  it("routes every English postcode area to a collaborative", async () => {
    const areas = await db.postcodeArea.findMany({ include: { collaborative: { select: { slug: true } } } });
    expect(areas.length).toBeGreaterThanOrEqual(99);
    expect(areas.find((a) => a.code === "SO")?.collaborative.slug).toBe("wessex");
    expect(areas.find((a) => a.code === "NE")?.collaborative.slug).toBe("north-east-north-cumbria");
  });
});

describe("configuration errors", () => {
  it("names the unreachable database host in one line instead of a stack trace", () => {
    const result = spawnSync("npx", ["tsx", "lib/cli/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/psc", PORT: "3999" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const errorLines = result.stderr.split("\n").filter((line) => line.trim());
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1 .*Check that the server is running/);
  });
});
