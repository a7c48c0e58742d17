// Bodies no browser sends, posted to the concern form (the public form anyone can reach) as an outside
// attacker would: each must get 400 or 413 with the portal's own page, never a 500, and store nothing.
// Also the headers a client may forge: X-Forwarded-For does not choose the address the portal records,
// and Host: localhost does not open the captured-email viewer.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { test, expect } from "@playwright/test";
import { poolConfigFromUrl } from "@/lib/db-url";
import { hiddenFieldsOfForm } from "@/tests/fixtures/portal-client";

const MB = 1024 * 1024;
const ERROR_PAGE = /Sorry, we could not accept what was sent|Sorry, what was sent is too large/;

type Case = { name: string; headers: Record<string, string>; body: Buffer; status: number[] };

function multipart(boundary: string, parts: string[], end = `--${boundary}--\r\n`): Buffer {
  return Buffer.from(parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("") + end, "latin1");
}
const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;

async function concernCount(): Promise<number> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Concern"`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

test("hostile bodies sent to a form get 400 or 413 with the portal's page, and nothing is stored", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const page = await request.get("/concerns/new");
  const hidden = hiddenFieldsOfForm(await page.text(), "whatHappened");
  const actionField = Object.keys(hidden).find((k) => k.startsWith("$ACTION_") && k.endsWith(":0"))!;
  const actionId = (JSON.parse(hidden[actionField]!) as { id: string }).id;
  const formParts = Object.entries(hidden).map(([name, value]) => field(name, value));
  const b = "----hostile7MA4YWxkTrZu0gW";
  const mp = (boundary = b) => ({ "content-type": `multipart/form-data; boundary=${boundary}` });
  const js = { "next-action": actionId, accept: "text/x-component" };

  const cases: Case[] = [
    {
      name: "a body over the server-action limit (20 MB)",
      headers: mp(),
      body: multipart(b, [...formParts, field("whatHappened", "x".repeat(20 * MB))]),
      status: [413],
    },
    {
      name: "a boundary that does not match the body",
      headers: mp("----other"),
      body: multipart(b, formParts),
      status: [400],
    },
    { name: "a truncated body", headers: mp(), body: multipart(b, formParts).subarray(0, 200), status: [400] },
    {
      name: "multipart without a boundary",
      headers: { "content-type": "multipart/form-data" },
      body: multipart(b, formParts),
      status: [400],
    },
    { name: "random bytes", headers: mp(), body: randomBytes(4096), status: [400] },
    {
      name: "a part with no name",
      headers: mp(),
      body: multipart(b, [...formParts, `Content-Disposition: form-data\r\n\r\nno name`]),
      status: [400],
    },
    {
      name: "JS path: a JSON body",
      headers: { ...js, "content-type": "application/json" },
      body: Buffer.from(JSON.stringify({ whatHappened: "x" })),
      status: [400],
    },
    {
      name: "JS path: NUL in a field name",
      headers: { ...js, ...mp() },
      body: multipart(b, [field("1_what\u0000Happened", "x"), field("0", '["$K1"]')]),
      status: [400],
    },
    {
      name: "JS path: a boundary that does not match",
      headers: { ...js, ...mp("----other") },
      body: multipart(b, [field("0", '["$K1"]')]),
      status: [400],
    },
    {
      name: "JS path: random bytes",
      headers: { ...js, "content-type": "text/plain;charset=UTF-8" },
      body: randomBytes(4096),
      status: [400],
    },
  ];

  const before = await concernCount();
  for (const c of cases) {
    const response = await request.post("/concerns/new", {
      headers: { origin: new URL(page.url()).origin, ...c.headers },
      data: c.body,
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    expect.soft(c.status, `${c.name}: HTTP ${response.status()}`).toContain(response.status());
    expect.soft(response.headers()["content-type"] ?? "", `${c.name}: an HTML page`).toContain("text/html");
    expect.soft(await response.text(), `${c.name}: the portal's own page`).toMatch(ERROR_PAGE);
  }
  // Well-formed, but the form's data replaced by text: the action answers not found, never 500.
  const confused = await request.post("/concerns/new", {
    headers: { origin: new URL(page.url()).origin, ...js, ...mp() },
    data: multipart(b, [field("0", '[{"ok":false},"not form data"]')]),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect.soft(confused.status(), "JS path: text where the form's data goes").toBe(404);
  expect(await concernCount()).toBe(before);
  // The form still works after all that.
  expect((await request.get("/concerns/new")).status()).toBe(200);
});

test("a sign-in whose return address holds a character above U+00FF redirects there, percent-encoded", async ({
  request,
}) => {
  const target = "/sign-in?callbackUrl=/projects%E2%80%A8";
  const page = await request.get(target);
  expect(page.status()).toBe(200);
  const hidden = hiddenFieldsOfForm(await page.text(), "email");
  const response = await request.post(target, {
    multipart: { ...hidden, email: "staff.wessex@demo.nhs.uk", password: "demo-password" },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe("/projects%E2%80%A8");
  // Signed in now: the sign-in page sends the person on, to the same encoded address.
  const again = await request.get(target, { maxRedirects: 0, failOnStatusCode: false });
  expect(again.status()).toBe(307);
  expect(again.headers()["location"]).toBe("/projects%E2%80%A8");
});

test("the address recorded for a sign-in is the connection's, whatever X-Forwarded-For says", async ({ request }) => {
  const url = process.env.E2E_DATABASE_URL!;
  const page = await request.get("/sign-in");
  const hidden = hiddenFieldsOfForm(await page.text(), "email");
  const response = await request.post("/sign-in", {
    multipart: { ...hidden, email: "lead.wessex@demo.nhs.uk", password: "demo-password", callbackUrl: "/" },
    headers: {
      origin: new URL(page.url()).origin,
      "x-forwarded-for": "203.0.113.77",
      "x-real-ip": "203.0.113.78",
      forwarded: "for=203.0.113.79",
    },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect(response.status()).toBe(303);
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ ip: string }>(
      `SELECT a.ip FROM "AuditEvent" a JOIN "User" u ON u.id = a."subjectId" WHERE u.email = 'lead.wessex@demo.nhs.uk' AND a.action = 'auth.signed_in' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(rows[0]?.ip).toBe("127.0.0.1");
  } finally {
    await client.end();
  }
});

test("the captured-email viewer is off in production, whatever Host the request names", async ({ request }) => {
  for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
    const response = await request.get("/dev/mail", { headers: { host }, failOnStatusCode: false });
    expect(response.status(), `Host: ${host}`).toBe(404);
    expect(await response.text()).not.toMatch(/<h1[^>]*>Captured email|No email has been sent yet|<article/);
  }
});
