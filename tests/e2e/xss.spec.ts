// The XSS corpus (tests/fixtures/xss-payloads.ts) in every free-text field the portal shows, then every
// page that shows those fields opened in Chromium: no dialog opens, no payload sets window.__xss, the
// DOM holds no injected element, handler or script URL, and clicking the links rendered from payloads
// does nothing. The page's Content-Security-Policy is bypassed here, so the rendering itself is what is
// tested (the CSP is a second line, checked in security-headers.spec.ts).
//
// The public concern form is posted for real over HTTP (anonymously and as a patient), the way a browser
// without JavaScript sends it. Everything else is written straight into the e2e database as copies of
// demo rows with every text column set to the whole corpus, including columns the forms would refuse
// such text in (lengths, URL formats): what is stored must render inert however it got there.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, scansFinished, freshConcernLimits } from "./fixtures";
import { poolConfigFromUrl } from "@/lib/db-url";
import { cloneRows } from "@/tests/fixtures/db-clone";
import { concernForm } from "@/tests/fixtures/concern-form";
import {
  concernFormAction,
  get,
  hiddenFieldsOfForm,
  postForm,
  signInOverHttp,
  submitConcernForm,
  testIp,
} from "@/tests/fixtures/portal-client";
import { XSS_PAYLOADS } from "@/tests/fixtures/xss-payloads";

test.beforeEach(freshConcernLimits);

test.use({ bypassCSP: true });

// Blank lines between payloads, so each Markdown payload is a block of its own (as in the unit test).
const CORPUS = XSS_PAYLOADS.join("\n\n");
const SCRIPT_URL = "javascript:window.__xss=1";

/**
 * The corpus in pieces of at most `max` characters (for fields with a limit), each payload whole.
 * Counted as a browser sends a text area, each line break as \r\n (the form stores it as \n: the conservative count).
 */
function corpusIn(max: number): string[] {
  const sent = (text: string) => text.replace(/\r?\n/g, "\r\n").length;
  const pieces: string[] = [];
  for (const payload of XSS_PAYLOADS) {
    const last = pieces.at(-1);
    if (last !== undefined && sent(`${last}\n\n${payload}`) <= max) pieces[pieces.length - 1] = `${last}\n\n${payload}`;
    else pieces.push(payload);
  }
  return pieces;
}
const A = "wessex";
const COMMENTER = "staff.oxford@demo.nhs.uk";
const run = randomUUID().slice(0, 8);
const sfx = `-xss-${run}`;

type Written = Awaited<ReturnType<typeof writeCorpus>>;

/** Copies of Wessex's public project (with its team, drivers, change ideas, cycles, measures and points), learning, events and more, every text the corpus. */
async function writeCorpus(client: pg.Client, concernId: string) {
  const one = async (sql: string, params: unknown[] = []) => {
    const { rows } = await client.query(sql, params);
    if (!rows[0]) throw new Error(`The demo data has nothing for: ${sql}`);
    return rows[0] as Record<string, string>;
  };
  const collab = `(SELECT id FROM "Collaborative" WHERE slug = '${A}')`;
  const T = "$1";
  const newId = `t.id || '${sfx}'`;
  const same = (column: string) => `t."${column}" || '${sfx}'`;
  const sameOrNull = (column: string) => `CASE WHEN t."${column}" IS NULL THEN NULL ELSE t."${column}" || '${sfx}' END`;

  // A person whose name and job title are the corpus, on Wessex's staff.
  const staff = await one(`SELECT id FROM "User" WHERE email = $1`, [`staff.${A}@demo.nhs.uk`]);
  const [personId] = await cloneRows(client, "User", `t.id = $2`, [CORPUS, staff.id, `xss.${run}@example.org`], {
    id: newId,
    name: T,
    email: "$3",
    passwordHash: "NULL",
  });
  await cloneRows(
    client,
    "Membership",
    `t."userId" = $2 AND t."collaborativeId" = ${collab}`,
    [CORPUS, staff.id, personId],
    { id: newId, userId: "$3", jobTitle: T },
  );
  const [organisationId] = await cloneRows(
    client,
    "Organisation",
    `t.id = (SELECT id FROM "Organisation" WHERE "collaborativeId" = ${collab} ORDER BY id LIMIT 1)`,
    [CORPUS, run],
    {
      id: newId,
      name: `$1 || $2`,
      odsCode: "NULL",
    },
  );

  // The project and its parts.
  const source = await one(
    `SELECT id FROM "Project" WHERE "collaborativeId" = ${collab} AND visibility = 'PUBLIC' ORDER BY id LIMIT 1`,
  );
  const where = `t."projectId" = $2`;
  const p = [CORPUS, source.id] as const;
  const [projectId] = await cloneRows(client, "Project", `t.id = $2`, [...p], {
    id: newId,
    title: T,
    problem: T,
    aimWhat: T,
    aimHowMuch: T,
    learningSummary: T,
    closedReason: T,
  });
  for (const table of ["ProjectPriority", "ProjectPathwayStage", "ProjectOrganisation"])
    await cloneRows(client, table, `t."projectId" = $1`, [source.id], { projectId: same("projectId") });
  await client.query(`INSERT INTO "ProjectOrganisation" ("projectId", "organisationId") VALUES ($1, $2)`, [
    projectId,
    organisationId,
  ]);
  await cloneRows(client, "ProjectTeamMember", where, [...p], {
    id: newId,
    projectId: same("projectId"),
    name: T,
    role: T,
  });
  await cloneRows(client, "ProjectStatusChange", where, [...p], { id: newId, projectId: same("projectId"), reason: T });
  // Parents before children: the diagram's nodes are copied level by level.
  for (let depth = 0; depth < 6; depth++) {
    await cloneRows(
      client,
      "DriverNode",
      `${where} AND NOT EXISTS (SELECT 1 FROM "DriverNode" n WHERE n.id = t.id || '${sfx}') AND (t."parentId" IS NULL OR EXISTS (SELECT 1 FROM "DriverNode" n WHERE n.id = t."parentId" || '${sfx}'))`,
      [...p],
      {
        id: newId,
        projectId: same("projectId"),
        parentId: sameOrNull("parentId"),
        text: T,
      },
    );
  }
  await cloneRows(client, "ChangeIdea", where, [...p], {
    id: newId,
    projectId: same("projectId"),
    driverNodeId: sameOrNull("driverNodeId"),
    title: T,
    description: T,
  });
  const cycles = await cloneRows(client, "PdsaCycle", where, [...p], {
    id: newId,
    projectId: same("projectId"),
    changeIdeaId: same("changeIdeaId"),
    title: T,
    plan: T,
    prediction: T,
    doNotes: T,
    study: T,
    actNotes: T,
  });
  const measures = await cloneRows(client, "Measure", where, [...p], {
    id: newId,
    projectId: same("projectId"),
    name: T,
    definition: T,
    unit: T,
  });
  // Notes (the chart's annotations) on a few points of each measure.
  await cloneRows(
    client,
    "MeasurePoint",
    `t."measureId" IN (SELECT id FROM "Measure" WHERE "projectId" = $2)`,
    [...p],
    {
      id: newId,
      measureId: same("measureId"),
      note: `CASE WHEN extract(month FROM t."periodStart") IN (1, 7) THEN $1 ELSE t.note END`,
    },
  );

  // A published learning item from the project: title, summary, Markdown body, tags (each payload a tag), link.
  const item = await one(
    `SELECT id FROM "LearningItem" WHERE "collaborativeId" = ${collab} AND status = 'PUBLISHED' ORDER BY id LIMIT 1`,
  );
  const [learningId] = await cloneRows(
    client,
    "LearningItem",
    `t.id = $2`,
    [CORPUS, item.id, XSS_PAYLOADS, SCRIPT_URL, personId, projectId],
    {
      id: newId,
      slug: `t.slug || '${sfx}'`,
      title: T,
      summary: T,
      body: T,
      tags: "$3::text[]",
      resourceUrl: "$4",
      authorId: "$5",
      projectId: "$6",
      measureId: "NULL",
    },
  );
  for (const table of ["LearningItemPriority", "LearningItemPathwayStage"])
    await cloneRows(client, table, `t."learningItemId" = $1`, [item.id], {
      learningItemId: `t."learningItemId" || '${sfx}'`,
    });
  await cloneRows(
    client,
    "Comment",
    `t.id = (SELECT id FROM "Comment" WHERE "parentId" IS NULL ORDER BY id LIMIT 1)`,
    [CORPUS, learningId, personId],
    { id: newId, learningItemId: "$2", authorId: "$3", body: T },
  );
  // Spread: other collaboratives' adoptions of it, with their notes and reasons.
  const adoption = await one(`SELECT id FROM "Adoption" WHERE "notAdoptedReason" IS NULL ORDER BY id LIMIT 1`);
  const [adoptionId] = await cloneRows(client, "Adoption", `t.id = $2`, [CORPUS, adoption.id, learningId], {
    id: newId,
    learningItemId: "$3",
    notAdoptedReason: T,
    projectId: "NULL",
    measureId: "NULL",
  });
  await cloneRows(client, "AdoptionStatusChange", `t."adoptionId" = $2`, [CORPUS, adoption.id, adoptionId], {
    id: newId,
    adoptionId: "$3",
    reason: T,
  });

  // Community: an event, a local priority, an open round (candidates, comments) and a closed one (results).
  const [eventId] = await cloneRows(
    client,
    "Event",
    `t.id = (SELECT id FROM "Event" WHERE "collaborativeId" = ${collab} ORDER BY id LIMIT 1)`,
    [CORPUS, SCRIPT_URL],
    {
      id: newId,
      title: T,
      description: T,
      agenda: T,
      location: T,
      onlineUrl: "$2",
    },
  );
  const priority = await one(`SELECT id FROM "PriorityArea" WHERE "collaborativeId" = ${collab} ORDER BY id LIMIT 1`);
  await cloneRows(client, "PriorityArea", `t.id = $2`, [CORPUS, priority.id], {
    id: newId,
    slug: `t.slug || '${sfx}'`,
    name: T,
    description: T,
    rationale: T,
    candidateId: "NULL",
  });
  const rounds: Record<"open" | "closed", string> = { open: "", closed: "" };
  for (const status of ["OPEN", "CLOSED"] as const) {
    const round = await one(`SELECT id FROM "PriorityRound" WHERE status = $1 ORDER BY id LIMIT 1`, [status]);
    // Copied open, then closed like the original (the database refuses changes to a closed round).
    const [roundId] = await cloneRows(client, "PriorityRound", `t.id = $2`, [CORPUS, round.id], {
      id: newId,
      title: T,
      description: T,
      decisionRationale: T,
      status: `'OPEN'`,
    });
    await cloneRows(client, "PriorityCandidate", `t."roundId" = $2`, [CORPUS, round.id], {
      id: newId,
      roundId: same("roundId"),
      // A round's candidate titles are unique (whatever their capitals): the corpus, then the original title.
      title: `${T} || ' ' || t."title"`,
      description: T,
    });
    await cloneRows(client, "PriorityComment", `t."roundId" = $2`, [CORPUS, round.id], {
      id: newId,
      roundId: same("roundId"),
      candidateId: sameOrNull("candidateId"),
      body: T,
    });
    await cloneRows(client, "Ballot", `t."roundId" = $1`, [round.id], { id: newId, roundId: same("roundId") });
    await cloneRows(
      client,
      "BallotRanking",
      `t."ballotId" IN (SELECT id FROM "Ballot" WHERE "roundId" = $1)`,
      [round.id],
      { ballotId: same("ballotId"), candidateId: same("candidateId") },
    );
    await client.query(`UPDATE "PriorityRound" SET status = $1 WHERE id = $2`, [status, roundId]);
    rounds[status === "OPEN" ? "open" : "closed"] = roundId!;
  }
  const roundSlugs = await client.query<{ id: string; slug: string }>(
    `SELECT r.id, c.slug FROM "PriorityRound" r JOIN "Collaborative" c ON c.id = r."collaborativeId" WHERE r.id = ANY($1)`,
    [[rounds.open, rounds.closed]],
  );
  const roundPath = (id: string) => `/collaboratives/${roundSlugs.rows.find((r) => r.id === id)!.slug}/rounds/${id}`;

  // The concern (sent through the real form): internal notes, a response to the reporter, a status change's reason.
  await cloneRows(
    client,
    "ConcernNote",
    `t.id = (SELECT id FROM "ConcernNote" ORDER BY id LIMIT 1)`,
    [CORPUS, concernId],
    { id: newId, concernId: "$2", body: T },
  );
  await cloneRows(
    client,
    "ConcernResponse",
    `t.id = (SELECT id FROM "ConcernResponse" ORDER BY id LIMIT 1)`,
    [CORPUS, concernId],
    { id: newId, concernId: "$2", body: T },
  );
  await cloneRows(client, "ConcernStatusChange", `t."concernId" = $2`, [CORPUS, concernId], { id: newId, reason: T });

  // Reference data administrators edit: a pathway stage and a national priority area, both the corpus,
  // given to the copied project and learning item (so they show in filters, on both pages and on the
  // national dashboard).
  const [stageId] = await cloneRows(
    client,
    "PathwayStage",
    `t.id = (SELECT id FROM "PathwayStage" ORDER BY "sortOrder" LIMIT 1)`,
    [CORPUS],
    { id: newId, slug: `t.slug || '${sfx}'`, name: T },
  );
  const [areaId] = await cloneRows(
    client,
    "PriorityArea",
    `t.id = (SELECT id FROM "PriorityArea" WHERE kind = 'NATIONAL' ORDER BY id LIMIT 1)`,
    [CORPUS],
    { id: newId, slug: `t.slug || '${sfx}'`, name: T, description: T },
  );
  await client.query(`INSERT INTO "ProjectPathwayStage" ("projectId", "pathwayStageId") VALUES ($1, $2)`, [
    projectId,
    stageId,
  ]);
  await client.query(`INSERT INTO "LearningItemPathwayStage" ("learningItemId", "pathwayStageId") VALUES ($1, $2)`, [
    learningId,
    stageId,
  ]);
  await client.query(`INSERT INTO "ProjectPriority" ("projectId", "priorityAreaId") VALUES ($1, $2)`, [
    projectId,
    areaId,
  ]);
  await client.query(`INSERT INTO "LearningItemPriority" ("learningItemId", "priorityAreaId") VALUES ($1, $2)`, [
    learningId,
    areaId,
  ]);

  const learningSlug = (await one(`SELECT slug FROM "LearningItem" WHERE id = $1`, [learningId])).slug!;
  const prioritySlug = (await one(`SELECT slug FROM "PriorityArea" WHERE id = $1`, [`${priority.id}${sfx}`])).slug!;
  // A point whose note is the corpus, from whichever copied measure has one (the project may also have
  // measures with no data in January or July, and the copies come back in no particular order).
  const point = await one(
    `SELECT id, "measureId" FROM "MeasurePoint" WHERE "measureId" = ANY($1::text[]) AND note <> '' ORDER BY "measureId", "periodStart" LIMIT 1`,
    [measures],
  );
  return {
    pointId: point.id!,
    personId: personId!,
    projectId: projectId!,
    cycleId: cycles[0]!,
    measureId: point.measureId!,
    learningSlug,
    eventId: eventId!,
    prioritySlug,
    openRound: roundPath(rounds.open),
    closedRound: roundPath(rounds.closed),
    adoptionId: adoptionId!,
  };
}

/**
 * The collaborative's own texts (its names, region, description and the email domains administrators
 * set) become payloads for the test, and are put back afterwards: a copy would not be one of the 15
 * the map, the dashboards and the lists are built around.
 */
async function collaborativeAsCorpus(url: string): Promise<() => Promise<void>> {
  const query = async (sql: string, params: unknown[]) => {
    const client = new pg.Client(poolConfigFromUrl(url));
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  const columns = ["name", "leadAhsn2014", "nameSince2023", "region", "description"];
  const { rows } = await query(
    `SELECT ${columns.map((c) => `"${c}"`).join(", ")}, "allowedEmailDomains" FROM "Collaborative" WHERE slug = $1`,
    [A],
  );
  const original = rows[0] as Record<string, unknown>;
  const setTexts = (texts: unknown[], domains: unknown) =>
    query(
      `UPDATE "Collaborative" SET ${columns.map((c, i) => `"${c}" = $${i + 2}`).join(", ")}, "allowedEmailDomains" = $${columns.length + 2} WHERE slug = $1`,
      [A, ...texts, domains],
    );
  const payload = (i: number) =>
    `${XSS_PAYLOADS[i % XSS_PAYLOADS.length]} ${XSS_PAYLOADS[(i + 1) % XSS_PAYLOADS.length]}`;
  await setTexts(
    columns.map((c, i) => (c === "description" ? CORPUS : payload(i * 7))),
    XSS_PAYLOADS.slice(0, 6),
  );
  return async () => {
    await setTexts(
      columns.map((c) => original[c]),
      original.allowedEmailDomains,
    );
  };
}

/** Posts the form on the page at `path` that has a `field`, as a browser without JavaScript does. */
async function postPageForm(
  baseURL: string,
  path: string,
  cookie: string,
  field: string,
  values: Record<string, string>,
) {
  const page = await get(`${baseURL}${path}`, { cookie });
  expect(page.status, `GET ${path}`).toBe(200);
  return postForm(`${baseURL}${path}`, { ...hiddenFieldsOfForm(page.body, field), ...values }, { cookie });
}

/** What a page shows must be inert: nothing ran, and nothing in the DOM could run. */
async function expectInert(page: Page, dialogs: string[]) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push("window.__xss was set");
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const name = element.localName;
      if (["iframe", "frame", "object", "embed", "base", "animate", "set", "foreignobject"].includes(name))
        found.push(`<${name}> element`);
      if (name === "meta" && element.hasAttribute("http-equiv") && /refresh/i.test(element.getAttribute("http-equiv")!))
        found.push("meta refresh");
      if (element.closest("svg") && name === "script") found.push("<script> in an SVG");
      for (const attribute of element.getAttributeNames()) {
        if (/^on/i.test(attribute) || attribute === "srcdoc") found.push(`<${name} ${attribute}>`);
        if (/^(href|src|action|formaction|data|xlink:href|poster|background)$/i.test(attribute)) {
          const value = element.getAttribute(attribute)!.replace(/[\p{Cc} ]/gu, "");
          // React 19 replaces a javascript: URL with one that only throws: that one is inert.
          if (
            /^javascript:/i.test(value) &&
            !value.startsWith("javascript:thrownewError('Reacthasblockedajavascript:URL")
          )
            found.push(`<${name} ${attribute}="${value.slice(0, 60)}">`);
          if (/^(vbscript:|data:(text|image\/svg|application))/i.test(value))
            found.push(`<${name} ${attribute}="${value.slice(0, 60)}">`);
        }
      }
    }
    for (const script of Array.from(document.scripts)) {
      const code = script.textContent ?? "";
      // Next's own inline scripts carry the page's data, payloads included, as JSON strings.
      if (/__xss|alert\(/.test(code) && !/^\s*\(?self\.__next_f/.test(code))
        found.push(`injected script: ${code.slice(0, 60)}`);
    }
    return found;
  });
  expect(problems, page.url()).toEqual([]);
  expect(dialogs, page.url()).toEqual([]);
}

/** Clicks every link on the page that points at a script or nowhere (what payload links become); returns how many. */
async function clickScriptLinks(page: Page): Promise<number> {
  const clicked = await page.evaluate(() => {
    let count = 0;
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("main a[href]"))) {
      const href = link.getAttribute("href")!.replace(/[\p{Cc} ]/gu, "");
      if (/^(javascript|vbscript|data):/i.test(href) || href === "#") {
        link.click();
        count += 1;
      }
    }
    return count;
  });
  await page.waitForTimeout(300);
  return clicked;
}

let restoreCollaborative: (() => Promise<void>) | undefined;
test.afterEach(async () => {
  await restoreCollaborative?.();
});

test("the XSS corpus in every free-text field renders inert on every page that shows it", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("Set E2E_DATABASE_URL to the e2e server's database (npm test does)");

  // The concern form, for real: anonymously, and as a signed-in patient linking it to their account.
  const action = await concernFormAction(baseURL!);
  // The form's limits: 5,000 characters for what happened, 3,000 for impact and what would have helped, 200 for the organisation.
  const [impact, whatWouldHaveHelped = impact!] = corpusIn(3000);
  const concernFields = {
    organisationText: XSS_PAYLOADS.slice(0, 4).join(" ").slice(0, 200),
    whatHappened: corpusIn(5000)[0]!,
    impact: impact!,
    whatWouldHaveHelped: whatWouldHaveHelped,
  };
  const anonymous = await submitConcernForm(baseURL!, action, randomUUID(), concernFields);
  expect(anonymous.reference, `concern form answered ${anonymous.outcome.status}`).not.toBeNull();
  const sent = anonymous.outcome.setCookie.find((c) => c.startsWith("psc-concern-sent="))!;
  const token = decodeURIComponent(sent.split(";")[0]!.split("=")[1]!).split(".")[1]!;
  const cookies = {
    lead: await signInOverHttp(baseURL!, `lead.${A}@demo.nhs.uk`),
    patient: await signInOverHttp(baseURL!, "patient@demo.nhs.uk"),
    admin: await signInOverHttp(baseURL!, "admin@demo.nhs.uk"),
    national: await signInOverHttp(baseURL!, "national@demo.nhs.uk"),
    // Staff of another collaborative: comments on learning are open to staff anywhere.
    commenter: await signInOverHttp(baseURL!, COMMENTER),
  };
  const mine = await postForm(
    `${baseURL}/concerns/new`,
    {
      ...action,
      ...concernForm({
        ...concernFields,
        organisationText: XSS_PAYLOADS.slice(4, 8).join(" ").slice(0, 200),
        linkToAccount: "yes",
      }),
    },
    { cookie: cookies.patient, ip: testIp() },
  );
  expect(mine.status, "the signed-in concern form").toBe(303);

  restoreCollaborative = await collaborativeAsCorpus(url);
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  let w: Written;
  let concernId: string;
  let patientConcernId: string;
  try {
    concernId = (await client.query(`SELECT id FROM "Concern" WHERE reference = $1`, [anonymous.reference])).rows[0].id;
    patientConcernId = (
      await client.query(
        `SELECT id FROM "Concern" WHERE "reporterId" = (SELECT id FROM "User" WHERE email = 'patient@demo.nhs.uk') AND "organisationText" = $1`,
        [XSS_PAYLOADS.slice(4, 8).join(" ").slice(0, 200)],
      )
    ).rows[0].id;
    w = await writeCorpus(client, concernId);
    await cloneRows(
      client,
      "ConcernResponse",
      `t.id = (SELECT id FROM "ConcernResponse" ORDER BY id LIMIT 1)`,
      [CORPUS, patientConcernId],
      { id: `t.id || '-xss-${run}-mine'`, concernId: "$2", body: "$1" },
    );
    // The dashboards read summaries the worker refreshes every 5 minutes: refresh them now, as the job does, so the copies show.
    // (The app role may not refresh a view itself: the owner's function does it, as for the job.)
    await client.query("SELECT psc_refresh_dashboard_summaries()");
    await client.query(
      `INSERT INTO "DashboardSummaryRefresh" (id, "refreshedAt", "durationMs", "sourceChanges") VALUES ('dashboard', now(), 0, 0) ON CONFLICT (id) DO UPDATE SET "refreshedAt" = now()`,
    );
  } finally {
    await client.end();
  }

  // Comments through their real forms: on the learning item (staff elsewhere; 5,000 characters) and in the open round (a patient; 2,000 each).
  const [learningComment] = corpusIn(5000);
  const comment = await postPageForm(baseURL!, `/learning/${w.learningSlug}`, cookies.commenter, "body", {
    body: learningComment!,
  });
  expect(comment.status, "the learning comment form").toBeLessThan(400);
  const roundComments = corpusIn(2000);
  for (const body of roundComments) {
    const posted = await postPageForm(baseURL!, w.openRound, cookies.patient, "body", { body });
    expect(posted.status, "the round comment form").toBeLessThan(400);
  }
  const check = new pg.Client(poolConfigFromUrl(url));
  await check.connect();
  try {
    // Stored as typed (line breaks as \n, however the browser sent them).
    const saved = await check.query(
      `SELECT (SELECT count(*) FROM "Comment" c JOIN "LearningItem" l ON l.id = c."learningItemId" WHERE l.slug = $1 AND c."authorId" = (SELECT id FROM "User" WHERE email = $5) AND c.body = $2)::int AS learning,
              (SELECT count(*) FROM "PriorityComment" WHERE "roundId" = $3 AND body = ANY($4))::int AS round`,
      [w.learningSlug, learningComment, w.openRound.split("/").pop(), roundComments, COMMENTER],
    );
    expect(saved.rows[0], "comments sent through the forms are stored as typed").toEqual({
      learning: 1,
      round: roundComments.length,
    });
  } finally {
    await check.end();
  }

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const project = `/projects/${w.projectId}`;
  const visits: { as: keyof typeof cookies | "anonymous"; path: string; links?: true }[] = [
    // Public pages
    { as: "anonymous", path: project },
    { as: "anonymous", path: `${project}/cycles/${w.cycleId}` },
    { as: "anonymous", path: `${project}/measures/${w.measureId}` },
    { as: "anonymous", path: `${project}/report` },
    { as: "anonymous", path: `/learning/${w.learningSlug}`, links: true },
    { as: "anonymous", path: `/learning?q=${encodeURIComponent("onerror script")}` },
    { as: "anonymous", path: `/collaboratives/${A}` },
    { as: "anonymous", path: "/collaboratives" },
    { as: "anonymous", path: "/learning" },
    { as: "anonymous", path: `/collaboratives/${A}/events/${w.eventId}` },
    { as: "anonymous", path: `/collaboratives/${A}/priorities/${w.prioritySlug}` },
    { as: "anonymous", path: w.closedRound },
    { as: "anonymous", path: `/concerns/track/${token}` },
    { as: "anonymous", path: "/concerns/new" },
    // A patient: their own concerns, and a round they take part in
    { as: "patient", path: `/my/concerns/${patientConcernId}` },
    { as: "patient", path: w.openRound },
    // The collaborative's lead: triage, members, organisations, the dashboard, and the edit forms (text inside inputs and text areas)
    { as: "lead", path: `/collaboratives/${A}/concerns` },
    { as: "lead", path: `/collaboratives/${A}/concerns/${concernId}` },
    { as: "lead", path: `/collaboratives/${A}/members` },
    { as: "lead", path: `/collaboratives/${A}/organisations` },
    { as: "lead", path: `/collaboratives/${A}/dashboard` },
    { as: "lead", path: `/learning/${w.learningSlug}`, links: true },
    // The online link is shown to leads and to people who have signed up.
    { as: "lead", path: `/collaboratives/${A}/events/${w.eventId}`, links: true },
    { as: "lead", path: `/projects?q=onerror` },
    { as: "lead", path: `${project}/edit` },
    { as: "lead", path: `${project}/drivers` },
    { as: "lead", path: `${project}/team` },
    { as: "lead", path: `${project}/status` },
    { as: "lead", path: `${project}/measures/${w.measureId}/points/${w.pointId}` },
    { as: "lead", path: `${w.openRound}/edit` },
    { as: "lead", path: `${project}/cycles/${w.cycleId}/edit` },
    { as: "lead", path: `${project}/measures/${w.measureId}/edit` },
    { as: "lead", path: `/learning/${w.learningSlug}/edit` },
    { as: "lead", path: `/collaboratives/${A}/events/${w.eventId}/edit` },
    // The national team: the dashboard, where collaboratives and national areas are rows
    { as: "national", path: "/national" },
    { as: "national", path: "/national/coverage" },
    { as: "national", path: "/national/improvement" },
    { as: "national", path: "/national/spread" },
    { as: "national", path: "/projects" },
    // An administrator: people, the pathway stages, the collaboratives' email domains
    { as: "admin", path: `/admin?q=${encodeURIComponent(`xss.${run}`)}` },
    { as: "admin", path: `/admin/people/${w.personId}` },
    { as: "admin", path: "/admin/pathway-stages" },
    { as: "admin", path: "/admin/collaboratives" },
  ];

  let signedInAs: string | null = null;
  let linksClicked = 0;
  for (const visit of visits) {
    if (visit.as !== signedInAs) {
      await page.context().clearCookies();
      if (visit.as !== "anonymous") {
        const [name, value] = cookies[visit.as].split(/=(.*)/s) as [string, string];
        await page.context().addCookies([{ name, value, url: baseURL! }]);
      }
      signedInAs = visit.as;
    }
    const response = await page.goto(visit.path);
    expect(response?.status(), `${visit.as} ${visit.path}`).toBe(200);
    // The payloads are on the page (as text, or in form fields and options), so the check below is not vacuous.
    const shown = await page.evaluate(() =>
      [
        document.body.innerText,
        ...Array.from(
          document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLOptionElement>(
            "input, textarea, option",
          ),
          (e) => e.value,
        ),
      ].join("\n"),
    );
    expect(shown, `${visit.as} ${visit.path} shows no payload`).toMatch(/__xss=1|alert\(1\)/);
    await expectInert(page, dialogs);
    if (visit.links) {
      const clicked = await clickScriptLinks(page);
      expect(clicked, `links rendered from payloads on ${visit.path}`).toBeGreaterThan(0);
      linksClicked += clicked;
      await expectInert(page, dialogs);
    }
    // This page's accessibility scan finishes before the next address is opened.
    await scansFinished(page);
  }
  // The learning item's Markdown links and resource link, and the event's online link, were there to click.
  expect(linksClicked).toBeGreaterThan(30);
});
