// The top-level files browsers, crawlers and security researchers ask for: present, valid, served with
// the right type, and let through by the proxy even while the database is down.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { getContentType } from "next/dist/server/serve-static";
import { PUBLIC_FILES } from "@/lib/public-files";
import { availability, markDatabaseDown, markDatabaseUp } from "@/lib/db-availability";
import { proxy } from "@/proxy";

// The proxy reads the validated settings (lib/env.ts), which need a database address; nothing connects to it here.
process.env.DATABASE_URL ??= "postgresql://127.0.0.1:1/unused";

const root = path.join(process.cwd(), "public");
const read = (file: string) => readFileSync(path.join(root, file));

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}/${name}`) : [`${prefix}/${name}`];
  });
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    "PNG signature",
  ).toBe(true);
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Robots Exclusion Protocol (RFC 9309) matching: prefixes, with * for any characters and $ for the end. */
function disallowed(robots: string, pathname: string) {
  const rules = robots
    .split("\n")
    .map((line) => /^Disallow:\s*(\S*)/i.exec(line.trim())?.[1])
    .filter((rule): rule is string => Boolean(rule));
  return rules.some((rule) =>
    new RegExp(
      `^${rule
        .replace(/[.+?^{}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\\\$$/, "$")}`,
    ).test(pathname),
  );
}

describe("the files in public/", () => {
  it("are the files the proxy lets through", () => {
    expect(listFiles(root).sort()).toEqual([...PUBLIC_FILES].sort());
  });

  it("include an SVG favicon, an ICO fallback of real icons, and a 180×180 Apple touch icon", () => {
    const svg = read("icon.svg").toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 64 64">/);
    expect(svg).not.toMatch(/<script|on\w+=/i);

    const ico = read("favicon.ico");
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)], "ICO header: reserved 0, type 1 (icon)").toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => {
      const entry = 6 + 16 * i;
      const [size, length, offset] = [
        ico.readUInt8(entry) || 256,
        ico.readUInt32LE(entry + 8),
        ico.readUInt32LE(entry + 12),
      ];
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      return size;
    });
    expect(sizes).toEqual([16, 32, 48]);

    expect(pngSize(read("apple-touch-icon.png"))).toEqual({ width: 180, height: 180 });
  });

  it("include a web manifest whose icons exist at the sizes it says", () => {
    const manifest = JSON.parse(read("manifest.webmanifest").toString("utf8")) as Record<string, unknown> & {
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({
      name: "Patient Safety Collaboratives",
      start_url: "/",
      display: "standalone",
      theme_color: "#005eb8",
    });
    expect(typeof manifest.short_name).toBe("string");
    expect((manifest.short_name as string).length).toBeLessThanOrEqual(12);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["any", "192x192", "512x512"]));
    for (const icon of manifest.icons) {
      expect(PUBLIC_FILES.has(icon.src), icon.src).toBe(true);
      expect(getContentType(path.extname(icon.src).slice(1))).toBe(icon.type);
      if (icon.type === "image/png") {
        const { width, height } = pngSize(read(icon.src));
        expect(`${width}x${height}`).toBe(icon.sizes);
      }
    }
  });

  it("include a security.txt (RFC 9116) with a contact, an expiry in the coming year, and where it lives", () => {
    const text = read(".well-known/security.txt").toString("utf8");
    const fields = new Map<string, string[]>();
    for (const line of text.split("\n").filter((l) => l.trim() && !l.startsWith("#"))) {
      const match = /^([A-Za-z-]+): (.+)$/.exec(line);
      expect(match, `a "Field: value" line: ${line}`).not.toBeNull();
      fields.set(match![1]!, [...(fields.get(match![1]!) ?? []), match![2]!]);
    }
    expect(fields.get("Contact")?.length).toBeGreaterThanOrEqual(1);
    for (const contact of fields.get("Contact")!) expect(contact).toMatch(/^(mailto:|https:\/\/)/);
    expect(fields.get("Expires")).toHaveLength(1);
    const expires = new Date(fields.get("Expires")![0]!);
    expect(expires.getTime(), "Expires is in the future: renew security.txt").toBeGreaterThan(Date.now());
    expect(expires.getTime(), "Expires is at most a year ahead").toBeLessThanOrEqual(
      Date.now() + 366 * 24 * 3600 * 1000,
    );
    expect(fields.get("Preferred-Languages")).toEqual(["en"]);
    expect(fields.get("Canonical")?.[0]).toMatch(/^https:\/\/[^/]+\/\.well-known\/security\.txt$/);
    expect(fields.get("Policy")?.[0]).toMatch(/^https:\/\/[^/]+\/security$/);
  });

  it("include a robots.txt that keeps crawlers off private and tracking pages, and on public ones", () => {
    const robots = read("robots.txt").toString("utf8");
    expect(robots).toMatch(/^User-agent: \*$/m);
    const privatePaths = [
      "/concerns/track",
      "/concerns/track/abc123",
      "/concerns/confirmation",
      "/concerns/urgent-help",
      "/projects",
      "/projects/cm123/measures/cm456",
      "/collaboratives/wessex/concerns",
      "/collaboratives/wessex/concerns/cm123",
      "/collaboratives/wessex/members",
      "/collaboratives/wessex/dashboard",
      "/collaboratives/wessex/rounds/cm1/edit",
      "/admin",
      "/admin/people/cm1",
      "/account",
      "/my/concerns",
      "/national",
      "/learning/new",
      "/learning/some-item/edit",
      "/invitations/accept",
      "/reset-password",
      "/api/national/coverage",
      "/dev/mail",
    ];
    for (const p of privatePaths) expect(disallowed(robots, p), `${p} is disallowed`).toBe(true);
    const publicPaths = [
      "/",
      "/about",
      "/collaboratives",
      "/collaboratives/wessex",
      "/collaboratives/wessex/events",
      "/collaboratives/wessex/rounds/cm1",
      "/learning",
      "/learning/safer-nights",
      "/concerns/new",
      "/security",
    ];
    for (const p of publicPaths) expect(disallowed(robots, p), `${p} may be crawled`).toBe(false);
  });

  it("are served with the right content types", () => {
    const types = Object.fromEntries(
      [...PUBLIC_FILES].map((file) => [file, getContentType(path.extname(file).slice(1))]),
    );
    expect(types).toEqual({
      "/favicon.ico": "image/x-icon",
      "/icon.svg": "image/svg+xml",
      "/icon-192.png": "image/png",
      "/icon-512.png": "image/png",
      "/apple-touch-icon.png": "image/png",
      "/manifest.webmanifest": "application/manifest+json",
      "/robots.txt": "text/plain",
      "/.well-known/security.txt": "text/plain",
    });
  });

  it("are named in the root layout's metadata", () => {
    const layout = readFileSync(path.join(process.cwd(), "app/layout.tsx"), "utf8");
    for (const file of ["/icon.svg", "/favicon.ico", "/apple-touch-icon.png", "/manifest.webmanifest"])
      expect(layout).toContain(`"${file}"`);
  });
});

describe("the proxy and the files in public/", () => {
  it("lets them through while the database is down, with the security headers, and still answers pages with 503", async () => {
    markDatabaseDown();
    availability().lastCheckedAt = Date.now(); // down as of now: no probe for 250 ms
    try {
      for (const file of PUBLIC_FILES) {
        const response = await proxy(new NextRequest(`http://localhost${file}`));
        expect(response.status, file).toBe(200);
        expect(response.headers.get("x-middleware-next"), file).toBe("1");
        expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      }
      expect((await proxy(new NextRequest("http://localhost/learning"))).status).toBe(503);
    } finally {
      markDatabaseUp();
    }
  });
});
