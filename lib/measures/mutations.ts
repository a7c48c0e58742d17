/**
 * Writes for measures and their data. Every change to a measure's points (or to what its SPC
 * status depends on) locks the measure first (lockMeasure), recomputes the stored status with
 * refreshMeasureSpc in the same transaction, and is audited there too.
 */
import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { requireProject, type ProjectAccess } from "@/lib/projects/access";
import { changedFields, EditConflictError } from "@/lib/forms/conflict";
import {
  EXISTING_POINT_FIELDS,
  MAX_NOTE_LENGTH,
  importBasis,
  importChoices,
  parseMeasureCsv,
  type ImportRequest,
} from "./csv";
import { FORM_CHANGED } from "@/lib/forms/messages";
import { formatPeriod, parsePeriodText, periodKey, periodStartOf, periodWindowProblem } from "./periods";
import type { CorrectPointInput, MeasureInput, UpdateMeasureInput, ValuesGridInput } from "./schemas";
import { refreshImprovementEvidence, refreshMeasureSpc } from "./spc-status";
import { pointValue, shownCells, type PointValue } from "./values";
import { CHART_TYPE_NAMES, chartTypeProblem, type ChartType } from "./chart-types";

/**
 * Every write to a measure starts here: the row lock serialises writers of one measure, so each
 * recomputes the stored SPC status from all committed points and reads the rebase dates afresh.
 */
async function lockMeasure(tx: Tx, projectId: string, measureId: string, options: { archived?: boolean } = {}) {
  await tx.$queryRaw`SELECT id FROM "Measure" WHERE id = ${measureId} AND "projectId" = ${projectId} FOR UPDATE`;
  const measure = await tx.measure.findFirst({ where: { id: measureId, projectId } });
  if (!measure) throw new NotFoundError("That measure is no longer in the project.");
  // An archived measure changes only by being restored (and restoring needs an archived one).
  if ((measure.archivedAt !== null) !== (options.archived ?? false))
    throw new DomainError(
      measure.archivedAt ? "This measure is archived. Restore it to change it." : "This measure is not archived.",
    );
  return measure;
}

function audit(
  tx: Tx,
  viewer: Viewer,
  project: ProjectAccess,
  action: string,
  measureId: string,
  details: Record<string, string | number | null> = {},
) {
  return recordAudit(tx, {
    action,
    subjectType: "Measure",
    subjectId: measureId,
    actorId: viewer.userId,
    collaborativeId: project.collaborativeId,
    details: { projectId: project.id, ...details },
  });
}

type DefinitionSource = Pick<
  MeasureInput,
  | "name"
  | "kind"
  | "definition"
  | "unit"
  | "direction"
  | "target"
  | "period"
  | "valueType"
  | "rateMultiplier"
  | "screenOutlierMovingRanges"
  | "chartType"
>;

const definition = (input: DefinitionSource) => ({
  name: input.name,
  kind: input.kind,
  definition: input.definition,
  unit: input.unit,
  direction: input.direction,
  target: input.target,
  period: input.period,
  valueType: input.valueType,
  rateMultiplier: input.valueType === "RATE" ? input.rateMultiplier : 1,
  screenOutlierMovingRanges: input.screenOutlierMovingRanges,
  chartType: input.chartType,
});

/** P and U charts only where they fit (a numerator and a denominator; a percentage for P): refused beside the field. */
function requireFittingChart(next: MeasureDefinition) {
  const problem = chartTypeProblem(next);
  if (problem) throw new DomainError("This chart does not fit the measure.", { chartType: problem });
}

export async function createMeasure(viewer: Viewer, input: MeasureInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    requireFittingChart(definition(input));
    const measure = await tx.measure.create({
      data: { projectId: project.id, ...definition(input) },
      select: { id: true },
    });
    await audit(tx, viewer, project, "measure.created", measure.id, { kind: input.kind });
    return measure;
  });
}

const MEASURE_LABELS = {
  name: "Name",
  kind: "Kind",
  definition: "Definition",
  unit: "Unit",
  direction: "Improvement direction",
  target: "Target",
  period: "Period",
  valueType: "Values recorded as",
  rateMultiplier: "Rate multiplier",
  screenOutlierMovingRanges: "Screen outlying moving ranges",
  chartType: "Chart",
};
type MeasureDefinition = ReturnType<typeof definition>;
const comparable = (m: MeasureDefinition) =>
  Object.fromEntries(
    Object.entries(m).map(([k, v]) => [
      k,
      // The chart as the form names it, not its stored code.
      k === "chartType"
        ? CHART_TYPE_NAMES[v as ChartType]
        : v === null
          ? ""
          : typeof v === "boolean"
            ? v
              ? "Yes"
              : "No"
            : String(v),
    ]),
  ) as Record<string, string>;

/** Saves the measure's definition (optimistic concurrency as for projects); rates are recomputed if the multiplier changes. */
export async function updateMeasure(viewer: Viewer, input: UpdateMeasureInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const current = await lockMeasure(tx, project.id, input.id);
    const next = definition(input);
    requireFittingChart(next);
    let version = input.version;
    if (current.version !== version) {
      const changes = changedFields(MEASURE_LABELS, comparable(definition(current)), comparable(next));
      if (changes.length > 0) throw new EditConflictError({ version: current.version, changes });
      version = current.version;
    }
    const points = await tx.measurePoint.count({ where: { measureId: current.id } });
    if (points > 0) {
      const errors: Record<string, string> = {};
      if (next.period !== current.period)
        errors.period =
          "The period cannot change once the measure has data: delete the data first, or create a new measure";
      if (next.valueType !== current.valueType)
        errors.valueType =
          "How values are recorded cannot change once the measure has data: create a new measure instead";
      if (Object.keys(errors).length > 0)
        throw new DomainError("This change would make the existing data wrong.", errors);
    }
    const { count } = await tx.measure.updateMany({
      where: { id: current.id, version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await lockMeasure(tx, project.id, current.id);
      throw new EditConflictError({
        version: now.version,
        changes: changedFields(MEASURE_LABELS, comparable(definition(now)), comparable(next)),
      });
    }
    if (next.valueType === "RATE" && next.rateMultiplier !== current.rateMultiplier) {
      const rates = await tx.measurePoint.findMany({
        where: { measureId: current.id },
        select: { id: true, numerator: true, denominator: true },
      });
      for (const p of rates) {
        if (p.numerator !== null && p.denominator)
          await tx.measurePoint.update({
            where: { id: p.id },
            data: { value: (p.numerator / p.denominator) * next.rateMultiplier },
          });
      }
    }
    await refreshMeasureSpc(tx, current.id);
    await audit(tx, viewer, project, "measure.updated", current.id, {
      fields: changedFields(MEASURE_LABELS, comparable(definition(current)), comparable(next))
        .map((c) => c.field)
        .join(","),
    });
  });
}

/**
 * Archives a measure instead of deleting it: its points stay, it leaves the project page, every figure
 * and the learning library's evidence (recomputed here); the project's editors can restore it.
 */
export async function archiveMeasure(viewer: Viewer, input: { projectId: string; id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const measure = await lockMeasure(tx, project.id, input.id);
    await tx.measure.update({
      where: { id: measure.id },
      data: { archivedAt: new Date(), archivedById: viewer.userId, version: { increment: 1 } },
    });
    await refreshImprovementEvidence(tx, { measureId: measure.id });
    const points = await tx.measurePoint.count({ where: { measureId: measure.id } });
    await audit(tx, viewer, project, "measure.archived", measure.id, { name: measure.name, points });
  });
}

export async function restoreMeasure(viewer: Viewer, input: { projectId: string; id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const measure = await lockMeasure(tx, project.id, input.id, { archived: true });
    await tx.measure.update({
      where: { id: measure.id },
      data: { archivedAt: null, archivedById: null, version: { increment: 1 } },
    });
    await refreshImprovementEvidence(tx, { measureId: measure.id });
    await audit(tx, viewer, project, "measure.restored", measure.id, { name: measure.name });
  });
}

function valueOrThrow(
  measure: { valueType: "NUMBER" | "RATE"; rateMultiplier: number },
  raw: { value: string; numerator: string; denominator: string },
) {
  const result = pointValue(measure, raw);
  if (!result.ok) throw new DomainError(Object.values(result.errors)[0]!, result.errors);
  return result.point;
}

/** One value for one period (the values grid saves many at once through saveValues). */
export async function addPoint(
  viewer: Viewer,
  input: {
    projectId: string;
    measureId: string;
    period: Date;
    value: string;
    numerator: string;
    denominator: string;
    note: string;
  },
  today = new Date(),
): Promise<{ id: string; label: string }> {
  return db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const measure = await lockMeasure(tx, project.id, input.measureId);
    const start = periodStartOf(input.period, measure.period);
    const problem = periodWindowProblem(start, measure.period, { today });
    if (problem) throw new DomainError(problem, { period: problem });
    const existing = await tx.measurePoint.findUnique({
      where: { measureId_periodStart: { measureId: measure.id, periodStart: start } },
      select: { id: true },
    });
    if (existing) {
      const message = `${formatPeriod(start, measure.period)} already has a value: correct that point instead of adding another`;
      throw new DomainError(message, { period: message });
    }
    const value = valueOrThrow(measure, input);
    const point = await tx.measurePoint.create({
      data: { measureId: measure.id, periodStart: start, ...value, note: input.note },
      select: { id: true },
    });
    await refreshMeasureSpc(tx, measure.id);
    await audit(tx, viewer, project, "measure.point_added", measure.id, {
      pointId: point.id,
      period: periodKey(start),
      value: value.value,
    });
    return { id: point.id, label: formatPeriod(start, measure.period) };
  });
}

export async function correctPoint(viewer: Viewer, input: CorrectPointInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const measure = await lockMeasure(tx, project.id, input.measureId);
    const point = await tx.measurePoint.findFirst({ where: { id: input.pointId, measureId: measure.id } });
    if (!point) throw new NotFoundError("That point is no longer in the measure.");
    const value = valueOrThrow(measure, input);
    await tx.measurePoint.update({ where: { id: point.id }, data: { ...value, note: input.note } });
    await refreshMeasureSpc(tx, measure.id);
    await audit(tx, viewer, project, "measure.point_corrected", measure.id, {
      pointId: point.id,
      period: periodKey(point.periodStart),
      previousValue: point.value,
      value: value.value,
    });
  });
}

export async function deletePoint(
  viewer: Viewer,
  input: { projectId: string; measureId: string; pointId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const measure = await lockMeasure(tx, project.id, input.measureId);
    const point = await tx.measurePoint.findFirst({ where: { id: input.pointId, measureId: measure.id } });
    if (!point) throw new NotFoundError("That point is no longer in the measure.");
    await tx.measurePoint.delete({ where: { id: point.id } });
    await refreshMeasureSpc(tx, measure.id);
    await audit(tx, viewer, project, "measure.point_deleted", measure.id, {
      pointId: point.id,
      period: periodKey(point.periodStart),
      previousValue: point.value,
    });
  });
}

/**
 * Saves the values grid all or nothing: new values are added and changed ones corrected (audited as
 * the single-point forms audit them), under the measure's lock, with one recomputation of the stored
 * SPC status. A value someone else saved or changed since the page was drawn is not overwritten: its
 * cell says so. Every bad cell gets its own message (named by its period, so the summary lists each once).
 */
export async function saveValues(
  viewer: Viewer,
  input: Omit<ValuesGridInput, "intent">,
  today = new Date(),
): Promise<{ saved: number }> {
  return db.$transaction(
    async (tx) => {
      const project = await requireProject(viewer, input.projectId, "project.update", tx);
      const measure = await lockMeasure(tx, project.id, input.measureId);
      const stored = new Map(
        (
          await tx.measurePoint.findMany({
            where: { measureId: measure.id },
            select: { id: true, periodStart: true, value: true, numerator: true, denominator: true, note: true },
          })
        ).map((p) => [periodKey(p.periodStart), p]),
      );
      const errors: Record<string, string> = {};
      const seen = new Set<string>();
      const added: { periodStart: Date; value: PointValue; note: string }[] = [];
      const corrected: { point: NonNullable<ReturnType<typeof stored.get>>; value: PointValue; note: string }[] = [];
      const valueCell = measure.valueType === "RATE" ? "numerator" : "value";
      for (const row of input.rows) {
        const date = parsePeriodText(row.period);
        const start = date && periodStartOf(date, measure.period);
        const key = start && periodKey(start);
        if (!start || key !== row.period || seen.has(key)) {
          errors[`${valueCell}-${row.index}`] = FORM_CHANGED;
          continue;
        }
        seen.add(key);
        const label = formatPeriod(start, measure.period);
        const typed = [row.value.trim(), row.numerator.trim(), row.denominator.trim(), row.note.trim()] as const;
        if (row.shown === null && typed.every((t) => t === "")) continue; // an empty row
        if (row.shown !== null && typed.every((t, i) => t === row.shown![i]!.trim())) continue; // unchanged
        const point = stored.get(key);
        const now = point ? shownCells(point) : null;
        const changedMeanwhile =
          row.shown === null ? now !== null : now === null || now.some((t, i) => t !== row.shown![i]);
        if (changedMeanwhile) {
          errors[`${valueCell}-${row.index}`] = now
            ? `${label} was changed by someone else since you opened this page (it is now ${now[measure.valueType === "RATE" ? 1 : 0]}${measure.valueType === "RATE" ? ` / ${now[2]}` : ""}): check it and save again`
            : `${label} was deleted by someone else since you opened this page: check it and save again`;
          continue;
        }
        const problem = periodWindowProblem(start, measure.period, { today });
        if (problem) {
          errors[`${valueCell}-${row.index}`] = problem;
          continue;
        }
        if (row.note.length > MAX_NOTE_LENGTH)
          errors[`note-${row.index}`] = `The note for ${label} must be ${MAX_NOTE_LENGTH} characters or fewer`;
        const result = pointValue(measure, row);
        if (!result.ok) {
          for (const [field, message] of Object.entries(result.errors)) {
            // "Value must be a number…" → "Value for Sep 2025 must be a number…": each cell's message is its own.
            const text = message.replace(/^(Enter an? \w+|Value|Numerator|Denominator)/, `$1 for ${label}`);
            errors[`${field}-${row.index}`] =
              point && message.startsWith("Enter")
                ? `${text} (to delete the value, use “Correct or delete” on the measure page)`
                : text;
          }
          continue;
        }
        if (errors[`note-${row.index}`]) continue;
        if (point) corrected.push({ point, value: result.point, note: row.note.trim() });
        else added.push({ periodStart: start, value: result.point, note: row.note.trim() });
      }
      const problems = new Set(Object.keys(errors).map((k) => k.slice(k.lastIndexOf("-") + 1))).size;
      if (problems > 0)
        throw new DomainError(
          `${problems === 1 ? "1 row needs" : `${problems} rows need`} correcting: nothing has been saved yet`,
          errors,
        );
      if (added.length + corrected.length === 0)
        throw new DomainError("Enter at least one value", {
          [`${valueCell}-${input.rows[0]?.index ?? 0}`]: "Enter at least one value",
        });
      const created = await tx.measurePoint.createManyAndReturn({
        data: added.map((a) => ({ measureId: measure.id, periodStart: a.periodStart, ...a.value, note: a.note })),
        select: { id: true, periodStart: true, value: true },
      });
      for (const c of corrected)
        await tx.measurePoint.update({ where: { id: c.point.id }, data: { ...c.value, note: c.note } });
      await refreshMeasureSpc(tx, measure.id);
      for (const point of created)
        await audit(tx, viewer, project, "measure.point_added", measure.id, {
          pointId: point.id,
          period: periodKey(point.periodStart),
          value: point.value,
        });
      for (const c of corrected)
        await audit(tx, viewer, project, "measure.point_corrected", measure.id, {
          pointId: c.point.id,
          period: periodKey(c.point.periodStart),
          previousValue: c.point.value,
          value: c.value.value,
        });
      return { saved: created.length + corrected.length };
    },
    { timeout: 30_000 },
  );
}

export class ImportRejectedError extends DomainError {}

export type ImportResult = { added: number; replaced: number; unchanged: number; skipped: number; blank: number };

/**
 * Imports a CSV all or nothing: every row is checked again inside the transaction, under the
 * measure's lock, and one bad row means nothing is saved. A period that has a value is replaced
 * only when the person chose to; and when the outcome is not the one the person was shown (the
 * data changed since the preview, or a choice did), nothing is saved and the preview is shown again.
 */
export async function importMeasureCsv(
  viewer: Viewer,
  input: ImportRequest,
  today = new Date(),
): Promise<ImportResult> {
  return db.$transaction(
    async (tx) => {
      const project = await requireProject(viewer, input.projectId, "project.update", tx);
      const measure = await lockMeasure(tx, project.id, input.measureId);
      const points = await tx.measurePoint.findMany({
        where: { measureId: measure.id },
        select: EXISTING_POINT_FIELDS,
      });
      const preview = parseMeasureCsv(
        input.csv,
        {
          spec: measure,
          period: measure.period,
          today,
          ...importBasis(measure, points),
        },
        importChoices(input),
      );
      if (preview.fileErrors.length > 0 || preview.errorCount > 0) {
        const count = preview.fileErrors.length + preview.errorCount;
        throw new ImportRejectedError(
          `Nothing was imported: ${count === 1 ? "1 problem needs" : `${count} problems need`} fixing first. Check the file and preview it again.`,
        );
      }
      if (input.plan !== undefined && input.plan !== preview.plan)
        throw new ImportRejectedError(
          "Nothing was imported: the measure’s data changed since the file was checked (or a choice did). Check the rows below again, then import.",
        );
      const { add, replace, unchanged, skip, blank } = preview.counts;
      if (add + replace === 0)
        throw new ImportRejectedError(
          "Nothing was imported: every period in the file already has this value or is kept as it is.",
        );
      const byPeriod = new Map(points.map((p) => [periodKey(p.periodStart), p.id]));
      await tx.measurePoint.createMany({
        data: preview.rows
          .filter((r) => r.outcome === "add")
          .map((r) => ({
            measureId: measure.id,
            periodStart: new Date(`${r.periodKey}T00:00:00Z`),
            value: r.value!,
            numerator: r.numerator,
            denominator: r.denominator,
            note: r.note,
          })),
      });
      for (const row of preview.rows.filter((r) => r.outcome === "replace"))
        await tx.measurePoint.update({
          where: { id: byPeriod.get(row.periodKey!)! },
          data: { value: row.value!, numerator: row.numerator, denominator: row.denominator, note: row.note },
        });
      await refreshMeasureSpc(tx, measure.id);
      const changed = preview.rows.filter((r) => r.outcome === "add" || r.outcome === "replace");
      await audit(tx, viewer, project, "measure.imported", measure.id, {
        rows: preview.rows.length,
        added: add,
        replaced: replace,
        skipped: skip,
        unchanged,
        blank,
        first: changed[0]?.periodKey ?? null,
        last: changed.at(-1)?.periodKey ?? null,
        replacedPeriods:
          preview.rows
            .filter((r) => r.outcome === "replace")
            .map((r) => r.periodKey)
            .join(",")
            .slice(0, 2000) || null,
      });
      return { added: add, replaced: replace, unchanged, skipped: skip, blank };
    },
    { timeout: 30_000 },
  );
}

/** Recalculates the limits from the period starting `from` (e.g. after a change was adopted). */
export async function addRebase(
  viewer: Viewer,
  input: { projectId: string; measureId: string; from: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const measure = await lockMeasure(tx, project.id, input.measureId);
    const from = new Date(`${input.from}T00:00:00Z`);
    const points = await tx.measurePoint.findMany({
      where: { measureId: measure.id },
      orderBy: { periodStart: "asc" },
      select: { periodStart: true },
    });
    const index = points.findIndex((p) => p.periodStart.getTime() === from.getTime());
    if (index < 0)
      throw new DomainError("Select one of the measure’s points", { from: "Select one of the measure’s points" });
    if (index === 0)
      throw new DomainError("The limits already start from the first point: choose a later one", {
        from: "Choose a point after the first",
      });
    if (measure.rebaseDates.some((d) => d.getTime() === from.getTime())) return;
    await tx.measure.update({
      where: { id: measure.id },
      data: { rebaseDates: [...measure.rebaseDates, from].sort((a, b) => a.getTime() - b.getTime()) },
    });
    await refreshMeasureSpc(tx, measure.id);
    await audit(tx, viewer, project, "measure.rebased", measure.id, { from: input.from });
  });
}

export async function removeRebase(
  viewer: Viewer,
  input: { projectId: string; measureId: string; from: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const project = await requireProject(viewer, input.projectId, "project.update", tx);
    const measure = await lockMeasure(tx, project.id, input.measureId);
    const from = new Date(`${input.from}T00:00:00Z`).getTime();
    const kept = measure.rebaseDates.filter((d) => d.getTime() !== from);
    if (kept.length === measure.rebaseDates.length) return;
    await tx.measure.update({ where: { id: measure.id }, data: { rebaseDates: kept } });
    await refreshMeasureSpc(tx, measure.id);
    await audit(tx, viewer, project, "measure.rebase_removed", measure.id, { from: input.from });
  });
}
