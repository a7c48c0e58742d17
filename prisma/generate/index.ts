/**
 * `npm run db:generate -- --scale N`: fills an empty, migrated database (reference data only) with
 * national-scale synthetic data for the dashboard benchmark. Scale 1 ≈ 300 organisations, 20,000
 * projects, 60,000 measures, 1.5 million data points, 200,000 concerns, 20,000 learning items and
 * 50,000 adoptions across the 15 collaboratives. Deterministic: the same scale gives the same rows
 * (a fixed PRNG and a fixed "today"). Rows go in as multi-row INSERT … SELECT FROM unnest(arrays),
 * thousands per statement; each measure's stored SPC status comes from lib/measures/spc-status.ts,
 * the same maths as every write path, and the dashboard summaries are refreshed at the end.
 */
import pg from "pg";
import type { ImprovementDirection } from "@/lib/generated/prisma/enums";
import { poolConfigFromUrl } from "@/lib/db-url";
import { measureSpcStatus, showsImprovement } from "@/lib/measures/spc-status";
import { NATIONAL_METRICS } from "@/lib/dashboard/national-metrics";
import { Rng, addDays, addMonths } from "@/prisma/seed/random";

/** The generated data's "today" and its latest measure month (fixed, so runs are comparable). */
export const GENERATED_NOW = new Date(Date.UTC(2026, 10, 20, 10, 0, 0));
export const GENERATED_LAST_MONTH = new Date(Date.UTC(2026, 9, 1));
const MAX_MONTHS = 36;
const BATCH = 5_000;

type Column = { name: string; type: string; cast?: string };

/** INSERT … SELECT FROM unnest($1::type[], …): one statement per batch of rows. */
async function insertRows(client: pg.ClientBase, table: string, columns: Column[], rows: unknown[][]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    const slice = rows.slice(start, start + BATCH);
    const arrays = columns.map((_, i) => slice.map((row) => row[i] ?? null));
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const selects = columns.map((c, i) => (c.cast ? `c${i}::"${c.cast}"` : `c${i}`)).join(", ");
    const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
    const aliases = columns.map((_, i) => `c${i}`).join(", ");
    await client.query(
      `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnest}) AS t(${aliases})`,
      arrays,
    );
  }
}

const col = (name: string, type = "text", cast?: string): Column => ({ name, type, cast });

function parseScale(argv: string[]): number {
  const index = argv.indexOf("--scale");
  const raw = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith("--scale="))?.slice(8);
  const scale = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 20)
    throw new Error(`--scale must be a number above 0 and at most 20 (got ${raw})`);
  return scale;
}

const ORG_TYPES = [
  "ACUTE_TRUST",
  "MENTAL_HEALTH_TRUST",
  "COMMUNITY_SERVICE",
  "GP_PRACTICE",
  "CARE_HOME",
  "CARE_HOME",
  "GP_PRACTICE",
  "LOCAL_AUTHORITY",
  "CHARITY",
  "AMBULANCE_SERVICE",
];
const STATUSES: [string, number][] = [
  ["IDEA", 0.06],
  ["PLANNING", 0.1],
  ["TESTING", 0.3],
  ["IMPLEMENTING", 0.22],
  ["SPREADING", 0.1],
  ["SUSTAINING", 0.1],
  ["CLOSED", 0.12],
];
const VISIBILITIES: [string, number][] = [
  ["DRAFT", 0.2],
  ["PORTAL", 0.5],
  ["PUBLIC", 0.3],
];
const ADOPTION_STATUSES: [string, number][] = [
  ["CONSIDERING", 0.2],
  ["TESTING", 0.3],
  ["ADOPTED", 0.3],
  ["SUSTAINED", 0.12],
  ["NOT_ADOPTED", 0.08],
];
const CONCERN_STATUSES = ["ACKNOWLEDGED", "UNDER_REVIEW", "LINKED", "RESPONDED", "CLOSED"];
const RELATIONS = ["PATIENT", "CARER", "OTHER"];
const AREA_WORDS: Record<string, string> = {
  infections: "infection prevention",
  "pressure-ulcers": "pressure ulcer prevention",
  "medication-safety": "medicines safety",
  falls: "falls prevention",
  "transfers-discharge": "safer discharge",
  local: "local priority",
};

function weighted(rng: Rng, options: [string, number][]): string {
  let r = rng.float();
  for (const [value, weight] of options) {
    if ((r -= weight) < 0) return value;
  }
  return options[options.length - 1]![0];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type GenerateCounts = Record<string, number>;

/** Generates into the database at `databaseUrl`; refuses unless it holds reference data and nothing else. */
export async function generate(
  databaseUrl: string,
  scale: number,
  log: (line: string) => void = console.log,
): Promise<GenerateCounts> {
  const pool = new pg.Pool({ ...poolConfigFromUrl(databaseUrl), max: 2 });
  const client = await pool.connect();
  const started = Date.now();
  const step = (label: string) => log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  try {
    const check = await client.query<{
      collaboratives: number;
      areas: number;
      stages: number;
      projects: number;
      concerns: number;
      learning: number;
      users: number;
    }>(`
      SELECT (SELECT count(*) FROM "Collaborative")::int AS collaboratives,
             (SELECT count(*) FROM "PriorityArea" WHERE kind = 'NATIONAL')::int AS areas,
             (SELECT count(*) FROM "PathwayStage")::int AS stages,
             (SELECT count(*) FROM "Project")::int AS projects,
             (SELECT count(*) FROM "Concern")::int AS concerns,
             (SELECT count(*) FROM "LearningItem")::int AS learning,
             (SELECT count(*) FROM "User")::int AS users`);
    const state = check.rows[0]!;
    if (state.collaboratives !== 15 || state.areas !== 5 || state.stages === 0) {
      throw new Error(
        "The database has no reference data: migrate it and run `npm run db:seed -- --reference-only` first.",
      );
    }
    if (state.projects + state.concerns + state.learning + state.users > 0) {
      throw new Error(
        "The database already holds data: the generator only fills an empty, migrated database with reference data.",
      );
    }

    const collaboratives = (
      await client.query<{ id: string; slug: string; name: string }>(
        `SELECT id, slug, name FROM "Collaborative" ORDER BY slug`,
      )
    ).rows;
    const nationalAreas = (
      await client.query<{ id: string; slug: string; name: string }>(
        `SELECT id, slug, name FROM "PriorityArea" WHERE kind = 'NATIONAL' ORDER BY slug`,
      )
    ).rows;
    const stages = (await client.query<{ id: string }>(`SELECT id FROM "PathwayStage" ORDER BY "sortOrder"`)).rows.map(
      (r) => r.id,
    );
    const rng = new Rng(`generate:${scale}`);
    const now = GENERATED_NOW;
    const counts: GenerateCounts = {};
    await client.query("BEGIN");

    // Collaboratives differ in size, so the national views have something to show.
    const weights = collaboratives.map((_, i) => 0.6 + ((i * 7) % 15) / 15);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const pickCollaborative = () => {
      let r = rng.float() * totalWeight;
      for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
      return weights.length - 1;
    };

    // ── Organisations and people ──────────────────────────────────────────────
    const orgsPer = Math.max(1, Math.round(20 * scale));
    const usersPer = Math.max(2, Math.round(100 * scale));
    const orgRows: unknown[][] = [];
    const userRows: unknown[][] = [];
    const membershipRows: unknown[][] = [];
    const localAreaRows: unknown[][] = [];
    const orgsBy: string[][] = [];
    const usersBy: string[][] = [];
    const localAreasBy: string[][] = [];
    collaboratives.forEach((c, ci) => {
      orgsBy[ci] = [];
      usersBy[ci] = [];
      localAreasBy[ci] = [];
      for (let i = 0; i < orgsPer; i++) {
        const id = rng.id();
        orgsBy[ci]!.push(id);
        orgRows.push([
          id,
          c.id,
          `${c.name.replace(" Patient Safety Collaborative", "")} member organisation ${i + 1}`,
          ORG_TYPES[i % ORG_TYPES.length],
          now,
        ]);
      }
      for (let i = 0; i < usersPer; i++) {
        const id = rng.id();
        usersBy[ci]!.push(id);
        userRows.push([
          id,
          `generated.${c.slug}.${i + 1}@generated.nhs.uk`,
          `Generated member ${i + 1} (${c.slug})`,
          now,
          now,
        ]);
        membershipRows.push([
          rng.id(),
          id,
          c.id,
          orgsBy[ci]![i % orgsPer],
          i === 0 ? "LEAD" : i % 10 === 9 ? "PATIENT" : "STAFF",
          "ACTIVE",
          now,
        ]);
      }
      for (let i = 0; i < 2; i++) {
        const id = rng.id();
        localAreasBy[ci]!.push(id);
        localAreaRows.push([
          id,
          `${c.slug}-generated-local-${i + 1}`,
          `Local priority ${i + 1} (${c.slug})`,
          "LOCAL",
          "ACTIVE",
          c.id,
          now,
        ]);
      }
    });
    await insertRows(
      client,
      "Organisation",
      [
        col("id"),
        col("collaborativeId"),
        col("name"),
        col("type", "text", "OrganisationType"),
        col("createdAt", "timestamp"),
      ],
      orgRows,
    );
    await insertRows(
      client,
      "User",
      [col("id"), col("email"), col("name"), col("createdAt", "timestamp"), col("updatedAt", "timestamp")],
      userRows,
    );
    await insertRows(
      client,
      "Membership",
      [
        col("id"),
        col("userId"),
        col("collaborativeId"),
        col("organisationId"),
        col("role", "text", "MembershipRole"),
        col("status", "text", "MembershipStatus"),
        col("createdAt", "timestamp"),
      ],
      membershipRows,
    );
    await insertRows(
      client,
      "PriorityArea",
      [
        col("id"),
        col("slug"),
        col("name"),
        col("kind", "text", "PriorityKind"),
        col("status", "text", "PriorityStatus"),
        col("collaborativeId"),
        col("createdAt", "timestamp"),
      ],
      localAreaRows,
    );
    counts.organisations = orgRows.length;
    counts.users = userRows.length;
    step(`${orgRows.length} organisations, ${userRows.length} people`);

    // ── Projects, measures and their monthly points ───────────────────────────
    const projectCount = Math.round(20_000 * scale);
    const projectRows: unknown[][] = [];
    const projectOrgRows: unknown[][] = [];
    const projectPriorityRows: unknown[][] = [];
    const projectStageRows: unknown[][] = [];
    const measureRows: unknown[][] = [];
    let pointRows: unknown[][] = [];
    const measureIds: { id: string; collaborative: number; improving: boolean }[] = [];
    const projectsBy: string[][] = collaboratives.map(() => []);
    let pointCount = 0;
    const pointColumns = [
      col("id"),
      col("measureId"),
      col("periodStart", "date"),
      col("value", "float8"),
      col("numerator", "float8"),
      col("denominator", "float8"),
      col("createdAt", "timestamp"),
      col("updatedAt", "timestamp"),
    ];

    for (let p = 0; p < projectCount; p++) {
      const ci = pickCollaborative();
      const c = collaboratives[ci]!;
      const id = rng.id();
      projectsBy[ci]!.push(id);
      const months = rng.int(14, MAX_MONTHS);
      const firstMonth = addMonths(GENERATED_LAST_MONTH, -(months - 1));
      const local = rng.chance(0.15);
      const area = local ? null : nationalAreas[rng.int(0, nationalAreas.length - 1)]!;
      const areaKey = area?.slug ?? "local";
      const status = weighted(rng, STATUSES);
      const createdBy = rng.pick(usersBy[ci]!);
      projectRows.push([
        id,
        c.id,
        `${AREA_WORDS[areaKey]} project ${p + 1}`,
        `Generated project for load testing (${AREA_WORDS[areaKey]}).`,
        isoDay(firstMonth),
        status,
        weighted(rng, VISIBILITIES),
        createdBy,
        firstMonth,
        addDays(GENERATED_LAST_MONTH, 20),
      ]);
      projectPriorityRows.push([id, area ? area.id : rng.pick(localAreasBy[ci]!)]);
      if (area && rng.chance(0.1)) {
        const second = nationalAreas[(nationalAreas.indexOf(area) + 1) % nationalAreas.length]!;
        projectPriorityRows.push([id, second.id]);
      }
      const orgs = rng.sample(orgsBy[ci]!, rng.int(1, 2));
      for (const o of orgs) projectOrgRows.push([id, o]);
      for (const s of rng.sample(stages, rng.int(1, 2))) projectStageRows.push([id, s]);

      // Some projects' changes work (a shift down in harm), a few make things worse, most stay level.
      const effect = rng.float();
      const changeAt = rng.int(Math.floor(months / 3), Math.max(Math.floor(months / 3), months - 8));
      const metric = area ? NATIONAL_METRICS.find((m) => m.area === area.slug) : undefined;
      for (let k = 0; k < 3; k++) {
        const measureId = rng.id();
        const national = k === 0 && metric ? metric : undefined;
        const kind = k === 0 ? "OUTCOME" : k === 1 ? "PROCESS" : "BALANCING";
        const direction: ImprovementDirection = k === 2 ? "NEITHER" : k === 1 ? "INCREASE" : "DECREASE";
        const isRate = k !== 2;
        const multiplier = national ? national.multiplier : k === 1 ? 100 : 1000;
        const baseRate = national
          ? national.multiplier === 100
            ? 12
            : rng.float() * 6 + 2
          : k === 1
            ? rng.float() * 40 + 40
            : rng.float() * 5 + 1;
        const moves = k !== 2;
        const factor = effect < 0.45 ? (k === 1 ? 1.3 : 0.6) : effect < 0.52 ? (k === 1 ? 0.8 : 1.5) : 1;
        const values: { periodStart: Date; value: number }[] = [];
        for (let i = 0; i < months; i++) {
          const periodStart = addMonths(firstMonth, i);
          const rate = Math.min(multiplier * 0.95, baseRate * (moves && i >= changeAt ? factor : 1));
          let value: number;
          let numerator: number | null = null;
          let denominator: number | null = null;
          if (isRate) {
            denominator = k === 1 ? rng.int(30, 60) : rng.int(600, 1400);
            numerator =
              k === 1 ? rng.binomial(denominator, rate / 100) : rng.poisson((rate * denominator) / multiplier);
            value = Math.round((numerator / denominator) * multiplier * 100) / 100;
          } else {
            value = Math.round(rng.normal(20, 3) * 10) / 10;
          }
          values.push({ periodStart, value });
          pointRows.push([
            `${measureId}m${i}`,
            measureId,
            isoDay(periodStart),
            value,
            numerator,
            denominator,
            addDays(periodStart, 35),
            addDays(periodStart, 35),
          ]);
        }
        pointCount += months;
        const spc = measureSpcStatus(
          { direction, target: null, screenOutlierMovingRanges: false, rebaseDates: [] },
          values,
        );
        measureIds.push({ id: measureId, collaborative: ci, improving: showsImprovement(spc) });
        measureRows.push([
          measureId,
          id,
          national
            ? `${national.name} ${national.unit}`
            : k === 1
              ? "Patients with the care bundle completed (%)"
              : "Balancing measure: average length of stay (days)",
          kind,
          national?.unit ?? (k === 1 ? "%" : "days"),
          direction,
          "MONTH",
          isRate ? "RATE" : "NUMBER",
          multiplier,
          national?.key ?? null,
          spc.spcVariation,
          spc.spcAssurance,
          spc.spcLatestSpecialCause,
          spc.spcPointCount,
          spc.spcLatestPeriod ? isoDay(spc.spcLatestPeriod) : null,
          now,
          firstMonth,
          now,
        ]);
      }
      if (projectRows.length >= 2_000 || p === projectCount - 1) {
        // Parents first: flush projects and measures, then the points that wait for them.
        await insertRows(
          client,
          "Project",
          [
            col("id"),
            col("collaborativeId"),
            col("title"),
            col("problem"),
            col("startDate", "date"),
            col("status", "text", "ProjectStatus"),
            col("visibility", "text", "Visibility"),
            col("createdById"),
            col("createdAt", "timestamp"),
            col("updatedAt", "timestamp"),
          ],
          projectRows,
        );
        await insertRows(client, "ProjectOrganisation", [col("projectId"), col("organisationId")], projectOrgRows);
        await insertRows(client, "ProjectPriority", [col("projectId"), col("priorityAreaId")], projectPriorityRows);
        await insertRows(client, "ProjectPathwayStage", [col("projectId"), col("pathwayStageId")], projectStageRows);
        await insertRows(
          client,
          "Measure",
          [
            col("id"),
            col("projectId"),
            col("name"),
            col("kind", "text", "MeasureKind"),
            col("unit"),
            col("direction", "text", "ImprovementDirection"),
            col("period", "text", "MeasurePeriod"),
            col("valueType", "text", "MeasureValueType"),
            col("rateMultiplier", "float8"),
            col("nationalMetric"),
            col("spcVariation"),
            col("spcAssurance"),
            col("spcLatestSpecialCause"),
            col("spcPointCount", "int4"),
            col("spcLatestPeriod", "date"),
            col("spcComputedAt", "timestamp"),
            col("createdAt", "timestamp"),
            col("updatedAt", "timestamp"),
          ],
          measureRows,
        );
        await insertRows(client, "MeasurePoint", pointColumns, pointRows);
        counts.projects = (counts.projects ?? 0) + projectRows.length;
        counts.measures = (counts.measures ?? 0) + measureRows.length;
        projectRows.length =
          projectOrgRows.length =
          projectPriorityRows.length =
          projectStageRows.length =
          measureRows.length =
            0;
        pointRows = [];
      }
    }
    counts.measurePoints = pointCount;
    step(`${counts.projects} projects, ${counts.measures} measures, ${pointCount} data points`);

    // ── Concerns (de-identified: no contact details, generic text) ────────────
    const concernCount = Math.round(200_000 * scale);
    const concernRows: unknown[][] = [];
    const concernColumns = [
      col("id"),
      col("reference"),
      col("trackingTokenHash"),
      col("idempotencyKey"),
      col("collaborativeId"),
      col("priorityAreaId"),
      col("pathwayStageId"),
      col("whatHappened"),
      col("reporterRelation", "text", "ReporterRelation"),
      col("status", "text", "ConcernStatus"),
      col("linkedPriorityId"),
      col("linkedProjectId"),
      col("receivedAt", "timestamp"),
      col("acknowledgedAt", "timestamp"),
      col("closedAt", "timestamp"),
    ];
    const spanMs = MAX_MONTHS * 30.4 * 86_400_000;
    for (let i = 0; i < concernCount; i++) {
      const ci = pickCollaborative();
      const c = collaboratives[ci]!;
      // More concerns recently: the portal's reach grows.
      const receivedAt = new Date(now.getTime() - Math.pow(rng.float(), 0.8) * spanMs);
      const areaRoll = rng.float();
      const areaId =
        areaRoll < 0.7 ? nationalAreas[rng.int(0, 4)]!.id : areaRoll < 0.85 ? rng.pick(localAreasBy[ci]!) : null;
      const recent = now.getTime() - receivedAt.getTime() < 3 * 86_400_000;
      const acknowledged = !recent && rng.chance(0.95);
      const acknowledgedAt = acknowledged
        ? new Date(receivedAt.getTime() + rng.float() * rng.int(1, 10) * 86_400_000)
        : null;
      const status = acknowledged ? rng.pick(CONCERN_STATUSES) : "RECEIVED";
      const linked = acknowledged && rng.chance(0.35);
      const reference = `GEN-${i.toString(36).toUpperCase().padStart(7, "0")}`;
      concernRows.push([
        rng.id(),
        reference,
        `generated-token-${i}`,
        `generated-key-${i}`,
        c.id,
        areaId,
        rng.chance(0.7) ? rng.pick(stages) : null,
        "Generated concern for load testing.",
        rng.pick(RELATIONS),
        status,
        linked && areaId && rng.chance(0.6) ? areaId : null,
        linked && rng.chance(0.5) ? rng.pick(projectsBy[ci]!) : null,
        receivedAt,
        acknowledgedAt,
        status === "CLOSED" ? acknowledgedAt : null,
      ]);
      if (concernRows.length >= 20_000) {
        await insertRows(client, "Concern", concernColumns, concernRows);
        counts.concerns = (counts.concerns ?? 0) + concernRows.length;
        concernRows.length = 0;
      }
    }
    await insertRows(client, "Concern", concernColumns, concernRows);
    counts.concerns = (counts.concerns ?? 0) + concernRows.length;
    step(`${counts.concerns} concerns`);

    // ── Learning items and adoptions ──────────────────────────────────────────
    const learningCount = Math.round(20_000 * scale);
    const learningRows: unknown[][] = [];
    const learningPriorityRows: unknown[][] = [];
    const published: { id: string; origin: number; publishedAt: Date; popularity: number }[] = [];
    const improvingByCollaborative = collaboratives.map(() => [] as string[]);
    for (const m of measureIds) if (m.improving) improvingByCollaborative[m.collaborative]!.push(m.id);
    for (let i = 0; i < learningCount; i++) {
      const ci = pickCollaborative();
      const c = collaboratives[ci]!;
      const id = rng.id();
      const area = nationalAreas[rng.int(0, 4)]!;
      const isPublished = rng.chance(0.8);
      const createdAt = new Date(now.getTime() - rng.float() * spanMs);
      const publishedAt = isPublished ? addDays(createdAt, rng.int(1, 30)) : null;
      const evidence =
        rng.chance(0.3) && improvingByCollaborative[ci]!.length > 0 ? rng.pick(improvingByCollaborative[ci]!) : null;
      learningRows.push([
        id,
        `generated-learning-${i + 1}`,
        rng.chance(0.7) ? "CHANGE_IDEA" : rng.pick(["CASE_STUDY", "RESOURCE", "LESSON"]),
        `${AREA_WORDS[area.slug]} idea ${i + 1}`,
        "Generated learning item for load testing.",
        isPublished ? "PUBLISHED" : "DRAFT",
        c.id,
        rng.pick(usersBy[ci]!),
        evidence,
        evidence !== null,
        publishedAt,
        createdAt,
        publishedAt ?? createdAt,
      ]);
      learningPriorityRows.push([id, area.id]);
      if (publishedAt && publishedAt < now)
        published.push({ id, origin: ci, publishedAt, popularity: Math.pow(rng.float(), 2.5) });
    }
    await insertRows(
      client,
      "LearningItem",
      [
        col("id"),
        col("slug"),
        col("type", "text", "LearningType"),
        col("title"),
        col("summary"),
        col("status", "text", "LearningStatus"),
        col("collaborativeId"),
        col("authorId"),
        col("measureId"),
        col("hasImprovementEvidence", "bool"),
        col("publishedAt", "timestamp"),
        col("createdAt", "timestamp"),
        col("updatedAt", "timestamp"),
      ],
      learningRows,
    );
    await insertRows(
      client,
      "LearningItemPriority",
      [col("learningItemId"), col("priorityAreaId")],
      learningPriorityRows,
    );
    counts.learningItems = learningRows.length;

    // Adoptions: a few ideas spread widely, most not at all (popularity is skewed).
    const adoptionTarget = Math.round(50_000 * scale);
    const popularitySum = published.reduce((a, b) => a + b.popularity, 0);
    const adoptionRows: unknown[][] = [];
    for (const item of published) {
      const want = Math.min(14, Math.round((item.popularity / popularitySum) * adoptionTarget + rng.float() - 0.5));
      if (want <= 0) continue;
      const adopters = rng.sample(
        collaboratives.map((_, i) => i).filter((i) => i !== item.origin),
        want,
      );
      for (const ai of adopters) {
        // Within the time the item has been out (and at most about a year), quickest adopters first.
        const available = Math.min(400, Math.floor((now.getTime() - item.publishedAt.getTime()) / 86_400_000) - 1);
        if (available < 1) continue;
        const createdAt = addDays(item.publishedAt, 1 + Math.round(Math.pow(rng.float(), 2) * (available - 1)));
        adoptionRows.push([
          rng.id(),
          item.id,
          collaboratives[ai]!.id,
          rng.pick(orgsBy[ai]!),
          weighted(rng, ADOPTION_STATUSES),
          rng.pick(usersBy[ai]!),
          createdAt,
          createdAt,
        ]);
      }
    }
    await insertRows(
      client,
      "Adoption",
      [
        col("id"),
        col("learningItemId"),
        col("collaborativeId"),
        col("organisationId"),
        col("status", "text", "AdoptionStatus"),
        col("recordedById"),
        col("createdAt", "timestamp"),
        col("updatedAt", "timestamp"),
      ],
      adoptionRows,
    );
    counts.adoptions = adoptionRows.length;
    step(`${counts.learningItems} learning items, ${counts.adoptions} adoptions`);

    await client.query("COMMIT");
    await client.query("ANALYZE");
    step("committed and analysed");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

async function main() {
  const { loadLocalEnv } = await import("@/lib/cli/local-env");
  loadLocalEnv({ createSecrets: false });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to an empty, migrated database with reference data.");
  const scale = parseScale(process.argv.slice(2));
  console.log(`Generating scale ${scale} data into ${new URL(databaseUrl).pathname.slice(1)}…`);
  const counts = await generate(databaseUrl, scale);
  console.log("Refreshing the dashboard summaries…");
  const { refreshDashboardSummaries } = await import("@/lib/dashboard/summaries");
  const refreshed = await refreshDashboardSummaries({ force: true });
  console.log(
    `Done: ${Object.entries(counts)
      .map(([k, v]) => `${v.toLocaleString("en-GB")} ${k}`)
      .join(", ")}; summaries refreshed in ${refreshed.durationMs} ms.`,
  );
  process.exit(0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(`\n✖ ${error.message}\n`);
    process.exit(1);
  });
}
