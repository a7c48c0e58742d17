// The proxy's check of request bodies (lib/request-body.ts): what a browser sends passes, what no
// browser sends gets 400 or 413, and nothing makes the check itself throw.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BODY_LIMIT_BYTES, checkRequestBody, multipartBoundary } from "@/lib/request-body";

const post = (body: BodyInit | null, headers: Record<string, string>) =>
  new Request("http://portal.example/concerns/new", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const part = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
const multipart = (boundary: string, parts: string[], end = `--${boundary}--\r\n`) =>
  parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("") + end;
const mp = (boundary = "b0und4ry") => ({ "content-type": `multipart/form-data; boundary=${boundary}` });
const statusOf = async (request: Request) => {
  const verdict = await checkRequestBody(request);
  return verdict.ok ? 200 : verdict.status;
};

describe("checkRequestBody", () => {
  it("lets through what a browser sends: forms, sign-in posts, GETs", async () => {
    const form = new FormData();
    form.append("whatHappened", "A fall on the ward\r\nat night");
    form.append("file", new Blob(["period,value\n2024-01,5\n"], { type: "text/csv" }), "data.csv");
    expect(await statusOf(new Request("http://portal.example/concerns/new", { method: "POST", body: form }))).toBe(200);
    expect(
      await statusOf(
        new Request("http://portal.example/concerns/new", {
          method: "POST",
          body: form,
          headers: { "next-action": "7f00" },
        }),
      ),
    ).toBe(200);
    expect(
      await statusOf(post("email=a%40b.nhs.uk&password=x", { "content-type": "application/x-www-form-urlencoded" })),
    ).toBe(200);
    expect(await statusOf(new Request("http://portal.example/concerns/new"))).toBe(200);
    expect(await statusOf(post(multipart("Mixed-Case_b", [part("a", "1")]), mp("Mixed-Case_b")))).toBe(200);
    // An action without arguments (signing out): React sends its empty argument list as text.
    expect(await statusOf(post("[]", { "next-action": "0000f00d", "content-type": "text/plain;charset=UTF-8" }))).toBe(
      200,
    );
  });

  it.each([
    ["a boundary that does not match", () => post(multipart("b0und4ry", [part("a", "1")]), mp("other"))],
    ["a truncated body", () => post(multipart("b0und4ry", [part("a", "1")], ""), mp())],
    [
      "multipart without a boundary",
      () => post(multipart("b0und4ry", [part("a", "1")]), { "content-type": "multipart/form-data" }),
    ],
    [
      "an empty boundary",
      () => post(multipart("b0und4ry", [part("a", "1")]), { "content-type": "multipart/form-data; boundary=" }),
    ],
    ["random bytes", () => post(new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 73 + 11) % 256)), mp())],
    ["a part with no name", () => post(multipart("b0und4ry", [`Content-Disposition: form-data\r\n\r\nno name`]), mp())],
    ["NUL in a field name", () => post(multipart("b0und4ry", [part("what\u0000Happened", "x")]), mp())],
    [
      "a JSON body to an action",
      () => post('{"whatHappened":"x"}', { "next-action": "7f00", "content-type": "application/json" }),
    ],
    [
      "a JSON object as an action's text",
      () => post('{"whatHappened":"x"}', { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" }),
    ],
    [
      "random text to an action",
      () => post("[not json", { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" }),
    ],
    [
      "bytes that are not UTF-8 to an action",
      () => post(new Uint8Array([0x5b, 0xff, 0x5d]), { "next-action": "7f00", "content-type": "text/plain" }),
    ],
    ["an action with no content type", () => post(new TextEncoder().encode("[]"), { "next-action": "7f00" })],
  ])("refuses %s with 400", async (_name, request) => {
    expect(await statusOf(request())).toBe(400);
  });

  it("refuses a body over the limit with 413, by its length or by reading it", async () => {
    expect(await statusOf(post("x", { ...mp(), "content-length": String(20 * 1024 * 1024) }))).toBe(413);
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent <= BODY_LIMIT_BYTES; sent += 1024 * 1024)
          controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    expect(await statusOf(post(big, mp()))).toBe(413);
  });

  it("never throws, and answers 200, 400 or 413 for any bytes under any form content type", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom(
          "multipart/form-data; boundary=b0und4ry",
          "multipart/form-data",
          'multipart/form-data; boundary="a b"',
          "text/plain",
          "application/json",
          "",
        ),
        fc.boolean(),
        async (bytes, contentType, action) => {
          const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
          if (action) headers["next-action"] = "7f00";
          expect([200, 400, 413]).toContain(await statusOf(post(bytes, headers)));
        },
      ),
    );
  });

  it("accepts every form a browser could build from field names without control characters", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.string({ unit: "grapheme", minLength: 1 }).filter((n) => !/\p{Cc}/u.test(n)),
            fc.string({ unit: "binary" }),
          ),
          { maxLength: 6 },
        ),
        async (fields) => {
          const form = new FormData();
          for (const [name, value] of fields) form.append(name, value);
          expect(
            await statusOf(
              new Request("http://portal.example/", { method: "POST", body: form, headers: { "next-action": "7f00" } }),
            ),
          ).toBe(200);
        },
      ),
    );
  });
});

describe("the limit", () => {
  it("is the server-action limit next.config.js gives Next.js", () => {
    expect(readFileSync("next.config.js", "utf8")).toMatch(/serverActions: \{ bodySizeLimit: "5mb" \}/);
    expect(BODY_LIMIT_BYTES).toBe(5 * 1024 * 1024);
  });
});

describe("multipartBoundary", () => {
  it("reads a boundary RFC 2046 allows, quoted or not", () => {
    expect(multipartBoundary("multipart/form-data; boundary=----WebKitFormBoundaryAbC1")).toBe(
      "----WebKitFormBoundaryAbC1",
    );
    expect(multipartBoundary('multipart/form-data; boundary="a b:c"')).toBe("a b:c");
    expect(multipartBoundary("multipart/form-data; charset=utf-8; boundary=x")).toBe("x");
    for (const bad of [
      "multipart/form-data",
      "multipart/form-data; boundary=",
      `multipart/form-data; boundary=${"x".repeat(71)}`,
      'multipart/form-data; boundary="ends in space "',
    ]) {
      expect(multipartBoundary(bad)).toBeNull();
    }
  });
});
