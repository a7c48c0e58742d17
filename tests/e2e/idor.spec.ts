// IDOR sweep over route handlers and page addresses: every role of collaborative A (Wessex) and an
// anonymous visitor ask for collaborative B's (Greater Manchester's) private resources by id or slug —
// directly, and under a parent of A's that they may see (A's project with B's measure, A's slug with
// B's concern). Each answer must be a refusal (404, 403, or a redirect to sign in) that carries none of
// B's private text. Every route handler and every page address with a dynamic segment in app/ must be
// listed below, so a new one fails this test until its ids are swept too. Plain HTTP: no browser needed.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import pg from "pg";
import { test, expect } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";
import { cloneRows } from "@/tests/fixtures/db-clone";
import { get, signInOverHttp, type Outcome } from "@/tests/fixtures/portal-client";

const A = "wessex";
const B = "greater-manchester";
const ROLES = {
  lead: `lead.${A}@demo.nhs.uk`,
  staff: `staff.${A}@demo.nhs.uk`,
  patient: "patient@demo.nhs.uk",
  // A staff member of A still waiting for a lead's approval (demo data): counts as no member yet.
  pending: "anil.mehta@demo.nhs.uk",
} as const;
type Role = keyof typeof ROLES | "anonymous";

type Ids = Awaited<ReturnType<typeof findIds>>;
/** One address to request; `allowed` roles may legitimately read it (so it is not checked for them). */
/**
 * `mixed`: B's child under a parent of A's (only a refusal is expected). Every other probe is also asked
 * by someone who may see it (B's lead unless `control` says otherwise), who must get 200: so the ids are
 * real and a refusal means the access rule, not a wrong address.
 */
type Probe = { url: string; allowed?: Role[]; textOnly?: true; mixed?: true };
type Control = "leadB" | "admin" | "national" | "none";
// The dashboard's panels (components/dashboard/DashboardView.tsx) and CSV downloads (lib/dashboard/exports.ts).
const PAGE_PANELS = ["coverage", "improvement", "patients-voice", "spread", "sign-up-to-safety", "comparing", "map"];
const CSV_PANELS = ["coverage", "improvement", "concerns", "spread", "spread-ideas", "harm", "funnel", "map"];

/**
 * Route pattern (as under app/, route groups removed) → the addresses that try B's resources through
 * it. Public pages are swept too: they must not show B's private text, whatever the status.
 */
const SWEEP: Record<string, { probes: (ids: Ids) => Probe[]; public?: true; control?: Control } | { skip: string }> = {
  // Route handlers
  "/api/auth/[...nextauth]": { skip: "next-auth's own sign-in endpoints: no resource ids" },
  "/api/admin/people/[id]/export": {
    control: "admin",
    probes: (i) => [{ url: `/api/admin/people/${i.userB}/export` }],
  },
  "/api/collaboratives/[slug]/dashboard/[panel]": {
    probes: () => [
      ...CSV_PANELS.map((p) => ({ url: `/api/collaboratives/${B}/dashboard/${p}` })),
      // A's lead may download A's figures; a filter naming B must not widen them to B's.
      ...CSV_PANELS.map((p) => ({
        url: `/api/collaboratives/${A}/dashboard/${p}?collaborative=${B}`,
        allowed: ["lead"] as Role[],
        textOnly: true as const,
      })),
    ],
  },
  "/api/national/[panel]": {
    control: "national",
    probes: () => CSV_PANELS.map((p) => ({ url: `/api/national/${p}?collaborative=${B}` })),
  },
  "/api/projects/[id]/measures/csv": { probes: (i) => [{ url: `/api/projects/${i.draftProjectB}/measures/csv` }] },
  "/api/projects/[id]/measures/[measureId]/csv": {
    probes: (i) => [
      { url: `/api/projects/${i.draftProjectB}/measures/${i.draftMeasureB}/csv` },
      { url: `/api/projects/${i.projectA}/measures/${i.draftMeasureB}/csv`, mixed: true },
    ],
  },
  "/api/projects/[id]/measures/[measureId]/csv/template": {
    probes: (i) => [
      { url: `/api/projects/${i.draftProjectB}/measures/${i.draftMeasureB}/csv/template` },
      { url: `/api/projects/${i.projectA}/measures/${i.draftMeasureB}/csv/template`, mixed: true },
    ],
  },

  // Signed-in pages
  "/admin/people/[id]": { control: "admin", probes: (i) => [{ url: `/admin/people/${i.userB}` }] },
  "/collaboratives/[slug]/concerns": { probes: () => [{ url: `/collaboratives/${B}/concerns` }] },
  "/collaboratives/[slug]/concerns/[id]": {
    probes: (i) => [
      { url: `/collaboratives/${B}/concerns/${i.concernB}` },
      { url: `/collaboratives/${A}/concerns/${i.concernB}`, mixed: true },
    ],
  },
  "/collaboratives/[slug]/dashboard": { probes: () => [{ url: `/collaboratives/${B}/dashboard` }] },
  "/collaboratives/[slug]/dashboard/[panel]": {
    probes: () => PAGE_PANELS.map((p) => ({ url: `/collaboratives/${B}/dashboard/${p}` })),
  },
  "/collaboratives/[slug]/events/new": { probes: () => [{ url: `/collaboratives/${B}/events/new` }] },
  "/collaboratives/[slug]/events/[eventId]/edit": {
    probes: (i) => [
      { url: `/collaboratives/${B}/events/${i.eventB}/edit` },
      { url: `/collaboratives/${A}/events/${i.eventB}/edit`, mixed: true },
    ],
  },
  "/collaboratives/[slug]/events/[eventId]/outputs/new": {
    probes: (i) => [
      { url: `/collaboratives/${B}/events/${i.eventB}/outputs/new` },
      { url: `/collaboratives/${A}/events/${i.eventB}/outputs/new`, mixed: true },
    ],
  },
  "/collaboratives/[slug]/members": { probes: () => [{ url: `/collaboratives/${B}/members` }] },
  "/collaboratives/[slug]/organisations": { probes: () => [{ url: `/collaboratives/${B}/organisations` }] },
  "/collaboratives/[slug]/organisations/[organisationId]": {
    probes: (i) => [
      { url: `/collaboratives/${B}/organisations/${i.organisationB}` },
      { url: `/collaboratives/${A}/organisations/${i.organisationB}`, mixed: true },
    ],
  },
  "/collaboratives/[slug]/rounds/new": { probes: () => [{ url: `/collaboratives/${B}/rounds/new` }] },
  "/collaboratives/[slug]/rounds/[roundId]/edit": {
    probes: (i) => [
      { url: `/collaboratives/${B}/rounds/${i.roundB}/edit` },
      { url: `/collaboratives/${A}/rounds/${i.roundB}/edit`, mixed: true },
    ],
  },
  "/collaboratives/[slug]/rounds/[roundId]/close": {
    probes: (i) => [
      { url: `/collaboratives/${B}/rounds/${i.roundB}/close` },
      { url: `/collaboratives/${A}/rounds/${i.roundB}/close`, mixed: true },
    ],
  },
  // Opening or scheduling is only for a draft or scheduled round (B's demo round is open), so no control here:
  // its id is proven by the edit and close probes above.
  "/collaboratives/[slug]/rounds/[roundId]/open": {
    control: "none",
    probes: (i) => [
      { url: `/collaboratives/${B}/rounds/${i.roundB}/open` },
      { url: `/collaboratives/${A}/rounds/${i.roundB}/open`, mixed: true },
    ],
  },
  "/notifications/unsubscribe/[token]": {
    skip: "the signed token in the email is the only authority: it names one person and one kind, and the page shows nothing else",
  },
  "/notifications/unsubscribe/[token]/confirm": {
    skip: "the one-click POST (RFC 8058) of the same signed token: nothing scoped is shown",
  },
  "/learning/[slug]/adopt": { control: "none", probes: (i) => [{ url: `/learning/${i.draftLearningB}/adopt` }] },
  "/learning/[slug]/adoptions/[id]": {
    probes: (i) => [{ url: `/learning/${i.adoptionBItem}/adoptions/${i.adoptionB}` }],
  },
  "/learning/[slug]/edit": {
    probes: (i) => [{ url: `/learning/${i.draftLearningB}/edit` }, { url: `/learning/${i.publishedLearningB}/edit` }],
  },
  "/my/concerns/[id]": {
    control: "none",
    probes: (i) => [
      { url: `/my/concerns/${i.concernB}` },
      { url: `/my/concerns/${i.reportedConcernA}`, allowed: ["patient"] },
    ],
  },
  "/national/[panel]": {
    control: "national",
    probes: () => PAGE_PANELS.map((p) => ({ url: `/national/${p}?collaborative=${B}` })),
  },
  "/projects/[id]": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}` },
      { url: `/projects/${i.portalProjectB}`, allowed: ["staff", "lead"] },
    ],
  },
  "/projects/[id]/report": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}/report` },
      { url: `/projects/${i.portalProjectB}/report`, allowed: ["staff", "lead"] },
    ],
  },
  "/projects/[id]/measures/[measureId]/chart.svg": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}/measures/${i.draftMeasureB}/chart.svg` },
      { url: `/projects/${i.projectA}/measures/${i.draftMeasureB}/chart.svg`, mixed: true },
    ],
  },
  "/projects/[id]/edit": {
    probes: (i) => [{ url: `/projects/${i.draftProjectB}/edit` }, { url: `/projects/${i.portalProjectB}/edit` }],
  },
  "/projects/[id]/status": { probes: (i) => [{ url: `/projects/${i.portalProjectB}/status` }] },
  "/projects/[id]/team": { probes: (i) => [{ url: `/projects/${i.portalProjectB}/team` }] },
  "/projects/[id]/drivers": { probes: (i) => [{ url: `/projects/${i.portalProjectB}/drivers` }] },
  "/projects/[id]/archive": { probes: (i) => [{ url: `/projects/${i.portalProjectB}/archive` }] },
  "/projects/[id]/cycles/new": { probes: (i) => [{ url: `/projects/${i.portalProjectB}/cycles/new` }] },
  "/projects/[id]/cycles/[cycleId]": {
    probes: (i) => [
      { url: `/projects/${i.projectA}/cycles/${i.cycleB}`, mixed: true },
      { url: `/projects/${i.portalProjectB}/cycles/${i.cycleB}`, allowed: ["staff", "lead"] },
    ],
  },
  "/projects/[id]/cycles/[cycleId]/edit": {
    probes: (i) => [
      { url: `/projects/${i.portalProjectB}/cycles/${i.cycleB}/edit` },
      { url: `/projects/${i.projectA}/cycles/${i.cycleB}/edit`, mixed: true },
    ],
  },
  "/projects/[id]/measures/new": { probes: (i) => [{ url: `/projects/${i.portalProjectB}/measures/new` }] },
  "/projects/[id]/measures/[measureId]": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}/measures/${i.draftMeasureB}` },
      { url: `/projects/${i.projectA}/measures/${i.draftMeasureB}`, mixed: true },
    ],
  },
  "/projects/[id]/measures/[measureId]/edit": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}/measures/${i.draftMeasureB}/edit` },
      { url: `/projects/${i.projectA}/measures/${i.draftMeasureB}/edit`, mixed: true },
    ],
  },
  "/projects/[id]/measures/[measureId]/import": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}/measures/${i.draftMeasureB}/import` },
      { url: `/projects/${i.projectA}/measures/${i.draftMeasureB}/import`, mixed: true },
    ],
  },
  "/projects/[id]/measures/[measureId]/values": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}/measures/${i.draftMeasureB}/values` },
      { url: `/projects/${i.projectA}/measures/${i.draftMeasureB}/values`, mixed: true },
    ],
  },
  "/projects/[id]/measures/[measureId]/points/[pointId]": {
    probes: (i) => [
      { url: `/projects/${i.draftProjectB}/measures/${i.draftMeasureB}/points/${i.draftPointB}` },
      { url: `/projects/${i.projectA}/measures/${i.measureA}/points/${i.draftPointB}`, mixed: true },
    ],
  },

  // Pages without ids that only administrators or the national team may open.
  "/admin": { control: "admin", probes: () => [{ url: `/admin?q=${encodeURIComponent(`lead.${B}`)}` }] },
  "/admin/audit": { control: "admin", probes: () => [{ url: "/admin/audit" }] },
  "/admin/collaboratives": { control: "admin", probes: () => [{ url: "/admin/collaboratives" }] },
  "/admin/pathway-stages": { control: "admin", probes: () => [{ url: "/admin/pathway-stages" }] },
  "/admin/templates": { control: "national", probes: () => [{ url: "/admin/templates" }] },
  "/admin/templates/new": { control: "national", probes: () => [{ url: "/admin/templates/new" }] },
  // Templates are national reference data: only administrators and the national team edit them.
  "/admin/templates/[id]": { control: "national", probes: (i) => [{ url: `/admin/templates/${i.template}` }] },
  "/national": { control: "national", probes: () => [{ url: `/national?collaborative=${B}` }] },

  // Public pages: B's private text must not show through them.
  "/collaboratives/[slug]": { public: true, probes: () => [{ url: `/collaboratives/${B}` }] },
  "/collaboratives/[slug]/events": { public: true, probes: () => [{ url: `/collaboratives/${B}/events` }] },
  "/collaboratives/[slug]/events/[eventId]": {
    public: true,
    probes: (i) => [{ url: `/collaboratives/${B}/events/${i.eventB}` }],
  },
  "/collaboratives/[slug]/priorities/[prioritySlug]": {
    public: true,
    probes: (i) => [{ url: `/collaboratives/${B}/priorities/${i.prioritySlugB}` }],
  },
  "/collaboratives/[slug]/rounds": { public: true, probes: () => [{ url: `/collaboratives/${B}/rounds` }] },
  "/collaboratives/[slug]/rounds/[roundId]": {
    public: true,
    probes: (i) => [{ url: `/collaboratives/${B}/rounds/${i.roundB}` }],
  },
  "/collaboratives/[slug]/you-said-we-did": {
    public: true,
    probes: () => [{ url: `/collaboratives/${B}/you-said-we-did` }],
  },
  "/collaboratives/[slug]/you-said-we-did/manage": {
    probes: () => [{ url: `/collaboratives/${B}/you-said-we-did/manage` }],
  },
  "/collaboratives/[slug]/you-said-we-did/manage/new": {
    probes: () => [{ url: `/collaboratives/${B}/you-said-we-did/manage/new` }],
  },
  "/collaboratives/[slug]/you-said-we-did/manage/[itemId]": {
    probes: (i) => [
      { url: `/collaboratives/${B}/you-said-we-did/manage/${i.youSaidDraftB}` },
      { url: `/collaboratives/${A}/you-said-we-did/manage/${i.youSaidDraftB}`, mixed: true },
    ],
  },
  "/concerns/track/[token]": { control: "none", probes: () => [{ url: `/concerns/track/${"x".repeat(43)}` }] },
  "/learning/[slug]": { probes: (i) => [{ url: `/learning/${i.draftLearningB}` }] },
};

/** Every route handler and page under app/ with a dynamic segment, as a pattern without route groups. */
function dynamicRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^(page|route)\.tsx?$/.test(name)) {
        const pattern =
          "/" +
          relative("app", dir)
            .split(sep)
            .filter((s) => !/^\(.*\)$/.test(s))
            .join("/");
        if (pattern.includes("[")) found.push(pattern);
      }
    }
  };
  walk("app");
  return found.sort();
}

/** B's demo round is closed; an open one (a copy of A's, with its candidates) has management pages to try. */
async function openRoundInB(client: pg.Client): Promise<string> {
  const id = `idor-round-${B}`;
  const exists = await client.query(`SELECT 1 FROM "PriorityRound" WHERE id = $1`, [id]);
  if (exists.rowCount) return id;
  const source = `(SELECT id FROM "PriorityRound" WHERE status = 'OPEN' AND "collaborativeId" = (SELECT id FROM "Collaborative" WHERE slug = '${A}') LIMIT 1)`;
  await cloneRows(client, "PriorityRound", `t.id = ${source}`, [id, B], {
    id: "$1",
    collaborativeId: `(SELECT id FROM "Collaborative" WHERE slug = $2)`,
  });
  await cloneRows(client, "PriorityCandidate", `t."roundId" = ${source}`, [id], {
    id: `t.id || '-idor'`,
    roundId: "$1",
  });
  return id;
}

async function findIds(client: pg.Client) {
  const one = async (sql: string, params: unknown[] = []): Promise<Record<string, string>> => {
    const { rows } = await client.query(sql, params);
    if (!rows[0]) throw new Error(`The demo data has nothing for: ${sql}`);
    return rows[0];
  };
  const collab = `(SELECT id FROM "Collaborative" WHERE slug = $1)`;
  const draftProject = await one(
    `SELECT p.id, p.title FROM "Project" p WHERE p."collaborativeId" = ${collab} AND p.visibility = 'DRAFT' AND EXISTS (SELECT 1 FROM "Measure" m WHERE m."projectId" = p.id)`,
    [B],
  );
  const draftMeasure = await one(
    `SELECT m.id, (SELECT id FROM "MeasurePoint" WHERE "measureId" = m.id LIMIT 1) AS point FROM "Measure" m WHERE m."projectId" = $1 ORDER BY m.id LIMIT 1`,
    [draftProject.id],
  );
  const portalProject = await one(
    `SELECT p.id, c.id AS cycle FROM "Project" p JOIN "PdsaCycle" c ON c."projectId" = p.id WHERE p."collaborativeId" = ${collab} AND p.visibility = 'PORTAL' ORDER BY p.id LIMIT 1`,
    [B],
  );
  const projectA = await one(
    `SELECT p.id, m.id AS measure FROM "Project" p JOIN "Measure" m ON m."projectId" = p.id WHERE p."collaborativeId" = ${collab} AND p.visibility = 'PUBLIC' ORDER BY p.id LIMIT 1`,
    [A],
  );
  const draftLearning = await one(
    `SELECT slug, title FROM "LearningItem" WHERE "collaborativeId" = ${collab} AND status = 'DRAFT' LIMIT 1`,
    [B],
  );
  const publishedLearning = await one(
    `SELECT slug FROM "LearningItem" WHERE "collaborativeId" = ${collab} AND status = 'PUBLISHED' LIMIT 1`,
    [B],
  );
  const adoption = await one(
    `SELECT a.id, l.slug FROM "Adoption" a JOIN "LearningItem" l ON l.id = a."learningItemId" WHERE a."collaborativeId" = ${collab} LIMIT 1`,
    [B],
  );
  const concern = await one(
    `SELECT id, reference, "whatHappened" FROM "Concern" WHERE "collaborativeId" = ${collab} ORDER BY id LIMIT 1`,
    [B],
  );
  const patient = await one(`SELECT id FROM "User" WHERE email = $1`, [ROLES.patient]);
  // A concern A's patient raised while signed in: only they (and A's lead, through triage) may read it.
  const reportedA = await one(
    `SELECT id, "whatHappened" FROM "Concern" WHERE "collaborativeId" = ${collab} AND "reporterId" = $2 ORDER BY id LIMIT 1`,
    [A, patient.id],
  );
  const userB = await one(`SELECT id, email FROM "User" WHERE email = $1`, [`lead.${B}@demo.nhs.uk`]);
  const event = await one(`SELECT id FROM "Event" WHERE "collaborativeId" = ${collab} LIMIT 1`, [B]);
  const organisation = await one(`SELECT id FROM "Organisation" WHERE "collaborativeId" = ${collab} LIMIT 1`, [B]);
  const round = { id: await openRoundInB(client) };
  const priority = await one(`SELECT slug FROM "PriorityArea" WHERE "collaborativeId" = ${collab} LIMIT 1`, [B]);
  const template = await one(`SELECT id FROM "ProjectTemplate" WHERE key = 'falls'`);
  const youSaidDraft = await youSaidDraftInB(client, userB.id!);
  return {
    template: template.id!,
    draftProjectB: draftProject.id!,
    draftMeasureB: draftMeasure.id!,
    draftPointB: draftMeasure.point!,
    portalProjectB: portalProject.id!,
    cycleB: portalProject.cycle!,
    projectA: projectA.id!,
    measureA: projectA.measure!,
    draftLearningB: draftLearning.slug!,
    publishedLearningB: publishedLearning.slug!,
    adoptionB: adoption.id!,
    adoptionBItem: adoption.slug!,
    concernB: concern.id!,
    reportedConcernA: reportedA.id!,
    userB: userB.id!,
    eventB: event.id!,
    organisationB: organisation.id!,
    roundB: round.id!,
    prioritySlugB: priority.slug!,
    youSaidDraftB: youSaidDraft.id,
    /** Text only B's members (or the reporter, or the concern's lead) may see. */
    privateText: [
      draftProject.title!,
      draftLearning.title!,
      concern.reference!,
      concern.whatHappened!.slice(0, 60),
      reportedA.whatHappened!.slice(0, 60),
      userB.email!,
      youSaidDraft.youSaid,
    ],
  };
}

/** A "You said, we did" draft of B's (the demo data has none): only B's leads and the national team may read it. */
async function youSaidDraftInB(client: pg.Client, authorId: string): Promise<{ id: string; youSaid: string }> {
  const id = `idor-yousaid-${B}`;
  const youSaid = "Draft you-said of B, not for anyone outside it";
  await client.query(
    `INSERT INTO "YouSaidWeDid" (id, "collaborativeId", "authorId", "youSaid", "weDid", "updatedAt")
     VALUES ($1, (SELECT id FROM "Collaborative" WHERE slug = $2), $3, $4, 'Not yet decided', now())
     ON CONFLICT (id) DO NOTHING`,
    [id, B, authorId, youSaid],
  );
  return { id, youSaid };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

function refused(outcome: Outcome): boolean {
  if (outcome.status === 403 || outcome.status === 404) return true;
  return outcome.status >= 300 && outcome.status < 400 && (outcome.location ?? "").startsWith("/sign-in");
}

test("no role of another collaborative, nor an anonymous visitor, reaches B's private resources by id or slug", async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  // Every dynamic route is in the sweep (a new one fails here until its ids are tried too), and nothing stale is listed.
  expect(
    Object.keys(SWEEP)
      .filter((route) => route.includes("["))
      .sort(),
  ).toEqual(dynamicRoutes());

  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  const ids = await findIds(client).finally(() => client.end());

  const cookies: Record<Role, string | undefined> = {
    anonymous: undefined,
    lead: undefined,
    staff: undefined,
    patient: undefined,
    pending: undefined,
  };
  for (const role of Object.keys(ROLES) as (keyof typeof ROLES)[])
    cookies[role] = await signInOverHttp(baseURL!, ROLES[role]);
  const controls: Record<Exclude<Control, "none">, string> = {
    leadB: await signInOverHttp(baseURL!, `lead.${B}@demo.nhs.uk`),
    admin: await signInOverHttp(baseURL!, "admin@demo.nhs.uk"),
    national: await signInOverHttp(baseURL!, "national@demo.nhs.uk"),
  };

  const failures: string[] = [];
  let requests = 0;
  for (const [pattern, entry] of Object.entries(SWEEP)) {
    if ("skip" in entry) continue;
    for (const probe of entry.probes(ids)) {
      const control = entry.control ?? "leadB";
      if (!entry.public && !probe.mixed && !probe.textOnly && control !== "none") {
        const outcome = await get(`${baseURL}${probe.url}`, { cookie: controls[control] });
        if (outcome.status !== 200)
          failures.push(`control: ${control} ${probe.url} got HTTP ${outcome.status}, expected 200 (is the id real?)`);
      }
      // A few requests at a time: the server is shared with the rest of the suite.
      await Promise.all(
        (Object.keys(cookies) as Role[]).map(async (role) => {
          const readable = probe.allowed?.includes(role);
          if (readable && !probe.textOnly) return;
          const outcome = await get(`${baseURL}${probe.url}`, { cookie: cookies[role] });
          requests += 1;
          if (outcome.status === 0 || outcome.status >= 500)
            failures.push(`${role} ${probe.url}: error ${outcome.status} ${outcome.error ?? ""}`);
          else if (!entry.public && !readable && !refused(outcome))
            failures.push(
              `${role} ${probe.url} (${pattern}): HTTP ${outcome.status}${outcome.location ? ` → ${outcome.location}` : ""}, expected a refusal`,
            );
          for (const text of ids.privateText) {
            if (outcome.body.includes(text) || outcome.body.includes(escapeHtml(text)))
              failures.push(`${role} ${probe.url}: shows B's private text "${text.slice(0, 40)}"`);
          }
        }),
      );
    }
  }
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(200);
});
